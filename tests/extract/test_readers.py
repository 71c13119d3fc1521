"""Readers: every supported format becomes a document, and every bad input a clear error."""

from __future__ import annotations

import csv
import io
import json
import random
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

import certpath
from certpath.errors import DocumentError
from certpath.extract.document import Document, DocumentKind, SectionKind
from certpath.extract.readers import (
    _GLYPH_NAME,
    DEFAULT_MAX_BYTES,
    _columns,
    _gutter,
    _respaced,
    _without_page_furniture,
    html_to_text,
    normalise_text,
    read,
    read_text,
)

# --- fixtures built in code -------------------------------------------------------------------


def _pdf(content: bytes | list[bytes], resources: bytes, resource_object: bytes) -> bytes:
    """A PDF of one page, or of one page per content stream, written by hand so the test
    needs no PDF-writing library. Object 5 is ``resource_object``, whatever the pages."""
    contents = [content] if isinstance(content, bytes) else content
    numbers = [3, *range(6, 6 + 2 * (len(contents) - 1), 2)]  # each page, then its content
    kids = b" ".join(b"%d 0 R" % number for number in numbers)
    bodies = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(contents)),
        5: resource_object,
    }
    for number, stream in zip(numbers, contents, strict=True):
        bodies[number] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
            + resources
            + b" /Contents %d 0 R >>" % (number + 1)
        )
        bodies[number + 1] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    objects = [bodies[number] for number in sorted(bodies)]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


TEXT_PDF = _pdf(
    b"BT /F1 12 Tf 14 TL 72 720 Td (Jane Doe) Tj T* (Skills) Tj T* (Python, SQL, PyTorch) Tj ET",
    b"<< /Font << /F1 5 0 R >> >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
)
SCANNED_PDF = _pdf(
    b"q 200 0 0 200 100 400 cm /Im0 Do Q",
    b"<< /XObject << /Im0 5 0 R >> >>",
    b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
    b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream",
)


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_heading("Jane Doe", 0)
    document.add_paragraph("Machine learning engineer.")
    document.add_heading("Skills", 1)
    document.add_paragraph("Python", style="List Bullet")
    document.add_paragraph("PyTorch", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Tool"
    table.cell(0, 1).text = "Years"
    table.cell(1, 0).text = "Kubernetes"
    table.cell(1, 1).text = "3"
    document.add_heading("Experience", 1)
    document.add_paragraph("Data Scientist at Acme, 2019-2024")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _reason(excinfo: pytest.ExceptionInfo[DocumentError]) -> str:
    return excinfo.value.reason


def _kinds(document: Document) -> list[str]:
    return [section.kind.value for section in document.sections]


POSTING = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    "title": "Senior Machine Learning Engineer",
    "description": "<p>Build <b>recommendation</b> models.</p><h3>Responsibilities</h3>"
    "<ul><li>Ship models with MLflow</li></ul>",
    "skills": ["Python", "PyTorch"],
    "qualifications": "BSc in Computer Science or similar",
    "experienceRequirements": {
        "@type": "OccupationalExperienceRequirements",
        "monthsOfExperience": 60,
    },
    "educationRequirements": {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": "bachelor degree",
    },
    "datePosted": "2025-05-01",
    "validThrough": "2025-07-01T00:00",
    "employmentType": "FULL_TIME",
    "jobLocationType": "TELECOMMUTE",
    "hiringOrganization": {"@type": "Organization", "name": "Acme"},
    "jobLocation": {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Berlin",
            "addressRegion": "BE",
            "addressCountry": {"@type": "Country", "name": "DE"},
        },
    },
    "baseSalary": {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 80000,
            "maxValue": "95,000",
            "unitText": "YEAR",
        },
    },
}

RESUME = {
    "basics": {
        "name": "Jane Doe",
        "label": "ML Engineer",
        "summary": "Builds NLP systems.",
        "location": {"city": "Lisbon", "countryCode": "PT"},
    },
    "work": [
        {
            "name": "Acme",
            "position": "Data Scientist",
            "startDate": "2019-01",
            "endDate": "2024-06",
            "summary": "Forecasting.",
            "highlights": ["Cut churn 10% with XGBoost"],
        }
    ],
    "education": [{"institution": "Uni Lisboa", "area": "Statistics", "studyType": "MSc"}],
    "skills": [{"name": "Machine Learning", "level": "Expert", "keywords": ["scikit-learn"]}],
    "projects": [{"name": "Chatbot", "description": "A RAG bot using LangChain."}],
    "certificates": [{"name": "AWS Certified ML - Specialty", "issuer": "AWS", "date": "2023"}],
    "languages": [{"language": "Portuguese", "fluency": "Native"}],
}


# --- formats ----------------------------------------------------------------------------------


def test_plain_text_string_is_read_as_text_with_sections() -> None:
    document = read("Jane Doe\r\nSkills\r\nPython, SQL\rExperience\nAcme")
    assert document.format == "text"
    assert document.source == "<text>"
    assert "\r" not in document.text
    assert _kinds(document) == ["other", "skills", "experience"]


def test_text_file_path(tmp_path: Path) -> None:
    path = tmp_path / "resume.txt"
    path.write_text("Jane Doe\nSkills\nPython\n", encoding="utf-8")
    document = read(path)
    assert document.source == str(path)
    assert document.format == "text"
    assert document.text == "Jane Doe\nSkills\nPython\n"


def test_one_line_string_naming_a_file_reads_the_file(tmp_path: Path) -> None:
    path = tmp_path / "resume.txt"
    path.write_text("Skills\nPython\n", encoding="utf-8")
    assert read(str(path)).text == "Skills\nPython\n"


def test_read_text_never_opens_a_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("secret", encoding="utf-8")
    assert read_text(str(path)).text == str(path)


def test_markdown_keeps_headings_and_drops_link_syntax(tmp_path: Path) -> None:
    path = tmp_path / "resume.md"
    path.write_text(
        "# Jane Doe\n\n## Skills\n- [PyTorch](https://pytorch.org)\n![logo](x.png)\n",
        encoding="utf-8",
    )
    document = read(path)
    assert document.format == "markdown"
    assert "- PyTorch\n" in document.text
    assert "https://" not in document.text
    assert SectionKind.SKILLS in {section.kind for section in document.sections}


def test_markdown_comment_in_a_code_block_is_not_a_heading() -> None:
    text = "## Projects\nImage classifier\n```python\n# Training\nmodel.fit(x)\n```\nPyTorch\n"
    assert _kinds(read(text.encode(), name="cv.md")) == ["projects"]


def test_pdf_with_a_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "resume.pdf"
    path.write_bytes(TEXT_PDF)
    document = read(path)
    assert document.format == "pdf"
    assert document.text.splitlines() == ["Jane Doe", "Skills", "Python, SQL, PyTorch"]
    assert document.metadata["pages"] == 1
    assert _kinds(document) == ["other", "skills"]


def _rows_pdf(rows: list[tuple[str, str]], right: int = 320, top: tuple[str, ...] = ()) -> bytes:
    """A page of two columns drawn row by row, left cell then right cell, as some resume
    builders draw them; under the lines ``top``, set across the page, when given."""
    ops = b"".join(
        b"BT /F1 11 Tf 72 %d Td (%s) Tj ET\n" % (760 - 14 * n, line.encode())
        for n, line in enumerate(top)
    )
    first = 720 - 14 * len(top) - (30 if top else 0)
    ops += b"".join(
        b"BT /F1 11 Tf 72 %d Td (%s) Tj ET BT /F1 11 Tf %d %d Td (%s) Tj ET\n"
        % (first - 16 * n, left.encode(), right, first - 16 * n, text.encode())
        for n, (left, text) in enumerate(rows)
    )
    return _pdf(
        ops,
        b"<< /Font << /F1 5 0 R >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    )


_TWO_COLUMNS = [
    ("Skills", "Experience"),
    ("Python", "Data Analyst, Acme"),
    ("SQL", "Built dashboards in Tableau"),
    ("Docker", "Led a churn analysis"),
    ("Education", "Projects"),
    ("MSc Statistics", "Churn model with XGBoost"),
]
_COLUMN_BY_COLUMN = [
    "Skills\nPython\nSQL\nDocker\nEducation\nMSc Statistics",
    "Experience\nData Analyst, Acme\nBuilt dashboards in Tableau\nLed a churn analysis\n"
    "Projects\nChurn model with XGBoost\n",
]


def test_pdf_with_two_columns_drawn_row_by_row_reads_one_column_then_the_other() -> None:
    document = read(_rows_pdf(_TWO_COLUMNS), name="cv.pdf")
    assert document.text.split("\n\n") == _COLUMN_BY_COLUMN
    assert _kinds(document) == ["skills", "education", "experience", "projects"]


def test_pdf_columns_under_a_block_of_lines_across_the_page() -> None:
    summary = (
        "Jane Doe, data analyst with nine years of experience in retail and banking analytics",
        "Led the analytics team of a large retailer; mentor, speaker and author on data topics",
        "Based in Lisbon and open to remote roles in Europe; available from the first of March",
        "Portfolio with case studies on churn, pricing and forecasting at janedoe.example.com",
    )
    document = read(_rows_pdf(_TWO_COLUMNS, top=summary), name="cv.pdf")
    # four lines across the page used to hide the gutter: the rows were read across
    assert document.text.split("\n\n") == ["\n".join(summary), *_COLUMN_BY_COLUMN]


@pytest.mark.parametrize(
    ("rows", "blocks"),
    [
        (  # a sidebar with no heading, beside a column with two: column after column
            [
                ("chris@example.com", "Profile"),
                ("London, UK", "Analyst in retail pricing"),
                ("Python", "Experience"),
                ("Pandas", "Data Analyst, Tesco"),
                ("Tableau", "Automated weekly reporting"),
                ("Excel", "Education"),
                ("", "BSc Economics, LSE"),
            ],
            [
                "chris@example.com\nLondon, UK\nPython\nPandas\nTableau\nExcel",
                "Profile\nAnalyst in retail pricing\nExperience\nData Analyst, Tesco\n"
                "Automated weekly reporting\nEducation\nBSc Economics, LSE\n",
            ],
        ),
        (  # dates set right of a single column's job titles: row by row
            [
                ("Experience", ""),
                ("Data Analyst, Tesco", "2019 - 2024"),
                ("Built pricing models in Python", ""),
                ("Analyst, Boots", "2016 - 2019"),
                ("Automated reporting with SQL", ""),
                ("Education", ""),
                ("BSc Economics, LSE", "2013 - 2016"),
            ],
            [
                "Experience\nData Analyst, Tesco 2019 - 2024\nBuilt pricing models in Python\n"
                "Analyst, Boots 2016 - 2019\nAutomated reporting with SQL\nEducation\n"
                "BSc Economics, LSE 2013 - 2016\n"
            ],
        ),
    ],
)
def test_pdf_column_with_no_heading_is_a_sidebar_unless_it_holds_dates(
    rows: list[tuple[str, str]], blocks: list[str]
) -> None:
    assert read(_rows_pdf(rows, right=420), name="cv.pdf").text.split("\n\n") == blocks


def test_pdf_headings_in_a_margin_get_lines_of_their_own_and_tables_stay_rows() -> None:
    page = _rows_pdf(
        [
            ("Skills", "Python, SQL and Docker for data pipelines"),
            ("", "Tableau dashboards for the sales team"),
            ("", "Airflow scheduling and dbt models"),
            ("Experience", "Data Analyst at Acme since 2019"),
            ("", "Built the churn model in scikit-learn"),
            ("", "Ran experiments with product managers"),
            ("", "Presented results to the leadership team"),
        ],
        right=200,
    )
    document = read(page, name="cv.pdf")
    assert document.text.startswith("Skills\nPython, SQL and Docker for data pipelines\n")
    assert _kinds(document) == ["skills", "experience"]
    table = _rows_pdf([("Python", "5 years"), ("SQL", "3 years"), ("Docker", "2 years")] * 2)
    assert read(table, name="cv.pdf").text.startswith("Python 5 years\nSQL 3 years\n")


def _gutter_column_by_column(filled: list[str]) -> tuple[int, int]:
    """The gutter search as first written, every line asked about every column: the
    definition the fast search must agree with."""
    width = max(len(line) for line in filled)
    best, most, beside = 0, 0, 0
    for gutter in range(10, width - 10):
        right = both = crossing = 0
        for line in filled:
            if len(line) <= gutter:
                continue
            if line[gutter - 1 : gutter + 2].strip():
                crossing += 1
            elif line[gutter:].strip():
                right += 1
                both += bool(line[:gutter].strip())
        if right > most and both >= 2 and crossing <= len(filled) // 5:
            best, most, beside = gutter, right, both
    return best, beside


def test_pdf_gutter_search_agrees_with_asking_every_line_about_every_column() -> None:
    chance = random.Random(20250601)
    pages = 0
    for _ in range(3000):
        lines = []
        for _ in range(chance.randint(4, 12)):
            if chance.random() < 0.5:  # anything, tabs and no-break spaces included
                line = "".join(chance.choice("ab  \t\xa0x") for _ in range(chance.randint(0, 60)))
            else:  # two cells
                left = "".join(chance.choice("ab ") for _ in range(chance.randint(0, 40)))
                right = "".join(chance.choice("ab ") for _ in range(chance.randint(0, 30)))
                line = left.ljust(len(left) + chance.randint(0, 5)) + right
            lines.append(line.rstrip())
        filled = [line for line in lines if line.strip()]
        if len(filled) >= 4:
            pages += 1
            assert _gutter(filled) == _gutter_column_by_column(filled), filled
    assert pages > 2500


def test_pdf_columns_on_a_page_thousands_of_characters_wide() -> None:
    # pypdf's layout mode gives lines this long for wide pages set in small type
    rows = [("Skills", "Experience"), ("Python", "Data Analyst, Acme"), ("SQL", "Tableau")]
    rows += [("Docker", "Churn analysis"), ("Education", "Projects"), ("MSc", "XGBoost")]
    layout = "\n".join(f"{left:<3000}{right}" for left, right in rows)
    assert _columns(layout) == (
        "Skills\nPython\nSQL\nDocker\nEducation\nMSc\n\n"
        "Experience\nData Analyst, Acme\nTableau\nChurn analysis\nProjects\nXGBoost"
    )


def test_pdf_short_sidebar_on_the_right_is_read_first_after_what_is_above_it() -> None:
    # a sidebar of one heading beside the top of a long experience, which runs on into the
    # next page: read after the experience, it would take that page's lines into its section
    rows = [
        ("Sam Lee", ""),
        ("Experience", "Skills"),
        ("ML Engineer, Acme (2019 - 2024)", "Python, SQL"),
        ("- Trained ranking models in LightGBM", "Docker, Terraform"),
        ("- Served them with FastAPI on AWS", "Airflow, dbt"),
        ("ML Engineer, Initech (2015 - 2019)", ""),
        ("- Built feature pipelines in Snowflake", ""),
        ("- Monitored drift with Evidently", ""),
    ]

    def read_lines(rows: list[tuple[str, str]]) -> list[str]:
        read = _columns("\n".join(f"{left:<50}{right}".rstrip() for left, right in rows))
        assert read is not None
        return [line for line in read.split("\n") if line]

    assert read_lines(rows) == [
        "Sam Lee",
        *("Skills", "Python, SQL", "Docker, Terraform", "Airflow, dbt"),
        *("Experience", "ML Engineer, Acme (2019 - 2024)", "- Trained ranking models in LightGBM"),
        *("- Served them with FastAPI on AWS", "ML Engineer, Initech (2015 - 2019)"),
        *("- Built feature pipelines in Snowflake", "- Monitored drift with Evidently"),
    ]
    # a right column as wide as the left one is read after it
    wide = [
        (left, f"{right} and more of the same to fill" if right not in ("", "Skills") else right)
        for left, right in rows
    ]
    assert read_lines(wide)[:3] == ["Sam Lee", "Experience", "ML Engineer, Acme (2019 - 2024)"]


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("R\u00b4esum\u00b4e, C\u00b4eline, Z\u00a8urich", "Résumé, Céline, Zürich"),
        (
            "Universit`a, Jo\u02dcao, \u02c7Skoda, Mar\u00b4\u0131a",
            "Università, João, Škoda, María",
        ),
        ("don\u00b4t, it\u00b4s", "don\u00b4t, it\u00b4s"),  # an acute for an apostrophe stays
        ("run `pip install`", "run `pip install`"),  # a backtick that opens code stays
    ],
)
def test_accents_a_latex_pdf_draws_before_their_letters_go_on_them(text: str, normal: str) -> None:
    assert normalise_text(text) == normal


def test_glyph_names_of_icons_are_no_text() -> None:
    line = "/envelope jo@example.com /github jdoe | CI/CD, and/or a /usr/bin path"
    assert _GLYPH_NAME.sub("", line) == "jo@example.com jdoe | CI/CD, and/or a /usr/bin path"


def test_an_accent_drawn_apart_leaves_no_letter_alone() -> None:
    # "R´esum´e" read as written gave R, the language, beside Python
    assert read_text("R\u00b4esum\u00b4e: Python d\u00b4eveloppeur").text.startswith("Résumé")
    found = certpath.extract("R\u00b4esum\u00b4e: Python d\u00b4eveloppeur").skill_ids()
    assert found == ["python"]


def test_pdf_columns_get_the_spaces_between_words_that_the_plain_reading_has() -> None:
    # pypdf's layout mode rounds positions to characters, and glues words drawn one by one
    plain = (
        "Skills Experience\nPython - Trained vision models in PyTorch for defect detection\n"
        "Education\nTools M.S. Statistics, UCLA\nAI - Built a RAG bot\n"
    )
    columns = (
        "Skills\nPython\nTools\nAI\n\nExperience\n"
        "-Trained computer vision models inPyTorch fordefect detection\n"
        "Education\nM.S. Statistics,UCLA\n- Built aRAG bot\nscikit-learn"
    )
    assert _respaced(columns, plain).split("\n")[5:] == [
        "Experience",
        "- Trained computer vision models in PyTorch for defect detection",
        "Education",
        "M.S. Statistics, UCLA",
        "- Built a RAG bot",
        "scikit-learn",  # not in the plain reading, and not made of its words: as it is
    ]


def _lines_pdf(pages: list[list[str]]) -> bytes:
    """A PDF with these lines on its pages, one under the other."""
    streams = [
        b"BT /F1 11 Tf 14 TL 72 740 Td "
        + b" T* ".join(b"(%s) Tj" % line.encode() for line in lines)
        + b" ET"
        for lines in pages
    ]
    return _pdf(
        streams,
        b"<< /Font << /F1 5 0 R >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    )


def test_pdf_running_header_and_page_footer_stay_out_of_the_content() -> None:
    header = "Robert Brown - Curriculum Vitae - Java Developer"
    pages = [
        [header, "Skills", "Java, Spring, Maven", "Experience", "Developer, Acme (2010 - 2015)"],
        [header, "- Wrote billing jobs in Kotlin", "Developer, Initech (2015 - 2020)"],
        [header, "- Ran the QA team", "Education", "BSc Computer Science"],
    ]
    for number, lines in enumerate(pages, 1):
        lines.append(f"Page {number} of 3 | robert@example.com")
    document = read(_lines_pdf(pages), name="cv.pdf")
    assert document.metadata["pages"] == 3
    lines = document.text.splitlines()
    assert lines[0] == header  # the first page's header stays, and only that
    assert lines.count(header) == 1
    assert not [line for line in lines if "Page" in line]
    # the experience runs on from page to page, with no name or title in between
    experience = next(s for s in document.sections if s.kind is SectionKind.EXPERIENCE)
    assert document.text[experience.start : experience.end].splitlines() == [
        "Experience",
        "Developer, Acme (2010 - 2015)",
        "- Wrote billing jobs in Kotlin",
        "Developer, Initech (2015 - 2020)",
        "- Ran the QA team",
    ]


def test_page_furniture_is_only_what_repeats_in_the_margins_or_numbers_a_page() -> None:
    pages = [
        "Jane Doe\nSkills\nPython\nExperience\nAcme\n1",
        "Experience\nInitech\nTools: Python, SQL\nJane Doe - Page 2",
        "Experience\nGlobex\nTools: Python, SQL\nEducation\nTools: Python, SQL\n- 3 -",
    ]
    assert _without_page_furniture(pages) == [
        "Jane Doe\nSkills\nPython\nExperience\nAcme",
        # a heading that opens two pages opens a section; a line that also fills the body
        # of a page is content, however often it ends one
        "Experience\nInitech\nTools: Python, SQL",
        "Experience\nGlobex\nTools: Python, SQL\nEducation\nTools: Python, SQL",
    ]
    one = ["Jane Doe\nData Scientist\nSkills\nPython"]  # a single page keeps its header
    assert _without_page_furniture(one) == one
    ending = ["Experience\nAcme\n- Made the landing page 2 times faster", "Education\nBSc"]
    assert _without_page_furniture(ending) == ending  # a page named in a sentence stays
    marked = ["Skills\nPython\nCONFIDENTIAL", "Experience\nAcme\nConfidential", "Education\nBSc"]
    assert _without_page_furniture(marked) == [
        "Skills\nPython",
        "Experience\nAcme",
        "Education\nBSc",
    ]
    # a lone word that the body also holds is content
    closing = ["Skills\nPython\nDocker", "Experience\nAcme\nDocker", "Tools\nGit\nDocker\nAWS\nBSc"]
    assert _without_page_furniture(closing) == closing


def test_pdf_heading_placed_glyph_by_glyph_is_still_a_heading() -> None:
    # design tools place each letter of a heading on its own: pypdf then reads spaces into it
    glyphs = b"\n".join(
        b"BT /F1 12 Tf 1 0 0 1 %d 720 Tm (%s) Tj ET" % (72 + 9 * at, letter.encode())
        for at, letter in enumerate("TECHNICAL SKILLS")
        if letter != " "
    )
    body = b"BT /F1 12 Tf 72 700 Td (Python, SQL and Kubernetes) Tj ET"
    page = _pdf(
        glyphs + b"\n" + body,
        b"<< /Font << /F1 5 0 R >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    )
    document = read(page, name="cv.pdf")
    assert _kinds(document) == ["skills"]


def test_docx_paragraphs_headings_lists_and_tables() -> None:
    document = read(_docx_bytes(), name="resume.docx")
    assert document.format == "docx"
    lines = document.text.splitlines()
    assert "Skills" in lines
    assert "- Python" in lines
    assert "Tool | Years" in lines
    assert "Kubernetes | 3" in lines
    assert lines.index("Skills") < lines.index("Kubernetes | 3") < lines.index("Experience")
    assert _kinds(document) == ["other", "skills", "experience"]


_TEXT_BOX = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
  xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>
  <mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>
    <w:p><w:r><w:t>Skills</w:t></w:r></w:p><w:p><w:r><w:t>Terraform, Airflow</w:t></w:r></w:p>
  </w:txbxContent></wps:txbx></w:drawing></mc:Choice>
  <mc:Fallback><w:pict><v:textbox><w:txbxContent>
    <w:p><w:r><w:t>Skills</w:t></w:r></w:p><w:p><w:r><w:t>Terraform, Airflow</w:t></w:r></w:p>
  </w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""


def test_docx_reads_the_header_and_text_boxes_once() -> None:
    from docx.oxml import parse_xml

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Jane Doe, Data Scientist"
    anchor = document.add_paragraph("Profile")
    anchor._p.append(parse_xml(_TEXT_BOX))
    document.add_paragraph("Experience")
    buffer = io.BytesIO()
    document.save(buffer)
    text = read(buffer.getvalue(), name="resume.docx").text
    lines = [line for line in text.splitlines() if line]
    assert lines == [
        "Jane Doe, Data Scientist",
        "Profile",
        "Skills",
        "Terraform, Airflow",
        "Experience",
    ]


_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx_read(document: docx.document.Document) -> list[str]:
    buffer = io.BytesIO()
    document.save(buffer)
    return [line for line in read(buffer.getvalue(), name="cv.docx").text.splitlines() if line]


def test_docx_reads_content_controls_and_tracked_insertions() -> None:
    # Word's own resume templates are made of content controls; python-docx skips them
    from docx.oxml import parse_xml

    document = docx.Document()
    document.element.body.insert(
        0,
        parse_xml(
            f"<w:sdt {_NS}><w:sdtPr/><w:sdtContent>"
            "<w:p><w:r><w:t>Skills</w:t></w:r></w:p>"
            "<w:p><w:r><w:t>Python, Kubernetes</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        ),
    )
    tools = document.add_paragraph("Tools: ")
    tools._p.append(
        parse_xml(
            f"<w:sdt {_NS}><w:sdtPr/><w:sdtContent><w:r><w:t>Docker</w:t></w:r>"
            "</w:sdtContent></w:sdt>"
        )
    )
    edited = document.add_paragraph("Also ")
    edited._p.append(
        parse_xml(f'<w:ins {_NS} w:id="1" w:author="a"><w:r><w:t>Snowflake</w:t></w:r></w:ins>')
    )
    edited._p.append(
        parse_xml(
            f'<w:del {_NS} w:id="2" w:author="a"><w:r><w:delText>Oracle</w:delText></w:r></w:del>'
        )
    )
    assert _docx_read(document) == [
        "Skills",
        "Python, Kubernetes",
        "Tools: Docker",
        "Also Snowflake",
    ]


def test_docx_merged_cells_once_and_line_breaks_in_cells() -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    merged = table.cell(0, 0).merge(table.cell(2, 0))
    merged.paragraphs[0].text = "Skills"
    merged.add_paragraph("Python")
    table.cell(0, 1).text = "Experience"
    table.cell(1, 1).text = "Acme, Spark pipelines"
    table.cell(2, 1).text = "Beta, Tableau"
    grid = document.add_table(rows=1, cols=2)
    grid.cell(0, 0).text = "Projects\nChurn model"  # a soft line break
    grid.cell(0, 1).text = "Education\nBSc"
    assert _docx_read(document) == [
        "Skills",
        "Python",
        "Experience",
        "Acme, Spark pipelines",
        "Beta, Tableau",
        "Projects",
        "Churn model",
        "Education",
        "BSc",
    ]


def test_docx_rows_and_cells_in_content_controls_and_an_orphan_merge() -> None:
    from docx.oxml import parse_xml

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Python", "SQL"
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    table._tbl.append(  # a row in a content control (a repeating section)
        parse_xml(
            f"<w:sdt {_NS}><w:sdtPr/><w:sdtContent><w:tr>"
            + cell.format("Kubernetes")
            + cell.format("Terraform")
            + "</w:tr></w:sdtContent></w:sdt>"
        )
    )
    table._tbl.tr_lst[0].append(
        parse_xml(
            f"<w:sdt {_NS}><w:sdtPr/><w:sdtContent>{cell.format('Snowflake')}"
            "</w:sdtContent></w:sdt>"
        )
    )
    # a cell that says it continues a merge from a row above that is not there
    table._tbl.tr_lst[0].tc_lst[0].get_or_add_tcPr().append(parse_xml(f"<w:vMerge {_NS}/>"))
    assert _docx_read(document) == ["Python | SQL | Snowflake", "Kubernetes | Terraform"]


def test_docx_footer_and_special_characters_of_runs() -> None:
    from docx.oxml import parse_xml

    document = docx.Document()
    document.sections[0].footer.paragraphs[0].text = "Certified Kubernetes Administrator"
    skills = document.add_paragraph()
    skills._p.append(
        parse_xml(
            f'<w:r {_NS}><w:t>Python</w:t><w:ptab w:relativeTo="margin" w:alignment="right" '
            'w:leader="none"/><w:t>scikit</w:t><w:noBreakHyphen/><w:t>learn, C</w:t>'
            '<w:sym w:font="Symbol" w:char="F02B"/><w:sym w:font="Symbol" w:char="F02B"/></w:r>'
        )
    )
    # the footer is read before the body, so that it does not run on in the last section
    assert _docx_read(document) == [
        "Certified Kubernetes Administrator",
        "Python\tscikit-learn, C++",
    ]


def test_docx_headings_styled_as_the_known_ones_open_sections_of_their_own() -> None:
    document = docx.Document()
    document.sections[0].footer.paragraphs[0].text = "jane@example.com | GitHub"
    document.add_heading("Jane Doe", 0)
    document.add_heading("Skills", 1)
    document.add_paragraph("Python, SQL")
    document.add_heading("Experience", 1)
    document.add_heading("Data Engineer, Acme", 2)  # a job title, one level down
    document.add_paragraph("Built pipelines with Airflow")
    document.add_heading("Volunteering", 1)  # no known heading, set like the known ones
    document.add_paragraph("Taught Scratch to children")
    buffer = io.BytesIO()
    document.save(buffer)
    read_back = read(buffer.getvalue(), name="cv.docx")
    sections = [
        (s.kind.value, read_back.text[s.start : s.end].split("\n")[0]) for s in read_back.sections
    ]
    assert sections == [
        ("other", "jane@example.com | GitHub"),
        ("skills", "Skills"),
        ("experience", "Experience"),
        ("other", "Volunteering"),
    ]
    experience = read_back.sections[2]
    assert "Airflow" in read_back.text[experience.start : experience.end]


def _headed(document: Document) -> list[tuple[str, str]]:
    """Each section's kind and first line."""
    return [
        (section.kind.value, document.text[section.start : section.end].split("\n")[0])
        for section in document.sections
    ]


def test_html_and_markdown_headings_set_like_the_known_ones_open_sections() -> None:
    page = b"""<html><body><h1>Data Engineer</h1><h2>Requirements</h2><ul><li>Python</li></ul>
    <h3>Tooling</h3><p>dbt</p><h2>The interview process</h2><p>We run Kafka.</p>
    <h2>Benefits</h2><p>Health</p></body></html>"""
    document = read(page, name="job.html")
    # "Tooling", a level down, stays in the requirements; the interview is no benefit
    assert _headed(document) == [
        ("other", "Data Engineer"),
        ("requirements", "Requirements"),
        ("other", "The interview process"),
        ("benefits", "Benefits"),
    ]
    markdown = "# Jane Doe\n\n## Skills\n- Go\n\n## Mentoring\nScratch club\n"
    assert _headed(read(markdown.encode(), name="cv.md")) == [
        ("other", "# Jane Doe"),
        ("skills", "## Skills"),
        ("other", "## Mentoring"),
    ]
    underlined = "Jane Doe\n========\n\nSkills\n------\nGo\n\nMentoring\n---------\nScratch\n"
    assert [kind for kind, _ in _headed(read(underlined.encode(), name="cv.md"))] == [
        "other",
        "skills",
        "other",
    ]


def test_embedded_posting_description_headings_open_sections() -> None:
    description = "<h3>Requirements</h3><ul><li>Python</li></ul><h3>How we hire</h3><p>Kafka</p>"
    posting = {"@type": "JobPosting", "title": "Data Engineer", "description": description}
    document = read(json.dumps(posting).encode(), name="job.json")
    assert [kind for kind, _ in _headed(document)] == ["other", "requirements", "other"]


def test_html_keeps_visible_text_only() -> None:
    page = b"""<!DOCTYPE html><html><head><title>Jane</title>
    <style>.tensorflow { color: red }</style></head><body>
    <script>var kubernetes = 1;</script><noscript>Enable Scala</noscript>
    <h2>Skills</h2><ul><li>Python</li><li>SQL</li></ul>
    <div hidden>Haskell</div><p style="display:none">Fortran</p>
    <template><p>Rust</p></template><p>Built <b>ETL</b> pipelines.<br>With Airflow.</p>
    </body></html>"""
    document = read(page, name="page.html")
    assert document.format == "html"
    assert document.metadata["title"] == "Jane"
    for hidden in ("tensorflow", "kubernetes", "Scala", "Haskell", "Fortran", "Rust", "Jane"):
        assert hidden not in document.text
    assert document.text.splitlines()[:4] == ["Skills", "", "- Python", "- SQL"]
    assert "Built ETL pipelines.\nWith Airflow." in document.text
    assert _kinds(document) == ["skills"]


def test_text_that_names_html_tags_is_text_and_a_page_after_a_preamble_is_html() -> None:
    text = "Jane Doe\nSkills\n- Semantic HTML5 (<header>, <body> layout), CSS Grid\n- React\n"
    document = read(text)
    assert (document.format, document.text) == ("text", text)
    page = (
        "Saved from a job board\n<html><body><h2>Skills</h2><ul><li>Python</li></ul></body></html>"
    )
    assert read(page).format == "html"


def test_html_chips_are_separate_words() -> None:
    page = (
        "<h3>Skills</h3><div><span class=tag>Python</span><span class=tag>SQL</span></div>"
        "<p><a href=1>Docker</a><a href=2>Kubernetes</a></p><p>Py<span>thon</span></p>"
    )
    assert html_to_text(page) == "Skills\n\nPython SQL\n\nDocker Kubernetes\n\nPython\n"


def test_html_site_chrome_is_not_the_document() -> None:
    page = (
        "<nav><a href=/rust>Rust tutorials</a></nav><div role=navigation>Go jobs</div>"
        "<main><h1>Data Engineer</h1><p>Python and SQL</p><footer>Posted by Acme</footer></main>"
        "<select><option>Java</option><option>Go</option></select>"
        "<footer>Built with React and Tailwind CSS</footer>"
    )
    assert html_to_text(page) == "Data Engineer\n\nPython and SQL\n\nPosted by Acme\n"


def test_html_site_header_outside_the_main_content_is_chrome() -> None:
    site = "<header><a href=/>Acme</a> <a href=/ai>AI Platform</a> <a href=/blog>Blog</a></header>"
    post = "<header><h1>Data Engineer</h1></header><p>Python and SQL</p>"
    assert html_to_text(f"{site}<main>{post}</main>") == "Data Engineer\n\nPython and SQL\n"
    # with no main or article to tell content from chrome, a header is the page's own ...
    assert html_to_text(post) == "Data Engineer\n\nPython and SQL\n"
    # ... unless it is a row of links, the site's menu (a title with a link in it is not)
    assert html_to_text(site + post) == "Data Engineer\n\nPython and SQL\n"
    linked = "<header><h1>Data Engineer at <a href=/>Acme</a></h1><a href=/apply>Apply</a></header>"
    assert html_to_text(linked) == "Data Engineer at Acme\n\nApply\n"


def test_html_sidebars_and_cookie_banners_are_not_the_document() -> None:
    page = (
        "<div id=cookie-banner>We use cookies and Google Analytics for advertising.</div>"
        "<div class='gdpr-dialog'>Accept all</div>"
        "<main><h2>Requirements</h2><ul><li>3+ years of React</li></ul>"
        "<aside>Note: remote</aside></main>"
        "<aside><h3>Similar jobs</h3><ul><li><a>Senior Angular Developer</a></li></ul></aside>"
        "<div role=complementary>Ruby on Rails Engineer</div>"
    )
    assert html_to_text(page) == "Requirements\n\n- 3+ years of React\n\nNote: remote\n"


def test_html_to_text_handles_deep_nesting() -> None:
    text = html_to_text("<div>" * 20000 + "Python" + "</div>" * 20000)
    assert text == "Python\n"


def test_thousands_of_unclosed_elements_are_taken_out_with_their_text_kept() -> None:
    # an HTML parser checks every open element at each tag: 20,000 left open took seconds
    page = "<html><body>" + "<div><span>Python " * 20000 + "</body></html>"
    document = read(page.encode(), name="page.html")
    assert document.text.split() == ["Python"] * 20000
    assert html_to_text("<div><span>Python</div>" * 3) == "Python\nPython\nPython\n"
    flattened = html_to_text("<div>" * 2100 + "<span>Python</span><span>SQL</span>")
    assert flattened == "Python SQL\n"  # an inline tag taken out leaves a space


def test_json_resume() -> None:
    document = read(json.dumps(RESUME).encode(), name="resume.json")
    assert document.format == "json-resume"
    assert document.kind is DocumentKind.RESUME
    assert _kinds(document) == [
        "other",
        "summary",
        "experience",
        "education",
        "skills",
        "projects",
        "certifications",
    ]
    assert "- Cut churn 10% with XGBoost" in document.text
    assert "- Machine Learning (Expert): scikit-learn" in document.text
    assert "Languages: Portuguese (Native)" in document.text
    assert document.metadata["name"] == "Jane Doe"
    assert document.metadata["label"] == "ML Engineer"
    assert document.metadata["location"] == "Lisbon, PT"
    assert document.metadata["positions"] == [
        {"title": "Data Scientist", "company": "Acme", "start": "2019-01", "end": "2024-06"}
    ]


def test_json_resume_with_wrong_value_types_does_not_crash() -> None:
    hostile = {"basics": ["x"], "work": "nope", "skills": [None, 3, {"name": 5, "keywords": "x"}]}
    document = read(json.dumps(hostile).encode())
    assert document.format == "json-resume"
    assert "- 5: x" in document.text


def test_linkedin_export() -> None:
    export = _zip(
        {
            "Basic_LinkedInDataExport/Profile.csv": (
                "\ufeffFirst Name,Last Name,Headline,Summary,Geo Location\n"
                'Jane,Doe,ML Engineer,"Builds models, ships them.",Lisbon\n'
            ).encode(),
            "Basic_LinkedInDataExport/Positions.csv": (
                b"Company Name,Title,Description,Location,Started On,Finished On\n"
                b"Acme,Data Scientist,Forecasting with Prophet,Lisbon,Jan 2019,\n"
            ),
            "Basic_LinkedInDataExport/Skills.csv": b"Name\nPython\nApache Spark\n",
            "Basic_LinkedInDataExport/Connections.csv": b"Notes:\nignored\n",
        }
    )
    document = read(export, name="export.zip")
    assert document.format == "linkedin-export"
    assert document.kind is DocumentKind.RESUME
    assert document.text.splitlines()[:2] == ["Jane Doe", "ML Engineer"]
    assert "Data Scientist — Acme (Jan 2019 – present), Lisbon" in document.text
    assert "- Apache Spark" in document.text
    assert "ignored" not in document.text
    assert _kinds(document) == ["other", "summary", "experience", "skills"]
    assert document.metadata["positions"] == [
        {"title": "Data Scientist", "company": "Acme", "start": "Jan 2019"}
    ]


def test_linkedin_export_education_projects_and_certifications() -> None:
    export = _zip(
        {
            "Skills.csv": b"Name\nPython\n",
            "Education.csv": (
                b"School Name,Start Date,End Date,Notes,Degree Name,Activities\n"
                b"TU Lisbon,2012,2016,Thesis on Bayesian statistics,BSc Mathematics,\n"
            ),
            "Projects.csv": (
                b"Title,Description,Url,Started On,Finished On\n"
                b"Churn model,Gradient boosting with XGBoost,,2021,\n"
            ),
            "Certifications.csv": (
                b"Name,Url,Authority,Started On,Finished On,License Number\n"
                b"AWS Certified Machine Learning Engineer,,Amazon Web Services,2024,,\n"
            ),
        }
    )
    document = read(export, name="export.zip")
    assert "BSc Mathematics — TU Lisbon" in document.text
    assert "Gradient boosting with XGBoost" in document.text
    assert "- AWS Certified Machine Learning Engineer — Amazon Web Services" in document.text
    assert _kinds(document) == ["skills", "education", "projects", "certifications"]


def test_json_resume_with_plain_skills_awards_publications_and_interests() -> None:
    resume = {
        "basics": {"name": "Jane"},
        "skills": ["Python", "SQL"],
        "awards": [{"title": "Kaggle Gold", "awarder": "Kaggle", "summary": "A PyTorch model"}],
        "publications": [{"name": "Forecasting with Prophet", "publisher": "JOSS"}],
        "interests": [{"name": "Machine learning", "keywords": ["LLMs", "RAG"]}],
    }
    document = read(json.dumps(resume).encode(), name="resume.json")
    for line in ("- Python", "- SQL", "A PyTorch model", "Forecasting with Prophet — JOSS"):
        assert line in document.text
    assert "- Machine learning: LLMs, RAG" in document.text
    assert _kinds(document)[-4:] == ["skills", "other", "other", "other"]


def test_json_resume_entries_given_as_plain_strings_are_read_in_their_sections() -> None:
    resume = {
        "basics": {"name": "Jane"},
        "work": ["Data Scientist at Acme, 2019-2024"],
        "volunteer": ["Mentor at PyLadies"],
        "education": ["MSc Statistics, Uni Lisboa", {"institution": "IST", "area": "Physics"}],
        "skills": ["Python"],
        "languages": ["Portuguese", {"language": "English", "fluency": "Fluent"}, ""],
        "projects": ["Chatbot with LangChain"],
        "certificates": ["AWS Certified ML - Specialty", None, 7.5, []],
        "awards": ["Kaggle Gold"],
        "interests": ["Open source"],
    }
    document = read(json.dumps(resume).encode(), name="resume.json")
    assert document.text == (
        "Jane\n\nExperience\nData Scientist at Acme, 2019-2024\n\nMentor at PyLadies\n\n"
        "Education\nMSc Statistics, Uni Lisboa\nPhysics — IST\n\n"
        "Skills\n- Python\nLanguages: Portuguese, English (Fluent)\n\n"
        "Projects\nChatbot with LangChain\n\n"
        "Certifications\nAWS Certified ML - Specialty\n7.5\n\n"
        "Awards\nKaggle Gold\n\nInterests\n- Open source\n"
    )
    assert _kinds(document) == [
        "other",
        "experience",
        "education",
        "skills",
        "projects",
        "certifications",
        "other",
        "other",
    ]
    assert "positions" not in document.metadata  # a line of text states no title or company


def test_jobposting_json_ld() -> None:
    document = read(json.dumps(POSTING).encode(), name="posting.jsonld")
    assert document.format == "jobposting"
    assert document.kind is DocumentKind.POSTING
    assert document.text.splitlines()[0] == "Senior Machine Learning Engineer"
    assert "<b>" not in document.text
    assert "- Ship models with MLflow" in document.text
    assert "5+ years of experience" in document.text
    assert "Education requirements: bachelor degree" in document.text
    # Qualifications, then Required experience: two requirement sections
    assert _kinds(document) == [
        "other",
        "responsibilities",
        "skills",
        "requirements",
        "requirements",
    ]
    metadata = document.metadata
    assert metadata["title"] == "Senior Machine Learning Engineer"
    assert metadata["datePosted"] == "2025-05-01"
    assert metadata["validThrough"] == "2025-07-01T00:00"
    assert metadata["hiringOrganization"] == "Acme"
    assert metadata["jobLocation"] == [
        {"addressLocality": "Berlin", "addressRegion": "BE", "addressCountry": "DE"}
    ]
    assert metadata["baseSalary"] == {
        "currency": "EUR",
        "minValue": 80000.0,
        "maxValue": 95000.0,
        "unitText": "YEAR",
    }
    assert metadata["employmentType"] == ["FULL_TIME"]
    assert metadata["jobLocationType"] == "TELECOMMUTE"
    assert metadata["experienceMonths"] == 60


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ("Remote", [{"name": "Remote"}]),
        ("Austin, TX", [{"name": "Austin, TX"}]),
        ({"@value": "Austin, TX", "@language": "en"}, [{"name": "Austin, TX"}]),
        ({"@type": "Place", "address": "Austin, TX"}, [{"address": "Austin, TX"}]),
        (
            {
                "@type": "Place",
                "address": [
                    {"@type": "PostalAddress", "addressLocality": "Austin", "addressRegion": "TX"},
                    "Remote (US)",
                ],
            },
            [{"addressLocality": "Austin", "addressRegion": "TX"}, {"address": "Remote (US)"}],
        ),
        (
            [{"@type": "Place", "address": {"addressLocality": "Berlin"}}, "Remote"],
            [{"addressLocality": "Berlin"}, {"name": "Remote"}],
        ),
        (
            {"@type": "Place", "name": "Head office", "address": {"streetAddress": "1 Main St"}},
            [{"name": "Head office"}],
        ),
    ],
)
def test_jobposting_location_in_the_shapes_sites_write(location: object, expected: object) -> None:
    document = read(json.dumps({**POSTING, "jobLocation": location}))
    assert document.metadata["jobLocation"] == expected


@pytest.mark.parametrize(
    "organization",
    [
        "Acme",
        ["Acme"],
        [{"@type": "Organization", "name": "Acme"}],
        [{"@type": "Organization"}, {"@type": "Organization", "name": "Acme"}],
        {"@type": "Organization", "name": [{"@value": "Acme", "@language": "en"}]},
    ],
)
def test_jobposting_hiring_organization_in_the_shapes_sites_write(organization: object) -> None:
    document = read(json.dumps({**POSTING, "hiringOrganization": organization}))
    assert document.metadata["hiringOrganization"] == "Acme"


def test_jobposting_inside_a_nested_graph() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "name": "Careers"},
            {"@graph": [{**POSTING, "@type": ["Thing", "JobPosting"]}]},
        ],
    }
    document = read(json.dumps(graph))
    assert document.format == "jobposting"
    assert document.metadata["title"] == "Senior Machine Learning Engineer"


def test_jobposting_in_a_top_level_list() -> None:
    document = read(json.dumps([{"@type": "Organization"}, POSTING]).encode())
    assert document.format == "jobposting"


def test_jobposting_embedded_in_html_wins_over_the_page() -> None:
    page = f"""<html><head><script type="application/ld+json">{{ broken</script>
    <script type="application/ld+json; charset=utf-8">{json.dumps(POSTING)}</script></head>
    <body><nav>Home Careers</nav></body></html>"""
    document = read(page.encode(), name="job.html")
    assert document.format == "jobposting"
    assert document.metadata["embedded_in"] == "html"
    assert document.metadata["hiringOrganization"] == "Acme"
    assert "Home Careers" not in document.text


def test_jobposting_description_with_entity_escaped_markup_is_read_as_text() -> None:
    escaped = (
        "&lt;p&gt;We need &lt;b&gt;Python&lt;/b&gt;.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;SQL&lt;/li&gt;"
    )
    document = read(json.dumps({**POSTING, "description": escaped}))
    assert "We need Python." in document.text
    assert "- SQL" in document.text
    assert "<" not in document.text
    assert "&lt;" not in document.text


def test_jobposting_plain_description_with_angle_brackets_keeps_its_lines() -> None:
    posting = {
        "@type": "JobPosting",
        "title": "<b>Senior</b> Java Engineer &amp; ML",
        "description": "About the role\nUse List<String> generics.\n\nRequirements\n- Java",
    }
    document = read(json.dumps(posting).encode(), name="job.json")
    assert document.text.splitlines()[:4] == [
        "Senior Java Engineer & ML",
        "",
        "About the role",
        "Use List<String> generics.",
    ]
    assert document.metadata["title"] == "Senior Java Engineer & ML"
    assert "requirements" in _kinds(document)


@pytest.mark.parametrize(
    ("text", "salary"),
    [
        (
            "$120,000.00 - $150,000.00 per year",
            {"currency": "USD", "minValue": 120000.0, "maxValue": 150000.0, "unitText": "YEAR"},
        ),
        ("£45k–£55k", {"currency": "GBP", "minValue": 45000.0, "maxValue": 55000.0}),
        ("up to €80.000", {"currency": "EUR", "value": 80000.0}),
        ("USD 62.50/hour", {"currency": "USD", "value": 62.5, "unitText": "HOUR"}),
        ("$50-60k", {"currency": "USD", "minValue": 50000.0, "maxValue": 60000.0}),
        (
            "€60,000 per year (40 hours/week)",
            {"currency": "EUR", "value": 60000.0, "unitText": "YEAR"},
        ),
        ("CA$90,000 - CA$110,000", {"currency": "CAD", "minValue": 90000.0, "maxValue": 110000.0}),
    ],
)
def test_jobposting_salary_written_as_text(text: str, salary: dict[str, object]) -> None:
    posting = {"@type": "JobPosting", "title": "ML Engineer", "baseSalary": text}
    document = read(json.dumps(posting).encode(), name="job.json")
    assert document.metadata["baseSalary"] == {"text": text, **salary}


_RANGE = {"currency": "USD", "minValue": 100000.0, "maxValue": 120000.0}


@pytest.mark.parametrize(
    "salary",
    [
        {"@type": "MonetaryAmount", "currency": "USD", "minValue": 100000, "maxValue": 120000},
        [
            {
                "@type": "MonetaryAmount",
                "currency": "USD",
                "value": {"minValue": 100000, "maxValue": 120000},
            }
        ],
        {"currency": "USD", "value": {"minValue": "$100,000", "maxValue": "$120,000"}},
        {"@type": "MonetaryAmount", "currency": "USD", "value": "100000-120000"},
    ],
)
def test_jobposting_salary_in_the_shapes_sites_write(salary: object) -> None:
    posting = {"@type": "JobPosting", "title": "ML Engineer", "baseSalary": salary}
    document = read(json.dumps(posting).encode(), name="job.json")
    assert document.metadata["baseSalary"] == _RANGE


def test_json_ld_in_a_cdata_section_with_a_raw_line_break() -> None:
    page = (
        '<html><head><script type="application/ld+json">//<![CDATA[\n'
        '{"@type": "JobPosting", "title": "ML Engineer", "description": "Line one\nPython"}\n'
        "//]]></script></head><body>Page text</body></html>"
    )
    assert read(page.encode(), name="job.html").text == "ML Engineer\n\nLine one\nPython\n"


def test_forced_html_format_reads_the_page_not_the_posting() -> None:
    page = f"""<html><body><p>Careers page</p>
    <script type="application/ld+json">{json.dumps(POSTING)}</script></body></html>"""
    document = read(page.encode(), format="html")
    assert document.format == "html"
    assert document.text == "Careers page\n"


def test_embedded_posting_without_description_uses_the_page_text() -> None:
    posting = {"@type": "JobPosting", "title": "Data Engineer", "skills": "dbt, Airflow"}
    page = f"""<html><body><p>We need Snowflake experience.</p>
    <script type="application/ld+json">{json.dumps(posting)}</script></body></html>"""
    document = read(page.encode())
    assert document.format == "jobposting"
    assert "We need Snowflake experience." in document.text
    assert "- dbt, Airflow" in document.text


_FULL_POSTING = """<main><h1>Backend Engineer</h1>
<p>Acme is hiring a backend engineer to build our payments platform.</p>
<h3>Requirements</h3><ul><li>5+ years of experience with Go</li><li>Kubernetes</li></ul>
<h3>Nice to have</h3><ul><li>Kafka</li><li>Terraform</li></ul></main>"""


@pytest.mark.parametrize(
    "teaser",
    [
        "Acme is hiring a backend engineer to build our payments platform. You will...",
        "Acme is hiring a backend engineer to build our payments platform.",
    ],
)
def test_embedded_posting_whose_description_is_a_teaser_uses_the_whole_posting_shown(
    teaser: str,
) -> None:
    posting = {"@type": "JobPosting", "title": "Backend Engineer", "description": teaser}
    page = f"""<html><head><script type="application/ld+json">{json.dumps(posting)}</script>
    </head><body><nav>Home Jobs</nav>{_FULL_POSTING * 2}</body></html>"""
    document = read(page.encode(), name="job.html")
    assert document.format == "jobposting"
    lines = document.text.splitlines()
    # from the line where the teaser opens, not the page's title or chrome above it
    assert lines[:3] == ["Backend Engineer", "", teaser.removesuffix(" You will...")]
    assert "- Kubernetes" in lines
    assert "nice-to-have" in _kinds(document)


def test_embedded_posting_with_a_whole_description_keeps_it_over_the_page() -> None:
    whole = " ".join(f"Duty {n} is to build services in Go and Rust." for n in range(8))
    posting = {"@type": "JobPosting", "title": "Backend Engineer", "description": whole}
    page = f"""<html><head><script type="application/ld+json">{json.dumps(posting)}</script>
    </head><body><p>{whole}</p>{_FULL_POSTING * 3}</body></html>"""
    assert read(page.encode(), name="job.html").text == f"Backend Engineer\n\n{whole}\n"


# --- decoding ---------------------------------------------------------------------------------


def test_cp1252_smart_quotes_are_decoded() -> None:
    data = b"Skills\n\x93Python\x94 and caf\xe9 \x96 SQL\n"
    document = read(data, name="resume.txt")
    assert document.text == "Skills\n“Python” and café – SQL\n"
    assert document.metadata["encoding"] == "cp1252"


def test_utf16_with_bom() -> None:
    document = read("Skills\nNumPy – pandas\n".encode("utf-16"), name="resume.txt")
    assert document.text == "Skills\nNumPy – pandas\n"
    assert document.metadata["encoding"] == "utf-16"


def test_utf8_bom_is_dropped() -> None:
    assert read(b"\xef\xbb\xbfSkills\nPython\n").text == "Skills\nPython\n"


def test_text_is_normalised_to_nfc_without_control_characters() -> None:
    document = read(b"Cafe\xcc\x81\x07 \x1b[31mSQL\tR\x0cNext\n")
    assert document.text == "Café [31mSQL\tR\nNext\n"


def test_ligatures_full_width_letters_and_soft_hyphens_are_read_as_what_they_stand_for() -> None:
    text = "MLﬂow, ﬁne-tuning, ＰｙＴｏｒｃｈ, Kuber\u00adnetes, Snow\u200bflake\n"
    assert read(text).text == "MLflow, fine-tuning, PyTorch, Kubernetes, Snowflake\n"
    page = read(b"<p>Kuber&shy;netes and Air&#xFB02;ow</p>", name="job.html")
    assert "Kubernetes and Airflow" in page.text


def test_a_soft_or_unicode_hyphen_that_ends_a_line_is_a_hyphen() -> None:
    text = "Kuber\u00ad\nnetes, Terra\u2010\nform, Prome\u2011 \ntheus, Snow\u00adflake\n"
    assert read(text).text == "Kuber-\nnetes, Terra-\nform, Prome- \ntheus, Snowflake\n"


def test_a_symbol_fonts_bullets_are_read_as_bullets() -> None:
    # Symbol's and Wingdings' bullets as a PDF or a copied Word list gives them
    text = "Skills\n\uf0b7 Python\n\uf0a7 Go\n\uf0d8 R\n\uf076 Spark\n"
    assert read(text).text == "Skills\n• Python\n• Go\n• R\n• Spark\n"


def test_mojibake_is_repaired_and_clean_accents_are_left_alone() -> None:
    # UTF-8 once decoded as Windows-1252, and as Latin-1 (its C1 controls kept)
    assert read("Skills â€¢ Python â€¢ NaÃ¯ve Bayes\n").text == "Skills • Python • Naïve Bayes\n"
    assert read("Skills\nâ\x80¢ SQL\n").text == "Skills\n• SQL\n"
    # ... and its control character since stripped: a bullet, not the braille letter "⢠"
    assert read("Skills: â¢ Python â¢ SQL\nâ¢Spark\n").text == "Skills: • Python • SQL\n•Spark\n"
    clean = "Crème brûlée, pâte; “quotes” – Ã la carte\n"
    assert read(clean).text == clean


def test_runs_of_spaces_between_words_are_one_space_and_indentation_is_kept() -> None:
    text = "Skills:  machine   learning,\t\tSQL\n    - Python  \n"
    assert read(text).text == "Skills: machine learning, SQL\n    - Python  \n"


def test_undecodable_bytes_give_an_encoding_error() -> None:
    with pytest.raises(DocumentError, match="UTF-8") as excinfo:
        read(b"Skills\n\x81\x8d\x8f\x90 Python\n", name="resume.txt")
    assert _reason(excinfo) == "encoding"


def test_binary_blob_named_txt_gives_an_encoding_error() -> None:
    blob = bytes(range(256)) * 4
    with pytest.raises(DocumentError, match="save it as UTF-8") as excinfo:
        read(blob, name="resume.txt")
    assert _reason(excinfo) == "encoding"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Zażółć gęślą jaźń\n", "cp1250"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy\n", "cp1250"),
        ("Anna Nowak, Wrocław\nUmiejętności: Python, SQL, uczenie maszynowe\n", "cp1250"),
        ("Zażółć gęślą jaźń\n", "iso8859-2"),
        ("Zručnosti: strojové učenie, Bratislava, ľudia\n", "iso8859-2"),
        ("İstanbul, şirket, ğ\n", "cp1254"),
        ("Yetenekler: Python, makine öğrenmesi, yazılım mühendisi\n", "cp1254"),
    ],
    ids=["polish", "czech", "polish-resume", "polish-latin2", "slovak-latin2", "turkish", "tr-cv"],
)
def test_central_european_and_turkish_legacy_encodings_are_recognised(
    text: str, encoding: str
) -> None:
    document = read(text.encode(encoding), name="cv.txt")
    assert document.text == text
    assert document.metadata["encoding"] == encoding


@pytest.mark.parametrize(
    "text",
    [
        "Guðrún Þórðardóttir, Reykjavík\n",  # Icelandic: ð and þ, with its accented vowels
        "Þorsteinn\n",
        "Søren, Crème brûlée\n",  # Danish and French: Czech letters in Windows-1250
        "Peña, Crêpe\n",  # Spanish and French: Polish letters in Windows-1250, but only two
        "Señor Müller – “Python” £60,000, Zoë, naïve\n",
        "Competències: col·laboració, São Paulo, Größe, Ærø, Jyväskylä\n",
        # Swedish with a French or Italian word: Slovak letters in Windows-1250
        "Åsa Lindström, Göteborg\nDatavetare på Volvo, Genève\nPython, naïve Bayes\n",
        "·\xa0\xa0\xa0\xa0\xa0\xa0Expert on Python\n·\xa0\xa0\xa0\xa0\xa0\xa0SQL\n",  # a Word list
    ],
    ids=[
        "icelandic",
        "icelandic-name",
        "danish-french",
        "spanish-french",
        "english",
        "mixed",
        "swedish-french",
        "word-bullets",
    ],
)
def test_western_text_with_few_or_mixed_accents_stays_windows_1252(text: str) -> None:
    document = read(text.encode("cp1252"), name="cv.txt")
    assert document.text == text
    assert document.metadata["encoding"] == "cp1252"


def test_a_stray_byte_windows_1252_leaves_undefined_is_dropped_as_browsers_do() -> None:
    data = "Hélène Dupont à Genève\nCompétences: Python\n".encode("cp1252") + b"\x9d"
    document = read(data, name="cv.txt")
    assert document.metadata["encoding"] == "cp1252"
    assert document.text == "Hélène Dupont à Genève\nCompétences: Python\n"


def test_text_in_an_encoding_that_cannot_be_told_is_an_error() -> None:
    with pytest.raises(DocumentError, match="Central European") as excinfo:
        read("Навыки: Python, машинное обучение\n".encode("cp1251"), name="cv.txt")
    assert _reason(excinfo) == "encoding"
    assert "save it as UTF-8" in str(excinfo.value)


_PAGE = "<html><head>{meta}<title>Oferta</title></head><body><p>{text}</p></body></html>"


@pytest.mark.parametrize(
    ("meta", "text", "encoding", "codec"),
    [
        ('<meta charset="windows-1250">', "Umiejętności: Python, język SQL", "cp1250", "cp1250"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">',
            "Zażółć gęślą jaźń",
            "iso8859-2",
            "iso8859-2",
        ),
        ("<meta charset=shift_jis>", "スキル: Python、機械学習", "shift_jis", "cp932"),
        ("<meta charset='koi8-r'>", "Навыки: Python", "koi8-r", "koi8-r"),
        # browsers read Latin-1 as Windows-1252: its quotes and dashes are in 0x80-0x9f
        ('<meta charset="iso-8859-1">', "“Python” – café", "cp1252", "cp1252"),
        # Windows-1250 labelled ISO-8859-2: its "š" and "ť" are controls there
        ('<meta charset="iso-8859-2">', "Příliš žluťoučký, Python", "cp1250", "cp1250"),
    ],
    ids=["windows-1250", "http-equiv", "shift_jis", "koi8-r", "latin-1", "mislabelled-1250"],
)
def test_html_meta_charset_decodes_a_page_that_is_not_utf8(
    meta: str, text: str, encoding: str, codec: str
) -> None:
    page = _PAGE.format(meta=meta, text=text).encode(encoding)
    document = read(page, name="job.html")
    assert document.text == text + "\n"
    assert document.metadata["encoding"] == codec


def test_utf8_and_a_byte_order_mark_win_over_a_meta_charset() -> None:
    page = _PAGE.format(meta='<meta charset="windows-1250">', text="Café – Python")
    assert read(page.encode(), name="job.html").text == "Café – Python\n"
    assert "encoding" not in read(page.encode(), name="job.html").metadata
    bom = b"\xef\xbb\xbf" + page.encode()
    assert read(bom, name="job.html").text == "Café – Python\n"


def test_unknown_or_wrong_meta_charset_falls_back_to_detection() -> None:
    for meta in ('<meta charset="x-unknown">', '<meta charset="utf-8">', "<meta charset=utf-7>"):
        page = _PAGE.format(meta=meta, text="“Python” café").encode("cp1252")
        document = read(page, name="job.html")
        assert (document.text, document.metadata["encoding"]) == ("“Python” café\n", "cp1252")
    chinese = _PAGE.format(meta='<meta charset="x-unknown">', text="简历 技能").encode("gb2312")
    with pytest.raises(DocumentError, match="charset=x-unknown, which is not an encoding") as info:
        read(chinese, name="job.html")
    assert _reason(info) == "encoding"


def test_a_meta_charset_in_text_that_is_no_page_is_not_followed() -> None:
    text = 'Skills: HTML (<meta charset="koi8-r">), Python, Łódź\n'
    document = read(text.encode("cp1250"), name="cv.txt")
    assert (document.text, document.metadata["encoding"]) == (text, "cp1250")


# --- errors -----------------------------------------------------------------------------------


def test_missing_file_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file") as excinfo:
        read(tmp_path / "nope.pdf")
    assert _reason(excinfo) == "not-found"


def test_folder_is_unsupported(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="folder") as excinfo:
        read(tmp_path)
    assert _reason(excinfo) == "unsupported"


def test_zero_byte_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "resume.pdf"
    path.write_bytes(b"")
    with pytest.raises(DocumentError, match="0 bytes") as excinfo:
        read(path)
    assert _reason(excinfo) == "empty"


@pytest.mark.parametrize("source", ["", "   \n\t ", b" \n \n", b"<html><body> </body></html>"])
def test_whitespace_only_input_is_empty(source: str | bytes) -> None:
    with pytest.raises(DocumentError) as excinfo:
        read(source)
    assert _reason(excinfo) == "empty"


def test_empty_docx_is_empty() -> None:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with pytest.raises(DocumentError, match="no text") as excinfo:
        read(buffer.getvalue())
    assert _reason(excinfo) == "empty"


def test_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "resume.txt"
    path.write_bytes(b"x" * 3000)
    with pytest.raises(DocumentError, match="CERTPATH_MAX_DOCUMENT_MB") as excinfo:
        read(path, max_bytes=1024)
    assert _reason(excinfo) == "too-large"
    assert "2.9 KB" in str(excinfo.value)
    assert "1 KB limit" in str(excinfo.value)


def test_bytes_and_text_over_the_limit_are_refused() -> None:
    with pytest.raises(DocumentError) as excinfo:
        read(b"x" * 101, max_bytes=100)
    assert _reason(excinfo) == "too-large"
    with pytest.raises(DocumentError) as excinfo:
        read_text("é" * 60, max_bytes=100)  # 120 bytes in UTF-8
    assert _reason(excinfo) == "too-large"


def test_default_limit_is_20_mb() -> None:
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_zip_bomb_is_refused_by_unpacked_size() -> None:
    bomb = _zip({"Skills.csv": b"Name\n" + b"A" * 200_000})
    assert len(bomb) < 5_000
    with pytest.raises(DocumentError, match="once unpacked") as excinfo:
        read(bomb, max_bytes=50_000)
    assert _reason(excinfo) == "too-large"


def test_scanned_pdf_has_no_text_layer() -> None:
    with pytest.raises(DocumentError, match="ocrmypdf") as excinfo:
        read(SCANNED_PDF, name="scan.pdf")
    assert _reason(excinfo) == "no-text-layer"


def _one_line_pdf(line: bytes) -> bytes:
    return _pdf(
        b"BT /F1 12 Tf 72 720 Td (" + line + b") Tj ET",
        b"<< /Font << /F1 5 0 R >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    )


def test_a_scan_with_only_its_apps_watermark_has_no_text_layer() -> None:
    with pytest.raises(DocumentError, match="ocrmypdf") as excinfo:
        read(_one_line_pdf(b"Scanned with CamScanner"), name="scan.pdf")
    assert _reason(excinfo) == "no-text-layer"


def test_a_short_pdf_with_real_text_is_read() -> None:
    assert read(_one_line_pdf(b"Python SQL AWS Go"), name="skills.pdf").text.strip() == (
        "Python SQL AWS Go"
    )


def test_password_protected_pdf_is_refused() -> None:
    writer = PdfWriter(clone_from=io.BytesIO(TEXT_PDF))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(DocumentError, match="password") as excinfo:
        read(buffer.getvalue())
    assert _reason(excinfo) == "corrupt"


def test_aes_encrypted_pdf_that_opens_without_a_password_is_read() -> None:
    # exported with permissions only (an owner password): any viewer opens it
    writer = PdfWriter(clone_from=io.BytesIO(TEXT_PDF))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "Python, SQL, PyTorch" in read(buffer.getvalue()).text


@pytest.mark.parametrize("data", [b"%PDF-1.4\ngarbage", TEXT_PDF[:200]])
def test_broken_pdf_is_corrupt(data: bytes) -> None:
    with pytest.raises(DocumentError, match="damaged") as excinfo:
        read(data, name="resume.pdf")
    assert _reason(excinfo) == "corrupt"


def test_pdf_name_holding_plain_text_is_a_mismatch() -> None:
    with pytest.raises(DocumentError) as excinfo:
        read(b"Jane Doe\nSkills\nPython\n", name="resume.pdf")
    assert _reason(excinfo) == "format-mismatch"
    assert "a PDF" in str(excinfo.value)
    assert "plain text" in str(excinfo.value)


def test_pdf_name_holding_a_docx_is_a_mismatch(tmp_path: Path) -> None:
    path = tmp_path / "resume.pdf"
    path.write_bytes(_docx_bytes())
    with pytest.raises(DocumentError, match=r"Word document \(DOCX\)") as excinfo:
        read(path)
    assert _reason(excinfo) == "format-mismatch"


def test_docx_name_holding_a_pdf_is_a_mismatch() -> None:
    with pytest.raises(DocumentError, match=r"rename it to \.pdf") as excinfo:
        read(TEXT_PDF, name="resume.docx")
    assert _reason(excinfo) == "format-mismatch"


def test_txt_name_holding_a_pdf_is_a_mismatch() -> None:
    with pytest.raises(DocumentError) as excinfo:
        read(TEXT_PDF, name="resume.txt")
    assert _reason(excinfo) == "format-mismatch"


def test_pdf_name_holding_random_bytes_is_corrupt() -> None:
    with pytest.raises(DocumentError, match="not what its name says") as excinfo:
        read(b"\x00\x01\x02" * 100, name="resume.pdf")
    assert _reason(excinfo) == "corrupt"


def test_zip_that_is_neither_docx_nor_linkedin_is_unsupported() -> None:
    with pytest.raises(DocumentError, match=r"Profile\.csv") as excinfo:
        read(_zip({"photos/cat.jpg": b"\xff\xd8\xff", "notes.txt": b"hello"}), name="stuff.zip")
    assert _reason(excinfo) == "unsupported"


def test_damaged_docx_is_corrupt() -> None:
    with pytest.raises(DocumentError, match="Word document is damaged") as excinfo:
        read(_zip({"word/document.xml": b"<not xml"}), name="resume.docx")
    assert _reason(excinfo) == "corrupt"


def test_damaged_zip_is_corrupt() -> None:
    with pytest.raises(DocumentError) as excinfo:
        read(b"PK\x03\x04" + b"\x00" * 50, name="resume.docx")
    assert _reason(excinfo) == "corrupt"


def test_legacy_word_doc_is_unsupported_with_advice() -> None:
    with pytest.raises(DocumentError, match=r"save it as \.docx") as excinfo:
        read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, name="resume.doc")
    assert _reason(excinfo) == "unsupported"


def test_malformed_json_names_line_and_column() -> None:
    with pytest.raises(DocumentError, match=r"line 2, column 10") as excinfo:
        read(b'{"basics":\n {"name" "Jane"}}', name="resume.json")
    assert _reason(excinfo) == "corrupt"


def test_deeply_nested_json_is_corrupt_not_a_crash() -> None:
    with pytest.raises(DocumentError) as excinfo:
        read(b'{"a":' * 100_000 + b"1" + b"}" * 100_000, name="resume.json")
    assert _reason(excinfo) == "corrupt"


def test_json_of_another_shape_is_unsupported() -> None:
    with pytest.raises(DocumentError, match=r"jsonresume\.org") as excinfo:
        read(b'{"hello": "world"}')
    assert _reason(excinfo) == "unsupported"


def test_forced_jobposting_on_a_resume_is_unsupported() -> None:
    with pytest.raises(DocumentError) as excinfo:
        read(json.dumps(RESUME), format="jobposting")
    assert _reason(excinfo) == "unsupported"


def test_unknown_format_is_unsupported() -> None:
    with pytest.raises(DocumentError, match="unknown format") as excinfo:
        read("Skills", format="rtf")
    assert _reason(excinfo) == "unsupported"


@pytest.fixture
def default_csv_field_limit() -> Iterator[None]:
    """csv's field size limit is process-wide and other code may raise it; pin the default."""
    previous = csv.field_size_limit(131_072)
    yield
    csv.field_size_limit(previous)


@pytest.mark.usefixtures("default_csv_field_limit")
def test_linkedin_csv_field_over_the_csv_limit_is_corrupt() -> None:
    export = _zip({"Skills.csv": b'Name\n"' + b"x" * 200_000 + b"\n"})
    with pytest.raises(DocumentError, match="not valid CSV") as excinfo:
        read(export)
    assert _reason(excinfo) == "corrupt"


def test_linkedin_csv_in_a_wrong_encoding_names_the_member() -> None:
    export = _zip({"export/Skills.csv": b"Name\nPython\x00\n"})
    with pytest.raises(DocumentError, match=r"Skills\.csv") as excinfo:
        read(export)
    assert _reason(excinfo) == "encoding"


@pytest.mark.parametrize(
    "hostile",
    [
        "Skills\x00Python",  # a NUL byte is not a path
        "Skills: Python \ud800 SQL",  # a lone surrogate
        "/" * 5000 + " Python",  # one long line is text, not a path
        "[" * 50_000 + "]" * 50_000 + " Python",  # looks like JSON, nested beyond recursion
        "<div>" * 5000 + "<p>Python",  # unclosed, deeply nested HTML
    ],
)
def test_hostile_strings_give_a_document(hostile: str) -> None:
    assert read(hostile).text.strip()


def test_number_too_long_for_python_is_corrupt_json() -> None:
    with pytest.raises(DocumentError) as excinfo:
        read(b'{"skills": [' + b"1" * 10_000 + b"]}")
    assert _reason(excinfo) == "corrupt"


@pytest.mark.parametrize(
    ("content", "actual"),
    [
        (b"<!DOCTYPE html><html><style>p{font:Java}</style><p>Python</p></html>", "HTML page"),
        (b'{"basics": {"name": "Jane"}, "skills": [{"name": "Python"}]}', "JSON"),
    ],
)
def test_txt_name_holding_a_page_or_json_is_a_mismatch(content: bytes, actual: str) -> None:
    with pytest.raises(DocumentError, match=actual) as excinfo:
        read(content, name="resume.txt")
    assert _reason(excinfo) == "format-mismatch"
    assert read(b"Skills: Python, <b>SQL</b> and {curly} text", name="notes.txt").format == "text"


@pytest.mark.parametrize("name", ["job.html", "job.htm", "job.xhtml"])
def test_html_name_holding_plain_text_is_a_mismatch(name: str) -> None:
    with pytest.raises(DocumentError, match="but the content is plain text") as excinfo:
        read(b"Data Engineer\nSkills\nPython, SQL\nContact: <jobs@acme.com>, a < b\n", name=name)
    assert _reason(excinfo) == "format-mismatch"
    assert "rename it to .txt" in str(excinfo.value)


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        (b"<p>Python</p>", "Python\n"),
        (b"<div>Skills</div><div>SQL</div>", "Skills\nSQL\n"),
        (b"Skills:<br>Python", "Skills:\nPython\n"),
        (b"<custom-card>Python</custom-card>", "Python\n"),
        (b"<!-- saved -->\nPython", "Python\n"),
        (b"Python &amp; SQL", "Python & SQL\n"),
    ],
)
def test_html_fragments_without_a_page_around_them_are_still_html(
    fragment: bytes, text: str
) -> None:
    document = read(fragment, name="job.html")
    assert (document.format, document.text) == ("html", text)


def test_jsonld_value_objects_double_escaping_and_a_closing_semicolon() -> None:
    import html as html_module

    description = html_module.escape(
        html_module.escape("<h3>Requirements</h3><ul><li>5+ years of Python</li></ul>")
    )
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": {"@value": "Data Engineer", "@language": "en"},
        "description": [{"@value": description, "@language": "en"}],
        "skills": [{"@type": "DefinedTerm", "termCode": "SQL"}],
    }
    page = f'<html><script type="application/ld+json">{json.dumps(posting)};</script></html>'
    document = read(page)
    assert document.format == "jobposting"
    assert "Data Engineer" in document.text
    assert "&lt;" not in document.text
    assert "5+ years of Python" in document.text
    assert "SQL" in document.text
    assert SectionKind.REQUIREMENTS in {section.kind for section in document.sections}


def test_chinese_in_a_legacy_encoding_is_not_read_as_windows_1252() -> None:
    with pytest.raises(DocumentError, match="UTF-8") as excinfo:
        read("简历\n技能\nPython, SQL, AWS\n".encode("gb2312"), name="cv.txt")
    assert _reason(excinfo) == "encoding"
    assert read("Café résumé “Python”".encode("cp1252")).metadata["encoding"] == "cp1252"


@pytest.mark.parametrize("missing", ["cv.pdf", "/nowhere/cv.docx", "/nowhere/My CV.pdf"])
def test_a_string_that_can_only_be_a_path_is_not_read_as_text(missing: str) -> None:
    with pytest.raises(DocumentError, match="no such file") as excinfo:
        read(missing)
    assert _reason(excinfo) == "not-found"
    assert read("I know Python.txt").text.strip() == "I know Python.txt"


def test_a_string_naming_a_folder_is_a_folder_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="folder"):
        read(str(tmp_path) + "/")


def test_json_resume_written_to_the_older_schema() -> None:
    resume = {
        "basics": {"name": "Jane", "location": "Berlin, Germany"},
        "work": [{"company": "Acme Corp", "position": "Data Engineer", "startDate": "2019-01"}],
    }
    document = read(json.dumps(resume))
    assert document.metadata["positions"][0]["company"] == "Acme Corp"
    assert "Berlin, Germany" in document.text


def test_html_in_markdown_is_read_as_its_text() -> None:
    readme = (
        '<h3 align="left">Languages and Tools:</h3>\n<p align="left"> <a href="https://x">'
        '<img src="https://x/aws.svg" alt="aws" width="40"/></a> <img alt="python" src="p"/>'
        "</p>\n\n<details><summary>Skills</summary>\n\n- SQL\n</details>\n\nList<String> in Java\n"
    )
    document = read(readme, name="README.md")
    assert "<" not in document.text.replace("List<String>", "")
    assert "aws,  python," in document.text
    assert SectionKind.SKILLS in {section.kind for section in document.sections}


def test_entities_a_page_escaped_twice_are_read_once_more() -> None:
    page = "<html><body><p>Python&amp;nbsp;&amp;amp; SQL, C&amp;#43;&amp;#43;</p></body></html>"
    assert read(page).text == "Python & SQL, C++\n"


@pytest.mark.parametrize(
    ("data", "name", "reason", "words"),
    [
        (b"  \n\n  ", "cv.json", "empty", "no text was found in this JSON file"),
        (b"\xef\xbb\xbf", "cv.json", "empty", "no text was found"),
        (b"Jane Doe\nSkills\nPython\n", "cv.json", "format-mismatch", "the content is plain text"),
        (b"<!-- draft -->\n\n---\n", "cv.md", "empty", "only spaces, line breaks or markup"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\0" * 504
            + "EncryptedPackage".encode("utf-16-le"),
            "cv.docx",
            "unsupported",
            "protected by a password",
        ),
        (b"x" * (1024 * 1024 + 1), "cv.txt", "too-large", "1,048,577 bytes, over the 1,048,576"),
    ],
)
def test_errors_name_what_is_wrong(data: bytes, name: str, reason: str, words: str) -> None:
    with pytest.raises(DocumentError) as info:
        read(data, name=name, max_bytes=1024 * 1024)
    assert info.value.reason == reason
    assert words in str(info.value)


def test_a_page_embedding_a_posting_read_as_a_posting_and_a_home_relative_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    posting = {"@type": "JobPosting", "title": "Data Engineer", "description": "Python and SQL"}
    page = (
        '<html><head><script type="application/ld+json">'
        + json.dumps(posting)
        + "</script></head><body><p>Data Engineer</p></body></html>"
    )
    assert read(page.encode(), name="job.html", format="jobposting").format == "jobposting"
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "cv.txt").write_text("Skills\nPython\n", encoding="utf-8")
    assert read("~/cv.txt").source.endswith("cv.txt")


def test_a_linkedin_export_is_measured_by_the_files_read() -> None:
    # a whole export holds messages and connections that are never read
    export = _zip({"Skills.csv": b"Name\nPython\n", "messages.csv": b"x" * 50_000})
    assert "Python" in read(export, max_bytes=10_000).text
    with pytest.raises(DocumentError) as excinfo:
        read(_zip({"Skills.csv": b"Name\n" + b"Python\n" * 5000}), max_bytes=10_000)
    assert _reason(excinfo) == "too-large"
