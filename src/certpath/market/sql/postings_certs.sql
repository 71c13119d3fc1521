-- Certifications named in the stored postings: postings naming each, and the share of the
-- postings of the role (all postings, role NULL, unless :by_role or :role is given).
WITH base AS (
    SELECT posting_id, CASE WHEN :by_role OR :role IS NOT NULL THEN role END AS grp
    FROM postings
    WHERE (:role IS NULL OR role = :role)
),
totals AS (SELECT COALESCE(grp, '') AS grp, COUNT(*) AS n FROM base GROUP BY COALESCE(grp, ''))
SELECT NULLIF(t.grp, '') AS role,
       c.cert,
       c.ecosystem,
       c.generic,
       COUNT(*) AS postings_with_cert,
       t.n AS postings_total,
       CAST(COUNT(*) AS DOUBLE) / t.n AS share
FROM posting_certs c
JOIN base b ON c.posting_id = b.posting_id
JOIN totals t ON COALESCE(b.grp, '') = t.grp
GROUP BY t.grp, c.cert, c.ecosystem, c.generic, t.n
ORDER BY role NULLS FIRST, c.generic, postings_with_cert DESC, c.cert
