-- USD salaries of the salary records matching the filters, for salary, premium and trend.
-- Every filter is optional: NULL means any. Statistics are computed by the caller (numpy), so
-- both engines give the same figures; the ORDER BY makes bootstrap draws reproducible.
SELECT salary_in_usd, role, work_year
FROM salaries
WHERE (:role IS NULL OR role = :role)
  AND (:level IS NULL OR experience_level = :level)
  AND (:company_location IS NULL OR company_location = :company_location)
  AND (:employee_residence IS NULL OR employee_residence = :employee_residence)
  AND (:remote_ratio IS NULL OR remote_ratio = :remote_ratio)
  AND (:company_size IS NULL OR company_size = :company_size)
  AND (:work_year IS NULL OR work_year = :work_year)
  AND (:genai IS NULL OR genai = :genai)
ORDER BY salary_in_usd, record_id
