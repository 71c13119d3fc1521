"""Build the DOCX resumes whose PDFs (exported by LibreOffice Writer) sit beside this file.

    python tests/data/documents/make_documents.py OUT_DIR
    soffice --headless --convert-to pdf --outdir tests/data/documents OUT_DIR/*.docx

The tests build the DOCX files again with these functions and read each beside its committed
PDF: the two must give the same sections and skills. The PDFs are a word processor's own
export (font subsets, text drawn piece by piece, a table or section columns laid side by side,
running headers and footers), which hand-written PDFs in the tests do not imitate.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches


def _job(container: Any, title: str, *lines: str) -> None:
    """A job's title and its bullets, added to a document or a table cell."""
    container.add_paragraph(title)
    for line in lines:
        container.add_paragraph(line, style="List Bullet")


def _sections(document: Any, *sections: tuple[str, str]) -> None:
    """Sections of one paragraph each, under headings styled "Heading 1"."""
    for heading, text in sections:
        document.add_heading(heading, 1)
        document.add_paragraph(text)


def _titled(header: str, name: str, line: str) -> Any:
    """A document with a running header, "Confidential" as its footer, and a name styled as
    its title over one line."""
    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = "Confidential"
    document.add_heading(name, 0)
    document.add_paragraph(line)
    return document


def table_resume(path: Path) -> None:
    """One page: a header and a one-word footer, a name, then a two-cell table (a narrow
    column of skills and languages beside the summary, experience and education)."""
    document = _titled(
        "Priya Sharma | Senior Data Engineer | priya@example.com",
        "Priya Sharma",
        "Senior Data Engineer - Pune, India - +91 98765 43210",
    )
    left, right = document.add_table(rows=1, cols=2).rows[0].cells
    left.width, right.width = Inches(2.0), Inches(4.5)
    left.paragraphs[0].text = "SKILLS"
    for skill in ("Python", "PySpark", "Apache Airflow", "Snowflake", "dbt", "AWS Glue", "Kafka"):
        left.add_paragraph(skill, style="List Bullet")
    left.add_paragraph("Terraform", style="List Bullet")
    left.add_paragraph("LANGUAGES")
    left.add_paragraph("English, Hindi, Marathi")
    right.paragraphs[0].text = "PROFESSIONAL SUMMARY"
    right.add_paragraph(
        "Data engineer with 8 years building batch and streaming pipelines for retail and "
        "banking clients. Led migration of an on-premise Hadoop warehouse to Snowflake on AWS."
    )
    right.add_paragraph("EXPERIENCE")
    _job(
        right,
        "Lead Data Engineer, Acme Retail (2019 - present)",
        "Built streaming ingestion with Kafka and Spark Structured Streaming, 2 TB/day.",
        "Orchestrated 300+ Airflow DAGs; introduced data quality checks with Great Expectations.",
        "Cut Snowflake spend 35% through clustering and warehouse right-sizing.",
    )
    _job(
        right,
        "Data Engineer, Initech Bank (2016 - 2019)",
        "Wrote ETL jobs in Scala and Hive on Cloudera.",
        "Automated deployments with Jenkins and Ansible.",
    )
    right.add_paragraph("EDUCATION")
    right.add_paragraph("B.E. Computer Engineering, University of Pune, 2016")
    right.add_paragraph("CERTIFICATIONS")
    right.add_paragraph("AWS Certified Data Engineer - Associate (2024)")
    document.save(str(path))


def long_resume(path: Path) -> None:
    """Two pages: a running header and a one-word running footer, headings styled as such,
    the experience running on from the first page to the second."""
    document = _titled(
        "Marco Rossi - Curriculum Vitae", "Marco Rossi", "Machine Learning Engineer | Milan, Italy"
    )
    document.add_heading("Summary", 1)
    document.add_paragraph("ML engineer focused on computer vision and MLOps. " * 3)
    document.add_heading("Experience", 1)
    for job in range(6):
        document.add_heading(f"ML Engineer, Company {job} (201{job} - 201{job + 1})", 2)
        for line in (
            "Trained object detection models in PyTorch and deployed them with TorchServe on "
            "Kubernetes.",
            "Set up experiment tracking with MLflow and CI with GitHub Actions.",
            "Optimised inference with ONNX Runtime and TensorRT, halving latency.",
            "Mentored two junior engineers and ran weekly paper reading sessions.",
            "Worked with product managers to define evaluation metrics for defect detection.",
        ):
            document.add_paragraph(line, style="List Bullet")
    _sections(
        document,
        (
            "Skills",
            "Python, C++, PyTorch, TensorFlow, OpenCV, Docker, Kubernetes, AWS SageMaker, "
            "GCP Vertex AI",
        ),
        ("Education", "MSc Computer Engineering, Politecnico di Milano, 2012"),
    )
    document.save(str(path))


def columns_resume(path: Path) -> None:
    """One page: a name and a summary across the page, then two newspaper columns (a section
    of the document laid out in two), with words hyphenated at a column's edge."""
    document = Document()
    document.add_heading("Ana Costa", 0)
    document.add_paragraph("Data Scientist · Lisbon · ana@example.com · linkedin.com/in/anacosta")
    document.add_paragraph(
        "Data scientist with six years in retail demand forecasting and pricing, from notebooks "
        "to production services."
    )
    section = document.add_section(WD_SECTION.CONTINUOUS)
    existing = section._sectPr.xpath("./w:cols")
    columns = existing[0] if existing else OxmlElement("w:cols")
    columns.set(qn("w:num"), "2")
    columns.set(qn("w:space"), "720")
    if not existing:
        section._sectPr.append(columns)
    document.add_heading("Experience", 1)
    _job(
        document,
        "Senior Data Scientist, Sonae (2021 - now)",
        "Built weekly demand forecasts for 40k SKUs with LightGBM and Prophet.",
        "Designed A/B tests for pricing changes and analysed them with Bayesian methods.",
        "Shipped models as FastAPI services on Azure Kubernetes Service.",
    )
    _job(
        document,
        "Data Analyst, Jerónimo Martins (2018 - 2021)",
        "Wrote SQL in BigQuery and dashboards in Looker.",
        "Automated reports with Python and Airflow.",
    )
    _sections(
        document,
        ("Education", "MSc Statistics, Universidade de Lisboa"),
        ("Skills", "Python, R, SQL, pandas, scikit-learn, LightGBM, PyMC, Spark, Docker, Git"),
        ("Languages", "Portuguese (native), English (C1), Spanish (B2)"),
    )
    document.save(str(path))


BUILDERS = {"table": table_resume, "long": long_resume, "columns": columns_resume}
"""Each document's file stem and the function that builds its DOCX."""


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path()
    out.mkdir(parents=True, exist_ok=True)
    for stem, build in BUILDERS.items():
        build(out / f"{stem}.docx")
