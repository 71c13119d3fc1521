-- Co-occurrence from the packaged pair aggregates (each pair stored once, skill_a < skill_b).
WITH pairs AS (
    SELECT skill_b AS skill, postings_with_both, postings_with_a AS postings_with_skill,
           postings_with_b AS postings_with_other, postings_total
    FROM cooccurrence_aggregates WHERE source = :source AND skill_a = :skill
    UNION ALL
    SELECT skill_a AS skill, postings_with_both, postings_with_b AS postings_with_skill,
           postings_with_a AS postings_with_other, postings_total
    FROM cooccurrence_aggregates WHERE source = :source AND skill_b = :skill
)
SELECT skill, postings_with_both, postings_with_skill, postings_with_other, postings_total,
       CAST(postings_with_both AS DOUBLE) / postings_with_skill AS share,
       (CAST(postings_with_both AS DOUBLE) / postings_with_skill)
           / (CAST(postings_with_other AS DOUBLE) / postings_total) AS lift
FROM pairs
WHERE postings_with_both >= :min_support
ORDER BY CASE WHEN :sort = 'count' THEN postings_with_both ELSE 0 END DESC, lift DESC,
         postings_with_both DESC, skill
LIMIT :top
