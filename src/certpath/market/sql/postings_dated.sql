-- How many stored postings carry a year (within an optional role): 0 means answer by year
-- from the packaged aggregates.
SELECT COUNT(*) AS postings FROM postings WHERE year IS NOT NULL AND (:role IS NULL OR role = :role)
