"""``certpath extract``: the skills in resumes and job postings, with the line that shows each."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer
from rich.markup import escape
from rich.text import Text

from certpath.api import Navigator
from certpath.cli.render import emit_json, stderr, stdout, table
from certpath.errors import DocumentError
from certpath.extract.pipeline import Extraction


def extract(
    ctx: typer.Context,
    files: list[str] = typer.Argument(
        ...,
        help="Files to read (text, Markdown, PDF, DOCX, HTML, JSON Resume, LinkedIn export "
        "zip, JobPosting JSON-LD); '-' reads text from standard input.",
    ),
    json_: bool = typer.Option(
        False, "--json", help="Print JSON: documents with mentions and skills."
    ),
    inferred: bool = typer.Option(
        True, "--inferred/--no-inferred", help="Also show parent skills implied by narrower ones."
    ),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0),
    jobs: int = typer.Option(
        0, "--jobs", min=0, help="Worker processes (0: one per core for 20 files or more)."
    ),
) -> None:
    """Find the skills in resumes and job postings, with evidence.

    Each skill comes with the line that shows it, its section, whether the posting requires or
    prefers it, the years of experience stated, and a confidence. Exit code 1 when any file
    could not be read (the others are still reported).

    Example:
        certpath extract resume.pdf posting.html --json
    """
    nav: Navigator = ctx.obj
    sources: list[str | Path] = []
    for name in files:
        if name == "-":
            sources.append(sys.stdin.read())
        else:
            sources.append(Path(name))
    processes = jobs or ((os.cpu_count() or 1) if len(sources) >= 20 else 1)
    results: list[Extraction | DocumentError] = list(
        nav.extract_many(sources, processes=processes, errors="return")
    )
    failed = False
    documents = []
    for name, result in zip(files, results, strict=True):
        if isinstance(result, DocumentError):
            failed = True
            documents.append(
                {"source": name, "error": {"reason": result.reason, "message": str(result)}}
            )
            if not json_:
                stderr().print(f"[bold red]Error:[/] {escape(str(result))}")
            continue
        data = result.to_dict()
        if name == "-":
            data["source"] = "<stdin>"
        data["mentions"] = [
            m
            for m in data["mentions"]
            if m["confidence"] >= min_confidence and (inferred or not m["inferred"])
        ]
        data["skills"] = [
            s
            for s in data["skills"]
            if s["confidence"] >= min_confidence and (inferred or not s["inferred"])
        ]
        documents.append(data)
        if not json_:
            _render(data)
    if json_:
        emit_json({"documents": documents})
    if failed:
        raise typer.Exit(code=1)


def _render(data: dict[str, object]) -> None:
    console = stdout()
    skills = data["skills"]
    assert isinstance(skills, list)
    explicit = [s for s in skills if not s["inferred"]]
    implied = [s for s in skills if s["inferred"]]
    console.print(
        Text(f"{data['source']} ({data['format']}): {len(explicit)} skill(s)", style="bold")
    )
    if explicit:
        console.print(
            table(
                None,
                ["skill", "strength", "years", "conf.", "evidence"],
                (
                    (
                        f"{s['label']} ({s['skill']})",
                        s["strength"],
                        f"{s['years']:g}" if s["years"] is not None else None,
                        f"{s['confidence']:.2f}",
                        _clip(str(s["evidence"])),
                    )
                    for s in explicit
                ),
            )
        )
    if implied:
        console.print("inferred: " + ", ".join(f"{s['label']} ({s['skill']})" for s in implied))


def _clip(line: str, width: int = 160) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"
