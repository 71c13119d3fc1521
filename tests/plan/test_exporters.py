"""Plan exports: every section in Markdown, safe HTML, lossless JSON, stable iCalendar."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from certpath.api import Navigator
from certpath.assess.models import Assessment, Gap, Profile, ProfileSkill, RoleFit, SkillVerdict
from certpath.catalog.models import Importance, Stage
from certpath.plan.exporters import (
    PRODID,
    schedule_blocks,
    to_html,
    to_ics,
    to_json,
    to_markdown,
)
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
from certpath.settings import Settings

START = dt.date(2027, 1, 4)  # a Monday


def _verdict(skill: str, label: str, present: bool, evidence: str | None = None) -> SkillVerdict:
    return SkillVerdict(
        skill=skill,
        label=label,
        importance=Importance.ESSENTIAL,
        weight=1.0,
        present=present,
        evidence=evidence,
    )


def _week(week: int, kind: str, ref: str | None, activity: str, hours: float = 6) -> ScheduleItem:
    start = START + dt.timedelta(weeks=week - 1)
    return ScheduleItem.model_validate(
        {
            "week": week,
            "start": start,
            "end": start + dt.timedelta(days=6),
            "hours": hours,
            "kind": kind,
            "ref": ref,
            "activity": activity,
        }
    )


def sample_plan(name: str | None = "Dana Whitfield") -> Plan:
    """A small but complete plan: a career changer moving to ML engineering on AWS."""
    profile = Profile(
        name=name,
        skills=[
            ProfileSkill(skill="python", years=2, evidence="Python, pandas and SQL daily"),
            ProfileSkill(skill="sql", evidence="stated"),
        ],
        current_title="Lab analyst",
        current_role="data-analyst",
        years_experience=1.5,
        location="US",
        target_role="ml-engineer",
        ecosystem="aws",
        hours_per_week=6,
        budget_usd=400,
        start=START,
        source="examples/career-changer-resume.md",
        defaults_applied=["budget_usd: $400 (default)"],
    )
    python = _verdict("python", "Python", True, "Python, pandas and SQL daily")
    mlops = _verdict("mlops", "MLOps", False)
    docker = _verdict("docker", "Docker", False)
    fits = [
        RoleFit(
            role="data-analyst",
            title="Data Analyst",
            score=71.5,
            present=[python],
            missing=[docker],
        ),
        RoleFit(
            role="ml-engineer",
            title="Machine Learning Engineer",
            score=38,
            present=[python],
            missing=[mlops, docker],
        ),
        RoleFit(
            role="data-scientist",
            title="Data Scientist",
            score=35,
            present=[python],
            missing=[mlops],
        ),
        RoleFit(
            role="bi-analyst",
            title="Business Intelligence Analyst",
            score=30,
            present=[],
            missing=[docker],
        ),
        RoleFit(role="ai-engineer", title="AI Engineer", score=20, present=[], missing=[mlops]),
        RoleFit(
            role="chief-ai-officer", title="Chief AI Officer", score=5, present=[], missing=[mlops]
        ),
    ]
    gaps = [
        Gap(
            skill="mlops",
            label="MLOps",
            importance=Importance.ESSENTIAL,
            importance_weight=1.0,
            demand_share=0.41,
            demand_postings=494,
            role_postings=1204,
            weight=0.41,
            evidence="asked in 41% of 1,204 ML engineer postings",
            source="market: embedded sample postings (2026)",
        ),
        Gap(
            skill="docker",
            label="Docker",
            importance=Importance.IMPORTANT,
            importance_weight=0.6,
            weight=0.3,
            evidence="estimated from level (no postings for the role)",
            source="catalog importance only",
        ),
    ]
    assessment = Assessment(
        profile=profile,
        stage=Stage.EARLY,
        stage_reason="1.5 years of experience and the title 'Lab analyst'",
        fits=fits,
        target_role="ml-engineer",
        target_reason="stated",
        gaps=gaps,
    )
    schedule = [
        _week(1, "study", "aws-aif-c01", "Study AWS AI Practitioner: fundamentals"),
        _week(2, "study", "aws-aif-c01", "Study AWS AI Practitioner: services"),
        _week(3, "exam", "aws-aif-c01", "Sit AIF-C01"),
        _week(4, "study", "aws-mla-c01", "Study MLA-C01: data preparation"),
        _week(4, "project", "training-pipeline-deployed-api", "Project: data sourcing", 2),
        _week(5, "project", "training-pipeline-deployed-api", "Project: training pipeline"),
        _week(6, "buffer", None, "Buffer week"),
    ]
    milestones = [
        Milestone(
            date=START + dt.timedelta(days=18),
            kind="exam",
            ref="aws-aif-c01",
            text="Exam: AWS Certified AI Practitioner (AIF-C01)",
        ),
        Milestone(
            date=START + dt.timedelta(days=34),
            kind="project-checkpoint",
            ref="training-pipeline-deployed-api",
            text="Checkpoint: model trained",
        ),
        Milestone(date=START + dt.timedelta(days=41), kind="plan-done", text="Plan complete"),
    ]
    return Plan(
        assessment=assessment,
        certifications=[
            CertChoice(
                cert="aws-aif-c01",
                name="AWS Certified AI Practitioner",
                exam_code="AIF-C01",
                order=1,
                closes=["mlops"],
                covered_weight=0.41,
                cost_usd=100,
                prep_hours=12,
                prep_hours_source="estimated from level (fundamentals: 10–20 h)",
                validity="3 years; renew by passing the current exam",
                why="Foundational exam in the chosen ecosystem; covers 41% of the gap weight.",
                sources=[
                    "https://aws.amazon.com/certification/certified-ai-practitioner/",
                    "javascript:alert(1)",
                ],
            )
        ],
        alternatives=[
            Alternative(
                cert="aws-mls-c01",
                name="AWS Certified Machine Learning - Specialty",
                reason="retired 2026-03-31; its successor aws-mla-c01 is considered instead",
            )
        ],
        projects=[
            ProjectChoice(
                project="training-pipeline-deployed-api",
                title="End-to-end training pipeline with a deployed prediction API",
                closes=["docker"],
                deliverables=["Data sourcing with licence notes", "A containerised /predict API"],
                hours=40,
                why="Proves Docker, which no chosen exam covers.",
            )
        ],
        transition_path=[
            TransitionStep(
                source="data-analyst",
                target="junior-ml-engineer",
                years_low=1,
                years_high=2,
                skills=["mlops"],
            ),
            TransitionStep(
                source="junior-ml-engineer",
                target="ml-engineer",
                years_low=1.5,
                years_high=3,
                skills=["docker"],
            ),
        ],
        schedule=schedule,
        milestones=milestones,
        salary=SalaryFigure(
            role="ml-engineer",
            level="junior",
            country="US",
            enough_data=True,
            n=212,
            median_usd=128000,
            ci_low_usd=121500,
            ci_high_usd=134000,
            p25_usd=105000,
            p75_usd=152000,
            premium_ratio=1.42,
            premium_ci=(1.3, 1.55),
            premium_note="over data-analyst at the same level",
            source="market: embedded salary sample (n=212, 2026)",
        ),
        assumptions=["Exam dates assume a free slot in the exam week."],
        generated_on=dt.date(2026, 12, 1),
    )


# ---------------------------------------------------------------------------- Markdown


def test_markdown_has_every_section_and_its_sources() -> None:
    text = to_markdown(sample_plan())
    for heading in (
        "# Career plan for Dana Whitfield: Machine Learning Engineer",
        "## Summary",
        "## Fit by role",
        "## Gaps for the target role",
        "## Certifications",
        "## Alternatives considered",
        "## Portfolio projects",
        "## Transition path",
        "## Schedule",
        "## Milestones",
        "## Salary",
        "## Assumptions",
    ):
        assert f"\n{heading}\n" in f"\n{text}", heading
    assert "asked in 41% of 1,204 ML engineer postings" in text
    assert "| asked in 41% of 1,204 ML engineer postings | [1] |" in text
    assert "1. market: embedded sample postings (2026)" in text
    assert "estimated from level (fundamentals: 10–20 h)" in text
    assert "n = 212" in text
    assert "$121,500 – $134,000" in text
    assert "market: embedded salary sample" in text
    assert "budget_usd: $400 (default)" in text
    assert "<https://aws.amazon.com/certification/certified-ai-practitioner/>" in text
    assert "(javascript:alert(1))" not in text
    assert "<javascript" not in text
    assert "A containerised /predict API" in text
    assert "Data Analyst → Junior" not in text  # no title for junior-ml-engineer: id is shown
    assert "Data Analyst → junior-ml-engineer" in text


def test_markdown_neutralises_table_breaking_and_html_text() -> None:
    text = to_markdown(sample_plan(name="<script>alert('x')</script> | pipe"))
    assert "<script>" not in text
    assert "&lt;script&gt;" in text


# ---------------------------------------------------------------------------- HTML


class _Strict(HTMLParser):
    """Checks that every element opened is closed in order (void elements aside)."""

    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [value or "" for name, value in attrs if name == "href"]
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Strict:
    parser = _Strict()
    parser.feed(page)
    parser.close()
    return parser


def test_html_is_well_formed_with_every_section() -> None:
    page = to_html(sample_plan())
    parser = _parse(page)
    assert parser.problems == []
    assert parser.stack == []
    assert "script" not in parser.tags
    for anchor in (
        "summary",
        "fit",
        "gaps",
        "certifications",
        "alternatives",
        "projects",
        "transition",
        "schedule",
        "milestones",
        "salary",
        "assumptions",
    ):
        assert f'<section id="{anchor}">' in page, anchor
    assert "<style>" in page
    assert 'style="width:72%"' in page  # the score bar of the best fit
    text = "".join(parser.text)
    assert "asked in 41% of 1,204 ML engineer postings" in text
    assert "n = 212" in text
    external = [href for href in parser.hrefs if not href.startswith("#gap-source-")]
    assert external == ["https://aws.amazon.com/certification/certified-ai-practitioner/"]
    assert '<li id="gap-source-2">catalog importance only</li>' in page


def test_html_escapes_a_hostile_name() -> None:
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    page = to_html(sample_plan(name=hostile))
    parser = _parse(page)
    assert parser.problems == []
    assert "script" not in parser.tags
    assert "img" not in parser.tags
    assert "&lt;script&gt;" in page
    assert hostile in "".join(parser.text)


# ---------------------------------------------------------------------------- JSON


def test_json_round_trips() -> None:
    plan = sample_plan()
    text = to_json(plan)
    assert Plan.model_validate_json(text) == plan
    assert json.loads(text)["assessment"]["target_role"] == "ml-engineer"


# ---------------------------------------------------------------------------- iCalendar


def test_ics_has_one_event_per_week_block_and_milestone() -> None:
    plan = sample_plan()
    calendar = Calendar.from_ical(to_ics(plan))
    assert str(calendar["prodid"]) == PRODID
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(plan.schedule) + len(plan.milestones)
    week_events = [e for e in events if str(e["summary"]).startswith("Week ")]
    assert [e.decoded("dtstart") for e in week_events] == [i.start for i in plan.schedule]
    assert [e.decoded("dtend") for e in week_events] == [
        i.end + dt.timedelta(days=1) for i in plan.schedule
    ]
    milestone_events = [e for e in events if str(e["summary"]).startswith("Milestone: ")]
    assert [e.decoded("dtstart") for e in milestone_events] == [m.date for m in plan.milestones]
    stamps = {e.decoded("dtstamp") for e in events}
    assert stamps == {dt.datetime(2026, 12, 1, tzinfo=dt.UTC)}
    description = str(week_events[0]["description"])
    assert "Study AWS AI Practitioner: fundamentals" in description
    assert "6 h this week" in description
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_ics_is_deterministic_and_uids_survive_a_revision() -> None:
    plan = sample_plan()
    assert to_ics(plan) == to_ics(sample_plan())
    revised = plan.model_copy(
        update={
            "schedule": [
                item.model_copy(update={"activity": item.activity + " (revised)"})
                for item in plan.schedule
            ],
            "generated_on": dt.date(2026, 12, 8),
        }
    )

    def uids(data: bytes) -> list[str]:
        return [str(e["uid"]) for e in Calendar.from_ical(data).walk("VEVENT")]

    assert uids(to_ics(plan)) == uids(to_ics(revised))
    other = sample_plan(name="Someone Else")
    assert set(uids(to_ics(plan))).isdisjoint(uids(to_ics(other)))


# ---------------------------------------------------------------------------- shared pieces


def test_schedule_blocks_group_consecutive_weeks() -> None:
    blocks = schedule_blocks(sample_plan().schedule)
    assert [(b.kind, b.ref, b.weeks, b.hours) for b in blocks] == [
        ("study", "aws-aif-c01", "1–2", 12),
        ("exam", "aws-aif-c01", "3", 6),
        ("project", "training-pipeline-deployed-api", "4–5", 8),
        ("study", "aws-mla-c01", "4", 6),
        ("buffer", None, "6", 6),
    ]


# ---------------------------------------------------------------------------- the examples

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def nav(tmp_path_factory: pytest.TempPathFactory) -> Navigator:
    data_dir = tmp_path_factory.mktemp("data")
    return Navigator(Settings(data_dir=data_dir), today=dt.date(2026, 11, 25))


@pytest.mark.slow  # a fresh market store is seeded once (~5 s)
@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("career-changer-resume.md", {"target": "ml-engineer", "cloud": "aws", "hours": 6}),
        ("mid-data-scientist.yaml", {}),
        ("engineering-manager.yaml", {}),
    ],
)
def test_the_example_plans_export_cleanly(
    nav: Navigator, name: str, options: dict[str, Any]
) -> None:
    plan = nav.plan(EXAMPLES / name, **options)
    text = to_markdown(plan)
    assert "## Certifications" in text
    assert "## Salary" in text
    parser = _parse(to_html(plan))
    assert parser.problems == []
    assert parser.stack == []
    assert Plan.model_validate_json(to_json(plan)) == plan
    events = list(Calendar.from_ical(to_ics(plan)).walk("VEVENT"))
    assert len(events) == len(plan.schedule) + len(plan.milestones)
    assert len({str(e["uid"]) for e in events}) == len(events)
