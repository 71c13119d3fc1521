"""Build helpers for the curated skills taxonomy (``src/certpath/catalog/data/skills/*.yaml``).

Two subcommands, both offline and deterministic:

``draft``
    Proposes candidate skills from public data, as a YAML file for a person to curate from. It is
    never shipped. Candidates are O*NET Technology Skills examples flagged *Hot Technology* or
    *In Demand* for the data/ML occupations in :data:`DATA_ML_SOC` (ranked by how many of those
    occupations list them), plus every entry of ``skills_dim.csv``. Each candidate carries a
    suggested kebab-case id, a label, a guessed skill type, suggested crosswalk ids, and
    ``status: curated`` with ``curated: <id>`` when a curated skill already has one of its surface
    forms (``status: new`` otherwise).

``crosswalk``
    For every curated skill, fills the *empty* crosswalk fields only (a curated value is never
    overwritten), then rewrites each skills file canonically: ``schema_version`` first, skills in
    the same order, keys in model field order, default/empty values omitted, aliases as plain
    strings when they only carry ``text``, short scalar lists inside alias contexts in flow style.
    A leading comment block is kept; a file with comments elsewhere is refused unless
    ``--drop-comments`` is given. Every rewritten file is validated with ``SkillsFile`` and
    round-tripped (the models before and after must be equal apart from the added crosswalk);
    on any difference nothing at all is written. ``--check`` reports and writes nothing.

Matching rules (exact matches only, after the normalisation stated; see the ``match_*``
functions, which are pure and importable):

* ``stackoverflow_tag``: a tag equal to a surface form casefolded with whitespace turned into
  ``-`` (``scikit-learn``, ``c++``, ``.net``); the most-asked tag wins when several forms match,
  but an alias that is only part of the label (``Lambda`` of ``AWS Lambda``) is used only when no
  other form has a tag; tags asked fewer than 50 times, and tags whose Stack Overflow meaning
  differs (``optimization``, ``ml``, ``lambda``), are ignored. Soft skills are skipped.
* ``esco_uri``: an ESCO skill whose preferred label (or alt label, when the file has them) equals a
  surface form (casefold, whitespace-normalised); preferred labels win over alt labels, which win
  over a preferred label with its trailing qualifier removed (``Python (computer programming)``),
  the latter only when the qualifier fits the skill's type. All-caps ESCO labels (``SPARK``, the
  Ada dialect) must match case-exactly.
* ``onet``: an O*NET Technology Skills example equal to a surface form (casefold) as written or
  split at a trailing acronym (``Structured query language SQL`` -> ``SQL``); then, for product
  types only (language, framework, library, platform, tool), with a trailing ``software`` removed
  (``Microsoft Azure software``), then with a vendor prefix removed (``The MathWorks MATLAB`` ->
  ``MATLAB``), never down to a generic word (``Microsoft Word`` is not ``Word``). Among several
  examples of the same rank the one most occupations list wins.

For every kind, surface forms of one or two characters only match case-exactly and only when they
are the label or a case-sensitive alias (``R``, ``Go``); aliases flagged ``ambiguous`` (common
words such as ``Spark``) are not used unless they are the label.

Inputs (``--data DIR``, normally ``../shared/data``) and licences:

* ``onet_29_2/Technology Skills.txt`` -- O*NET 29.2 Database by the U.S. Department of Labor,
  Employment and Training Administration (USDOL/ETA), CC BY 4.0. Shipped: commodity codes, commodity
  titles and example names, with attribution.
* ``esco/esco_skills_labels_api_matchkey.csv`` -- ESCO classification, (c) European Union, reuse
  allowed with attribution (Commission Decision 2011/833/EU). Shipped: concept URIs only.
* ``stackoverflow_tags/stackoverflow_tags_2021.csv`` -- Stack Overflow tags, CC BY-SA 4.0. Only
  tag names are shipped (question counts are used to choose, never stored).
* ``skills_taxonomy_misc/skills_dim.csv`` -- Apache-2.0 course data; used by ``draft`` only, as a
  reference vocabulary.

Run from the repository root::

    .venv/bin/python scripts/build_skills.py draft --data ../shared/data \\
        --out /tmp/skills_draft.yaml --skills-dir src/certpath/catalog/data/skills
    .venv/bin/python scripts/build_skills.py crosswalk --data ../shared/data \\
        --skills-dir src/certpath/catalog/data/skills --check
    .venv/bin/python scripts/build_skills.py crosswalk --data ../shared/data \\
        --skills-dir src/certpath/catalog/data/skills

Expected problems (missing folder or file, a skills file that does not load) end with a one-line
message on stderr and exit code 1.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

try:
    from certpath.catalog.models import OnetCrosswalk, Skill, SkillsFile, SkillType
except ModuleNotFoundError:  # run from a clone without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from certpath.catalog.models import OnetCrosswalk, Skill, SkillsFile, SkillType

csv.field_size_limit(10_000_000)

# --------------------------------------------------------------------------- constants

DATA_ML_SOC: tuple[str, ...] = (
    "15-2051.00",  # Data Scientists
    "15-2051.01",  # Business Intelligence Analysts
    "15-2041.00",  # Statisticians
    "15-1221.00",  # Computer and Information Research Scientists
    "15-1252.00",  # Software Developers
    "15-1243.00",  # Database Architects
    "15-1243.01",  # Data Warehousing Specialists
    "15-1211.00",  # Computer Systems Analysts
    "15-1299.08",  # Computer Systems Engineers/Architects
    "15-1299.09",  # Information Technology Project Managers
    "11-3021.00",  # Computer and Information Systems Managers
)
"""O*NET-SOC codes of the data/ML occupations whose hot technologies seed the draft."""

ONET_FILE = Path("onet_29_2/Technology Skills.txt")
ESCO_FILE = Path("esco/esco_skills_labels_api_matchkey.csv")
SO_FILE = Path("stackoverflow_tags/stackoverflow_tags_2021.csv")
SKILLS_DIM_FILE = Path("skills_taxonomy_misc/skills_dim.csv")

MIN_SO_COUNT = 50
"""Stack Overflow tags asked fewer times than this are too obscure to be a crosswalk."""

SO_MISLEADING_TAGS: frozenset[str] = frozenset(
    {"optimization", "ml", "lambda", "fabric", "word", "flow", "arch"}
)
"""Tags whose Stack Overflow meaning is not the skill of the same name (``optimization`` is code
performance, ``ml`` the ML language family, ``lambda`` anonymous functions): never matched."""

SHORT_FORM = 2
"""Surface forms this long or shorter only match case-exactly (``R``, ``C``, ``Go``)."""

TOOLISH: frozenset[SkillType] = frozenset(
    {
        SkillType.LANGUAGE,
        SkillType.FRAMEWORK,
        SkillType.LIBRARY,
        SkillType.PLATFORM,
        SkillType.TOOL,
    }
)
"""Skill types that name a product, so that a vendor-less product name may match them."""

VENDOR_PREFIXES: tuple[str, ...] = (
    "Amazon Web Services AWS",
    "Amazon Web Services",
    "The MathWorks",
    "Microsoft",
    "Amazon",
    "AWS",
    "Google",
    "IBM",
    "Oracle",
    "Apache",
    "SAP",
    "SAS",
    "Atlassian",
    "Apple",
    "Red Hat",
    "ESRI",
    "Adobe",
    "Salesforce",
    "Facebook",
    "Meta",
    "Databricks",
    "Snowflake",
    "NVIDIA",
    "Cloudera",
    "Informatica",
    "Teradata",
    "Qlik",
    "Alteryx",
    "JetBrains",
    "HashiCorp",
    "Elastic",
    "Hugging Face",
)
"""Vendor names O*NET puts before a product name (``The MathWorks MATLAB``); longest first."""

KEEP_IN_ID: frozenset[str] = frozenset({"Apache"})
"""Vendor prefixes kept in a suggested id because they are part of the usual name."""

GENERIC_WORDS: frozenset[str] = frozenset(
    {
        "access",
        "analytics",
        "bi",
        "crm",
        "erp",
        "hr",
        "cloud",
        "database",
        "dynamics",
        "enterprise",
        "office",
        "project",
        "publisher",
        "server",
        "software",
        "statistics",
        "studio",
        "teams",
        "word",
        "workflow",
    }
)
"""Words a vendor prefix may leave behind that are not a product name on their own."""

ESCO_QUALIFIER_TYPES: Mapping[str, frozenset[SkillType]] = {
    "computer programming": frozenset({SkillType.LANGUAGE}),
    "tools for software configuration management": frozenset({SkillType.TOOL}),
    "integrated development environment software": frozenset({SkillType.TOOL}),
    "database management systems": frozenset({SkillType.PLATFORM, SkillType.TOOL}),
    "graphics editor software": frozenset({SkillType.TOOL}),
    "mobile operating systems": frozenset({SkillType.PLATFORM}),
}
"""ESCO label qualifiers (``Java (computer programming)``) and the skill types they fit."""

COMMODITY_TYPES: Mapping[str, SkillType] = {
    "Object or component oriented development software": SkillType.LANGUAGE,
    "Development environment software": SkillType.TOOL,
    "Analytical or scientific software": SkillType.TOOL,
    "Data base management system software": SkillType.PLATFORM,
    "Object oriented data base management software": SkillType.PLATFORM,
    "Data base user interface and query software": SkillType.TOOL,
    "Operating system software": SkillType.PLATFORM,
    "Web platform development software": SkillType.FRAMEWORK,
    "Cloud-based management software": SkillType.PLATFORM,
    "Cloud-based data access and sharing software": SkillType.PLATFORM,
    "Application server software": SkillType.PLATFORM,
    "Enterprise resource planning ERP software": SkillType.PLATFORM,
    "Enterprise application integration software": SkillType.PLATFORM,
    "Business intelligence and data analysis software": SkillType.TOOL,
}
"""Guessed skill type by O*NET commodity title; anything else guesses ``tool``."""

SKILLS_DIM_TYPES: Mapping[str, SkillType] = {
    "programming": SkillType.LANGUAGE,
    "libraries": SkillType.LIBRARY,
    "webframeworks": SkillType.FRAMEWORK,
    "cloud": SkillType.PLATFORM,
    "databases": SkillType.PLATFORM,
    "os": SkillType.PLATFORM,
    "analyst_tools": SkillType.TOOL,
    "other": SkillType.TOOL,
    "async": SkillType.TOOL,
    "sync": SkillType.TOOL,
}
"""Guessed skill type by ``skills_dim.csv`` type."""

# --------------------------------------------------------------------------- errors and records


class BuildError(Exception):
    """An expected problem (missing input, invalid file): reported in one line, exit code 1."""


class RoundTripError(BuildError):
    """A canonical rewrite would change a skills file beyond the added crosswalk."""


@dataclass(frozen=True)
class Form:
    """One surface form of a skill, as the matchers see it."""

    text: str
    case_sensitive: bool = False
    is_label: bool = False

    @property
    def short(self) -> bool:
        return len(self.text) <= SHORT_FORM

    @property
    def trusted_short(self) -> bool:
        """A short form may match only when it is the label or a case-sensitive alias."""
        return self.is_label or self.case_sensitive


@dataclass(frozen=True)
class EscoSkill:
    uri: str
    preferred: str
    alts: tuple[str, ...] = ()


@dataclass(frozen=True)
class OnetRow:
    soc: str
    example: str
    commodity_code: str
    commodity_title: str
    hot: bool
    in_demand: bool


@dataclass(frozen=True)
class OnetExample:
    """One O*NET example with how many occupations list it (all of O*NET)."""

    example: str
    commodity_code: str
    commodity_title: str
    occupations: int

    def crosswalk(self) -> OnetCrosswalk:
        return OnetCrosswalk(
            commodity_code=self.commodity_code,
            commodity_title=self.commodity_title,
            example=self.example,
        )


@dataclass(frozen=True)
class Match:
    """A crosswalk value with the form and the source name that made it (for review)."""

    value: str
    form: str
    matched: str
    how: str


@dataclass(frozen=True)
class OnetMatch:
    example: OnetExample
    form: str
    how: str


@dataclass
class EscoIndex:
    preferred: dict[str, list[EscoSkill]] = field(default_factory=lambda: defaultdict(list))
    alt: dict[str, list[EscoSkill]] = field(default_factory=lambda: defaultdict(list))
    qualified: dict[str, list[tuple[EscoSkill, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )


OnetIndex = dict[str, list[tuple[OnetExample, str]]]
"""Casefolded name variant -> (example, how: ``exact`` or ``vendor``)."""


@dataclass(frozen=True)
class SourceData:
    so_tags: Mapping[str, int]
    esco: EscoIndex
    onet: OnetIndex


# --------------------------------------------------------------------------- normalisation


def squash(text: str) -> str:
    """NFKC, whitespace collapsed and trimmed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def fold(text: str) -> str:
    """Key for case-insensitive comparison."""
    return squash(text).casefold()


def so_key(text: str) -> str:
    """A surface form as a Stack Overflow tag name: casefold, whitespace to ``-``."""
    return fold(text).replace(" ", "-")


def kebab(text: str) -> str:
    """A suggested catalog id: ``C++`` -> ``cpp``, ``Node.js`` -> ``node-js``."""
    text = squash(text).replace("++", "pp").replace("#", "-sharp").replace("&", " and ")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:80].strip("-") or "skill"


def skill_forms(skill: Skill) -> list[Form]:
    """The label then every alias, as matcher forms.

    Ambiguous aliases (common words) are left out unless they are the label itself (``R``).
    """
    label = fold(skill.label)
    forms: list[Form] = []
    for alias in skill.surface_forms():
        if alias.ambiguous and fold(alias.text) != label:
            continue
        forms.append(
            Form(
                text=squash(alias.text),
                case_sensitive=alias.case_sensitive,
                is_label=fold(alias.text) == label,
            )
        )
    return forms


# --------------------------------------------------------------------------- Stack Overflow


def _label_part(form: Form, label: str) -> bool:
    """True for an alias that is only some of the label's words (``Lambda`` of ``AWS Lambda``)."""
    words, label_words = fold(form.text).split(), fold(label).split()
    if form.is_label or len(words) >= len(label_words):
        return False
    return any(
        label_words[i : i + len(words)] == words for i in range(len(label_words) - len(words) + 1)
    )


def match_stackoverflow(
    forms: Sequence[Form], tags: Mapping[str, int], min_count: int = MIN_SO_COUNT
) -> Match | None:
    """The most-asked tag named exactly like one of the forms, or None.

    Aliases that are only part of the label (``Lambda`` of ``AWS Lambda``) are a fallback, used
    when no other form has a tag; tags in :data:`SO_MISLEADING_TAGS` never match.
    """
    label = next((f.text for f in forms if f.is_label), "")
    primary = [f for f in forms if not _label_part(f, label)]
    fallback = [f for f in forms if _label_part(f, label)]
    return _best_tag(primary, tags, min_count) or _best_tag(fallback, tags, min_count)


def _best_tag(forms: Sequence[Form], tags: Mapping[str, int], min_count: int) -> Match | None:
    best: Match | None = None
    best_count = -1
    for form in forms:
        if form.short and not form.trusted_short:
            continue
        tag = so_key(form.text)
        count = tags.get(tag, 0)
        if tag in SO_MISLEADING_TAGS or count < min_count or count <= best_count:
            continue
        best = Match(value=tag, form=form.text, matched=f"{tag} ({count})", how="tag")
        best_count = count
    return best


# --------------------------------------------------------------------------- ESCO

_QUALIFIER = re.compile(r"^(?P<name>.+?)\s*\((?P<qualifier>[^()]+)\)$")


def build_esco_index(skills: Iterable[EscoSkill]) -> EscoIndex:
    index = EscoIndex()
    for skill in skills:
        index.preferred[fold(skill.preferred)].append(skill)
        for alt in skill.alts:
            index.alt[fold(alt)].append(skill)
        found = _QUALIFIER.match(squash(skill.preferred))
        if found:
            index.qualified[fold(found["name"])].append((skill, found["qualifier"].casefold()))
    return index


def _case_ok(form: Form, label: str) -> bool:
    """Short forms and all-caps ESCO labels (``SPARK``) need a case-exact, trusted form."""
    strict = form.short or (label.isupper() and len(label) > SHORT_FORM)
    if not strict:
        return True
    if form.short and not form.trusted_short:
        return False
    return squash(label) == form.text


def _unique(skills: Iterable[EscoSkill]) -> EscoSkill | None:
    uris = {skill.uri: skill for skill in skills}
    return next(iter(uris.values())) if len(uris) == 1 else None


def match_esco(forms: Sequence[Form], index: EscoIndex, skill_type: SkillType) -> Match | None:
    """The ESCO skill named like a form: preferred label, then alt label, then qualified label."""
    for form in forms:
        hits = [s for s in index.preferred.get(fold(form.text), []) if _case_ok(form, s.preferred)]
        if (hit := _unique(hits)) is not None:
            return Match(value=hit.uri, form=form.text, matched=hit.preferred, how="preferred")
    for form in forms:
        hits = [
            s
            for s in index.alt.get(fold(form.text), [])
            if any(fold(a) == fold(form.text) and _case_ok(form, a) for a in s.alts)
        ]
        if (hit := _unique(hits)) is not None:
            return Match(value=hit.uri, form=form.text, matched=hit.preferred, how="alt")
    for form in forms:
        hits = [
            s
            for s, qualifier in index.qualified.get(fold(form.text), [])
            if skill_type in ESCO_QUALIFIER_TYPES.get(qualifier, frozenset())
            and _case_ok(form, _QUALIFIER.sub(r"\g<name>", s.preferred))
        ]
        if (hit := _unique(hits)) is not None:
            return Match(value=hit.uri, form=form.text, matched=hit.preferred, how="qualified")
    return None


# --------------------------------------------------------------------------- O*NET

_ACRONYM = re.compile(r"^(?P<words>.+\S)\s+(?P<acronym>[A-Z][A-Z0-9]{1,7})$")


def _initials_matched(letters: str, phrase: str) -> int | None:
    """How many of ``letters`` can be read, in order, from word starts of ``phrase``.

    Each letter takes the next word start holding it, else its next plain occurrence; None when
    the letters are not a subsequence of the phrase at all.
    """
    starts = {m.start() for m in re.finditer(r"[a-z0-9]+", phrase)}
    position, count = 0, 0
    for letter in letters:
        at_start = next((i for i in sorted(starts) if i >= position and phrase[i] == letter), None)
        anywhere = phrase.find(letter, position)
        if at_start is not None:
            count += 1
            position = at_start + 1
        elif anywhere >= 0:
            position = anywhere + 1
        else:
            return None
    return count


def split_acronym(name: str) -> tuple[str, str] | None:
    """``Structured query language SQL`` -> (``Structured query language``, ``SQL``).

    The trailing all-caps token counts as an acronym only when the phrase before it has at least
    two words, holds the acronym's letters in order, and at least two thirds of those letters
    (and never fewer than two) start a word: ``Extensible markup language XML`` splits, while
    ``Microsoft Windows XP`` and ``Bing for Power BI`` do not.
    """
    found = _ACRONYM.match(name)
    if not found:
        return None
    words, acronym = found["words"], found["acronym"]
    letters = "".join(ch for ch in acronym.lower() if ch.isalpha())
    if len(words.split()) < 2 or len(letters) < 2:
        return None
    initials = _initials_matched(letters, words.lower())
    if initials is None or initials < max(2, -(-2 * len(letters) // 3)):
        return None
    return words, acronym


def strip_vendor(name: str) -> str | None:
    """``The MathWorks MATLAB`` -> ``MATLAB``; None without a known vendor prefix."""
    for vendor in VENDOR_PREFIXES:
        if name.startswith(vendor + " ") and len(name) > len(vendor) + 1:
            return name[len(vendor) + 1 :].strip()
    return None


def _exact_variants(name: str) -> list[str]:
    variants = [name]
    without_suffix = re.sub(r"\s+software$", "", name)
    if without_suffix != name and without_suffix:
        variants.append(without_suffix)
    for variant in list(variants):
        split = split_acronym(variant)
        if split:
            variants.extend(split)
    return variants


ONET_RANKS: tuple[str, ...] = ("exact", "suffix", "vendor")
"""How an O*NET name variant was made, best first; only ``exact`` applies to every skill type."""


def onet_variants(example: str) -> list[tuple[str, str]]:
    """Names an O*NET example may be matched by, each with how it was made (:data:`ONET_RANKS`).

    ``exact``: as written, or split at a trailing acronym; ``suffix``: with a trailing
    ``software`` removed (then possibly split); ``vendor``: with a vendor prefix removed.
    """
    example = squash(example)
    exact = _exact_variants(example)
    plain = [example, *(split_acronym(example) or ())]
    found: dict[str, str] = {fold(v): "exact" for v in plain}
    for variant in exact:
        found.setdefault(fold(variant), "suffix")
    for variant in exact:
        stripped = strip_vendor(variant)
        if stripped is None:
            continue
        for short in _exact_variants(stripped):
            if fold(short) not in GENERIC_WORDS and not fold(short).endswith(" software"):
                found.setdefault(fold(short), "vendor")
    return list(found.items())


def aggregate_onet(rows: Iterable[OnetRow]) -> list[OnetExample]:
    """One entry per (example, commodity) with the number of occupations listing it."""
    socs: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row in rows:
        socs[(row.example, row.commodity_code, row.commodity_title)].add(row.soc)
    return [
        OnetExample(example=e, commodity_code=c, commodity_title=t, occupations=len(s))
        for (e, c, t), s in sorted(socs.items())
    ]


def build_onet_index(examples: Iterable[OnetExample]) -> OnetIndex:
    index: OnetIndex = defaultdict(list)
    for example in examples:
        for key, how in onet_variants(example.example):
            index[key].append((example, how))
    return index


def _onet_form_ok(form: Form, key: str, example: OnetExample) -> bool:
    if not form.short:
        return True
    return form.trusted_short and any(
        v == key and squash(name) == form.text
        for name in _exact_variants(squash(example.example))
        for v in [fold(name)]
    )


def match_onet(forms: Sequence[Form], index: OnetIndex, skill_type: SkillType) -> OnetMatch | None:
    """The O*NET example named like a form, by rank (:data:`ONET_RANKS`), then form order.

    ``suffix`` and ``vendor`` variants name products, so they only apply to product-like types.
    Among several examples at the same rank, the one most occupations list wins.
    """
    for wanted in ONET_RANKS:
        if wanted != "exact" and skill_type not in TOOLISH:
            return None
        for form in forms:
            key = fold(form.text)
            hits = [
                example
                for example, how in index.get(key, [])
                if how == wanted and _onet_form_ok(form, key, example)
            ]
            if hits:
                best = max(hits, key=lambda e: (e.occupations, -len(e.example), e.example))
                return OnetMatch(example=best, form=form.text, how=wanted)
    return None


# --------------------------------------------------------------------------- filling


@dataclass
class Fill:
    """What the crosswalk step did to one skill."""

    skill_id: str
    so: Match | None = None
    esco: Match | None = None
    onet: OnetMatch | None = None


def fill_crosswalk(skill: Skill, data: SourceData) -> tuple[Skill, Fill]:
    """The skill with its empty crosswalk fields filled; curated values are kept as they are."""
    forms = skill_forms(skill)
    walk = skill.crosswalk
    fill = Fill(skill_id=skill.id)
    updates: dict[str, Any] = {}
    if not walk.stackoverflow_tag and skill.type is not SkillType.SOFT:
        fill.so = match_stackoverflow(forms, data.so_tags)
        if fill.so:
            updates["stackoverflow_tag"] = fill.so.value
    if not walk.esco_uri:
        fill.esco = match_esco(forms, data.esco, skill.type)
        if fill.esco:
            updates["esco_uri"] = fill.esco.value
    if _onet_empty(walk.onet):
        fill.onet = match_onet(forms, data.onet, skill.type)
        if fill.onet:
            updates["onet"] = fill.onet.example.crosswalk()
    if not updates:
        return skill, fill
    new_walk = walk.model_copy(update=updates)
    return skill.model_copy(update={"crosswalk": new_walk}), fill


def _onet_empty(onet: OnetCrosswalk | None) -> bool:
    return onet is None or not (onet.commodity_code or onet.commodity_title or onet.example)


# --------------------------------------------------------------------------- canonical YAML


class FlowList(list[Any]):
    """A list dumped in flow style (``[a, b]``)."""


class CanonicalDumper(yaml.SafeDumper):
    """Safe dumper that indents block sequences under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_flow(dumper: yaml.SafeDumper, data: FlowList) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


CanonicalDumper.add_representer(FlowList, _represent_flow)


def _prune(value: Any, key: str = "") -> Any:
    """Drop None/empty values; scalar lists other than ``aliases`` become flow lists."""
    if isinstance(value, dict):
        pruned = {k: _prune(v, k) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        items = [_prune(v) for v in value]
        if key != "aliases" and items and all(isinstance(v, str | int | float) for v in items):
            return FlowList(items)
        return items
    return value


def skill_to_data(skill: Skill) -> dict[str, Any]:
    """The skill as plain data in model field order, without defaults or empty values."""
    data: dict[str, Any] = _prune(skill.model_dump(mode="json", exclude_defaults=True))
    aliases = data.get("aliases")
    if aliases:
        data["aliases"] = [a["text"] if list(a) == ["text"] else a for a in aliases]
    return data


def dump_skills_file(skills_file: SkillsFile, header: str = "") -> str:
    """Canonical text of a skills file (``header`` is a comment block put first)."""
    body = {
        "schema_version": skills_file.schema_version,
        "skills": [skill_to_data(skill) for skill in skills_file.skills],
    }
    text = yaml.dump(
        body,
        Dumper=CanonicalDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return header + text


def split_header(text: str) -> str:
    """The leading comment block (comment and blank lines before the first content line)."""
    lines: list[str] = []
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        lines.append(line)
    while lines and not lines[-1].strip():
        lines.pop()
    header = "".join(lines)
    return header if not header or header.endswith("\n") else header + "\n"


def body_comment_lines(text: str) -> list[int]:
    """1-based line numbers of comments after the leading comment block (lost on rewrite)."""
    skip = len(split_header(text).splitlines())
    spans: list[tuple[int, int]] = []
    for token in yaml.scan(text, Loader=yaml.SafeLoader):
        if isinstance(token, yaml.ScalarToken):
            spans.append((token.start_mark.index, token.end_mark.index))
    found: set[int] = set()
    for hit in re.finditer(r"(?:^|(?<=\s))#", text, flags=re.MULTILINE):
        if any(start <= hit.start() < end for start, end in spans):
            continue
        line = text.count("\n", 0, hit.start()) + 1
        if line > skip:
            found.add(line)
    return sorted(found)


def _without_crosswalk(skills_file: SkillsFile) -> SkillsFile:
    skills = [
        s.model_copy(update={"crosswalk": s.crosswalk.__class__()}) for s in skills_file.skills
    ]
    return skills_file.model_copy(update={"skills": skills})


def _curated_kept(before: Skill, after: Skill) -> bool:
    old, new = before.crosswalk, after.crosswalk
    if old.stackoverflow_tag and old.stackoverflow_tag != new.stackoverflow_tag:
        return False
    if old.esco_uri and old.esco_uri != new.esco_uri:
        return False
    return _onet_empty(old.onet) or old.onet == new.onet


def canonical_rewrite(original_text: str, updated: SkillsFile, name: str = "") -> str:
    """Canonical text for ``updated``, checked against the file it replaces.

    Raises RoundTripError when the text does not load back to exactly ``updated``, or when
    ``updated`` differs from the original in anything but crosswalk values that were empty.
    """
    before = load_skills_text(original_text, name)
    text = dump_skills_file(updated, split_header(original_text))
    after = load_skills_text(text, name)
    if after != updated:
        raise RoundTripError(f"{name}: the canonical text does not load back to the same skills")
    if _without_crosswalk(after) != _without_crosswalk(before):
        raise RoundTripError(f"{name}: the rewrite changes more than the crosswalk")
    for old, new in zip(before.skills, after.skills, strict=True):
        if not _curated_kept(old, new):
            raise RoundTripError(f"{name}: a curated crosswalk of {old.id!r} would change")
    return text


# --------------------------------------------------------------------------- loading


def load_skills_text(text: str, name: str = "") -> SkillsFile:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise BuildError(f"{name}: not valid YAML: {squash(str(exc))}") from exc
    try:
        return SkillsFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise BuildError(
            f"{name}: {exc.error_count()} validation error(s), first at {where}: {first['msg']}"
        ) from exc


def skills_files(skills_dir: Path) -> list[Path]:
    if not skills_dir.is_dir():
        raise BuildError(f"skills folder not found: {skills_dir}")
    files = sorted(skills_dir.glob("*.yaml"))
    if not files:
        raise BuildError(f"no *.yaml files in {skills_dir}")
    return files


def load_taxonomy(skills_dir: Path) -> list[Skill]:
    skills: list[Skill] = []
    for path in skills_files(skills_dir):
        skills.extend(load_skills_text(read_text(path), path.name).skills)
    return skills


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BuildError(f"cannot read {path}: {exc.strerror}") from exc


def _data_file(data_dir: Path, relative: Path) -> Path:
    if not data_dir.is_dir():
        raise BuildError(f"data folder not found: {data_dir}")
    path = data_dir / relative
    if not path.is_file():
        raise BuildError(f"missing data file: {path}")
    return path


def _read_rows(path: Path, required: Sequence[str], delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise BuildError(f"{path}: missing column(s) {', '.join(missing)}")
        return list(reader)


def load_so_tags(data_dir: Path) -> dict[str, int]:
    rows = _read_rows(_data_file(data_dir, SO_FILE), ["TagName", "Count"])
    return {r["TagName"]: int(r["Count"] or 0) for r in rows if r["TagName"]}


def split_alt_labels(value: str) -> tuple[str, ...]:
    """ESCO alt labels are newline- or ``|``-separated."""
    return tuple(squash(p) for p in re.split(r"[\n|]", value) if p.strip())


def load_esco(data_dir: Path) -> list[EscoSkill]:
    rows = _read_rows(_data_file(data_dir, ESCO_FILE), ["concept_uri", "preferred_label"])
    return [
        EscoSkill(
            uri=r["concept_uri"].strip(),
            preferred=squash(r["preferred_label"]),
            alts=split_alt_labels(r.get("alt_labels") or ""),
        )
        for r in rows
        if r["concept_uri"].strip() and r["preferred_label"].strip()
    ]


def load_onet(data_dir: Path) -> list[OnetRow]:
    columns = ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title"]
    rows = _read_rows(_data_file(data_dir, ONET_FILE), [*columns, "Hot Technology"], "\t")
    return [
        OnetRow(
            soc=r["O*NET-SOC Code"],
            example=squash(r["Example"]),
            commodity_code=r["Commodity Code"].strip(),
            commodity_title=squash(r["Commodity Title"]),
            hot=r.get("Hot Technology") == "Y",
            in_demand=r.get("In Demand") == "Y",
        )
        for r in rows
    ]


def load_skills_dim(data_dir: Path) -> list[tuple[str, str]]:
    rows = _read_rows(_data_file(data_dir, SKILLS_DIM_FILE), ["skills", "type"])
    return [(squash(r["skills"]), r["type"].strip()) for r in rows if r["skills"].strip()]


def load_sources(data_dir: Path) -> tuple[SourceData, list[OnetRow]]:
    rows = load_onet(data_dir)
    data = SourceData(
        so_tags=load_so_tags(data_dir),
        esco=build_esco_index(load_esco(data_dir)),
        onet=build_onet_index(aggregate_onet(rows)),
    )
    return data, rows


# --------------------------------------------------------------------------- crosswalk step


@dataclass
class FileResult:
    path: Path
    text: str
    changed: bool


@dataclass
class CrosswalkRun:
    files: list[FileResult] = field(default_factory=list)
    fills: list[Fill] = field(default_factory=list)
    skills: list[Skill] = field(default_factory=list)


def crosswalk_files(
    skills_dir: Path, data: SourceData, *, drop_comments: bool = False
) -> CrosswalkRun:
    """Fill and canonically rewrite every file in memory; raise on any problem."""
    run = CrosswalkRun()
    for path in skills_files(skills_dir):
        original = read_text(path)
        before = load_skills_text(original, path.name)
        comments = body_comment_lines(original)
        if comments and not drop_comments:
            lines = ", ".join(str(n) for n in comments[:8])
            raise BuildError(
                f"{path.name}: comments on line(s) {lines} would be lost by the rewrite "
                "(move them to the top of the file, or pass --drop-comments)"
            )
        filled: list[Skill] = []
        for skill in before.skills:
            new_skill, fill = fill_crosswalk(skill, data)
            filled.append(new_skill)
            run.fills.append(fill)
        updated = before.model_copy(update={"skills": filled})
        text = canonical_rewrite(original, updated, path.name)
        run.files.append(FileResult(path=path, text=text, changed=text != original))
        run.skills.extend(filled)
    return run


def coverage(skills: Sequence[Skill]) -> dict[str, int]:
    return {
        "stackoverflow_tag": sum(1 for s in skills if s.crosswalk.stackoverflow_tag),
        "esco_uri": sum(1 for s in skills if s.crosswalk.esco_uri),
        "onet": sum(1 for s in skills if not _onet_empty(s.crosswalk.onet)),
    }


def _fill_lines(run: CrosswalkRun, sample: int) -> list[str]:
    lines: list[str] = []
    kinds: list[tuple[str, list[tuple[str, str]]]] = [
        (
            "stackoverflow_tag",
            [(f.skill_id, f"{f.so.form!r} -> {f.so.matched}") for f in run.fills if f.so],
        ),
        (
            "esco_uri",
            [
                (f.skill_id, f"{f.esco.form!r} -> {f.esco.matched!r} [{f.esco.how}]")
                for f in run.fills
                if f.esco
            ],
        ),
        (
            "onet",
            [
                (
                    f.skill_id,
                    f"{f.onet.form!r} -> {f.onet.example.example!r} "
                    f"({f.onet.example.commodity_title}) [{f.onet.how}]",
                )
                for f in run.fills
                if f.onet
            ],
        ),
    ]
    for kind, items in kinds:
        lines.append(f"{kind}: {len(items)} to fill")
        lines.extend(f"  {skill_id}: {detail}" for skill_id, detail in items[:sample])
        if len(items) > sample:
            lines.append(f"  ... and {len(items) - sample} more")
    return lines


def _coverage_lines(skills: Sequence[Skill]) -> list[str]:
    total = len(skills)
    lines = [f"coverage over {total} skills:"]
    for kind, count in coverage(skills).items():
        share = 100 * count / total if total else 0.0
        lines.append(f"  {kind}: {count} ({share:.0f}%)")
    return lines


def cmd_crosswalk(args: argparse.Namespace) -> int:
    data, _ = load_sources(Path(args.data))
    run = crosswalk_files(Path(args.skills_dir), data, drop_comments=args.drop_comments)
    for line in _fill_lines(run, args.sample):
        print(line)
    for line in _coverage_lines(run.skills):
        print(line)
    changed = [f for f in run.files if f.changed]
    if args.check:
        print(f"check only: {len(changed)} of {len(run.files)} file(s) would be rewritten")
        return 0
    for result in changed:
        result.path.write_text(result.text, encoding="utf-8")
    print(f"rewrote {len(changed)} of {len(run.files)} file(s)")
    return 0


# --------------------------------------------------------------------------- draft step


@dataclass
class Candidate:
    id: str
    label: str
    type: SkillType
    forms: list[str]
    sources: list[str] = field(default_factory=list)
    occupations: int = 0
    hot: bool = False
    in_demand: bool = False
    commodity_title: str | None = None
    skills_dim_type: str | None = None
    curated: str | None = None
    crosswalk: dict[str, Any] = field(default_factory=dict)


def _suggested_id(example: str) -> str:
    label = re.sub(r"\s+software$", "", example) or example
    split = split_acronym(label)
    if split:
        return kebab(split[1])
    stripped = strip_vendor(label)
    vendor = label[: len(label) - len(stripped) - 1] if stripped else ""
    if stripped and vendor not in KEEP_IN_ID and fold(stripped) not in GENERIC_WORDS:
        return kebab(stripped)
    return kebab(label.removeprefix("The "))


def onet_candidates(rows: Iterable[OnetRow], socs: Sequence[str] = DATA_ML_SOC) -> list[Candidate]:
    """Hot or in-demand examples of the given occupations, most widely listed first."""
    wanted = set(socs)
    by_example: dict[str, list[OnetRow]] = defaultdict(list)
    for row in rows:
        if row.soc in wanted and (row.hot or row.in_demand):
            by_example[row.example].append(row)
    candidates = []
    for example, hits in by_example.items():
        title = Counter(r.commodity_title for r in hits).most_common(1)[0][0]
        candidates.append(
            Candidate(
                id=_suggested_id(example),
                label=example,
                type=COMMODITY_TYPES.get(title, SkillType.TOOL),
                forms=[v for v, _ in onet_variants(example)],
                sources=["onet"],
                occupations=len({r.soc for r in hits}),
                hot=any(r.hot for r in hits),
                in_demand=any(r.in_demand for r in hits),
                commodity_title=title,
            )
        )
    candidates.sort(key=lambda c: (-c.occupations, fold(c.label)))
    return candidates


def merge_skills_dim(candidates: list[Candidate], entries: Iterable[tuple[str, str]]) -> None:
    """Add skills_dim entries, folding each into an O*NET candidate that shares a form."""
    by_form = {form: c for c in candidates for form in c.forms}
    for name, dim_type in entries:
        key = fold(name)
        found = by_form.get(key)
        if found is not None:
            found.sources.append("skills_dim")
            found.skills_dim_type = dim_type
            if dim_type == "programming":
                found.type = SKILLS_DIM_TYPES[dim_type]
            continue
        candidate = Candidate(
            id=kebab(name),
            label=name,
            type=SKILLS_DIM_TYPES.get(dim_type, SkillType.TOOL),
            forms=[key],
            sources=["skills_dim"],
            skills_dim_type=dim_type,
        )
        candidates.append(candidate)
        by_form[key] = candidate


def curated_forms(skills: Iterable[Skill]) -> dict[str, str]:
    """Casefolded surface form (and id) -> curated skill id."""
    forms: dict[str, str] = {}
    for skill in skills:
        forms.setdefault(skill.id, skill.id)
        for alias in skill.surface_forms():
            forms.setdefault(fold(alias.text), skill.id)
    return forms


def annotate(candidates: Iterable[Candidate], curated: Mapping[str, str], data: SourceData) -> None:
    """Mark curated candidates and add suggested crosswalk ids."""
    for candidate in candidates:
        keys = [*candidate.forms, candidate.id]
        candidate.curated = next((curated[k] for k in keys if k in curated), None)
        forms = [Form(text=candidate.label, is_label=True)] + [
            Form(text=f) for f in candidate.forms if f != fold(candidate.label)
        ]
        so = match_stackoverflow(forms, data.so_tags)
        esco = match_esco(forms, data.esco, candidate.type)
        onet = match_onet(forms, data.onet, candidate.type)
        candidate.crosswalk = {
            "stackoverflow_tag": so.value if so else None,
            "esco_uri": esco.value if esco else None,
            "esco_label": esco.matched if esco else None,
            "onet": onet.example.crosswalk().model_dump(exclude_none=True) if onet else None,
        }


def candidate_data(candidate: Candidate) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": candidate.id,
        "label": candidate.label,
        "type": candidate.type.value,
        "status": "curated" if candidate.curated else "new",
        "curated": candidate.curated,
        "sources": FlowList(candidate.sources),
        "onet_occupations": candidate.occupations or None,
        "hot_technology": candidate.hot or None,
        "in_demand": candidate.in_demand or None,
        "commodity_title": candidate.commodity_title,
        "skills_dim_type": candidate.skills_dim_type,
        "crosswalk": candidate.crosswalk,
    }
    pruned: dict[str, Any] = _prune(data)
    return pruned


DRAFT_HEADER = """\
# Draft of candidate skills for curation -- generated by scripts/build_skills.py draft.
# NOT shipped. Sources: O*NET 29.2 Technology Skills (USDOL/ETA, CC BY 4.0); ESCO (c) European
# Union; Stack Overflow tag names (CC BY-SA 4.0); skills_dim.csv (Apache-2.0).
# status: curated (with the curated id) or new; type is a guess from the O*NET commodity title
# or the skills_dim type; crosswalk ids follow the same rules as the crosswalk subcommand.
"""


def build_draft(
    rows: Sequence[OnetRow],
    dim: Sequence[tuple[str, str]],
    curated: Sequence[Skill],
    data: SourceData,
) -> list[Candidate]:
    candidates = onet_candidates(rows)
    merge_skills_dim(candidates, dim)
    annotate(candidates, curated_forms(curated), data)
    return candidates


def cmd_draft(args: argparse.Namespace) -> int:
    data_dir = Path(args.data)
    data, rows = load_sources(data_dir)
    dim = load_skills_dim(data_dir)
    curated = load_taxonomy(Path(args.skills_dir)) if args.skills_dir else []
    candidates = build_draft(rows, dim, curated, data)
    body = {"candidates": [candidate_data(c) for c in candidates]}
    text = DRAFT_HEADER + yaml.dump(
        body, Dumper=CanonicalDumper, sort_keys=False, allow_unicode=True, width=100
    )
    out = Path(args.out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise BuildError(f"cannot write {out}: {exc.strerror}") from exc
    onet = sum(1 for c in candidates if "onet" in c.sources)
    dim_only = sum(1 for c in candidates if c.sources == ["skills_dim"])
    known = sum(1 for c in candidates if c.curated)
    print(f"wrote {out}: {len(candidates)} candidates")
    print(f"  from O*NET: {onet}, from skills_dim only: {dim_only}")
    print(f"  curated: {known}, new: {len(candidates) - known}")
    print(f"  curated skills read: {len(curated)}")
    return 0


# --------------------------------------------------------------------------- CLI


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="build_skills.py", description="Draft and crosswalk the curated skills taxonomy."
    )
    sub = main.add_subparsers(dest="command", required=True)
    draft = sub.add_parser("draft", help="write candidate skills from public data for curation")
    draft.add_argument("--data", required=True, help="shared data folder (../shared/data)")
    draft.add_argument("--out", required=True, help="draft YAML to write (never shipped)")
    draft.add_argument("--skills-dir", help="curated skills folder, to mark known candidates")
    draft.set_defaults(func=cmd_draft)
    walk = sub.add_parser("crosswalk", help="fill empty crosswalk fields and rewrite canonically")
    walk.add_argument("--data", required=True, help="shared data folder (../shared/data)")
    walk.add_argument("--skills-dir", required=True, help="curated skills folder")
    walk.add_argument("--check", action="store_true", help="report only, write nothing")
    walk.add_argument("--sample", type=int, default=10, help="matches shown per kind (10)")
    walk.add_argument(
        "--drop-comments", action="store_true", help="rewrite even if inner comments are lost"
    )
    walk.set_defaults(func=cmd_crosswalk)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
