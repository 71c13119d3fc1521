"""Extraction end to end: source -> document -> hits -> mentions with evidence -> skill summary.

Reads the source (:mod:`.readers`), finds hits (:mod:`.matcher`), then annotates each hit with
its section, the requirement strength its section or sentence states, the years of experience
stated next to it, and a confidence; parents of explicit skills are added as inferred mentions.
:func:`extract_many` spreads a batch over processes and returns the same results, in order, as
extracting one at a time.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

import ahocorasick_rs

from certpath.errors import DocumentError
from certpath.extract.confidence import BOILERPLATE, LISTING, SkillConfidence
from certpath.extract.document import (
    Document,
    DocumentKind,
    Mention,
    Section,
    SectionKind,
    Strength,
)
from certpath.extract.matcher import (
    ITEM_JOINT,
    NEARBY_SKILL,
    Hit,
    Matcher,
    lower_aligned,
    outside_links,
)
from certpath.extract.sections import detect_sections, flattened

if TYPE_CHECKING:
    from certpath.catalog.loader import Catalog

Source = str | bytes | os.PathLike[str] | Document
Kind = DocumentKind | Literal["resume", "posting", "unknown"]
"""What a document is, as :class:`DocumentKind` or its value."""

_SECTION_STRENGTH = {
    SectionKind.REQUIREMENTS: Strength.REQUIRED,
    SectionKind.NICE_TO_HAVE: Strength.PREFERRED,
}
_BROUGHT = frozenset(
    {SectionKind.SKILLS, SectionKind.EDUCATION, SectionKind.CERTIFICATIONS, SectionKind.EXPERIENCE}
)
"""What a candidate brings: a label of one of these inside a posting's requirements ("Tools:
Airflow, dbt") asks for it as the requirements around it do."""


def _stating(text: str, sections: tuple[Section, ...]) -> list[SectionKind]:
    r"""For each section, the kind whose strength it states: its own, or, for a label with its
    content on its line ("Tools: Airflow, dbt", "Education: BS in CS") of what a candidate
    brings, standing inside another section (which goes on after it), that section's, as a
    list item there would. A label after the end of a section ("Skills: ..." after a posting's
    nice-to-haves, as job boards append theirs) keeps its own.

    Examples:
        >>> from certpath.extract.sections import detect_sections
        >>> text = "Requirements\n- SQL\n- Tools: Airflow, dbt\n- Python\nAbout us\nWe ship."
        >>> [kind.value for kind in _stating(text, detect_sections(text))]
        ['requirements', 'requirements', 'requirements', 'company']
        >>> text = "Nice to have\n- Go\nSkills: Python, SQL"
        >>> [kind.value for kind in _stating(text, detect_sections(text))]
        ['nice-to-have', 'skills']
    """
    labels = [
        section.kind in _BROUGHT and section.heading is not None and _one_line(text, section)
        for section in sections
    ]
    stating: list[SectionKind] = []
    for number, section in enumerate(sections):
        kind = section.kind
        if number and labels[number]:
            resumed = number + 1
            while resumed < len(sections) and labels[resumed]:
                resumed += 1  # "Tools: ...\nEducation: ..." one after the other
            if resumed < len(sections) and sections[resumed].kind is stating[number - 1]:
                kind = stating[number - 1]
        stating.append(kind)
    return stating


def _one_line(text: str, section: Section) -> bool:
    """Whether a section is one whole line of the text (not a part of a line flattened)."""
    start, end = section.start, section.end
    return (
        (start == 0 or text[start - 1] == "\n")
        and (end == len(text) or text[end - 1] == "\n")
        and text.find("\n", start, end - 1) < 0
    )


_PREFERRED_CUES = (
    "preferred",
    "a plus",
    "is a plus",
    "are a plus",
    "big plus",
    "huge plus",
    "strong plus",
    "nice to have",
    "nice-to-have",
    "bonus",
    "desirable",
    "desired",
    "ideally",
    "good to have",
    "advantageous",
    "an advantage",
    "beneficial",
    "would be great",
    "not required",
    "optional",
    "optionally",
    "preferably",
    "is helpful",
    "would be helpful",
    "helpful",
    "would be welcome",
    "is welcome",
    "are welcome",
    "special consideration",
    "an asset",
    "even more impressed",
    "we'd love",
    "we would love",
    "would love to see",
    "love to see",
    "extra credit",
)
_LEVEL_CUES = (
    "you have",
    "proficient in",
    "proficient with",
    "proficiency in",
    "proficiency with",
    "strong experience",
    "strong knowledge",
    "strong background",
    "demonstrated experience",
    "expert in",
    "expertise in",
    "solid experience",
    "hands-on experience",
)
"""Required-cues that say how well rather than whether: under a nice-to-have heading
("Preferred: proficient in R") they leave the skill preferred."""
_REQUIRED_CUES = (
    "required",
    "requires",
    "require",
    "must",
    "minimum",
    "at least",
    "need to have",
    "essential",
    "mandatory",
    "you will need",
    "you'll need",
    "needed",
    "should have",
    "should possess",
    "expected to have",
    *_LEVEL_CUES,
)
_QUANTITY_CUES = ("minimum", "at least")
"""Required-cues that say how much rather than whether: under a nice-to-have heading ("Preferred:
at least one of R, Julia or Scala") they too leave the skill preferred."""
_CUE_KINDS = [Strength.PREFERRED] * len(_PREFERRED_CUES) + [Strength.REQUIRED] * len(_REQUIRED_CUES)
_CUES = ahocorasick_rs.AhoCorasick(
    [*_PREFERRED_CUES, *_REQUIRED_CUES], matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
)
"""Words by which a clause states how much it wants a skill; one automaton pass per document."""
_FIRM = [
    cue not in _LEVEL_CUES and cue not in _QUANTITY_CUES
    for cue in (*_PREFERRED_CUES, *_REQUIRED_CUES)
]
_DESIRED = _PREFERRED_CUES.index("desired")
_DESCRIBED = re.compile(
    r"[ \t]+(?!(?:skills?|qualifications?|experiences?|knowledge|requirements?|attributes|"
    r"competenc(?:y|ies)|background|but|and|or|for|in|by|if|though|although|not)\b)[a-z]"
)
"""A word in lower case after "desired" that it describes ("the desired outcome"): not a
heading's ("Desired Skills", "Desired Unix or Perl") nor a clause's own ("Excel is desired but
not required")."""
_FORWARD_CUES = ("ideally", "preferably", "optionally")
"""Preferred-cues that speak only of what follows them ("SQL, ideally with Scala")."""
_FORWARD_WORDS = re.compile("|".join(_FORWARD_CUES))
"""Any of them, to search a clause of the lower-cased text for."""
_FORWARD = [cue in _FORWARD_CUES for cue in (*_PREFERRED_CUES, *_REQUIRED_CUES)]

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
    "a": 1,  # "a year of SQL", "over a decade of experience in ML"
}
# a whole number (not the end of "100"), a number word, optionally restated: "five (5)"; a
# number may be glued to the word before it, where a flattened posting lost a line break
# ("communication skills1-3 years of")
_NUMBER = (
    r"(?<!\d\.)(?:(?<!\w)|(?<=[a-z]{3})(?=\d))(\d{1,2}(?:\.\d)?|"
    + "|".join(_NUMBER_WORDS)
    + r")(?:\s*\(\d{1,2}\+?\))?"
)
# "3+ years of experience with", "5-7 yrs in", "three years' hands-on", "5 years of experience
# working with", "4 years experience as a", "five plus years of", "18 months of experience with",
# "3+ YOE with" (years of experience)
_YEARS_BEFORE = re.compile(
    _NUMBER + r"\s*(?:\+|\s+plus)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?"
    r"(years?|yrs?\.?|decades?|months?|yoe)(?:\b|(?<=\.))"
    r"(?:['’]s?)?"
    r"(?:\s+(?:of\s+)?(?:professional|hands[\s-]on|industry|relevant|related|working|work|"
    r"full[\s-]time|practical|proven|commercial|production|solid|strong|demonstrated))*"
    # up to two words before "experience", not a sentence glued on ("work experience Strong
    # experience with")
    r"(?:\s+of)?(?:(?:\s+(?!(?-i:experience\s+[A-Z]))[\w-]+){0,2}?\s+(?:experience|exp\.?))?"
    r"(?:\s+(?:in|with|using|building|developing|on|of|writing|programming|"
    r"working\s+(?:with|in|on)|as\s+an?))?"
    # a second activity: "working with and designing"
    r"(?:\s+(?:and|or)\s+[a-z]+ing(?:\s+(?:with|in|on))?)?"
    # a few words that introduce a list: "with big data tools: Hadoop, Spark", "in languages
    # such as Python", "with visualization tools (Tableau, Power BI)"
    r"(?:(?:(?<=experience)|(?<=with)|(?<=in)|(?<=using)|(?<=of))"
    r"(?:\s+[\w/&-]+){1,4}?\s*(?::|(?=\()|,?\s+(?:such\s+as|like|including|e\.g\.,?)))?"
    # what the activity made, then what it was made in: "building ML models in Python"
    r"(?P<made>(?:(?<=building)|(?<=developing)|(?<=writing)|(?<=deploying)|(?<=designing))"
    r"(?:\s+[\w/&-]+){1,3}?\s+(?:in|with|using|on))?"
    r"\s*\(?\s*(?:\w+\s+){0,1}$",
    re.IGNORECASE,
)
# "Python (3+ years)", "Python: 5 years", "Python - 2 yrs", "Python | 5 years", "Python for 4
# years", "Python- Experience - 2 years"; in months: "SQL (18 months)", "SQL- Experience - 24
# months"
# the end of a word, also where the next line's heading is glued on ("24 monthsCompany Details")
_WORD_END = r"(?-i:(?![a-z0-9]))"
_AFTER_LEAD = (
    r"^\s*(?:\(\s*(?:(?:minimum|min\.?|at\s+least)(?:\s+of)?\s+)?|:|-|–|—|,|\||for)?\s*"
    r"(?:(?:experience|exp\.?)\s*(?:-|–|:)\s*)?"
)
"""What may come between a skill and the years after it: "Python (minimum 4 years)" (inside
brackets only: "data mining Minimum 2 years of..." is the next requirement of a flattened
posting)."""
_YEARS_AFTER = re.compile(
    _AFTER_LEAD + _NUMBER + r"\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?(?:years?|yrs?)" + _WORD_END,
    re.IGNORECASE,
)
_MONTHS_AFTER = re.compile(_AFTER_LEAD + r"(\d{1,3})\s*\+?\s*months?" + _WORD_END, re.IGNORECASE)
# a resume's skill line that states the experience of a whole list: "Hadoop,Spark,Hive-
# Experience - 24 months"; the hit is one of the list's items (of up to four words), before the
# last
_LIST_EXPERIENCE = re.compile(
    r"(?:\s*,\s*[\w.+#/&()-]+(?: [\w.+#/&()-]+){0,3}?)+?\s*-\s*Experience\s*-\s*(\d{1,3})\s*\+?\s*"
    r"(years?|months?)" + _WORD_END,
    re.IGNORECASE,
)
# a clause ends at a line end, at sentence punctuation (not the dot of "e.g.", "i.e.", "etc.",
# "incl.", "vs.", "yrs.", "exp."), also with no space after it in text flattened to one line
# ("integrity.BS in Math", "PhD is preferred.1-3 years of ML is required"), and before "but"
# ("Kafka is not required but Python is a must"). Each pattern opens with the characters it
# may start at, so that a search skips from one to the next (a pattern that opens with
# alternatives or look-behinds is tried at every character)
_CLAUSE_STOP = re.compile(
    r"[\n.;!?](?:(?<=\n)|(?<!e\.g\.)(?<!i\.e\.)(?<!etc\.)(?<!incl\.)(?<!vs\.)(?<!yrs\.)"
    r"(?<!yr\.)(?<!exp\.)(?<!min\.)(?=\s)"
    r"|(?-i:(?<=[a-z)][.;!?])(?=[A-Z]))|(?-i:(?<=[a-z]{2}[.;!?])(?=\d)))",
    re.IGNORECASE,
)
_BUT = re.compile(r" (?=[Bb][Uu][Tt]\s)")


def clause_ends(text: str, low: int = 0, high: int | None = None) -> list[int]:
    """Where the clauses of ``text[low:high]`` end, in order: after a line break or sentence
    punctuation, and before "but".

    Examples:
        >>> clause_ends("Kafka is not required but Python is. Go, e.g. Gin.")
        [22, 36]
    """
    high = len(text) if high is None else high
    ends = [match.end() for match in _CLAUSE_STOP.finditer(text, low, high)]
    buts = [match.end() for match in _BUT.finditer(text, low, high)]
    return sorted(ends + buts) if buts else ends


CUE_REACH = 150
"""How far (in characters) a strength cue reaches either side within a clause."""
_OTHER = SectionKind.OTHER
_CULTURE = re.compile(
    r"\b(?:we (?:value|celebrate|embrace|believe in|prize|cherish|champion|foster|encourage|"
    r"promote|reward|pride ourselves on|live by)|our (?:culture|values|core values|principles)|"
    r"(?:(?:a|the) )?culture (?:of|that|where|which|built on)|company culture|"
    r"(?:environment|workplace) (?:that|which|where) (?:values|celebrates|rewards|encourages|"
    r"fosters|embraces|promotes)|"
    r"(?:culture|environment|workplace)(?: that| which)? (?:encourages|fosters|values|celebrates|"
    r"rewards|embraces|promotes|thrives|nurtures|fuels|inspires)|"
    r"(?:culture|workplace)(?: that| which)? "
    r"(?:focused on|founded on|based on|geared toward|centered on)|culture,? where)\b"
)
"""Words that open a company's description of its own culture, over lower-cased text: a soft or
business skill named after them in the same clause is what the company offers or prides
itself on ("we value curiosity, ownership and kindness"), not what it asks."""
_CULTURE_DUTY = re.compile(
    r"\b(?:foster|fostering|promote|promoting|build|building|cultivate|cultivating|create|"
    r"creating|establish|establishing|drive|driving|champion|championing|instill|nurture|"
    r"nurturing|lead|leading|shape|shaping|contribute to|contributing to|model|maintain)\b"
)
"""A duty that makes a culture the candidate's work: "Foster a culture of innovation",
"contributing to an institutional culture of evidence-based decision making"."""
_OURS = re.compile(
    r"\bwe(?:'re| are)?(?: [a-z]+){0,2} (?:work|strive|aim|try|seek|want|continue|hope|"
    r"committed|dedicated) to $"
)
"""The company taking the duty on itself: "we actively work to create an environment that
values ownership" is still the company's culture."""
_WE_ARE = re.compile(r"\bwe(?:['’]re| are|['’]ve built| have built) ")
"""A company saying what it is ("We are a tight-knit group of ambitious problem solvers",
"we're customer-obsessed"): a soft skill after it in the same clause is its
culture, unless the words between ask something of the reader (:data:`_ASKING`)."""
_ASKING = re.compile(
    r"\b(?:you|your|looking|look|lookout|seek|seeking|hiring|hire|recruiting|pursuing|"
    r"assembling|building a team|growing our team|need|needs|want|wants|searching|search|who|"
    r"candidates?|someone|requires?|must|should|expect|ability)\b"
)
"""Words by which a company that says what it is asks something: "We are looking for a
self-starter", "We are a small team, so you must be proactive", "we're assembling a team of
critical thinkers", "We are always on the lookout for hard-working people"."""
_WANTED = re.compile(
    r"we value (?:people|candidates|individuals|engineers|those|[a-z -]{0,20} who)\b"
)
"""What a company values in whom it hires: "We value people who bring...", a requirement."""
CULTURE_REACH = 100
"""How far before a mention, within its clause, words describing the culture speak of it."""


def _culture(lowered: str, low: int, start: int, end: int, trait: bool = False) -> bool:
    """Whether the mention at ``[start, end)`` of a lower-cased text is the company's culture:
    words describing it come within ``[low, start)``, not as a duty ("Foster a culture of
    collaboration"), not of skills it wants ("We value problem-solving skills") and not of the
    people it hires ("We value people who..."). A ``trait`` (a soft skill) is also the
    company's where it says what it is ("We're customer-obsessed"); a way of working ("We are
    an Agile team") is the role's too."""
    found = _CULTURE.search(lowered, low, end)  # "we embrace change": the words may overlap
    if found is None:
        if not trait:
            return False
        found = _WE_ARE.search(lowered, low, start)
        if found is None or _ASKING.search(lowered, found.end(), start):
            return False
    if (
        "skill" in lowered[start:end]
        or lowered.startswith((" skill", " exp"), end)
        or _WANTED.match(lowered, found.start())
    ):
        return False
    duty = _CULTURE_DUTY.search(lowered, max(0, found.start() - 40), found.start())
    if duty is None:
        return True
    return _OURS.search(lowered, max(0, duty.start() - 40), duty.start()) is not None


def _values_heading(section: Section | None) -> bool:
    """Whether a section is headed as the company's values or culture ("Our Values",
    "Culture") and is as short as such a list: the soft and business skills under it are what
    the company prides itself on."""
    if section is None or section.heading is None or section.end - section.start > VALUES_LENGTH:
        return False
    heading = section.heading.strip(" :-*#•").casefold()
    return "value" in heading or "culture" in heading


VALUES_LENGTH = 2000
"""The longest section read as a company's values: a longer one has run on past headings
the text lost ("Our ValuesStubHub One: ... Requirements ..." in a posting flattened to a line)."""


_SENTENCE_STOP = re.compile(
    r"[\n.!?;](?:(?<=\n)|(?<!yrs\.)(?<!yr\.)(?<!exp\.)(?:\s|$))", re.IGNORECASE
)
"""A sentence's end: a line break, or punctuation (not the dot of "yrs.", "exp.") before a
space; opening with the characters it starts at, a search skips from one to the next."""
_SENTENCE_GLUED = re.compile(r"(?:experience|required|preferred|degree)(?=[A-Z])")
"""A sentence glued to the next where a flattened posting lost its line break: "2-5 years of
relevant experienceStrong analytical skills"."""


def _sentence_start(text: str, low: int, high: int) -> int:
    """Where the last sentence that begins in ``text[low:high]`` begins; ``low`` if none."""
    stop = max((match.end() for match in _SENTENCE_STOP.finditer(text, low, high)), default=low)
    # the glued word may begin before low, the sentence after it not
    glued = _SENTENCE_GLUED.finditer(text, max(0, low - 10), high)
    return max(stop, max((match.end() for match in glued), default=low))


@dataclass(frozen=True, slots=True)
class SkillSummary:
    """One skill of a document, summarising its mentions."""

    skill: str
    label: str
    count: int
    strength: Strength
    years: float | None
    confidence: float
    inferred: bool
    evidence: str  # what shows the first mention (the child's, when inferred): see :func:`evidence`


@dataclass(frozen=True, slots=True)
class Extraction:
    """The result of extracting one document."""

    document: Document
    mentions: tuple[Mention, ...]
    skills: tuple[SkillSummary, ...]

    def skill_ids(self, *, inferred: bool = False) -> list[str]:
        """Ids of the skills found, explicit ones only unless ``inferred``."""
        return [s.skill for s in self.skills if inferred or not s.inferred]

    def to_dict(self) -> dict[str, Any]:
        labels = {s.skill: s.label for s in self.skills}
        return {
            "source": self.document.source,
            "format": self.document.format,
            "kind": self.document.kind.value,
            "mentions": [
                {
                    "skill": m.skill,
                    "label": labels.get(m.skill, m.skill),
                    "text": m.text,
                    "start": m.start,
                    "end": m.end,
                    "section": m.section.value,
                    "strength": m.strength.value,
                    "years": m.years,
                    "confidence": m.confidence,
                    "inferred": m.inferred,
                }
                for m in self.mentions
            ],
            "skills": [
                {
                    "skill": s.skill,
                    "label": s.label,
                    "count": s.count,
                    "strength": s.strength.value,
                    "years": s.years,
                    "confidence": s.confidence,
                    "inferred": s.inferred,
                    "evidence": s.evidence,
                }
                for s in self.skills
            ],
        }


class Extractor:
    """Extraction over one catalog: the compiled matcher, parents and labels, built once.

    Examples:
        >>> from certpath.catalog import load_catalog
        >>> result = Extractor(load_catalog()).extract("Requirements: 3+ years of Python")
        >>> m = result.mentions[0]
        >>> (m.skill, m.section.value, m.strength.value, m.years)
        ('python', 'requirements', 'required', 3.0)
    """

    def __init__(self, catalog: Catalog, max_bytes: int | None = None) -> None:
        self.matcher = Matcher.from_catalog(catalog)
        self.parents = {key: skill.parent for key, skill in catalog.skills.items() if skill.parent}
        self.labels = {key: skill.label for key, skill in catalog.skills.items()}
        self.perks = frozenset(
            key for key, skill in catalog.skills.items() if skill.group.value == "domain"
        )
        # a domain, soft or business skill can be a word of a company's name ("Bajaj Finance
        # Ltd", "Fujitsu Consulting India"); in a benefits section it is a perk ("health care,
        # insurance") or the culture on offer ("a culture that values creativity", "coaching"),
        # which asks nothing of the candidate
        self.soft_or_business = frozenset(
            key
            for key, skill in catalog.skills.items()
            if skill.group.value in ("soft", "business")
        )
        self.soft = frozenset(
            key for key, skill in catalog.skills.items() if skill.group.value == "soft"
        )
        self.nameable = self.perks | self.soft_or_business
        # the surface forms that are proper names a posting's employer may bear (_employers)
        self._proper_names = frozenset(
            alias.text
            for key, skill in catalog.skills.items()
            for alias in skill.surface_forms()
            if self._proper(key, alias.text)
        )
        # a stack names each skill its letters spell out ("MEAN stack": MongoDB, Express,
        # Angular, Node.js), as explicitly as itself
        self.includes = {
            key: tuple(skill.includes) for key, skill in catalog.skills.items() if skill.includes
        }
        self.confidence = SkillConfidence.load()
        self.priors = {
            key: self.confidence.prior(skill.group.value, skill.type.value)
            for key, skill in catalog.skills.items()
        }
        self.max_bytes = max_bytes

    def extract(
        self, source: Source, *, name: str | None = None, kind: Kind | None = None
    ) -> Extraction:
        """Extract the skills of a path, bytes, text or :class:`Document`; ``kind`` ("resume"
        or "posting") says what it is when its format does not (a resume asks for nothing, so
        its mentions are never required or preferred)."""
        document = self.read(source, name=name)
        if kind is not None:
            document = replace(document, kind=DocumentKind(kind))
        return self.extract_document(document)

    def read(self, source: Source, *, name: str | None = None) -> Document:
        if isinstance(source, Document):
            return source
        from certpath.extract.readers import DEFAULT_MAX_BYTES, read

        return read(source, name=name, max_bytes=self.max_bytes or DEFAULT_MAX_BYTES)

    def extract_document(self, document: Document) -> Extraction:
        document, mentions, ends = self._mentions(document)
        summaries = self._summarise(document, mentions, ends)
        return Extraction(document, tuple(mentions), tuple(summaries))

    def skill_rows(self, document: Document) -> list[SkillRow]:
        """The skills of :meth:`extract_document` as plain tuples, in the same order, without
        what a bulk job does not keep: the mentions and each skill's evidence line."""
        document, mentions, ends = self._mentions(document)
        return [
            (s.skill, s.strength.value, s.years, s.confidence, s.inferred)
            for s in self._summarise(document, mentions, ends, with_evidence=False)
        ]

    def _mentions(self, document: Document) -> tuple[Document, list[Mention], list[int]]:
        """The document with its sections found, its mentions, and its clause ends."""
        if not document.sections and document.text:
            document = replace(document, sections=detect_sections(document.text))
        text = document.text
        # a resume flattened by a converter glues its headings to the words before them
        # ("AngularEducation Details") even where it kept some line breaks
        # (a search for the heading's last word first: the pattern would stop at every letter)
        lost = flattened(text) or (" Details" in text and _GLUED_HEADING.search(text) is not None)
        hits = outside_links(text, self.matcher.find_glued(text, lost_breaks=lost))
        hits = self.matcher.coordinated(text, hits)
        lists = [(s.start, s.end) for s in document.sections if s.kind is SectionKind.SKILLS]
        if lists:
            hits = self.matcher.listed(text, lists, hits)
        # clause ends: they bound the clause whose words state a strength, and the evidence
        ends = clause_ends(text) if hits else []
        return document, self._annotate(document, hits, ends), ends

    # ----------------------------------------------------------------------- annotation

    def _employers(self, text: str, hits: list[Hit]) -> frozenset[str]:
        """The names, as written, of the hits on product names that a posting presents as
        its employer (the words before or after them, :data:`_EMPLOYER_BEFORE`,
        :data:`_EMPLOYER_AFTER`): a product company's name names its product ("Anyscale" is
        Ray, "Figma" a design tool), but "At Anyscale, we..." speaks of the company.

        Only a proper name in the taxonomy, each word capitalised ("Hugging Face", not the
        label "Product analytics"); for a soft or business skill only an alias that is not
        its label ("Figma" of UX design, not "Consulting"); never a work domain ("Lancer
        Insurance Company is looking for" says the work is in insurance); and as written with
        a capital, not in capitals ("AI is the future")."""
        names = set()
        proper = self._proper_names
        for hit in hits:
            form, start, end = hit.form, hit.start, hit.end
            if form.text not in proper or not text[start].isupper():
                continue
            written = text[start:end]
            if written.isupper():
                continue
            if _EMPLOYER_BEFORE.search(text, max(0, start - 12), start) or _EMPLOYER_AFTER.match(
                text, end
            ):
                names.add(written)
        return frozenset(names)

    def _proper(self, skill: str, text: str) -> bool:
        """Whether a surface form of ``skill`` is a proper name an employer may bear (see
        :meth:`_employers`)."""
        return (
            skill not in self.perks
            and all(word[:1].isupper() or word[:1].isdigit() for word in text.split())
            and not (skill in self.soft_or_business and text == self.labels[skill])
        )

    def _annotate(self, document: Document, hits: list[Hit], ends: list[int]) -> list[Mention]:
        """Section, strength (stated by the clause, else by the section), years, confidence."""
        text = document.text
        starts = [section.start for section in document.sections]
        mentions: list[Mention] = []

        # clause start -> clause end, strength, whether it speaks of years, whether it has words
        # in parentheses or a cue about what follows it (then the strength is worked out for
        # each hit)
        lines: dict[int, tuple[int, Strength | None, bool, bool, bool]] = {}
        lowered_text = lower_aligned(text) if hits else ""
        # a resume's words describe its writer: "expertise in" there requires nothing
        wants = document.kind is not DocumentKind.RESUME
        cues = _strength_cues(lowered_text, text) if hits and wants else ([], [], [], [])
        parentheses = _parentheses(text, hits)
        sections = document.sections
        stating = _stating(text, sections) if wants and hits else []
        employers = self._employers(text, hits) if wants else frozenset()
        for number, hit in enumerate(hits):
            start, end = hit.start, hit.end
            at = bisect.bisect_right(starts, start) - 1 if starts else -1
            under = sections[at] if at >= 0 else None
            section = under.kind if under is not None else _OTHER
            asking = stating[at] if at >= 0 and stating else section
            if section is SectionKind.BENEFITS and hit.form.skill in self.nameable:
                continue
            if (
                hit.cue == NEARBY_SKILL
                and under is not None
                and section in _NEIGHBOURLESS
                and not _neighbour_within(hits, number, under.start, under.end)
            ):
                # "Benefits\n- Free lunch from our Chef" after "Docker" in the skills: kept
                # only if its own words confirm it ("Paid Kafka certification")
                alone = self.matcher.confirmed_within(text, hit, under.start, under.end)
                if alone is None:
                    continue
                hit = alone
            if (
                section is SectionKind.COMPANY
                and hit.form.skill in self.soft_or_business
                and _values_heading(under)
            ):
                continue  # "Our Values: Inquisitive, Ownership": the culture, asked of no one
            if hit.form.skill in self.nameable and _company_name(
                text, start, end, hit.form.skill not in self.perks
            ):
                continue
            if (
                employers
                and section not in _ASKED
                and _employer(text, start, end, employers)
                and not _listed_with(text, hits, number)
            ):
                continue  # "Figma is growing our team": the employer, not UX design
            # the clause around the hit: its line, cut at sentence and clause ends
            index = bisect.bisect_right(ends, start)
            line_start = ends[index - 1] if index else 0
            line = lines.get(line_start)
            if line is None:
                line_end = ends[index] if index < len(ends) else len(text)
                line = lines[line_start] = (
                    line_end,
                    _clause_strength(cues, line_start, line_end),
                    _UNIT.search(lowered_text, line_start, line_end) is not None,
                    text.find("(", line_start, line_end) >= 0,
                    _FORWARD_WORDS.search(lowered_text, line_start, line_end) is not None,
                )
            if hit.form.skill in self.soft_or_business and _culture(
                lowered_text,
                max(line_start, start - CULTURE_REACH),
                start,
                end,
                hit.form.skill in self.soft,
            ):
                continue  # "we value curiosity and ownership": the culture, asked of no one
            stated = line[1]
            # in a long clause (a run-on sentence, a flattened list) a cue speaks only of what
            # is near it: "required" 400 characters on says nothing of this hit
            low, high = line_start, line[0]
            if stated is not None and high - low > 2 * CUE_REACH:
                low, high = max(low, start - CUE_REACH), min(high, end + CUE_REACH)
                stated = _clause_strength(cues, low, high)
            if stated is not None and ((line[3] and parentheses) or line[4]):
                aside = parentheses if line[3] else None
                stated = _clause_strength(cues, low, high, aside, (number, start))
            if stated is Strength.PREFERRED and _own_part_requires(cues, text, low, high, hit):
                stated = Strength.REQUIRED  # "Python is required, knowing Bash is a plus"
            if not wants:
                strength = Strength.MENTIONED
            else:
                strength = stated or _SECTION_STRENGTH.get(asking, Strength.MENTIONED)
            if (
                strength is Strength.REQUIRED
                and asking is SectionKind.NICE_TO_HAVE
                and not _firmly_required(cues, low, high)
            ):
                strength = Strength.PREFERRED
            years, asked = (
                _years(text, lowered_text, hits, number, line_start, line[0])
                if line[2]
                else _NO_YEARS
            )
            if asked and strength is Strength.MENTIONED and wants:
                strength = Strength.REQUIRED  # "5+ years of Python" asks for it
            confidence = hit.confidence
            if section in LISTING:
                confidence = min(0.99, confidence + 0.04)
            elif section in BOILERPLATE:
                confidence = confidence * 0.8
            mention = Mention(
                hit.form.skill,
                text[start:end],
                start,
                end,
                section,
                strength,
                years,
                round(confidence, 3),
                False,
            )
            mentions.append(mention)
            for named in self.includes.get(mention.skill, ()):  # "MEAN stack" names MongoDB
                mentions.append(replace(mention, skill=named))
        explicit = {mention.skill for mention in mentions}
        # one inferred mention per parent, at its first child's span, as strongly wanted as the
        # most wanted child (a required AWS Lambda makes AWS required)
        inferred: list[Mention] = []
        added: dict[str, int] = {}
        for mention in mentions:
            parent = self.parents.get(mention.skill)
            depth = 0
            while parent and depth < 8:
                if parent in added:
                    at = added[parent]
                    if _RANK[mention.strength] < _RANK[inferred[at].strength]:
                        inferred[at] = replace(inferred[at], strength=mention.strength)
                elif parent not in explicit:
                    added[parent] = len(inferred)
                    inferred.append(
                        Mention(
                            parent,
                            mention.text,
                            mention.start,
                            mention.end,
                            mention.section,
                            mention.strength,
                            None,
                            round(mention.confidence * 0.8, 3),
                            True,
                        )
                    )
                parent = self.parents.get(parent)
                depth += 1
        return mentions + inferred

    def _summarise(
        self,
        document: Document,
        mentions: list[Mention],
        ends: list[int],
        with_evidence: bool = True,
    ) -> list[SkillSummary]:
        """One summary per skill; its confidence is the probability that the document names
        it (:mod:`.confidence`), for an inferred parent that of its likeliest child. Without
        ``with_evidence``, each summary's evidence line is left empty."""
        text = document.text
        found: dict[str, list[Mention]] = {}
        for m in mentions:
            found.setdefault(m.skill, []).append(m)
        # a skill's mentions are all explicit or all inferred (parents of explicit skills only)
        explicit = {skill for skill, group in found.items() if not group[0].inferred}
        model, priors = self.confidence, self.priors
        probability = {
            skill: model.probability(priors.get(skill, model.bias), found[skill])
            for skill in explicit
        }
        for skill in explicit:
            p = probability[skill]
            parent, depth = self.parents.get(skill), 0
            while parent and depth < 8:  # a parent is as likely as its likeliest child
                if parent not in explicit and p > probability.get(parent, 0.0):
                    probability[parent] = p
                parent, depth = self.parents.get(parent), depth + 1
        summaries = []
        labels = self.labels
        for skill, group in found.items():
            first = group[0]
            strength, years = first.strength, first.years
            if len(group) > 1:  # most skills are mentioned once
                strength = min((m.strength for m in group), key=_RANK.__getitem__)
                stated = [m.years for m in group if m.years is not None]
                years = max(stated) if stated else None
            summaries.append(
                SkillSummary(
                    skill,
                    labels.get(skill, skill),
                    len(group),
                    strength,
                    years,
                    probability.get(skill, 0.0),
                    first.inferred,
                    evidence(text, first.start, first.end, ends=ends) if with_evidence else "",
                )
            )
        return sorted(summaries, key=lambda s: (s.inferred, -s.confidence, s.skill))


_RANK = {Strength.REQUIRED: 0, Strength.PREFERRED: 1, Strength.MENTIONED: 2}

EVIDENCE_CHARS = 240


def evidence(
    text: str, start: int, end: int, limit: int = EVIDENCE_CHARS, ends: list[int] | None = None
) -> str:
    """What shows the mention at ``[start, end)``: its line, or, when the line is longer than
    ``limit`` characters (a posting flattened to one line), its sentence or clause, and when
    that is still too long, the words around the mention, cut at spaces and marked "…". The
    mention is always inside. ``ends`` are the text's clause ends when already known.

    Examples:
        >>> text = "We are hiring. " * 20 + "You know PyTorch well. " + "We offer perks. " * 20
        >>> start = text.index("PyTorch")
        >>> evidence(text, start, start + 7)
        'You know PyTorch well.'
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    if line_end - line_start > limit:  # the sentence or clause that holds the mention
        if ends is None:
            ends = clause_ends(text, line_start, line_end)
        index = bisect.bisect_right(ends, start)
        if index and ends[index - 1] > line_start:
            line_start = ends[index - 1]
        index = bisect.bisect_left(ends, end)
        if index < len(ends) and ends[index] < line_end:
            line_end = ends[index]
    piece = text[line_start:line_end]
    stripped = piece.strip()
    if len(stripped) <= limit:
        return stripped
    room = max(0, limit - (end - start)) // 2  # the words either side of the mention ...
    low, high = start - room, end + room
    if low < line_start:  # ... with the room one side lacks given to the other
        low, high = line_start, min(line_end, high + line_start - low)
    elif high > line_end:
        low, high = max(line_start, low - (high - line_end)), line_end
    if low > line_start:
        cut = text.find(" ", low, start)
        low = cut + 1 if cut >= 0 else low
    if high < line_end:
        cut = text.rfind(" ", end, high)
        high = cut if cut >= 0 else high
    window = text[low:high].strip()
    return ("…" if low > line_start else "") + window + ("…" if high < line_end else "")


Cues = tuple[list[int], list[Strength], list[bool], list[bool]]
"""The strength words of a text: positions, kinds, whether each requires outright, and whether
each speaks only of what follows it ("ideally", "preferably")."""


_NAME_NOUNS = ("services", "solutions", "technologies", "systems")
"""Words a company's name may hold in lower case ("Mahindra Financial services limited")."""
_LEGAL_FORM = re.compile(
    r"(?:[ \t]+(?:&[ \t]+)?(?:[A-Z][\w&'’.-]*|" + "|".join(_NAME_NOUNS) + r")){0,4}"
    r"[ \t]+(?:(?:Pvt|Ltd|Limited|Inc|LLC|LLP|PLC|Corp|Corporation|GmbH)\b|Co(?=[.,\s]|$)"
    r"|(?:private )?limited\b(?! to\b))\.?"
)
_GLUED_HEADING = re.compile(r"[a-z0-9](?:Education|Company|Skill) Details")
"""A heading of the converted resumes glued to the word before it."""
_COMPANY_LINE = re.compile(r"[ \t]*(?:company|employer|client)[ \t]*[-:–][ \t]*", re.IGNORECASE)
"""A line that names an employer ("company - Fujitsu Consulting India", "Client: Acme")."""


def _company_name(text: str, start: int, end: int, labelled: bool) -> bool:
    """Whether a capitalised hit is a word of a company's name: capitalised words up to a
    legal form follow it ("Bajaj Finance Ltd", "TATA Communications Payment Solutions Ltd",
    "Rotex Engineers & Manufacturing Pvt. Ltd", "Mahindra Financial services limited"), or,
    with ``labelled``, it is on a line that names an employer ("company - Fujitsu Consulting
    India"). A work domain is not looked for there: "company - British Telecom" also says
    where the writer worked."""
    if not text[start : start + 1].isupper():
        return False
    if any(
        word[:1].islower() and word not in _NAME_WORDS for word in _WORDS.split(text[start:end])
    ):
        return False  # "Presentation skill", "Team-building": a skill's phrase, no name's words
    if _LEGAL_FORM.match(text, end) is not None:
        return True
    if not labelled:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    label = _COMPANY_LINE.match(text, line_start)
    # the name is what follows the label, up to a clause mark: a posting flattened to one line
    # may open with "Company: Acme" and go on to its duties
    return (
        label is not None
        and label.end() <= start <= label.end() + 40
        and _NAME_ENDS.search(text, label.end(), start) is None
    )


_NAME_ENDS = re.compile(r"[.,;:|·•/()]")
_NAME_WORDS = frozenset({*_NAME_NOUNS, "and", "of"})
"""Words in lower case that a capitalised hit may hold and still be a word of a name."""
_WORDS = re.compile(r"[ \t-]+")


def _firmly_required(cues: Cues, start: int, end: int) -> bool:
    """Whether a clause requires outright ("required", "must"), not just a level of skill."""
    positions, kinds, firm, _ = cues
    low = bisect.bisect_left(positions, start)
    high = bisect.bisect_left(positions, end)
    return any(kinds[i] is Strength.REQUIRED and firm[i] for i in range(low, high))


def _strength_cues(lowered: str, original: str) -> Cues:
    """The strength words of a lower-cased text, on word boundaries (``original`` is the text
    before lower-casing, for its capitals)."""
    positions: list[int] = []
    kinds: list[Strength] = []
    firm: list[bool] = []
    forward: list[bool] = []
    for index, start, end in _CUES.find_matches_as_indexes(lowered):
        before = lowered[start - 1 : start]
        after = lowered[end : end + 1]
        if before.isalnum() or (after.isalnum() and not original[end : end + 1].isupper()):
            continue  # inside a word, unless a sentence glued on follows ("a plusCloud")
        if index == _DESIRED and _DESCRIBED.match(original, end):
            continue  # "to achieve the desired performance metrics" wishes for no skill
        positions.append(start)
        kinds.append(_CUE_KINDS[index])
        firm.append(_FIRM[index])
        forward.append(_FORWARD[index])
    return positions, kinds, firm, forward


def _clause_strength(
    cues: Cues,
    start: int,
    end: int,
    parentheses: list[tuple[int, int, int]] | None = None,
    hit: tuple[int, int] = (-1, -1),
) -> Strength | None:
    """The strength a clause states outright ("... is a plus", "required"), if any.

    A clause that says both ("required: Python, Rust preferred") counts as preferred, though a
    hit's own part of it may require (:func:`_own_part_requires`). Words in
    parentheses speak only of what the parentheses are about (:func:`_parentheses`), and
    "ideally" or "preferably" only of what follows them; ``hit`` is the number and start of the
    hit whose strength is wanted.
    """
    positions, kinds, _, forward = cues
    low = bisect.bisect_left(positions, start)
    high = bisect.bisect_left(positions, end)
    if low == high:
        return None
    stated = kinds[low:high]
    if parentheses or hit[1] >= 0:
        opening = [p[0] for p in parentheses] if parentheses else []
        stated = []
        for i in range(low, high):
            if forward[i] and positions[i] > hit[1] >= 0:
                continue  # "SQL, ideally with Scala": the cue is about Scala
            at = bisect.bisect_right(opening, positions[i]) - 1
            if parentheses and at >= 0 and positions[i] < parentheses[at][1]:
                left, right, about = parentheses[at]
                if about == _ASIDE and not left <= hit[1] < right:
                    continue
                if about >= 0 and about != hit[0]:
                    continue
            stated.append(kinds[i])
        if not stated:
            return None
    return Strength.PREFERRED if Strength.PREFERRED in stated else Strength.REQUIRED


def _own_part_requires(cues: Cues, text: str, start: int, end: int, hit: Hit) -> bool:
    """Whether, in a clause from ``start`` to ``end`` that both requires and prefers, the hit's
    own part of it, between commas, requires outright and prefers nothing: "Proficiency in
    Python is required, knowing Bash is a plus" requires Python (the clause as a whole counts
    as preferred). Not a level or a quantity: "at least 6 years at a Big 4 firm, preferred"."""
    positions, kinds, firm, _ = cues
    left = max(start, text.rfind(",", start, hit.start) + 1)
    right = text.find(",", hit.end, end)
    low = bisect.bisect_left(positions, left)
    high = bisect.bisect_left(positions, end if right < 0 else right)
    own = kinds[low:high]
    return Strength.PREFERRED not in own and any(
        kinds[i] is Strength.REQUIRED and firm[i] for i in range(low, high)
    )


_PARENTHESIS = re.compile(r"\([^()\n]*\)")
_CLAUSE = -1
_ASIDE = -2


def _parentheses(text: str, hits: list[Hit]) -> list[tuple[int, int, int]]:
    """Each parenthesis (start, end, what it is about), in text order: ``_ASIDE`` when it names
    skills of its own ("Python (Spark preferred)" speaks of Spark), the number of the hit right
    before it when it names none ("Python (required), Go (a plus)"), else ``_CLAUSE``."""
    if "(" not in text:
        return []
    found = []
    starts = [hit.start for hit in hits]
    for match in _PARENTHESIS.finditer(text):
        left, right = match.span()
        inside = bisect.bisect_left(starts, left)
        if inside < len(hits) and hits[inside].start < right:
            found.append((left, right, _ASIDE))
            continue
        before = inside - 1
        near = before >= 0 and left - hits[before].end <= 3
        found.append((left, right, before if near else _CLAUSE))
    return found


_NO_YEARS: tuple[float | None, bool] = (None, False)


_EMPLOYER_BEFORE = re.compile(
    r"(?:^|(?<=[\s(\"“]))(?:At|AT|About|ABOUT|Join|Joining|[Hh]ere at|[Ww]ork at|"
    r"[Ww]orking at|[Ww]elcome to)[ \t\xa0]+$"
)
"""Words that put a company's name after them as the employer: "At Anyscale, we...", "About
Figma", "Join Hugging Face" (the capitals of "At" and "About" say a sentence or a heading
opens there, not "expertise at scale", "passionate about Python")."""
_EMPLOYER_AFTER = re.compile(
    r"(?:[ \t]+(?:AI|Inc\.?|LLC))?(?:[ \t]+(?:is|was|has been)[ \t]+(?:(?:a|an|the)[ \t]+"
    r"(?:leading|leader|global|world['’]s|fast[ -]growing|rapidly|venture|well[ -]funded|"
    r"industry['’]?s?|pioneer|premier|company|startup|start-up|provider|platform for|maker)|"
    r"on a mission|growing|hiring|looking for|seeking|founded|backed|redefining|transforming)\b|"
    r"['’]s[ \t]+(?:mission|vision|customers|employees|culture)\b|[ \t]*\((?:NYSE|NASDAQ|Nasdaq):|"
    r"[ \t]+started with\b)"
)
"""Words that make a capitalised name before them the employer: "Figma is growing our team",
"Arize is the leading machine learning observability platform", "Anyscale's mission",
"New Relic (NYSE: NEWR)"."""
_ASKED = frozenset({SectionKind.REQUIREMENTS, SectionKind.SKILLS, SectionKind.NICE_TO_HAVE})
"""Sections where a posting asks for skills: there the employer's own product is one
("Experience with Databricks" in a Databricks posting)."""


def _listed_with(text: str, hits: list[Hit], number: int) -> bool:
    """Whether hit ``number`` stands in a list with another skill, joined to the hit before or
    after it by a comma, "and" or "or" ("MPP databases, such as Snowflake, Redshift,
    BigQuery")."""
    hit = hits[number]
    if number and ITEM_JOINT.fullmatch(text, hits[number - 1].end, hit.start):
        return True
    return number + 1 < len(hits) and (
        ITEM_JOINT.fullmatch(text, hit.end, hits[number + 1].start) is not None
    )


def _employer(text: str, start: int, end: int, employers: frozenset[str]) -> bool:
    """Whether a hit is written as a name the posting gives its employer, or as the first
    words of one ("Snorkel" of "Snorkel AI")."""
    written = text[start:end]
    return written in employers or any(name.startswith(written + " ") for name in employers)


_NEIGHBOURLESS = frozenset({SectionKind.BENEFITS})
"""Sections whose ambiguous names a skill of another section does not confirm: a list of
perks is no list of skills ("Spark your career", "our in-house Chef"). (Others would lose
more than they gain: where a heading was misread, a list of tools runs over a boundary.)"""


def _neighbour_within(hits: list[Hit], number: int, low: int, high: int) -> bool:
    """Whether a skill that confirms its neighbours stands near ``hits[number]`` (an ambiguous
    name a nearby skill confirmed) inside ``[low, high)``, its own section: a skill just above
    a section's heading does not confirm a name below it ("...Docker and Kubernetes\nBenefits\n
    - Free lunch from our in-house Chef"). The hits as found, glued words split ("and
    HiveDeep knowledge"), answer first; :meth:`Matcher.confirmed_within` then looks again."""
    hit = hits[number]
    form = hit.form
    low, high = max(low, hit.start - form.window), min(high, hit.end + form.window)
    for other in hits:
        if other.start >= high:
            break
        if (
            other is not hit
            and other.start >= low
            and not other.form.ambiguous
            and (other.form.technical or not form.technical)
        ):
            return True
    return False


def _years(
    text: str, lowered: str, hits: list[Hit], number: int, line_start: int, line_end: int
) -> tuple[float | None, bool]:
    """Years of experience stated right before or after the mention of ``hits[number]``, within
    its sentence; before it, also across a list of skills: "4+ years with ETL, Data Modeling
    and SSAS" states four years of each. With whether they were stated before it, as a
    posting asks for them ("3+ years of Python"), not after it, as a resume lists them
    ("Python - Experience - 24 months"); ``lowered`` is the text in lower case
    (:func:`lower_aligned`)."""
    start, end = hits[number].start, hits[number].end
    reach = max(line_start, start - YEARS_REACH)
    if _UNIT.search(lowered, reach, start) is not None:
        reach = _sentence_start(text, reach, start)
        for cut in _list_cuts(text, hits, number, reach):
            low = max(reach, cut - 90)
            if _UNIT.search(lowered, low, cut) is None or _after_every_unit(lowered, low, cut):
                continue  # no unit, no phrase: cheap tests before the search
            found = _YEARS_BEFORE.search(text, low, cut)
            if found:
                unit = found.group(2).lower()[:1]
                if unit == "m" and _OF_EXPERIENCE.search(found.group()) is None:
                    return _NO_YEARS  # "the 18 month Snowflake migration" is no experience
                if found.group("made") and not hits[number].form.technical:
                    return _NO_YEARS  # "building teams in fast-paced environments"
                # "0-2 years of SQL" asks for none
                years = _number(found.group(1)) * _IN_YEARS.get(unit, 1)
                return (round(years, 2), True) if years else _NO_YEARS
    after = text[end : min(line_end, end + 30)]
    lowered = after.lower()
    if "year" in lowered or "yr" in lowered:
        found = _YEARS_AFTER.search(after)
        if found:
            return _number(found.group(1)) or None, False
    if "month" in lowered:
        found = _MONTHS_AFTER.search(after)
        if found and int(found.group(1)) > 0:
            return round(int(found.group(1)) / 12, 2), False
    if text[end : end + 8].lstrip(" \t").startswith(",") and "xperience" in text[end:line_end]:
        found = _LIST_EXPERIENCE.match(text, end, min(line_end, end + 400))
        if found and int(found.group(1)) > 0:
            count = int(found.group(1))
            in_years = found.group(2).lower().startswith("y")
            return (float(count) if in_years else round(count / 12, 2)), False
    return _NO_YEARS


_UNIT = re.compile("year|yr|decade|month|yoe")
"""The words of a span of experience, in lower case: a cheap test before the search for one."""
_NOT_AFTER_UNIT = re.compile(r"[^\w\s'’/&.:(,-]|,(?!\s*(?:such|like|including|e\.g))(?<!e\.g\.,)")
"""A character that no years phrase holds after its unit: :data:`_YEARS_BEFORE` reads only
words, spaces, ``'’/&.:(-`` and a comma before "such as", "like", "including" or "e.g." there
(in lower case)."""


def _after_every_unit(lowered: str, low: int, high: int) -> bool:
    r"""Whether ``lowered[low:high]`` holds a character no years phrase holds after its unit
    (:data:`_NOT_AFTER_UNIT`) after the last unit word in it: then no phrase can end at
    ``high``, and the search for one, which would try every way its optional parts could
    split the words before failing, is spared.

    Examples:
        >>> text = "2 to 3 years of experience in big data technologies including spark, hadoop, "
        >>> _after_every_unit(text, 0, len(text))
        True
        >>> _after_every_unit("3+ years of experience with ", 0, 28)
        False
    """
    stop = -1
    for stop_match in _NOT_AFTER_UNIT.finditer(lowered, low, high):
        stop = stop_match.start()
    if stop < 0:
        return False
    unit = -1
    for unit_match in _UNIT.finditer(lowered, low, high):
        unit = unit_match.start()
    return unit < stop


_IN_YEARS = {"d": 10, "m": 1 / 12}
"""Years in a decade and in a month, by the unit's first letter."""
_OF_EXPERIENCE = re.compile(r"\b(?:of|experience|exp)\b", re.IGNORECASE)
"""What makes months before a skill a span of experience ("18 months of experience with
Snowflake", "6 months of Python"), not a duration ("a 12 month contract", "the 18 month
migration")."""
YEARS_REACH = 250
"""How far (in characters) before a mention a years phrase may be, across a list of skills;
the phrase itself ends at most 90 characters before the list."""
_ITEM_JOIN = re.compile(
    r"\s*(?:\([^()\n]{0,30}\)\s*)?(?:[,;]?\s*(?:and/or|and|or|&)?|/)\s*", re.IGNORECASE
)
"""What joins two items of a list of skills: a comma, a conjunction or a slash, after an
aside ("Python (preferred) and/or Java")."""
_WORD_ITEM = re.compile(r"[\w.+#/-]+\s*(?:,|and|or|&|/)\s*$")
"""A one-word item of a list that names no skill of the taxonomy ("SQL, Foo and ")."""


def _list_cuts(text: str, hits: list[Hit], number: int, reach: int) -> Iterator[int]:
    """Where the text before ``hits[number]`` may end for a years phrase to state its years:
    right before it, then before each item of a list that it ends, back to ``reach`` ("3+
    years with SQL, Data Modeling and " before "SSAS")."""
    cut = hits[number].start
    yield cut
    previous = number - 1
    for _ in range(8):
        while previous >= 0 and hits[previous].end > cut:  # nested in, or crossing, a later hit
            previous -= 1
        if (
            previous >= 0
            and hits[previous].start >= reach
            and _ITEM_JOIN.fullmatch(text, hits[previous].end, cut)
        ):
            cut = hits[previous].start
            previous -= 1
        else:
            word = _WORD_ITEM.search(text, max(reach, cut - 40), cut)
            if word is None:
                return
            cut = word.start()
        yield cut


def _number(token: str) -> float:
    word = _NUMBER_WORDS.get(token.lower())
    return float(word) if word is not None else float(token)


# --------------------------------------------------------------------------- module API


@lru_cache(maxsize=2)
def _default_extractor(catalog_dir: Path | None = None, max_bytes: int | None = None) -> Extractor:
    from certpath.catalog import load_catalog

    return Extractor(load_catalog(catalog_dir), max_bytes)


def extract(source: Source, *, name: str | None = None, kind: Kind | None = None) -> Extraction:
    """Extract skill mentions from a path, bytes, text or Document, with the packaged catalog;
    ``kind`` ("resume" or "posting") says what it is when its format does not.

    Examples:
        >>> sorted(extract("Skills: Python, SQL, Docker").skill_ids())
        ['docker', 'python', 'sql']
        >>> extract("Expertise in Python is required", kind="resume").mentions[0].strength.value
        'mentioned'
    """
    return _default_extractor().extract(source, name=name, kind=kind)


_WORKER: Extractor | None = None


def _init_worker(catalog_dir: Path | None, max_bytes: int | None) -> None:
    global _WORKER
    _WORKER = _default_extractor(catalog_dir, max_bytes)


def _work(item: Source, kind: Kind | None = None) -> Extraction | DocumentError:
    assert _WORKER is not None
    return _extract_or_error(_WORKER, item, kind)


def _extract_or_error(
    extractor: Extractor, item: Source, kind: Kind | None = None
) -> Extraction | DocumentError:
    try:
        return extractor.extract(item, kind=kind)
    except DocumentError as error:
        return error


@overload
def extract_many(
    sources: Iterable[Source],
    *,
    processes: int | None = ...,
    chunksize: int = ...,
    catalog_dir: Path | None = ...,
    max_bytes: int | None = ...,
    errors: Literal["raise"] = ...,
    kind: Kind | None = ...,
) -> Iterator[Extraction]: ...
@overload
def extract_many(
    sources: Iterable[Source],
    *,
    processes: int | None = ...,
    chunksize: int = ...,
    catalog_dir: Path | None = ...,
    max_bytes: int | None = ...,
    errors: Literal["return"],
    kind: Kind | None = ...,
) -> Iterator[Extraction | DocumentError]: ...
def extract_many(
    sources: Iterable[Source],
    *,
    processes: int | None = None,
    chunksize: int = 16,
    catalog_dir: Path | None = None,
    max_bytes: int | None = None,
    errors: Literal["raise", "return"] = "raise",
    kind: Kind | None = None,
) -> Iterator[Extraction | DocumentError]:
    """Extract a batch, in order, spread over ``processes`` (default: all cores); ``kind``
    says what every document of the batch is (see :func:`extract`).

    Each worker compiles the matcher once; results equal :func:`extract` one at a time.
    ``processes=1`` runs in this process (no pool). A source that cannot be read raises its
    :class:`DocumentError` (``errors="raise"``) or takes its place in the results
    (``errors="return"``).

    Examples:
        >>> [sorted(r.skill_ids()) for r in extract_many(["Python", "SQL and R"], processes=1)]
        [['python'], ['r', 'sql']]
    """
    results = _mapped(
        partial(_work, kind=kind), sources, processes, chunksize, catalog_dir, max_bytes
    )
    yield from _raise_or_return(results, errors)


SkillRow = tuple[str, str, float | None, float, bool]
"""A document's skill as plain values: (skill, strength, years, confidence, inferred)."""


def skill_rows(extractor: Extractor, source: Source) -> list[SkillRow] | DocumentError:
    """One document's skills as plain tuples, or the :class:`DocumentError` reading it raised.

    What :func:`skill_rows_many` computes per document; the Spark engine calls it per posting.
    """
    try:
        return extractor.skill_rows(extractor.read(source))
    except DocumentError as error:
        return error


def _rows(item: Source) -> list[SkillRow] | DocumentError:
    assert _WORKER is not None
    return skill_rows(_WORKER, item)


def skill_rows_many(
    sources: Iterable[Source],
    *,
    processes: int | None = None,
    chunksize: int = 64,
    catalog_dir: Path | None = None,
    max_bytes: int | None = None,
) -> Iterator[list[SkillRow] | DocumentError]:
    """Like :func:`extract_many` for bulk jobs: each document's skills as plain tuples.

    Only the per-skill summary crosses the process boundary (not the text, mentions and
    evidence), which is what the market pipeline stores; an unreadable source yields its
    :class:`DocumentError`.
    """
    yield from _mapped(_rows, sources, processes, chunksize, catalog_dir, max_bytes)


T = TypeVar("T")


def _mapped(
    work: Callable[[Source], T],
    sources: Iterable[Source],
    processes: int | None,
    chunksize: int,
    catalog_dir: Path | None,
    max_bytes: int | None,
) -> Iterator[T]:
    """``work`` over the sources, in order: in this process for one worker, else in a pool
    whose workers each compile the extractor once."""
    workers = processes or os.cpu_count() or 1
    if workers <= 1:
        _init_worker(catalog_dir, max_bytes)
        yield from (work(source) for source in sources)
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(catalog_dir, max_bytes)
    ) as pool:
        yield from pool.map(work, sources, chunksize=chunksize)


def _raise_or_return(
    results: Iterable[Extraction | DocumentError], errors: str
) -> Iterator[Extraction | DocumentError]:
    for result in results:
        if isinstance(result, DocumentError) and errors == "raise":
            raise result
        yield result
