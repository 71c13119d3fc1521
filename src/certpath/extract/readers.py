"""Readers: a file, bytes or text -> a :class:`~certpath.extract.document.Document`.

The first step of extraction: every supported format (text, Markdown, PDF, DOCX, HTML, JSON
Resume, LinkedIn export, schema.org JobPosting) becomes plain text with headings on their own
lines, then :func:`~certpath.extract.sections.detect_sections` splits it for the matcher.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import dataclasses
import io
import itertools
import json
import logging
import math
import os
import re
import stat
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from html import unescape
from pathlib import Path
from typing import Any, Final

import ftfy

from certpath.errors import DocumentError
from certpath.extract.document import Document, DocumentKind, Section
from certpath.extract.sections import detect_sections, guess_kind, heading_kind

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "html_to_text",
    "legacy_text",
    "normalise_text",
    "read",
    "read_text",
]

DEFAULT_MAX_BYTES: Final = 20 * 1024 * 1024
"""The largest input read by default; ``Settings.max_document_mb`` overrides it at the edge."""

FORMATS: Final = (
    "text",
    "markdown",
    "pdf",
    "docx",
    "html",
    "json-resume",
    "linkedin-export",
    "jobposting",
)
"""The values ``format=`` accepts, which are also the values of ``Document.format``."""

_MAX_PATH_CHARS: Final = 4096
_MIN_PDF_WORDS: Final = 3
_WORD: Final = re.compile(r"[^\W\d_]{2,}")
_SCAN_NOISE: Final = re.compile(
    r"(?im)^[ \t]*(?:(?:scanned|created|made) (?:with|by|using) [\w ]{0,30}|page \d+(?: of \d+)?"
    r"|\d+)[ \t]*$"
)
"""What a scan without a text layer still carries as text: its app's watermark ("Scanned
with CamScanner") and page numbers. A PDF with fewer than three words beside them has no text
layer; "Python SQL AWS Go" does."""
_SNIFF_WINDOW: Final = 4096
_MAX_JSON_DEPTH: Final = 8

_EXTENSIONS: Final[Mapping[str, str]] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".zip": "zip",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonld": "json",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
}

_DESCRIPTIONS: Final[Mapping[str, str]] = {
    "pdf": "a PDF",
    "docx": "a Word document (DOCX)",
    "zip": "a zip archive",
    "linkedin-export": "a LinkedIn data export (zip)",
    "html": "an HTML page",
    "json": "JSON",
    "text": "plain text",
    "markdown": "Markdown text",
}

# Formats that are not read, recognised by their first bytes so the message can say what to do.
_OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""An OLE compound file: an old .doc, or a .docx protected by a password."""
_UNSUPPORTED_MAGIC: Final = (
    (
        _OLE_MAGIC,
        "an old Word 97-2003 (.doc) or other legacy Office file",
        "open it in Word or LibreOffice and save it as .docx or PDF",
    ),
    (b"{\\rtf", "a Rich Text (.rtf) file", "save it as .docx, PDF or plain text"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "run OCR on it first or provide the text"),
    (b"\xff\xd8\xff", "a JPEG image", "run OCR on it first or provide the text"),
    (b"GIF8", "a GIF image", "run OCR on it first or provide the text"),
    (b"II*\x00", "a TIFF image", "run OCR on it first or provide the text"),
    (b"MM\x00*", "a TIFF image", "run OCR on it first or provide the text"),
    (b"\x1f\x8b", "a gzip archive", "unpack it and give the file inside"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it and give the file inside"),
    (b"Rar!", "a RAR archive", "unpack it and give the file inside"),
)

_LINKEDIN_FILES: Final = (
    "profile.csv",
    "positions.csv",
    "skills.csv",
    "education.csv",
    "projects.csv",
    "certifications.csv",
)
_NAMES: Final[Mapping[str, str]] = {
    "text": "text",
    "markdown": "Markdown file",
    "pdf": "PDF",
    "docx": "Word document",
    "html": "HTML page",
    "json-resume": "JSON Resume",
    "linkedin-export": "LinkedIn export",
    "jobposting": "job posting",
    "json": "JSON file",
}

# Elements whose content is never visible on a rendered page.
_HIDDEN_TAGS: Final = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "head",
        "iframe",
        "object",
        "canvas",
        "nav",  # a site's menus ("Rust tutorials", "Home | Jobs")
        "select",  # a form's choices ("Go", "Java" in a language picker)
    }
)
_CONTENT_TAGS: Final = frozenset({"article", "main"})
"""Where a footer belongs to the document (a posting's own footer), not to the site."""
_BLOCK_TAGS: Final = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "caption",
        "option",
        "select",
    }
)
_PARAGRAPH_TAGS: Final = frozenset(
    {"article", "h1", "h2", "h3", "h4", "h5", "h6", "p", "section", "table", "ul", "ol"}
)
_CELL_TAGS: Final = frozenset({"td", "th"})
_CHIP_TAGS: Final = frozenset({"a", "span", "button", "label"})
"""Inline elements that pages set side by side as separate items (skill tags, link lists):
one that follows another with nothing between them is read after a space."""

_HTML_START = re.compile(
    r"\A\s*<(?:!doctype\s+html|html|head|body|meta|title|div|p|h[1-6]|ul|ol|section|article"
    r"|main|header|span|table)\b",
    re.IGNORECASE,
)
_HTML_ANYWHERE = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
_HTML_END = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)
# markup in a posting's text: HTML's own elements, so "List<String>" or "<jobs@acme.com>" in a
# plain description keeps its lines
_HAS_TAG = re.compile(
    r"</?(?:p|br|div|span|ul|ol|li|b|strong|i|em|u|h[1-6]|a|table|tr|td|th|tbody|thead|section|"
    r"article|font|small|sup|sub|blockquote|pre|code|hr|img|dl|dt|dd)\b[^<>]*>",
    re.IGNORECASE,
)
_MARKUP = re.compile(
    r"<(?:[a-z][a-z0-9:-]*(?:\s[^<>]*)?/?|/[a-z][a-z0-9:-]*\s*)>|<!--|<!doctype\b"
    r"|&(?:[a-z][a-z0-9]+|#\d{1,7}|#x[0-9a-f]{1,6});",
    re.IGNORECASE,
)
"""Any markup: a start or end tag, a comment, a doctype or an entity. A fragment ("<p>Python</p>",
"Python &amp; SQL") has some; a page's text saved as .html has none ("<jane@acme.com>" and
"a < b" are no tags)."""
_JSON_WRAPPING = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACE_RUN = re.compile(r"\s+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_LINE_BREAK = re.compile(r"[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
"""Any of them: a character class, which a search runs through faster than an alternation."""
# C0 and C1 controls, DEL and stray byte-order marks; \t and \n are kept.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe]")
_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\([^)\s]+(?:\s+\"[^\"\n]*\")?\)")
_MD_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def read(
    source: str | bytes | os.PathLike[str],
    *,
    name: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    format: str | None = None,
) -> Document:
    """Read a resume or job posting into a document with its text, sections and metadata.

    What ``source`` means depends on its type:

    * a :class:`pathlib.Path` (any ``os.PathLike``): the file at that path;
    * ``bytes``: a file's content; the format is sniffed from the content, with ``name``'s
      extension as a hint that must agree with it;
    * ``str``: the text itself, **except** when it is a single line shorter than 4096
      characters that names an existing file: then that file is read; a line that can only be
      a path (a document's extension and no spaces, as in ``"cv.pdf"``, or a folder's path) but
      names no file is a ``not-found`` (or folder) error, not a one-line text. Untrusted text (a web
      form) must go through :func:`read_text`, which never opens a file.

    Formats are recognised by content: ``%PDF-`` (PDF), a zip holding ``word/document.xml``
    (DOCX) or LinkedIn's ``Profile.csv``/``Positions.csv``/``Skills.csv`` (LinkedIn export),
    JSON with ``basics``/``work``/``skills`` (JSON Resume) or ``@type: JobPosting``
    (schema.org, also inside ``@graph`` or a list), HTML, else text (Markdown by extension).
    An HTML page embedding a JobPosting as JSON-LD is read as that posting.

    Args:
        source: a path, a file's bytes, or text (see above).
        name: the file name for ``bytes``/``str`` input; its extension is a format hint and it
            becomes the document's ``source``.
        max_bytes: inputs (and zip contents once unpacked) larger than this are refused; the
            CLI and web app pass ``Settings.max_document_mb`` converted to bytes.
        format: force a reader, one of :data:`FORMATS`, instead of sniffing. A forced
            ``html`` returns the page's visible text even when it embeds a JobPosting.

    Returns:
        The document; ``format`` says which reader produced it.

    Raises:
        DocumentError: with ``reason`` ``not-found``, ``empty``, ``too-large``, ``encoding``,
            ``format-mismatch``, ``no-text-layer``, ``unsupported`` or ``corrupt``; the
            message says what is wrong and what to do.

    Examples:
        >>> doc = read("Jane Doe\\nSkills\\nPython, SQL")
        >>> doc.format, [section.kind.value for section in doc.sections]
        ('text', ['other', 'skills'])
        >>> read(b'{"basics": {"name": "Jane"}, "skills": [{"name": "Python"}]}').format
        'json-resume'
    """
    _check_format(format, name or "<input>")
    if isinstance(source, str):
        path = _existing_file(source)
        if path is None and _names_a_file(source):
            # a missing file or a folder: its error, not its name
            path = Path(source.strip()).expanduser()
        if path is None:
            return read_text(source, name=name, max_bytes=max_bytes, format=format)
        return _read_path(path, max_bytes=max_bytes, format=format)
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        label = name or "<bytes>"
        _check_size(len(data), max_bytes, label)
        return _read_bytes(data, label, _extension(name), max_bytes, format)
    # os.fspath raises TypeError for anything that is not a path either.
    return _read_path(Path(os.fspath(source)), max_bytes=max_bytes, format=format)


def read_text(
    text: str,
    *,
    name: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    format: str | None = None,
) -> Document:
    """Read text that is already in memory; unlike :func:`read`, never opens a file.

    The text may be plain text, Markdown (when ``name`` ends in ``.md``), HTML, JSON Resume or
    JobPosting JSON(-LD); the format is sniffed as for :func:`read`.

    Args:
        text: the content.
        name: a file name whose extension hints the format; it becomes the document's source.
        max_bytes: the largest UTF-8 size accepted.
        format: force a text reader (``text``, ``markdown``, ``html``, ``json-resume``,
            ``jobposting``).

    Returns:
        The document.

    Raises:
        DocumentError: as :func:`read`.

    Examples:
        >>> read_text("/etc/hostname").text
        '/etc/hostname'
    """
    label = name or "<text>"
    _check_format(format, label)
    if len(text) > max_bytes:
        _check_size(len(text), max_bytes, label)
    # Lone surrogates cannot be encoded; they carry no text, so they become U+FFFD.
    encoded = text.encode("utf-8", errors="replace")
    _check_size(len(encoded), max_bytes, label)
    if not text.strip():
        raise DocumentError(label, "empty", "the text is empty; paste or give the document")
    if format in ("pdf", "docx", "linkedin-export"):
        raise DocumentError(
            label,
            "unsupported",
            f"a {format} document must be given as a file or bytes, not as text; "
            "pass its path or its bytes",
        )
    clean = encoded.decode("utf-8")
    expected = format or _EXTENSIONS.get(_extension(name) or "")
    if expected in ("pdf", "docx", "zip"):
        raise _mismatch(label, _extension(name) or "", _sniff_text(clean))
    return _read_decoded(clean, label, expected, {}, forced=format is not None)


# --- input handling ---------------------------------------------------------------------------


def _check_format(format: str | None, label: str) -> None:
    if format is not None and format not in FORMATS:
        raise DocumentError(
            label,
            "unsupported",
            f"unknown format {format!r}; use one of {', '.join(FORMATS)} or leave it out to "
            "detect the format from the content",
        )


def _existing_file(text: str) -> Path | None:
    """The file a one-line string names, or None when the string is content."""
    if not text.strip() or len(text) >= _MAX_PATH_CHARS or "\n" in text or "\r" in text:
        return None
    path = Path(text).expanduser()
    try:
        return path if path.is_file() else None
    except (OSError, ValueError):  # NUL bytes, names too long for the file system...
        return None


def _names_a_file(text: str) -> bool:
    """Whether a one-line string that names no existing file is still meant as a path: a
    name with a document's extension and no spaces ("cv.pdf", "/home/jane/cv.pdf", also
    "/home/jane/My CV.pdf" from the root or home), or a folder's path ("/home/jane/")."""
    line = text.strip()
    if not line or "\n" in text or "\r" in text or len(text) >= _MAX_PATH_CHARS:
        return False
    rooted = line.startswith(("/", "~", "./", "../", "\\")) or bool(_DRIVE.match(line))
    try:
        if ("/" in line or os.sep in line) and Path(line).is_dir():
            return True
    except (OSError, ValueError):
        return False
    return Path(line).suffix.lower() in _EXTENSIONS and (" " not in line or rooted)


_DRIVE = re.compile(r"[A-Za-z]:[\\/]")


def _extension(name: str | None) -> str | None:
    if not name:
        return None
    suffix = Path(name).suffix.lower()
    return suffix or None


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f}".removesuffix(".0") + " MB"
    if count >= 1024:
        return f"{count / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{count} bytes"


def _too_large(label: str, what: str, size: int | None, max_bytes: int) -> DocumentError:
    limit = _size(max_bytes)
    stated = f"{what} {_size(size)}" if size is not None else f"{what} more than the limit"
    if size is not None and _size(size) == limit:  # "1 MB, over the 1 MB limit" says nothing
        stated, limit = f"{what} {size:,} bytes", f"{max_bytes:,}-byte"
    return DocumentError(
        label,
        "too-large",
        f"{stated}, over the {limit} limit; give a smaller file (only the resume "
        "or posting), or raise the limit with the CERTPATH_MAX_DOCUMENT_MB setting",
    )


def _check_size(size: int, max_bytes: int, label: str) -> None:
    if size > max_bytes:
        raise _too_large(label, "it is", size, max_bytes)


def _read_path(path: Path, *, max_bytes: int, format: str | None) -> Document:
    label = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DocumentError(
            label, "not-found", "there is no such file; check the path and the file name"
        ) from None
    except OSError as error:
        raise DocumentError(
            label, "not-found", f"the file cannot be opened ({error.strerror}); check the path"
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise DocumentError(
            label, "unsupported", "this is a folder, not a file; give the resume or posting file"
        )
    if not stat.S_ISREG(info.st_mode):
        raise DocumentError(
            label, "unsupported", "this is not a regular file; save the content to a file first"
        )
    _check_size(info.st_size, max_bytes, label)
    try:
        with path.open("rb") as handle:
            # Read one byte past the limit in case the file grew since stat().
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise DocumentError(
            label,
            "not-found",
            f"the file cannot be read ({error.strerror}); check that it exists and that you "
            "may read it",
        ) from None
    _check_size(len(data), max_bytes, label)
    return _read_bytes(data, label, path.suffix.lower() or None, max_bytes, format)


# --- format detection -------------------------------------------------------------------------


def _binary_kind(data: bytes) -> str | None:
    """``pdf`` or ``zip`` for the binary formats read; None for anything else."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    return None


_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
"""The stream a password-protected .docx (an OLE container, as old .doc files are) holds."""


def _unsupported_binary(data: bytes, label: str) -> None:
    if data.startswith(_OLE_MAGIC) and _ENCRYPTED_PACKAGE in data[: 1 << 20]:
        raise DocumentError(
            label,
            "unsupported",
            "this Word document is protected by a password, so its text cannot be read; open "
            "it in Word, remove the password (File, Info, Protect Document) and save it again",
        )
    for magic, what, advice in _UNSUPPORTED_MAGIC:
        if data.startswith(magic):
            raise DocumentError(
                label, "unsupported", f"this is {what}, which is not read; {advice}"
            )


def _sniff_text(text: str) -> str:
    """``json``, ``html`` or ``text`` for decoded content."""
    head = text[:_SNIFF_WINDOW].lstrip()
    if head.startswith("{"):
        return "json"
    if head.startswith("[") and text.rstrip().endswith("]"):
        return "json" if _parses(text) else "text"
    if _HTML_START.match(head) or _page_after_preamble(text[:65536]):
        return "html"
    return "text"


def _page_after_preamble(head: str) -> bool:
    """Whether text that does not start as a page still is one, after a preamble (a comment, a
    line a tool wrote): it opens ``<html>`` or ``<body>``, closes one, and is marked up
    throughout. Text that only names the tags ("Semantic HTML5 (<header>, <body> layout)")
    is not."""
    return (
        _HTML_ANYWHERE.search(head) is not None
        and _HTML_END.search(head) is not None
        and len(_HAS_TAG.findall(head)) >= 3
    )


def _parses(text: str) -> bool:
    """Whether ``text`` is a JSON document."""
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def _mismatch(label: str, extension: str, actual: str) -> DocumentError:
    named = _DESCRIPTIONS.get(_EXTENSIONS.get(extension, ""), f"a {extension} file")
    content = _DESCRIPTIONS.get(actual, actual)
    right = {
        "pdf": ".pdf",
        "docx": ".docx",
        "linkedin-export": ".zip",
        "html": ".html",
        "json": ".json",
        "text": ".txt",
        "markdown": ".md",
    }.get(actual, "")
    fix = f"rename it to {right}" if right else "rename it"
    return DocumentError(
        label,
        "format-mismatch",
        f"the name ends in {extension}, which means {named}, but the content is {content}; "
        f"{fix} or export the document again in the format its name says",
    )


def _read_bytes(
    data: bytes, label: str, extension: str | None, max_bytes: int, format: str | None
) -> Document:
    if not data:
        raise DocumentError(
            label, "empty", "the file is empty (0 bytes); check that you chose the right file"
        )
    expected = _EXTENSIONS.get(extension or "")
    if format is not None:
        return _read_forced(data, label, format, max_bytes)
    kind = _binary_kind(data)
    if kind == "pdf":
        if expected not in (None, "pdf"):
            raise _mismatch(label, extension or "", "pdf")
        return _read_pdf(data, label)
    if kind == "zip":
        archive = _open_zip(data, label, max_bytes)
        inner = _zip_kind(archive)
        if inner is not None and expected not in (None, "zip", inner):
            raise _mismatch(label, extension or "", inner)
        if inner == "docx":
            return _read_docx(data, label)
        if inner == "linkedin-export":
            return _read_linkedin(archive, label, max_bytes)
        raise _unknown_zip(label, archive)
    _unsupported_binary(data, label)
    if expected in ("pdf", "docx", "zip"):
        try:
            text, _ = _decode(data, label)
        except DocumentError:
            raise DocumentError(
                label,
                "corrupt",
                f"the name says {_DESCRIPTIONS[expected]} but the content is not one (it is "
                "unrecognised binary data); the file is damaged or not what its name says: "
                "export it again",
            ) from None
        raise _mismatch(label, extension or "", _sniff_text(text))
    text, encoding = _decode(data, label)
    metadata = {"encoding": encoding} if encoding != "utf-8" else {}
    if expected == "json" and _sniff_text(text) == "html":
        raise _mismatch(label, extension or "", "html")
    if expected == "text" and extension in (".txt", ".text"):
        # a page or a JSON file saved as .txt would be read as its markup ("<style>...")
        actual = _sniff_text(text)
        if (actual == "json" and _parses(text)) or (actual == "html" and _HTML_START.match(text)):
            raise _mismatch(label, extension, actual)
    if expected == "html":
        # a page's text saved under its name would otherwise be read as a page, silently
        actual = _sniff_text(text)
        if actual == "json" or (actual == "text" and _MARKUP.search(text) is None):
            raise _mismatch(label, extension or "", actual)
    return _read_decoded(text, label, expected, metadata)


def _read_forced(data: bytes, label: str, format: str, max_bytes: int) -> Document:
    if format == "pdf":
        if _binary_kind(data) != "pdf":
            raise DocumentError(
                label, "corrupt", "this is not a PDF (no %PDF- header); give the PDF file itself"
            )
        return _read_pdf(data, label)
    if format in ("docx", "linkedin-export"):
        archive = _open_zip(data, label, max_bytes)
        inner = _zip_kind(archive)
        if inner != format:
            raise DocumentError(
                label,
                "format-mismatch",
                f"this was read as {_DESCRIPTIONS[format]} but it is "
                f"{_DESCRIPTIONS.get(inner or 'zip', 'a zip archive')}; leave the format out "
                "to detect it",
            )
        if format == "docx":
            return _read_docx(data, label)
        return _read_linkedin(archive, label, max_bytes)
    text, encoding = _decode(data, label)
    metadata = {"encoding": encoding} if encoding != "utf-8" else {}
    return _read_decoded(text, label, format, metadata, forced=True)


def _read_decoded(
    text: str,
    label: str,
    expected: str | None,
    metadata: dict[str, Any],
    *,
    forced: bool = False,
) -> Document:
    """Dispatch decoded text to its reader; ``expected`` is a format or an extension kind."""
    kind = expected or _sniff_text(text)
    if kind == "markdown":
        markdown = _markdown_text(normalise_text(text))
        return _outside_code(
            _finish(markdown, label, "markdown", metadata, _markdown_headings(markdown))
        )
    if kind == "text":
        return _finish(normalise_text(text), label, "text", metadata)
    if kind == "html" or (kind == "jobposting" and _sniff_text(text) == "html"):
        # a forced "jobposting" on a page reads the posting it embeds
        return _read_html(text, label, metadata, embedded=kind == "jobposting" or not forced)
    if kind in ("json", "json-resume", "jobposting"):
        return _read_json(text, label, None if kind == "json" else kind, metadata)
    raise AssertionError(f"unhandled format {kind}")  # pragma: no cover


# --- text decoding and normalisation ----------------------------------------------------------


def _decode(data: bytes, label: str) -> tuple[str, str]:
    """The text and the encoding it was in; an ``encoding`` error when it is not text."""
    advice = "save it as UTF-8 text (in most editors: Save As, Encoding: UTF-8) and try again"
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", label, advice), "utf-8"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _strict(data, "utf-32", label, advice), "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", label, advice), "utf-16"
    if b"\x00" in data:
        raise DocumentError(
            label,
            "encoding",
            "the file contains NUL bytes, so it is binary data or UTF-16/UTF-32 text without a "
            f"byte-order mark; if it is a document, {advice}",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    else:
        if not _looks_like_text(text, strict=False):
            raise DocumentError(
                label, "encoding", f"the file is mostly control characters, not text; {advice}"
            )
        return text, "utf-8"
    # valid UTF-8 wins over a page's <meta charset>: pages converted to UTF-8 keep the old
    # declaration more often than they lie about UTF-8
    declared = _declared_charset(data)
    if declared is not None:
        found = _declared_text(data, declared)
        if found is not None:
            return found
    found = legacy_text(data)
    if found is not None:
        return found
    position = utf8_error.start
    stated = ""
    if declared is not None:
        stated = f"; the page's <meta> says charset={declared}, " + (
            "which does not decode it either"
            if _charset_codec(declared)
            else "which is not an encoding web pages use"
        )
    raise DocumentError(
        label,
        "encoding",
        f"the file is not valid UTF-8 (byte 0x{data[position]:02x} at position {position}) and "
        "does not read as Windows-1252, Central European (Windows-1250, ISO-8859-2) or Turkish "
        f"(Windows-1254) text either{stated}; {advice}",
    )


_TYPOGRAPHY: Final = frozenset("\xa0\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\xb7")


def _runs_of_accents(text: str) -> bool:
    """Whether ``text`` is mostly runs of non-ASCII characters, as Chinese, Japanese or
    Cyrillic in a legacy encoding reads when decoded as Windows-1252 ("¼òÀú"); Western text has
    its accents and smart quotes one at a time ("résumé", "“Python”"), and its no-break spaces,
    bullets and dashes, which word processors repeat ("·\xa0\xa0\xa0\xa0Python"), are none."""
    foreign = [
        index for index, char in enumerate(text) if not char.isascii() and char not in _TYPOGRAPHY
    ]
    joined = sum(1 for before, index in itertools.pairwise(foreign) if index == before + 1)
    return joined >= 3 and joined * 2 > len(foreign)


def _strict(data: bytes, encoding: str, label: str, advice: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DocumentError(
            label,
            "encoding",
            f"the file says it is {encoding.upper()} (byte-order mark) but byte {error.start} "
            f"is not valid {encoding.upper()}; {advice}",
        ) from None
    return text.removeprefix("\ufeff")


def _looks_like_text(text: str, *, strict: bool) -> bool:
    if not text:
        return True
    controls = len(_CONTROLS.findall(text))
    if strict:
        if controls:
            return False
        readable = sum(1 for char in text if char.isalnum() or char.isspace())
        return readable / len(text) >= 0.6
    return controls / len(text) <= 0.1


# --- legacy single-byte code pages ------------------------------------------------------------


def _alphabets(*languages: str) -> tuple[frozenset[str], ...]:
    """The letters beyond ASCII of each language, small and capital."""
    return tuple(frozenset(letters + letters.upper()) for letters in languages)


_WESTERN: Final = _alphabets(
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüßé",  # German ("Café" in German text)
    "áéíñóúü",  # Spanish, Galician, Basque
    "àáâãçéêíóôõúü",  # Portuguese
    "àèéìíîòóù",  # Italian
    "àçèéíïòóúü",  # Catalan
    "áàâäéèêëíïóôöúûü",  # Dutch, Afrikaans
    "åæøéèêóòô",  # Danish, Norwegian
    "åäöéü",  # Swedish
    "åäöšž",  # Finnish
    "äöõüšž",  # Estonian
    "áðéíóúýþæö",  # Icelandic
    "áðíóúýæø",  # Faroese
    "çë",  # Albanian
)
"""The languages Windows-1252 is written for: a text in it uses the letters of one of them."""
_CENTRAL: Final = _alphabets(
    "ąćęłńóśźżäöüé",  # Polish, with the German names and "café" a resume may hold
    "áčďéěíňóřšťúůýžäöü",  # Czech
    "áäčďéíĺľňóôŕšťúýžöü",  # Slovak
    "áéíóöőúüűä",  # Hungarian
    "čćđšžäöüé",  # Slovene, Croatian, Bosnian, Serbian in Latin letters
    "ăâîşţäöüé",  # Romanian
)
"""The languages Windows-1250 and ISO-8859-2 are written for."""
_TURKISH: Final = _alphabets("çğıİöşüâîû")
_ICELANDIC_ONLY: Final = frozenset("ðþýÐÞÝ")
_ICELANDIC_VOWELS: Final = frozenset("áéíóúæÁÉÍÓÚÆ")
_LEGACY_PAGES: Final = (
    ("cp1250", _CENTRAL),
    ("iso8859-2", _CENTRAL),
    ("cp1254", _TURKISH),
)
"""The code pages tried, in order, when a text is neither UTF-8 nor Western Windows-1252; they
differ from it only in some bytes from 0x80, so ASCII reads the same in all of them."""
_MIN_DIFFERENCES: Final = 3
"""The characters two readings must differ in before the letters alone decide between them."""
# the signs beyond ASCII that typography puts between two letters ("don’t", "l·l",
# "Python–SQL"), before a word's first letter ("¿Qué", "„Wort“", "°C") and after its last
# ("Python™", "m²", "»Wort«"); any other glued to a word is a letter read in the wrong code page
_BETWEEN_LETTERS: Final = frozenset("’‘ʼ´`·‐‑–—…•®™°")
_BEFORE_A_WORD: Final = frozenset("‘’“”„‚«»‹›¿¡´`·‐‑–—…•°©§¶€")
_AFTER_A_WORD: Final = frozenset("’‘”“«»‹›´`·‐‑–—…•®™©°¹²³%‰€")
_ANYWHERE: Final = _BETWEEN_LETTERS & _BEFORE_A_WORD & _AFTER_A_WORD


def legacy_text(data: bytes) -> tuple[str, str] | None:
    """Bytes that are not UTF-8 decoded with the legacy code page they read best in, or None.

    Windows-1252 is what most non-UTF-8 resumes turn out to be ("smart quotes" 0x93/0x94) and
    is kept whenever each word of its reading uses the letters of one Western language, in
    their places (a byte or two it leaves undefined are dropped, as browsers drop them).
    Central European (Windows-1250, ISO-8859-2: "Zażółć gęślą jaźń") and Turkish (Windows-1254:
    "İstanbul") text decodes too, as wrong letters and signs ("Za¿ó³æ gêœl¹ jaŸñ", "Ýstanbul");
    another code page is taken only when its reading fits one of its languages and the
    evidence is clear: Windows-1252 cannot decode the bytes, or puts signs inside words or
    capitals after small letters, or its reading differs in at least three letters. When no
    page fits, Windows-1252 is taken as before: mostly ASCII, no control characters, no runs of
    accents (Chinese or Russian in a legacy encoding decodes too, as accented gibberish).
    """
    western = _decoded(data, "cp1252")
    if western is None and _undefined_in_cp1252(data) <= _STRAY_BYTES:
        # a byte or two that Windows-1252 leaves undefined, in text that reads as Western
        # otherwise: browsers show them as nothing, and so does this reading
        lenient = _western_as_browsers_read(data)
        if _usable_western(lenient) and _fits_western(lenient):
            return lenient, "cp1252"
    usable = western is not None and _usable_western(western)
    if western is not None and usable and _fits_western(western):
        return western, "cp1252"
    for encoding, alphabets in _LEGACY_PAGES:
        text = _decoded(data, encoding)
        if text is None or text == western or not _looks_like_text(text, strict=True):
            continue
        if not _reads_as(text, alphabets):
            continue
        clear = western is None or _misplaced(western)
        if clear or _clearly_different(data, encoding):
            return text, encoding
    return (western, "cp1252") if western is not None and usable else None


_UNDEFINED_IN_CP1252: Final = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])
_STRAY_BYTES: Final = 2
"""How many bytes Windows-1252 leaves undefined a Western text may hold as strays."""


def _undefined_in_cp1252(data: bytes) -> int:
    return len(data) - len(data.translate(None, _UNDEFINED_IN_CP1252))


def _western_as_browsers_read(data: bytes) -> str:
    """Windows-1252 as browsers decode it: the five bytes it leaves undefined are dropped."""
    return data.translate(None, _UNDEFINED_IN_CP1252).decode("cp1252")


def _usable_western(text: str) -> bool:
    """Whether a Windows-1252 reading is text at all: no control characters, mostly letters,
    digits and spaces, and no runs of accents (:func:`_runs_of_accents`)."""
    return _looks_like_text(text, strict=True) and not _runs_of_accents(text)


def _decoded(data: bytes, encoding: str) -> str | None:
    """The bytes decoded, or None when the code page leaves one of them undefined."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:  # a byte the code page leaves undefined
        return None


def _reads_as(text: str, alphabets: tuple[frozenset[str], ...]) -> bool:
    """Whether every letter beyond ASCII belongs to one of the languages, and no character
    beyond ASCII stands where no language puts it (:func:`_misplaced`)."""
    letters = {char for char in set(text) if not char.isascii() and char.isalpha()}
    fits = any(letters <= alphabet for alphabet in alphabets)
    return fits and not _misplaced(text)


def _fits_western(text: str) -> bool:
    """Whether a Windows-1252 reading is Western text: each word in the letters of one Western
    language (a Swedish resume may name "Genève" or "naïve Bayes"), in their places, and not
    Turkish that reads as Icelandic."""
    if _misplaced(text) or _turkish_in_disguise(text):
        return False
    words = {word for word in _WORD_OF_LETTERS.findall(text) if not word.isascii()}
    return all(
        any(letters <= alphabet for alphabet in _WESTERN)
        for letters in {frozenset(char for char in word if not char.isascii()) for word in words}
    )


_WORD_OF_LETTERS: Final = re.compile(r"[^\W\d_]+")


def _turkish_in_disguise(text: str) -> bool:
    """Whether Windows-1252 text that reads as Icelandic is Turkish: ð, þ and ý are Icelandic
    letters only, and Icelandic text has its accented vowels about as often; Turkish read as
    Windows-1252 ("Ýstanbul, þirket, ð") has the first and never the second."""
    icelandic = sum(text.count(char) for char in _ICELANDIC_ONLY)
    return icelandic >= 3 and not any(char in text for char in _ICELANDIC_VOWELS)


def _misplaced(text: str) -> bool:
    """Whether a character beyond ASCII stands where no language puts it: a sign glued to a
    word where typography never puts one ("Za¿ó³æ", "¾udia", Polish and Slovak read as
    Windows-1252), or a capital right after a small letter ("jaŸñ"). Small letters and the
    signs allowed everywhere are never looked at."""
    suspects = sorted(
        char
        for char in set(text)
        if not char.isascii()
        and (char.isupper() or not (char.isalpha() or char.isspace() or char in _ANYWHERE))
    )
    if not suspects:
        return False
    for match in re.finditer("[" + re.escape("".join(suspects)) + "]", text):
        at = match.start()
        char = text[at]
        before = text[at - 1 : at].isalpha()
        after = text[at + 1 : at + 2].isalpha()
        if char.isalpha():
            if before and text[at - 1].islower():
                return True
            continue
        if before and after:
            allowed = _BETWEEN_LETTERS
        elif before or after:
            allowed = _AFTER_A_WORD if before else _BEFORE_A_WORD
        else:
            continue
        if char not in allowed:
            return True
    return False


def _clearly_different(data: bytes, encoding: str) -> bool:
    """Whether the bytes read differently in a code page and in Windows-1252 in enough
    characters to tell the two apart by their letters: a cp1252 resume naming "Søren" and
    "Crème" reads as Czech in Windows-1250 ("Sřren", "Krčme")."""
    return len(data.translate(None, _SAME_BYTES[encoding])) >= _MIN_DIFFERENCES


def _same_bytes(encoding: str) -> bytes:
    """The bytes a code page reads as Windows-1252 does: all of ASCII, and more."""
    return bytes(
        byte
        for byte in range(256)
        if _decoded(bytes([byte]), encoding) == _decoded(bytes([byte]), "cp1252")
    )


_SAME_BYTES: Final = {encoding: _same_bytes(encoding) for encoding, _ in _LEGACY_PAGES}


# --- the charset an HTML page declares --------------------------------------------------------

_META_CHARSET: Final = re.compile(
    rb"<meta\b[^<>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9._:()-]+)", re.IGNORECASE
)
"""``<meta charset="...">``, also ``<meta http-equiv="Content-Type" content="text/html;
charset=...">``: both put ``charset=`` inside the ``<meta>`` tag."""
_CHARSET_WINDOW: Final = 4096
"""How far into a page its declaration is looked for: HTML wants it in the first 1,024 bytes,
and some pages put long comments or scripts before it."""
_WEB_NAMES: Final = (
    *("cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874"),
    *(f"iso8859-{part}" for part in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
    *(f"cp{page}" for page in range(1250, 1259)),
    *("gbk", "gb18030", "big5hkscs", "euc_jp", "iso2022_jp", "cp932", "cp949"),
)
_WEB_CHARSETS: Final[Mapping[str, str]] = {
    # what browsers decode each label as (the WHATWG Encoding Standard): a superset for some
    "utf-8": "utf-8",
    "utf-16": "utf-8",  # a page read byte by byte cannot be UTF-16: its author meant UTF-8
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gbk",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
    **{name: name for name in _WEB_NAMES},
}
"""The encodings a page may declare, by Python's name for its label, and the codec read."""
_LABELS: Final[Mapping[str, str]] = {
    "windows-874": "cp874",
    "x-mac-cyrillic": "mac-cyrillic",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
}
"""Labels browsers know that Python's codec registry does not."""


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` near its start, as written; None for
    anything that is not a page (a text mentioning ``<meta charset>`` is not one)."""
    match = _META_CHARSET.search(data[:_CHARSET_WINDOW])
    if match is None or _sniff_text(data[:65536].decode("latin-1")) != "html":
        return None
    return match.group(1).decode("ascii")


def _charset_codec(label: str) -> str | None:
    """The codec for a page's charset label, or None for one that web pages do not use (UTF-7,
    Python's own codecs) or that is unknown."""
    name = label.strip().lower()
    if name in _LABELS:
        return _LABELS[name]
    try:
        return _WEB_CHARSETS.get(codecs.lookup(name).name)
    except LookupError:
        return None


_C1: Final = re.compile(rb"[\x80-\x9f]")
"""Bytes ISO-8859-2 gives to control characters, where Windows-1250 has letters ("š", "ť")."""


def _declared_text(data: bytes, label: str) -> tuple[str, str] | None:
    """A page decoded with the charset it declares; None when the charset is unknown or does
    not decode the bytes (the declaration is wrong), so the encoding is detected instead.
    A declared UTF-8 or UTF-16 the bytes are not valid in is such a wrong declaration."""
    codec = _charset_codec(label)
    if codec is None:
        return None
    if codec == "iso8859-2" and _C1.search(data):  # Windows-1250 labelled as its ISO cousin
        codec = "cp1250"
    if codec == "cp1252":
        text: str | None = _western_as_browsers_read(data)
    else:
        text = _decoded(data, codec)
    if text is None or not _looks_like_text(text, strict=False):
        return None
    return text, codec


# --- text normalisation -----------------------------------------------------------------------


def normalise_text(text: str) -> str:
    """NFC, ``\\n`` line ends, no control characters other than ``\\n`` and ``\\t``; typographic
    ligatures spelt out ("ﬂ" in "MLﬂow", as LaTeX PDFs give it), full-width letters made ASCII,
    a symbol font's bullets made "•" (:data:`_SPELLED_OUT`), soft hyphens and zero-width
    characters dropped ("Kuber&shy;netes"); UTF-8 that was once decoded as Latin-1 or
    Windows-1252 repaired ("NaÃ¯ve Bayes", "â€¢ SQL": :func:`_unmangle`); a run of spaces or
    tabs between two words made one space ("machine  learning", as text taken from a justified
    or columned page has it), indentation kept.

    Every reader applies it; so does the market layer to a posting read from a table.

    Examples:
        >>> normalise_text("NaÃ¯ve Bayes, MLﬂow, Kuber\\u00adnetes\\r\\n")
        'Naïve Bayes, MLflow, Kubernetes\\n'
    """
    text = _unmangle(text)
    if _LINE_BREAK.search(text) is not None:  # most text has only \n: skip the substitution
        text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROLS.sub("", text)
    if "\u00ad" in text or "\u2010" in text or "\u2011" in text:
        text = _LINE_END_HYPHEN.sub("-", text)
    if any(accent in text for accent in _COMBINING):  # most text has none: skip the search
        text = _ACCENTED_LETTER.sub(_accented, text)
    text = unicodedata.normalize("NFC", text)
    if "  " in text or "\t" in text:  # most text has neither: skip the search
        text = _single_spaced(text)
    if _TO_SPELL_OUT.search(text) is None:  # translate() looks up every character: skip it
        return text
    return text.translate(_SPELLED_OUT)


_COMBINING = {
    "\u00b4": "\u0301",  # acute
    "\u0060": "\u0300",  # grave
    "\u00a8": "\u0308",  # diaeresis
    "\u02c6": "\u0302",  # circumflex
    "\u02dc": "\u0303",  # tilde
    "\u02c7": "\u030c",  # caron
    "\u02da": "\u030a",  # ring
}
"""Each spacing accent that a PDF set by LaTeX in its old font encoding gives before the letter
it sits on ("Z\u00a8urich", "R\u00b4esum\u00b4e"), and the combining accent it stands for."""
_ACCENTED_LETTER = re.compile(
    "(?:(?<=[^\\W\\d_])`|[\u00b4\u00a8\u02c6])(?=[AEIOUYaeiouy\u0131])[A-Za-z\u0131]"
    "|[\u02dc\u02c7\u02da][A-Za-z\u0131]"
)
"""A spacing accent and the letter after it: an acute, grave (inside a word only: a backtick
elsewhere opens code), diaeresis or circumflex before a vowel ("don\u00b4t", "it\u00b4s" keep
their accent as an apostrophe), or a tilde, caron or ring before any letter."""


def _accented(match: re.Match[str]) -> str:
    """The letter with its accent, where Unicode has them as one character; else as written."""
    accent, letter = match.group()[0], match.group()[1]
    letter = "i" if letter == "\u0131" else letter  # a dotless i under the accent
    composed = unicodedata.normalize("NFC", letter + _COMBINING[accent])
    return composed if len(composed) == 1 else match.group()


_LINE_END_HYPHEN = re.compile("[\u00ad\u2010\u2011](?=[ \t]*\n)")
"""A soft or Unicode hyphen that ends a line, as a word processor breaks a word in a PDF
("Kuber\\u00ad" then "netes"): a hyphen, so that the matcher joins the word again, where a
soft hyphen elsewhere is dropped."""
_SPACE_RUN_OF_TWO = re.compile(r"[ \t]{2,}")


def _single_spaced(text: str) -> str:
    """Each run of spaces and tabs between two words made one space: what the matcher and the
    reader expect. Indentation and spaces before a line's end stay. (A pattern that looks
    behind for the word before the run is tried at every character; this one, which starts
    with the spaces, is searched for as a class and the words are looked at after.)"""

    def single(run: re.Match[str]) -> str:
        start, end = run.span()
        between = start and end < len(text) and not text[start - 1].isspace()
        return " " if between and not text[end].isspace() else run.group()

    return _SPACE_RUN_OF_TWO.sub(single, text)


_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013"
    "\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
"""A UTF-8 continuation byte read as a Latin-1 or Windows-1252 character."""
_MANGLED = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]")
"""A lead byte of UTF-8 then a continuation byte, both read as Latin-1 or Windows-1252
characters ("Ã¯" for "ï", "â€" opening "•" and the curly quotes): where mojibake may be."""
_LOST_BULLET = re.compile(f"\u00e2\u00a2(?![{_CONTINUATION}])")
""""•" (E2 80 A2) read as Latin-1 and then stripped of its control character \\x80: "â¢ SQL",
common in resumes that went through a spreadsheet. ftfy would read "â¢ " as the braille
letter U+28A0 (E2 A2 A0, a space taken for a no-break space) and so lose the space."""


def _unmangle(text: str) -> str:
    """Text with mojibake repaired: UTF-8 that some earlier tool decoded as Latin-1 or
    Windows-1252 ("â€¢ NaÃ¯ve Bayes" for "• Naïve Bayes", common in resumes that passed through
    a database or a spreadsheet). ``ftfy`` decides, and changes nothing it is not sure of; it
    is only asked where a mangled pair appears, so clean text costs one search."""
    if _MANGLED.search(text) is None:
        return text
    return ftfy.fix_encoding(_LOST_BULLET.sub("\u2022", text))


_SPELLED_OUT: dict[int, str | None] = {
    **{code: unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)},
    **{code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)},
    **dict.fromkeys((0x00AD, 0x200B, 0x200C, 0x200D, 0x2060)),
    **dict.fromkeys((0xF06C, 0xF06E, 0xF071, 0xF075, 0xF076, 0xF077, *range(0xF080, 0xF100)), "•"),
}
"""Characters read as what they stand for (ligatures, full-width ASCII), and ones dropped. A
character a symbol font (Symbol, Wingdings) drew in the private use area, as a PDF or a copied
Word list gives its bullets ("\\uf0b7", "\\uf0a7", "\\uf0d8"), is a bullet: those from U+F080 on,
and Wingdings' round, square and diamond bullets below (its ASCII letters' places)."""
_TO_SPELL_OUT = re.compile("[" + "".join(map(chr, sorted(_SPELLED_OUT))) + "]")


def _tidy(text: str) -> str:
    """Normalised text with trailing spaces and runs of blank lines removed (extracted formats)."""
    lines = [line.rstrip() for line in normalise_text(text).split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n") + "\n"


def _markdown_text(text: str) -> str:
    text = _MD_COMMENT.sub("", text)
    if "<" in text:  # HTML inside Markdown, as GitHub profile READMEs have it
        text = _MD_HTML_IMAGE.sub(r"\1, ", text)  # a tool's icon: <img alt="python">
        text = _MD_HTML_BLOCK.sub("\n", text)
        text = _MD_HTML_INLINE.sub("", text)
        text = _BLANK_RUNS.sub("\n\n", _TRAILING_SPACE.sub("", text))
    text = _MD_IMAGE.sub(r"\1", text)
    return _MD_LINK.sub(r"\1", text)


def _markdown_headings(text: str) -> dict[str, int]:
    """Markdown's headings by level: "## Volunteering" (level 2), and a line underlined with
    "=" (level 1) or "-" (level 2) after a line of text."""
    headings: dict[str, int] = {}
    for found in _MD_HEADING.finditer(text):
        if found.group(1):
            headings.setdefault(found.group(0).strip(), len(found.group(1)))
        elif not _MD_NOT_SETEXT.match(found.group(3)):
            headings.setdefault(found.group(3).strip(), 1 if found.group(4)[0] == "=" else 2)
    return headings


_MD_HEADING = re.compile(
    r"^ {0,3}(#{1,6})[ \t]+(.*)$|^( {0,3}\S.*)\n {0,3}(=+|-+)[ \t]*$", re.MULTILINE
)
_MD_NOT_SETEXT = re.compile(r"\s*(?:[-*+>]|\d+[.)])(?:\s|$)|\s*(?:[-=*_]\s*)+$")
"""A line that an underline does not make a heading: a list item, a quote or a rule."""

_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|nbsp|#\d{1,5}|#x[0-9a-fA-F]{1,4});")
"""An HTML entity left in a page's text, which was escaped twice."""
_TRAILING_SPACE = re.compile(r"[ \t]+(?=\n)")
_MD_HTML_IMAGE = re.compile(r"<img\b[^>]*?\balt\s*=\s*[\"']([^\"'<>]*)[\"'][^>]*>", re.IGNORECASE)
_MD_HTML_BLOCK = re.compile(
    r"</?(?:h[1-6]|p|div|details|summary|br|hr|li|ul|ol|table|thead|tbody|tr|td|th|section|"
    r"center|blockquote|pre)\b[^>]*>",
    re.IGNORECASE,
)
_MD_HTML_INLINE = re.compile(
    r"</?(?:a|img|b|i|em|strong|span|code|sub|sup|picture|source|kbd|font|u|small)\b[^>]*>",
    re.IGNORECASE,
)
"""HTML elements in Markdown: an icon's alt text is its name, a block element a line break,
an inline one nothing; other angle brackets stay ("List<String>")."""


_FENCE = re.compile(r"^(```|~~~)[^\n]*\n.*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)


def _outside_code(document: Document) -> Document:
    """A Markdown document whose sections ignore "headings" inside fenced code blocks (a
    ``# comment`` in a Python snippet is not a heading)."""
    fences = [match.span() for match in _FENCE.finditer(document.text)]
    if not fences:
        return document
    starts = [low for low, _ in fences]  # in order, not overlapping: one look-up per section
    kept: list[Section] = []
    for section in document.sections:
        at = bisect.bisect_right(starts, section.start) - 1
        if kept and at >= 0 and section.start < fences[at][1]:
            kept[-1] = dataclasses.replace(kept[-1], end=section.end)
        else:
            kept.append(section)
    return dataclasses.replace(document, sections=tuple(kept))


_EMPTY_ADVICE: Final[Mapping[str, str]] = {
    "text": "it holds no words, only spaces, line breaks or punctuation; check that it is the "
    "right file",
    "markdown": "it holds only spaces, line breaks or markup; check that it is the right file",
    "pdf": "check that it is the right file",
    "docx": "check that it is the right file and that its content is not all images",
    "html": (
        "the page may build its text with JavaScript: save the page as shown in the browser "
        "(or copy its text) and try again"
    ),
    "json-resume": "its basics, work and skills are empty; fill them in or export it again",
    "jobposting": "it has no description, skills or qualifications; give the full posting",
    "linkedin-export": (
        "its Skills, Positions and Profile files are empty or have no recognised columns; "
        "request a fresh export from LinkedIn (Settings, Data privacy, Get a copy of your data)"
    ),
}
"""What to do about a document with no text, by its format."""


def _empty(label: str, format: str) -> DocumentError:
    return DocumentError(
        label,
        "empty",
        f"no text was found in this {_NAMES.get(format, format)}; "
        + _EMPTY_ADVICE.get(format, "check that it is the right file"),
    )


def _finish(
    text: str,
    label: str,
    format: str,
    metadata: Mapping[str, Any],
    headings: Mapping[str, int] | None = None,
) -> Document:
    """The document read, its sections found from its headings: those it names, and
    ``headings``, the lines its format marks as headings, by level."""
    if _WORD_CHARACTER.search(text) is None:  # nothing, or only rules and marks ("---", "* *")
        raise _empty(label, format)
    sections = detect_sections(text, headings)
    return Document(
        text=text,
        source=label,
        format=format,
        sections=sections,
        metadata=dict(metadata),
        kind=_KINDS.get(format) or guess_kind(text, sections),
    )


_WORD_CHARACTER = re.compile(r"[^\W_]")


_KINDS = {
    "json-resume": DocumentKind.RESUME,
    "linkedin-export": DocumentKind.RESUME,
    "jobposting": DocumentKind.POSTING,
}
"""The formats that say what a document is; of any other, the words tell when they are clear
(:func:`certpath.extract.sections.guess_kind`)."""


# --- PDF --------------------------------------------------------------------------------------


def _read_pdf(data: bytes, label: str) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    locked = DocumentError(
        label,
        "corrupt",
        "this PDF is password-protected and cannot be opened; remove the password (open it and "
        "print or export it to a new PDF) or provide the text",
    )
    # pypdf raises many exception types on damaged files (its own, ValueError, KeyError,
    # struct errors, RecursionError...); any of them means the same thing to the user.
    # its warnings and errors about damaged parts of a file it still reads would reach stderr;
    # what it cannot read at all it raises
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == 0:
            raise locked
        pages = [_page_text(page) for page in reader.pages]
    except DocumentError:
        raise
    except (FileNotDecryptedError, DependencyError):
        raise locked from None
    except Exception as error:
        raise DocumentError(
            label,
            "corrupt",
            f"this PDF is damaged and cannot be read ({type(error).__name__}); open it in a PDF "
            "viewer and save or print it to a new PDF, or provide the text",
        ) from None
    finally:
        quiet.setLevel(level)
    if not pages:
        raise DocumentError(
            label, "empty", "this PDF has no pages; check that it is the right file"
        )
    text = _tidy("\n".join(_without_page_furniture(pages)))
    if len(_WORD.findall(_SCAN_NOISE.sub("", text))) < _MIN_PDF_WORDS:
        raise DocumentError(
            label,
            "no-text-layer",
            "this PDF has no text layer (it looks like a scanned image); run OCR on it first "
            "(e.g. ocrmypdf) or provide the text",
        )
    return _finish(text, label, "pdf", {"pages": len(pages)})


def _page_text(page: Any) -> str:
    """A page's text in reading order: two columns laid side by side (many resume templates)
    are read one after the other, whichever order the PDF draws them in."""
    text = _GLYPH_NAME.sub("", page.extract_text() or "")
    try:
        layout = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # pypdf's layout mode is newer and stricter than its plain mode
        return text
    layout = _GLYPH_NAME.sub(lambda name: " " * len(name.group()), layout)  # columns stay put
    columns = _columns(layout)
    return _respaced(columns, text) if columns is not None else text


_GLYPH_NAME: Final = re.compile(r"(?<!\S)/[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?!\S)[ \t]?")
"""What pypdf gives for a glyph whose name no character stands for: an icon font's pictogram
("/github", "/linkedin-in" of LaTeX's fontawesome beside a resume's contact details), which
named GitHub, a skill, where the page shows a logo."""


def _respaced(columns: str, plain: str) -> str:
    """Text read by position with the spaces between words that the plain reading puts: pypdf's
    layout mode rounds positions to a grid of characters and so glues words drawn as text
    objects of their own ("models inPyTorch fordefect", "-Built"), which its plain mode,
    which measures the gaps, keeps apart. A word of the layout that the plain reading does not
    have is split into the fewest of its words that make it up, when there are such."""
    known = set(plain.split())
    lines = []
    for line in columns.split("\n"):
        words = line.split(" ")
        lines.append(" ".join(_segmented(word, known) for word in words))
    return "\n".join(lines)


_LONGEST_GLUED = 80  # characters of a glued run of words, at most, that are split


def _segmented(word: str, known: set[str]) -> str:
    """``word`` as the fewest words of ``known`` that make it up, joined by spaces; as it is
    when it is known, too long, or cannot be made of known words."""
    if word in known or len(word) > _LONGEST_GLUED:
        return word
    best: list[list[str] | None] = [[], *([None] * len(word))]  # fewest words up to each end
    for end in range(1, len(word) + 1):
        for start in range(end):
            before = best[start]
            if before is not None and word[start:end] in known:
                pieces = [*before, word[start:end]]
                current = best[end]
                if current is None or len(pieces) < len(current):
                    best[end] = pieces
    return " ".join(best[-1]) if best[-1] else word


_MARGIN_LINES = 2  # lines at a page's top and at its bottom where running lines are looked for
_PAGE_NUMBER = re.compile(
    r"(?i)^[\W_]*(?:(?:page|p\.|pg\.?)\s*\d+(?:\s*(?:of|/)\s*\d+)?|\d+\s*(?:of|/)\s*\d+|\d{1,3})"
    r"[\W_]*$"
)
_PAGE_MENTION = re.compile(
    r"(?i)\bpage\s+\d+\s*(?:of|/)\s*\d+\b|^[\W_]*page\s+\d+\b|\bpage\s+\d+[\W_]*$"
)
"""A page number in a running line: "Page 2 of 3" anywhere, "Page 2" at its start or end
("Jane Doe - Page 2"); not "a landing page 2 times faster"."""
_DIGITS = re.compile(r"\d+")


def _without_page_furniture(pages: list[str]) -> list[str]:
    """Pages without the lines a PDF repeats in its margins, which a text layer reads into
    the content at every page break (a name and title over each page, "Page 2 of 3 |
    jane@example.com" or "Confidential" under it): page numbers, and a line that opens or
    closes at least half the pages, two at least, counting numbers as equal, and is found
    nowhere else (a line that recurs in the body is content). A running header is kept on the
    first page it opens, where it is the document's own header (the name over a resume); a
    footer goes wherever it is. A heading is never taken for one: "Experience" atop two pages
    opens a section on each."""
    split = [page.split("\n") for page in pages]
    margins = [_margin_lines(lines) for lines in split]
    seen: dict[str, set[int]] = {}
    body: set[str] = set()
    for number, (lines, (top, bottom)) in enumerate(zip(split, margins, strict=True)):
        for index, line in enumerate(lines):
            if index in top or index in bottom:
                seen.setdefault(_furniture_key(line), set()).add(number)
            else:
                body.add(_furniture_key(line))
    running = {
        key
        for key, where in seen.items()
        if key and key not in body and len(where) >= 2 and 2 * len(where) >= len(pages)
    }
    kept_header: set[str] = set()
    result = []
    for lines, (top, bottom) in zip(split, margins, strict=True):
        dropped = set()
        for index in (*top, *bottom):
            line = lines[index]
            if _PAGE_NUMBER.match(line.strip()) or (
                _PAGE_MENTION.search(line) and len(line.split()) <= 12
            ):
                dropped.add(index)
            elif (key := _furniture_key(line)) in running and not heading_kind(line):
                if index in top and key not in kept_header:
                    kept_header.add(key)
                else:
                    dropped.add(index)
        result.append("\n".join(line for i, line in enumerate(lines) if i not in dropped))
    return result


def _margin_lines(lines: list[str]) -> tuple[list[int], list[int]]:
    """The indexes of a page's first and last ``_MARGIN_LINES`` lines with text."""
    filled = [index for index, line in enumerate(lines) if line.strip()]
    top = filled[:_MARGIN_LINES]
    return top, [index for index in filled[-_MARGIN_LINES:] if index not in top]


def _furniture_key(line: str) -> str:
    """A margin line as it repeats from page to page: case, spacing and numbers aside. Empty
    for a line with too little to go on (a rule, a bullet, a word of fewer than four letters:
    "CV" may be a heading's last letters; "Confidential" under every page is furniture)."""
    key = _DIGITS.sub("#", _SPACE_RUN.sub(" ", line).strip().casefold())
    words = _WORD.findall(key)
    if len(words) >= 2 or (words and len(words[0]) >= 4) or _PAGE_MENTION.search(line):
        return key
    return ""


_GUTTER = 3  # spaces that must separate two columns, at least


def _columns(layout: str) -> str | None:
    """A page laid out by position (pypdf's layout mode) in reading order, when it has a
    gutter: two columns that each carry text on at least two lines in five, and that each
    hold a section heading or of which one holds two beside a sidebar, are read one after
    the other; headings set in a margin beside their text are put on lines of their own
    ("Skills      Python, SQL" would hide the heading). None otherwise: one column, or a
    table ("Python      5 years"), reads well as it is.

    The columns may start below a block of lines across the page (a name, a summary), set
    off by a blank line in the top half of the page; that block is read first, as it is.
    """
    lines = [line.rstrip() for line in layout.split("\n")]
    filled = [number for number, line in enumerate(lines) if line.strip()]
    # where the columns may start: the top, or after a blank line in the top half
    starts = [0] + [at for at in range(1, len(filled) // 2 + 1) if filled[at] - filled[at - 1] > 1]
    for start in starts:
        if len(filled) - start < 4:
            break
        below = filled[start] if start else 0
        read = _columns_below(lines[:below], lines[below:])
        if read is not None:
            return read
    return None


def _columns_below(above: list[str], lines: list[str]) -> str | None:
    """:func:`_columns` for the ``lines`` under a block ``above`` them, read first."""
    filled = [line for line in lines if line.strip()]
    best, beside = _gutter(filled)
    if not best:
        return None
    head = [_SPACE_RUN.sub(" ", line.strip()) for line in above]
    left: list[str] = []
    right_column: list[str] = []
    rows: list[str] = []
    opened = -1  # how many lines of the left column come before the right one's first
    for line in lines:
        if line[best - 1 : best + _GUTTER - 1].strip():  # a line across both columns
            cells = [_SPACE_RUN.sub(" ", line.strip())]
            left.append(cells[0])
        else:
            cells = [
                _SPACE_RUN.sub(" ", line[:best].strip()),
                _SPACE_RUN.sub(" ", line[best:].strip()),
            ]
            if opened < 0 and cells[1]:
                opened = len(left)
            left.append(cells[0])
            right_column.append(cells[1])
        kept = [cell for cell in cells if cell]
        rows.extend(kept or [""])
    labels = [cell for cell in left if cell]
    headed = [cell for cell in labels if heading_kind(cell)]
    headed_right = sum(1 for cell in right_column if heading_kind(cell))
    # both columns headed, however short one is beside the other (a sidebar beside a long
    # experience), or one with two headings or more beside a sidebar that has none (contact
    # details, a bare list of tools)
    if (beside >= 3 and headed and headed_right) or (
        beside >= max(3, 2 * len(filled) // 5)
        and (
            (len(headed) >= 2 and _sidebar(right_column)) or (headed_right >= 2 and _sidebar(left))
        )
    ):
        if _narrow_right(lines, best):
            # a narrow column on the right is a sidebar: read first, as one on the left is,
            # so that the wide column runs on into the next page's text; what the wide one
            # holds above the sidebar's top (a name) stays first
            above_side = left[: max(opened, 0)]
            return "\n".join([*head, *above_side, *right_column, "", *left[len(above_side) :]])
        return "\n".join([*head, *left, "", *right_column])
    if len(headed) >= 2 and 2 * len(headed) >= len(labels):  # headings in a margin
        return "\n".join([*head, *rows])
    return None


def _narrow_right(lines: list[str], gutter: int) -> bool:
    """Whether the column right of a gutter takes less than three quarters of the width the
    one left of it takes: from its first character, on the lines beside the other column, to
    the end of its longest line; and from the left edge to where it starts."""
    beside = [line for line in lines if not line[gutter - 1 : gutter + _GUTTER - 1].strip()]
    right = [line for line in beside if line[gutter:].strip()]
    if not right:
        return False
    start = min(len(line) - len(line[gutter:].lstrip()) for line in right)
    left = max(len(line[:start].rstrip()) for line in lines)
    return 4 * (max(map(len, right)) - start) < 3 * left


def _sidebar(cells: list[str]) -> bool:
    """Whether a column's cells, line by line, read as a sidebar: runs of lines one under the
    other (most of its lines have text under them), not dates set right of a single column's
    job titles ("Data Analyst, Acme        2019 - 2024"), which stand apart and are dates."""
    filled = [number for number, cell in enumerate(cells) if cell]
    if not filled:
        return False
    followed = sum(1 for number in filled if number + 1 < len(cells) and cells[number + 1])
    dated = sum(1 for number in filled if _DATE_CELL.search(cells[number]))
    return 2 * followed >= len(filled) and 3 * dated < len(filled)


_DATE_CELL = re.compile(r"(?i)\b(?:19|20)\d\d\b|\bpresent\b|\bcurrent\b")


def _gutter(filled: list[str]) -> tuple[int, int]:
    """Where the gutter between two columns runs: the column (10 or more from either edge) that
    the most lines have text right of, with text on both sides in two lines at least and
    crossed by no more than one line in five; and how many lines have text on both sides of
    it. ``(0, 0)`` when no column qualifies.

    A line crosses a column when it has text there or in the next two; a line longer than the
    column that does not cross it has text right of it (lines end in text), and on both sides
    when its text starts left of it. Each line adds its spans to counts per column kept as
    differences, so a page costs its length plus its width: asking every line about every
    column cost their product, seconds for a page 3,000 characters wide.
    """
    width = max(len(line) for line in filled)
    longer = [0] * (width + 2)  # lines longer than the column
    crossing = [0] * (width + 2)  # ... that cross it
    started = [0] * (width + 2)  # ... whose text starts left of it
    started_crossing = [0] * (width + 2)  # ... both
    for line in filled:
        length, first = len(line), len(line) - len(line.lstrip())
        longer[0] += 1
        longer[length] -= 1
        started[first + 1] += 1
        started[length] -= 1
        for low, high in _crossed(line):
            crossing[low] += 1
            crossing[high] -= 1
            if max(low, first + 1) < high:
                started_crossing[max(low, first + 1)] += 1
                started_crossing[high] -= 1
    best, most, beside = 0, 0, 0
    counts = (longer, crossing, started, started_crossing)
    totals = zip(*map(itertools.accumulate, counts), strict=True)
    for gutter, (long, crossed, start, both_crossed) in enumerate(totals):
        if gutter < 10 or gutter >= width - 10:
            continue
        right, both = long - crossed, start - both_crossed
        if right > most and both >= 2 and crossed <= len(filled) // 5:
            best, most, beside = gutter, right, both
    return best, beside


def _crossed(line: str) -> Iterator[tuple[int, int]]:
    """The columns a line crosses, as ranges (low, high): a gutter at a column crosses text
    in that column, the one before it or the next ``_GUTTER - 2``; only columns inside the
    line count."""
    span: tuple[int, int] | None = None
    for match in _TEXT_RUN.finditer(line):
        low = max(match.start() - _GUTTER + 2, 0)
        high = min(match.end() + 1, len(line))
        if span is not None and low <= span[1]:
            span = (span[0], high)
            continue
        if span is not None:
            yield span
        span = (low, high)
    if span is not None:
        yield span


_TEXT_RUN = re.compile(r"\S+")


# --- zip archives: DOCX and the LinkedIn export -----------------------------------------------


def _open_zip(data: bytes, label: str, max_bytes: int) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise DocumentError(
            label,
            "corrupt",
            "this zip archive (or DOCX, which is a zip) is damaged; export or download it again",
        ) from None
    # zipfile never unpacks more than a member's declared size, so the declared total bounds
    # what can come out of the archive (zip bombs); exotic compression methods are refused
    # because they may expand a whole chunk in memory before that cap applies.
    counted = members
    if _zip_kind(archive) == "linkedin-export":  # only its three CSV files are read, not the
        # messages, connections and media of a whole export
        counted = [m for m in members if m.filename.rsplit("/", 1)[-1].lower() in _LINKEDIN_FILES]
    unpacked = sum(member.file_size for member in counted)
    if unpacked > max_bytes:
        raise _too_large(label, "once unpacked it is", unpacked, max_bytes)
    if any(m.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for m in members):
        raise DocumentError(
            label,
            "unsupported",
            "this zip archive uses an unusual compression method; re-create it with a standard "
            "zip tool (deflate)",
        )
    return archive


def _zip_kind(archive: zipfile.ZipFile) -> str | None:
    names = archive.namelist()
    if "word/document.xml" in names:
        return "docx"
    if any(name.rsplit("/", 1)[-1].lower() in _LINKEDIN_FILES for name in names):
        return "linkedin-export"
    return None


def _unknown_zip(label: str, archive: zipfile.ZipFile) -> DocumentError:
    names = archive.namelist()
    hint = ""
    if "xl/workbook.xml" in names:
        hint = " (it is an Excel workbook)"
    elif "ppt/presentation.xml" in names:
        hint = " (it is a PowerPoint presentation)"
    elif "content.xml" in names:
        hint = " (it looks like an OpenDocument file; save it as .docx)"
    return DocumentError(
        label,
        "unsupported",
        f"this zip archive is neither a Word document (no word/document.xml) nor a LinkedIn "
        f"data export (no Profile.csv, Positions.csv or Skills.csv){hint}; give the resume as "
        "PDF, DOCX or text, or LinkedIn's 'Get a copy of your data' zip",
    )


def _read_docx(data: bytes, label: str) -> Document:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        # style names looked up once: python-docx's ``Paragraph.style`` scans every style of
        # the document for each paragraph (a second per thousand paragraphs)
        names = {style.style_id: style.name or "" for style in document.styles}
        body = document.element.body
        lines = [
            *_docx_margin_lines(document, names, footer=False),
            *_docx_margin_lines(document, names, footer=True),
            *_docx_lines(_docx_blocks(body, document._body), names),
        ]
        headings = _docx_headings(body, names)
        title = document.core_properties.title
    except Exception as error:  # python-docx and lxml raise many types on damaged files
        raise DocumentError(
            label,
            "corrupt",
            f"this Word document is damaged and cannot be read ({type(error).__name__}); open "
            "it in Word or LibreOffice and save it again, or export it to PDF",
        ) from None
    metadata: dict[str, Any] = {}
    if title and title.strip():
        metadata["title"] = title.strip()
    return _finish(_tidy("\n".join(lines)), label, "docx", metadata, headings)


def _docx_margin_lines(document: Any, names: dict[str, str], *, footer: bool) -> Iterator[str]:
    """The first page's header (a resume's name and title often sit there) or its footer
    (contact details, a certification line), then a blank line. Both are read before the
    body: after it, a footer would run on in the body's last section."""
    if not document.sections:
        return
    section = document.sections[0]
    which = "footer" if footer else "header"
    margin = None
    if section.different_first_page_header_footer:
        margin = getattr(section, f"first_page_{which}")
    if margin is None or margin.is_linked_to_previous:
        margin = getattr(section, which)
    if margin.is_linked_to_previous:  # none of its own
        return
    lines = [line for line in _docx_lines(_docx_blocks(margin._element, margin), names) if line]
    if lines:
        yield from [*lines, ""]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins"})
"""Elements that wrap paragraphs, rows, cells or runs without being text themselves: content
controls (Word's resume templates are made of them), custom XML and tracked insertions."""
_SKIPPED = frozenset({f"{_W}txbxContent", _FALLBACK, f"{_W}del", f"{_W}sdtPr", f"{_W}rPr"})
"""Subtrees whose text is not the paragraph's: text boxes (read where anchored), legacy
copies, tracked deletions, properties."""
_RUN_CHARACTERS = {
    f"{_W}tab": "\t",
    f"{_W}ptab": "\t",  # a positional tab: right-aligned dates or contact details
    f"{_W}br": "\n",
    f"{_W}cr": "\n",
    f"{_W}noBreakHyphen": "-",  # "scikit-learn" kept on one line
    f"{_W}softHyphen": "",
}


def _docx_headings(body: Any, names: dict[str, str]) -> dict[str, int]:
    """The lines of a body's paragraphs styled as headings, by level: 1 for "Heading 1", 0
    for "Title"."""
    headings: dict[str, int] = {}
    for paragraph in body.iter(f"{_W}p"):
        properties = paragraph.pPr
        style_id = properties.style if properties is not None else None
        style = names.get(style_id, style_id) if style_id else ""
        styled = _HEADING_STYLE.match(style)
        if styled is None:
            continue
        level = int(styled.group(1)) if styled.group(1) else 0
        for line in _paragraph_text(paragraph).split("\n"):
            if line.strip():
                headings.setdefault(line.strip(), level)
    return headings


_HEADING_STYLE = re.compile(r"(?i)^(?:heading\s*([1-9])|title)$")


def _docx_children(element: Any, name: str) -> Iterator[Any]:
    """The child elements ``w:name`` of an element, also those inside content controls."""
    for child in element.iterchildren():
        if child.tag == f"{_W}{name}":
            yield child
        elif child.tag in _WRAPPERS:
            yield from _docx_children(child, name)


def _docx_blocks(element: Any, parent: Any) -> Iterator[Any]:
    """The paragraphs and tables of a body, cell, header or text box in order, including those
    inside block-level content controls."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        if child.tag == f"{_W}p":
            yield Paragraph(child, parent)
        elif child.tag == f"{_W}tbl":
            yield Table(child, parent)
        elif child.tag in _WRAPPERS:
            yield from _docx_blocks(child, parent)


def _paragraph_text(element: Any) -> str:
    """A paragraph's text, runs inside content controls, hyperlinks, fields and tracked
    insertions included (python-docx's ``Paragraph.text`` leaves those out); a line break is
    a newline, a character of a symbol font the character it stands for ("C" and two Symbol
    "+" signs are C++)."""
    parts: list[str] = []
    for child in element.iterchildren():
        tag = child.tag
        if tag in _SKIPPED:
            continue
        if tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag in _RUN_CHARACTERS:
            parts.append(_RUN_CHARACTERS[tag])
        elif tag == f"{_W}sym":
            parts.append(_symbol(child.get(f"{_W}char", "")))
        elif len(child):
            parts.append(_paragraph_text(child))
    return "".join(parts)


def _symbol(code: str) -> str:
    """The character a ``w:sym`` stands for: symbol fonts map their characters to the private
    use area from U+F000, ASCII's at U+F020 to U+F07E."""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0xF020 <= value <= 0xF07E:
        value -= 0xF000
    return chr(value) if 0x20 <= value < 0xE000 else ""


def _docx_lines(blocks: Iterable[Any], names: dict[str, str]) -> Iterator[str]:
    """Paragraphs in order, one per line (a line break in a paragraph starts a new line), each
    followed by the text boxes anchored in it (many resume templates lay out whole columns in
    text boxes); table rows row by row."""
    from docx.table import Table, _Cell

    for block in blocks:
        if isinstance(block, Table):
            # rows and cells read from the XML, content controls around them included; a cell
            # that continues a vertical merge is empty, its text read once, where it starts
            yield ""
            for row in _docx_children(block._tbl, "tr"):
                cells = [_Cell(cell, block) for cell in _docx_children(row, "tc")]
                yield from _docx_row(cells, names)
            yield ""
            continue
        lines = [line.strip() for line in _paragraph_text(block._p).split("\n")]
        properties = block._p.pPr
        style_id = properties.style if properties is not None else None
        style = names.get(style_id, style_id) if style_id else ""
        if not any(lines):
            yield ""
        elif style.startswith("Heading") or style == "Title":
            yield ""
            yield from lines
        elif style.startswith("List"):
            yield from (f"- {line}" if line else line for line in lines)
        else:
            yield from lines
        yield from _text_box_lines(block, names)


def _text_box_lines(paragraph: Any, names: dict[str, str]) -> Iterator[str]:
    """The lines of the text boxes in a paragraph; a box's legacy (VML) copy is skipped."""
    top = paragraph._p
    for box in top.iter(f"{_W}txbxContent"):
        if _nested_or_fallback(box, top):
            continue
        yield ""
        yield from _docx_lines(_docx_blocks(box, paragraph._parent), names)


def _nested_or_fallback(box: Any, top: Any) -> bool:
    """Whether a text box sits in another box (read with that box) or in a legacy copy."""
    for ancestor in box.iterancestors():
        if ancestor is top:
            return False
        if ancestor.tag in (f"{_W}txbxContent", _FALLBACK):
            return True
    return False


def _docx_row(cells: list[Any], names: dict[str, str]) -> Iterator[str]:
    contents = [list(_docx_lines(_docx_blocks(cell._tc, cell), names)) for cell in cells]
    texts = [[line for line in lines if line] for lines in contents]
    if all(len(lines) <= 1 for lines in texts):
        # A row of one-line cells (a skills grid) reads best as one line.
        joined = " | ".join(lines[0] for lines in texts if lines)
        if joined:
            yield joined
        return
    for lines in contents:  # a layout table: each cell holds a column of the page
        yield from lines
        yield ""


def _read_linkedin(archive: zipfile.ZipFile, label: str, max_bytes: int) -> Document:
    files: dict[str, list[dict[str, str]]] = {}
    for member in archive.infolist():
        base = member.filename.rsplit("/", 1)[-1].lower()
        if base in _LINKEDIN_FILES and base not in files:
            files[base] = _csv_rows(archive, member, label, max_bytes)
    if not files:
        raise DocumentError(
            label,
            "unsupported",
            "this LinkedIn export holds none of Profile.csv, Positions.csv or Skills.csv; "
            "request the full archive from LinkedIn (Settings, Data privacy, Get a copy of your "
            "data) and give that zip",
        )
    profile = files.get("profile.csv", [{}])
    person = profile[0] if profile else {}
    name = " ".join(filter(None, (person.get("First Name"), person.get("Last Name"))))
    headline = person.get("Headline", "")
    location = person.get("Geo Location", "")
    lines = [name, headline, location]
    summary = person.get("Summary", "")
    if summary:
        lines += ["", "Summary", summary]
    positions = []
    rows = files.get("positions.csv", [])
    if rows:
        lines += ["", "Experience"]
    for row in rows:
        position = _position(
            row.get("Title", ""),
            row.get("Company Name", ""),
            row.get("Started On", ""),
            row.get("Finished On", ""),
        )
        positions.append(position)
        lines.append(_position_line(position, row.get("Location", "")))
        if row.get("Description"):
            lines.append(row["Description"])
        lines.append("")
    skills = [row.get("Name", "") for row in files.get("skills.csv", [])]
    skills = [skill for skill in skills if skill]
    if skills:
        lines += ["", "Skills", *(f"- {skill}" for skill in skills)]
    schools = [
        " — ".join(filter(None, (row.get("Degree Name", ""), row.get("School Name", ""))))
        + "".join(f"\n{row[key]}" for key in ("Notes", "Activities") if row.get(key))
        for row in files.get("education.csv", [])
    ]
    if any(schools):
        lines += ["", "Education", *filter(None, schools)]
    projects = [
        "\n".join(filter(None, (row.get("Title", ""), row.get("Description", ""))))
        for row in files.get("projects.csv", [])
    ]
    if any(projects):
        lines += ["", "Projects", *(line for p in projects if p for line in (p, ""))]
    certificates = [
        " — ".join(filter(None, (row.get("Name", ""), row.get("Authority", ""))))
        for row in files.get("certifications.csv", [])
    ]
    if any(certificates):
        lines += ["", "Certifications", *(f"- {c}" for c in certificates if c)]
    metadata: dict[str, Any] = {"name": name, "label": headline, "location": location}
    metadata["positions"] = positions
    metadata = {key: value for key, value in metadata.items() if value}
    return _finish(_tidy("\n".join(lines)), label, "linkedin-export", metadata)


def _csv_rows(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, label: str, max_bytes: int
) -> list[dict[str, str]]:
    try:
        with archive.open(member) as handle:
            raw = handle.read(max_bytes + 1)
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, NotImplementedError):
        raise DocumentError(
            label,
            "corrupt",
            f"{member.filename} in this LinkedIn export cannot be unpacked; download the export "
            "again",
        ) from None
    if len(raw) > max_bytes:
        raise _too_large(label, f"{member.filename} is", None, max_bytes)
    text, _ = _decode(raw, f"{label}:{member.filename}")
    try:
        rows = list(csv.reader(io.StringIO(normalise_text(text))))
    except csv.Error as error:
        raise DocumentError(
            label,
            "corrupt",
            f"{member.filename} in this LinkedIn export is not valid CSV ({error}); download "
            "the export again",
        ) from None
    # LinkedIn sometimes puts "Notes:" lines above the header; the header is the first row
    # naming a column the reader knows.
    known = {"First Name", "Title", "Company Name", "Name", "School Name"}
    for index, row in enumerate(rows):
        header = [cell.strip() for cell in row]
        if known.intersection(header):
            return [
                {key: value.strip() for key, value in zip(header, values, strict=False)}
                for values in rows[index + 1 :]
                if any(value.strip() for value in values)
            ]
    return []


# --- HTML -------------------------------------------------------------------------------------


def html_to_text(html: str) -> str:
    """The visible text of an HTML page or fragment, one block per line.

    Scripts, styles, ``<head>`` and hidden elements are dropped; block elements end lines and
    list items start with ``- `` so headings stay on their own lines for the section detector.

    Examples:
        >>> html_to_text("<h2>Skills</h2><ul><li>Python</li><li>SQL</li></ul><script>x</script>")
        'Skills\\n\\n- Python\\n- SQL\\n'
    """
    return _html_text(html, None)


def _html_text(html: str, headings: dict[str, int] | None) -> str:
    """:func:`html_to_text`, adding the page's headings to ``headings`` by level."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(_flattened_nesting(_CONTROLS.sub("", html)))
    return _visible_text(tree, headings)


class _Lines:
    """Builds text from a stream of text nodes and line breaks, never doubling a break."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.newlines = 2  # the start counts as a paragraph break

    def text(self, content: str) -> None:
        if self.newlines:
            content = content.lstrip(" ")
            if not content:
                return
        self.parts.append(content)
        trailing = len(content) - len(content.rstrip("\n"))
        self.newlines = self.newlines + trailing if trailing == len(content) else trailing

    def newline(self, count: int) -> None:
        if self.newlines < count:
            self.parts.append("\n" * (count - self.newlines))
            self.newlines = count

    def result(self) -> str:
        lines = [line.strip() for line in "".join(self.parts).split("\n")]
        text = _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")
        return text + "\n" if text else ""


def _visible_text(tree: Any, headings: dict[str, int] | None = None) -> str:
    """The visible text of a parsed page; its headings (``<h1>`` to ``<h6>``), each one line
    as the text has it, are added to ``headings`` by level when given."""
    root = tree.root
    if root is None:
        return ""
    out = _Lines()
    # a page that marks its content marks the site's banner too: a header outside it
    framed = tree.css_first("main, article") is not None
    # An explicit stack rather than recursion: hostile pages nest elements thousands deep.
    stack: list[tuple[Any, bool]] = [(root, False)]
    preformatted = 0
    chip_ended = False  # the last thing read was the end of a chip element
    while stack:
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            if tag in _CHIP_TAGS:
                chip_ended = True
                continue
            if tag == "pre":
                preformatted -= 1
            out.newline(2 if tag in _PARAGRAPH_TAGS else 1)
            continue
        if tag == "-text":
            content = node.text(deep=False) or ""
            out.text(content if preformatted else _SPACE_RUN.sub(" ", content))
            chip_ended = False
            continue
        if not tag or tag.startswith(("-", "!", "_")) or tag in _HIDDEN_TAGS:
            continue
        if _hidden(node, framed):
            continue
        if tag == "br":
            out.newline(1)
            continue
        if tag in _BLOCK_TAGS:
            if headings is not None and tag in _HEADING_TAGS:
                line = _SPACE_RUN.sub(" ", node.text(deep=True)).strip()
                if line:
                    headings.setdefault(line, _HEADING_TAGS[tag])
            out.newline(2 if tag in _PARAGRAPH_TAGS else 1)
            if tag == "li":
                out.text("- ")
            if tag == "pre":
                preformatted += 1
            stack.append((node, True))
        elif tag in _CELL_TAGS and not out.newlines:
            out.text(" | ")
        elif tag in _CHIP_TAGS:
            if chip_ended and not out.newlines:
                out.text(" ")
            chip_ended = False
            stack.append((node, True))
        stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
    return _tidy(out.result()) if out.parts else ""


_HEADING_TAGS: Final = {f"h{level}": level for level in range(1, 7)}


def _hidden(node: Any, framed: bool = False) -> bool:
    """Whether an element is not shown, or is the site's chrome around the document: its
    navigation, a footer or a sidebar outside the article ("Built with React", "Similar jobs:
    Senior Angular Developer"), a cookie-consent banner ("we use Google Analytics..."), and,
    on a page that is ``framed`` (it has a main or article element), a header or banner
    outside it ("Acme | Jobs | AI Platform | Blog"); on a page that is not, a header that is
    a row of links."""
    attributes = node.attributes
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    role = attributes.get("role")
    if role == "navigation":
        return True
    chrome = node.tag in ("footer", "aside") or role == "complementary"
    if node.tag == "header" or role == "banner":
        chrome = chrome or framed or _link_bar(node)
    if chrome and not _within(node, _CONTENT_TAGS):
        return True
    names = f"{attributes.get('id') or ''} {attributes.get('class') or ''}"
    if _CONSENT.search(names) is not None:
        return True
    return bool(_DISPLAY_NONE.search(attributes.get("style") or ""))


def _link_bar(node: Any) -> bool:
    """Whether an element is a row of links: two or more, whose words are most of its own
    (a site's menu, where a page's own header holds its title)."""
    links = node.css("a")
    if len(links) < 2:
        return False
    linked = sum(len(_WORD.findall(link.text(deep=True))) for link in links)
    return 3 * linked >= 2 * len(_WORD.findall(node.text(deep=True)))


_CONSENT: Final = re.compile(r"cookie|consent|gdpr", re.IGNORECASE)
"""The ids and classes of a cookie-consent banner or dialog."""


def _within(node: Any, tags: frozenset[str]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


_NESTING: Final = re.compile(
    r"<(/?)(div|span|font|b|i|u|em|strong|small|big|center|section|article)\b[^<>]*>",
    re.IGNORECASE,
)
_DEEPEST: Final = 2000
"""How many more container and inline elements a page may open than it closes before they are
taken out: an HTML parser checks the elements still open at every tag, so a page nesting
20,000 unclosed ``<div><span>`` took seconds (a 488 KB one, 15 s)."""


def _flattened_nesting(page: str) -> str:
    """``page``, or, when it leaves thousands of container and inline elements open (broken or
    hostile markup), the page without them: a ``div`` or ``section`` a line break (``<br>``),
    the rest a space, the text between them kept."""
    if page.count("<") <= _DEEPEST:  # most pages: too few tags to nest that deep
        return page
    tags = _NESTING.findall(page)
    closed = sum(1 for slash, _ in tags if slash)
    if len(tags) - 2 * closed <= _DEEPEST:
        return page
    return _NESTING.sub(lambda tag: "<br>" if tag.group(2).lower() in _BLOCK_TAGS else " ", page)


def _read_html(text: str, label: str, metadata: dict[str, Any], *, embedded: bool) -> Document:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(_flattened_nesting(normalise_text(text)))
    headings: dict[str, int] = {}
    visible = _visible_text(tree, headings)
    if _ENTITY.search(visible):  # escaped twice by the page's tooling: "C&amp;#43;&amp;#43;"
        visible = unescape(visible).replace("\xa0", " ")
    if embedded:
        for script in tree.css("script"):
            kind = (script.attributes.get("type") or "").split(";")[0].strip().lower()
            if kind != "application/ld+json":
                continue
            try:
                # some sites wrap JSON-LD in a CDATA section or a comment, or leave a raw
                # line break inside a string
                raw = _JSON_WRAPPING.sub("", script.text(deep=True)).strip().rstrip(";")
                data = json.loads(raw, strict=False)  # "};" as a script statement ends
            except (ValueError, RecursionError):
                continue  # one broken JSON-LD block should not hide the page's text
            posting = _find_posting(data, 0)
            if posting is not None:
                return _posting_document(
                    posting,
                    label,
                    {**metadata, "embedded_in": "html"},
                    fallback=visible,
                    headings=headings,
                )
    title = tree.css_first("title")
    if title is not None and title.text().strip():
        metadata = {**metadata, "title": _SPACE_RUN.sub(" ", title.text()).strip()}
    return _finish(visible, label, "html", metadata, headings)


# --- JSON: JSON Resume and schema.org JobPosting ----------------------------------------------


def _read_json(text: str, label: str, forced: str | None, metadata: dict[str, Any]) -> Document:
    normalised = normalise_text(text)
    head = normalised.lstrip()[:1]
    if not head:
        raise _empty(label, "json")
    if head not in "{[" and forced is None and _extension(label) == ".json":
        raise _mismatch(label, ".json", _sniff_text(normalised))
    try:
        data = json.loads(normalised, strict=False)
    except json.JSONDecodeError as error:
        raise DocumentError(
            label,
            "corrupt",
            f"this JSON is malformed at line {error.lineno}, column {error.colno} "
            f"({error.msg}); fix it (a JSON validator shows where) or export it again",
        ) from None
    except (ValueError, RecursionError):
        raise DocumentError(
            label,
            "corrupt",
            "this JSON cannot be read (it is nested too deeply or holds a number too long); "
            "export it again",
        ) from None
    if forced != "json-resume":
        posting = _find_posting(data, 0)
        if posting is not None:
            return _posting_document(posting, label, metadata)
    if forced != "jobposting" and isinstance(data, dict):
        is_resume = any(key in data for key in ("basics", "work", "skills"))
        if is_resume or forced == "json-resume":
            return _resume_document(data, label, metadata)
    raise DocumentError(
        label,
        "unsupported",
        "this JSON is neither a JSON Resume (with basics, work or skills; see jsonresume.org) "
        'nor a schema.org JobPosting (with "@type": "JobPosting"); export the resume as '
        "JSON Resume, PDF, DOCX or text",
    )


def _is_posting(value: Mapping[str, Any]) -> bool:
    kinds = value.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return any(
        isinstance(kind, str) and kind.rsplit("/", 1)[-1].rsplit(":", 1)[-1] == "JobPosting"
        for kind in names
    )


def _find_posting(data: Any, depth: int) -> Mapping[str, Any] | None:
    """The first JobPosting in JSON-LD: the object itself, in a list, ``@graph`` or mainEntity."""
    if depth > _MAX_JSON_DEPTH:
        return None
    if isinstance(data, list):
        for item in data:
            found = _find_posting(item, depth + 1)
            if found is not None:
                return found
        return None
    if not isinstance(data, dict):
        return None
    if _is_posting(data):
        return data
    for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "item"):
        if key in data:
            found = _find_posting(data[key], depth + 1)
            if found is not None:
                return found
    return None


def _string(value: Any) -> str:
    """A JSON scalar as stripped text, also a JSON-LD value object (``{"@value": ...}``) or a
    list of them (one per language: the first); anything else as ``""``."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict) and "@value" in value:
        return _string(value["@value"])
    if isinstance(value, list):
        return next((text for text in map(_string, value) if text), "")
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    return ""


def _items(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _objects(value: Any) -> list[Mapping[str, Any]]:
    return [item for item in _items(value) if isinstance(item, dict)]


def _name(value: Any) -> str:
    """A string, or the ``name`` of a schema.org object; of a list of them (a posting's
    ``hiringOrganization`` as ``[{"@type": "Organization", ...}]``), the first that has one."""
    if isinstance(value, list):
        return next((text for text in map(_name, value) if text), "")
    if isinstance(value, dict) and "@value" not in value:
        return _term(value)
    return _string(value)


def _term(value: Mapping[str, Any]) -> str:
    """What a schema.org object (a DefinedTerm, an Organization) is called."""
    return next(
        (text for key in _TERM_KEYS if (text := _string(value.get(key)))),
        "",
    )


_TERM_KEYS: Final = ("name", "alternateName", "termCode")


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.replace(",", "").replace(" ", "").strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def _rich_text(value: str, headings: dict[str, int] | None = None) -> str:
    """Text that may hold HTML (a posting's description) as plain lines, also when the markup
    itself is entity-escaped (``&lt;p&gt;``), as many job boards publish it; its headings are
    added to ``headings`` when given."""
    if _HAS_TAG.search(value):
        return _html_text(value, headings)
    plain = value
    for _ in range(3):  # escaped once or twice over ("&amp;lt;p&amp;gt;")
        unescaped = unescape(plain)
        if unescaped == plain:
            break
        plain = unescaped
        if _HAS_TAG.search(plain):
            return _html_text(plain, headings)
    return plain


def _texts(value: Any) -> list[str]:
    """Strings, lists of strings and schema.org objects (name/description) as text blocks."""
    out: list[str] = []
    for item in _items(value):
        if isinstance(item, dict) and "@value" not in item:
            text = _term(item) or _string(item.get("description"))
            text = text or _string(item.get("credentialCategory"))
        else:
            text = _string(item)
        if text:
            out.append(_rich_text(text).strip())
    return [text for text in out if text]


def _posting_document(
    posting: Mapping[str, Any],
    label: str,
    metadata: Mapping[str, Any],
    *,
    fallback: str = "",
    headings: Mapping[str, int] | None = None,
) -> Document:
    """A JobPosting as a document: its title, its description (or the page's ``fallback``
    text, whose ``headings`` are given), then its structured fields under headings of their
    own."""
    title = _SPACE_RUN.sub(" ", _rich_text(_string(posting.get("title")))).strip()
    lines = [title, ""]
    marked = dict(headings or {})
    description = _rich_text(_string(posting.get("description")), marked)
    lines.append(_fuller(description, fallback) if fallback else description)
    for heading, key in (
        ("Responsibilities", "responsibilities"),
        ("Skills", "skills"),
        ("Qualifications", "qualifications"),
    ):
        blocks = _texts(posting.get(key))
        if blocks:
            lines += ["", heading, *(_bullet(block) for block in blocks)]
    education = _texts(posting.get("educationRequirements"))
    if education:
        if "Qualifications" not in lines:
            lines += ["", "Qualifications"]
        lines += [f"Education requirements: {block}" for block in education]
    experience, months = _experience(posting.get("experienceRequirements"))
    if experience:
        lines += ["", "Required experience", *experience]
    benefits = _texts(posting.get("jobBenefits"))
    if benefits:
        lines += ["", "Benefits", *(_bullet(block) for block in benefits)]
    found: dict[str, Any] = {
        "title": title,
        "datePosted": _string(posting.get("datePosted")),
        "validThrough": _string(posting.get("validThrough")),
        "hiringOrganization": _name(posting.get("hiringOrganization")),
        "jobLocation": _locations(posting.get("jobLocation")),
        "baseSalary": _salary(posting.get("baseSalary")),
        "employmentType": [
            _string(kind) for kind in _items(posting.get("employmentType")) if _string(kind)
        ],
        "jobLocationType": _string(posting.get("jobLocationType")),
        "experienceMonths": months,
    }
    found = {key: value for key, value in found.items() if value not in ("", [], None, {})}
    return _finish(_tidy("\n".join(lines)), label, "jobposting", {**metadata, **found}, marked)


_TEASER_WORDS: Final = 60  # at most, in a description that is only a posting's opening
_OPENING_WORDS: Final = 6  # of a teaser, looked for in the page's text
_ELLIPSIS: Final = re.compile(r"(?:\.\.\.|…)\W*$")
_TOKEN: Final = re.compile(r"[^\W_]+")


def _fuller(description: str, page: str) -> str:
    """The posting's text on a page whose JSON-LD gives it: the JSON-LD description, unless
    it is only a teaser and the page's visible text holds the whole. A teaser ends in an
    ellipsis, or is a few lines that the page shows with four times as many words after
    them; the page's text is taken from the line where the teaser opens, or all of it when
    a teaser cut short with an ellipsis is not found there. A description missing
    altogether is the page's text too."""
    words = len(_WORD.findall(description))
    if not words:
        return page
    tokens = _TOKEN.findall(description)[:_OPENING_WORDS]
    found = re.search(r"[\W_]+".join(map(re.escape, tokens)), page, re.IGNORECASE)
    rest = page[page.rfind("\n", 0, found.start()) + 1 :] if found else page
    shown = len(_WORD.findall(rest))
    if _ELLIPSIS.search(description) is not None and shown > words:
        return rest
    if found and words <= _TEASER_WORDS and shown >= 4 * words:
        return rest
    return description


def _bullet(block: str) -> str:
    return block if "\n" in block or block.startswith("- ") else f"- {block}"


def _experience(value: Any) -> tuple[list[str], float | None]:
    lines: list[str] = []
    months: float | None = None
    for item in _items(value):
        if isinstance(item, dict):
            found = _number(item.get("monthsOfExperience"))
            if found is not None and found > 0:
                months = found if months is None else max(months, found)
                years = found / 12
                lines.append(
                    f"{years:g}+ years of experience"
                    if found % 12 == 0
                    else f"{found:g}+ months of experience"
                )
            text = _string(item.get("description"))
            if text:
                lines.append(_rich_text(text).strip())
        elif _string(item):
            lines.append(_rich_text(_string(item)).strip())
    return [line for line in lines if line], months


def _locations(value: Any) -> list[dict[str, str]]:
    """A posting's ``jobLocation``: Places (one, or a list), each with an address (a
    PostalAddress, text, or a list of them: one location each) or only a name; a location
    given as text ("Remote", "Austin, TX") is, as schema.org reads text in place of an object,
    the place's name."""
    return [found for place in _items(value) for found in _place(place)]


def _place(place: Any) -> list[dict[str, str]]:
    if not isinstance(place, dict) or "@value" in place:
        name = _string(place)
        return [{"name": name}] if name else []
    addresses = [found for address in _items(place.get("address")) if (found := _address(address))]
    if addresses:
        return addresses
    name = _string(place.get("name"))
    return [{"name": name}] if name else []


def _address(address: Any) -> dict[str, str]:
    """A PostalAddress's locality, region and country, or an address written as text."""
    if isinstance(address, dict) and "@value" not in address:
        found = {
            "addressLocality": _string(address.get("addressLocality")),
            "addressRegion": _string(address.get("addressRegion")),
            "addressCountry": _name(address.get("addressCountry")),
        }
    else:
        found = {"address": _string(address)}
    return {key: text for key, text in found.items() if text}


def _salary(value: Any) -> dict[str, Any]:
    """A posting's ``baseSalary``: a MonetaryAmount (its value a number, a QuantitativeValue or
    text; or its own minValue and maxValue), a list of them (the first that says something),
    a number, or text."""
    if isinstance(value, list):
        return next((found for item in value[:10] if (found := _salary(item))), {})
    if not isinstance(value, dict):
        amount = _number(value)
        if amount is None and isinstance(value, str):
            return _salary_text(value)
        return {} if amount is None else {"value": amount}
    salary: dict[str, Any] = {"currency": _string(value.get("currency"))}
    amount = value.get("value")
    if isinstance(amount, dict):
        for key in ("minValue", "maxValue", "value"):
            salary[key] = _salary_amount(amount.get(key))
        salary["unitText"] = _string(amount.get("unitText"))
    elif isinstance(amount, str) and _salary_amount(amount) is None:
        written = _salary_text(amount)  # "100000-120000", "60k to 80k"
        salary.update({key: item for key, item in written.items() if key != "text"})
    else:
        salary["value"] = _salary_amount(amount)
    for key in ("minValue", "maxValue"):  # set on the MonetaryAmount itself
        if salary.get(key) is None:
            salary[key] = _salary_amount(value.get(key))
    return {key: item for key, item in salary.items() if item not in ("", None)}


def _salary_amount(value: Any) -> float | None:
    """A number, or one amount written as text ("80.000", "$60,000", "45k"): None for text
    with other numbers in it (a range)."""
    if not isinstance(value, str):
        return _number(value)
    match = _AMOUNT.search(value)
    if match is None or any(c.isdigit() for c in value[: match.start()] + value[match.end() :]):
        return None
    return _amount_of(match)


# "120,000", "80.000", "120 000" (thousands, with cents or not), "45k", "60", "62.50"
_AMOUNT = re.compile(r"(\d{1,3}(?:[.,\s]\d{3})+(?:[.,]\d{1,2})?(?!\d)|\d+(?:\.\d+)?)\s*([kK])?\b")
_CURRENCY = re.compile(
    r"(?<![a-z])(ca|c|au|a|nz|s|hk|us)?\$|£|€|₹|(?<![a-z])(usd|gbp|eur|cad|aud|inr|chf)(?![a-z])"
)
_CURRENCIES = {"$": "USD", "£": "GBP", "€": "EUR", "₹": "INR", "ca": "CAD", "c": "CAD"}
_CURRENCIES |= {"au": "AUD", "a": "AUD", "nz": "NZD", "s": "SGD", "hk": "HKD", "us": "USD"}
_UNITS = (
    ("HOUR", ("hour", "/hr", "hourly")),
    ("DAY", ("per day", "/day", "daily")),
    ("MONTH", ("month", "/mo", "monthly")),
    ("YEAR", ("year", "/yr", "annual", "annum", " pa", "p.a.")),
)
_ASIDE_TEXT = re.compile(r"\([^()]*\)")


def _amount_of(match: re.Match[str]) -> float:
    digits = match.group(1)
    if re.search(r"[.,\s]\d{3}", digits):  # thousands separators, and maybe cents
        digits = re.sub(r"[.,]\d{1,2}$", "", digits)
        digits = re.sub(r"[.,\s]", "", digits)
    number = float(digits)
    return number * 1000 if match.group(2) else number


def _salary_text(text: str) -> dict[str, Any]:
    """A salary written as text ("$120,000 - $150,000 a year", "£45k–£55k", "$50-60k"): the
    range, the currency and the period where the text says them (not in an aside: "€60,000
    per year (40 hours/week)"), and the text itself."""
    said = _ASIDE_TEXT.sub(" ", text)
    matches = list(_AMOUNT.finditer(said))
    if not matches:
        said, matches = text, list(_AMOUNT.finditer(text))
    if not matches:
        return {}
    amounts = [_amount_of(match) for match in matches[:2]]
    ranged = len(matches) >= 2 and matches[1].group(2) and not matches[0].group(2)
    if ranged and amounts[0] < 1000 <= amounts[1]:  # "$50-60k": the k is the range's
        amounts[0] *= 1000
    lowered = said.casefold()
    salary: dict[str, Any] = {"text": text.strip()}
    currency = _CURRENCY.search(lowered)
    if currency:
        mark = currency.group(1) or currency.group(2) or currency.group()
        salary["currency"] = _CURRENCIES.get(mark, mark.upper())
    if len(amounts) >= 2:
        salary["minValue"], salary["maxValue"] = min(amounts), max(amounts)
    else:
        salary["value"] = amounts[0]
    unit = next((name for name, words in _UNITS if any(w in lowered for w in words)), None)
    if unit:
        salary["unitText"] = unit
    return salary


def _position(title: str, company: str, start: str, end: str) -> dict[str, str]:
    position = {"title": title, "company": company, "start": start, "end": end}
    return {key: value for key, value in position.items() if value}


def _position_line(position: Mapping[str, str], extra: str = "") -> str:
    head = " — ".join(filter(None, (position.get("title"), position.get("company"))))
    start, end = position.get("start", ""), position.get("end", "")
    if start or end:
        head += f" ({start or '?'} – {end or 'present'})"
    return f"{head}, {extra}" if extra else head


def _resume_document(
    resume: Mapping[str, Any], label: str, metadata: Mapping[str, Any]
) -> Document:
    basics = resume.get("basics")
    basics = basics if isinstance(basics, dict) else {}
    name, headline = _string(basics.get("name")), _string(basics.get("label"))
    location = basics.get("location")
    place = ""
    if isinstance(location, dict):
        parts = ("city", "region", "countryCode")
        place = ", ".join(filter(None, (_string(location.get(part)) for part in parts)))
    else:  # older resumes give the place as one string
        place = _string(location)
    lines = [name, headline, place]
    summary = _string(basics.get("summary"))
    if summary:
        lines += ["", "Summary", summary]

    positions = []
    work = _entries(resume.get("work")) + _entries(resume.get("volunteer"))
    if work:
        lines += ["", "Experience"]
    for job in work:
        if isinstance(job, str):  # a position as one line of text: no dates or company to take
            lines += [job, ""]
            continue
        position = _position(
            _string(job.get("position")),
            # "company" in resumes written to the schema before 1.0
            _string(job.get("name"))
            or _string(job.get("company"))
            or _string(job.get("organization")),
            _string(job.get("startDate")),
            _string(job.get("endDate")),
        )
        positions.append(position)
        lines.append(_position_line(position))
        lines += _texts(job.get("summary"))
        lines += [f"- {text}" for text in _texts(job.get("highlights"))]
        lines.append("")

    _append_section(lines, "Education", _entries(resume.get("education")), _education_lines)
    skill_lines = []
    skill_lines += [f"- {_string(item)}" for item in _items(resume.get("skills")) if _string(item)]
    for skill in _objects(resume.get("skills")):
        skill_name = _string(skill.get("name"))
        level = _string(skill.get("level"))
        keywords = ", ".join(_texts(skill.get("keywords")))
        line = skill_name + (f" ({level})" if level else "")
        if keywords:
            line = f"{line}: {keywords}" if line else keywords
        if line:
            skill_lines.append(f"- {line}")
    languages = [text for item in _entries(resume.get("languages")) if (text := _language(item))]
    if languages:
        # "Languages" is not a section heading, so it stays inside Skills, where it belongs.
        skill_lines.append("Languages: " + ", ".join(languages))
    if skill_lines:
        lines += ["", "Skills", *skill_lines]
    _append_section(lines, "Projects", _entries(resume.get("projects")), _project_lines)
    _append_section(
        lines, "Certifications", _entries(resume.get("certificates")), _certificate_lines
    )
    _append_section(lines, "Awards", _entries(resume.get("awards")), _award_lines)
    _append_section(lines, "Publications", _entries(resume.get("publications")), _award_lines)
    _append_section(
        lines, "Interests", _entries(resume.get("interests")), _interest_lines, bullet=True
    )

    found: dict[str, Any] = {
        "name": name,
        "label": headline,
        "location": place,
        "positions": positions,
    }
    found = {key: value for key, value in found.items() if value}
    return _finish(_tidy("\n".join(lines)), label, "json-resume", {**metadata, **found})


def _append_section(
    lines: list[str],
    heading: str,
    entries: list[Mapping[str, Any] | str],
    render: Callable[[Mapping[str, Any]], list[str]],
    *,
    bullet: bool = False,
) -> None:
    """A section of entries under its heading; an entry given as text is a line of its own,
    a list item where the section's objects are (``bullet``)."""
    rendered = [
        line
        for entry in entries
        for line in (
            render(entry) if not isinstance(entry, str) else [f"- {entry}" if bullet else entry]
        )
    ]
    if any(line.strip() for line in rendered):
        lines += ["", heading, *rendered]


def _entries(value: Any) -> list[Mapping[str, Any] | str]:
    """A JSON Resume section's entries in order: its objects, and the plain strings some
    resumes and tools write instead (``"certificates": ["AWS Certified ML - Specialty"]``)."""
    return [
        item if isinstance(item, dict) else _string(item)
        for item in _items(value)
        if isinstance(item, dict) or (not isinstance(item, list) and _string(item))
    ]


def _language(entry: Mapping[str, Any] | str) -> str:
    """A language with its fluency ("Portuguese (Native)"), or as the resume gives it in text."""
    if isinstance(entry, str):
        return entry
    language, fluency = _string(entry.get("language")), _string(entry.get("fluency"))
    return f"{language} ({fluency})" if language and fluency else language


def _dates(entry: Mapping[str, Any], start: str = "startDate", end: str = "endDate") -> str:
    first, last = _string(entry.get(start)), _string(entry.get(end))
    if not first and not last:
        return ""
    return f" ({first or '?'} – {last or 'present'})"


def _education_lines(entry: Mapping[str, Any]) -> list[str]:
    degree = " ".join(filter(None, (_string(entry.get("studyType")), _string(entry.get("area")))))
    head = " — ".join(filter(None, (degree, _string(entry.get("institution")))))
    lines = [head + _dates(entry)] if head else []
    lines += [f"- {course}" for course in _texts(entry.get("courses"))]
    return lines


def _project_lines(entry: Mapping[str, Any]) -> list[str]:
    lines = [_string(entry.get("name")) + _dates(entry)]
    lines += _texts(entry.get("description"))
    lines += [f"- {text}" for text in _texts(entry.get("highlights"))]
    keywords = _texts(entry.get("keywords"))
    if keywords:
        lines.append("Keywords: " + ", ".join(keywords))
    lines.append("")
    return [line for line in lines if line.strip()] + [""]


def _award_lines(entry: Mapping[str, Any]) -> list[str]:
    """An award (title, awarder) or a publication (name, publisher), with its summary."""
    title = _string(entry.get("title")) or _string(entry.get("name"))
    by = _string(entry.get("awarder")) or _string(entry.get("publisher"))
    head = " — ".join(filter(None, (title, by)))
    return [line for line in (head, *_texts(entry.get("summary"))) if line]


def _interest_lines(entry: Mapping[str, Any]) -> list[str]:
    name = _string(entry.get("name"))
    keywords = ", ".join(_texts(entry.get("keywords")))
    line = f"{name}: {keywords}" if name and keywords else name or keywords
    return [f"- {line}"] if line else []


def _certificate_lines(entry: Mapping[str, Any]) -> list[str]:
    head = " — ".join(filter(None, (_string(entry.get("name")), _string(entry.get("issuer")))))
    date = _string(entry.get("date"))
    if head and date:
        head += f" ({date})"
    return [head] if head else []
