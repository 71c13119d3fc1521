-- Salary records by where they came from ('default' = the packaged aijobs.net data), for the
-- source line every salary answer carries.
SELECT source, COUNT(*) AS records
FROM salaries
GROUP BY source
ORDER BY source
