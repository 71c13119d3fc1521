-- The same question over the packaged aggregates: rows with skill '*' hold each group's total.
WITH groups AS (
    SELECT * FROM demand_aggregates
    WHERE source = :source
      AND (:role IS NULL OR role = :role)
      AND (:seniority IS NULL OR seniority = :seniority)
      AND (:period IS NULL OR period = :period OR substr(period, 1, 4) = :period)
),
total AS (SELECT COALESCE(SUM(postings_total), 0) AS n FROM groups WHERE skill = '*')
SELECT g.skill,
       SUM(g.postings_with_skill) AS postings_with_skill,
       total.n AS postings_total,
       CAST(SUM(g.postings_with_skill) AS DOUBLE) / total.n AS share
FROM groups g
CROSS JOIN total
WHERE g.skill <> '*'
GROUP BY g.skill, total.n
ORDER BY postings_with_skill DESC, g.skill
LIMIT :top
