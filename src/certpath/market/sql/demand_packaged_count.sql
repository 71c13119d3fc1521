-- Postings behind the packaged aggregates within the filters, and the years they span.
SELECT COALESCE(SUM(postings_total), 0) AS postings,
       MIN(substr(period, 1, 4)) AS first_year,
       MAX(substr(period, 1, 4)) AS last_year
FROM demand_aggregates
WHERE source = :source AND skill = '*'
  AND (:role IS NULL OR role = :role)
  AND (:seniority IS NULL OR seniority = :seniority)
  AND (:period IS NULL OR period = :period OR substr(period, 1, 4) = :period)
