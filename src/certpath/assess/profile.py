"""Who the person is: a profile file or a resume -> :class:`~certpath.assess.models.Profile`.

First step of assessment. A YAML/JSON profile names skills directly (resolved through the
catalog's ids, labels and aliases); any other source goes through the extraction engine, and
the title, years of experience and location are read from the document with the heuristics
documented on :func:`profile_from_extraction`. Overrides from the caller win over the file,
and every default applied is written into ``defaults_applied`` in words.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypedDict, Unpack, get_args

import yaml
from pydantic import ValidationError

from certpath.assess.models import EcosystemChoice, Profile, ProfileSkill
from certpath.catalog.checks import normalize_form
from certpath.catalog.loader import CatalogYamlLoader
from certpath.catalog.models import Stage
from certpath.catalog.query import find_role
from certpath.errors import InputError
from certpath.extract.document import SectionKind
from certpath.market.classify import TitleClassifier

if TYPE_CHECKING:
    from certpath.catalog.loader import Catalog
    from certpath.extract.pipeline import Extraction, Kind, Source

DEFAULT_HOURS_PER_WEEK = 8.0
DEFAULT_BUDGET_USD = 500.0

PROFILE_KEYS = (
    "name",
    "skills",
    "current_title",
    "years_experience",
    "location",
    "target_role",
    "ecosystem",
    "hours_per_week",
    "budget_usd",
    "deadline",
    "start",
    "stage",
)
"""The keys a profile file may hold."""

_PROFILE_SUFFIXES = (".yaml", ".yml")
_ECOSYSTEMS: tuple[str, ...] = get_args(EcosystemChoice)


class ProfileOverrides(TypedDict, total=False):
    """Preferences given next to the profile (CLI options, web form); they win over the file.

    ``None`` means "not given" so that an interface can pass every option through.
    """

    target: str | None
    cloud: str | None
    hours: float | None
    budget: float | None
    deadline: dt.date | str | None
    start: dt.date | str | None
    location: str | None
    stage: str | None


class ProfileReader(Protocol):
    """What :func:`load_profile` needs: the catalog, the extraction engine and today's date
    (satisfied by :class:`certpath.api.Navigator`)."""

    @property
    def catalog(self) -> Catalog: ...

    @property
    def today(self) -> dt.date: ...

    def extract(
        self, source: Source, *, name: str | None = None, kind: Kind | None = None
    ) -> Extraction: ...


ProfileSource = str | bytes | os.PathLike[str] | Mapping[str, Any]


def load_profile(
    source: ProfileSource | Profile, reader: ProfileReader, **overrides: Unpack[ProfileOverrides]
) -> Profile:
    """Read a profile file, a profile mapping, or any resume the extraction engine reads.

    Args:
        source: a path (``.yaml``/``.yml``/``.json`` profile, or a resume in any readable
            format), a mapping with :data:`PROFILE_KEYS`, resume bytes, resume text, or a
            Profile already read (then only the overrides are applied).
        reader: the catalog, extraction engine and date (a :class:`~certpath.api.Navigator`).
        **overrides: see :class:`ProfileOverrides`; given values win over the file.

    Raises:
        InputError: unknown keys or skills (with "did you mean"), bad values, a deadline
            before the start.
        NotFoundError: a target role that is not in the catalog.
        DocumentError: a resume that cannot be read.

    Examples:
        >>> from certpath import Navigator
        >>> p = load_profile({"skills": ["python", "SQL"], "hours_per_week": 10}, Navigator())
        >>> [s.skill for s in p.skills], p.hours_per_week, p.budget_usd
        (['python', 'sql'], 10.0, 500.0)
    """
    unknown = set(overrides) - set(ProfileOverrides.__annotations__)
    if unknown:
        raise InputError(f"unknown profile option(s): {', '.join(sorted(unknown))}")
    catalog = reader.catalog
    given = _checked_overrides(overrides)
    if isinstance(source, Profile):
        return override_profile(source, given, catalog)
    data = _profile_data(source)
    if data is not None:
        fields = profile_fields(data, catalog)
        label = str(source) if isinstance(source, str | os.PathLike) else "<profile>"
    else:
        extraction = reader.extract(_resume_source(source), kind="resume")
        fields = profile_from_extraction(extraction, catalog, reader.today)
        label = extraction.document.source
    fields = apply_overrides(fields, given, catalog)
    if fields.get("current_title"):
        fields["current_role"] = TitleClassifier(catalog)(str(fields["current_title"])).role
    return finish_profile(fields, label, reader.today)


# --------------------------------------------------------------------------- profile files


def _profile_data(source: ProfileSource) -> Mapping[str, Any] | None:
    """The profile mapping when ``source`` is a profile, else None (a resume)."""
    if isinstance(source, Mapping):
        return source
    path: Path | None = None
    if isinstance(source, os.PathLike):
        path = Path(source)
    elif isinstance(source, str) and "\n" not in source and len(source) < 4096:
        candidate = Path(source)
        path = candidate if candidate.suffix.lower() in (*_PROFILE_SUFFIXES, ".json") else None
    if path is None or path.suffix.lower() not in (*_PROFILE_SUFFIXES, ".json"):
        return None
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(f"{path}: not valid JSON ({error})") from None
        return data if _is_profile(data) else None  # a JSON Resume goes to extraction
    data = _load_yaml(text, path)
    if not isinstance(data, Mapping):
        raise InputError(f"{path}: a profile is a mapping with keys {', '.join(PROFILE_KEYS)}")
    return data


def _load_yaml(text: str, path: Path) -> Any:
    # The catalog's loader keeps "no" (Norway) a string and refuses silent duplicate keys.
    loader = CatalogYamlLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as error:
        raise InputError(f"{path}: not valid YAML ({error})") from None
    finally:
        loader.dispose()
    if loader.duplicate_keys:
        keys = ", ".join(f"{key!r} (line {line})" for key, line in loader.duplicate_keys)
        raise InputError(f"{path}: duplicate key(s) {keys}")
    return data


def _is_profile(data: object) -> bool:
    """A JSON profile, as opposed to a JSON Resume or a posting."""
    if not isinstance(data, dict) or "basics" in data or "work" in data or "@type" in data:
        return False
    skills = data.get("skills")
    named = isinstance(skills, list) and all(
        isinstance(item, str) or (isinstance(item, dict) and "skill" in item) for item in skills
    )
    return named or bool(set(data) & (set(PROFILE_KEYS) - {"name", "skills"}))


def _resume_source(source: ProfileSource) -> Source:
    if isinstance(source, Mapping):  # unreachable: mappings are profiles
        raise InputError("a mapping is read as a profile")
    return source


def profile_fields(data: Mapping[str, Any], catalog: Catalog) -> dict[str, Any]:
    """Check a profile mapping and resolve its skill names; every problem in one InputError."""
    problems: list[str] = []
    unknown_keys = [str(key) for key in data if key not in PROFILE_KEYS]
    for key in unknown_keys:
        hint = difflib.get_close_matches(key, PROFILE_KEYS, n=1)
        problems.append(f"unknown key {key!r}" + (f" (did you mean {hint[0]!r}?)" if hint else ""))
    fields = {key: value for key, value in data.items() if key in PROFILE_KEYS}
    raw_skills = fields.pop("skills", None) or []
    if not isinstance(raw_skills, list):
        problems.append("skills: a list of skill names or {skill, years} mappings")
        raw_skills = []
    skills, skill_problems = resolve_skills(raw_skills, catalog)
    problems += skill_problems
    if problems:
        raise InputError("the profile has problems:\n  " + "\n  ".join(problems))
    fields["skills"] = skills
    if fields.get("target_role") is not None:
        fields["target_role"] = find_role(catalog, str(fields["target_role"])).id
    return fields


def resolve_skills(raw: Sequence[Any], catalog: Catalog) -> tuple[list[ProfileSkill], list[str]]:
    """Skill names (ids, labels or aliases) -> profile skills, and the problems found."""
    index = _skill_index(catalog)
    skills: dict[str, ProfileSkill] = {}
    unknown: list[str] = []
    problems: list[str] = []
    for position, item in enumerate(raw):
        name: Any = item if isinstance(item, str | int | float) else None
        years: Any = None
        if isinstance(item, Mapping):
            name, years = item.get("skill"), item.get("years")
            extra = set(item) - {"skill", "years"}
            if extra:
                problems.append(f"skills[{position}]: unknown key(s) {', '.join(sorted(extra))}")
        if name is None or not str(name).strip():
            problems.append(f"skills[{position}]: a skill name, or a mapping with 'skill'")
            continue
        skill_id = index.get(normalize_form(str(name)))
        if skill_id is None:
            unknown.append(str(name))
            continue
        if years is not None and (not isinstance(years, int | float) or years < 0):
            problems.append(f"skills[{position}] ({name}): years must be a number >= 0")
            years = None
        if skill_id not in skills:
            skills[skill_id] = ProfileSkill(
                skill=skill_id, years=years, evidence=f"stated in the profile: {name}"
            )
    if unknown:
        problems.append(_unknown_skills(unknown, index))
    return list(skills.values()), problems


_INDEXES: dict[int, tuple[Catalog, dict[str, str]]] = {}


def _skill_index(catalog: Catalog) -> dict[str, str]:
    """Normalised id, label and alias -> skill id, built once per catalog object."""
    cached = _INDEXES.get(id(catalog))
    if cached is not None and cached[0] is catalog:
        return cached[1]
    index: dict[str, str] = {}
    for skill in catalog.skills.values():
        index.setdefault(normalize_form(skill.id), skill.id)
        for form in skill.surface_forms():
            index.setdefault(normalize_form(form.text), skill.id)
    _INDEXES[id(catalog)] = (catalog, index)
    return index


def _unknown_skills(names: list[str], index: Mapping[str, str]) -> str:
    parts = []
    for name in names:
        hits = difflib.get_close_matches(normalize_form(name), list(index), n=3, cutoff=0.7)
        ids = list(dict.fromkeys(index[hit] for hit in hits))
        parts.append(f"{name!r}" + (f" (did you mean {', '.join(ids)}?)" if ids else ""))
    return (
        "unknown skill(s): " + "; ".join(parts) + " - list them with `certpath skills search TEXT`"
    )


# --------------------------------------------------------------------------- resumes

_LEADERSHIP_OR_JOB = re.compile(
    r"\b(?:engineer|developer|analyst|scientist|manager|director|head|lead|consultant|architect|"
    r"officer|specialist|administrator|coordinator|researcher|designer|programmer|student|"
    r"intern|associate|vp|president|founder|owner|teacher|nurse|accountant|technician|"
    r"executive|advisor|adviser|strategist|officer|owner|chief|cto|ceo|cio|cdo|caio)\b",
    re.IGNORECASE,
)
_CONTACT = re.compile(r"@|https?://|www\.|\+?\d[\d\s().-]{6,}")
_MONTHS = {
    month: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for month in names
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH = r"(?:\b(?P<{0}m>" + _MONTH_NAMES + r")\.?\s+)?"
_YEAR = r"(?P<{0}y>(?:19|20)\d{{2}})(?:[-/](?P<{0}n>0[1-9]|1[0-2])(?:[-/]\d{{2}})?)?(?!\d)"
_RANGE = re.compile(
    _MONTH.format("a")
    + _YEAR.format("a")
    + r"\s*(?:-|–|—|to|until)\s*(?:"
    + _MONTH.format("b")
    + _YEAR.format("b")
    + r"|(?P<now>present|current|now|today|ongoing))",
    re.IGNORECASE,
)
_STATED_YEARS = re.compile(
    r"\b(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?)\s+(?:of\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:experience|exp\b)",
    re.IGNORECASE,
)
_COUNTRY = re.compile(r"^[A-Z]{2}$")


def profile_from_extraction(
    extraction: Extraction, catalog: Catalog, today: dt.date
) -> dict[str, Any]:
    """The profile fields a resume shows.

    Heuristics, in order:

    * **skills**: every skill the extraction engine found, explicit mentions and the parents
      they imply (PyTorch -> deep learning), each with the resume line that shows it.
    * **current title**: the JSON Resume ``basics.label`` or LinkedIn headline when present;
      else the first of the opening lines (before any section, skipping the name and contact
      lines) that reads like a job title; else the first position's title.
    * **years of experience**: the union of the date ranges in experience lines ("2019 – 2023",
      "Mar 2019 - present", "2019-03 – 2021-05"; overlapping jobs counted once; education
      excluded), or the largest "N years of experience" the text states, whichever is larger.
    * **location**: a two-letter country code at the end of the location the resume states.
    """
    document = extraction.document
    metadata = document.metadata
    skills: dict[str, ProfileSkill] = {}
    for summary in extraction.skills:
        if summary.skill in catalog.skills and summary.skill not in skills:
            skills[summary.skill] = ProfileSkill(
                skill=summary.skill, years=summary.years, evidence=summary.evidence or None
            )
    fields: dict[str, Any] = {"skills": list(skills.values())}
    name = _string(metadata.get("name"))
    if name:
        fields["name"] = name
    title = _title(document.text, metadata, name)
    if title:
        fields["current_title"] = title
    years = years_of_experience(document.text, _experience_spans(extraction), today)
    if years is not None:
        fields["years_experience"] = years
    country = _country(_string(metadata.get("location")))
    if country:
        fields["location"] = country
    return fields


def _string(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _title(text: str, metadata: Mapping[str, Any], name: str) -> str | None:
    label = _string(metadata.get("label"))
    if label:
        return label[:120]
    for line in text.splitlines()[:6]:
        line = " ".join(line.strip(" -•*#|").split())
        if not line or line == name or _CONTACT.search(line) or len(line) > 100:
            continue
        if _LEADERSHIP_OR_JOB.search(line):
            # "Jane Doe — Operations Analyst" or "Operations Analyst | Berlin"
            parts = [p.strip() for p in re.split(r"\s+[|·•—–-]\s+|,\s+", line) if p.strip()]
            for part in parts:
                if _LEADERSHIP_OR_JOB.search(part):
                    return part[:120]
    positions = metadata.get("positions")
    if isinstance(positions, list) and positions and isinstance(positions[0], Mapping):
        return _string(positions[0].get("title")) or None
    return None


def _experience_spans(extraction: Extraction) -> list[tuple[int, int]]:
    sections = extraction.document.sections
    experience = [(s.start, s.end) for s in sections if s.kind == SectionKind.EXPERIENCE]
    if experience:
        return experience
    text_end = len(extraction.document.text)
    skipped = {SectionKind.EDUCATION, SectionKind.CERTIFICATIONS, SectionKind.PROJECTS}
    spans = [(s.start, s.end) for s in sections if s.kind not in skipped]
    return spans or [(0, text_end)]


def years_of_experience(
    text: str, spans: Sequence[tuple[int, int]], today: dt.date
) -> float | None:
    """Years of work the text shows (see :func:`profile_from_extraction`), to half a year.

    Examples:
        >>> text = "Analyst, Acme (2016 - 2019)\\nLead, Beta (2018 – present)"
        >>> years_of_experience(text, [(0, len(text))], dt.date(2026, 1, 1))
        10.0
        >>> years_of_experience("5+ years of experience in SQL", [(0, 29)], dt.date(2026, 1, 1))
        5.0
    """
    now = today.year + (today.month - 1) / 12
    intervals: list[tuple[float, float]] = []
    for start, end in spans:
        for found in _RANGE.finditer(text, start, end):
            begin = _point(found, "a")
            finish = now if found.group("now") else _point(found, "b")
            if begin is None or finish is None:
                continue
            if begin <= finish <= now + 1:
                intervals.append((begin, min(finish, now)))
    ranged = _union_length(intervals) if intervals else None
    stated = [float(m.group(1)) for m in _STATED_YEARS.finditer(text)]
    stated = [years for years in stated if years <= 50]
    candidates = [value for value in (ranged, max(stated, default=None)) if value is not None]
    if not candidates:
        return None
    return round(max(candidates) * 2) / 2


def _point(found: re.Match[str], side: str) -> float | None:
    year = found.group(f"{side}y")
    if year is None:
        return None
    month = 1
    if found.group(f"{side}n"):
        month = int(found.group(f"{side}n"))
    elif found.group(f"{side}m"):
        month = _MONTHS[found.group(f"{side}m").casefold()]
    return int(year) + (month - 1) / 12


def _union_length(intervals: list[tuple[float, float]]) -> float:
    total = 0.0
    current: tuple[float, float] | None = None
    for begin, end in sorted(intervals):
        if current is None or begin > current[1]:
            if current is not None:
                total += current[1] - current[0]
            current = (begin, end)
        else:
            current = (current[0], max(current[1], end))
    if current is not None:
        total += current[1] - current[0]
    return total


def _country(location: str) -> str | None:
    if not location:
        return None
    last = location.rsplit(",", 1)[-1].strip().upper()
    return last if _COUNTRY.match(last) else None


# --------------------------------------------------------------------------- overrides, defaults


def _checked_overrides(overrides: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in overrides.items() if value is not None}


def apply_overrides(
    fields: dict[str, Any], overrides: Mapping[str, Any], catalog: Catalog
) -> dict[str, Any]:
    """The fields with the given overrides applied (they win over the file)."""
    result = dict(fields)
    names = {
        "target": "target_role",
        "cloud": "ecosystem",
        "hours": "hours_per_week",
        "budget": "budget_usd",
        "deadline": "deadline",
        "start": "start",
        "location": "location",
        "stage": "stage",
    }
    for key, value in overrides.items():
        result[names[key]] = value
    if "target" in overrides:
        result["target_role"] = find_role(catalog, str(overrides["target"])).id
    return result


_DEFAULT_NOTES = {
    "target": "target role not given",
    "cloud": "cloud ecosystem not given",
    "hours": "hours per week not given",
    "budget": "budget not given",
    "deadline": "deadline not given",
    "start": "start date not given",
    "location": "location not given",
}


def override_profile(profile: Profile, overrides: Mapping[str, Any], catalog: Catalog) -> Profile:
    """A profile with overrides applied; the defaults they replace leave ``defaults_applied``."""
    if not overrides:
        return profile
    fields = profile.model_dump(exclude={"source", "defaults_applied"})
    fields = apply_overrides(fields, overrides, catalog)
    dropped = tuple(_DEFAULT_NOTES[key] for key in overrides if key in _DEFAULT_NOTES)
    kept = [note for note in profile.defaults_applied if not note.startswith(dropped)]
    problems: list[str] = []
    for key in ("start", "deadline"):
        fields[key] = _date(fields.get(key), key, problems)
    if isinstance(fields.get("ecosystem"), str):
        fields["ecosystem"] = fields["ecosystem"].lower()
    if isinstance(fields.get("location"), str):
        fields["location"] = fields["location"].strip().upper()
    if isinstance(fields.get("stage"), str):
        fields["stage"] = fields["stage"].lower()
    if fields.get("deadline") and fields.get("start") and fields["deadline"] <= fields["start"]:
        problems.append("the deadline is not after the start")
    if problems:
        raise InputError("the profile has problems:\n  " + "\n  ".join(problems))
    return _validated({**fields, "source": profile.source, "defaults_applied": kept})


def _validated(fields: Mapping[str, Any]) -> Profile:
    try:
        return Profile(**fields)
    except ValidationError as error:
        lines = [
            f"{'.'.join(str(part) for part in item['loc'])}: {item['msg']}"
            for item in error.errors()
        ]
        raise InputError("the profile has problems:\n  " + "\n  ".join(lines)) from None


def next_monday(day: dt.date) -> dt.date:
    """The Monday on or after ``day`` (plans start on a Monday).

    Examples:
        >>> next_monday(dt.date(2026, 11, 25)), next_monday(dt.date(2026, 11, 30))
        (datetime.date(2026, 11, 30), datetime.date(2026, 11, 30))
    """
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


def finish_profile(fields: dict[str, Any], source: str, today: dt.date) -> Profile:
    """Normalise values, apply defaults (stated in words) and validate into a Profile."""
    fields = dict(fields)
    defaults: list[str] = []
    problems: list[str] = []
    ecosystem = fields.get("ecosystem")
    if ecosystem is None:
        defaults.append(
            "cloud ecosystem not given: the best-scoring of aws, azure, gcp and databricks is "
            "chosen"
        )
    elif str(ecosystem).lower() not in _ECOSYSTEMS:
        problems.append(f"ecosystem {ecosystem!r}: use one of {', '.join(_ECOSYSTEMS)}")
    else:
        fields["ecosystem"] = str(ecosystem).lower()
    if fields.get("hours_per_week") is None:
        fields["hours_per_week"] = DEFAULT_HOURS_PER_WEEK
        defaults.append(f"hours per week not given: {DEFAULT_HOURS_PER_WEEK:g} assumed")
    if fields.get("budget_usd") is None:
        fields["budget_usd"] = DEFAULT_BUDGET_USD
        defaults.append(f"budget not given: ${DEFAULT_BUDGET_USD:,.0f} assumed")
    for key in ("start", "deadline"):
        fields[key] = _date(fields.get(key), key, problems)
    if fields.get("start") is None:
        fields["start"] = next_monday(today)
        defaults.append(
            f"start date not given: {fields['start'].isoformat()} (the Monday on or after "
            f"{today.isoformat()}) assumed"
        )
    if fields.get("deadline") is None:
        defaults.append("deadline not given: the plan takes the weeks it needs")
    elif fields["deadline"] <= fields["start"]:
        problems.append(
            f"deadline {fields['deadline'].isoformat()} is not after the start "
            f"{fields['start'].isoformat()}"
        )
    location = fields.get("location")
    if location is None:
        defaults.append("location not given: salaries are shown across all countries")
    elif not _COUNTRY.match(str(location).strip().upper()):
        problems.append(f"location {location!r}: use a two-letter country code such as US or DE")
    else:
        fields["location"] = str(location).strip().upper()
    if fields.get("target_role") is None:
        defaults.append("target role not given: the best-fitting role is the target")
    stage = fields.get("stage")
    if stage is not None:
        if str(stage).lower() not in {s.value for s in Stage}:
            problems.append(f"stage {stage!r}: use one of early, mid, leadership")
        else:
            fields["stage"] = Stage(str(stage).lower())
    if problems:
        raise InputError("the profile has problems:\n  " + "\n  ".join(problems))
    return _validated({**fields, "source": source, "defaults_applied": defaults})


def _date(value: object, key: str, problems: list[str]) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        problems.append(f"{key} {value!r}: use a date such as 2027-06-30")
        return None
