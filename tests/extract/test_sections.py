"""Section detection: headings, decorated headings, and labels that carry their own content."""

from __future__ import annotations

import pytest

from certpath.extract.document import SectionKind
from certpath.extract.sections import detect_sections, guess_kind, heading_kind


def kinds(text: str) -> list[str]:
    return [section.kind.value for section in detect_sections(text)]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Requirements", SectionKind.REQUIREMENTS),
        ("✅ Requirements", SectionKind.REQUIREMENTS),
        ("🚀 What you'll do", SectionKind.RESPONSIBILITIES),
        ("1. Requirements", SectionKind.REQUIREMENTS),
        ("II. Skills", SectionKind.SKILLS),
        ("### Requirements ###", SectionKind.REQUIREMENTS),
        ("**Nice to have:**", SectionKind.NICE_TO_HAVE),
        ("About Acme Robotics", SectionKind.COMPANY),
        ("About 3 years of Python", None),
        ("S K I L L S", SectionKind.SKILLS),
        ("W O R K  E X P E R I E N C E", SectionKind.EXPERIENCE),
        # a heading a PDF places glyph by glyph, read back with spaces inside its words
        ("TECHNI CAL SKI LLS", SectionKind.SKILLS),
        ("T E C H N I C A L S K I L L S", SectionKind.SKILLS),
        ("WHAT YOULL DO", SectionKind.RESPONSIBILITIES),
        ("Python SQL", None),
        ("Required Qualifications / Experience:", SectionKind.REQUIREMENTS),
        ("Preferred Qualifications / Experience", SectionKind.NICE_TO_HAVE),
        ("Skills/Requirements:", SectionKind.REQUIREMENTS),
        ("Kudos if you have:", SectionKind.NICE_TO_HAVE),
        ("BONUSES", SectionKind.NICE_TO_HAVE),
        ("Impact You'll Make:", SectionKind.RESPONSIBILITIES),
        ("About IZEA:", SectionKind.COMPANY),
        ("You might be a fit if:", SectionKind.REQUIREMENTS),
        ("What sets you apart", SectionKind.NICE_TO_HAVE),
        ("Perks & Benefits", SectionKind.BENEFITS),
        ("Roles and Responsibilities", SectionKind.RESPONSIBILITIES),
        ("Physical Requirements", SectionKind.OTHER),  # lifting 25 lbs asks for no skill
        ("About IZEA: we build tools", None),
        ("TRAINING AND CERTIFICATIONS", SectionKind.CERTIFICATIONS),
        ("Python / SQL", None),
        ("Python and SQL", None),
        ("Candidate Data Privacy", SectionKind.COMPANY),  # a legal notice asks for nothing
        ("Privacy Notice:", SectionKind.COMPANY),
        ("Candidate Data Collection Disclaimer", SectionKind.COMPANY),
        ("Data Privacy", None),  # may be a skills heading
        ("Our Stack:", SectionKind.SKILLS),  # what the team uses: named, not asked for
        ("Technologies we use", SectionKind.SKILLS),
    ],
)
def test_heading_kind(line: str, kind: SectionKind | None) -> None:
    assert heading_kind(line) is kind


def test_a_list_item_with_a_label_covers_its_line_only() -> None:
    text = "Requirements:\n- Education: BSc in CS\n- 3+ years of Python\n- Docker"
    assert kinds(text) == ["requirements", "education", "requirements"]


def test_a_label_with_its_value_covers_its_line_only() -> None:
    text = "ML Engineer\nSalary: $150k\nLocation: Remote\nWe need 5+ years of Python."
    sections = detect_sections(text)
    assert [s.kind.value for s in sections] == ["other", "benefits", "other"]
    assert text[sections[-1].start :].startswith("Location")


def test_a_label_followed_by_list_items_opens_a_section() -> None:
    text = "Requirements: 5+ years of Python\n- SQL\n- Docker\nBenefits\n- 401k"
    assert kinds(text) == ["requirements", "benefits"]


def test_table_cells_and_tab_columns_are_labels_too() -> None:
    text = "Requirements | 5+ years of Python\nBenefits | Dental\nSkills\tSQL, Tableau"
    assert kinds(text) == ["requirements", "benefits", "skills"]


def test_headings_glued_to_the_words_around_them_in_a_flattened_posting() -> None:
    text = (
        "We build data products for hospitals. " * 12
        + "Join us!ResponsibilitiesPartner with product teams on models. "
        + "Drive process improvementRequirementsBachelor's degree and 3+ years of Python. "
        + "Preferred QualificationsExperience with Spark."
    )
    assert kinds(text) == ["other", "responsibilities", "requirements", "nice-to-have"]
    assert kinds(text.replace("ResponsibilitiesPartner", "responsibilities partner")) == [
        "other",
        "requirements",
        "nice-to-have",
    ]


def test_headings_after_a_sentence_with_a_colon_or_a_space_in_a_flattened_posting() -> None:
    text = (
        "We build data products for hospitals. " * 12
        + "Join us.Responsibilities:Partner with product teams on models. "
        + "Ship them. What You Will Do Design and run experiments. "
        + "Preferred Qualifications: Experience with Spark."
    )
    assert kinds(text) == ["other", "responsibilities", "responsibilities", "nice-to-have"]
    # not a heading written as a sentence ("We offer courses"), nor, set apart by a space or a
    # colon only, one of benefits, which would run on over what follows it
    text = (
        "We build data products for hospitals. " * 16
        + "We offer Courses and Degrees to millions. "
        + "Benefits: Dental and vision. Requirements: 3+ years of Python."
    )
    assert kinds(text) == ["other", "requirements"]


def test_a_heading_glued_to_the_end_of_a_line_opens_its_section() -> None:
    text = (
        "Skill Details \nPython- Experience - 24 monthsCompany Details \ncompany - Acme\n"
        "Built models in deep learning.Education Details \nBSc Physics"
    )
    assert kinds(text) == ["skills", "experience", "education"]


def test_hard_wrapped_lines_are_not_headings_but_a_wrapped_heading_is_one() -> None:
    wrapped = "You bring five years of\nExperience\nwith Python and SQL.\nBenefits\n- Dental"
    assert kinds(wrapped) == ["other", "benefits"]
    assert kinds("Intro\nPreferred\nQualifications:\n- Rust\nBenefits\n- 401k") == [
        "other",
        "nice-to-have",
        "benefits",
    ]


def test_an_inline_stack_after_preferred_qualifications_asks_for_nothing() -> None:
    text = "Preferred Qualifications:\n* MLflow experience\n\nOur Stack: Airflow, dbt\n\nPerks\n"
    assert kinds(text) == ["nice-to-have", "skills", "nice-to-have", "benefits"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Azure, Spark\nGo", "skills"),  # nothing but short items: a list of skills
        ("Computer Science,Data quality,SAS", "skills"),  # a posting's tags
        ("We go far. Spark joy and excel at it, always and everywhere.", "other"),
        ("Requirements: Azure, Agile", "requirements"),  # a label keeps its kind
    ],
)
def test_a_text_that_is_only_a_list_is_a_skills_list(text: str, kind: str) -> None:
    assert [section.kind.value for section in detect_sections(text)] == [kind]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Skills & Tools", "skills"),
        ("Technical Skills & Tools", "skills"),
        ("Skills ✨", "skills"),
        ("Research Experience", "experience"),
        ("Education & Certifications", "education"),
        ("Honors & Awards", "other"),
        ("Volunteer Work", "other"),
        ("Tech Skills", "skills"),
        ("HARD SKILLS", "skills"),
        ("Technical Skills & Certifications", "skills"),
        ("Side Projects", "projects"),
        ("Selected Projects", "projects"),
        ("Certifications & Training", "certifications"),
        ("Profile Summary", "summary"),
        ("Summary of Qualifications", "summary"),
        ("Contact", "other"),
    ],
)
def test_more_resume_headings(heading: str, kind: str) -> None:
    found = heading_kind(heading)
    assert found is not None
    assert found.value == kind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Required:", "requirements"),
        ("Essential skills:", "requirements"),
        ("Mandatory Skills", "requirements"),
        ("We're looking for someone with:", "requirements"),
        ("What would be nice:", "nice-to-have"),
        ("We’d love to see:", "nice-to-have"),
        ("Bonus Skills", "nice-to-have"),
        ("Not required, but a plus:", "nice-to-have"),
        ("Desirable Qualifications", "nice-to-have"),
        # a qualifier in brackets says whether the list is asked for or wished for
        ("Additional Qualifications (Preferred)", "nice-to-have"),
        ("Qualifications (Required):", "requirements"),
        ("Experience (nice to have)", "nice-to-have"),
        ("Certifications (a plus)", "nice-to-have"),
        ("License/Certification:", "certifications"),  # Indeed's heading
        ("Similar jobs", "other"),  # a job page's list of other postings ends this one
        ("People also viewed", "other"),
    ],
)
def test_more_posting_headings(heading: str, kind: str) -> None:
    found = heading_kind(heading)
    assert found is not None
    assert found.value == kind


def test_a_bracketed_qualifier_after_any_words_is_no_heading() -> None:
    assert heading_kind("Python (preferred)") is None
    assert heading_kind("Benefits (required)") is None


def test_a_line_that_goes_on_with_a_wrapped_sentence_is_no_heading() -> None:
    text = "Requirements\n- Cloud experience preferred, but not\nrequired\n- Python\nBenefits\n"
    assert kinds(text) == ["requirements", "benefits"]
    assert kinds("Intro line\nRequired:\n- Python") == ["other", "requirements"]
    # a heading in lower case after a list item or a sentence that lost its full stop
    resume = "Experience\n- Automated weekly reporting\nskills\nPython, SQL\ncertifications\nAWS"
    assert kinds(resume) == ["experience", "skills", "certifications"]
    posting = "About the role\nYou will work closely with product\nrequirements\n- 3+ years"
    assert kinds(posting) == ["responsibilities", "requirements"]
    # prose filled to its width, or a line that ends the sentence, goes on with it
    prose = "Duties\nCode, test, and maintain internally developed mathematical software\ntools\n"
    assert kinds(prose + "Small group\nleadership experience.\n") == ["responsibilities"]


@pytest.mark.parametrize(
    "line", ["Open source contributions", "Professional development", "Relevant coursework"]
)
def test_a_requirement_or_benefit_that_a_resume_would_use_as_a_heading_is_none(line: str) -> None:
    assert heading_kind(line) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Jane Doe\njane@example.com | +1 555 010 2030\nSummary\nData engineer.\n"
            "Experience\nDeveloper, Acme, Jan 2019 – Present\nEducation\nBSc, 2014 - 2018\n",
            "resume",
        ),
        (
            "Data Engineer\nAbout us\nWe are a fintech startup.\nWhat you'll do\nBuild pipelines.\n"
            "Requirements\n3+ years of Python.\nBenefits\nWe offer health insurance. Apply now.\n",
            "posting",
        ),
        ("Python, SQL and Spark", "unknown"),
        ("Experience with Python and SQL. Education: BSc.", "unknown"),
    ],
)
def test_the_kind_of_a_text_is_guessed_only_when_clear(text: str, kind: str) -> None:
    assert guess_kind(text, detect_sections(text)).value == kind
