"""The catalog shipped in the package is itself under test: it loads clean and covers the spec."""

from __future__ import annotations

import datetime as dt

import pytest

from certpath.catalog import Catalog, check_catalog, load_catalog, read_catalog
from certpath.catalog.models import CertState
from certpath.catalog.query import find_certification


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_loads_with_zero_problems() -> None:
    loaded, problems = read_catalog()
    assert [str(p) for p in problems + check_catalog(loaded)] == []


def test_sizes(catalog: Catalog) -> None:
    counts = catalog.counts()
    assert counts["certifications"] >= 55  # 47 verified records + 8 Global Tech Council tracks
    assert counts["skills"] >= 400
    assert counts["aliases"] >= 1500
    assert counts["projects"] >= 10
    assert counts["stages"] == 3


REQUIRED_ROLES = {
    "ml-engineer",
    "ai-engineer",
    "data-scientist",
    "mlops-engineer",
    "ml-researcher",
    "data-analyst",
    "data-engineer",
    "junior-ml-engineer",
    "senior-ai-engineer",
    "ai-architect",
    "ai-product-manager",
    "chief-ai-officer",
    "bi-analyst",
    "ai-consultant",
    "research-scientist",
}


def test_required_roles_are_complete(catalog: Catalog) -> None:
    assert set(catalog.roles) >= REQUIRED_ROLES
    for role in catalog.roles.values():
        assert any(s.importance.value == "essential" for s in role.skills), role.id
        assert role.title_patterns, role.id
        assert role.day_to_day, role.id
        assert role.certifications, role.id


# The spec's 2026 skills stack (core, cloud & MLOps, emerging), by catalog id.
SPEC_SKILLS = [
    "python",
    "r",
    "scala",
    "java",
    "probability",
    "statistics",
    "linear-algebra",
    "optimization",
    "experimental-design",
    "supervised-learning",
    "unsupervised-learning",
    "evaluation-metrics",
    "feature-engineering",
    "bias-variance-tradeoff",
    "error-analysis",
    "deep-learning",
    "transformers",
    "sql",
    "pandas",
    "data-quality",
    "data-labeling",
    "ai-governance",
    "pytorch",
    "tensorflow",
    "scikit-learn",
    "hugging-face-transformers",
    "aws",
    "azure",
    "gcp",
    "amazon-sagemaker",
    "azure-machine-learning",
    "vertex-ai",
    "docker",
    "kubernetes",
    "terraform",
    "ci-cd",
    "ml-pipelines",
    "model-versioning",
    "model-monitoring",
    "experiment-tracking",
    "drift-monitoring",
    "prompt-engineering",
    "llm-evaluation",
    "llm-regression-testing",
    "chunking",
    "embeddings",
    "retrieval-metrics",
    "vector-databases",
    "ai-agents",
    "tool-use",
    "guardrails",
    "rag",
    "fine-tuning",
]


def test_spec_skills_stack_is_covered(catalog: Catalog) -> None:
    assert [s for s in SPEC_SKILLS if s not in catalog.skills] == []


@pytest.mark.parametrize("form", ["R", "Go", "C", "Excel", "Spark", "Airflow", "Rust", "Swift"])
def test_plain_english_aliases_are_flagged_with_context(catalog: Catalog, form: str) -> None:
    hits = [
        alias
        for skill in catalog.skills.values()
        for alias in skill.surface_forms()
        if alias.text == form
    ]
    assert hits, f"no surface form {form!r}"
    assert all(alias.ambiguous and alias.context for alias in hits)


def test_parent_example(catalog: Catalog) -> None:
    assert catalog.skills["amazon-sagemaker"].parent == "aws"


@pytest.mark.parametrize(
    ("code", "successor"),
    [
        ("MLS-C01", "aws-mla-c01"),
        ("AI-102", "microsoft-ai-103"),
        ("AI-900", "microsoft-ai-901"),
        ("DP-100", "microsoft-ai-300"),
        ("003", "hashicorp-terraform-associate-004"),
    ],
)
def test_2026_retirements_point_to_successors(catalog: Catalog, code: str, successor: str) -> None:
    cert = find_certification(catalog, code)
    assert cert.status.state is CertState.RETIRED
    assert cert.status.date is not None
    assert cert.status.date.year == 2026
    assert cert.status.successor == successor
    assert catalog.certifications[successor].current


def test_tensorflow_certificate_is_retired(catalog: Catalog) -> None:
    cert = catalog.certifications["tensorflow-developer-certificate"]
    assert cert.status.state is CertState.RETIRED
    assert cert.status.date == dt.date(2024, 5, 1)


def test_global_tech_council_tracks_are_unverified_with_null_facts(catalog: Catalog) -> None:
    tracks = [c for c in catalog.certifications.values() if c.id.startswith("gtc-")]
    assert len(tracks) == 8
    for cert in tracks:
        assert not cert.verified
        assert cert.status.state is CertState.UNKNOWN
        assert cert.exam.cost_usd is None
        assert cert.exam.minutes is None
        assert cert.validity.kind == "unknown"


def test_every_current_verified_exam_has_sourced_facts(catalog: Catalog) -> None:
    for cert in catalog.certifications.values():
        if cert.verified:
            assert cert.status.sources or cert.exam.sources, cert.id
            assert cert.official_url or cert.exam.sources, cert.id


def test_transition_graph_reaches_every_role(catalog: Catalog) -> None:
    edges: dict[str, set[str]] = {}
    for edge in catalog.transitions:
        edges.setdefault(edge.source, set()).add(edge.target)
    reached = {"data-analyst", "junior-ml-engineer"}
    frontier = list(reached)
    while frontier:
        for nxt in edges.get(frontier.pop(), ()):
            if nxt not in reached:
                reached.add(nxt)
                frontier.append(nxt)
    assert REQUIRED_ROLES - reached == set()
