"""Job postings into the market database: read, de-duplicate, classify, extract, store.

The ingest step of the market flow. :func:`read_postings` turns a CSV, JSONL, Parquet or
schema.org JobPosting (JSON-LD, or an HTML page embedding it) file into records, with a
:class:`ColumnMapping` for headers that differ; :func:`ingest_postings` de-duplicates them
(same normalised title and description = same posting), classifies each title to a catalog role
and seniority, extracts skills in batch over processes and names certifications, and stores it
all. The questions over the stored postings live in :mod:`certpath.market.demand` and are
re-exported here; :func:`seed_default_demand` loads the packaged aggregates into a new store.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from certpath.catalog.models import Seniority
from certpath.errors import DocumentError, InputError
from certpath.market.classify import TitleClassifier, seniority_of
from certpath.market.demand import (
    CertsResult,
    CooccurResult,
    DemandResult,
    cert_mentions,
    cooccurrence,
    demand,
    demand_by_year,
)
from certpath.market.tables import ensure_schema

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from certpath.catalog.loader import Catalog
    from certpath.extract.document import Document
    from certpath.market.certmentions import CertMention
    from certpath.market.store import MarketStore

__all__ = [
    "BadRow",
    "CertsResult",
    "ColumnMapping",
    "CooccurResult",
    "DemandResult",
    "FileReport",
    "PostingRecord",
    "cert_mentions",
    "cooccurrence",
    "demand",
    "demand_by_year",
    "ensure_schema",
    "ingest_postings",
    "load_parquet",
    "posting_id",
    "read_postings",
    "seed_default_demand",
]

FIELDS = ("title", "description", "company", "location", "date", "id", "seniority")

_CANDIDATES: Mapping[str, tuple[str, ...]] = {
    "title": ("title", "job title", "job_title", "jobtitle", "position", "position title"),
    "description": (
        "description",
        "job description",
        "job_description",
        "jobdescription",
        "description text",
        "text",
        "body",
    ),
    "company": ("company", "company name", "companyname", "company_name", "employer"),
    "location": ("location", "job location", "job_location", "city"),
    "date": (
        "date",
        "date posted",
        "dateposted",
        "date_posted",
        "posted",
        "posted_date",
        "publishedat",
        "published_at",
        "posting_date",
        "created_at",
    ),
    "id": ("id", "job_id", "jobid", "posting_id", "job id"),
    "seniority": (
        "seniority",
        "seniority level",
        "experiencelevel",
        "experience level",
        "experience_level",
    ),
}
"""Header names tried for each field when no mapping names one (compared case-insensitively)."""


class ColumnMapping(BaseModel):
    """Which column holds each posting field; unset fields are looked up by common names.

    A mapping file (YAML or JSON) holds the same keys, e.g. ``title: Job Title``. ``period``
    dates every posting of a file that has no date column (``2018`` or ``2018-06``).

    Examples:
        >>> ColumnMapping.from_pairs(["title=Job Title", "description=Job Description"]).title
        'Job Title'
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str | None = None
    description: str | None = None
    company: str | None = None
    location: str | None = None
    date: str | None = None
    id: str | None = None
    seniority: str | None = None
    period: str | None = None

    @field_validator("period")
    @classmethod
    def _period(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?", value):
            raise ValueError("must be YYYY or YYYY-MM")
        return value

    @classmethod
    def from_pairs(cls, pairs: Iterable[str], base: ColumnMapping | None = None) -> ColumnMapping:
        """A mapping from ``field=Header`` strings (``--map`` flags), over ``base``."""
        values: dict[str, Any] = base.model_dump(exclude_none=True) if base else {}
        problems = []
        for pair in pairs:
            name, sep, header = pair.partition("=")
            name = name.strip().lower()
            if not sep or not header.strip():
                problems.append(f"{pair!r} is not field=Header")
            elif name not in (*FIELDS, "period"):
                problems.append(f"{name!r} is not a field ({', '.join((*FIELDS, 'period'))})")
            else:
                values[name] = header.strip()
        if problems:
            raise InputError("bad --map: " + "; ".join(problems))
        return cls._checked(values, "--map")

    @classmethod
    def from_file(cls, path: Path, base: ColumnMapping | None = None) -> ColumnMapping:
        """A mapping from a YAML or JSON file of ``field: Header`` entries, over ``base``."""
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            raise InputError(f"{path}: cannot read the mapping file ({error})") from None
        if not isinstance(data, dict):
            raise InputError(f"{path}: a mapping file holds field: Header entries")
        values: dict[str, Any] = base.model_dump(exclude_none=True) if base else {}
        # YAML reads a bare 2018 as a number: a period is text
        values.update({str(k): None if v is None else str(v) for k, v in data.items()})
        return cls._checked(values, str(path))

    @classmethod
    def _checked(cls, values: Mapping[str, Any], where: str) -> ColumnMapping:
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            bad = "; ".join(
                f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
                for e in exc.errors(include_url=False)
            )
            raise InputError(f"{where}: bad column mapping ({bad})") from None

    def resolve(self, headers: Sequence[str], source: str) -> dict[str, str | None]:
        """The header for each field; a header named by the mapping must exist."""
        by_lower = {h.strip().lower(): h for h in headers}
        found: dict[str, str | None] = {}
        missing = []
        for name in FIELDS:
            wanted = getattr(self, name)
            if wanted is not None:
                header = by_lower.get(wanted.strip().lower())
                if header is None:
                    missing.append(f"{name}={wanted}")
                found[name] = header
            else:
                found[name] = next((by_lower[c] for c in _CANDIDATES[name] if c in by_lower), None)
        if missing:
            raise InputError(
                f"{source}: no column {', '.join(missing)}; the columns are "
                + ", ".join(repr(h) for h in headers)
            )
        return found


@dataclass(frozen=True, slots=True)
class PostingRecord:
    """One posting as read from a file, before de-duplication."""

    line: int
    title: str
    description: str
    company: str | None = None
    location: str | None = None
    posted_date: dt.date | None = None
    period: str | None = None  # 'YYYY-MM' when the month is known
    year: int | None = None
    seniority: str | None = None  # what the file states, e.g. "Mid-Senior level"
    source_id: str | None = None

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.description}"


@dataclass(frozen=True, slots=True)
class BadRow:
    """A row that cannot be a posting, with its line (or item) number and why."""

    line: int
    reason: str


# --------------------------------------------------------------------------- reading

_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%m/%d/%Y",
    "%m/%d/%y",
    "%d.%m.%Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%Y-%m",
    "%Y",
)


def parse_date(value: str) -> tuple[dt.date | None, str | None, int | None]:
    """A date in ISO or a common format -> (date, 'YYYY-MM' period, year); Nones when not one.

    A bare month or year gives no date, only what it states.

    Examples:
        >>> parse_date("2024-05-29T10:00:00Z")
        (datetime.date(2024, 5, 29), '2024-05', 2024)
        >>> parse_date("Mar 3, 2018")[1:], parse_date("2020")
        (('2018-03', 2018), (None, None, 2020))
    """
    text = value.strip()
    if not text:
        return None, None, None
    if re.match(r"\d{4}-\d{2}-\d{2}[T ]", text):
        text = text[:10]
    for pattern in _DATE_FORMATS:
        try:
            parsed = dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        if pattern == "%Y":
            return None, None, parsed.year
        if pattern == "%Y-%m":
            return None, f"{parsed.year:04d}-{parsed.month:02d}", parsed.year
        return parsed, f"{parsed.year:04d}-{parsed.month:02d}", parsed.year
    return None, None, None


def read_postings(
    path: Path, mapping: ColumnMapping | None = None, notes: list[str] | None = None
) -> Iterator[tuple[int, PostingRecord | BadRow]]:
    """Read a postings file: each item with its line number (CSV, JSONL) or item number.

    Formats by extension: ``.csv``/``.tsv`` (UTF-8, else cp1252 with a note), ``.jsonl``/
    ``.ndjson``, ``.parquet``, and ``.json``/``.jsonld``/``.html`` holding schema.org
    JobPostings (one, a list, or an ``@graph``). A row needs a title or a description; a row
    that cannot be read becomes a :class:`BadRow`, never silently dropped.

    Args:
        path: the file.
        mapping: which columns hold which fields (default: common header names).
        notes: a list that receives remarks for the person ingesting (an encoding fallback,
            undated rows).

    Raises:
        InputError: the file is missing, of an unknown kind, or lacks a mapped column.
    """
    mapping = mapping or ColumnMapping()
    notes = notes if notes is not None else []
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    kind = postings_format(path)
    if kind == "csv":
        items = _csv_items(path, mapping, notes)
    elif kind == "jsonl":
        items = _jsonl_items(path, mapping)
    elif kind == "parquet":
        items = _parquet_items(path, mapping)
    else:
        items = jobposting_items(path)
    undated = 0
    for line, item in items:
        if isinstance(item, BadRow):
            yield line, item
            continue
        record = _record(line, item, mapping)
        if isinstance(record, PostingRecord) and record.year is None:
            undated += 1
        yield line, record
    if undated:
        notes.append(f"{undated} posting(s) carry no usable date (no period or year)")


def postings_format(path: Path) -> Literal["csv", "jsonl", "parquet", "jobposting"]:
    """How a postings file is read, by its extension (``.tsv`` is read as CSV with tabs).

    Raises:
        InputError: an extension no reader takes.
    """
    suffix = "".join(path.suffixes[-2:]).lower() if path.suffix == ".gz" else path.suffix.lower()
    if suffix in (".csv", ".tsv", ".csv.gz", ".tsv.gz"):
        return "csv"
    if suffix in (".jsonl", ".ndjson", ".jsonl.gz"):
        return "jsonl"
    if suffix == ".parquet":
        return "parquet"
    if suffix in (".json", ".jsonld", ".html", ".htm"):
        return "jobposting"
    raise InputError(
        f"{path}: unknown postings format {path.suffix!r}; "
        "give .csv, .tsv, .jsonl, .parquet, or JobPosting .json/.jsonld/.html"
    )


def posting_record(
    line: int, values: Mapping[str, Any], mapping: ColumnMapping
) -> PostingRecord | BadRow:
    """A posting from one row's mapped values (field -> value), or why the row is none.

    Shared by :func:`read_postings` and the Spark engine, so both make the same records.
    """
    return _record(line, values, mapping)


def _record(line: int, values: Mapping[str, Any], mapping: ColumnMapping) -> PostingRecord | BadRow:
    def text(name: str) -> str:
        value = values.get(name)
        if value is None:
            return ""
        if isinstance(value, float) and value != value:  # NaN from Parquet
            return ""
        return str(value).strip()

    title = " ".join(text("title").split())
    description = text("description")
    if not title and not description:
        return BadRow(line, "no title and no description")
    raw_date = values.get("date")
    if isinstance(raw_date, dt.datetime):
        raw_date = raw_date.date()
    if isinstance(raw_date, dt.date):
        date: dt.date | None = raw_date
        period: str | None = f"{raw_date.year:04d}-{raw_date.month:02d}"
        year: int | None = raw_date.year
    else:
        date, period, year = parse_date(text("date"))
    if year is None and mapping.period:
        year = int(mapping.period[:4])
        period = mapping.period if len(mapping.period) == 7 else None
    company = " ".join(text("company").split()) or None
    if company and "\n" in text("company"):
        company = text("company").splitlines()[0].strip() or None  # Glassdoor: "Name\n3.8"
    return PostingRecord(
        line,
        title[:500],
        description,
        company,
        " ".join(text("location").split()) or None,
        date,
        period,
        year,
        text("seniority") or None,
        text("id") or None,
    )


def _decoded(path: Path, notes: list[str]) -> str:
    """A file's text: UTF-8, or else the legacy code page its words read in, as a resume's
    bytes are told (Windows-1252 mostly; Central European or Turkish on clear evidence),
    with a note; a file that reads in none is refused rather than filled with U+FFFD."""
    data = path.read_bytes()
    if path.suffix.lower() == ".gz":
        data = gzip.decompress(data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        from certpath.extract.readers import legacy_text

        legacy = legacy_text(data)
        if legacy is None:
            raise InputError(
                f"{path}: not UTF-8 (first bad byte at offset {error.start}) and not text in a "
                "legacy code page either; save it as UTF-8 (in a spreadsheet: Save As, CSV "
                "UTF-8) and ingest it again"
            ) from None
        text, encoding = legacy
        notes.append(f"not UTF-8 (first bad byte at offset {error.start}); read as {encoding}")
        return text


def _csv_items(
    path: Path, mapping: ColumnMapping, notes: list[str]
) -> Iterator[tuple[int, Mapping[str, Any] | BadRow]]:
    csv.field_size_limit(2**31 - 1)
    text = _decoded(path, notes)
    delimiter = "\t" if ".tsv" in path.name.lower() else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as error:
        raise InputError(f"{path}: the header line cannot be read as CSV ({error})") from None
    columns = mapping.resolve(header, str(path))
    if columns["title"] is None and columns["description"] is None:
        raise InputError(
            f"{path}: no title or description column; map one with --map title=HEADER "
            "or --map description=HEADER (columns: " + ", ".join(repr(h) for h in header) + ")"
        )
    index = {name: header.index(col) for name, col in columns.items() if col is not None}
    width = len(header)
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield line, BadRow(line, f"not valid CSV ({error})")
            line = reader.line_num + 1
            continue
        start, line = line, reader.line_num + 1
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # a blank line is no row
        if len(row) != width:
            yield start, BadRow(start, f"has {len(row)} field(s), the header has {width}")
            continue
        yield start, {name: row[i] for name, i in index.items()}


def _mapped(obj: Mapping[str, Any], mapping: ColumnMapping, source: str) -> dict[str, Any]:
    columns = mapping.resolve(list(obj), source)
    return {name: obj[col] for name, col in columns.items() if col is not None}


def _jsonl_items(
    path: Path, mapping: ColumnMapping
) -> Iterator[tuple[int, Mapping[str, Any] | BadRow]]:
    text = _decoded(path, [])
    for number, raw in enumerate(text.splitlines(), start=1):
        item = jsonl_item(number, raw, mapping, str(path))
        if item is not None:
            yield number, item


def jsonl_item(
    number: int, raw: str, mapping: ColumnMapping, source: str
) -> Mapping[str, Any] | BadRow | None:
    """One line of a JSONL file: its mapped values, a :class:`BadRow`, or None when blank.

    Shared by :func:`read_postings` and the Spark engine, which reads the lines in parallel.
    """
    if not raw.strip():
        return None
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as error:
        return BadRow(number, f"not valid JSON ({error.msg}, column {error.colno})")
    if not isinstance(obj, dict):
        return BadRow(number, "not a JSON object")
    if _is_jobposting(obj):
        return _posting_values(obj, f"{source}:{number}")
    return _mapped(obj, mapping, f"{source}:{number}")


def _parquet_items(
    path: Path, mapping: ColumnMapping
) -> Iterator[tuple[int, Mapping[str, Any] | BadRow]]:
    import duckdb

    try:
        cursor = duckdb.connect().execute("SELECT * FROM read_parquet(?)", [str(path)])
    except duckdb.Error as error:
        raise InputError(f"{path}: cannot read as Parquet ({error})") from None
    names = [d[0] for d in cursor.description or []]
    columns = mapping.resolve(names, str(path))
    if columns["title"] is None and columns["description"] is None:
        raise InputError(f"{path}: no title or description column; map one with --map")
    wanted = [(name, col) for name, col in columns.items() if col is not None]
    positions = [names.index(col) for _, col in wanted]
    number = 0
    while batch := cursor.fetchmany(10_000):
        for row in batch:
            number += 1
            yield number, {name: row[p] for (name, _), p in zip(wanted, positions, strict=True)}


def _is_jobposting(obj: Mapping[str, Any]) -> bool:
    kinds = obj.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1] == "JobPosting" for k in names)


def _find_postings(data: Any, depth: int = 0) -> Iterator[Mapping[str, Any]]:
    if depth > 8:
        return
    if isinstance(data, list):
        for item in data:
            yield from _find_postings(item, depth + 1)
    elif isinstance(data, dict):
        if _is_jobposting(data):
            yield data
            return
        for key in ("@graph", "mainEntity", "itemListElement", "item"):
            if key in data:
                yield from _find_postings(data[key], depth + 1)


def _posting_values(posting: Mapping[str, Any], label: str) -> dict[str, Any] | BadRow:
    """A JobPosting's fields, its text laid out by the extraction reader."""
    from certpath.extract.readers import read_text

    try:
        document = read_text(json.dumps(posting), name=label + ".json", format="jobposting")
    except DocumentError as error:
        return BadRow(0, str(error))
    meta = document.metadata
    title = str(meta.get("title", ""))
    body = document.text
    if title and body.startswith(title):
        body = body[len(title) :].lstrip("\n")
    locations = meta.get("jobLocation") or []
    location = ", ".join(
        part for part in (locations[0].values() if locations else []) if isinstance(part, str)
    )
    identifier = posting.get("identifier")
    if isinstance(identifier, dict):
        identifier = identifier.get("value")
    return {
        "title": title,
        "description": body,
        "company": meta.get("hiringOrganization"),
        "location": location or None,
        "date": meta.get("datePosted", ""),
        "id": identifier if isinstance(identifier, str | int) else None,
    }


_LD_SCRIPT = re.compile(
    r"<script[^>]+type\s*=\s*[\"']application/ld\+json[\"'][^>]*>(.*?)</script>",
    re.IGNORECASE | re.DOTALL,
)


def jobposting_items(path: Path) -> Iterator[tuple[int, Mapping[str, Any] | BadRow]]:
    """The schema.org JobPostings of a JSON, JSON-LD or HTML file, numbered from 1."""
    text = _decoded(path, [])
    html = path.suffix.lower() in (".html", ".htm")
    blocks = _LD_SCRIPT.findall(text) if html else [text]
    postings: list[Mapping[str, Any]] = []
    for block in blocks:
        try:
            data = json.loads(block)
        except json.JSONDecodeError as error:
            if path.suffix.lower() not in (".html", ".htm"):
                raise InputError(
                    f"{path}: malformed JSON at line {error.lineno}, column {error.colno} "
                    f"({error.msg})"
                ) from None
            continue
        postings.extend(_find_postings(data))
    if not postings:
        raise InputError(f'{path}: holds no schema.org JobPosting ("@type": "JobPosting")')
    for number, posting in enumerate(postings, start=1):
        values = _posting_values(posting, f"{path}#{number}")
        yield number, BadRow(number, values.reason) if isinstance(values, BadRow) else values


# --------------------------------------------------------------------------- ingest


def posting_id(title: str, description: str) -> str:
    """The identity of a posting text: sha256 of the normalised title and description.

    Case and runs of whitespace do not count, so a re-post of the same text is the same posting.

    Examples:
        >>> a = posting_id("Data Scientist", "Python  and SQL")
        >>> a == posting_id("data scientist ", "Python and\\nSQL")
        True
    """
    # str.split() splits where a \s+ regex would match (both go by str.isspace), in a third
    # of the time: ingest computes this for every row
    normal = " ".join(title.lower().split()) + "\n" + " ".join(description.lower().split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


@dataclass
class FileReport:
    """What ingesting one file did."""

    path: str
    file_hash: str
    rows_read: int = 0
    added: int = 0
    duplicates_in_file: int = 0
    duplicates_in_store: int = 0
    bad_rows: list[BadRow] = field(default_factory=list)
    already_ingested: bool = False
    notes: list[str] = field(default_factory=list)
    classified: int = 0
    skill_rows: int = 0
    cert_rows: int = 0

    @property
    def duplicates(self) -> int:
        return self.duplicates_in_file + self.duplicates_in_store

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "file_hash": self.file_hash,
            "already_ingested": self.already_ingested,
            "rows_read": self.rows_read,
            "added": self.added,
            "duplicates_in_file": self.duplicates_in_file,
            "duplicates_in_store": self.duplicates_in_store,
            "bad_rows": [{"line": b.line, "reason": b.reason} for b in self.bad_rows],
            "classified": self.classified,
            "skill_rows": self.skill_rows,
            "cert_rows": self.cert_rows,
            "notes": self.notes,
        }


Progress = Callable[[int, int], None]
"""Called as postings are processed: (done, total) for the file in hand."""

_LEVELS: tuple[tuple[re.Pattern[str], Seniority], ...] = (
    (re.compile(r"intern|entry|^en$|graduate", re.I), Seniority.ENTRY),
    (re.compile(r"^associate|junior|^jr", re.I), Seniority.JUNIOR),
    (re.compile(r"director|executive|^ex$|vp|chief", re.I), Seniority.EXECUTIVE),
    (re.compile(r"lead|principal|staff", re.I), Seniority.LEAD),
    (re.compile(r"senior|^se$", re.I), Seniority.SENIOR),
    (re.compile(r"mid|^mi$", re.I), Seniority.MID),
)


def _seniority(title: str, stated: str | None) -> str:
    """The title's seniority; when the title states none, what the file's column states."""
    from_title = seniority_of(title)
    if from_title is Seniority.MID and stated:
        for pattern, level in _LEVELS:
            if pattern.search(stated.strip()):
                return level.value
    return from_title.value


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes: how the store recognises a file ingested before."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def ingest_postings(
    store: MarketStore,
    paths: Sequence[Path],
    catalog: Catalog,
    *,
    mapping: ColumnMapping | None = None,
    processes: int | None = None,
    catalog_dir: Path | None = None,
    progress: Progress | None = None,
) -> list[FileReport]:
    """Ingest postings files into the store; a file already ingested adds nothing.

    Each distinct posting is stored once with its role, seniority, period, the skills its
    title and description name (explicit and inferred; one row per skill with the strongest
    requirement, most years and highest confidence) and the certifications it names. Of
    duplicates the first is kept: the one already stored, else the earliest file in ``paths``,
    else the earliest line (the Spark engine keeps the same one).

    Args:
        store: the market database.
        paths: the files (see :func:`read_postings` for formats).
        catalog: the catalog whose roles, skills and certifications are looked for.
        mapping: column mapping for every file.
        processes: extraction processes (default: all cores).
        catalog_dir: the catalog folder the extraction workers load (None: packaged).
        progress: called with (done, total) while a file is processed.

    Returns:
        One report per file: rows read, added, duplicates, bad rows with line numbers.
    """
    from certpath.extract.pipeline import skill_rows_many
    from certpath.market.certmentions import CertMatcher

    ensure_schema(store)
    classify = TitleClassifier(catalog)
    find_certs = CertMatcher(catalog)
    reports = []
    for path in paths:
        file_hash = file_sha256(path) if path.is_file() else ""
        report = FileReport(str(path), file_hash)
        reports.append(report)
        if not file_hash:
            raise InputError(f"{path}: no such file")
        if already_ingested(store, file_hash):
            report.already_ingested = True
            continue
        records: dict[str, PostingRecord] = {}
        for _line, item in read_postings(path, mapping, report.notes):
            report.rows_read += 1
            if isinstance(item, BadRow):
                report.bad_rows.append(item)
                continue
            key = posting_id(item.title, item.description)
            if key in records:
                report.duplicates_in_file += 1
            else:
                records[key] = item
        known = _existing(store, list(records))
        report.duplicates_in_store = len(known)
        fresh = [(key, record) for key, record in records.items() if key not in known]
        total = len(fresh)
        if progress:
            progress(0, total)
        classes: dict[str, tuple[str | None, float, str]] = {}
        posting_rows: list[tuple[Any, ...]] = []
        for key, record in fresh:
            found = classes.get(record.title)
            if found is None:
                c = classify(record.title)
                found = (c.role, c.confidence, c.seniority.value)
                classes[record.title] = found
            role, confidence, _ = found
            report.classified += role is not None
            posting_rows.append(posting_row(key, path.name, record, role, confidence))
        skill_rows: list[tuple[str, str, str, float | None, float, bool]] = []
        cert_rows: list[tuple[str, str, str, bool]] = []
        documents = (posting_document(record, str(path)) for _, record in fresh)
        results = skill_rows_many(documents, processes=processes, catalog_dir=catalog_dir)
        # stored a batch at a time while the workers go on extracting (the index of the skill
        # rows is the slow part of the insert), in one transaction: a file is stored whole or
        # not at all
        stored = 0
        store.sql("BEGIN TRANSACTION")
        try:
            for done, ((key, record), result) in enumerate(zip(fresh, results, strict=True), 1):
                if isinstance(result, DocumentError):
                    report.notes.append(f"line {record.line}: skills not extracted ({result})")
                else:
                    skill_rows.extend((key, *row) for row in result)
                cert_rows.extend(posting_cert_rows(key, find_certs(record.text)))
                if done - stored == INSERT_BATCH or done == total:
                    _insert_postings(store, posting_rows[stored:done])
                    _insert(store, "posting_skills", _SKILL_COLUMNS, skill_rows)
                    _insert(store, "posting_certs", _CERT_COLUMNS, cert_rows)
                    report.skill_rows += len(skill_rows)
                    report.cert_rows += len(cert_rows)
                    skill_rows, cert_rows, stored = [], [], done
                if progress and (done % 200 == 0 or done == total):
                    progress(done, total)
            report.added = len(posting_rows)
            record_ingested_file(store, report)
        except BaseException:
            store.sql("ROLLBACK")
            raise
        store.sql("COMMIT")
    return reports


INSERT_BATCH = 5000
"""Postings extracted between two inserts into the store during an ingest."""


def already_ingested(store: MarketStore, file_hash: str) -> bool:
    """Whether a file with these bytes (sha256) was ingested into the store before."""
    return bool(store.sql("SELECT 1 FROM ingested_files WHERE file_hash = ?", [file_hash]))


def record_ingested_file(store: MarketStore, report: FileReport) -> None:
    """Remember an ingested file by its hash, so that ingesting it again adds nothing."""
    store.sql(
        "INSERT OR IGNORE INTO ingested_files VALUES (?, ?, 'postings', ?, ?, ?, ?, ?)",
        [
            report.file_hash,
            report.path,
            report.rows_read,
            report.added,
            report.duplicates,
            len(report.bad_rows),
            dt.datetime.now(),
        ],
    )


def posting_document(record: PostingRecord, source: str) -> Document:
    """The text skills are extracted from: the title, a newline, the description, normalised as
    any text certpath reads is (mojibake, ligatures, soft hyphens: :func:`normalise_text`)."""
    from certpath.extract.document import Document, DocumentKind
    from certpath.extract.readers import normalise_text

    return Document(normalise_text(record.text), source, "text", kind=DocumentKind.POSTING)


def posting_row(
    key: str, source: str, record: PostingRecord, role: str | None, confidence: float
) -> tuple[Any, ...]:
    """A ``postings`` row, in the table's column order, for a classified record.

    Shared by both engines: the Spark engine writes the same values to Parquet.
    """
    return (
        key,
        source,
        record.line,
        record.title,
        record.company,
        record.location,
        record.posted_date,
        record.period,
        record.year,
        role,
        confidence,
        _seniority(record.title, record.seniority),
        record.description,
    )


def posting_cert_rows(
    key: str, mentions: Iterable[CertMention]
) -> list[tuple[str, str, str, bool]]:
    """``posting_certs`` rows of a posting from its certification mentions."""
    return [(key, m.cert, m.ecosystem, m.generic) for m in mentions]


_POSTING_COLUMNS = (
    ("posting_id", object),
    ("source", object),
    ("source_line", np.int64),
    ("title", object),
    ("company", object),
    ("location", object),
    ("posted_date", object),
    ("period", object),
    ("year", object),
    ("role", object),
    ("role_confidence", np.float64),
    ("seniority", object),
    ("description", object),
)
_SKILL_COLUMNS = (
    ("posting_id", object),
    ("skill", object),
    ("strength", object),
    ("years", object),
    ("confidence", np.float64),
    ("inferred", np.bool_),
)
_CERT_COLUMNS = (
    ("posting_id", object),
    ("cert", object),
    ("ecosystem", object),
    ("generic", np.bool_),
)


def _existing(store: MarketStore, keys: list[str]) -> set[str]:
    if not keys:
        return set()
    batch = {"posting_id": np.array(keys, dtype=object)}  # noqa: F841 - scanned by DuckDB
    rows = store.connection.execute(
        "SELECT p.posting_id FROM postings p JOIN batch b ON p.posting_id = b.posting_id"
    ).fetchall()
    return {row[0] for row in rows}


def _insert(
    store: MarketStore,
    table: str,
    columns: Sequence[tuple[str, Any]],
    rows: Sequence[tuple[Any, ...]],
) -> None:
    """Bulk insert through a dict of NumPy arrays, which DuckDB scans without a copy per row.

    ``table`` is one of this module's constants, never user input.
    """
    if not rows:
        return
    names = [name for name, _ in columns]
    transposed = list(zip(*rows, strict=True))
    batch = {  # noqa: F841 - scanned by DuckDB by its name
        name: np.array(values, dtype=kind)
        for (name, kind), values in zip(columns, transposed, strict=True)
    }
    store.connection.execute(
        f"INSERT OR IGNORE INTO {table} ({', '.join(names)}) SELECT {', '.join(names)} FROM batch"
    )
    store.changed()


def _insert_postings(store: MarketStore, rows: Sequence[tuple[Any, ...]]) -> None:
    if not rows:
        return
    # NumPy object arrays of dates and optional ints go through as VARCHAR: cast them back
    names = [name for name, _ in _POSTING_COLUMNS]
    transposed = list(zip(*rows, strict=True))
    batch = {  # noqa: F841 - scanned by DuckDB by its name
        name: np.array(
            [None if v is None else str(v) for v in values] if kind is object else values,
            dtype=kind,
        )
        for (name, kind), values in zip(_POSTING_COLUMNS, transposed, strict=True)
    }
    store.connection.execute(
        f"INSERT OR IGNORE INTO postings ({', '.join(names)}) "
        "SELECT posting_id, source, source_line, title, company, location, "
        "CAST(posted_date AS DATE), period, CAST(year AS INTEGER), role, role_confidence, "
        "seniority, description FROM batch"
    )
    store.changed()


# --------------------------------------------------------------------------- Parquet

PARQUET_TABLES = ("postings", "posting_skills", "posting_certs")
"""The tables the Spark engine writes, one Parquet folder each under its output folder."""


def load_parquet(store: MarketStore, folder: Path) -> tuple[int, int]:
    """Load postings written as Parquet (by the Spark engine) into the store.

    Postings already stored are kept as they are, with their skills and certifications, as
    :func:`ingest_postings` keeps them; only new postings bring their rows.

    Args:
        store: the market database.
        folder: holds ``postings/``, ``posting_skills/`` and ``posting_certs/``.

    Returns:
        (postings added, postings already stored).

    Raises:
        InputError: a folder is missing.
    """
    ensure_schema(store)
    globs = {}
    for table in PARQUET_TABLES:
        if not (folder / table).is_dir():
            raise InputError(
                f"{folder}: no {table}/ Parquet folder; write one with "
                "`certpath market ingest postings FILE --engine spark --out DIR`"
            )
        globs[table] = str(folder / table / "*.parquet")
    names = ", ".join(name for name, _ in _POSTING_COLUMNS)
    skills = ", ".join(name for name, _ in _SKILL_COLUMNS)
    certs = ", ".join(name for name, _ in _CERT_COLUMNS)
    connection = store.connection
    connection.execute("BEGIN TRANSACTION")
    try:
        connection.execute(
            f"CREATE OR REPLACE TEMP TABLE incoming AS SELECT {names} FROM read_parquet(?)",
            [globs["postings"]],
        )
        total = _count(store, "SELECT COUNT(*) FROM incoming")
        connection.execute(
            "DELETE FROM incoming WHERE posting_id IN (SELECT posting_id FROM postings)"
        )
        added = _count(store, "SELECT COUNT(*) FROM incoming")
        connection.execute(
            f"INSERT INTO posting_skills ({skills}) SELECT {skills} FROM read_parquet(?) "
            "WHERE posting_id IN (SELECT posting_id FROM incoming)",
            [globs["posting_skills"]],
        )
        connection.execute(
            f"INSERT INTO posting_certs ({certs}) SELECT {certs} FROM read_parquet(?) "
            "WHERE posting_id IN (SELECT posting_id FROM incoming)",
            [globs["posting_certs"]],
        )
        connection.execute(f"INSERT INTO postings ({names}) SELECT {names} FROM incoming")
        connection.execute("DROP TABLE incoming")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return added, total - added


def _count(store: MarketStore, text: str) -> int:
    row = store.connection.execute(text).fetchone()
    return int(row[0]) if row else 0


# --------------------------------------------------------------------------- packaged defaults

DEFAULTS = ("demand.csv.gz", "cooccurrence.csv.gz", "cert_mentions.csv.gz")
"""The packaged aggregate files, built by ``scripts/build_market_defaults.py``."""


def seed_default_demand(store: MarketStore) -> None:
    """Load the packaged demand, co-occurrence and certification aggregates.

    Idempotent by content: the store records a digest of the packaged files, so opening a
    seeded store costs one hash of three small files. When certpath is upgraded with rebuilt
    aggregates, the default rows are replaced in one transaction; postings the user ingested
    (and their rows) are never touched. Does nothing when the files are not packaged.
    """
    ensure_schema(store)
    folder = files("certpath.market") / "data"
    resources = [folder / name for name in DEFAULTS]
    if not all(resource.is_file() for resource in resources):
        return
    digest = hashlib.sha256(b"".join(r.read_bytes() for r in resources)).hexdigest()
    stored = store.sql("SELECT value FROM meta WHERE key = ?", [_DEFAULTS_STAMP])
    if stored and stored[0]["value"] == digest:
        return
    store.sql("BEGIN TRANSACTION")
    try:
        for table in ("demand_aggregates", "cooccurrence_aggregates", "cert_aggregates"):
            store.sql(f"DELETE FROM {table} WHERE source LIKE 'default%'")
        _load_defaults(store, resources)
        store.sql("INSERT OR REPLACE INTO meta VALUES (?, ?)", [_DEFAULTS_STAMP, digest])
    except BaseException:
        store.sql("ROLLBACK")
        raise
    store.sql("COMMIT")
    store.changed()


_DEFAULTS_STAMP = "default_aggregates_sha256"


def _load_defaults(store: MarketStore, resources: list[Traversable]) -> None:
    with as_file(resources[0]) as demand_file:
        store.sql(
            "INSERT INTO demand_aggregates "
            "SELECT CASE WHEN counting = 'explicit' THEN 'default' ELSE 'default+inferred' END, "
            "NULLIF(role, ''), seniority, NULLIF(period, ''), skill, postings_with_skill, "
            "postings_total FROM read_csv(?, header = true, all_varchar = false, "
            "types = {'role': 'VARCHAR', 'period': 'VARCHAR'})",
            [str(demand_file)],
        )
    with as_file(resources[1]) as pairs_file:
        store.sql(
            "INSERT INTO cooccurrence_aggregates SELECT CASE WHEN counting = 'explicit' "
            "THEN 'default' ELSE 'default+inferred' END, skill_a, skill_b, postings_with_both, "
            "postings_with_a, postings_with_b, postings_total FROM read_csv(?, header = true)",
            [str(pairs_file)],
        )
    with as_file(resources[2]) as certs_file:
        store.sql(
            "INSERT INTO cert_aggregates SELECT 'default', NULLIF(role, ''), cert, ecosystem, "
            "generic, postings_with_cert, postings_total FROM read_csv(?, header = true, "
            "types = {'role': 'VARCHAR', 'ecosystem': 'VARCHAR'})",
            [str(certs_file)],
        )
