"""``certpath plan`` and ``certpath assess``: formats, files, JSON, option checks and errors.

``Navigator.plan`` / ``Navigator.assess`` are replaced by fakes returning a fixed plan, so these
tests check the command layer (parsing, what is passed on, rendering) whatever the engine does.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from certpath.api import Navigator
from certpath.assess.models import Assessment, Gap, Profile, RoleFit, SkillVerdict
from certpath.catalog.models import Importance, Stage
from certpath.cli import app
from certpath.errors import NotFoundError
from certpath.plan.models import (
    Alternative,
    CertChoice,
    Milestone,
    Plan,
    ProjectChoice,
    SalaryFigure,
    ScheduleItem,
    TransitionStep,
)

runner = CliRunner()
START = dt.date(2027, 3, 1)


def _plan() -> Plan:
    """A small complete plan: a data scientist moving to AI engineering on Azure."""
    python = SkillVerdict(
        skill="python",
        label="Python",
        importance=Importance.ESSENTIAL,
        weight=1.0,
        present=True,
        evidence="5 years of Python [bold]and[/] SQL",  # Rich markup must be shown, not applied
    )
    rag = SkillVerdict(
        skill="rag",
        label="Retrieval-augmented generation",
        importance=Importance.ESSENTIAL,
        weight=1.0,
        present=False,
    )
    assessment = Assessment(
        profile=Profile(
            name="Priya Raman",
            current_title="Data Scientist",
            current_role="data-scientist",
            years_experience=4.5,
            location="US",
            target_role="ai-engineer",
            ecosystem="azure",
            hours_per_week=8,
            budget_usd=600,
            start=START,
            source="examples/mid-data-scientist.yaml",
            defaults_applied=["deadline: none (default)"],
        ),
        stage=Stage.MID,
        stage_reason="4.5 years of experience",
        fits=[
            RoleFit(
                role="data-scientist",
                title="Data Scientist",
                score=82,
                present=[python],
                missing=[],
            ),
            RoleFit(
                role="ai-engineer", title="AI Engineer", score=47, present=[python], missing=[rag]
            ),
        ],
        target_role="ai-engineer",
        target_reason="stated",
        gaps=[
            Gap(
                skill="rag",
                label="Retrieval-augmented generation",
                importance=Importance.ESSENTIAL,
                importance_weight=1.0,
                demand_share=0.38,
                demand_postings=152,
                role_postings=400,
                weight=0.38,
                evidence="asked in 38% of 400 AI engineer postings",
                source="market: embedded sample postings",
            )
        ],
    )
    weeks = [
        ScheduleItem(
            week=week,
            start=START + dt.timedelta(weeks=week - 1),
            end=START + dt.timedelta(weeks=week - 1, days=6),
            hours=8,
            kind=kind,  # type: ignore[arg-type]
            ref=ref,
            activity=activity,
        )
        for week, kind, ref, activity in [
            (1, "study", "microsoft-ai-103", "Study AI-103: plan and manage a solution"),
            (2, "study", "microsoft-ai-103", "Study AI-103: generative AI solutions"),
            (3, "exam", "microsoft-ai-103", "Sit AI-103"),
            (4, "project", "production-rag-app", "RAG app: data sourcing and gold set"),
        ]
    ]
    return Plan(
        assessment=assessment,
        certifications=[
            CertChoice(
                cert="microsoft-ai-103",
                name="Microsoft Certified: Azure AI App and Agent Developer Associate",
                exam_code="AI-103",
                order=1,
                closes=["rag"],
                covered_weight=0.38,
                cost_usd=165,
                prep_hours=16,
                prep_hours_source="estimated from level (associate)",
                validity="1 year; free online renewal",
                why="The current Azure AI engineering exam; covers the top gap.",
                sources=["https://learn.microsoft.com/credentials/"],
            )
        ],
        alternatives=[
            Alternative(
                cert="microsoft-ai-102",
                name="Azure AI Engineer Associate",
                reason="retired; AI-103 replaces it",
            )
        ],
        projects=[
            ProjectChoice(
                project="production-rag-app",
                title="Production RAG application with evaluation and observability",
                closes=["rag"],
                deliverables=["A 100-question gold set", "Recall@5 and faithfulness report"],
                hours=60,
                why="Shows RAG end to end.",
            )
        ],
        transition_path=[
            TransitionStep(
                source="data-scientist",
                target="ai-engineer",
                years_low=1,
                years_high=2,
                skills=["rag"],
            )
        ],
        schedule=weeks,
        milestones=[
            Milestone(
                date=START + dt.timedelta(days=18),
                kind="exam",
                ref="microsoft-ai-103",
                text="Exam: AI-103",
            )
        ],
        salary=SalaryFigure(
            role="ai-engineer",
            level="mid",
            country="US",
            enough_data=True,
            n=87,
            median_usd=151000,
            ci_low_usd=140000,
            ci_high_usd=160500,
            source="market: embedded salary sample",
        ),
        assumptions=["Exam fee is the US price."],
        generated_on=dt.date(2026, 12, 1),
    )


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replace Navigator.plan/assess with fakes that record their arguments."""
    seen: list[dict[str, Any]] = []

    def fake_plan(self: Navigator, source: Path, **options: Any) -> Plan:
        seen.append({"method": "plan", "source": source, **options})
        return _plan()

    def fake_assess(self: Navigator, source: Path, **options: Any) -> Assessment:
        seen.append({"method": "assess", "source": source, **options})
        return _plan().assessment

    # raising=False: the tests stand before and after the engine adds these methods.
    monkeypatch.setattr(Navigator, "plan", fake_plan, raising=False)
    monkeypatch.setattr(Navigator, "assess", fake_assess, raising=False)
    return seen


@pytest.fixture
def resume(tmp_path: Path) -> Path:
    path = tmp_path / "resume.md"
    path.write_text("# Summary\nData scientist.\n", encoding="utf-8")
    return path


def test_text_output_has_every_section(calls: list[dict[str, Any]], resume: Path) -> None:
    result = runner.invoke(app, ["plan", str(resume)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    for heading in (
        "Career plan for Priya Raman: AI Engineer",
        "Summary",
        "Defaults applied:",
        "deadline: none (default)",
        "Fit by role",
        "Gaps for the target role",
        "asked in 38% of 400 AI engineer postings",
        "Certifications",
        "1. Microsoft Certified: Azure AI App and Agent Developer Associate (AI-103)",
        "$165 exam fee",
        "estimated from level (associate)",
        "1 year; free online renewal",
        "Alternatives considered",
        "retired; AI-103 replaces it",
        "Portfolio projects",
        "A 100-question gold set",
        "Transition path",
        "Data Scientist → AI Engineer",
        "Schedule",
        "1–2",  # weeks 1 and 2 grouped
        "Milestones",
        "Exam: AI-103",
        "Salary",
        "$151,000 a year (n = 87)",
        "$140,000 – $160,500",
        "market: embedded salary sample",
        "Assumptions",
    ):
        assert heading in result.stdout, heading
    assert "[bold]and[/]" in result.stdout
    assert calls == [
        {
            "method": "plan",
            "source": resume,
            "target": None,
            "cloud": None,
            "hours": None,
            "budget": None,
            "deadline": None,
            "location": None,
            "stage": None,
            "start": None,
        }
    ]


def test_options_are_passed_on(calls: list[dict[str, Any]], resume: Path) -> None:
    result = runner.invoke(
        app,
        [
            "plan",
            str(resume),
            "--target",
            "ai-engineer",
            "--cloud",
            "azure",
            "--hours",
            "8",
            "--budget",
            "600",
            "--deadline",
            "2027-12-31",
            "--location",
            "de",
            "--stage",
            "mid",
            "--start",
            "2027-03-01",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    [call] = calls
    assert call == {
        "method": "plan",
        "source": resume,
        "target": "ai-engineer",
        "cloud": "azure",
        "hours": 8.0,
        "budget": 600.0,
        "deadline": dt.date(2027, 12, 31),
        "location": "DE",
        "stage": Stage.MID,
        "start": dt.date(2027, 3, 1),
    }


def test_json_flag_and_format_json_print_the_full_plan(
    calls: list[dict[str, Any]], resume: Path
) -> None:
    flag = runner.invoke(app, ["plan", str(resume), "--json"])
    option = runner.invoke(app, ["plan", str(resume), "--format", "json"])
    assert flag.exit_code == option.exit_code == 0
    assert flag.stdout == option.stdout
    assert Plan.model_validate_json(flag.stdout) == _plan()


@pytest.mark.parametrize(
    ("format_", "marker"),
    [
        ("md", "## Certifications"),
        ("html", '<section id="certifications">'),
        ("json", '"certifications": ['),
        ("ics", "BEGIN:VCALENDAR"),
    ],
)
def test_formats_on_stdout(
    calls: list[dict[str, Any]], resume: Path, format_: str, marker: str
) -> None:
    result = runner.invoke(app, ["plan", str(resume), "--format", format_])
    assert result.exit_code == 0, result.output
    assert marker in result.stdout


@pytest.mark.parametrize("format_", ["text", "md", "html", "json", "ics"])
def test_out_writes_the_chosen_format(
    calls: list[dict[str, Any]], resume: Path, tmp_path: Path, format_: str
) -> None:
    out = tmp_path / f"plan.{format_}"
    result = runner.invoke(app, ["plan", str(resume), "--format", format_, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert str(out) in result.stderr
    data = out.read_bytes()
    if format_ == "ics":
        calendar = Calendar.from_ical(data)
        events = list(calendar.walk("VEVENT"))
        assert len(events) == 4 + 1
        assert events[0].decoded("dtstart") == START
    elif format_ == "json":
        assert Plan.model_validate_json(data) == _plan()
    elif format_ == "html":
        assert data.startswith(b"<!DOCTYPE html>")
    elif format_ == "md":
        assert data.startswith(b"# Career plan for Priya Raman")
    else:
        text = data.decode("utf-8")
        assert "Career plan for Priya Raman" in text
        assert "\x1b[" not in text  # no terminal colour codes in a file


def test_json_with_out(calls: list[dict[str, Any]], resume: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    result = runner.invoke(app, ["plan", str(resume), "--json", "--out", str(out)])
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["generated_on"] == "2026-12-01"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--deadline", "2027-13-01"], "--deadline '2027-13-01' is not a date"),
        (["--start", "next monday"], "--start 'next monday' is not a date"),
        (["--start", "2027-06-01", "--deadline", "2027-05-01"], "is not after --start"),
        (["--location", "Germany"], "not a two-letter country code"),
        (["--json", "--format", "ics"], "--json conflicts with --format ics"),
    ],
)
def test_bad_values_are_clear_errors(
    calls: list[dict[str, Any]], resume: Path, arguments: list[str], message: str
) -> None:
    result = runner.invoke(app, ["plan", str(resume), *arguments])
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert calls == []


@pytest.mark.parametrize(
    "arguments",
    [
        ["--hours", "0"],
        ["--hours", "200"],
        ["--budget", "-5"],
        ["--cloud", "oracle"],
        ["--stage", "senior"],
        ["--format", "pdf"],
    ],
)
def test_out_of_range_options_are_usage_errors(
    calls: list[dict[str, Any]], resume: Path, arguments: list[str]
) -> None:
    result = runner.invoke(app, ["plan", str(resume), *arguments])
    assert result.exit_code == 2
    assert "Invalid value" in result.stderr
    assert calls == []


def test_missing_file_is_a_usage_error(
    calls: list[dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["plan", "nope.md"])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_engine_errors_are_short_messages(monkeypatch: pytest.MonkeyPatch, resume: Path) -> None:
    def unknown_role(self: Navigator, source: Path, **options: Any) -> Plan:
        raise NotFoundError("role", str(options["target"]), ["ai-engineer"])

    monkeypatch.setattr(Navigator, "plan", unknown_role, raising=False)
    result = runner.invoke(app, ["plan", str(resume), "--target", "ai enginer"])
    assert result.exit_code == 1
    assert "no role 'ai enginer' in the catalog" in result.stderr
    assert "Traceback" not in result.stderr


def test_assess_text_and_json(calls: list[dict[str, Any]], resume: Path) -> None:
    result = runner.invoke(
        app, ["assess", str(resume), "--target", "ai-engineer"], env={"COLUMNS": "160"}
    )
    assert result.exit_code == 0, result.output
    assert "Stage: mid (4.5 years of experience)" in result.stdout
    assert "AI Engineer (target)" in result.stdout
    assert "Data Scientist" in result.stdout
    assert "asked in 38% of 400 AI engineer postings" in result.stdout
    assert '"5 years of Python [bold]and[/] SQL"' in result.stdout
    assert calls[-1] == {"method": "assess", "source": resume, "target": "ai-engineer"}
    result = runner.invoke(app, ["assess", str(resume), "--json"])
    assert result.exit_code == 0
    assert Assessment.model_validate(json.loads(result.stdout)) == _plan().assessment
    assert calls[-1]["target"] is None
