"""The Spark engine of the market flow: the same postings ingest and named questions, scaled out.

``certpath market ... --engine spark`` runs here instead of :func:`~certpath.market.postings.
ingest_postings` and :class:`~certpath.market.store.MarketStore`. Spark reads the files in
parallel; every partition builds the title classifier, skill extractor and certification matcher
once and annotates its postings with the same functions the DuckDB path calls; the result is
written as Parquet, which DuckDB loads (:func:`~certpath.market.postings.load_parquet`) and
:class:`SparkEngine` queries with the same named SQL. ``pyspark`` (the ``spark`` extra) is
imported only when a function here is called.

Reading differs from :func:`~certpath.market.postings.read_postings` in a few ways, all outside
what the postings and their aggregates depend on:

- CSV is parsed by Spark's reader (quoted commas, doubled quotes and newlines inside quotes are
  read as Python's ``csv`` module reads them). Line numbers count the newlines inside fields,
  but Spark skips blank lines unseen, so after a blank line they run short by one. Files must
  be UTF-8 (the DuckDB path falls back to Windows-1252); a space before an opening quote, or a
  carriage return inside a quoted field, may be read differently.
- JSONL is read line by line and each line parsed by the DuckDB path's own function, so lines
  and values are the same (a line is ended by ``\\n``, ``\\r\\n`` or ``\\r`` only).
- JSON-LD and HTML files hold few postings: they are read on the driver, then spread.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from certpath.errors import DocumentError, InputError, MissingExtraError
from certpath.market.postings import (
    PARQUET_TABLES,
    BadRow,
    ColumnMapping,
    FileReport,
    PostingRecord,
    already_ingested,
    file_sha256,
    jobposting_items,
    jsonl_item,
    load_parquet,
    posting_cert_rows,
    posting_document,
    posting_id,
    posting_record,
    posting_row,
    postings_format,
    record_ingested_file,
)
from certpath.market.queries import parameters, query

if TYPE_CHECKING:
    from certpath.extract.pipeline import Extractor
    from certpath.market.certmentions import CertMatcher
    from certpath.market.classify import TitleClassifier
    from certpath.market.store import MarketStore

__all__ = [
    "SparkEngine",
    "SparkIngestReport",
    "ingest_postings_spark",
    "ingest_postings_spark_into",
    "spark_session",
]

NO_JAVA = (
    "the Spark engine needs Java (a JDK or JRE 17 or newer): install one, e.g. "
    "`apt-get install -y openjdk-17-jre-headless`, and set JAVA_HOME to it "
    "(e.g. export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64)"
)
_LOG_CONFIG = Path(__file__).with_name("spark-log4j2.properties")
_LOCAL = re.compile(r"local(?:\[(\d+|\*)(?:,\d+)?\])?")
_CORRUPT = "_certpath_malformed"
_PACKAGED_TABLES = ("demand_aggregates", "cooccurrence_aggregates", "cert_aggregates")

# Spark DDL of the Parquet the engine writes: the DuckDB tables' columns and types, in order.
_POSTINGS_DDL = (
    "posting_id STRING, source STRING, source_line INT, title STRING, company STRING, "
    "location STRING, posted_date DATE, period STRING, year INT, role STRING, "
    "role_confidence DOUBLE, seniority STRING, description STRING"
)
_ANNOTATED_DDL = (
    _POSTINGS_DDL + ", file_index INT, "
    "skills ARRAY<STRUCT<skill: STRING, strength: STRING, years: DOUBLE, confidence: DOUBLE, "
    "inferred: BOOLEAN>>, certs ARRAY<STRUCT<cert: STRING, ecosystem: STRING, generic: BOOLEAN>>, "
    "note STRING"
)
_POSTING_NAMES = [part.split()[0] for part in _POSTINGS_DDL.split(", ")]

Item = tuple[int, int, Mapping[str, Any] | BadRow]
"""A row as read: (file index, line, field values or why it is no posting)."""


# --------------------------------------------------------------------------- session


def spark_session(master: str = "local[*]", *, partitions: int | None = None) -> Any:
    """A SparkSession for certpath: no web UI, errors-only logging, this Python on workers.

    Args:
        master: ``local[*]`` (every core of this machine), ``local[N]``, or a cluster URL
            such as ``spark://host:7077`` (whose workers need certpath installed).
        partitions: shuffle partitions (default: twice the local cores; Spark's default on
            a cluster).

    Raises:
        MissingExtraError: pyspark is not installed.
        InputError: no Java to run Spark with.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise MissingExtraError("the Spark engine", "spark") from None
    _check_java()
    builder = (
        SparkSession.builder.master(master)
        .appName("certpath")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={_LOG_CONFIG}")
    )
    local = _LOCAL.fullmatch(master)
    if local:
        cores = os.cpu_count() or 1
        if local.group(1) and local.group(1) != "*":
            cores = int(local.group(1))
        partitions = partitions or max(2, 2 * cores)
        # local workers run this interpreter, so they import the same certpath; PySpark reads
        # the variable when the context starts (a value the user set is kept)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(partitions))
    try:
        session = builder.getOrCreate()
    except Exception as error:  # pyspark raises PySparkRuntimeError when no JVM starts
        if "JAVA_GATEWAY_EXITED" in str(error) or "Java gateway" in str(error):
            raise InputError(f"{NO_JAVA} ({error})") from None
        raise
    session.sparkContext.setLogLevel("ERROR")
    return session


def _check_java() -> None:
    # JAVA_HOME is Spark's own variable (not a certpath setting): read only to explain a failure
    home = os.environ.get("JAVA_HOME")
    if home:
        if not (Path(home) / "bin" / "java").is_file():
            raise InputError(f"{NO_JAVA}; JAVA_HOME={home} holds no bin/java")
    elif shutil.which("java") is None:
        raise InputError(NO_JAVA)


# --------------------------------------------------------------------------- ingest


@dataclass
class SparkIngestReport:
    """What an ingest on Spark did: one report per file, and the Parquet written."""

    out_dir: str
    master: str
    files: list[FileReport] = field(default_factory=list)
    postings: int = 0
    skill_rows: int = 0
    cert_rows: int = 0
    seconds: float = 0.0
    already_stored: int = 0  # postings written but already in the store (set when loaded)

    @property
    def added(self) -> int:
        return self.postings - self.already_stored

    def to_dict(self) -> dict[str, Any]:
        return {
            "engine": "spark",
            "master": self.master,
            "out_dir": self.out_dir,
            "seconds": round(self.seconds, 2),
            "postings": self.postings,
            "skill_rows": self.skill_rows,
            "cert_rows": self.cert_rows,
            "already_stored": self.already_stored,
            "files": [f.to_dict() for f in self.files],
        }


def ingest_postings_spark(
    paths: Sequence[Path],
    mapping: ColumnMapping | None,
    out_dir: Path,
    *,
    master: str = "local[*]",
    catalog_dir: Path | None = None,
    session: Any = None,
) -> SparkIngestReport:
    """Ingest postings files on Spark and write them as Parquet.

    The same postings, skills and certifications as :func:`~certpath.market.postings.
    ingest_postings` writes to DuckDB, under ``out_dir/postings/``, ``out_dir/posting_skills/``
    and ``out_dir/posting_certs/`` (replaced when present). Of duplicates (same normalised
    title and description) the first is kept: the earliest file in ``paths``, then the
    earliest line, as the DuckDB path keeps it.

    Args:
        paths: the files (CSV, TSV, JSONL, Parquet, JobPosting JSON/HTML; ``.gz`` too).
        mapping: which columns hold which fields (None: common header names).
        out_dir: the folder to write the Parquet folders into.
        master: where Spark runs, when no ``session`` is given.
        catalog_dir: the catalog folder each worker loads (None: packaged).
        session: a SparkSession to use (left running); by default one is started and stopped.

    Returns:
        One report per file (rows read, postings kept, duplicates, bad rows) and the totals.

    Raises:
        InputError: a file is missing, of an unknown kind, or lacks a mapped column.
    """
    mapping = mapping or ColumnMapping()
    for path in paths:
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        postings_format(path)  # an unknown kind fails before Spark starts
    spark = session if session is not None else spark_session(master)
    try:
        return _ingest(spark, list(paths), mapping, out_dir, master, catalog_dir)
    finally:
        if session is None:
            spark.stop()


def ingest_postings_spark_into(
    store: MarketStore,
    paths: Sequence[Path],
    mapping: ColumnMapping | None,
    out_dir: Path,
    *,
    master: str = "local[*]",
    catalog_dir: Path | None = None,
    session: Any = None,
) -> SparkIngestReport:
    """Ingest on Spark, then load the Parquet into the DuckDB store so every question answers.

    A file ingested before (same bytes) adds nothing, as with the DuckDB path; postings already
    in the store are kept as they are (counted in ``already_stored``).
    """
    fresh: list[Path] = []
    skipped: dict[int, FileReport] = {}
    for number, path in enumerate(paths):
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        digest = file_sha256(path)
        if already_ingested(store, digest):
            skipped[number] = FileReport(str(path), digest, already_ingested=True)
        else:
            fresh.append(path)
    if fresh:
        report = ingest_postings_spark(
            fresh, mapping, out_dir, master=master, catalog_dir=catalog_dir, session=session
        )
        _added, report.already_stored = load_parquet(store, out_dir)
        for file_report in report.files:
            record_ingested_file(store, file_report)
    else:
        report = SparkIngestReport(str(out_dir), master)
    done = iter(report.files)
    report.files = [skipped[n] if n in skipped else next(done) for n in range(len(paths))]
    return report


def _ingest(
    spark: Any,
    paths: list[Path],
    mapping: ColumnMapping,
    out_dir: Path,
    master: str,
    catalog_dir: Path | None,
) -> SparkIngestReport:
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    started = time.perf_counter()
    context = spark.sparkContext
    reports = [FileReport(str(path), file_sha256(path)) for path in paths]
    items = context.union(
        [_items(spark, path, number, mapping) for number, path in enumerate(paths)]
    )
    records = items.mapPartitions(partial(_records, mapping=mapping)).persist(
        StorageLevel.MEMORY_AND_DISK
    )
    try:
        for (number, kind), count in records.map(_tally).countByValue().items():
            report = reports[number]
            report.rows_read += count
            if kind == "undated":
                report.notes.append(f"{count} posting(s) carry no usable date (no period or year)")
        bad = records.filter(lambda r: r[0] is None).map(lambda r: (r[1], r[3])).collect()
        for number, row in sorted(bad, key=lambda item: (item[0], item[1].line)):
            reports[number].bad_rows.append(row)
        winners = (
            records.filter(lambda r: r[0] is not None)
            .map(lambda r: (r[0], (r[1], r[2], r[3])))
            .reduceByKey(_first, numPartitions=max(2, context.defaultParallelism * 4))
        )
        sources = [(path.name, str(path)) for path in paths]
        annotated = winners.mapPartitions(
            partial(_annotate, sources=sources, catalog_dir=catalog_dir)
        )
        frame = spark.createDataFrame(annotated, _ANNOTATED_DDL, verifySchema=False).persist(
            StorageLevel.MEMORY_AND_DISK
        )
        try:
            frame.select(*_POSTING_NAMES).write.mode("overwrite").parquet(str(out_dir / "postings"))
            for table, column in (("posting_skills", "skills"), ("posting_certs", "certs")):
                frame.select("posting_id", F.explode(column).alias("row")).select(
                    "posting_id", "row.*"
                ).write.mode("overwrite").parquet(str(out_dir / table))
            stats = frame.groupBy("file_index").agg(
                F.count(F.lit(1)).alias("added"),
                F.count("role").alias("classified"),
                F.sum(F.size("skills")).alias("skills"),
                F.sum(F.size("certs")).alias("certs"),
            )
            for row in stats.collect():
                report = reports[int(row["file_index"])]
                report.added = int(row["added"])
                report.classified = int(row["classified"])
                report.skill_rows = int(row["skills"])
                report.cert_rows = int(row["certs"])
            notes = frame.where(F.col("note").isNotNull()).select("file_index", "note")
            for row in notes.limit(1000).collect():
                reports[int(row["file_index"])].notes.append(str(row["note"]))
        finally:
            frame.unpersist()
    finally:
        records.unpersist()
    for report in reports:
        report.duplicates_in_file = report.rows_read - len(report.bad_rows) - report.added
    return SparkIngestReport(
        str(out_dir),
        master,
        reports,
        postings=sum(r.added for r in reports),
        skill_rows=sum(r.skill_rows for r in reports),
        cert_rows=sum(r.cert_rows for r in reports),
        seconds=time.perf_counter() - started,
    )


def _items(spark: Any, path: Path, number: int, mapping: ColumnMapping) -> Any:
    """An RDD of one file's rows as :data:`Item`, read by Spark."""
    kind = postings_format(path)
    if kind == "csv":
        return _csv_rdd(spark, path, number, mapping)
    if kind == "jsonl":
        lines = spark.read.text(str(path)).rdd.zipWithIndex()
        return lines.map(partial(_jsonl_row, number=number, mapping=mapping, source=str(path)))
    if kind == "parquet":
        frame = spark.read.parquet(str(path))
        wanted = _wanted(mapping, list(frame.columns), path)
        return frame.rdd.zipWithIndex().map(partial(_value_row, number=number, wanted=wanted))
    # JSON-LD and HTML pages hold few postings each: read on the driver, extracted in parallel
    rows = [(number, line, item) for line, item in jobposting_items(path)]
    return spark.sparkContext.parallelize(rows, 1)


def _wanted(mapping: ColumnMapping, headers: list[str], path: Path) -> list[tuple[str, int]]:
    columns = mapping.resolve(headers, str(path))
    if columns["title"] is None and columns["description"] is None:
        raise InputError(
            f"{path}: no title or description column; map one with --map title=HEADER "
            "or --map description=HEADER (columns: " + ", ".join(repr(h) for h in headers) + ")"
        )
    return [(name, headers.index(col)) for name, col in columns.items() if col is not None]


def _csv_rdd(spark: Any, path: Path, number: int, mapping: ColumnMapping) -> Any:
    from pyspark.sql.types import StringType, StructField, StructType

    delimiter = "\t" if ".tsv" in path.name.lower() else ","
    options = {
        "header": True,
        "multiLine": True,  # newlines inside quoted fields
        "escape": '"',  # "" inside quotes is a quote, as in Python's csv
        "sep": delimiter,
        "encoding": "UTF-8",
        "mode": "PERMISSIVE",
    }
    headers = list(spark.read.options(**options).csv(str(path)).columns)
    if not headers:
        return spark.sparkContext.emptyRDD()
    names = [headers[0].removeprefix("\ufeff"), *headers[1:]]
    wanted = _wanted(mapping, names, path)
    # every column read as text, and rows whose field count differs from the header's
    # kept whole in one more column, to report them as the csv reader does
    schema = StructType(
        [StructField(h, StringType()) for h in headers] + [StructField(_CORRUPT, StringType())]
    )
    frame = (
        spark.read.options(**options, columnNameOfCorruptRecord=_CORRUPT)
        .schema(schema)
        .csv(str(path))
    )
    rows = frame.rdd
    # A record's first line is 2 (after the header) plus the lines of the records before it,
    # each one line plus the newlines inside its quoted fields. Spark reads a multi-line CSV
    # file as one partition; were there several, each partition's first line is summed first.
    starts = [2]
    if rows.getNumPartitions() > 1:
        for count in rows.mapPartitions(lambda part: [sum(_lines(row) for row in part)]).collect():
            starts.append(starts[-1] + count)
    read = partial(
        _csv_rows,
        starts=starts,
        number=number,
        wanted=wanted,
        width=len(headers),
        delimiter=delimiter,
    )
    return rows.mapPartitionsWithIndex(read)


def _lines(row: Any) -> int:
    """The physical lines a CSV record spans (blank lines between records are not seen)."""
    text = row[-1] if row[-1] is not None else "".join(v for v in row[:-1] if v)
    return 1 + text.count("\n") + text.count("\r") - text.count("\r\n")


def _csv_rows(
    partition: int,
    rows: Iterable[Any],
    *,
    starts: list[int],
    number: int,
    wanted: list[tuple[str, int]],
    width: int,
    delimiter: str,
) -> Iterator[Item]:
    line = starts[partition]
    for row in rows:
        start, line = line, line + _lines(row)
        malformed = row[width]
        if malformed is not None:
            if not malformed.strip():
                continue  # a blank line is no row
            fields = next(csv.reader(io.StringIO(malformed, newline=""), delimiter=delimiter), [])
            reason = f"has {len(fields)} field(s), the header has {width}"
            yield number, start, BadRow(start, reason)
        elif width > 1 or (row[0] or "").strip():
            yield number, start, {name: row[position] for name, position in wanted}


def _jsonl_row(
    pair: tuple[Any, int], *, number: int, mapping: ColumnMapping, source: str
) -> Item | None:
    row, index = pair
    raw = str(row[0])
    if index == 0:
        raw = raw.removeprefix("\ufeff")
    item = jsonl_item(index + 1, raw, mapping, source)
    return None if item is None else (number, index + 1, item)


def _value_row(pair: tuple[Any, int], *, number: int, wanted: list[tuple[str, int]]) -> Item:
    row, index = pair
    return number, index + 1, {name: row[position] for name, position in wanted}


def _records(
    items: Iterable[Item | None], mapping: ColumnMapping
) -> Iterator[tuple[str | None, int, int, PostingRecord | BadRow]]:
    """(posting id or None for a bad row, file index, line, record) per row read."""
    for item in items:
        if item is None:
            continue
        number, line, values = item
        record = values if isinstance(values, BadRow) else posting_record(line, values, mapping)
        if isinstance(record, BadRow):
            yield None, number, line, BadRow(line, record.reason)
        else:
            yield posting_id(record.title, record.description), number, line, record


def _tally(record: tuple[str | None, int, int, PostingRecord | BadRow]) -> tuple[int, str]:
    key, number, _line, item = record
    if key is None:
        return number, "bad"
    return number, "undated" if isinstance(item, PostingRecord) and item.year is None else "dated"


def _first(
    a: tuple[int, int, PostingRecord], b: tuple[int, int, PostingRecord]
) -> tuple[int, int, PostingRecord]:
    """Of two copies of a posting, the one read first (earlier file, then earlier line)."""
    return a if (a[0], a[1]) <= (b[0], b[1]) else b


@lru_cache(maxsize=2)
def _annotators(catalog_dir: Path | None) -> tuple[TitleClassifier, Extractor, CertMatcher]:
    """Built once per worker process (workers are reused across partitions and stages)."""
    from certpath.catalog import load_catalog
    from certpath.extract.pipeline import Extractor
    from certpath.market.certmentions import CertMatcher
    from certpath.market.classify import TitleClassifier

    catalog = load_catalog(catalog_dir)
    return TitleClassifier(catalog), Extractor(catalog), CertMatcher(catalog)


def _annotate(
    postings: Iterable[tuple[str, tuple[int, int, PostingRecord]]],
    *,
    sources: list[tuple[str, str]],
    catalog_dir: Path | None,
) -> Iterator[tuple[Any, ...]]:
    """Classify, extract and name certifications, as the DuckDB path does, per posting."""
    from certpath.extract.pipeline import skill_rows

    classify, extractor, find_certs = _annotators(catalog_dir)
    for key, (number, _line, record) in postings:
        name, source = sources[number]
        found = classify(record.title)
        row = posting_row(key, name, record, found.role, float(found.confidence))
        skills = skill_rows(extractor, posting_document(record, source))
        note = None
        if isinstance(skills, DocumentError):
            note = f"line {record.line}: skills not extracted ({skills})"
            skills = []
        certs = [row[1:] for row in posting_cert_rows(key, find_certs(record.text))]
        yield (*row, number, skills, certs, note)


# --------------------------------------------------------------------------- questions


class SparkEngine:
    """Named queries on Spark over the Parquet the Spark ingest wrote.

    The Parquet folders become temporary views named like the DuckDB tables, so
    :meth:`run` executes the very text DuckDB runs; the question functions of
    :mod:`certpath.market.demand` take a SparkEngine where they take a store. The packaged
    aggregates (for filters no ingested posting matches) are loaded on first use.

    Args:
        folder: holds ``postings/``, ``posting_skills/`` and ``posting_certs/``.
        master: where Spark runs, when no ``session`` is given.
        session: a SparkSession to use (left running); by default one is started, and
            stopped by :meth:`close`.

    Examples:
        >>> from pathlib import Path
        >>> SparkEngine(Path("/nowhere"))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        certpath.errors.InputError: /nowhere: no postings/ Parquet folder; write one with ...
    """

    def __init__(self, folder: Path, master: str = "local[*]", *, session: Any = None) -> None:
        for table in PARQUET_TABLES:
            if not (folder / table).is_dir():
                raise InputError(
                    f"{folder}: no {table}/ Parquet folder; write one with "
                    "`certpath market ingest postings FILE --engine spark --out DIR`"
                )
        self.folder = folder
        self.session = session if session is not None else spark_session(master)
        self._owned = session is None
        self._packaged = False
        for table in PARQUET_TABLES:
            self.session.read.parquet(str(folder / table)).createOrReplaceTempView(table)

    def run(self, name: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a named query with named parameters; rows as dictionaries."""
        text = query(name, "spark")
        if not self._packaged and any(table in text for table in _PACKAGED_TABLES):
            self._register_packaged()
        given = dict(params or {})
        args = {key: given[key] for key in parameters(name) if key in given}
        rows = self.session.sql(text, args=args).collect()
        return [dict(row.asDict()) for row in rows]

    def _register_packaged(self) -> None:
        from certpath.market.postings import seed_default_demand
        from certpath.market.store import MarketStore

        with MarketStore(":memory:") as store:
            seed_default_demand(store)
            for table in _PACKAGED_TABLES:
                relation = store.connection.table(table)
                ddl = ", ".join(
                    f"{column} {_SPARK_TYPES[str(kind)]}"
                    for column, kind in zip(relation.columns, relation.types, strict=True)
                )
                rows = relation.fetchall()
                frame = self.session.createDataFrame(rows, ddl, verifySchema=False)
                frame.createOrReplaceTempView(table)
        self._packaged = True

    def close(self) -> None:
        """Stop the Spark session when this engine started it."""
        if self._owned:
            self.session.stop()

    def __enter__(self) -> SparkEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_SPARK_TYPES = {"VARCHAR": "STRING", "INTEGER": "INT", "BOOLEAN": "BOOLEAN", "DOUBLE": "DOUBLE"}
