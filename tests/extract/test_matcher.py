"""The matcher: folding keeps offsets, boundaries understand symbols, context rules are data."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
import yaml

from certpath.catalog import load_catalog
from certpath.catalog.models import Alias, AliasContext, ListPhrase, Skill
from certpath.extract import matcher as matcher_module
from certpath.extract.matcher import (
    Matcher,
    _respelt,
    compile_forms,
    compile_leads,
    fold,
    outside_links,
)


@functools.cache
def full_matcher() -> Matcher:
    return Matcher.from_catalog(load_catalog())


def matcher(*skills: Skill) -> Matcher:
    return Matcher(compile_forms(skills), compile_leads(skills))


def skill(
    id_: str, *aliases: str | Alias, label: str | None = None, kind: str = "language"
) -> Skill:
    return Skill(id=id_, label=label or id_, group="programming", type=kind, aliases=list(aliases))


@pytest.mark.parametrize(
    "text",
    [
        "Python, R & scikit-learn (C++/.NET).",
        "Ünïcödé “quotes” — dashes…",
        "a\u0130b",
        "tabs\tand\r\nlines",
        "",
    ],
)
def test_fold_keeps_length(text: str) -> None:
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Node.js, ASP.NET and .NET.", "node.js  asp.net and .net "),
        ("with Python.Docker basics", "with python docker basics"),
        ("e.g. Python 3.11...", "e.g  python 3.11   "),
        ("v2.next and a.b", "v2.next and a.b"),
        ("(Excel).Attention, in 2019.Strong", " excel  attention  in 2019 strong"),
        ("end.", "end "),
        (".", " "),
    ],
)
def test_a_dot_is_kept_inside_a_name_and_folded_where_it_ends_a_sentence(
    text: str, folded: str
) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Résumé, naïve Bayes, Straße", "r_sum_  na_ve bayes  stra_e"),
        ("Céline, José, Cæcilie Røed", "c_line  jos_  c_cilie r_ed"),
        ("ØPython, â€¢Java", " python     java"),  # bullets scraped into letters stay apart
        ("andÂNLP", "and nlp"),  # a no-break space read in the wrong encoding
        ("熟悉Python和SQL, Łódź", "  python sql   _d "),
    ],
)
def test_an_accented_letter_folds_to_a_letter_of_no_name(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Résumé: Python développeur", ["python"]),  # no R in "Résumé"
        ("Céline Dubois - Python, SQL", ["python", "sql"]),  # no C in "Céline"
        ("Classifiers: SVM, Naïve Bayes", ["classification", "naive-bayes", "svm"]),
        ("Cæcilie Røed - Python, SQL", ["python", "sql"]),
        ("Ingeniería Informática, Málaga; Python", ["python"]),  # the subject, not the tool
        ("Hobbies: caffè; TensorFlow", ["tensorflow"]),
    ],
)
def test_accented_words_name_no_one_letter_skill(text: str, expected: list[str]) -> None:
    assert sorted({hit.form.skill for hit in full_matcher().find(text)}) == expected


@pytest.mark.skipif(
    matcher_module.daachorse is None,
    reason="daachorse is not installed (it has no wheel for this platform), so the "
    "ahocorasick_rs automaton is the one in use and the one every other test runs",
)
def test_both_automata_find_the_same_hits(monkeypatch: pytest.MonkeyPatch) -> None:
    gold = yaml.safe_load((Path(__file__).parent.parent / "data" / "extract_gold.yaml").read_text())
    texts = [case["text"] for case in gold["cases"]]
    texts.append("\n".join(texts))
    forms = compile_forms(load_catalog().skills.values())
    fast = Matcher(forms)
    monkeypatch.setattr(matcher_module, "daachorse", None)
    portable = Matcher(forms)
    found = 0
    for text in texts:
        assert fast.find(text) == portable.find(text), text
        found += len(fast.find(text))
    assert found > 100


def test_spans_point_into_the_original_text() -> None:
    text = "Über-skilled in “Python” and C++."
    found = matcher(skill("python", label="Python"), skill("cpp", "C++", label="C plus plus")).find(
        text
    )
    assert [text[h.start : h.end] for h in found] == ["Python", "C++"]


def test_word_boundaries() -> None:
    m = matcher(skill("java", label="Java"), skill("javascript", "JS", label="JavaScript"))
    assert [h.form.skill for h in m.find("JavaScript and Java; javanese; JS.")] == [
        "javascript",
        "java",
        "javascript",
    ]


def test_longest_form_wins() -> None:
    m = matcher(
        skill("spark", label="Spark"),
        skill("apache-spark", "Apache Spark", label="Apache Spark SQL"),
    )
    assert [(h.form.skill, h.start, h.end) for h in m.find("Apache Spark SQL")] == [
        ("apache-spark", 0, 16)
    ]


def test_plural_variants_are_generated_unless_they_name_another_skill() -> None:
    m = matcher(
        skill("llm", "LLM", label="Large language model", kind="concept"),
        skill("db", label="database", kind="concept"),
    )
    assert [h.form.skill for h in m.find("LLMs and databases")] == ["llm", "db"]


def test_no_plural_is_made_of_a_plural_a_participle_or_a_mass_noun() -> None:
    keys = {form.key for form in full_matcher().forms}
    assert "bi dashboards" in keys
    assert "bi dashboardses" not in keys
    assert not keys & {"artificial intelligences", "transformer baseds", "alteryx workflowses"}
    assert {"embeddings", "sagemaker canvases"} <= keys  # an -ing noun, a word in -as


def test_a_hyphenated_name_also_matches_joined() -> None:
    m = matcher(
        skill("be", "back-end development", kind="method"),
        skill("reid", "re-ID", label="Re-identification", kind="method"),
        skill("ecom", "e-commerce", kind="concept"),
    )
    text = "backend development and back end development; ecommerce; Reid Smith"
    assert [h.form.skill for h in m.find(text)] == ["be", "be", "ecom"]  # "Reid" is a name


def test_a_product_name_of_one_word_gets_no_plural() -> None:
    m = matcher(
        skill("docker", "Docker", kind="tool"), skill("nb", "Jupyter notebook", kind="tool")
    )
    assert m.find("Dockers retail store") == []
    assert [h.form.skill for h in m.find("Jupyter notebooks")] == ["nb"]


def test_a_plural_name_of_several_words_also_matches_in_the_singular() -> None:
    m = matcher(
        skill("vdb", "vector databases", kind="tool"),
        skill("team", "cross-functional teams", kind="soft"),
        skill("dsa", "data structures", kind="concept"),
        skill("pd", "pandas", kind="concept"),
    )
    found = m.find("a vector database, a cross-functional team, a data structure, a panda")
    assert [h.form.skill for h in found] == ["vdb", "team"]  # a schema and a bear are not
    assert all(h.form.variant for h in found)
    assert not any(h.form.variant for h in m.find("vector databases, data structures"))


def test_case_sensitive_form() -> None:
    m = matcher(skill("ai", Alias(text="AI", case_sensitive=True), label="Artificial intelligence"))
    assert [h.form.skill for h in m.find("AI and ai and Ai")] == ["ai"]


def test_a_product_name_with_a_capital_inside_is_its_name_spelt_loosely() -> None:
    m = matcher(
        skill("redshift", Alias(text="Redshift", case_sensitive=True), kind="platform"),
        skill("react", Alias(text="React", case_sensitive=True), kind="framework"),
    )
    found = m.find("Snowflake, RedShift and BigQuery; redshift of galaxies; REDSHIFT of stars")
    assert [(h.form.skill, h.start) for h in found] == [("redshift", 11)]
    assert m.find("Re Act") == []  # two words are not one name


def test_context_rules_are_data() -> None:
    r = skill(
        "r",
        Alias(
            text="R",
            case_sensitive=True,
            ambiguous=True,
            context=AliasContext(cues=["python", "statistics"], not_before=["&D"]),
        ),
        label="R language",
    )
    m = matcher(r, skill("sql", label="SQL"))
    assert [h.form.skill for h in m.find("Statistics in R.")] == ["r"]
    assert [h.form.skill for h in m.find("R&D budget")] == []
    assert [h.form.skill for h in m.find("Plan R")] == []  # no cue, no neighbour
    assert [h.form.skill for h in m.find("SQL and R")] == ["sql", "r"]  # a nearby skill confirms


def test_not_after_rule() -> None:
    owner = skill(
        "ownership",
        Alias(text="ownership", ambiguous=True, context=AliasContext(not_after=["total cost of"])),
    )
    m = matcher(owner)
    assert m.find("total cost of ownership") == []
    assert [h.form.skill for h in m.find("a sense of ownership")] == ["ownership"]


def test_a_phrase_followed_by_a_list_of_its_words_names_the_skill() -> None:
    cross = Skill(
        id="cross",
        label="Cross-functional collaboration",
        group="soft",
        type="soft",
        lists=[
            ListPhrase(
                after=["partnering with", "working closely with"],
                items=["product", "engineering", "design", "finance", "data science"],
            )
        ],
    )
    collaboration = skill("collaboration", "partner with", kind="soft")
    finance = skill(
        "finance", Alias(text="finance", ambiguous=True, context=AliasContext(cues=["banking"]))
    )
    m = matcher(cross, collaboration, finance, skill("python", label="Python"))

    def found(text: str) -> list[tuple[str, str]]:
        return [(h.form.skill, text[h.start : h.end]) for h in m.find(text)]

    text = "Partner with our Product, Design & Data Science teams to ship."
    assert found(text) == [  # any tense of the phrase; the form of its words stays
        ("collaboration", "Partner with"),
        ("cross", "Partner with our Product, Design & Data Science teams"),
    ]
    assert found("Worked closely with product managers and engineering.") == [
        ("cross", "Worked closely with product managers and engineering")
    ]

    def listed(text: str) -> bool:
        return "cross" in dict(found(text))

    assert not listed("Partnered with Finance and Python users")  # a list of its words only
    assert not listed("partnered with the product team")  # one item is no list
    assert not listed("partnered with sales and marketing")
    assert not listed("partnered with product and design data")  # the list must end there
    # a list of teams confirms no name in it: "Finance" is a team, not the domain
    assert found("partnering with Finance and Product") == [
        ("cross", "partnering with Finance and Product")
    ]


def test_multiword_form_does_not_match_across_punctuation() -> None:
    m = matcher(skill("ml", "machine learning"))
    assert m.find("machine, learning") == []
    assert len(m.find("machine-learning and machine learning")) == 2


def test_neighbours_false_needs_its_own_cue() -> None:
    deploy = skill(
        "model-deployment",
        Alias(
            text="deploy",
            ambiguous=True,
            context=AliasContext(cues=["model"], neighbours=False, window=30),
        ),
    )
    m = matcher(deploy, skill("python", label="Python"))
    assert [h.form.skill for h in m.find("Python; deploy the website")] == ["python"]
    assert [h.form.skill for h in m.find("deploy models with Python")] == [
        "model-deployment",
        "python",
    ]


def test_descriptive_phrase_keeps_the_skills_named_inside() -> None:
    deployment = Skill(
        id="model-deployment",
        label="Model deployment",
        group="mlops",
        type="method",
        aliases=["deploying machine learning models"],
    )
    ml = Skill(
        id="machine-learning", label="machine learning", group="machine-learning", type="concept"
    )
    product = Skill(id="azure-ml", label="Azure Machine Learning", group="cloud", type="platform")
    m = matcher(deployment, ml, product)
    assert {h.form.skill for h in m.find("deploying machine learning models")} == {
        "model-deployment",
        "machine-learning",
    }
    assert [h.form.skill for h in m.find("Azure Machine Learning")] == ["azure-ml"]


def test_plurals_of_ruled_aliases_keep_their_rules() -> None:
    llm = skill(
        "llm", Alias(text="LLM", case_sensitive=True), label="Large language model", kind="concept"
    )
    m = matcher(llm)
    assert [h.form.skill for h in m.find("LLMs and LLM")] == ["llm", "llm"]
    assert m.find("llms") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("R. A. Fisher founded modern statistics; we use Python", ["python", "statistics"]),
        ("Books by A. R. Smith; Python", ["python"]),
        ("Python and R. Built models daily", ["python", "r"]),
    ],
)
def test_initials_of_names_are_not_languages(text: str, expected: list[str]) -> None:
    assert sorted({hit.form.skill for hit in full_matcher().find(text)}) == expected


def test_a_list_number_on_the_next_line_is_not_a_version() -> None:
    hits = full_matcher().find("Python\n2. Built dashboards\nJava\n8) Shipped\nPython 3 and Java 8")
    assert [(hit.form.skill, hit.form.key) for hit in hits if hit.form.skill != "dashboards"] == [
        ("python", "python"),
        ("java", "java"),
        ("python", "python 3"),
        ("java", "java 8"),
    ]


def test_a_longer_hit_replaces_every_hit_it_holds_but_what_its_phrase_names() -> None:
    # "monitor ML models" keeps the "ML" it names, and a phrase does not keep a shorter form
    # of its own skill ("deploy" in "deploy ML models")
    hits = full_matcher().find("Use monitor ML models; deploy ML models")
    assert [(hit.form.skill, hit.start, hit.end) for hit in hits] == [
        ("model-monitoring", 4, 21),
        ("machine-learning", 12, 14),
        ("model-deployment", 23, 39),
        ("machine-learning", 30, 32),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "clinical data analysis",
            [("healthcare", "clinical data"), ("data-analysis", "data analysis")],
        ),
        (
            "on AWS cloud infrastructure",
            [("aws", "AWS cloud"), ("cloud-computing", "cloud infrastructure")],
        ),
        (
            "generative AI technologies",
            [("generative-ai", "generative AI"), ("artificial-intelligence", "AI technologies")],
        ),
    ],
)
def test_phrases_of_different_skills_that_share_a_word_both_stay(
    text: str, expected: list[tuple[str, str]]
) -> None:
    hits = full_matcher().find(text)
    assert [(hit.form.skill, text[hit.start : hit.end]) for hit in hits] == expected


def test_an_alias_with_parentheses_matches_only_as_written() -> None:
    found = full_matcher().find("Machine Learning,ML infrastructure; Artificial Intelligence (AI).")
    assert [(hit.form.skill, hit.start, hit.end) for hit in found] == [
        ("machine-learning", 0, 16),
        ("machine-learning", 17, 19),
        ("ml-platform", 17, 34),
        ("artificial-intelligence", 36, 64),
    ]


def test_glued_bullets_of_a_flattened_text_are_split_but_not_camel_case_names() -> None:
    text = "causal inferenceFamiliarity with R or PythonStatistics, JavaScriptFamiliarity"
    hits = full_matcher().find_glued(text)
    assert [(hit.form.skill, text[hit.start : hit.end]) for hit in hits] == [
        ("causal-inference", "causal inference"),
        ("r", "R"),
        ("python", "Python"),
        ("statistics", "Statistics"),
        ("javascript", "JavaScript"),
    ]
    assert full_matcher().find_glued("We use PostgreSQL and PyTorch") == full_matcher().find(
        "We use PostgreSQL and PyTorch"
    )


def test_no_name_runs_from_one_item_of_a_list_written_one_per_line_to_the_next() -> None:
    matcher = full_matcher()
    text = "Skills\nPython\nDjango\n- Azure\n- DevOps\nSQL"
    hits = matcher.find_glued(text, lost_breaks=False)
    assert [text[hit.start : hit.end] for hit in hits] == [
        "Python",
        "Django",
        "Azure",
        "DevOps",
        "SQL",
    ]
    # a name wrapped in prose, or in a narrow column where no part is a name, stays whole
    for text, skill in (
        ("We build with Azure\nDevOps pipelines", "azure-devops"),
        ("SKILLS\nMachine\nLearning", "machine-learning"),
    ):
        assert [hit.form.skill for hit in matcher.find_glued(text, lost_breaks=False)] == [skill]


def test_a_name_split_by_a_hyphen_at_a_line_break_is_found_whole() -> None:
    text = (
        "Built services on Kuber-\nnetes with machine-\n  learning, data visuali-\nzation, "
        "problem- solving and Java-\nScript. Python - 3 years; Research- Experience; "
        "pre- and post-training"
    )
    hits = full_matcher().find_glued(text, lost_breaks=False)
    assert [(hit.form.skill, text[hit.start : hit.end]) for hit in hits] == [
        ("kubernetes", "Kuber-\nnetes"),
        ("machine-learning", "machine-\n  learning"),
        ("data-visualization", "data visuali-\nzation"),
        ("problem-solving", "problem- solving"),
        ("javascript", "Java-\nScript"),
        ("python", "Python"),
        ("research", "Research"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minimum QualificationsSQL programming", ["sql"]),  # a heading glued to capitals
        ("Databases: MySQL, PostgreSQL1-3 years", ["mysql", "postgresql"]),  # names stay whole
        ("Cisco's OpenDNS and FocusKPI", []),  # a short word before capitals is one name
        (
            "3 years of C++, C# or JavaAt least 2 years of Python",
            ["cpp", "csharp", "java", "python"],
        ),
        ("experience with data analysisIn this role", ["data-analysis"]),  # a word of two letters
    ],
)
def test_a_word_glued_to_capitals_is_split_from_them(text: str, expected: list[str]) -> None:
    hits = full_matcher().find_glued(text, lost_breaks=True)
    assert [hit.form.skill for hit in hits] == expected


def test_a_list_set_in_capitals_matches_case_sensitive_names() -> None:
    hits = full_matcher().find("TECHNICAL SKILLS\nPYTHON, GO, RUST, SWIFT, ORACLE\n")
    assert {hit.form.skill for hit in hits} >= {"python", "go", "rust", "swift", "oracle-database"}
    # capitals in prose are still not product names
    shouted = full_matcher().find("WE WANT A SWIFT LEARNER WHO WILL GO FAR. Python is a plus.")
    assert [hit.form.skill for hit in shouted] == ["python"]


def test_a_pair_written_with_a_slash_or_and_names_both_skills() -> None:
    text = "AI/ML, C/C++, NLP/NLU and probability and statistics"
    hits = full_matcher().find(text)
    assert [hit.form.skill for hit in hits] == [
        "artificial-intelligence",
        "machine-learning",
        "c",
        "cpp",
        "nlp",
        "natural-language-understanding",
        "probability",
        "statistics",
    ]


def test_a_name_ruled_out_only_by_the_words_around_it_still_confirms_its_neighbours() -> None:
    # "Statistics" has words that rule it out ("update statistics") and no other rule
    text = "He taught Statistics and R to students."
    assert [hit.form.skill for hit in full_matcher().find(text)] == ["statistics", "r"]
    assert full_matcher().find("Run update statistics nightly.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("QA/QC Civil Engineer", []),  # quality control on a site: "/QC" rules it out
        ("QA / QC engineer", []),
        ("QA engineer for the mobile app", ["software-testing"]),
        ("Study adherence to ICH/GCP and SOPs", []),  # Good Clinical Practice: "ICH/"
        ("Deploy on AWS/GCP", ["aws", "gcp"]),  # a slash between names joins alternatives
    ],
)
def test_a_rule_phrase_with_a_slash_is_read_across_one(text: str, expected: list[str]) -> None:
    assert [hit.form.skill for hit in full_matcher().find(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Benefits: 401K, HSA, DSA", set()),  # a spending account
        ("Work with DSA team members on SQL reporting", {"sql"}),  # a team
        ("Good at DSA, Python and SQL", {"data-structures-algorithms", "python", "sql"}),
    ],
)
def test_dsa_needs_words_of_programming_near_it(text: str, expected: set[str]) -> None:
    assert {hit.form.skill for hit in full_matcher().find(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our Core Values of Honesty, Integrity, Loyalty, Fairness and Respect", set()),
        ("Improve the safety and fairness of our products", {"fairness"}),
        ("ensuring model versioning, explainability, and fairness", {"fairness"}),
    ],
)
def test_fairness_needs_words_of_models_near_it(text: str, expected: set[str]) -> None:
    found = {hit.form.skill for hit in full_matcher().find(text)}
    assert found & {"fairness"} == expected


def test_kdd_is_a_venue_beside_the_others_not_data_mining() -> None:
    text = "Publications in top venues (e.g., NeurIPS, ICML, KDD, SIGIR)."
    skills = {hit.form.skill for hit in full_matcher().find(text)}
    assert skills == {"scientific-publishing"}


def test_a_web_or_mail_address_names_no_skill() -> None:
    text = (
        "See https://twitter.com/gdb/status/1, www.apple.com/ios or write to jobs@tecton.ai. "
        "We use Tecton, Python @ scale and CI/CD."
    )
    hits = outside_links(text, full_matcher().find(text))
    assert [text[hit.start : hit.end] for hit in hits] == ["Tecton", "Python", "CI/CD"]


def test_a_name_in_capitals_as_a_whole_list_item_matches_a_case_sensitive_form() -> None:
    text = "Skill Details\nMYSQL- Experience - 17 months\nORACLE- Experience - 17 months\n"
    assert [hit.form.skill for hit in full_matcher().find(text)] == ["mysql", "oracle-database"]
    # within a sentence, capitals still say something: not the Oracle database
    assert full_matcher().find("We met the ORACLE team in Austin about sales.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("unit and integration testing", {"unit-testing": "unit and integration testing"}),
        ("web and mobile development", {"web-development": "web and mobile development"}),
        ("batch / stream processing", {"batch-processing": "batch / stream processing"}),
        (
            "data collection, cleaning and analysis",
            {
                "data-cleaning": "data collection, cleaning",
                "data-analysis": "data collection, cleaning and analysis",
            },
        ),
        (
            "data ingestion, preparation, and analysis",
            {
                "data-cleaning": "data ingestion, preparation",
                "data-analysis": "data ingestion, preparation, and analysis",
            },
        ),
        ("AI and computer vision", {}),  # "AI" is a skill by itself: no "AI vision"
        ("generative AI and computer vision", {}),  # nor a word of a skill's name
        ("MS Excel, R, SPSS, SQL", {}),  # a list of tools, not "MS SQL"
        ("vision, large language models", {}),  # a comma does not share a head from the right
        ("Python and machine learning", {}),  # no "Python learning" to name
        # a first pair that names no skill still shares its word between two activities
        ("model training and deployment", {"model-deployment": "model training and deployment"}),
        ("customer acquisition/retention", {"customer-success": "customer acquisition/retention"}),
        ("Data Science and analytics", {}),  # science is no activity
        ("Financial education and planning support", {}),  # nor is education
        # a comma alone joins activities only
        (
            "statistical analysis, modeling",
            {"statistical-modeling": "statistical analysis, modeling"},
        ),
        ("information retrieval, security", {}),
        # capitalised, each item of a list is a name of its own
        ("Web Development, Analytics", {}),
        ("Data Engineering, Analytics, and stakeholder teams", {}),
        # a list goes on past a name of its own, and after an Oxford comma
        (
            "organizational, verbal, and written skills",
            {"time-management": "organizational, verbal, and written skills"},
        ),
        ("robotics, AI and computer vision", {}),
        # "skills" is shared though the last item names no skill with it
        (
            "Exceptional organizational and communications skills.",
            {"time-management": "organizational and communications skills"},
        ),
        # ... along short items only: a long clause is no list of adjectives
        (
            "perform research and investigation of business systems using quantitative skills",
            {},
        ),
    ],
)
def test_a_coordination_names_the_skill_of_each_shared_word(
    text: str, expected: dict[str, str]
) -> None:
    m = full_matcher()
    hits = m.find(text)
    added = [hit for hit in m.coordinated(text, hits) if hit not in hits]
    assert {hit.form.skill: text[hit.start : hit.end] for hit in added} == expected
    assert all(hit.confidence < hit.form.confidence for hit in added)


def test_a_name_headed_by_a_word_before_of_is_found_with_that_word_plural() -> None:
    # "evaluation of LLMs" is a form; a text may speak of several evaluations
    text = "Conduct thorough evaluations of LLMs and build proofs of concept."
    assert [hit.form.skill for hit in full_matcher().find(text)] == [
        "llm-evaluation",
        "prototyping",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SQL and non-SQL technologies", ["sql"]),
        ("linear and non-linear regression", ["regression-analysis"]),  # non-linear is a name
        ("statistical and non-statistical model development", []),
        ("Non Clinical development programs", []),
        ("relational and non-relational data stores", ["nosql"]),  # a name holding its "non"
    ],
)
def test_a_name_after_non_is_not_the_skill(text: str, expected: list[str]) -> None:
    assert [hit.form.skill for hit in full_matcher().find(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Knowledge of Snowflake preferred.", {"snowflake": "knowledge of"}),
        ("Hands-on experience with: Kafka.", {"apache-kafka": "experience with"}),
        ("Proficiency in Excel and fluency in R.", {"excel": "proficiency in", "r": "fluency in"}),
        ("Experience in healthcare", {"healthcare": "experience in"}),
        ("predictive models using SAS", {"predictive-modeling": None, "sas": "using"}),
        ("work with healthcare records", {"healthcare": "work with"}),
        ("Knowledge of R&D and of EMR data", {}),  # the rules after the cue still apply
        ("We spark curiosity. You go with the flow.", {}),  # no words introduce them
        ("Experience with optimization", {}),  # a form that no neighbour confirms
        ("Bonus points for Kafka experience", {"apache-kafka": "experience"}),
        ("Nice to have: Snowflake certification", {"snowflake": "certification"}),
        ("Kafka\nExperience with the team", {}),  # the next line's word names nothing
        ("You have solid P&C experience", {}),  # the rules after the word still apply
    ],
)
def test_words_that_introduce_a_skill_confirm_an_ambiguous_name(
    text: str, expected: dict[str, str]
) -> None:
    assert {hit.form.skill: hit.cue for hit in full_matcher().find(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TensorFlow2, Angular1.5 and Oracle11g", ["tensorflow", "angular", "oracle-database"]),
        ("GPT3.5 and Llama2", ["openai-gpt-models", "meta-llama"]),
        ("Python3, EC2 and S3", ["python", "amazon-ec2", "amazon-s3"]),  # names with a number
        ("#LI-JS1 and CMMI ML3 ratings", []),  # two letters and a number: a code
        ("log4j and COVID19", []),
    ],
)
def test_a_name_glued_to_its_version_is_split_from_it(text: str, expected: list[str]) -> None:
    hits = full_matcher().find_glued(text, lost_breaks=False)
    assert [hit.form.skill for hit in hits] == expected
    for hit in hits:  # spans are in the text as written, the version kept when a form holds it
        assert text[hit.start : hit.end].lower().startswith(hit.form.key.split(" ")[0][:3])


def test_a_name_glued_to_the_next_bullets_years_is_split_from_it() -> None:
    text = "Tableau, Excel and SQL2+ years of experience with Python"
    skills = [hit.form.skill for hit in full_matcher().find_glued(text, lost_breaks=True)]
    assert "sql" in skills


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tools (hive, pig, sqoop, etc)", ["apache-hive", "apache-pig", "apache-sqoop"]),
        ("frameworks such as tensorflow, torch, caffe", ["tensorflow", "pytorch", "caffe"]),
        ("Hadoop, SQL, ORACLE and Tableau", ["hadoop", "sql", "oracle-database", "tableau"]),
        ("Pig farming and hive management in the data center", []),  # words of a sentence
        ("a network for gay, bi, trans people", []),  # a word of two letters
        ("Pediatric Investigational Plan (PIP) sections", []),  # an acronym, not the tool pip
    ],
)
def test_a_whole_list_item_in_one_case_is_the_name(text: str, expected: list[str]) -> None:
    assert [hit.form.skill for hit in full_matcher().find(text)] == expected


def test_a_form_that_begins_with_a_verb_is_also_entered_in_its_other_tenses() -> None:
    forms = compile_forms(
        [
            skill("model-deployment", "deploying models", kind="method"),
            skill("fine-tuning", "fine-tuning LLMs", kind="method"),
            skill("team-leadership", "leading teams", kind="soft"),
            skill("embeddings", "embedding models", kind="concept"),  # a thing, not an act
            skill("team-building", "hiring and retention", kind="method"),  # no object
        ]
    )
    keys = {form.key: form for form in forms}
    for key in ("deploy models", "deploys models", "deployed models", "deployed model"):
        assert keys[key].skill == "model-deployment"
        assert keys[key].variant
    for key in ("fine tune llms", "fine tuned llms", "led teams", "lead teams"):
        assert key in keys
    assert keys["fine tuned llms"].text == "fine tuned LLMs"  # as written, for its casing
    assert not {"embedded models", "embeds models", "hired and retention"} & set(keys)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deployed models to AWS with MLflow", "model-deployment"),
        ("Led teams of five analysts", "team-leadership"),
        ("Fine-tuned LLMs for support chat", "fine-tuning"),
        ("Analyzed data from clinical trials", "data-analysis"),
        ("Reviewed code and fixed bugs", "code-review"),
        ("Automated manual processes with Python", "process-automation"),
        ("Maintained databases for the billing team", "database-administration"),
        ("Manage risk across the portfolio", "risk-management"),
        ("Optimize queries and table schemas", "query-optimization"),
    ],
)
def test_a_resume_says_in_the_past_what_a_posting_asks_for(text: str, expected: str) -> None:
    assert expected in {hit.form.skill for hit in full_matcher().find(text)}


@pytest.mark.parametrize(
    ("key", "respelt"),
    [
        ("containerized", "containerised"),
        ("data visualization", "data visualisation"),
        ("analyze data", "analyse data"),
        ("model labeling", "model labelling"),
        ("stakeholder management", "stakeholder mgmt"),
        ("sample size", "sample size"),  # a stem of two letters: no British "sise"
        ("wheeling", "wheeling"),  # a double vowel before the l: not doubled
    ],
)
def test_other_spellings_of_a_form(key: str, respelt: str) -> None:
    assert _respelt(key) == respelt


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Microsoft Office(R) and SQL Server(R); Python",
            ["microsoft-office", "python", "sql-server"],
        ),
        ("Copyright (C) 2024 Acme. We use Python and Java.", ["java", "python"]),
        ("Python (R) and SQL", ["python", "r", "sql"]),  # set apart: the language
        ("statistical programming(R), systems programming(C)", ["c", "r"]),  # no product
    ],
)
def test_a_trademark_or_copyright_sign_in_letters_is_no_language(
    text: str, expected: list[str]
) -> None:
    assert sorted({hit.form.skill for hit in full_matcher().find(text)}) == expected


def test_framework_names_beside_other_frameworks() -> None:
    hits = full_matcher().find("Frameworks: Spring, Django, Express")
    assert [hit.form.skill for hit in hits] == ["spring-boot", "django", "express"]
    assert full_matcher().find("Express your ideas within our framework; a Spring break") == []
    assert full_matcher().find("Every Spring we refresh our competency framework") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wrote Spark jobs that cut latency by 40%.", ["apache-spark"]),
        ("Maintained the Kafka cluster.", ["apache-kafka"]),
        ("Migrated Oracle stored procedures.", ["oracle-database", "sql"]),
        ("Shipped a Rust backend.", ["backend-development", "rust"]),
        ("Turned research topics into surveys.", []),  # no technology: no skill
        ("Chef jobs in our kitchens.", []),  # a capital that opens a sentence of prose
        ("Took over Julia's tasks; supported Ray's backend team.", []),  # people's
    ],
)
def test_what_is_built_with_a_technology_names_it(text: str, expected: list[str]) -> None:
    assert sorted({hit.form.skill for hit in full_matcher().find(text)}) == expected


def test_a_product_named_after_its_company_is_the_company_after_at() -> None:
    text = "At Splunk, we care. Senior Engineer at Databricks. Our goal at Informatica Cloud."
    assert full_matcher().find(text) == []
    hits = full_matcher().find("Experience with Databricks, Splunk and Informatica")
    assert [hit.form.skill for hit in hits] == ["databricks", "splunk", "informatica"]
    hits = full_matcher().find("Proficient at Tableau; skilled at Databricks")  # how well
    assert [hit.form.skill for hit in hits] == ["tableau", "databricks"]


def test_a_product_named_like_a_person_is_the_person_before_a_role() -> None:
    text = "Ray, our CTO, and Julia, who leads People, review Python daily."
    assert [hit.form.skill for hit in full_matcher().find(text)] == ["python"]
    assert [hit.form.skill for hit in full_matcher().find("Scaling with Ray, Dask")] == [
        "ray",
        "dask",
    ]


def test_a_possessive_before_what_is_built_with_a_technology() -> None:
    hits = full_matcher().find("Extended Airflow's operators; Git Hub Actions for CI")
    assert [hit.form.skill for hit in hits][:2] == ["apache-airflow", "github-actions"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rewrote the billing service in Rust.", ["rust"]),
        ("Built survival models in R, and reports in Excel", ["excel", "r"]),
        ("Ran hyperparameter sweeps on Ray.", ["ray"]),
        ("We believe in Go-getters", []),  # no clause ends after the name
        ("Join the data team within D3.", []),  # "within" is no "in"
        ("Internship starts in Spring.", []),  # a season: no neighbour confirms Spring
        # no work done in it: a company, a place, a game, a subject
        ("Thank you for your interest in Snowflake.", []),
        ("Summer intern at Navajo County in Snowflake, AZ", []),
        ("Hobbies: reading, ranked 2-dan in Go.", []),
        ("Senior thesis on Kafka.", []),
    ],
)
def test_what_a_thing_was_done_in_names_the_language(text: str, expected: list[str]) -> None:
    assert sorted({hit.form.skill for hit in full_matcher().find(text)}) == expected
