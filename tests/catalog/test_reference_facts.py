"""The certification facts agree with the verified reference file in ../shared/reference."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from certpath.catalog import Catalog, load_catalog
from certpath.catalog.models import Certification

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def reference(shared: Path) -> list[dict[str, Any]]:
    path = shared / "reference" / "certifications.yaml"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return list(yaml.safe_load(path.read_text(encoding="utf-8")))


def _by_reference_id(catalog: Catalog, ref_id: str) -> Certification:
    for cert in catalog.certifications.values():
        if ref_id in cert.aliases or cert.id == ref_id:
            return cert
    raise AssertionError(f"no catalog entry carries reference id {ref_id!r} as an alias")


def test_every_reference_record_is_in_the_catalog(
    catalog: Catalog, reference: list[dict[str, Any]]
) -> None:
    assert len(reference) == 47
    for record in reference:
        _by_reference_id(catalog, record["id"])


def test_facts_match_the_reference(catalog: Catalog, reference: list[dict[str, Any]]) -> None:
    mismatches = []
    for record in reference:
        cert = _by_reference_id(catalog, record["id"])
        exam, status, validity = record["exam"], record["status"], record["validity"]
        years = validity.get("period_years")
        pairs = {
            "exam_code": (cert.exam_code, record["exam_code"]),
            "cost_usd": (cert.exam.cost_usd, exam["cost_usd"]),
            "minutes": (cert.exam.minutes, exam["duration_minutes"]),
            "questions": (cert.exam.questions, exam["question_count"]),
            "passing_score": (cert.exam.passing_score, exam["passing_score"]),
            "state": (cert.status.state.value, status["state"]),
            "date": (
                cert.status.date.isoformat() if cert.status.date else None,
                str(status["date"]) if status["date"] else None,
            ),
            "validity_months": (cert.validity.months, years * 12 if years else None),
            "official_url": (cert.official_url, record["official_url"]),
        }
        mismatches += [
            f"{cert.id}.{name}: catalog {ours!r} != reference {theirs!r}"
            for name, (ours, theirs) in pairs.items()
            if ours != theirs
        ]
    assert mismatches == []


def test_domain_weights_match_the_reference(
    catalog: Catalog, reference: list[dict[str, Any]]
) -> None:
    for record in reference:
        cert = _by_reference_id(catalog, record["id"])
        theirs = [
            (d["name"], *(d.get("weight_pct") or [None, None]), d.get("scored_items"))
            for d in record.get("domains") or []
        ]
        ours = [
            (d.name, d.weight_min, d.weight_max, list(d.scored_items) if d.scored_items else None)
            for d in (cert.domains.items if cert.domains else [])
        ]
        assert ours == theirs, cert.id


def test_sources_come_from_the_reference(catalog: Catalog, reference: list[dict[str, Any]]) -> None:
    for record in reference:
        cert = _by_reference_id(catalog, record["id"])
        allowed = set(record["sources"] or []) | {record["official_url"]}
        for group in (
            cert.status,
            cert.exam,
            cert.validity,
            cert.domains,
            cert.prep_hours,
            cert.recommended_experience,
        ):
            if group is not None:
                assert set(group.sources) <= allowed, (cert.id, set(group.sources) - allowed)
