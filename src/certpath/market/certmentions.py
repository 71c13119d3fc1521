"""Certifications named in posting text: catalog certifications and ecosystem-level mentions.

A step of postings ingest, next to skill extraction: the catalog certifications' names, exam
codes and aliases are folded as the skill matcher folds text
(:func:`~certpath.extract.matcher.fold`) and found with one Aho–Corasick automaton; generic
phrases ("AWS certification", "Azure certified") count at the ecosystem level. Vendor-less
names and acronyms ("Professional Data Engineer", "CKA") must appear with their own
capitalisation, because in lower case they are ordinary words of a job description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import ahocorasick_rs

from certpath.extract.matcher import fold

if TYPE_CHECKING:
    from certpath.catalog.loader import Catalog

_BRANDS = re.compile(
    r"\b(?:aws|amazon|azure|microsoft|google|gcp|databricks|nvidia|ibm|snowpro|snowflake|"
    r"oracle|oci|salesforce|hashicorp|tensorflow|coursera|deeplearning\.ai|andrew ng|iapp|pmi|"
    r"global tech council|certified|certification|certificate)\b",
    re.IGNORECASE,
)
"""Words that make a name unmistakably a credential, so it may match in any case."""

_SKIP = frozenset({"GTC"})
"""Aliases too ambiguous in postings: GTC is also NVIDIA's conference."""

_GENERIC = re.compile(
    r"\b(AWS|Amazon Web Services|Azure|Microsoft|GCP|Google Cloud|Databricks|Snowflake|NVIDIA|"
    r"Oracle Cloud|OCI|Salesforce|IBM)\s+(?:Cloud\s+)?(?:certifications?|certified|certificates?)\b"
    r"|\bcertifi(?:ed|cations?)\s+(?:in|on|with)\s+(AWS|Azure|GCP|Google Cloud|Databricks|"
    r"Snowflake|Salesforce)\b",
    re.IGNORECASE,
)
_GENERIC_ECOSYSTEM = {
    "aws": "aws",
    "amazon web services": "aws",
    "azure": "azure",
    "microsoft": "azure",
    "gcp": "gcp",
    "google cloud": "gcp",
    "databricks": "databricks",
    "snowflake": "snowflake",
    "nvidia": "nvidia",
    "oracle cloud": "oci",
    "oci": "oci",
    "salesforce": "salesforce",
    "ibm": "ibm",
}
_SPACES = re.compile(r" +")


@dataclass(frozen=True, slots=True)
class CertMention:
    """A posting names a certification (``generic`` False) or an ecosystem's certifications."""

    cert: str  # a catalog id, or "ecosystem:<ecosystem>" for a generic mention
    ecosystem: str
    generic: bool


@dataclass(frozen=True, slots=True)
class _Phrase:
    cert: str
    ecosystem: str
    exact: re.Pattern[str] | None  # a case-sensitive check, for vendor-less names and acronyms


class CertMatcher:
    """Every certification name, exam code and alias of a catalog, compiled once.

    Examples:
        >>> from certpath.catalog import load_catalog
        >>> find = CertMatcher(load_catalog())
        >>> [m.cert for m in find("AWS Certified Machine Learning - Specialty or AI-102; CKA")]
        ['aws-mls-c01', 'cncf-cka', 'microsoft-ai-102', 'ecosystem:aws', 'ecosystem:azure']
    """

    def __init__(self, catalog: Catalog) -> None:
        keys: dict[str, list[_Phrase]] = {}
        for cert in catalog.certifications.values():
            names = [cert.name, *(a for a in cert.aliases if a != cert.id)]
            if cert.exam_code:
                names.append(cert.exam_code)
            for name in dict.fromkeys(names):
                if name in _SKIP or not re.search(r"[A-Za-z]", name) or len(name) < 3:
                    continue
                if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", name):
                    continue  # a slug-style alias (an id), not something people write
                key = _SPACES.sub(" ", fold(name)).strip()
                if not key:
                    continue
                exact = None
                if not _BRANDS.search(name) and not re.search(r"\d", name):
                    parts = (
                        re.escape(part) for part in re.split(r"[^0-9A-Za-z+#.]+", name) if part
                    )
                    exact = re.compile(r"(?<![\w-])" + r"[\W_]+".join(parts) + r"(?![\w-])")
                phrase = _Phrase(cert.id, cert.ecosystem.value, exact)
                keys.setdefault(key, []).append(phrase)
        self._keys = list(keys)
        self._phrases = [keys[key] for key in self._keys]
        self._automaton = ahocorasick_rs.AhoCorasick([f" {key} " for key in self._keys])

    def __call__(self, text: str) -> list[CertMention]:
        """The certifications a text names, catalog ones first, each once."""
        folded = " " + " ".join(fold(text).split()) + " "
        found: dict[str, CertMention] = {}
        for index, _start, _end in self._automaton.find_matches_as_indexes(
            folded, overlapping=True
        ):
            for phrase in self._phrases[index]:
                if phrase.cert in found:
                    continue
                if phrase.exact is not None and not phrase.exact.search(text):
                    continue
                found[phrase.cert] = CertMention(phrase.cert, phrase.ecosystem, False)
        ecosystems = {m.ecosystem for m in found.values() if m.ecosystem != "vendor-neutral"}
        # every generic phrase holds "certif": a cheap test spares most texts the regex
        matches = _GENERIC.finditer(text) if "certif" in text.lower() else ()
        for match in matches:
            name = (match.group(1) or match.group(2)).lower()
            ecosystems.add(_GENERIC_ECOSYSTEM[" ".join(name.split())])
        generic = [CertMention(f"ecosystem:{e}", e, True) for e in sorted(ecosystems)]
        return sorted(found.values(), key=lambda m: m.cert) + generic
