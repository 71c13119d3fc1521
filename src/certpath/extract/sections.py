"""Split a resume or posting into sections by recognising its headings.

Every reader produces plain text with headings on their own lines (structured formats write
headings they know), so one detector serves all formats. A line is a heading when, stripped of
Markdown marks, bullets and a trailing colon, it is one of the known heading phrases below or
starts with one and is short; ``Requirements: 5+ years of Python`` starts a section too. Lines
that merely look like headings but are unknown (``Languages:``) do not break a section, unless
the format marks them as headings at the level of the known ones (a DOCX paragraph styled
"Heading 1", an HTML ``<h2>``, a Markdown ``##``): then they open a section of their own.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Mapping

from certpath.extract.document import DocumentKind, Section, SectionKind
from certpath.extract.matcher import BULLETS, ITEM_EDGES, LIST_ITEM, lower_aligned


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(phrase.strip() for phrase in text.split("|") if phrase.strip())


_HEADINGS: dict[SectionKind, tuple[str, ...]] = {
    SectionKind.SUMMARY: _phrases(
        """
        summary | professional summary | career summary | profile | professional profile |
        about me | objective | career objective | personal statement | executive summary |
        career overview | introduction | personal profile | profile summary |
        summary of qualifications | qualifications summary | career profile |
        professional overview
        """
    ),
    SectionKind.SKILLS: _phrases(
        """
        skills | technical skills | key skills | core skills | skill set | skillset |
        core competencies | competencies | technologies | tech stack | technical stack |
        stack | our stack | our tech stack | technology stack | our technology stack |
        technologies we use | tools we use | tech we use | our tools |
        tools | tools and technologies | tools & technologies | technical expertise |
        areas of expertise | expertise | technical proficiencies | proficiencies |
        programming languages | skills summary | it skills | software skills | top skills |
        skill details | technical skills summary | your competencies | soft skills |
        personal skills | interpersonal skills | professional skills | computer skills |
        computer knowledge | computer proficiency | technical knowledge | other skills |
        additional skills | skills and abilities | skills & abilities | key competencies |
        technical competencies | strengths | key strengths | core strengths |
        skills & tools | skills and tools | technical skills & tools | technical skills and tools |
        skills & technologies | skills and technologies | languages & tools | languages and tools |
        tech skills | hard skills | skills & certifications | skills and certifications |
        technical skills & certifications | technical skills and certifications |
        technical toolkit | toolkit
        """
    ),
    SectionKind.EXPERIENCE: _phrases(
        """
        experience | work experience | professional experience | employment |
        employment history | work history | career history | relevant experience | positions |
        professional background | company details | internships | internship |
        experience details | research experience | teaching experience | industry experience |
        leadership experience | professional history | relevant work experience |
        work experience & internships
        """
    ),
    SectionKind.EDUCATION: _phrases(
        """
        education | academic background | academics | education details |
        educational background | academic qualifications | education and training |
        education & training | education & certifications | education and certifications |
        academic history
        """
    ),
    SectionKind.PROJECTS: _phrases(
        """
        projects | personal projects | key projects | portfolio | project details |
        other projects | academic projects | side projects | selected projects |
        relevant projects | project experience | notable projects |
        open-source projects
        """
    ),
    SectionKind.CERTIFICATIONS: _phrases(
        """
        certifications | certificates | certification | licenses and certifications |
        licenses & certifications | licences and certifications | courses | training |
        training and certifications | training & certifications | certifications and training |
        license/certification | licenses/certifications | licence/certification | licenses |
        licences | certifications and licenses | certifications & licenses |
        certifications & training | courses & certifications | courses and certifications |
        certificates and courses | licenses & certificates | licenses and certificates |
        professional certifications
        """
    ),
    SectionKind.RESPONSIBILITIES: _phrases(
        """
        responsibilities | key responsibilities | job responsibilities | duties |
        what you'll do | what you will do | what you’ll do | what you will be doing |
        what you'll be doing | what you’ll be doing | your role | the role | role |
        in this role | in this role you will | day to day | day-to-day | your impact |
        the impact you'll make | job description | position summary | role description |
        about the role | about the job | about this role | the opportunity | your mission |
        what you'll work on | what you will work on | the job | job summary | overview |
        position overview | role overview | essential functions | essential duties |
        key accountabilities | accountabilities | position accountabilities |
        impact you'll make | impact you’ll make | the impact you'll have | the impact you’ll have |
        your responsibilities | roles and responsibilities | roles & responsibilities |
        role and responsibilities | duties and responsibilities | duties & responsibilities |
        essential duties and responsibilities | essential duties & responsibilities |
        primary responsibilities | main responsibilities
        """
    ),
    SectionKind.REQUIREMENTS: _phrases(
        """
        requirements | job requirements | qualifications | required qualifications |
        minimum qualifications | basic qualifications | required skills | required experience |
        what you'll need | what you will need | what you’ll need | what we're looking for |
        what we are looking for | what we’re looking for | who you are | must have |
        must haves | must-have | must-haves | what you bring | what you'll bring |
        what you’ll bring | you have | you should have | about you | your profile |
        your background | skills and experience | skills & experience | experience and skills |
        required skills and experience | knowledge, skills and abilities |
        knowledge skills and abilities | we are looking for | we're looking for |
        ideal candidate | the ideal candidate | candidate profile | minimum requirements |
        key requirements | education and experience | technical requirements | your skills |
        you will have | to be successful | your education & experience |
        your education and experience | education & experience | what you'll bring to the team |
        what you’ll bring to the team | you might be a fit if | you may be a fit if |
        you're a fit if | you’re a fit if | strong candidates will have | you are | you're |
        you’re | requirements and qualifications | qualifications and requirements |
        experience required | key qualifications | additional requirements | basic requirements |
        what you need | what you need to succeed | what you’ll need to succeed |
        what you'll need to succeed | job qualifications | position requirements |
        skills required | qualifications and experience | qualifications & experience |
        required | essential skills | essential requirements | essential qualifications |
        essential experience | essential criteria | mandatory skills | mandatory requirements |
        must have skills | must-have skills | we're looking for someone with |
        we’re looking for someone with | we are looking for someone with
        """
    ),
    SectionKind.NICE_TO_HAVE: _phrases(
        """
        nice to have | nice-to-have | nice to haves | nice-to-haves | preferred |
        preferred qualifications | preferred skills | preferred experience | bonus |
        bonus points | bonus points if you have | pluses | plus | a plus |
        additional qualifications | desired | desired skills | desired qualifications |
        good to have | extra credit | it would be great if you have | even better |
        preferred requirements | desirable | desirable skills | recommended qualifications |
        preferred to have | what we love to see | what we'd love to see | what we’d love to see |
        kudos if you have | bonuses | highly desired additions | desired experience |
        bonus qualifications | we'd love if you have | we’d love if you have |
        even better if you have | what makes you stand out | what sets you apart |
        it's a plus if you have | it’s a plus if you have | bonus if you have |
        preferred but not required | nice to have skills | nice-to-have skills |
        what would be nice | it'd be great if you have | it’d be great if you have |
        you might also have | we'd love to see | we’d love to see | we would love to see |
        bonus skills | plus if you have | a plus if you have | not required but a plus |
        not required, but a plus | stand out from the crowd | ideal candidates also have |
        desirable criteria | desirable experience | desirable qualifications
        """
    ),
    SectionKind.BENEFITS: _phrases(
        """
        benefits | perks | perks and benefits | benefits and perks | what we offer | we offer |
        compensation | compensation and benefits | salary | pay range | pay | why join us |
        why you'll love working here | our benefits | total rewards | salary range |
        base salary | pay transparency | what's in it for you | perks & benefits |
        benefits & perks | compensation & benefits | what we offer you | what’s in it for you
        """
    ),
    SectionKind.OTHER: _phrases(
        """
        interests | hobbies | hobbies and interests | interests and hobbies | awards |
        honors | honours | awards and honors | awards and honours | achievements |
        publications | references | volunteering | additional information |
        volunteer experience | volunteer work | honors & awards | honours & awards |
        awards & honors | awards & honours | honors and awards | honours and awards |
        awards & achievements | awards and achievements | physical requirements |
        physical demands | working conditions | work environment | how to apply |
        travel requirements | contact | contact information | contact details |
        personal details | personal information | similar jobs | related jobs | more jobs |
        recommended jobs | jobs you may like | people also viewed | similar positions
        """
    ),
    SectionKind.COMPANY: _phrases(
        """
        about us | about the company | who we are | our company | company overview |
        company description | our mission | our story | about the team | the team | our team |
        equal opportunity | equal opportunity employer | eeo statement | diversity |
        diversity and inclusion | diversity & inclusion | our values | our culture | culture |
        core values | our core values | values | culture and values | our culture and values |
        life at | why us | eeo | eoe | candidate data privacy | candidate privacy |
        candidate privacy notice | applicant privacy notice | privacy notice | privacy policy |
        privacy statement | data privacy notice | ccpa notice | disclaimer | legal disclaimer |
        e-verify | reasonable accommodation | reasonable accommodations | accommodation requests |
        candidate data collection disclaimer | data collection disclaimer | what we do
        """
    ),
}

_PHRASES: dict[str, SectionKind] = {
    phrase: kind for kind, phrases in _HEADINGS.items() for phrase in phrases
}
_LONGEST = max(len(phrase) for phrase in _PHRASES)
_SQUASHED: dict[str, SectionKind] = {
    re.sub(r"[^a-z]", "", phrase): kind for phrase, kind in _PHRASES.items()
}
"""The headings by their letters alone: a PDF that places a heading glyph by glyph comes out
with spaces inside its words ("TECHNI CAL SKI LLS")."""
_LETTERS_AND_SPACES = re.compile(r"^[A-Za-z][A-Za-z ]*$")

_LINE = re.compile(r"[^\n]*(?:\n|$)")
# bullets, numbering ("1.", "2)", "II."), Markdown marks and emoji or other symbols before a
# heading; colons, dashes, hashes and the like after it
_DECORATION = re.compile(
    r"^(?:[\s#*_>\-•·▪●◦■–—|=~+]|[^\w\s]|\d{1,2}[.)](?=\s)|[IVX]{1,4}\.(?=\s))+"
    r"|[\s*_:|=~#\-–—.\u2600-\u27bf\U0001f300-\U0001faff\ufe0f]+$"
)
_ITEM = re.compile(f"^\\s*(?:[-*+–—{BULLETS}]|\\d{{1,2}}[.)])\\s+")
_SPACES = re.compile(r"\s+")
_LETTER_SPACED = re.compile(r"^(?:\w ){3,}\w$")
_WISHED_FOR = ("preferred", "optional", "nice to have", "nice-to-have", "a plus", "plus", "bonus")
_QUALIFIERS = {
    **dict.fromkeys((*_WISHED_FOR, "desired", "desirable"), SectionKind.NICE_TO_HAVE),
    **dict.fromkeys(("required", "mandatory", "must have", "must-have"), SectionKind.REQUIREMENTS),
}
_QUALIFIED = re.compile(r"^(.+?) ?\((" + "|".join(map(re.escape, _QUALIFIERS)) + r")\)$")
"""A heading that says in brackets whether what it lists is asked for or wished for:
"Additional Qualifications (Preferred)", "Skills (required)"."""
_ASKING = frozenset(
    {
        SectionKind.SKILLS,
        SectionKind.REQUIREMENTS,
        SectionKind.NICE_TO_HAVE,
        SectionKind.EXPERIENCE,
        SectionKind.EDUCATION,
        SectionKind.CERTIFICATIONS,
    }
)
"""The kinds of heading a qualifier in brackets may follow ("Certifications (a plus)")."""
_NAMED_COMPANY = re.compile(r"^(about|life at|working at|why)\b")


def flattened(text: str) -> bool:
    """Whether a document has lost its line breaks (fewer than one per 300 characters), as
    postings exported from job boards often have: headings and bullets come glued to the words
    around them ("...causal inferenceFamiliarity with Python")."""
    return len(text) > 600 and text.count("\n") * 300 < len(text)


def heading_kind(line: str) -> SectionKind | None:
    """The section kind a line opens, or None when it is not a known heading."""
    stripped = line.strip()
    if not stripped or len(stripped) > 120:
        return None
    head, colon, _ = _label(stripped)
    candidate = head if colon and len(head) <= _LONGEST + 10 else stripped
    if not colon and len(stripped) > _LONGEST + 10:
        return None
    key = _SPACES.sub(" ", _DECORATION.sub("", candidate)).casefold()
    if _LETTER_SPACED.match(key):  # "S K I L L S", "W O R K  E X P E R I E N C E"
        key = " ".join(word.replace(" ", "") for word in re.split(r"\s{2,}", candidate.strip()))
        key = _SPACES.sub(" ", _DECORATION.sub("", key)).casefold()
    key = key.replace("’", "'")
    kind = _PHRASES.get(key)
    if kind is not None:
        return kind
    qualified = _QUALIFIED.match(key)  # "Additional Qualifications (Preferred)"
    if qualified is not None and _PHRASES.get(qualified.group(1)) in _ASKING:
        return _QUALIFIERS[qualified.group(2)]
    if "/" in key and len(key.split()) <= 6:  # "Required Qualifications / Experience"
        kinds = [_PHRASES.get(part.strip()) for part in key.split("/")]
        if kinds[0] is not None:  # named by its first part, or by a requirement in it
            return SectionKind.REQUIREMENTS if SectionKind.REQUIREMENTS in kinds else kinds[0]
    if " " in candidate.strip() and _LETTERS_AND_SPACES.match(key):
        kind = _SQUASHED.get(key.replace(" ", ""))
        if kind is not None:
            return kind
    # "About Acme", "Life at Acme": company sections named after the company, written as a
    # title (no digits, every word capitalised): "About 3 years of Python" is not one
    if (
        (not colon or not _label(stripped)[2].strip())
        and len(key.split()) <= 5
        and _NAMED_COMPANY.match(key)
        and not any(char.isdigit() for char in stripped)
        and all(word[:1].isupper() for word in _DECORATION.sub("", stripped).split()[1:])
    ):
        return SectionKind.COMPANY
    return None


def _bare(line: str) -> bool:
    """Whether a line is words alone, with no label separator in it."""
    return _SEPARATOR.search(line.strip()) is None


def _inline(line: str) -> bool:
    """Whether a heading line carries its own content after its label ("Salary: $150k")."""
    _, colon, rest = _label(line.strip())
    return bool(colon and rest.strip())


_SEPARATOR = re.compile(r":|\s\|\s|\t")


def _label(line: str) -> tuple[str, str, str]:
    """A line split at its first label separator: a colon, or the " | " and tab that readers
    write between table cells ("Requirements | 5+ years of Python")."""
    found = _SEPARATOR.search(line)
    if found is None:
        return line, "", ""
    return line[: found.start()].strip(), found.group(), line[found.end() :]


def detect_sections(text: str, headings: Mapping[str, int] | None = None) -> tuple[Section, ...]:
    """Sections covering ``text`` from start to end, one per recognised heading.

    ``headings`` are the lines that the document's format marks as headings, each with its
    level (1 for a DOCX "Heading 1" or an HTML ``<h1>``, 0 for a title). One of them that is
    no known heading still opens a section (of kind "other") when it is no deeper than most
    known headings marked the same way: a resume's "Mentoring" set like its "Experience"
    ends the experience, while a job title one level down stays inside it.

    A heading on its own line opens a section that runs to the next heading. A label with its
    content on the same line ("Salary: $150k", "- Education: BSc") covers that line only, and
    the section around it goes on after it, unless list items follow it
    ("Requirements: Python\\n- SQL").

    Examples:
        >>> text = "Intro\\nRequirements:\\n- Python\\nBenefits\\n- 401k"
        >>> [s.kind.value for s in detect_sections(text)]
        ['other', 'requirements', 'benefits']
        >>> text = "Requirements:\\n- Education: BSc\\n- Python"
        >>> [s.kind.value for s in detect_sections(text)]
        ['requirements', 'education', 'requirements']
    """
    sections: list[Section] = []
    kind, start, heading = SectionKind.OTHER, 0, None
    unknown = _unknown_headings(headings) if headings else frozenset()
    lines = list(_LINE.finditer(text))
    joined = -1  # a line already read as the second half of a heading wrapped in two
    for number, match in enumerate(lines):
        line = match.group()
        if not line:
            break
        if number == joined:
            continue
        found = heading_kind(line)
        if found is None and unknown and _SPACES.sub(" ", line).strip() in unknown:
            if kind is SectionKind.OTHER and heading is None:
                continue  # the opening lines, a name or title over them: the same section
            if match.start() > start:
                sections.append(Section(kind, start, match.start(), heading))
            kind, start, heading = SectionKind.OTHER, match.start(), line.strip()
            continue
        if found is not None and number + 1 < len(lines) and _bare(line):
            # "Preferred\nQualifications:" is one heading, wrapped
            after = lines[number + 1].group()
            if _bare(after.strip().rstrip(":")):
                whole = heading_kind(line.strip() + " " + after.strip())
                if whole is not None:
                    found, joined = whole, number + 1
        if found is None:
            glued = _glued_tail(line)
            if glued is None:
                continue
            # "Python- Experience - 24 monthsCompany Details": a heading glued to the end of
            # the line before it opens its section where it starts
            at = match.start() + glued[0]
            if at > start:
                sections.append(Section(kind, start, at, heading))
            kind, start, heading = glued[1], at, line[glued[0] :].strip()
            continue
        if _wrapped(lines, number) or _continues(lines, number):
            continue
        if _inline(line) and not _items_follow(lines, number):
            if found is kind:
                continue
            if match.start() > start:
                sections.append(Section(kind, start, match.start(), heading))
            sections.append(Section(found, match.start(), match.end(), line.strip()))
            start = match.end()  # the section around it goes on
            continue
        if match.start() > start:
            sections.append(Section(kind, start, match.start(), heading))
        kind, start, heading = found, match.start(), line.strip()
    if len(text) > start or not sections:
        sections.append(Section(kind, start, len(text), heading))
    if len(sections) == 1 and sections[0].kind is SectionKind.OTHER and _bare_list(text):
        return (Section(SectionKind.SKILLS, 0, len(text), None),)
    if flattened(text):
        return tuple(_split_glued(sections, text))
    return tuple(sections)


def _unknown_headings(headings: Mapping[str, int]) -> frozenset[str]:
    """The marked headings that are no known heading and no deeper than the level most known
    ones have (the shallower of two as common); none when no known heading is marked."""
    marked = {_SPACES.sub(" ", line).strip(): level for line, level in headings.items()}
    known = Counter(level for line, level in marked.items() if heading_kind(line) is not None)
    if not known:
        return frozenset()
    usual = min(known, key=lambda level: (-known[level], level))
    return frozenset(
        line
        for line, level in marked.items()
        if line and level <= usual and heading_kind(line) is None
    )


_EDGES = "".join(sorted(ITEM_EDGES))


def _bare_list(text: str) -> bool:
    """Whether a text is nothing but a short list of short items ("Azure, Spark\nGo"), as a list
    of skills given on its own is: the list is then the context of the names in it."""
    if len(text) > 3000:
        return False
    items = [item.strip(_EDGES) for item in LIST_ITEM.findall(text)]
    items = [item for item in items if item]
    return bool(items) and all(len(item.split()) <= 4 and ". " not in item for item in items)


_GLUE_POINT = re.compile(r"[A-Z](?:(?<=[a-z0-9.!?:)][A-Z])|(?<=[.!?:] [A-Z]))")
"""Where a glued heading may start: a capital right after a word or a sentence's end."""
_GLUABLE = sorted(
    (p for p in _PHRASES if len(p) >= 6 and _PHRASES[p] is not SectionKind.OTHER),
    key=len,
    reverse=True,
)
"""The headings that may come glued to their neighbours, longest first."""
_GLUED_HEADING = re.compile(
    "(?i:" + "|".join(map(re.escape, _GLUABLE)) + r")(?=[A-Z0-9(]|(:?[ \t]*)[A-Z0-9(])"
)
"""A heading glued to the words around it, as postings flattened to one line have them:
"...process improvementRequirementsBachelor's degree...", or after a sentence's end, with a
colon or a space before the words it heads ("...at scale.Responsibilities:Analyze",
"...data. What You Will Do Design and conduct")."""
_BOILERPLATE_KINDS = frozenset({SectionKind.BENEFITS, SectionKind.COMPANY})
_GLUED_STARTS = frozenset(phrase[:5] for phrase in _GLUABLE)


_TAIL_WORDS = tuple({phrase.rsplit(" ", 1)[-1] for phrase in _GLUABLE})
_TAIL_LENGTHS = sorted({len(phrase) for phrase in _GLUABLE}, reverse=True)
_GLUABLE_SET = frozenset(_GLUABLE)
_GLUE_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.!?)")
"""What a glued heading may follow: a lower-case letter, a digit or a sentence's end."""


def _glued_tail(line: str) -> tuple[int, SectionKind, str] | None:
    """A known heading glued to the end of a line's other text ("...24 monthsCompany Details",
    "...deep learning.Education Details"): its offset in the line and its kind, or None. The
    heading must start with a capital right after a lower-case letter, a digit or a sentence's
    end, as the line breaks of a flattened document leave them."""
    body = line.rstrip(" \t\r\n:")
    low = lower_aligned(body[-_TAIL_LENGTHS[0] :])  # the part a heading may take: its end
    if not low.endswith(_TAIL_WORDS):
        return None
    for length in _TAIL_LENGTHS:
        at = len(body) - length
        if at < 1:
            continue
        tail = low[len(low) - length :]
        if tail in _GLUABLE_SET and body[at].isupper() and body[at - 1] in _GLUE_BEFORE:
            return at, _PHRASES[tail], body[at:]
    return None


def _split_glued(sections: list[Section], text: str) -> list[Section]:
    """``sections`` cut where a glued heading opens a new one (text with hardly any lines)."""
    marks = []
    for point in _GLUE_POINT.finditer(text):
        at = point.start()
        if text[at : at + 5].casefold() not in _GLUED_STARTS:
            continue
        match = _GLUED_HEADING.match(text, at)
        if match is not None:
            key = match.group().casefold().replace("’", "'")
            kind = _PHRASES[key]
            if match.group(1) is not None and (
                # set apart by a colon or a space only: a heading of the posting's own parts
                # (a section of benefits or about the company, with no heading after it to end
                # it, would run on over the requirements), written as a title ("We offer
                # courses" is a sentence)
                kind in _BOILERPLATE_KINDS
                or not all(word[:1].isupper() for word in match.group().split())
            ):
                continue
            marks.append((match.start(), kind, match.group()))
    if not marks:
        return sections
    result: list[Section] = []
    for section in sections:
        inside = [mark for mark in marks if section.start < mark[0] < section.end]
        start, kind, heading = section.start, section.kind, section.heading
        for position, found, words in inside:
            result.append(Section(kind, start, position, heading))
            start, kind, heading = position, found, words
        result.append(Section(kind, start, section.end, heading))
    return result


_GOES_ON = re.compile(
    r"\s*(?:with|and|or|of|in|to|for|the|a|an|from|on|at|as|by|is|are|was|that|which)\b"
)


def _wrapped(lines: list[re.Match[str]], number: int) -> bool:
    """Whether line ``number`` is a word that hard-wrapped text left alone on its line, not a
    heading: it has no colon and the next line goes on with a small lower-case word
    ("Experience\nwith programming languages such as Python")."""
    if number + 1 >= len(lines) or ":" in lines[number].group():
        return False
    return _GOES_ON.match(lines[number + 1].group()) is not None


def _continues(lines: list[re.Match[str]], number: int) -> bool:
    """Whether line ``number`` goes on with the sentence that hard-wrapped text broke before
    it, not a heading: it starts in lower case, has no colon, and the line before ends in a
    comma or a word that cannot end a sentence ("preferred, but not\nrequired"), or is prose
    filled to its width; or the line itself ends a sentence ("leadership experience."). A
    heading in lower case after a list item or a short line ("- Automated reports\nskills") is
    one."""
    line = lines[number].group().strip()
    if number == 0 or not line[:1].islower() or ":" in line:
        return False
    if line.endswith("."):  # "Small group\nleadership experience."
        return True
    before = lines[number - 1].group().rstrip()
    if before.endswith(",") or _OPEN_END.search(before) is not None:
        return True
    # a line of prose filled to its width: "...mathematical software\ntools"
    return len(before) >= _FILLED and not _ITEM.match(before)


_OPEN_END = re.compile(
    r"(?<![\w-])(?:not|but|and|or|nor|of|with|without|in|on|at|to|for|from|by|as|the|a|an|"
    r"is|are|be|been|was|were|that|which|who|than|such|including|especially|very|highly|"
    r"strongly|\d+\+?|years?)$",
    re.IGNORECASE,
)
"""A word a sentence does not end with: what a hard-wrapped line ends with before the line that
goes on with its sentence."""
_FILLED = 60
"""The length from which a line of prose that does not end a sentence was wrapped by width."""


def _items_follow(lines: list[re.Match[str]], number: int) -> bool:
    """Whether list items follow line ``number``, itself not a list item ("- Education: BSc"
    is one item of its list)."""
    if _ITEM.match(lines[number].group()):
        return False
    for match in lines[number + 1 :]:
        line = match.group()
        if line.strip():
            return bool(_ITEM.match(line))
    return False


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*"
_PERIOD = re.compile(
    rf"\b(?:{_MONTH})?(?:19|20)\d\d\s*(?:-|–|—|to|till)\s*"
    rf"(?:(?:{_MONTH})?(?:19|20)\d\d|present|current|now|date|today)\b"
)
"""A period of work or study, as a resume dates its entries: "2019 - 2023", "Jan 2020 – Present"
(over the text in lower case, as :data:`_DATED` and :data:`_POSTING_WORDS` are: a search with
``re.IGNORECASE`` takes about twice as long)."""
_DATED = re.compile(rf"\b{_MONTH}(?:19|20)\d\d\b")
"""A month and year, as a resume dates an entry ("January 2016 B.Sc.")."""
_YEAR = re.compile(r"(?:19|20)\d\d")
"""What every period and date holds: a text without it has neither, and a search for it skips
from digit to digit where theirs tries every word."""
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_PHONE = re.compile(r"\+?\d[\d ().-]{8,}\d")
_FIRST_PERSON = re.compile(r"(?:I(?<!\wI)|my(?<!\wmy))\b")
""""I" or "my" as a word ("I'm", "I am", "I have" among them); the look-behind after the first
letter, not a word boundary before it, lets a search skip to the next "I" or "m"."""
_POSTING_PHRASES = (
    r"you will|you'll|you’ll|you are|you have|your role|we are|we're|we’re|we offer|"
    r"our team|our company|our client|join us|join our|ideal candidate|the candidate|"
    r"candidates|applicants?|apply|equal opportunity|benefits|salary|compensation|job type|"
    r"full[- ]time|must have|preferred|hiring|this role|"
    r"the role|date posted|job posting|openings"
)
_POSTING_WORDS = re.compile(
    # the look-ahead for a first letter spares trying every phrase at every word
    r"\b(?=["
    + "".join(sorted({phrase[0] for phrase in _POSTING_PHRASES.split("|")}))
    + r"])(?:"
    + _POSTING_PHRASES
    + r")\b"
)
"""Words of a posting: what it offers, whom it asks for, how to apply."""
_POSTING_SECTIONS = frozenset({SectionKind.NICE_TO_HAVE, SectionKind.BENEFITS, SectionKind.COMPANY})
"""Sections only a posting has (a resume lists its responsibilities too)."""
_RESUME_SECTIONS = frozenset(
    {
        SectionKind.EDUCATION,
        SectionKind.EXPERIENCE,
        SectionKind.PROJECTS,
        SectionKind.CERTIFICATIONS,
        SectionKind.SUMMARY,
    }
)


def guess_kind(text: str, sections: tuple[Section, ...]) -> DocumentKind:
    """Whether a text whose format does not say is a resume or a posting, when it is clear.

    A resume dates its entries ("2019 - 2023", "Jan 2020 – Present"), gives an e-mail address
    or a phone number at its top, speaks in the first person and has education, experience
    or project sections; a posting speaks to its reader and of itself ("you will", "we offer",
    "the ideal candidate", "apply") and has responsibilities, benefits or company sections.
    Unknown when neither clearly outweighs the other.
    """
    kinds = {section.kind for section in sections}
    lowered = text.lower()
    asking = set(_POSTING_WORDS.findall(lowered))
    posting = len(asking) + 2 * len(kinds & _POSTING_SECTIONS)
    dates = 0
    if _YEAR.search(lowered) is not None:
        dated = itertools.chain(_PERIOD.finditer(lowered), _DATED.finditer(lowered))
        dates = sum(1 for _ in itertools.islice(dated, 3))  # three are enough
    head = text[:400]
    contact = ("@" in head and _EMAIL.search(head) is not None) or _PHONE.search(head) is not None
    resume = (
        dates
        + 2 * contact
        + len(kinds & _RESUME_SECTIONS)
        + (sum(1 for _ in itertools.islice(_FIRST_PERSON.finditer(text), 2)) == 2)
    )
    if resume >= 3 and resume > posting + 1:
        return DocumentKind.RESUME
    if posting >= 4 and posting > resume + 1:
        return DocumentKind.POSTING
    return DocumentKind.UNKNOWN
