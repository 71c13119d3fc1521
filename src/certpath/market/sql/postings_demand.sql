-- Share of the stored postings that mention each skill, within optional role, seniority and
-- period filters (period: 'YYYY-MM' or 'YYYY'); explicit mentions unless :inferred.
WITH base AS (
    SELECT posting_id FROM postings
    WHERE (:role IS NULL OR role = :role)
      AND (:seniority IS NULL OR seniority = :seniority)
      AND (:period IS NULL OR period = :period OR CAST(year AS STRING) = :period)
),
total AS (SELECT COUNT(*) AS n FROM base)
SELECT s.skill,
       COUNT(*) AS postings_with_skill,
       total.n AS postings_total,
       CAST(COUNT(*) AS DOUBLE) / total.n AS share
FROM posting_skills s
JOIN base b ON s.posting_id = b.posting_id
CROSS JOIN total
WHERE (:inferred OR NOT s.inferred)
GROUP BY s.skill, total.n
ORDER BY postings_with_skill DESC, s.skill
LIMIT :top
