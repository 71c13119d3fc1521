"""Salary records: ingest aijobs.net-format files, and what the market pays by group.

Place in the flow: files (or the packaged CC0 aijobs.net data) -> :func:`ingest_salaries` ->
the store's ``salaries`` table -> the named query ``salary_values`` -> statistics computed here
in numpy, so both engines give the same figures -> the ``certpath market`` commands.

De-duplication. The aijobs.net index publishes each listing with a salary range as two rows, its
low and its high end, and repeats many rows exactly (39,304 of the 74,301 rows in the 2025 file).
A record's id is the sha256 of its normalised field values, so identical rows collapse into one
record (74,301 rows -> 34,997 records), while the two ends of a range differ in salary and stay
two records: a range contributes two observations, its low and its high end. Ingest is
idempotent twice over: a file whose (decompressed) bytes were ingested before adds nothing
(table ``ingested_files``), and a record already in the store is skipped (``INSERT OR IGNORE``).

Statistics. Percentiles interpolate linearly between order statistics (numpy's default, the same
as pandas and ``statistics.quantiles(method="inclusive")``). The 95% interval of a median is the
2.5th-97.5th percentile of 2,000 bootstrap medians drawn with a fixed seed, so answers are
reproducible. A premium is median(group) / median(baseline), its interval from 2,000 ratios of
independently resampled medians. Fewer than ``min_n`` (default :data:`MIN_N`) records give
"not enough data" and no figure at all.

Generative-AI titles (:data:`GENAI_TITLE`): explicit generative wording (GenAI, generative AI,
LLM, prompt engineer, agentic, AI agent, chatbot, conversational AI, foundation model, RAG), or
an "AI engineer / developer / programmer" title, which since 2023 has meant building on
foundation models. "AI Scientist", "AI Architect", "AI Specialist" and "AI Research Engineer"
are not counted. The baseline of the generative-AI premium is the other ML roles
(:data:`ML_ROLES`: the catalog's engineering and research roles).
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import gzip
import hashlib
import io
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from certpath.errors import InputError
from certpath.market.classify import TitleClassifier
from certpath.market.store import MarketStore

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from certpath.catalog.loader import Catalog

COLUMNS = (
    "work_year",
    "experience_level",
    "employment_type",
    "job_title",
    "salary",
    "salary_currency",
    "salary_in_usd",
    "employee_residence",
    "remote_ratio",
    "company_location",
    "company_size",
)
"""The aijobs.net columns a salary file must have (any order; extra columns are ignored)."""

LEVELS = ("EN", "MI", "SE", "EX")
"""aijobs.net experience levels: entry, mid, senior, executive."""

_LEVEL_WORDS = {
    "en": "EN",
    "entry": "EN",
    "entry-level": "EN",
    "junior": "EN",
    "mi": "MI",
    "mid": "MI",
    "mid-level": "MI",
    "intermediate": "MI",
    "se": "SE",
    "senior": "SE",
    "ex": "EX",
    "executive": "EX",
    "expert": "EX",
    "director": "EX",
}
LEVEL_NAMES = {"EN": "entry", "MI": "mid-level", "SE": "senior", "EX": "executive"}
EMPLOYMENT_TYPES = ("FT", "PT", "CT", "FL")
REMOTE_RATIOS = (0, 50, 100)
COMPANY_SIZES = ("S", "M", "L")

MIN_N = 30
"""Fewer records than this give "not enough data" instead of a figure."""
BOOTSTRAP_RESAMPLES = 2000
BOOTSTRAP_SEED = 20250601
"""Fixed, so the same records always give the same interval."""
_BOOTSTRAP_BATCH = 100  # resamples drawn at once: bounds memory at 100 x n values
PERCENTILES = {"p10": 10.0, "p25": 25.0, "median": 50.0, "p75": 75.0, "p90": 90.0}

DEFAULT_SOURCE = "default"
"""The ``source`` of the packaged aijobs.net records."""
DEFAULT_DATA = "aijobs_salaries.csv.gz"

GENAI_TITLE = re.compile(
    r"\b(?:gen(?:erative)?[\s-]?ai|llms?|large\s+language\s+models?|prompt\s+engineer(?:ing)?|"
    r"agentic|ai\s+agents?|conversational\s+ai|chatbots?|foundation\s+models?|rag)\b"
    r"|\b(?:ai|a\.i\.|artificial\s+intelligence)\s+"
    r"(?:software\s+(?:development\s+)?|applications?\s+)?(?:engineer|developer|programmer)\b",
    re.IGNORECASE,
)
"""Job titles counted as generative-AI roles (see the module docstring)."""

ML_ROLES = (
    "ai-architect",
    "ai-engineer",
    "junior-ml-engineer",
    "ml-engineer",
    "ml-researcher",
    "mlops-engineer",
    "research-scientist",
    "senior-ai-engineer",
)
"""Roles that build or research ML models (the catalog's engineering and research families):
the baseline of the generative-AI premium, less the generative-AI titles themselves."""

_COUNTRY = re.compile(r"^[A-Z]{2}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_MAX_BAD_ROWS_KEPT = 10_000  # a wrong file should not fill memory with messages


def is_genai_title(title: str) -> bool:
    """Whether a job title names a generative-AI role.

    Examples:
        >>> [is_genai_title(t) for t in ("Prompt Engineer", "AI Engineer", "AI Scientist")]
        [True, True, False]
    """
    return GENAI_TITLE.search(title) is not None


def parse_level(value: str) -> str:
    """An aijobs.net experience level from its code or name, in any case.

    Examples:
        >>> parse_level("senior"), parse_level("mi")
        ('SE', 'MI')
    """
    code = _LEVEL_WORDS.get(value.strip().lower())
    if code is None:
        raise InputError(
            f"unknown experience level {value!r}; use EN, MI, SE or EX "
            "(or entry, mid, senior, executive)"
        )
    return code


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True, slots=True)
class BadRow:
    """A row that was not ingested: its line in the file and every reason."""

    line: int
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {"line": self.line, "reason": self.reason}


@dataclass(frozen=True)
class IngestReport:
    """What ingesting one file did.

    Attributes:
        rows_read: data rows in the file (blank lines are not rows).
        added: records new to the store.
        duplicates: good rows that added nothing: repeats within the file or records the store
            already held.
        bad_rows: rows not ingested, with line numbers (the header is line 1) and reasons (the
            first 10,000).
        bad_count: how many rows were not ingested.
        already_ingested: the same content was ingested before, so nothing was read again.
    """

    path: str
    file_hash: str
    rows_read: int
    added: int
    duplicates: int
    bad_rows: list[BadRow] = field(default_factory=list)
    bad_count: int = 0
    already_ingested: bool = False

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "file_hash": self.file_hash,
            "rows_read": self.rows_read,
            "added": self.added,
            "duplicates": self.duplicates,
            "bad_count": self.bad_count,
            "bad_rows": [row.to_dict() for row in self.bad_rows],
            "already_ingested": self.already_ingested,
        }


@dataclass(frozen=True, slots=True)
class _Record:
    record_id: str
    work_year: int
    experience_level: str
    employment_type: str
    job_title: str
    salary: float
    salary_currency: str
    salary_in_usd: float
    employee_residence: str
    remote_ratio: int
    company_location: str
    company_size: str


def ingest_salaries(
    store: MarketStore,
    path: Path | str,
    *,
    catalog: Catalog | None = None,
    source: str | None = None,
) -> IngestReport:
    """Add the salary records of an aijobs.net-format CSV file (plain or gzipped) to the store.

    Args:
        store: the market database.
        path: the file; gzip is recognised by its content, not its name.
        catalog: the catalog whose roles classify job titles (default: the packaged one).
        source: the label stored with the new records (default: the file name).

    Raises:
        InputError: the file is missing, empty, not UTF-8 text, or lacks expected columns.
    """
    path = Path(path)
    text, file_hash = _read_text(path)
    done = store.sql(
        "SELECT rows_read, bad_rows FROM ingested_files WHERE file_hash = ?", [file_hash]
    )
    if done:
        read, bad = int(done[0]["rows_read"]), int(done[0]["bad_rows"])
        return IngestReport(str(path), file_hash, read, 0, read - bad, [], bad, True)

    records: dict[str, _Record] = {}
    # exact repeats are half the aijobs file: parse each distinct row once (a repeated bad row
    # is still reported at each of its lines)
    parsed: dict[tuple[str, ...], list[str]] = {}
    bad_rows: list[BadRow] = []
    bad_count = rows_read = 0
    for line, row in _rows(text, path):
        rows_read += 1
        raw = (row,) if isinstance(row, str) else tuple(row.values())
        problems = parsed.get(raw)
        if problems is None:
            record, problems = _parse(row)
            parsed[raw] = problems
            if record is not None:
                records.setdefault(record.record_id, record)
        if problems:
            bad_count += 1
            if len(bad_rows) < _MAX_BAD_ROWS_KEPT:
                bad_rows.append(BadRow(line, "; ".join(problems)))

    classify = _classifier(catalog) if records else None
    connection = store.connection
    connection.begin()
    try:
        before = _count(store)
        if classify is not None:
            _insert(store, list(records.values()), source or path.name, classify)
        added = _count(store) - before
        store.sql(
            "INSERT INTO ingested_files VALUES (?, ?, 'salaries', ?, ?, ?, ?, ?)",
            [
                file_hash,
                str(path),
                rows_read,
                added,
                rows_read - bad_count - added,
                bad_count,
                dt.datetime.now(),
            ],
        )
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    return IngestReport(
        str(path), file_hash, rows_read, added, rows_read - bad_count - added, bad_rows, bad_count
    )


def seed_default_salaries(store: MarketStore, catalog: Catalog | None = None) -> IngestReport:
    """Load the packaged CC0 aijobs.net records into the store, once.

    Seeding is ingest of the packaged file, so it is idempotent by file hash: opening a seeded
    store costs one hash of a 0.5 MB file and one lookup. When the packaged roles file has
    changed since the store's records were classified (a certpath upgrade), every record's
    role is classified again.
    """
    with as_file(files("certpath.market") / "data" / DEFAULT_DATA) as packaged:
        report = ingest_salaries(store, packaged, catalog=catalog, source=DEFAULT_SOURCE)
    stamp = _roles_stamp()
    stored = store.sql("SELECT value FROM meta WHERE key = ?", [_ROLES_STAMP])
    if not stored or stored[0]["value"] != stamp:
        if stored:  # a new store was classified by this very catalog during ingest
            reclassify_salaries(store, catalog)
            store.changed()
        store.sql("INSERT OR REPLACE INTO meta VALUES (?, ?)", [_ROLES_STAMP, stamp])
    return report


def reclassify_salaries(store: MarketStore, catalog: Catalog | None = None) -> int:
    """Classify every stored record's job title again (role, seniority, genai); the number
    of distinct titles."""
    titles = [row["job_title"] for row in store.sql("SELECT DISTINCT job_title FROM salaries")]
    if not titles:
        return 0
    classify = _classifier(catalog)
    classes = [classify(title) for title in titles]
    columns: dict[str, NDArray[Any]] = {
        "job_title": np.array(titles, dtype=object),
        "role": np.array([c.role for c in classes], dtype=object),
        "seniority": np.array([c.seniority.value for c in classes], dtype=object),
        "genai": np.array([is_genai_title(title) for title in titles], dtype=bool),
    }
    store.connection.register("certpath_salary_titles", columns)
    try:
        store.sql(
            "UPDATE salaries SET role = t.role, seniority = t.seniority, genai = t.genai "
            "FROM certpath_salary_titles AS t WHERE salaries.job_title = t.job_title"
        )
    finally:
        store.connection.unregister("certpath_salary_titles")
    return len(titles)


_ROLES_STAMP = "salary_roles_classified_with"


def _roles_stamp() -> str:
    """The packaged roles file's hash: it changes when the title patterns do."""
    from certpath.catalog import packaged_catalog_dir

    return hashlib.sha256((packaged_catalog_dir() / "roles.yaml").read_bytes()).hexdigest()


def _read_text(path: Path) -> tuple[str, str]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise InputError(f"{path}: a damaged gzip file ({exc})") from None
    if not raw.strip():
        raise InputError(f"{path}: the file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (byte {exc.start}); save the CSV as UTF-8"
        ) from None
    return text, hashlib.sha256(raw).hexdigest()


def _rows(text: str, path: Path) -> Iterator[tuple[int, dict[str, str] | str]]:
    """The data rows as column -> value (or why the row cannot be split into the columns),
    each with the line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [name.strip().lower() for name in next(reader, [])]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise InputError(
            f"{path}: not an aijobs.net salary file: missing column(s) {', '.join(missing)}; "
            f"expected the columns {', '.join(COLUMNS)}"
        )
    position = {name: header.index(name) for name in COLUMNS}
    line = reader.line_num
    for values in reader:
        start, line = line + 1, reader.line_num
        if not values or all(not value.strip() for value in values):
            continue
        if len(values) != len(header):
            yield start, f"{len(values)} fields where the header has {len(header)}"
            continue
        yield start, {name: values[index] for name, index in position.items()}


def _parse(row: Mapping[str, str] | str) -> tuple[_Record | None, list[str]]:
    """A normalised record, or None and every reason the row is bad."""
    if isinstance(row, str):
        return None, [row]
    problems: list[str] = []
    value = {name: " ".join(row[name].split()) for name in COLUMNS}
    for name in COLUMNS:
        if not value[name]:
            problems.append(f"{name} is missing")

    def number(name: str, *, integer: bool = False) -> float | None:
        text = value[name]
        if not text:
            return None
        try:
            figure = float(text.replace(",", ""))
        except ValueError:
            problems.append(f"{name} {text!r} is not a number")
            return None
        if not math.isfinite(figure) or (integer and not figure.is_integer()):
            problems.append(f"{name} {text!r} is not {'a whole' if integer else 'a'} number")
            return None
        return figure

    def code(name: str, allowed: Sequence[str] | re.Pattern[str], what: str) -> str:
        text = value[name].upper()
        if text:
            ok = text in allowed if isinstance(allowed, Sequence) else allowed.match(text)
            if not ok:
                problems.append(f"{name} {value[name]!r} is not {what}")
        return text

    year = number("work_year", integer=True)
    if year is not None and not 1990 <= year <= 2100:
        problems.append(f"work_year {value['work_year']!r} is not a plausible year")
    level = value["experience_level"].upper()
    if level and level not in LEVELS:
        problems.append(f"experience_level {value['experience_level']!r} is not EN, MI, SE or EX")
    employment = code("employment_type", EMPLOYMENT_TYPES, "FT, PT, CT or FL")
    salary = number("salary")
    usd = number("salary_in_usd")
    for name, figure in (("salary", salary), ("salary_in_usd", usd)):
        if figure is not None and figure <= 0:
            problems.append(f"{name} {value[name]!r} is not positive")
    currency = code("salary_currency", _CURRENCY, "a three-letter currency code")
    residence = code("employee_residence", _COUNTRY, "a two-letter country code")
    location = code("company_location", _COUNTRY, "a two-letter country code")
    remote = number("remote_ratio", integer=True)
    if remote is not None and remote not in REMOTE_RATIOS:
        problems.append(f"remote_ratio {value['remote_ratio']!r} is not 0, 50 or 100")
    size = code("company_size", COMPANY_SIZES, "S, M or L")
    if problems:
        return None, problems
    assert year is not None
    assert salary is not None
    assert usd is not None
    assert remote is not None
    title = value["job_title"]
    key = (
        int(year),
        level,
        employment,
        title.casefold(),
        _figure(salary),
        currency,
        _figure(usd),
        residence,
        int(remote),
        location,
        size,
    )
    record_id = hashlib.sha256("\x1f".join(map(str, key)).encode("utf-8")).hexdigest()
    return _Record(
        record_id,
        int(year),
        level,
        employment,
        title,
        salary,
        currency,
        usd,
        residence,
        int(remote),
        location,
        size,
    ), []


def _figure(value: float) -> str:
    """One spelling per amount, so "120000" and "120000.0" are the same record."""
    return str(int(value)) if value.is_integer() else repr(value)


def _classifier(catalog: Catalog | None) -> TitleClassifier:
    if catalog is None:
        from certpath.catalog import load_catalog  # about a second: only when rows are new

        catalog = load_catalog()
    return TitleClassifier(catalog)


def _count(store: MarketStore) -> int:
    return int(store.sql("SELECT COUNT(*) AS n FROM salaries")[0]["n"])


def _insert(
    store: MarketStore, records: list[_Record], source: str, classify: TitleClassifier
) -> None:
    """Insert in one statement from numpy columns (row-by-row inserts take seconds)."""
    titles = {record.job_title: classify(record.job_title) for record in records}
    genai = {title: is_genai_title(title) for title in titles}
    columns: dict[str, NDArray[Any]] = {}
    for name in (column.name for column in fields(_Record)):
        values = [getattr(record, name) for record in records]
        columns[name] = np.array(values, dtype=object if isinstance(values[0], str) else None)
    columns["source"] = np.array([source] * len(records), dtype=object)
    columns["role"] = np.array([titles[r.job_title].role for r in records], dtype=object)
    columns["seniority"] = np.array(
        [titles[r.job_title].seniority.value for r in records], dtype=object
    )
    columns["genai"] = np.array([genai[r.job_title] for r in records], dtype=bool)
    # the values travel as numpy arrays registered as a view, never formatted into the SQL
    store.connection.register("certpath_salary_batch", columns)
    try:
        store.sql("INSERT OR IGNORE INTO salaries BY NAME SELECT * FROM certpath_salary_batch")
    finally:
        store.connection.unregister("certpath_salary_batch")
        store.changed()


# --------------------------------------------------------------------------- questions


@dataclass(frozen=True)
class SalaryFilter:
    """Which salary records a question is about; None means any.

    Attributes:
        role: a catalog role id (from the job title).
        level: an experience level, EN, MI, SE or EX (names such as "senior" are accepted).
        country: an ISO 3166 alpha-2 code: the company's location, or the employee's
            residence when ``residence`` is true.
        remote: the remote ratio, 0, 50 or 100.
        size: the company size, S, M or L.
        year: the work year.
        genai: only generative-AI titles (True) or only other titles (False).
        roles: any of these role ids (used for "other ML roles").
    """

    role: str | None = None
    level: str | None = None
    country: str | None = None
    residence: bool = False
    remote: int | None = None
    size: str | None = None
    year: int | None = None
    genai: bool | None = None
    roles: tuple[str, ...] | None = None

    def checked(self) -> SalaryFilter:
        """The filter with codes normalised; InputError for a value that cannot match."""
        country = self.country.strip().upper() if self.country else None
        if country is not None and not _COUNTRY.match(country):
            raise InputError(
                f"country {self.country!r}: use a two-letter ISO 3166 code such as US, DE or GB"
            )
        if self.remote is not None and self.remote not in REMOTE_RATIOS:
            raise InputError(f"remote ratio {self.remote}: use 0, 50 or 100")
        size = self.size.strip().upper() if self.size else None
        if size is not None and size not in COMPANY_SIZES:
            raise InputError(f"company size {self.size!r}: use S, M or L")
        return replace(
            self,
            level=parse_level(self.level) if self.level else None,
            country=country,
            size=size,
            roles=tuple(sorted(self.roles)) if self.roles is not None else None,
        )

    def params(self) -> dict[str, object]:
        """The parameters of the ``salary_values`` query."""
        return {
            "role": self.role,
            "level": self.level,
            "company_location": None if self.residence else self.country,
            "employee_residence": self.country if self.residence else None,
            "remote_ratio": self.remote,
            "company_size": self.size,
            "work_year": self.year,
            "genai": self.genai,
        }

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["country_of"] = "employee residence" if self.residence else "company location"
        if self.roles is not None:
            data["roles"] = list(self.roles)
        return data

    def describe(self) -> str:
        """A short label such as "ml-engineer · senior · company in US"."""
        parts = []
        if self.genai is True:
            parts.append("generative-AI titles")
        elif self.roles is not None:
            parts.append("other ML roles" if self.genai is False else "ML roles")
        if self.role:
            parts.append(self.role)
        if self.level:
            parts.append(LEVEL_NAMES[self.level])
        if self.country:
            parts.append(f"{'living' if self.residence else 'company'} in {self.country}")
        if self.remote is not None:
            parts.append(f"{self.remote}% remote")
        if self.size:
            parts.append(f"company size {self.size}")
        if self.year is not None:
            parts.append(str(self.year))
        return " · ".join(parts) or "all records"


def salary_values(store: MarketStore, where: SalaryFilter) -> NDArray[np.float64]:
    """The USD salaries of the records matching a (checked) filter, in a stable order."""
    rows = store.run("salary_values", where.params())
    if where.roles is not None:
        wanted = set(where.roles)
        rows = [row for row in rows if row["role"] in wanted]
    return np.array([row["salary_in_usd"] for row in rows], dtype=np.float64)


def percentiles(values: NDArray[np.float64]) -> dict[str, float]:
    """p10, p25, median, p75 and p90 by linear interpolation."""
    figures = np.percentile(values, list(PERCENTILES.values()))
    return {name: float(figure) for name, figure in zip(PERCENTILES, figures, strict=True)}


def bootstrap_medians(
    values: NDArray[np.float64],
    rng: np.random.Generator,
    resamples: int = BOOTSTRAP_RESAMPLES,
) -> NDArray[np.float64]:
    """Medians of ``resamples`` resamples with replacement."""
    medians = np.empty(resamples)
    for start in range(0, resamples, _BOOTSTRAP_BATCH):
        size = min(_BOOTSTRAP_BATCH, resamples - start)
        picks = rng.integers(0, len(values), size=(size, len(values)))
        medians[start : start + size] = np.median(values[picks], axis=1)
    return medians


def _interval(draws: NDArray[np.float64]) -> list[float]:
    low, high = np.percentile(draws, [2.5, 97.5])
    return [float(low), float(high)]


def salary_stats(
    store: MarketStore,
    where: SalaryFilter | None = None,
    *,
    min_n: int = MIN_N,
    today: dt.date | None = None,
    **filters: Any,
) -> dict[str, Any]:
    """Percentiles of USD salary for a group, with n and a bootstrap 95% interval of the median.

    Pass a :class:`SalaryFilter` or its fields as keywords (``role="ml-engineer", level="SE",
    country="US"``). Below ``min_n`` records the answer has ``enough_data`` false, ``n`` and a
    message, and no figure. Answers are memoised on the store until its data changes.
    """
    where = (where or SalaryFilter(**filters)).checked()
    key = ("salary", repr(where), min_n, today)
    if key not in store.memo:
        store.memo[key] = _salary_stats(store, where, min_n, today)
    return copy.deepcopy(store.memo[key])


def _salary_stats(
    store: MarketStore, where: SalaryFilter, min_n: int, today: dt.date | None
) -> dict[str, Any]:
    values = salary_values(store, where)
    answer: dict[str, Any] = {
        "question": "salary",
        "filters": where.to_dict(),
        "label": where.describe(),
        "n": len(values),
        "min_n": min_n,
        "currency": "USD",
    }
    answer |= _enough(len(values), min_n)
    if answer["enough_data"]:
        rng = np.random.default_rng(BOOTSTRAP_SEED)
        answer["percentiles"] = percentiles(values)
        answer["median_ci95"] = _interval(bootstrap_medians(values, rng))
        answer["method"] = _METHOD
    answer["source"] = source_note(store, "salary", today)
    return answer


def premium(
    store: MarketStore,
    group: SalaryFilter,
    baseline: SalaryFilter,
    *,
    min_n: int = MIN_N,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """The premium of one group over another: the ratio of their median USD salaries.

    Both groups need ``min_n`` records; the 95% interval comes from 2,000 ratios of medians of
    independent resamples of each group. Answers are memoised on the store until its data
    changes.
    """
    key = ("premium", repr(group), repr(baseline), min_n, today)
    if key not in store.memo:
        store.memo[key] = _premium(store, group, baseline, min_n=min_n, today=today)
    return copy.deepcopy(store.memo[key])


def _premium(
    store: MarketStore,
    group: SalaryFilter,
    baseline: SalaryFilter,
    *,
    min_n: int,
    today: dt.date | None,
) -> dict[str, Any]:
    group, baseline = group.checked(), baseline.checked()
    sides = {"group": group, "baseline": baseline}
    values = {name: salary_values(store, where) for name, where in sides.items()}
    answer: dict[str, Any] = {
        "question": "premium",
        "group": {"filters": group.to_dict(), "label": group.describe(), "n": len(values["group"])},
        "baseline": {
            "filters": baseline.to_dict(),
            "label": baseline.describe(),
            "n": len(values["baseline"]),
        },
        "min_n": min_n,
        "currency": "USD",
    }
    short = [(name, len(v)) for name, v in values.items() if len(v) < min_n]
    if short:
        answer["enough_data"] = False
        answer["message"] = (
            "not enough data (" + ", ".join(f"{name} n={n} < {min_n}" for name, n in short) + ")"
        )
    else:
        rng = np.random.default_rng(BOOTSTRAP_SEED)
        medians = {name: float(np.median(v)) for name, v in values.items()}
        draws = {name: bootstrap_medians(v, rng) for name, v in values.items()}
        ratio = medians["group"] / medians["baseline"]
        answer["enough_data"] = True
        answer["message"] = None
        answer["group"]["median"] = medians["group"]
        answer["baseline"]["median"] = medians["baseline"]
        answer["ratio"] = ratio
        answer["premium_pct"] = (ratio - 1) * 100
        answer["ratio_ci95"] = _interval(draws["group"] / draws["baseline"])
        answer["method"] = _METHOD + "; ratio interval from independent resamples of each group"
    answer["source"] = source_note(store, "premium", today)
    return answer


def genai_premium(
    store: MarketStore,
    where: SalaryFilter | None = None,
    *,
    min_n: int = MIN_N,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """Generative-AI titles against the other ML roles, under the same level/country filters."""
    base = where or SalaryFilter()
    if base.role is not None or base.genai is not None or base.roles is not None:
        raise InputError(
            "the generative-AI premium compares generative-AI titles with the other ML roles; "
            "drop the role filter"
        )
    group = replace(base, genai=True)
    baseline = replace(base, genai=False, roles=ML_ROLES)
    return premium(store, group, baseline, min_n=min_n, today=today)


def salary_trend(
    store: MarketStore,
    where: SalaryFilter | None = None,
    *,
    min_n: int = MIN_N,
    **filters: Any,
) -> list[dict[str, Any]]:
    """Median USD salary by work year, each year with n and its bootstrap 95% interval.

    Years with fewer than ``min_n`` records say "not enough data" and carry no median.
    """
    where = (where or SalaryFilter(**filters)).checked()
    if where.year is not None:
        raise InputError("a trend runs over every year; drop the year filter")
    rows = store.run("salary_values", where.params())
    if where.roles is not None:
        wanted = set(where.roles)
        rows = [row for row in rows if row["role"] in wanted]
    by_year: dict[int, list[float]] = {}
    for row in rows:
        by_year.setdefault(int(row["work_year"]), []).append(float(row["salary_in_usd"]))
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    years = []
    for year in sorted(by_year):
        values = np.array(by_year[year])
        point: dict[str, Any] = {"year": year, "n": len(values)} | _enough(len(values), min_n)
        if point["enough_data"]:
            point["median"] = float(np.median(values))
            point["median_ci95"] = _interval(bootstrap_medians(values, rng))
        years.append(point)
    return years


def _enough(n: int, min_n: int) -> dict[str, Any]:
    if n < min_n:
        return {"enough_data": False, "message": f"not enough data (n={n} < {min_n})"}
    return {"enough_data": True, "message": None}


_METHOD = (
    "percentiles by linear interpolation over USD salaries; median 95% interval: percentile "
    f"bootstrap, {BOOTSTRAP_RESAMPLES:,} resamples, seed {BOOTSTRAP_SEED}"
)


def source_note(store: MarketStore, question: str, today: dt.date | None = None) -> str:
    """Where the figures come from, e.g. "aijobs.net salary index (CC0), 34,997 distinct
    records, computed by certpath market salary on 2026-01-05"."""
    counts = {row["source"]: int(row["records"]) for row in store.run("salary_sources")}
    packaged = counts.pop(DEFAULT_SOURCE, 0)
    parts = []
    if packaged:
        parts.append(f"aijobs.net salary index (CC0), {packaged:,} distinct records")
    if counts:
        ingested = sum(counts.values())
        names = ", ".join(sorted(counts)[:3]) + (", ..." if len(counts) > 3 else "")
        parts.append(f"{ingested:,} records ingested from {names}")
    if not parts:
        parts.append("no salary records")
    when = (today or dt.date.today()).isoformat()
    return " + ".join(parts) + f", computed by certpath market {question} on {when}"
