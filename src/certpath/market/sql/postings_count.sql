-- How many stored postings fall within the filters (0: answer from the packaged aggregates).
SELECT COUNT(*) AS postings
FROM postings
WHERE (:role IS NULL OR role = :role)
  AND (:seniority IS NULL OR seniority = :seniority)
  AND (:period IS NULL OR period = :period OR CAST(year AS STRING) = :period)
