-- Skill demand shares by year in the stored postings (one skill, or every skill when NULL).
WITH base AS (
    SELECT posting_id, year FROM postings
    WHERE year IS NOT NULL AND (:role IS NULL OR role = :role)
),
totals AS (SELECT year, COUNT(*) AS n FROM base GROUP BY year)
SELECT b.year,
       s.skill,
       COUNT(*) AS postings_with_skill,
       t.n AS postings_total,
       CAST(COUNT(*) AS DOUBLE) / t.n AS share
FROM posting_skills s
JOIN base b ON s.posting_id = b.posting_id
JOIN totals t ON b.year = t.year
WHERE (:skill IS NULL OR s.skill = :skill) AND (:inferred OR NOT s.inferred)
GROUP BY b.year, s.skill, t.n
ORDER BY b.year, postings_with_skill DESC, s.skill
