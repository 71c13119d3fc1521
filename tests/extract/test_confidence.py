"""A document's skill confidence: a fitted probability, traceable to its command and data."""

from __future__ import annotations

from certpath import extract
from certpath.catalog import load_catalog
from certpath.extract.confidence import MODEL_PATH, SkillConfidence, skill_features
from certpath.extract.document import Mention, SectionKind, Strength


def _mention(section: SectionKind, text: str = "x", confidence: float = 0.9) -> Mention:
    return Mention("x", text, 0, 1, section, Strength.MENTIONED, None, confidence, False)


def test_shipped_model_names_its_source_and_known_features() -> None:
    model = SkillConfidence.load()
    provenance = model.provenance
    assert provenance["command"] == ".venv/bin/python benchmarks/fit_confidence.py"
    assert "tuning set" in provenance["fitted_on"]
    assert provenance["held_out"]["operating_points"]  # what --min-confidence trades
    catalog = load_catalog()
    known = {"evidence", "log_mentions", "several_wordings", "in_listing", "only_boilerplate"}
    known |= {f"group:{s.group.value}" for s in catalog.skills.values()}
    known |= {f"type:{s.type.value}" for s in catalog.skills.values()}
    assert set(model.weights) <= known, set(model.weights) - known
    assert MODEL_PATH.is_file()


def test_more_and_stronger_evidence_is_more_likely() -> None:
    model = SkillConfidence.load()
    listed = [_mention(SectionKind.SKILLS), _mention(SectionKind.REQUIREMENTS, "X again")]
    once = [_mention(SectionKind.COMPANY, confidence=0.75)]
    tool = model(skill_features("programming", "language", listed))
    loose = model(skill_features("business", "soft", once))
    assert 0.0 < loose < tool < 1.0


def test_summary_confidence_is_a_probability_and_orders_the_skills() -> None:
    result = extract(
        "Skills: Python, PyTorch, SQL\nRequirements: 3+ years of Python and SQL\n\n"
        "About us\nTeamwork matters to us."
    )
    skills = {s.skill: s for s in result.skills}
    assert all(0.0 < s.confidence < 1.0 for s in result.skills)
    assert skills["python"].confidence > skills["collaboration"].confidence
    explicit = [s.confidence for s in result.skills if not s.inferred]
    assert explicit == sorted(explicit, reverse=True)


def test_inferred_parent_is_as_likely_as_its_likeliest_child() -> None:
    result = extract("Skills: Amazon SageMaker, SageMaker Pipelines, Python")
    skills = {s.skill: s for s in result.skills}
    assert skills["aws"].inferred
    children = [
        s.confidence
        for s in result.skills
        if not s.inferred and s.skill in {"amazon-sagemaker", "sagemaker-pipelines"}
    ]
    assert children
    assert skills["aws"].confidence == max(children)


def test_run_time_scoring_equals_the_fitted_features() -> None:
    """The fast path the pipeline uses gives what the named features the model is fitted on
    give."""
    model = SkillConfidence.load()
    cases = [
        [_mention(SectionKind.SKILLS)],
        [_mention(SectionKind.COMPANY, confidence=0.7), _mention(SectionKind.BENEFITS, "y")],
        [_mention(SectionKind.OTHER, "a"), _mention(SectionKind.REQUIREMENTS, "A", 0.95)],
    ]
    for mentions in cases:
        for group, kind in (("soft", "soft"), ("cloud", "platform"), ("unknown", "unknown")):
            expected = model(skill_features(group, kind, mentions))
            assert model.probability(model.prior(group, kind), mentions) == expected
