"""Resumes exported to PDF by a word processor or a browser read as their sources do.

Of the PDFs in ``tests/data/documents``, three were exported by LibreOffice Writer from the
DOCX files that ``make_documents.py`` there builds (the tests build those again), and
``sidebar.pdf`` and ``sidebar-right.pdf`` were printed by headless Chromium from the HTML
pages beside them, as online resume builders print theirs (``chromium --headless
--no-pdf-header-footer --print-to-pdf=sidebar.pdf sidebar.html``). Each PDF is read beside
its source. ``latex.pdf`` was set by pdflatex from ``latex.tex`` in TeX's old font encoding,
which draws an accent as a glyph of its own before its letter, and ``moderncv.pdf`` from
``moderncv.tex`` with the moderncv class, dates and labels in a margin column.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from certpath.catalog import load_catalog
from certpath.extract.document import Document, SectionKind
from certpath.extract.pipeline import Extractor
from certpath.extract.readers import read

DOCUMENTS = Path(__file__).parent.parent / "data" / "documents"


def _builders() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_documents", DOCUMENTS / "make_documents.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


BUILDERS = _builders().BUILDERS


SIDEBAR_FIRST = [
    SectionKind.OTHER,
    SectionKind.SKILLS,
    SectionKind.SUMMARY,
    SectionKind.EXPERIENCE,
    SectionKind.EDUCATION,
    SectionKind.CERTIFICATIONS,
]
"""The sections of a resume whose sidebar of skills is read before its summary and the rest."""


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(load_catalog())


def _both(stem: str, tmp_path: Path) -> tuple[Document, Document]:
    source = tmp_path / f"{stem}.docx"
    BUILDERS[stem](source)
    return read(source), read(DOCUMENTS / f"{stem}.pdf")


def _kinds(document: Document) -> list[SectionKind]:
    return [section.kind for section in document.sections]


def _skills(extractor: Extractor, document: Document) -> set[tuple[str, str]]:
    return {
        (mention.skill, str(mention.section))
        for mention in extractor.extract_document(document).mentions
        if not mention.inferred
    }


@pytest.mark.parametrize("stem", sorted(BUILDERS))
def test_the_pdf_gives_the_sections_and_skills_of_its_docx(
    stem: str, tmp_path: Path, extractor: Extractor
) -> None:
    docx, pdf = _both(stem, tmp_path)
    # each skill in the same section (a heading only DOCX styles, such as "Languages" in the
    # columns, opens a section of its own there alone, and no skill is under it)
    assert _skills(extractor, pdf) == _skills(extractor, docx)
    known = [kind for kind in _kinds(docx) if kind is not SectionKind.OTHER]
    assert [kind for kind in _kinds(pdf) if kind is not SectionKind.OTHER] == known


def test_table_layout_reads_column_by_column(tmp_path: Path, extractor: Extractor) -> None:
    _, pdf = _both("table", tmp_path)
    assert _kinds(pdf) == SIDEBAR_FIRST
    found = {skill for skill, _ in _skills(extractor, pdf)}
    # "Scala and\nHive on Cloudera": the line wrapped after "and" opens no sentence
    assert {"pyspark", "aws-glue", "terraform", "scala", "apache-hive"} <= found


def test_running_header_and_one_word_footer_leave_the_experience_whole(tmp_path: Path) -> None:
    _, pdf = _both("long", tmp_path)
    assert pdf.metadata["pages"] == 2
    assert pdf.text.count("Marco Rossi - Curriculum Vitae") == 1
    assert "Confidential" not in pdf.text
    experience = next(s for s in pdf.sections if s.kind is SectionKind.EXPERIENCE)
    jobs = [
        line
        for line in pdf.text[experience.start : experience.end].splitlines()
        if line.startswith("ML Engineer, Company")
    ]
    assert len(jobs) == 6


def test_newspaper_columns_and_hyphenated_words(tmp_path: Path, extractor: Extractor) -> None:
    _, pdf = _both("columns", tmp_path)
    found = {skill for skill, _ in _skills(extractor, pdf)}
    assert {"scikit-learn", "prophet", "azure-kubernetes-service", "looker"} <= found


def test_a_browser_printed_pdf_with_a_sidebar_reads_as_its_page(extractor: Extractor) -> None:
    page, pdf = read(DOCUMENTS / "sidebar.html"), read(DOCUMENTS / "sidebar.pdf")
    assert _skills(extractor, pdf) == _skills(extractor, page)
    assert _kinds(pdf) == SIDEBAR_FIRST


def test_a_short_sidebar_on_the_right_is_read_before_the_column_that_runs_on(
    extractor: Extractor,
) -> None:
    # two pages: the experience runs on from the first page's wide column into the second
    # page; the sidebar beside it on the first page is read before it, not between
    page, pdf = read(DOCUMENTS / "sidebar-right.html"), read(DOCUMENTS / "sidebar-right.pdf")
    assert pdf.metadata["pages"] == 2
    assert _skills(extractor, pdf) == _skills(extractor, page)
    assert pdf.text.startswith("Diego Martín\n")  # what is above the sidebar stays first
    assert _kinds(pdf) == [
        SectionKind.OTHER,
        SectionKind.SKILLS,
        SectionKind.SKILLS,
        SectionKind.CERTIFICATIONS,
        SectionKind.EXPERIENCE,
        SectionKind.EDUCATION,
    ]


def test_a_latex_pdf_gets_its_accents_back_on_their_letters(extractor: Extractor) -> None:
    pdf = read(DOCUMENTS / "latex.pdf")
    assert pdf.text.startswith("Wei Zhang – Résumé\n")
    assert "ETH Zürich" in pdf.text
    assert "École Polytechnique Fédérale de Lausanne" in pdf.text
    assert _kinds(pdf) == [
        SectionKind.OTHER,
        SectionKind.EXPERIENCE,
        SectionKind.EDUCATION,
        SectionKind.SKILLS,
        SectionKind.OTHER,
    ]
    found = {skill for skill, _ in _skills(extractor, pdf)}
    assert {"pytorch", "cuda", "tensorrt", "opencv", "quantization", "slurm"} <= found


def test_a_moderncv_resume_reads_with_its_margin_dates_and_labels(extractor: Extractor) -> None:
    pdf = read(DOCUMENTS / "moderncv.pdf")
    assert "2021–Present Machine Learning Engineer, Flutterwave, Lagos" in pdf.text
    assert "Languages Python, SQL, Go, Scala" in pdf.text
    # the GitHub and LinkedIn logos beside the contact details are pictures, no skill
    assert "\naishab\naisha-bello\n" in pdf.text
    assert "git" not in extractor.extract_document(pdf).skill_ids()
    assert _kinds(pdf) == [
        SectionKind.OTHER,
        SectionKind.EXPERIENCE,
        SectionKind.EDUCATION,
        SectionKind.SKILLS,
        SectionKind.CERTIFICATIONS,
    ]
    skills = _skills(extractor, pdf)
    assert {("prophet", "experience"), ("seldon", "experience"), ("go", "skills")} <= skills
    assert {("scala", "skills"), ("vertex-ai", "skills"), ("amazon-sagemaker", "skills")} <= skills
