-- The same from the packaged aggregates; cert '*' rows hold each role's total postings.
WITH picked AS (
    SELECT CASE WHEN :by_role OR :role IS NOT NULL THEN role END AS grp, cert, ecosystem,
           generic, postings_with_cert, postings_total
    FROM cert_aggregates
    WHERE source = :source AND (:role IS NULL OR role = :role)
),
totals AS (
    SELECT COALESCE(grp, '') AS grp, SUM(postings_total) AS n
    FROM picked WHERE cert = '*' GROUP BY COALESCE(grp, '')
)
SELECT NULLIF(t.grp, '') AS role,
       r.cert,
       r.ecosystem,
       r.generic,
       SUM(r.postings_with_cert) AS postings_with_cert,
       t.n AS postings_total,
       CAST(SUM(r.postings_with_cert) AS DOUBLE) / t.n AS share
FROM picked r
JOIN totals t ON COALESCE(r.grp, '') = t.grp
WHERE r.cert <> '*'
GROUP BY t.grp, r.cert, r.ecosystem, r.generic, t.n
ORDER BY role NULLS FIRST, r.generic, postings_with_cert DESC, r.cert
