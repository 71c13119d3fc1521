"""Market analytics: job postings and salary records -> skill demand and pay figures.

Postings and salaries are ingested into a DuckDB file under the user's data directory (or, at
scale, processed by Apache Spark into Parquet that DuckDB reads); named, parameterised SQL in
``sql/`` answers the questions, shared by both engines. A fresh install answers from the
packaged CC0 salary data and a packaged skill-demand table (aggregates only).
"""
