"""The pipeline: sections, requirement strength, years, confidence, inferred parents, batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from certpath import Document, DocumentError, extract, extract_many
from certpath.extract.document import DocumentKind, SectionKind, Strength

POSTING = """Machine Learning Engineer
About the role
You will ship models on AWS SageMaker.
Requirements:
- 5+ years of experience with Python and SQL
- PyTorch (3 years)
- Three years' hands-on Kubernetes experience
Nice to have:
- Terraform
- Familiarity with Rust is a plus
Benefits
- Health care and a learning budget
"""


def by_skill(text: str) -> dict[str, object]:
    return {m.skill: m for m in extract(text).mentions if not m.inferred}


def test_sections_and_strength() -> None:
    found = by_skill(POSTING)
    python = found["python"]
    assert python.section is SectionKind.REQUIREMENTS  # type: ignore[attr-defined]
    assert python.strength is Strength.REQUIRED  # type: ignore[attr-defined]
    assert found["terraform"].strength is Strength.PREFERRED  # type: ignore[attr-defined]
    assert found["amazon-sagemaker"].strength is Strength.MENTIONED  # type: ignore[attr-defined]
    assert found["amazon-sagemaker"].section is SectionKind.RESPONSIBILITIES  # type: ignore[attr-defined]


def test_a_label_inside_requirements_asks_as_they_do() -> None:
    posting = (
        "Data Engineer\nRequirements\n- SQL\n- Tools: Airflow, dbt\n- Education: BS in "
        "Statistics\n- Python\nNice to have\n- Go\n- Tools: Kafka\n- Rust\n"
        "Benefits\n- Health care\nSkills: Snowflake, Tableau\n"
    )
    found = by_skill(posting)
    for skill in ("apache-airflow", "dbt", "statistics"):
        assert found[skill].strength is Strength.REQUIRED, skill  # type: ignore[attr-defined]
    assert found["apache-airflow"].section is SectionKind.SKILLS  # type: ignore[attr-defined]
    assert found["apache-kafka"].strength is Strength.PREFERRED  # type: ignore[attr-defined]
    # a label after the end of a section (as job boards append their skills) keeps its own
    assert found["snowflake"].strength is Strength.MENTIONED  # type: ignore[attr-defined]


def test_clause_states_strength_over_its_line() -> None:
    found = by_skill("Requirements: Python and SQL; Docker is a plus.")
    assert found["python"].strength is Strength.REQUIRED  # type: ignore[attr-defined]
    assert found["docker"].strength is Strength.PREFERRED  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "skill", "strength"),
    [
        ("Must have experience with cloud platforms (e.g. AWS or GCP).", "gcp", Strength.REQUIRED),
        ("Familiarity with Git is required.", "git", Strength.REQUIRED),
        ("Kafka is not required but Python is a must.", "python", Strength.REQUIRED),
        ("Kafka is not required but Python is a must.", "apache-kafka", Strength.PREFERRED),
        ("Requirements\n- Familiarity with Terraform", "terraform", Strength.REQUIRED),
        ("Nice to have:\n- Familiarity with Terraform", "terraform", Strength.PREFERRED),
        ("Requirements\n- Strong Python (Spark preferred)", "python", Strength.REQUIRED),
        ("Requirements\n- Strong Python (Spark preferred)", "apache-spark", Strength.PREFERRED),
        ("Requirements\n- Docker (nice to have)", "docker", Strength.PREFERRED),
        ("Python (required), Go (a plus)", "python", Strength.REQUIRED),
        ("Requirements\n- Hands-on SQL, ideally with Scala", "sql", Strength.REQUIRED),
        ("Requirements\n- Hands-on SQL, ideally with Scala", "scala", Strength.PREFERRED),
        ("Writing SQL, preferably on Oracle", "oracle-database", Strength.PREFERRED),
        ("NoSQL databases helpful.", "nosql", Strength.PREFERRED),
        ("Experience with Kubernetes would be welcome.", "kubernetes", Strength.PREFERRED),
        ("Python (required), Go (a plus)", "go", Strength.PREFERRED),
        ("Must know SQL (and Spark)", "apache-spark", Strength.REQUIRED),
        ("Preferred Skills:\n- Proficient in Python or R", "python", Strength.PREFERRED),
        (
            "Nice to have:\n- Kubernetes is required for senior roles",
            "kubernetes",
            Strength.REQUIRED,
        ),
        ("Requirements\n- Proficient in Python", "python", Strength.REQUIRED),
        ("We'd love it if you know Kotlin.", "kotlin", Strength.PREFERRED),
        ("Candidates should have 3+ years of SQL.", "sql", Strength.REQUIRED),
        ("Strong Python and, optionally, Terraform", "python", Strength.MENTIONED),
        ("Strong Python and, optionally, Terraform", "terraform", Strength.PREFERRED),
        # postings flattened to one line: sentences glued with no space between them
        ("MS preferred.Expert SQL experience.Python is a plus", "sql", Strength.MENTIONED),
        (
            "Alteryx, etc. a plusCloud technologies (AWS, Azure) a plusMarketing",
            "aws",
            Strength.PREFERRED,
        ),
        (
            "PhD degree is preferred.1-3 years of relevant ML work experience is required.",
            "machine-learning",
            Strength.REQUIRED,
        ),
        # years asked for are a requirement; years a resume lists are not
        ("Team player. 5+ years of Python development", "python", Strength.REQUIRED),
        ("Python- Experience - 24 months", "python", Strength.MENTIONED),
        ("3+ years of Java, Go a plus", "go", Strength.PREFERRED),
        # a clause that both requires and prefers: the hit's own part of it, between commas
        ("Proficiency in Python is required, knowing Bash is a plus", "python", Strength.REQUIRED),
        ("Proficiency in Python is required, knowing Bash is a plus", "bash", Strength.PREFERRED),
        ("At least 6 years of SQL at a bank, preferred", "sql", Strength.PREFERRED),
        # a quantity under a nice-to-have heading requires nothing
        (
            "Nice to have:\n- At least one other language (R, Julia, Scala)",
            "scala",
            Strength.PREFERRED,
        ),
        # "desired" describing a word after it wants nothing; as a heading it does
        (
            "Tune models to achieve desired performance metrics",
            "evaluation-metrics",
            Strength.MENTIONED,
        ),
        ("Desired Skills: Python and SQL", "sql", Strength.PREFERRED),
    ],
)
def test_strength_of_a_clause(text: str, skill: str, strength: Strength) -> None:
    assert by_skill(text)[skill].strength is strength  # type: ignore[attr-defined]


def test_a_cue_reaches_only_so_far_in_a_long_clause() -> None:
    # a posting flattened into one run-on clause: "required" speaks of Python, not of Tableau
    filler = " and also".join(" work with the team on many things" for _ in range(8))
    found = by_skill(f"Python is required{filler} with Tableau for reports")
    assert found["python"].strength is Strength.REQUIRED  # type: ignore[attr-defined]
    assert found["tableau"].strength is Strength.MENTIONED  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("skill", "years"), [("python", 5.0), ("sql", 5.0), ("pytorch", 3.0), ("kubernetes", 3.0)]
)
def test_years_of_experience(skill: str, years: float) -> None:
    assert by_skill(POSTING)[skill].years == years  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "skill", "years"),
    [
        ("1-2 years of work experience with Kubernetes and Helm.", "kubernetes", 1.0),
        ("3 years of related work experience in SQL", "sql", 3.0),
        ("2+ years full-time experience with Python", "python", 2.0),
        ("5+ years of experience working with Python", "python", 5.0),
        ("4 years experience as a Python developer", "python", 4.0),
        ("At least five (5) years of Java experience", "java", 5.0),
        ("At least a year of experience with SQL", "sql", 1.0),
        ("Over a decade of experience in machine learning", "machine-learning", 10.0),
        ("Python | 5 years", "python", 5.0),
        ("Python- Experience - 24 months", "python", 2.0),
        ("Python- Experience - 24 monthsCompany Details", "python", 2.0),
        ("Java- Experience - 3 years", "java", 3.0),
        ("SQL (18 months)", "sql", 1.5),
        ("3 years of experience with big data tools: Hadoop, Spark, Kafka", "apache-kafka", 3.0),
        ("5+ years in programming languages such as Python, Java", "java", 5.0),
        ("Over 10 years we built things like Docker", "docker", None),
        ("Python — 5 years", "python", 5.0),
        ("over 100 years of Python", "python", None),
        ("at least 2 years of hands on development experience in spark and python", "python", 2.0),
        ("3+ years of development experience (Java, Python, Scala)", "python", 3.0),
        ("1-2 year's experience developing machine learning, NLP", "nlp", 1.0),
        ("relevant experience.3+ years Big Data and Spark", "apache-spark", 3.0),
        ("5 years ago we started using Python", "python", None),
        ("10+ yrs. exp. in Java", "java", 10.0),
        # a resume's skill line: the experience stated at its end is that of every item
        ("Hadoop,Spark , Hive- Experience - 24 months", "hadoop", 2.0),
        ("Hadoop,Spark , Hive- Experience - 24 months", "apache-spark", 2.0),
        ("Python, C- Experience - 3 yearsCompany Details", "python", 3.0),
        ("Python, C- Experience - Less than 1 year months", "python", None),
        ("Python, then much that is no list at all- Experience - 24 months", "python", None),
        # across a list of skills, multi-word items and asides included
        ("4+ years' experience with ETL, Data Modeling, Data Warehousing and SSAS", "ssas", 4.0),
        ("4+ years with visualization technology (Power BI, Tableau, Qlik)", "tableau", 4.0),
        ("3 years with scripting languages: Python (preferred) and/or Java", "java", 3.0),
        ("2 years of experience working with and designing REST APIs", "rest-apis", 2.0),
        ("5-8 years of business/ data analysis experience", "data-analysis", 5.0),
        # a number or a sentence glued on where a flattened posting lost a line break
        ("Excellent SQL skills1-3 years of work experience in Python", "python", 1.0),
        ("2-5 years of relevant experienceStrong communication skills", "communication", None),
        ("4+ years of work experience Strong experience with Big Data (Kafka)", "big-data", None),
        ("4+ years experience programming experience in Python, Java, or C++.", "java", 4.0),
        ("0 to 2 years of data analysis experience", "data-analysis", None),
        # "plus", months, "YOE", a minimum in brackets
        ("Five plus years of experience with AWS.", "aws", 5.0),
        ("18 months of experience with Snowflake.", "snowflake", 1.5),
        ("3+ YOE in Python.", "python", 3.0),
        ("Python (minimum 4 years)", "python", 4.0),
        ("data mining Minimum 2 years working in SQL", "data-mining", None),
        ("12 month contract with Python", "python", None),
        ("Lead the 18 month Python migration", "python", None),  # a duration
        # what an activity made, then what it was made in
        ("6 years of professional experience building ML models in Python", "python", 6.0),
        ("5+ years of experience developing data pipelines using Spark", "apache-spark", 5.0),
        ("5 years of experience building ML models in healthcare", "healthcare", None),
        ("Python (min. 4 years)", "python", 4.0),
        ("SQL (3 months)", "sql", 0.25),
    ],
)
def test_years_with_qualified_experience(text: str, skill: str, years: float | None) -> None:
    assert by_skill(text)[skill].years == years  # type: ignore[attr-defined]


def test_no_years_when_none_stated() -> None:
    assert by_skill(POSTING)["terraform"].years is None  # type: ignore[attr-defined]


def test_parents_are_inferred_separately() -> None:
    result = extract("Deploy on SageMaker.")
    explicit = [m.skill for m in result.mentions if not m.inferred]
    inferred = [m for m in result.mentions if m.inferred]
    assert explicit == ["amazon-sagemaker"]
    assert "aws" in [m.skill for m in inferred]
    aws = next(m for m in inferred if m.skill == "aws")
    assert (aws.start, aws.end, aws.text) == (10, 19, "SageMaker")
    assert result.skill_ids() == ["amazon-sagemaker"]
    assert "aws" in result.skill_ids(inferred=True)


def test_a_stack_names_each_skill_it_spells_out_explicitly() -> None:
    result = extract("Requirements\n- 2+ years on the MERN stack")
    named = {m.skill: m for m in result.mentions if not m.inferred}
    assert set(named) == {"mern-stack", "mongodb", "express", "react", "javascript"}
    react = named["react"]
    assert (react.text, react.strength, react.years) == ("MERN stack", Strength.REQUIRED, 2.0)
    assert react.start == named["mern-stack"].start


def test_an_inferred_parent_is_as_wanted_as_its_most_wanted_child() -> None:
    result = extract("Nice to have\n- SageMaker\nRequirements\n- 5+ years of AWS Lambda")
    aws = next(s for s in result.skills if s.skill == "aws")
    assert aws.inferred
    assert aws.strength is Strength.REQUIRED


def test_summary_counts_and_evidence() -> None:
    result = extract("Skills\nPython, SQL\nMore Python work")
    python = next(s for s in result.skills if s.skill == "python")
    assert python.count == 2
    assert python.evidence == "Python, SQL"


def test_evidence_of_a_one_line_posting_is_the_sentence_that_names_the_skill() -> None:
    # postings from CSV exports and JSON-LD often come as one line of thousands of characters
    text = "We are a fast-growing company. " * 30
    text += "You will build models in PyTorch and ship them. " + "We offer great perks. " * 30
    [pytorch] = [s for s in extract(text).skills if s.skill == "pytorch"]
    assert pytorch.evidence == "You will build models in PyTorch and ship them."


def test_evidence_of_a_long_sentence_is_the_words_around_the_mention() -> None:
    text = "Tools: " + ", ".join(f"tool{i}" for i in range(60)) + ", Kubernetes, "
    text += ", ".join(f"thing{i}" for i in range(60))
    [k8s] = [s for s in extract(text).skills if s.skill == "kubernetes"]
    assert "Kubernetes" in k8s.evidence
    assert k8s.evidence.startswith("…")
    assert k8s.evidence.endswith("…")
    assert len(k8s.evidence) <= 242
    words = set(text.replace(",", " ").split())  # cut at spaces, never inside a word
    shown = k8s.evidence.strip("…").replace(",", " ").split()
    assert shown[0] in words
    assert shown[-1] in words


def test_evidence_of_a_long_line_is_the_clause_that_names_the_skill() -> None:
    text = "Requirements: 5+ years of Python; SQL and Spark; Kubernetes" + " and more" * 40
    [sql] = [s for s in extract(text).skills if s.skill == "sql"]
    assert sql.evidence == "SQL and Spark;"


def test_mentions_carry_exact_spans() -> None:
    text = "We need PyTorch."
    [mention] = [m for m in extract(text).mentions if not m.inferred]
    assert text[mention.start : mention.end] == mention.text == "PyTorch"
    assert 0 < mention.confidence <= 1


def test_extract_accepts_paths_and_documents(tmp_path: Path) -> None:
    path = tmp_path / "resume.md"
    path.write_text("# Skills\n- Python\n", encoding="utf-8")
    assert extract(path).skill_ids() == ["python"]
    assert extract(str(path)).document.format == "markdown"
    assert extract(Document("Python")).skill_ids() == ["python"]


def test_extract_many_matches_one_at_a_time(tmp_path: Path) -> None:
    texts = [POSTING, "SQL and R", "Nothing here", "Docker, Kubernetes"] * 3
    single = [extract(text).to_dict() for text in texts]
    assert [r.to_dict() for r in extract_many(texts, processes=1)] == single
    assert [r.to_dict() for r in extract_many(texts, processes=2, chunksize=2)] == single


def test_skill_rows_are_the_summaries_without_evidence(tmp_path: Path) -> None:
    # what the market pipeline stores: the same skills, values and order as a full extraction
    from certpath.extract.pipeline import _default_extractor, skill_rows, skill_rows_many

    texts = [POSTING, "SQL and R", "Docker, Kubernetes; SageMaker"]
    full = [
        [(s.skill, s.strength.value, s.years, s.confidence, s.inferred) for s in r.skills]
        for r in (extract(text) for text in texts)
    ]
    assert [skill_rows(_default_extractor(), text) for text in texts] == full
    assert list(skill_rows_many(texts, processes=1)) == full
    missing = tmp_path / "missing.txt"
    (error,) = skill_rows_many([missing], processes=1)
    assert isinstance(error, DocumentError)
    assert error.reason == "not-found"


def test_a_resume_asks_for_nothing() -> None:
    # the same words that make a posting's skills required describe the writer of a resume
    text = "Requirements\nExpertise in Python is required. 3+ years of SQL. Docker is a plus.\n"
    posting = extract(text)
    assert posting.document.kind is DocumentKind.UNKNOWN
    assert {m.skill: m.strength for m in posting.mentions if not m.inferred} == {
        "python": Strength.REQUIRED,
        "sql": Strength.REQUIRED,
        "docker": Strength.PREFERRED,
    }
    resume = extract(text, kind="resume")
    assert resume.document.kind is DocumentKind.RESUME
    assert {m.strength for m in resume.mentions} == {Strength.MENTIONED}
    assert {s.strength for s in resume.skills} == {Strength.MENTIONED}
    assert [m.years for m in resume.mentions if m.skill == "sql"] == [3.0]  # years still read


def test_the_kind_applies_to_a_whole_batch() -> None:
    texts = ["Python is required", "Must have SQL"] * 2
    single = [extract(text, kind=DocumentKind.RESUME).to_dict() for text in texts]
    assert [r.to_dict() for r in extract_many(texts, processes=2, kind="resume")] == single
    assert {m["strength"] for r in single for m in r["mentions"]} == {"mentioned"}


def test_extract_many_errors_raise_or_return(tmp_path: Path) -> None:
    missing = tmp_path / "missing.pdf"
    with pytest.raises(DocumentError):
        list(extract_many(["Python", missing], processes=1))
    results = list(extract_many(["Python", missing], processes=1, errors="return"))
    assert isinstance(results[1], DocumentError)
    assert results[1].reason == "not-found"
    # the same across processes: a worker's error comes back whole
    results = list(extract_many(["Python", missing], processes=2, errors="return"))
    assert isinstance(results[1], DocumentError)
    assert (results[1].reason, results[1].source) == ("not-found", str(missing))
    with pytest.raises(DocumentError):
        list(extract_many(["Python", missing], processes=2))


def test_empty_text_is_an_error_not_an_empty_profile() -> None:
    with pytest.raises(DocumentError) as info:
        extract("   \n  ")
    assert info.value.reason == "empty"


def test_a_work_domain_in_a_benefits_section_is_a_perk() -> None:
    found = by_skill("Requirements\n- Python\nBenefits\n- Health care, insurance and 401k")
    assert set(found) == {"python"}
    assert "healthcare" in by_skill("About the role\nBuild Python models for healthcare payers.")


def test_the_culture_a_benefits_section_offers_asks_nothing_of_the_candidate() -> None:
    text = (
        "Requirements\n- Creativity and strong communication skills\n"
        "Benefits\n- A culture that values creativity, teamwork and mentorship\n- Python courses"
    )
    found = by_skill(text)
    assert set(found) == {"creativity", "communication", "python"}
    assert found["creativity"].section is SectionKind.REQUIREMENTS  # type: ignore[attr-defined]


def test_a_company_describing_its_culture_asks_nothing_of_the_candidate() -> None:
    assert by_skill("Our culture: we value curiosity, ownership and kindness.") == {}
    assert by_skill("We celebrate continuous improvement, innovation and teamwork.") == {}
    # a duty to build the culture, skills it wants and the people it hires are asked of you
    assert "collaboration" in by_skill("Foster a culture of collaboration and teamwork.")
    assert "problem-solving" in by_skill("We value problem-solving skills above all.")
    assert "continuous-learning" in by_skill("We value people who show an eagerness to learn.")
    # ... but not a duty the company takes on itself
    assert by_skill("We strive to foster a culture of collaboration and creativity.") == {}
    assert by_skill("At Acme we embrace change and diversity.") == {}  # the words overlap
    # a short list under a values heading is the culture too; asked for elsewhere, a skill
    text = (
        "Requirements\n- Python\n- Curious and inquisitive\nOur Values\n- Ownership\n- Teamwork\n"
    )
    assert set(by_skill(text)) == {"python", "curiosity"}


def test_a_company_saying_what_it_is_asks_for_none_of_its_traits() -> None:
    assert by_skill("We are a tight-knit group of ambitious problem solvers.") == {}
    assert by_skill("And did we mention we're customer-obsessed?") == {}
    # ... unless the words between ask something of the reader
    for text in (
        "We are looking for a self-starter with a bias for action.",
        "We are a small team, so you must be a self-starter.",
        "We're always on the lookout for self-motivated people.",
    ):
        assert "self-motivation" in by_skill(text), text
    # a way of working the company names is the role's too
    assert "agile" in by_skill("We are an Agile engineering team using Scrum.")


def test_a_posting_names_its_employer_not_the_product_of_that_name() -> None:
    text = (
        "Figma is growing our team. At Figma, you will build ML features.\nRequirements\n- Python"
    )
    assert set(by_skill(text)) == {"python", "machine-learning"}
    assert "ray" not in by_skill("About Anyscale\nAt Anyscale, we're on a mission to scale AI.")
    # the product asked for, or listed with others, is a skill; a domain in the name says
    # the work's domain; a resume's employer is left to the company-name rules
    text = "Databricks is the data and AI company.\nRequirements\n- Experience with Databricks"
    assert "databricks" in by_skill(text)
    text = "Snowflake started with a clear vision. Know MPP databases such as Snowflake, Redshift."
    assert "snowflake" in by_skill(text)
    assert "insurance" in by_skill("Lancer Insurance Company is looking for a Data Engineer.")
    assert "ux-design" in set(extract("At Figma, I designed flows.", kind="resume").skill_ids())


def test_being_part_of_a_team_is_the_role_and_working_as_part_of_one_a_skill() -> None:
    assert "collaboration" not in by_skill("You will be part of a team of big thinkers.")
    assert "collaboration" not in by_skill("Become part of a team solving hard problems.")
    assert "collaboration" in by_skill("Able to work independently and as part of a team.")


def test_a_heading_glued_to_the_word_before_it_is_split_from_it() -> None:
    text = "Skills\n• Hard working • Quick learnerEducation Details\nB.E. 2015\n" + "x " * 300
    assert "continuous-learning" in extract(text, kind="resume").skill_ids()


def test_a_skill_phrase_before_a_company_name_is_no_word_of_the_name() -> None:
    found = extract("Workshops: 2 Negotiation skill & Kubler Automation Pvt Ltd., 2 days")
    assert "negotiation" in found.skill_ids()


def test_a_word_of_a_company_name_is_not_a_skill() -> None:
    found = by_skill("Sales analyst at Bajaj Finance Ltd. and TATA Communications Payment Ltd.")
    assert "finance" not in found
    assert "communication" not in found
    assert "finance" in by_skill("Domain: Finance and banking analytics with SQL")
    assert "finance" not in by_skill("Managing a network of Mahindra Financial services limited")
    # a line naming an employer: its business or soft words are the name; its domain is where
    # the writer worked
    resume = "company - Parkar Consulting and Labs\ncompany - British Telecom\n"
    assert "consulting" not in by_skill(resume)
    assert "telecommunications" in by_skill(resume)
    flattened = "Company: Acme Labs. Consulting with clients on data strategy and SQL."
    assert "consulting" in by_skill(flattened)  # past the name
    # a parent is still inferred from a child named elsewhere
    mentions = extract("Analyst at Bajaj Finance Ltd. Built credit risk models.").mentions
    assert [(m.skill, m.inferred) for m in mentions if m.skill == "finance"] == [("finance", True)]


def test_a_posting_flattened_to_one_line_keeps_the_skills_of_its_glued_bullets() -> None:
    bullets = ["Experience with causal inference", "Strong Python and SQL", "Tableau a plus"]
    text = "Responsibilities include many things for the team. " * 12 + "".join(bullets)
    assert {"causal-inference", "python", "sql", "tableau"} <= set(by_skill(text))


def test_a_whole_item_of_a_skills_list_is_its_own_context() -> None:
    text = "Strengths\n- Decision making\n- Team player\n\nSummary\nDecision making is hard."
    mentions = [m for m in extract(text, kind="resume").mentions if not m.inferred]
    decisions = [m for m in mentions if m.skill == "decision-making"]
    assert [(m.text, m.section.value) for m in decisions] == [("Decision making", "skills")]
    # letters a neighbouring skill does not confirm are not confirmed by a list either; a word
    # is ("Testing" in a resume's list of skills with their months)
    assert "scientific-publishing" not in extract("Skills\n- ACLS\n- BLS").skill_ids()
    listed = "Skill Details\nTESTING- Experience - 24 months\nACLS- Experience - 6 months"
    assert sorted(extract(listed, kind="resume").skill_ids()) == ["software-testing"]
    # and the words around a name still rule it out: medical records, not Amazon EMR
    assert "amazon-emr" in extract("Skills: Python, EMR, Spark").skill_ids()
    assert "amazon-emr" not in extract("Skills: Claims, EMR, and Registry Data").skill_ids()


def test_a_skill_above_the_benefits_confirms_no_perk_below_it() -> None:
    text = (
        "Requirements\n- Docker and Kubernetes\nBenefits\n- Free lunch from our in-house Chef\n"
        "- Spark your career with a learning budget\n"
    )
    assert sorted(by_skill(text)) == ["docker", "kubernetes"]
    # a list of tools inside the benefits still confirms its own names, and a name's own words
    assert "apache-spark" in by_skill("Benefits\n- Free training: Python, Kafka, Spark\n")
    text = "Requirements\n- Docker and Kubernetes\nBenefits\n- Paid Kafka certification\n"
    assert "apache-kafka" in by_skill(text)


def test_each_bullet_of_a_skills_list_is_an_item_whatever_its_glyph() -> None:
    text = "SKILLS\n\uf0b7 Python\n\uf0b7 Go\n\uf0a7 R\n\u25a0 Julia\n\u27a4 Rust\n\u2714 Spark\n"
    mentions = [m for m in extract(text).mentions if not m.inferred]
    assert [(m.skill, m.text) for m in mentions] == [
        ("python", "Python"),
        ("go", "Go"),
        ("r", "R"),
        ("julia", "Julia"),
        ("rust", "Rust"),
        ("apache-spark", "Spark"),
    ]
    assert {m.section for m in mentions} == {SectionKind.SKILLS}


def test_a_line_of_a_name_wrapped_in_a_skills_column_is_no_item_of_its_own() -> None:
    mentions = extract("SKILLS\nPower\nBI\nPython").mentions
    assert [(m.skill, m.text) for m in mentions if not m.inferred] == [
        ("power-bi", "Power\nBI"),
        ("python", "Python"),
    ]


def test_a_dotted_capital_i_shifts_no_clause() -> None:
    """``str.lower`` makes "İ" two characters; the clause words are still read in their place."""
    clauses = " Ltd\nDocker and Kafka are a plus. Python is required."
    plain = by_skill("I" * 24 + clauses)
    dotted = by_skill("\u0130" * 24 + clauses)
    for skill in ("docker", "apache-kafka", "python"):
        assert dotted[skill].strength is plain[skill].strength  # type: ignore[attr-defined]
    assert dotted["python"].strength is Strength.REQUIRED  # type: ignore[attr-defined]
    assert dotted["docker"].strength is Strength.PREFERRED  # type: ignore[attr-defined]
