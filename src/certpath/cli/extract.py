"""``certpath extract``: the skills in resumes and job postings, with the line that shows each."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import typer
from rich.text import Text

from certpath.api import Navigator
from certpath.cli.render import emit_json, print_error, stdout, table
from certpath.errors import DocumentError
from certpath.extract.document import Document, DocumentKind
from certpath.extract.pipeline import Extraction, evidence
from certpath.extract.readers import read


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
    min_confidence: float = typer.Option(
        0.0,
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Keep only skills at least this likely to be named (and their mentions); "
        "higher trades recall for precision, as measured in the model's provenance.",
    ),
    jobs: int = typer.Option(
        0, "--jobs", min=0, help="Worker processes (0: one per core for 20 files or more)."
    ),
    kind: DocumentKind | None = typer.Option(
        None,
        "--kind",
        help="What the files are, when their format does not say (JSON Resume and LinkedIn "
        "exports are resumes, JobPosting JSON-LD is a posting) and their words do not make it "
        "clear: a resume's skills are never 'required' or 'preferred'.",
    ),
) -> None:
    """Find the skills in resumes and job postings, with evidence.

    Each skill comes with the line that shows it, its section, whether the posting requires or
    prefers it, the years of experience stated, and a confidence: the probability that the
    document names the skill, from a model fitted on hand-labelled postings and resumes (a
    mention's own confidence says how strongly its wording names the skill). Exit code 1 when
    any file could not be read (the others are still reported).

    Example:

        certpath extract resume.pdf posting.html --json
    """
    nav: Navigator = ctx.obj
    sources: list[Path | Document | DocumentError] = []
    for name in files:
        if not name.strip():  # Path("") is the current folder
            sources.append(
                DocumentError(
                    repr(name), "not-found", "an empty file name; give the resume or posting file"
                )
            )
            continue
        if name != "-":
            sources.append(Path(name))
            continue
        try:  # standard input is content (bytes: a piped PDF or cp1252 text), never a path;
            # one byte past the limit is enough to tell that it is too large
            limit = nav.max_document_bytes
            data = sys.stdin.buffer.read(limit + 1)
            if len(data) > limit:
                raise DocumentError(
                    _STDIN,
                    "too-large",
                    f"standard input holds more than the {limit / 1024 / 1024:g} MB limit; give "
                    "only the resume or posting, or raise the limit with the "
                    "CERTPATH_MAX_DOCUMENT_MB setting",
                )
            sources.append(read(data, name=_STDIN, max_bytes=limit))
        except DocumentError as error:
            sources.append(error)
    readable = [s for s in sources if not isinstance(s, DocumentError)]
    processes = jobs or ((os.cpu_count() or 1) if len(sources) >= 20 else 1)
    extracted = iter(nav.extract_many(readable, processes=processes, errors="return", kind=kind))
    results: list[Extraction | DocumentError] = [
        source if isinstance(source, DocumentError) else next(extracted) for source in sources
    ]
    failed = False
    documents = []
    for name, result in zip(files, results, strict=True):
        if isinstance(result, DocumentError):
            failed = True
            documents.append(
                {
                    "source": _STDIN if name == "-" else name,
                    "mentions": [],
                    "skills": [],
                    "error": {"reason": result.reason, "message": str(result)},
                }
            )
            if not json_:
                print_error(result)
            continue
        data = result.to_dict()
        data["skills"] = [
            s
            for s in data["skills"]
            if s["confidence"] >= min_confidence and (inferred or not s["inferred"])
        ]
        kept = {s["skill"] for s in data["skills"]}
        data["mentions"] = [m for m in data["mentions"] if m["skill"] in kept]
        documents.append(data)
        if not json_:
            _render(data, result.document.text)
    if json_:
        emit_json({"documents": documents})
    if failed:
        raise typer.Exit(code=1)


def _described(data: dict[str, object]) -> str:
    """The format, and the kind when known: "pdf, resume"."""
    known = data["kind"] != DocumentKind.UNKNOWN.value
    return f"{data['format']}, {data['kind']}" if known else str(data["format"])


def _render(data: dict[str, object], text: str) -> None:
    console = stdout()
    skills = data["skills"]
    assert isinstance(skills, list)
    explicit = [s for s in skills if not s["inferred"]]
    implied = [s for s in skills if s["inferred"]]
    console.print(
        Text(f"{data['source']} ({_described(data)}): {len(explicit)} skill(s)", style="bold")
    )
    if explicit:
        first: dict[str, dict[str, object]] = {}
        for mention in data["mentions"]:  # type: ignore[attr-defined]
            first.setdefault(mention["skill"], mention)
        console.print(
            table(
                None,
                ["skill", "strength", "years", "conf.", "evidence"],
                (
                    (
                        f"{s['label']} ({s['skill']})",
                        s["strength"],
                        f"{s['years']:g}" if s["years"] is not None else None,
                        # two decimals, never "1.00" or "0.00": no extraction is certain
                        f"{min(max(s['confidence'], 0.01), 0.99):.2f}",
                        _evidence(text, first.get(s["skill"])) or Text(str(s["evidence"])),
                    )
                    for s in explicit
                ),
            )
        )
    if implied:
        console.print("inferred: " + ", ".join(f"{s['label']} ({s['skill']})" for s in implied))


def _evidence(text: str, mention: dict[str, object] | None) -> Text | None:
    """The words around a skill's first mention, the mention bold, as plain text (brackets in
    a document are not markup); the JSON output keeps the whole line."""
    if mention is None:
        return None
    start, end = int(mention["start"]), int(mention["end"])  # type: ignore[call-overload]
    shown = Text(evidence(text, start, end, limit=_EVIDENCE_WIDTH))
    # the mention as a whole word ("R" in "R&D and R" is the second one)
    found = re.search(rf"(?<![\w&]){re.escape(text[start:end])}(?![\w&])", shown.plain)
    if found:
        shown.stylize("bold", found.start(), found.end())
    return shown


_EVIDENCE_WIDTH = 100
_STDIN = "<stdin>"
