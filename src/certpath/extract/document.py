"""The objects extraction reads and produces: a document with sections, and skill mentions.

Readers turn a file into a :class:`Document` (text, sections, metadata); the matcher turns a
document's text into :class:`Mention` objects. Mentions are frozen slotted dataclasses because
millions of them pass through the market pipeline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class SectionKind(StrEnum):
    """What a part of a resume or posting is about."""

    SUMMARY = "summary"
    SKILLS = "skills"
    EXPERIENCE = "experience"
    EDUCATION = "education"
    PROJECTS = "projects"
    CERTIFICATIONS = "certifications"
    RESPONSIBILITIES = "responsibilities"
    REQUIREMENTS = "requirements"
    NICE_TO_HAVE = "nice-to-have"
    BENEFITS = "benefits"
    COMPANY = "company"
    OTHER = "other"


class DocumentKind(StrEnum):
    """What a document is, when known: a resume states skills, a posting asks for them."""

    RESUME = "resume"
    POSTING = "posting"
    UNKNOWN = "unknown"


class Strength(StrEnum):
    """How strongly a posting asks for a skill."""

    REQUIRED = "required"
    PREFERRED = "preferred"
    MENTIONED = "mentioned"


@dataclass(frozen=True, slots=True)
class Section:
    """A span of the document's text under one heading (or none, for the opening part)."""

    kind: SectionKind
    start: int
    end: int
    heading: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A readable document.

    Attributes:
        text: the document's text; every span refers to it.
        source: where it came from: a path, or ``<text>`` / ``<bytes>``.
        format: the reader that produced it (``text``, ``markdown``, ``pdf``, ``docx``, ``html``,
            ``json-resume``, ``linkedin-export``, ``jobposting``).
        sections: the sections in order, covering the text without gaps.
        metadata: what the format states beyond text (a posting's title, datePosted,
            baseSalary, jobLocation; a resume's name and positions...).
        kind: a resume or a posting, when the format or the caller says so. A resume's
            mentions are never "required" or "preferred": its words ("expertise in",
            "must-have skills I bring") describe the writer, not a demand.
    """

    text: str
    source: str = "<text>"
    format: str = "text"
    sections: tuple[Section, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)
    kind: DocumentKind = DocumentKind.UNKNOWN

    def section_at(self, offset: int) -> Section | None:
        """The section holding a character offset."""
        for section in self.sections:
            if section.start <= offset < section.end:
                return section
        return None


@dataclass(frozen=True, slots=True)
class Mention:
    """One skill found in a text, with the evidence for it.

    Attributes:
        skill: canonical skill id.
        text: the matched text exactly as written.
        start, end: character span in the document's text.
        section: the section kind the mention is in.
        strength: required / preferred / mentioned.
        years: years of experience stated for the skill, when the text says.
        confidence: 0..1.
        inferred: True for a parent implied by a narrower skill (SageMaker -> AWS); then the
            span is the narrower skill's.
    """

    skill: str
    text: str
    start: int
    end: int
    section: SectionKind = SectionKind.OTHER
    strength: Strength = Strength.MENTIONED
    years: float | None = None
    confidence: float = 1.0
    inferred: bool = False
