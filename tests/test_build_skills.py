"""Tests of scripts/build_skills.py: the crosswalk matchers and the canonical rewrite.

The script is imported by path; every test builds its own tiny data (no ../shared needed).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from certpath.catalog.models import Skill, SkillsFile, SkillType

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_skills.py"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_skills", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_skills"] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


bs = _load_script()


def skill(**fields: object) -> Skill:
    base: dict[str, object] = {"id": "x", "label": "X", "group": "programming", "type": "tool"}
    return Skill.model_validate(base | fields)


def forms(**fields: object) -> list[object]:
    result: list[object] = bs.skill_forms(skill(**fields))
    return result


# --------------------------------------------------------------------------- Stack Overflow

TAGS = {
    "python": 2000,
    "r": 400,
    "rstudio": 90,
    "scikit-learn": 300,
    "sklearn": 60,
    "c++": 900,
    ".net": 500,
    "apache-spark": 700,
    "spark": 80,
    "ml": 120,
    "go": 300,
    "machine-learning": 450,
    "obscure-thing": 10,
    "word": 5000,
}


def test_so_normalises_case_and_spaces() -> None:
    found = bs.match_stackoverflow(forms(label="Apache Spark"), TAGS)
    assert found.value == "apache-spark"
    assert bs.match_stackoverflow(forms(label="C++"), TAGS).value == "c++"
    assert bs.match_stackoverflow(forms(label=".NET"), TAGS).value == ".net"


def test_so_prefers_the_most_asked_tag() -> None:
    found = bs.match_stackoverflow(forms(label="sklearn", aliases=["scikit-learn"]), TAGS)
    assert found.value == "scikit-learn"


def test_so_label_part_alias_is_only_a_fallback() -> None:
    tags = {"aws-lambda": 100, "lambda": 900, "excel": 800}
    lam = forms(label="AWS Lambda", aliases=["Lambda"])
    assert bs.match_stackoverflow(lam, tags).value == "aws-lambda"
    assert bs.match_stackoverflow(
        forms(label="Microsoft Excel", aliases=["Excel"]), tags
    ).value == ("excel")


def test_so_misleading_tags_never_match() -> None:
    tags = {"optimization": 9000, "mathematical-optimization": 100}
    opt = forms(label="Optimization", aliases=["mathematical optimization"])
    assert bs.match_stackoverflow(opt, tags).value == "mathematical-optimization"


def test_so_ignores_rare_tags() -> None:
    assert bs.match_stackoverflow(forms(label="Obscure thing"), TAGS) is None


def test_so_short_forms_need_label_or_case_sensitive_alias() -> None:
    assert bs.match_stackoverflow(forms(label="R"), TAGS).value == "r"
    assert bs.match_stackoverflow(forms(label="Golang stuff", aliases=["Go"]), TAGS) is None
    sensitive = forms(label="Golang stuff", aliases=[{"text": "Go", "case_sensitive": True}])
    assert bs.match_stackoverflow(sensitive, TAGS).value == "go"


def test_so_skips_ambiguous_aliases_but_not_an_ambiguous_label() -> None:
    word = {"text": "Word", "ambiguous": True, "context": {"cues": ["Excel"]}}
    assert bs.match_stackoverflow(forms(label="Microsoft Word", aliases=[word]), TAGS) is None
    r_alias = {"text": "R", "case_sensitive": True, "ambiguous": True, "context": {"cues": ["x"]}}
    assert bs.match_stackoverflow(forms(label="R", aliases=[r_alias]), TAGS).value == "r"


# --------------------------------------------------------------------------- ESCO

ESCO = bs.build_esco_index(
    [
        bs.EscoSkill("http://e/python", "Python (computer programming)"),
        bs.EscoSkill("http://e/ml-lang", "ML (computer programming)"),
        bs.EscoSkill("http://e/r", "R"),
        bs.EscoSkill("http://e/spark-ada", "SPARK"),
        bs.EscoSkill("http://e/stats", "statistics", ("statistical science",)),
        bs.EscoSkill("http://e/unity", "Unity (digital game creation systems)"),
        bs.EscoSkill("http://e/sql", "SQL"),
    ]
)


def test_esco_preferred_label_casefold() -> None:
    found = bs.match_esco(forms(label="Statistics", type="concept"), ESCO, SkillType.CONCEPT)
    assert found.value == "http://e/stats"
    assert found.how == "preferred"


def test_esco_alt_label() -> None:
    found = bs.match_esco(forms(label="Statistical science"), ESCO, SkillType.CONCEPT)
    assert (found.value, found.how) == ("http://e/stats", "alt")


def test_esco_qualifier_only_for_a_fitting_type() -> None:
    found = bs.match_esco(forms(label="Python"), ESCO, SkillType.LANGUAGE)
    assert (found.value, found.how) == ("http://e/python", "qualified")
    assert bs.match_esco(forms(label="Unity"), ESCO, SkillType.TOOL) is None


def test_esco_acronym_ml_is_not_the_ml_language() -> None:
    ml = forms(label="Machine learning", aliases=[{"text": "ML", "case_sensitive": True}])
    assert bs.match_esco(ml, ESCO, SkillType.CONCEPT) is None


def test_esco_all_caps_label_needs_exact_case() -> None:
    assert (
        bs.match_esco(forms(label="Apache Spark", aliases=["Spark"]), ESCO, SkillType.TOOL) is None
    )
    assert bs.match_esco(forms(label="SQL"), ESCO, SkillType.LANGUAGE).value == "http://e/sql"
    assert bs.match_esco(forms(label="Sql"), ESCO, SkillType.LANGUAGE) is None


def test_esco_short_form_case_exact() -> None:
    assert bs.match_esco(forms(label="R"), ESCO, SkillType.LANGUAGE).value == "http://e/r"
    assert bs.match_esco(forms(label="Other", aliases=["r"]), ESCO, SkillType.LANGUAGE) is None


def test_esco_alt_labels_split_on_newline_and_bar() -> None:
    assert bs.split_alt_labels("a\nb | c") == ("a", "b", "c")


# --------------------------------------------------------------------------- O*NET


def example(name: str, occupations: int = 1, code: str = "43232405") -> object:
    return bs.OnetExample(name, code, "Some software", occupations)


ONET = bs.build_onet_index(
    [
        example("The MathWorks MATLAB"),
        example("Microsoft Excel"),
        example("Microsoft Word"),
        example("Amazon Web Services AWS software", 10),
        example("Structured query language SQL"),
        example("Statistics software"),
        example("R"),
        example("Microsoft Windows XP"),
    ]
)


def onet_example(found: object) -> str | None:
    return None if found is None else str(found.example.example)


def test_onet_vendor_prefix_for_products() -> None:
    matlab = bs.match_onet(forms(label="MATLAB"), ONET, SkillType.LANGUAGE)
    assert onet_example(matlab) == "The MathWorks MATLAB"
    assert matlab.how == "vendor"
    assert onet_example(bs.match_onet(forms(label="Excel"), ONET, SkillType.TOOL)) == (
        "Microsoft Excel"
    )


def test_onet_vendor_prefix_not_for_concepts() -> None:
    assert bs.match_onet(forms(label="Excel"), ONET, SkillType.CONCEPT) is None


def test_onet_never_down_to_a_generic_word() -> None:
    assert bs.match_onet(forms(label="Word"), ONET, SkillType.TOOL) is None


def test_onet_acronym_and_software_suffix() -> None:
    aws = forms(label="Amazon Web Services", aliases=[{"text": "AWS", "case_sensitive": True}])
    assert onet_example(bs.match_onet(aws, ONET, SkillType.PLATFORM)) == (
        "Amazon Web Services AWS software"
    )
    sql = bs.match_onet(forms(label="SQL"), ONET, SkillType.LANGUAGE)
    assert (onet_example(sql), sql.how) == ("Structured query language SQL", "exact")


def test_onet_software_suffix_not_for_concepts() -> None:
    assert bs.match_onet(forms(label="Statistics"), ONET, SkillType.CONCEPT) is None
    assert bs.match_onet(forms(label="Statistics"), ONET, SkillType.TOOL) is not None


def test_onet_short_forms_case_exact() -> None:
    assert onet_example(bs.match_onet(forms(label="R"), ONET, SkillType.LANGUAGE)) == "R"
    assert bs.match_onet(forms(label="Other", aliases=["r"]), ONET, SkillType.LANGUAGE) is None


def test_split_acronym() -> None:
    assert bs.split_acronym("Structured query language SQL") == ("Structured query language", "SQL")
    assert bs.split_acronym("Extensible markup language XML") == (
        "Extensible markup language",
        "XML",
    )
    assert bs.split_acronym("Microsoft Windows XP") is None
    assert bs.split_acronym("IBM DB2") is None
    # the letters must mostly be word initials, not letters found anywhere
    assert bs.split_acronym("Bing for Power BI") is None
    assert bs.split_acronym("Microsoft Dynamics CRM") is None


# --------------------------------------------------------------------------- fill and rewrite

DATA = bs.SourceData(so_tags=TAGS, esco=ESCO, onet=ONET)

ORIGINAL = """\
# Programming skills.
schema_version: 1
skills:
- id: python
  label: Python
  type: language
  group: programming
  crosswalk: {stackoverflow_tag: python}
- id: r-language
  label: R
  group: programming
  type: language
  aliases:
    - text: R
      case_sensitive: true
      ambiguous: true
      context: {cues: [Python, SQL], window: 60, not_before: ['&D']}
    - {text: RStudio}
  crosswalk:
    esco_uri: https://example.org/curated-r
- id: yes-tool
  label: 'yes'
  group: programming
  type: tool
  description: 'null'
  aliases: ['on', '3', '2024-01-01']
"""


def test_fill_keeps_curated_values() -> None:
    before = SkillsFile.model_validate(yaml.safe_load(ORIGINAL))
    r_skill, fill = bs.fill_crosswalk(before.skills[1], DATA)
    assert r_skill.crosswalk.esco_uri == "https://example.org/curated-r"
    assert fill.esco is None
    assert r_skill.crosswalk.stackoverflow_tag == "r"
    assert r_skill.crosswalk.onet is not None
    assert r_skill.crosswalk.onet.example == "R"


def test_soft_skills_get_no_stackoverflow_tag() -> None:
    soft = skill(label="Python", type="soft", group="soft")
    filled, _ = bs.fill_crosswalk(soft, DATA)
    assert filled.crosswalk.stackoverflow_tag is None


def _rewrite(text: str) -> tuple[SkillsFile, str]:
    before = SkillsFile.model_validate(yaml.safe_load(text))
    updated = before.model_copy(
        update={"skills": [bs.fill_crosswalk(s, DATA)[0] for s in before.skills]}
    )
    return updated, bs.canonical_rewrite(text, updated, "test.yaml")


def test_canonical_rewrite_round_trips() -> None:
    updated, text = _rewrite(ORIGINAL)
    assert SkillsFile.model_validate(yaml.safe_load(text)) == updated
    assert text.startswith("# Programming skills.\nschema_version: 1\nskills:\n")
    assert "- RStudio\n" in text  # a text-only alias is a plain string
    assert "window" not in text  # defaults are omitted
    assert "cues: [Python, SQL]" in text
    assert "label: 'yes'" in text
    assert "description: 'null'" in text
    assert "- 'on'" in text
    assert "- '3'" in text
    assert "- '2024-01-01'" in text
    python = text.index("id: python")
    assert (
        text.index("label: Python", python)
        < text.index("group:", python)
        < text.index("type:", python)
    )


def test_canonical_rewrite_is_idempotent() -> None:
    _, text = _rewrite(ORIGINAL)
    _, again = _rewrite(text)
    assert again == text


def test_rewrite_refuses_other_changes() -> None:
    before = SkillsFile.model_validate(yaml.safe_load(ORIGINAL))
    renamed = before.skills[0].model_copy(update={"label": "Python 3"})
    changed = before.model_copy(update={"skills": [renamed, *before.skills[1:]]})
    with pytest.raises(bs.RoundTripError):
        bs.canonical_rewrite(ORIGINAL, changed, "test.yaml")


def test_rewrite_refuses_overwriting_a_curated_crosswalk() -> None:
    before = SkillsFile.model_validate(yaml.safe_load(ORIGINAL))
    walk = before.skills[0].crosswalk.model_copy(update={"stackoverflow_tag": "python-3.x"})
    python = before.skills[0].model_copy(update={"crosswalk": walk})
    changed = before.model_copy(update={"skills": [python, *before.skills[1:]]})
    with pytest.raises(bs.RoundTripError):
        bs.canonical_rewrite(ORIGINAL, changed, "test.yaml")


def test_body_comments_are_found() -> None:
    text = "# header\nschema_version: 1  # version\nskills:\n- id: c-sharp\n  label: 'C# #1'\n"
    assert bs.body_comment_lines(text) == [2]
    assert bs.split_header(text) == "# header\n"


# --------------------------------------------------------------------------- CLI


def _write_data(root: Path) -> Path:
    data = root / "data"
    (data / "onet_29_2").mkdir(parents=True)
    (data / "esco").mkdir()
    (data / "stackoverflow_tags").mkdir()
    (data / "skills_taxonomy_misc").mkdir()
    (data / "onet_29_2" / "Technology Skills.txt").write_text(
        "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\n"
        "15-2051.00\tPython\t43232405\tObject or component oriented development software\tY\tY\n"
        "15-2051.00\tThe MathWorks MATLAB\t43232612\tAnalytical or scientific software\tY\tN\n",
        encoding="utf-8",
    )
    (data / "esco" / "esco_skills_labels_api_matchkey.csv").write_text(
        "\ufeffconcept_uri,preferred_label,alt_labels,description,status\n"
        "http://e/python,Python (computer programming),,,\n",
        encoding="utf-8",
    )
    (data / "stackoverflow_tags" / "stackoverflow_tags_2021.csv").write_text(
        'Id,TagName,Count\n"1","python","2000"\n"2","matlab","900"\n', encoding="utf-8"
    )
    (data / "skills_taxonomy_misc" / "skills_dim.csv").write_text(
        "skill_id,skills,type\n0,python,programming\n1,pandas,libraries\n", encoding="utf-8"
    )
    return data


def test_cli_crosswalk_and_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _write_data(tmp_path)
    skills_dir = tmp_path / "skills"
    skills_dir.mkdir()
    path = skills_dir / "programming.yaml"
    path.write_text(ORIGINAL, encoding="utf-8")
    args = ["crosswalk", "--data", str(data), "--skills-dir", str(skills_dir)]
    assert bs.main([*args, "--check"]) == 0
    assert path.read_text(encoding="utf-8") == ORIGINAL
    assert bs.main(args) == 0
    written = SkillsFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert written.skills[0].crosswalk.esco_uri == "http://e/python"
    out = tmp_path / "draft.yaml"
    draft_args = ["draft", "--data", str(data), "--out", str(out), "--skills-dir", str(skills_dir)]
    assert bs.main(draft_args) == 0
    candidates = yaml.safe_load(out.read_text(encoding="utf-8"))["candidates"]
    by_label = {c["label"]: c for c in candidates}
    assert by_label["Python"]["curated"] == "python"
    assert by_label["The MathWorks MATLAB"]["status"] == "new"
    assert by_label["The MathWorks MATLAB"]["crosswalk"]["stackoverflow_tag"] == "matlab"
    assert by_label["pandas"]["type"] == "library"
    assert "coverage" in capsys.readouterr().out


def test_cli_missing_inputs_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bs.main(["draft", "--data", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == 1
    assert "data folder not found" in capsys.readouterr().err
    assert bs.main(["crosswalk", "--data", str(tmp_path), "--skills-dir", str(tmp_path)]) == 1
    assert "missing data file" in capsys.readouterr().err
