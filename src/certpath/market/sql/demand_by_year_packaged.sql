-- Skill demand shares by year from the packaged aggregates.
WITH groups AS (
    SELECT CAST(substr(period, 1, 4) AS INTEGER) AS year, skill, postings_with_skill,
           postings_total
    FROM demand_aggregates
    WHERE source = :source AND period IS NOT NULL AND (:role IS NULL OR role = :role)
),
totals AS (SELECT year, SUM(postings_total) AS n FROM groups WHERE skill = '*' GROUP BY year)
SELECT g.year,
       g.skill,
       SUM(g.postings_with_skill) AS postings_with_skill,
       t.n AS postings_total,
       CAST(SUM(g.postings_with_skill) AS DOUBLE) / t.n AS share
FROM groups g
JOIN totals t ON g.year = t.year
WHERE g.skill <> '*' AND (:skill IS NULL OR g.skill = :skill)
GROUP BY g.year, g.skill, t.n
ORDER BY g.year, postings_with_skill DESC, g.skill
