-- Skills asked together with :skill in the stored postings: count, share of the postings with
-- :skill, and lift = P(other | skill) / P(other); pairs seen in fewer than :min_support
-- postings are left out. Ordered by lift (:sort = 'lift') or by count.
WITH base AS (
    SELECT posting_id FROM postings WHERE (:role IS NULL OR role = :role)
),
skills AS (
    SELECT s.posting_id, s.skill
    FROM posting_skills s JOIN base b ON s.posting_id = b.posting_id
    WHERE (:inferred OR NOT s.inferred)
),
total AS (SELECT COUNT(*) AS n FROM base),
with_a AS (SELECT posting_id FROM skills WHERE skill = :skill),
a AS (SELECT COUNT(*) AS n FROM with_a),
b AS (SELECT skill, COUNT(*) AS n FROM skills GROUP BY skill),
pair AS (
    SELECT s.skill, COUNT(*) AS n
    FROM skills s JOIN with_a w ON s.posting_id = w.posting_id
    WHERE s.skill <> :skill
    GROUP BY s.skill
)
SELECT pair.skill,
       pair.n AS postings_with_both,
       a.n AS postings_with_skill,
       b.n AS postings_with_other,
       total.n AS postings_total,
       CAST(pair.n AS DOUBLE) / a.n AS share,
       (CAST(pair.n AS DOUBLE) / a.n) / (CAST(b.n AS DOUBLE) / total.n) AS lift
FROM pair
JOIN b ON pair.skill = b.skill
CROSS JOIN a
CROSS JOIN total
WHERE pair.n >= :min_support
ORDER BY CASE WHEN :sort = 'count' THEN pair.n ELSE 0 END DESC, lift DESC, pair.n DESC, pair.skill
LIMIT :top
