"""Extraction: text of resumes and job postings -> skill mentions with evidence.

Readers turn files into documents, the matcher finds skills in their text, and the pipeline
adds sections, requirement strength, years of experience, confidence and inferred parents.
"""

from __future__ import annotations

from certpath.extract.document import Document, Mention, Section, SectionKind, Strength

__all__ = ["Document", "Mention", "Section", "SectionKind", "Strength"]
