"""Planning: from an assessment to certifications, projects, a transition path, a dated
schedule and the pay of the target role, each line with the evidence behind it.
"""
