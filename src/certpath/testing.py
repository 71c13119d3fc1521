"""Helpers for tests of certpath and of code built on it: a tiny, valid catalog.

:func:`tiny_catalog_data` returns the catalog as plain data (file name -> document), so a test
can break one thing on purpose; :func:`write_catalog` writes such data to a folder that
``load_catalog`` / ``certpath catalog validate --dir`` can read.

Examples:
    >>> data = tiny_catalog_data()
    >>> data["roles.yaml"]["roles"][0]["id"]
    'ml-engineer'
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

_SRC = ["https://example.org/exam-guide"]
_VERIFIED = "2026-01-15"

_TINY: dict[str, dict[str, Any]] = {
    "certifications.yaml": {
        "schema_version": 1,
        "certifications": [
            {
                "id": "acme-ml-associate",
                "name": "Acme Certified ML Associate",
                "exam_code": "AML-C01",
                "provider": "Acme",
                "ecosystem": "aws",
                "category": "role-based",
                "level": "associate",
                "credential_type": "proctored-exam",
                "confidence": "high",
                "status": {"state": "active", "sources": _SRC, "verified_on": _VERIFIED},
                "exam": {
                    "cost_usd": 150,
                    "minutes": 130,
                    "questions": 65,
                    "sources": _SRC,
                    "verified_on": _VERIFIED,
                },
                "validity": {
                    "kind": "period",
                    "months": 36,
                    "renewal_method": "Pass the current exam.",
                    "sources": _SRC,
                    "verified_on": _VERIFIED,
                },
                "prerequisites": ["acme-ai-fundamentals"],
                "domains": {
                    "as_of": "guide v1",
                    "items": [
                        {
                            "name": "Modeling",
                            "weight_min": 60,
                            "weight_max": 60,
                            "skills": ["python", "machine-learning"],
                        },
                        {
                            "name": "Operations",
                            "weight_min": 40,
                            "weight_max": 40,
                            "skills": ["docker"],
                        },
                    ],
                    "sources": _SRC,
                    "verified_on": _VERIFIED,
                },
                "target_roles": ["ml-engineer"],
            },
            {
                "id": "acme-ai-fundamentals",
                "name": "Acme AI Fundamentals",
                "exam_code": "AIF-C01",
                "provider": "Acme",
                "ecosystem": "aws",
                "category": "foundational",
                "level": "fundamentals",
                "credential_type": "proctored-exam",
                "confidence": "high",
                "status": {"state": "active", "sources": _SRC, "verified_on": _VERIFIED},
                "exam": {"cost_usd": 100, "sources": _SRC, "verified_on": _VERIFIED},
                "validity": {"kind": "lifetime", "sources": _SRC, "verified_on": _VERIFIED},
                "skills": ["machine-learning"],
            },
            {
                "id": "acme-ml-specialty",
                "name": "Acme ML Specialty",
                "exam_code": "AMS-C01",
                "provider": "Acme",
                "ecosystem": "aws",
                "category": "advanced-genai",
                "level": "specialty",
                "credential_type": "proctored-exam",
                "confidence": "high",
                "status": {
                    "state": "retired",
                    "date": "2026-03-31",
                    "successor": "acme-ml-associate",
                    "sources": _SRC,
                    "verified_on": _VERIFIED,
                },
                "exam": {"cost_usd": 300, "sources": _SRC, "verified_on": "2024-01-01"},
                "validity": {"kind": "unknown"},
            },
        ],
    },
    "skills/core.yaml": {
        "schema_version": 1,
        "skills": [
            {
                "id": "python",
                "label": "Python",
                "group": "programming",
                "type": "language",
                "aliases": ["Python 3", "py3"],
            },
            {
                "id": "r",
                "label": "R",
                "group": "programming",
                "type": "language",
                "aliases": [
                    {
                        "text": "R",
                        "case_sensitive": True,
                        "ambiguous": True,
                        "context": {"cues": ["python", "sql"], "not_before": ["&D"]},
                    },
                    "R language",
                ],
            },
            {
                "id": "machine-learning",
                "label": "Machine learning",
                "group": "machine-learning",
                "type": "concept",
                "aliases": ["ML"],
            },
            {
                "id": "docker",
                "label": "Docker",
                "group": "mlops",
                "type": "tool",
                "aliases": ["containers"],
            },
            {
                "id": "aws",
                "label": "AWS",
                "group": "cloud",
                "type": "platform",
                "aliases": ["Amazon Web Services"],
            },
            {
                "id": "amazon-sagemaker",
                "label": "Amazon SageMaker",
                "group": "cloud",
                "type": "platform",
                "aliases": ["SageMaker"],
                "parent": "aws",
            },
        ],
    },
    "roles.yaml": {
        "schema_version": 1,
        "roles": [
            {
                "id": "ml-engineer",
                "title": "Machine Learning Engineer",
                "family": "engineering",
                "focus": "Builds and ships ML systems.",
                "day_to_day": ["Train models", "Deploy models"],
                "seniority": ["junior", "senior"],
                "skills": [
                    {"skill": "python", "importance": "essential"},
                    {"skill": "machine-learning", "importance": "essential"},
                    {"skill": "docker", "importance": "important"},
                    {"skill": "amazon-sagemaker", "importance": "nice-to-have"},
                ],
                "certifications": [
                    {
                        "ecosystem": "aws",
                        "stage": "early",
                        "certs": ["acme-ai-fundamentals", "acme-ml-associate"],
                    },
                ],
                "onet_soc": "15-2051.00",
                "onet_title": "Data Scientists",
                "esco_uri": "http://data.europa.eu/esco/occupation/example-ml",
                "esco_title": "data scientist",
                "title_patterns": [r"\bmachine learning engineer\b", r"\bml engineer\b"],
            },
            {
                "id": "data-scientist",
                "title": "Data Scientist",
                "family": "science",
                "focus": "Answers questions with data and models.",
                "day_to_day": ["Analyse data"],
                "seniority": ["entry", "senior"],
                "skills": [
                    {"skill": "python", "importance": "essential"},
                    {"skill": "r", "importance": "important"},
                ],
                "onet_soc": "15-2051.00",
                "onet_title": "Data Scientists",
                "esco_uri": "http://data.europa.eu/esco/occupation/example-ds",
                "esco_title": "data scientist",
                "title_patterns": [r"\bdata scientist\b"],
            },
        ],
    },
    "transitions.yaml": {
        "schema_version": 1,
        "transitions": [
            {
                "source": "data-scientist",
                "target": "ml-engineer",
                "years_low": 1,
                "years_high": 2,
                "skills": ["docker"],
            },
        ],
    },
    "projects.yaml": {
        "schema_version": 1,
        "projects": [
            {
                "id": "training-pipeline-api",
                "title": "Training pipeline with a deployed API",
                "summary": "Train, evaluate and serve a model.",
                "skills": ["python", "machine-learning", "docker"],
                "deliverables": [
                    {"kind": "data-sourcing", "text": "A public data set with a data card."},
                    {"kind": "evaluation", "text": "F1 on a held-out split."},
                    {"kind": "trade-offs", "text": "Latency versus accuracy."},
                    {"kind": "deployment", "text": "A container behind an HTTP API."},
                ],
                "hours_low": 30,
                "hours_high": 50,
                "stages": ["early", "mid", "leadership"],
                "roles": ["ml-engineer"],
            },
        ],
    },
    "stages.yaml": {
        "schema_version": 1,
        "stages": [
            {
                "stage": stage,
                "label": stage.title(),
                "who": f"People at the {stage} stage.",
                "years_low": low,
                "years_high": high,
                "cert_levels": levels,
                "cert_categories": ["role-based"],
                "max_certs": 2,
                "first_steps": ["Pick one ecosystem."],
                "project_count": [1, 3],
                "project_kinds": ["training-pipeline-api"],
                "governance": stage == "leadership",
            }
            for stage, low, high, levels in (
                ("early", 0, 2, ["fundamentals", "associate"]),
                ("mid", 2, 8, ["associate", "professional"]),
                ("leadership", 8, None, ["professional"]),
            )
        ],
    },
}


def tiny_catalog_data() -> dict[str, dict[str, Any]]:
    """A deep copy of the tiny valid catalog: file name (relative) -> YAML document."""
    return copy.deepcopy(_TINY)


def write_catalog(directory: Path, data: dict[str, dict[str, Any]] | None = None) -> Path:
    """Write catalog data (default: the tiny catalog) as YAML files under ``directory``."""
    for name, document in (data if data is not None else tiny_catalog_data()).items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
    return directory
