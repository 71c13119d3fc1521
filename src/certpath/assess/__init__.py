"""Assessment: a person's profile against every catalog role, and the gaps for the target role.

Pure functions over the catalog, the extraction engine's mentions and the market's demand
figures: profile -> fit per role (with the resume line behind each verdict) -> weighted gaps
(with the market evidence behind each weight) -> career stage.
"""
