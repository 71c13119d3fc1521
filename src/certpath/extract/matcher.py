"""Find skills in text: one Aho–Corasick automaton over every taxonomy surface form.

The hot path of extraction. Text is folded to a same-length ASCII string (lower case; letters,
digits and ``+ # .`` kept, a dot only inside a token and not between a word and a capitalised
one, "Python.Docker"; an accented Latin-1 letter a letter no name holds, so that "Résumé"
names no R; every other character a space), so a span
in the folded text is the same span in the original and no offset mapping is needed. Each
surface form is folded the same way and entered with a space on both sides, so a hit always
sits on word boundaries that understand ``C++``, ``C#``, ``.NET``, ``Node.js``, ``CI/CD`` and
``scikit-learn``; punctuation next to a space folds to two spaces, so a multi-word form never
matches across a comma. Plural forms are added when they name no other skill (and not for a
one-word product name: "Dockers"). The automaton (``daachorse``, a Rust double-array, or
``ahocorasick_rs`` where daachorse has no wheel) reports overlapping hits, of which the longest
win; case-sensitive and ambiguous forms are then checked against their context rules, which are
data in the taxonomy (:class:`~certpath.catalog.models.AliasContext`): a cue word near, or else
a neighbouring skill (for a product name such as "Ruby" only a technical one, and not when its
capital merely opens a sentence of prose).
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

import ahocorasick_rs

daachorse: ModuleType | None
try:  # a double-array automaton: scans about a quarter faster; wheels for x86-64 and macOS
    import daachorse
except ImportError:  # elsewhere (Linux on ARM) ahocorasick_rs finds the same matches
    daachorse = None

if TYPE_CHECKING:
    from certpath.catalog.loader import Catalog
    from certpath.catalog.models import Alias, Skill

_KEEP = b"abcdefghijklmnopqrstuvwxyz0123456789+#."


_NOT_LETTERS = "ÂÃâØð×÷"
"""Latin-1 characters folded to a space though most are letters: "Â", "Ã", "â" and "ð" are
what is left of a no-break space, an accented letter, a quotation mark or an emoji read in the
wrong encoding ("andÂNLP", "â€¢Python"), and "Ø" of a bullet ("ØPython"); none may glue
itself to the word beside it."""
_ACCENTED = ord("_")
"""What an accented letter folds to: a character of a word that no name holds."""


def _fold_table() -> bytes:
    """Each Latin-1 byte folded: ASCII letters to lower case; digits and ``+ # .`` kept; an
    accented Latin-1 letter to a character of a word that no name holds, so that "Résumé",
    "Céline" and "Cæcilie" are words, not "R", or "C" and "line", and "Informática" or "caffè"
    no product: only a name written with the same accents matches ("Naïve Bayes"). Letters
    outside Latin-1, such as the "ł" of "Łódź", are spaces, as every other character is."""
    table = bytearray(b" " * 256)
    for byte in _KEEP:
        table[byte] = byte
    for byte in range(ord("A"), ord("Z") + 1):
        table[byte] = byte + 32
    table[ord(".")] = ord(" ")  # a dot is put back where it is inside a name: _NAME_DOT
    for byte in range(0xC0, 0x100):
        if chr(byte).isalpha() and chr(byte) not in _NOT_LETTERS:
            table[byte] = _ACCENTED
    return bytes(table)


_TABLE = _fold_table()
_NAME_DOT = re.compile(
    rb"\.(?=[A-Za-z0-9])(?!(?<=[A-Za-z0-9)\]\"'%+#]\.)(?!(?:Net|Js)(?![A-Za-z]))[A-Z][a-z])"
)
"""A dot inside a name ("Node.js", "ASP.NET", ".NET", and "ASP.Net", "Vue.Js" with the capital
a resume gives them), not one that ends a sentence, even with no space after it ("with
Python.Docker basics", "(Excel).Attention to detail", "in 2019.Strong SQL": scraped text often
loses that space). Most dots end sentences, so the few inside names are put back into text
folded without dots: cheaper than a substitution of the many."""


def lower_aligned(text: str) -> str:
    """``text`` in lower case, one character for each of ``text``'s, so that an offset in one
    is the same place in the other: ``str.lower`` turns "İ" into two ("i" and a combining dot).

    Examples:
        >>> lower_aligned("İstanbul, Python")
        'istanbul, python'
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return text.replace("\u0130", "I").lower()


def fold(text: str) -> str:
    """Fold text for matching; the result has exactly the length of ``text``.

    Examples:
        >>> fold("Python, R & scikit-learn (C++/.NET).")
        'python  r   scikit learn  c++ .net  '
    """
    return fold_bytes(text).decode("ascii")


def fold_bytes(text: str) -> bytes:
    """:func:`fold` as ASCII bytes, one byte per character of ``text``: what the automaton
    scans (a bytes search skips the character-index conversion a str search pays for)."""
    raw = text.encode("latin-1", "replace")
    folded = raw.translate(_TABLE)
    dots = [match.start() for match in _NAME_DOT.finditer(raw)]
    if not dots:
        return folded
    named = bytearray(folded)
    for at in dots:
        named[at] = 46  # "."
    return bytes(named)


def outside_links(text: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` less those inside a web or e-mail address, whose words name no skill
    ("twitter.com/gdb/status", "recruiting@tecton.ai", "apple.com/ios/app-store"). A step of
    the pipeline, not of :meth:`Matcher.find`: looking for addresses costs more than the few
    hits it drops would justify in the hot path."""
    if not hits or ("@" not in text and "/" not in text):  # one-character searches: cheap
        return hits
    spans = _links(text)
    if not spans:
        return hits
    starts = [start for start, _ in spans]
    kept = []
    for hit in hits:
        at = bisect.bisect_right(starts, hit.start) - 1
        if at < 0 or spans[at][1] <= hit.start:
            kept.append(hit)
    return kept


def _links(text: str) -> list[tuple[int, int]]:
    """The spans of the web and e-mail addresses in ``text``, in order, found from their
    markers ("://", "www.", "@") with ``str.find``, not by a regex tried at every position."""
    spans = []
    for marker, before in (("://", _SCHEME), ("www.", ""), ("@", _LOCAL_PART)):
        at = text.find(marker)
        while at >= 0:
            start = at
            while start > 0 and at - start < 64 and text[start - 1] in before:
                start -= 1
            tail = _LINK_TAIL.match(text, at + len(marker))
            end = tail.end() if tail is not None else at + len(marker)
            if marker != "@" or (start < at and "." in text[at:end]):
                spans.append((start, end))
            at = text.find(marker, end)
    return sorted(spans)


_SCHEME = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LOCAL_PART = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-")
_LINK_TAIL = re.compile(r"[^\s<>\"')\]]+")


def _light(text: str) -> str:
    """Lower case with hyphens, slashes and runs of spaces made single spaces (for rules)."""
    return " ".join(re.sub(r"[\-_/]", " ", text.lower()).split())


def _squash(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z+#]", "", text)


@dataclass(frozen=True, slots=True)
class Form:
    """A compiled surface form: what a hit on it means and what it must be checked against."""

    skill: str
    text: str  # the alias as written in the taxonomy
    key: str  # the folded form as the automaton matches it
    case_sensitive: bool
    ambiguous: bool
    cues: re.Pattern[bytes] | None  # any cue word, over folded text
    window: int
    not_before: re.Pattern[str] | None  # matched at the end of a hit, over the original text
    not_after: re.Pattern[str] | None  # searched in the text just before a hit
    confidence: float
    variant: bool  # a generated spelling: plural, singular, or joined ("backend")
    neighbours: bool = True  # a nearby technical skill also confirms it
    technical: bool = False  # names a language, tool, library, framework or platform
    descriptive: bool = False  # a phrase (method, concept, soft skill) that may hold other skills
    checked: bool = False  # has a case or context rule to apply
    case_only: bool = False  # its only rule is its casing
    squashed: str = ""  # the alias without separators, for case-sensitive comparison
    numbered: bool = False  # ends in a number ("Python 3"): not the next line's list number
    lower_never: bool = False  # has a capital: in lower case it is never written as the form


_NON = Form(
    skill="",
    text="non",
    key="non",
    case_sensitive=False,
    ambiguous=False,
    cues=None,
    window=0,
    not_before=None,
    not_after=None,
    confidence=0.0,
    variant=False,
)
"""Not a skill: the automaton's pattern for "non", which negates the name after it."""


_PLAIN, _CASED, _RULED, _CHECKED, _WRITTEN, _NEGATION, _LEAD = range(7)
"""What a pattern's hit needs (:attr:`Matcher._kinds`): nothing; its casing checked
(:attr:`Form.case_only`); only the words right after or before it looked at (a form that
is neither ambiguous nor case-sensitive: it then confirms its neighbours as a plain one
does); its context rules applied (:func:`_check`); its casing checked first
(:func:`_written_as`), then its context rules; it is "non", which negates the next
word's name; or it is a phrase that may lead a list (:class:`Lead`)."""


class Hit(NamedTuple):
    """A match: the form that matched, its span in the text, and what confirmed it.

    A named tuple rather than a dataclass: the matcher makes tens of them per document.
    """

    form: Form
    start: int
    end: int
    confidence: float
    cue: str | None = None  # the cue word that confirmed an ambiguous form


@dataclass(frozen=True, slots=True)
class Lead:
    """A phrase that names a skill when a list of given words follows it (a taxonomy
    :class:`~certpath.catalog.models.ListPhrase`): "collaborate with Product, Engineering and
    Design teams". ``form`` is what a hit on the phrase and its list is."""

    key: str  # the folded phrase as the automaton matches it
    form: Form
    listed: re.Pattern[str]  # the list, from right after the phrase to where it ends
    first: frozenset[str]  # the first words of its items, folded


class Matcher:
    """All surface forms of a taxonomy, compiled once; :meth:`find` is the hot path.

    Examples:
        >>> from certpath.catalog import load_catalog
        >>> matcher = Matcher.from_catalog(load_catalog())
        >>> [h.form.skill for h in matcher.find("Python, R and SQL; R&D experience")]
        ['python', 'r', 'sql']
    """

    def __init__(self, forms: list[Form], leads: list[Lead] | None = None) -> None:
        self.forms = forms
        self.leads = leads or []
        self._keys = frozenset(form.key for form in forms)
        self._one_word = frozenset(key for key in self._keys if " " not in key)
        # the forms a shared word may name: of several words, as written (no rule to check, no
        # generated spelling); and for each form, the words it may share with one of them (see
        # :meth:`coordinated`)
        self._plain = {f.key: f for f in forms if " " in f.key and not (f.checked or f.variant)}
        self._shared = _shareable(forms, self._plain)
        # the forms a list of skills confirms (:meth:`listed`): those a neighbouring skill would,
        # and words a neighbour would not ("Consulting", "Testing" as items of a list); not
        # letters that name other things, which only their cue words confirm ("ACL", "POS")
        self._listable = {
            form.key: form
            for form in forms
            if form.checked and (form.neighbours or not form.case_sensitive)
        }
        # the automaton also finds the word "non", whose next word is negated: one more
        # pattern costs about 2%, where a search of its own cost 7% (interleaved A/B)
        # each phrase that may lead a list is entered with each word a list after it may
        # begin with ("partner with product", "partner with our"), so that the automaton passes
        # over the many that begin none ("work with a team"); as a pattern of no skill, an
        # entry drops no hit it overlaps and no hit drops it (:func:`_longest`): "collaborate
        # across teams" still holds "across teams"
        starts = [
            (number, lead, word)
            for number, lead in enumerate(self.leads)
            for word in sorted(lead.first | _QUALIFYING)
        ]
        self._lead_at = [number for number, _, _ in starts]  # each entry's lead
        anchors = [replace(lead.form, skill="") for lead in self.leads]
        self._indexed = [*forms, _NON, *(anchors[number] for number, _, _ in starts)]
        # what each pattern's hit needs, looked up by index in the hot path (a byte, where a
        # form's attributes would be read one by one)
        self._kinds = bytes(
            [
                *(
                    _PLAIN
                    if not f.checked
                    else _CASED
                    if f.case_only
                    else _RULED
                    if not (f.ambiguous or f.case_sensitive)
                    else _WRITTEN
                    if f.case_sensitive
                    else _CHECKED
                    for f in forms
                ),
                _NEGATION,
                *(_LEAD for _ in starts),
            ]
        )
        self._leads_from = len(forms) + 1
        patterns = [b" " + form.key.encode("ascii") + b" " for form in [*forms, _NON]]
        patterns += [f" {lead.key} {word} ".encode("ascii") for _, lead, word in starts]
        self._scan = _scanner(patterns)

    @classmethod
    def from_catalog(cls, catalog: Catalog) -> Matcher:
        skills = catalog.skills.values()
        return cls(compile_forms(skills), compile_leads(skills))

    def __len__(self) -> int:
        return len(self.forms)

    def find_glued(self, text: str, *, lost_breaks: bool = True) -> list[Hit]:
        """:meth:`find` for text whose words come glued to what follows them. A name glued to
        a number is split from it: its version ("TensorFlow2", "Angular1.5", "Oracle11g"), or
        in text that lost its line breaks the next bullet's years ("SQL2+ years"), unless the
        whole is a name ("Python3", "EC2"). With ``lost_breaks`` (bullets glued to each other:
        "...causal inferenceFamiliarity with Python", "R or PythonStatistics") a letter
        followed by a capitalised word is also a word boundary, unless a one-word name spans
        it ("JavaScript", "PyTorch"). A name a line break splits at a hyphen is found whole
        (:meth:`_across_breaks`). Spans are in ``text``; a hit that would run across a lost line
        break is dropped."""
        hits = self._unglued(text, lost_breaks)
        items = self._between_items(text, hits)
        if items:
            hits = self._unglued(text, lost_breaks, items)
        breaks = list(_BROKEN.finditer(text))
        if not breaks:
            return hits
        whole = self._across_breaks(text, breaks)
        if not whole:
            return hits
        whole.sort(key=_START)
        covered = _covered(whole)
        kept = [hit for hit in hits if not (covered(hit[1]) or covered(hit[2] - 1))]
        return sorted([*kept, *whole], key=_START)

    def _across_breaks(self, text: str, breaks: list[re.Match[str]]) -> list[Hit]:
        """The hits of names split by a hyphen at a line break, as a typesetter hyphenates
        ("Kuber-\\nnetes", "data visuali-\\nzation") or as a line ending a compound leaves it
        ("machine-\\nlearning"), or by a space after a hyphen where a converter lost that line
        break ("problem- solving"). Each break is joined both ways, with the hyphen and without
        it; of the names found across a break, the longest. Spans are in ``text``."""
        found = []
        for keep_hyphen in (True, False):
            pieces, joins, removed = [], [], []
            last = gone = 0
            for match in breaks:
                cut = match.start() + 1 if keep_hyphen else match.start()
                pieces.append(text[last:cut])
                gone += match.end() - cut
                joins.append(match.end() - gone)  # where the next line begins, joined
                removed.append(gone)
                last = match.end()
            pieces.append(text[last:])
            for form, start, end, confidence, cue in self.find("".join(pieces)):
                before = bisect.bisect_right(joins, start)
                inside = bisect.bisect_left(joins, end)
                if inside > before:  # a break lies inside the name
                    shift = removed[before - 1] if before else 0
                    found.append((form, start + shift, end + removed[inside - 1], confidence, cue))
        found.sort(key=lambda hit: hit[1] - hit[2])  # the longest first
        whole: list[Hit] = []
        for hit in found:
            if all(hit[2] <= other[1] or other[2] <= hit[1] for other in whole):
                whole.append(_new(Hit, hit))
        return whole

    def _between_items(self, text: str, hits: list[Hit]) -> list[int]:
        """The line breaks that a name of several words runs across though they end one item
        of a list written one per line and begin the next: the name opens its line, and what
        it holds of that line is a name of its own ("Python" and "Django" in "Skills\\nPython
        \\nDjango", not "Python Django"; "Azure\\nDevOps", not Azure DevOps). A name wrapped
        in prose ("...with Azure\\nDevOps pipelines") or in a narrow column ("Machine\\nLearning")
        stays whole."""
        cuts = []
        for _, start, end, _, _ in hits:
            at = text.find("\n", start, end)
            if at < 0:
                continue
            line = text.rfind("\n", 0, start) + 1
            if not text[line:start].strip(_ITEM_OPENERS) and _key(text[start:at]) in self._keys:
                cuts.append(at)
        return cuts

    def _unglued(self, text: str, lost_breaks: bool, items: list[int] | None = None) -> list[Hit]:
        """:meth:`find_glued` but for names split at a line break; ``items`` are line breaks
        between two items of a list (:meth:`_between_items`), which no name runs across."""
        numbered = self._numbered(text)
        joins = _glued(text) if lost_breaks else []
        glued = []
        if joins:
            folded = fold(text)
            glued = [at for at in joins if not self._names_across(folded, joins, at)]
        if not numbered and not glued and not items:
            return self.find(text)
        cuts = sorted([*numbered, *glued, *(items or ())])
        pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
        spaced = [cut + number for number, cut in enumerate(cuts)]  # the spaces added
        breaks = {cut + number for number, cut in enumerate(cuts) if cut not in numbered}
        hits = []
        first = spaced[0]
        for hit in self.find(" ".join(pieces)):
            form, start, end, confidence, cue = hit
            if end <= first:  # before the first added space: already in place
                hits.append(hit)
                continue
            before = bisect.bisect_left(spaced, start)
            inside = spaced[before : bisect.bisect_left(spaced, end)]
            if breaks.intersection(inside):
                continue  # runs across a lost line break (a name may hold its version)
            start, end = start - before, end - before - len(inside)
            hits.append(_new(Hit, (form, start, end, confidence, cue)))
        return hits

    def _numbered(self, text: str) -> list[int]:
        """Where a one-word name of three letters or more is glued to a number after it (see
        :meth:`find_glued`; two letters are mostly codes: "#LI-JS1", "CMMI ML3"). Found with
        byte searches over the characters' classes, then checked in the few places found."""
        classes = text.encode("ascii", "replace").translate(_LETTERS_DIGITS)
        cuts = []
        at = classes.find(b"aaa0")
        while at >= 0:
            cut = at + 3
            start = classes.rfind(b" ", 0, cut) + 1
            if classes[start] == 97 and text[start:cut].lower() in self._one_word:  # "a"
                number = _NUMBER_AFTER.match(text, cut)
                if number is not None and text[start : number.end()].lower() not in self._one_word:
                    cuts.append(cut)
            at = classes.find(b"aaa0", cut)
        return cuts

    def _names_across(self, folded: str, joins: list[int], at: int) -> bool:
        """Whether a one-word name of the taxonomy spans the join at ``at`` within its token,
        from the token's start or another join to its end or another join ("javascript"
        across "Java|Script" in "JavaScriptFamiliarity"; ``joins`` are all joins, in order)."""
        start = folded.rfind(" ", 0, at) + 1
        end = folded.find(" ", at)
        end = len(folded) if end < 0 else end
        letters = end  # a name may end where a glued number begins ("PostgreSQL1-3 years")
        while letters > at and folded[letters - 1].isdigit():
            letters -= 1
        inside = joins[bisect.bisect_right(joins, start) : bisect.bisect_left(joins, end)]
        if len(inside) == 1:  # the usual case: a name spans it only if it is the whole token
            return folded[start:end] in self._one_word or folded[start:letters] in self._one_word
        edges = [start, *inside, letters, end]
        return any(
            folded[low:high] in self._one_word
            for low in edges
            if low < at
            for high in edges
            if high > at
        )

    def coordinated(self, text: str, hits: list[Hit]) -> list[Hit]:
        """``hits`` (in text order) and the skills named through words they share with a
        coordinated neighbour, in text order: "unit and integration testing" names unit
        testing, "data collection, cleaning and analysis" data cleaning and data analysis,
        "web and mobile development" web development.

        Only a form of several words with no rule to check is named so, through a word that
        is no part of a skill's name ("AI and computer vision" and "generative AI and computer
        vision" are no "AI vision"; in "MS Excel, R, SPSS, SQL" the list names each tool
        alone; such a word is passed over and the list read on: "organizational, verbal, and
        written skills" names organizational skills), at most three words along a list, and
        words shared from the right need "and", "or", "&" or "/" before them ("vision, large
        language models" names no vision language model), words shared from the left after a
        comma alone only with an activity written in lower case ("data collection, cleaning";
        not "information retrieval, security", nor the items of a list of names, "Web
        Development, Analytics"). A first pair that names no skill shares its first word too
        when both it and the word coordinated with it name activities ("model training and
        deployment": model deployment; "data science and analytics" names no data
        analytics). "Skills" and "abilities" are shared along a list of short items before
        them though the last item names no skill with it ("organizational and communications
        skills": organizational skills). The added hit spans the coordination, its confidence
        a tenth below its form's.
        """
        shareable = self._shared
        plain = self._plain
        taken: Callable[[int], bool] | None = None  # whether a hit covers a position
        found: set[tuple[str, int]] | None = None  # the skills at each start, once needed
        added: list[Hit] = []

        def name(other: Form, start: int, end: int) -> None:
            """Add ``other`` over ``[start, end)`` unless its skill is already named there."""
            nonlocal found
            if found is None:
                found = {(named.form.skill, named.start) for named in hits}
            if (other.skill, start) not in found:
                found.add((other.skill, start))
                added.append(_new(Hit, (other, start, end, other.confidence - 0.1, None)))

        for hit in hits:
            form = hit.form
            shared = shareable.get(form.key)
            if shared is None:
                continue
            heads, leads = shared
            # cheap tests first: most hits have no coordination next to them
            before = bool(heads) and text.endswith(_CONJUNCTIONS, 0, hit.start)
            after = bool(leads) and text.startswith(_LISTED, hit.end)
            if not (before or after):
                continue
            if taken is None:
                taken = _covered(hits)
            for words, step, near in ((heads, -1, before), (leads, 1, after)):
                if not near:
                    continue
                start, end = hit.start, hit.end
                for item in range(3):
                    if step < 0:  # the text before, reversed: an anchored match, not a search
                        pattern = _BEFORE_AND if item == 0 else _BEFORE_LIST
                        word = pattern.match(text[max(0, start - 40) : start][::-1])
                        if word is None:
                            break
                        start -= word.end()
                        if taken(start + word.end() - word.end(1)):
                            continue  # a name of its own ("verbal" in "interpersonal,
                            # verbal, and written skills"): not shared, but the list goes on
                        key = word.group(1)[::-1]
                    else:
                        word = _AFTER.match(text, end)
                        if word is None or taken(word.start(1)):
                            break
                        end = word.end()
                        key = word.group(1)
                    key = key.lower().replace("-", " ")  # as _key folds such a word
                    if step > 0 and not text[word.start() : word.start(1)].strip(" \t,"):
                        # joined by a comma alone: a list of activities ("data collection,
                        # cleaning"), not of whatever follows ("MS Project, Visio")
                        # and not of capitalised items, each a name of its own ("Web
                        # Development, Analytics")
                        last = key.rsplit(" ", 1)[-1]
                        if not _listed_activity(last) or word.group(1)[:1].isupper():
                            continue
                    for part in words:
                        other = plain.get(f"{key} {part}" if step < 0 else f"{part} {key}")
                        if other is not None and other.skill != form.skill:
                            name(other, start, end)
        # "model training and deployment": the first pair names no skill of its own, so no
        # hit leads here; its first word is shared all the same, between two activities, and
        # along a list of them ("model development, deployment, and monitoring")
        for pattern, strip in ((_AND_ACTIVITY, ","), (_SLASH_ACTIVITY, " ")):
            for pair in pattern.finditer(text):
                second = pair.group(1).lower()
                if not _activity(second):  # the pattern found its ending: "science" is none
                    continue
                at = pair.start()
                low = max(0, at - 80)
                preceding = text[low:at].rstrip(strip)
                activities = [(second, pair.start(1), pair.end(1))]
                while strip == "," and len(activities) < 4:  # ", deployment" before "and"
                    between = _ITEM_BEFORE.match(preceding[::-1])
                    if between is None or not _activity(between.group(1)[::-1].lower()):
                        break
                    end = low + len(preceding) - between.start(1)
                    activity = between.group(1)[::-1].lower()
                    activities.append((activity, end - len(activity), end))
                    preceding = preceding[: len(preceding) - between.end()]
                pair_before = _TWO_WORDS_BEFORE.match(preceding[::-1])
                if pair_before is None or not _activity(pair_before.group(1)[::-1].lower()):
                    continue
                head = pair_before.group(2)[::-1].lower().replace("-", " ")
                named = [(plain.get(f"{head} {noun}"), a, b) for noun, a, b in activities]
                if not any(other for other, _, _ in named):
                    continue
                if taken is None:
                    taken = _covered(hits)
                start = len(preceding) - pair_before.end() + low
                if taken(start + len(pair_before.group(2)) + 1):
                    continue  # the first pair is a hit: the loop above has read it
                for other, word_start, word_end in named:
                    if other is not None and not taken(word_start):
                        name(other, start, word_end)
        # "organizational and communications skills": the last item and "skills" name no
        # skill, so no hit leads here; "skills" is shared along the list all the same
        for noun, tail_start, end in _skill_nouns(text):
            low = max(0, tail_start - 160)
            clause = text[low:tail_start]
            stop = max(map(clause.rfind, _CLAUSE_MARKS))
            items = ITEM_JOINT.split(clause[stop + 1 :])
            if len(items) < 2:
                continue
            position = tail_start
            for entry in reversed(items):  # from the last item back, while items are short
                words = entry.split()
                if not words or len(words) > 3:
                    break
                position = text.rfind(entry, low, position + 1)
                if position < 0:
                    break
                for first in range(len(words)):
                    key = " ".join(words[first:]).lower().replace("-", " ")
                    other = plain.get(f"{key} {noun}")
                    if other is None:
                        continue
                    if taken is None:
                        taken = _covered(hits)
                    start = position + entry.index(words[first])
                    if not taken(start) or other.skill != _skill_at(hits, start):
                        name(other, start, end)
                    break
        if not added:
            return hits
        return sorted([*hits, *added], key=_START)

    def listed(self, text: str, spans: list[tuple[int, int]], hits: list[Hit]) -> list[Hit]:
        """``hits`` (in text order) and the names that make up a whole item of a list in
        the ``(start, end)`` spans of ``text``, its skills sections, though their context rules
        turned them down: "Strengths: Decision making, Leadership", "- Go", "ORACLE- Experience
        - 6 months". In a list of skills, the list is their context, though the words
        right before or after a name still rule it out as they would anywhere ("Claims, EMR,
        and Registry Data" is medical records, not Amazon EMR). A case-sensitive name
        still needs its casing, or else to be written in lower case ("python, go, r"). A word
        that a neighbouring skill does not confirm is confirmed by a list ("Consulting",
        "Testing"), letters that name other things are not ("ACL" is also access control
        lists, "POS" a point of sale): only their cue words confirm them. The added hit's
        confidence is a tenth below its form's."""
        listable = self._listable
        found = {(hit.form.skill, hit.start) for hit in hits}
        # a line of a name wrapped in a narrow column ("Power\nBI") is no item of its own
        covered = _covered([hit for hit in hits if text.find("\n", hit[1], hit[2]) >= 0])
        added = []
        items = (item for start, end in spans for item in LIST_ITEM.finditer(text, start, end))
        for item in items:
            low, high = item.span()
            label = text.rfind(": ", low, high)  # "Skills: Azure", "Cloud: Azure"
            if label >= 0:
                low = label + 2
            while low < high and text[low] in ITEM_EDGES:
                low += 1
            while high > low and text[high - 1] in ITEM_EDGES:
                high -= 1
            if high - low > 60:
                continue
            months = _MONTHS_TAIL.search(text, low, high)  # "Access- Experience - 6 months"
            if months is not None:
                high = months.start()
            written = text[low:high]
            form = listable.get(_key(written))
            if form is None or (form.skill, low) in found or covered(low):
                continue
            if (
                form.case_sensitive
                and written != form.text
                and not written.islower()  # a list typed in lower case: "python, go, r"
                and not _cased(form, text, written, low, high)
            ):
                continue
            if _ruled_out(form, text, low, high):  # "Claims, EMR, and Registry Data"
                continue
            found.add((form.skill, low))
            added.append(_new(Hit, (form, low, high, form.confidence - 0.1, "(a list of skills)")))
        if not added:
            return hits
        return sorted([*hits, *added], key=_START)

    def confirmed_within(self, text: str, hit: Hit, low: int, high: int) -> Hit | None:
        """``hit`` found again in ``text[low:high]`` alone (its section), or None: whether its
        cue words or skills near it there confirm it, not those of the text around
        ("Benefits: Paid Kafka certification" after a skills list; not "our in-house Chef")."""
        low, high = max(low, hit.start - 300), min(high, hit.end + 300)
        for again in self.find(text[low:high]):
            if again.start + low == hit.start and again.form.skill == hit.form.skill:
                return again._replace(start=hit.start, end=hit.end)
        return None

    def find(self, text: str) -> list[Hit]:
        """Every skill hit in ``text``, longest-first without overlaps, in text order."""
        folded = b" " + fold_bytes(text) + b" "
        forms = self._indexed
        kept: list[tuple[int, int, int]] = []  # (start, end, form index), spans in ``text``
        keep = kept.append
        last_end = -1
        unordered = False
        for start, end, index in self._scan(folded):
            # the pattern has a space either side and folded has one pad character in front,
            # so the hit's text span is [start, end - 2)
            end -= 2
            if last_end > start:  # overlaps the last kept hit: the longest wins ...
                if forms[index].numbered and _enumerated(text, start, end):
                    # ... unless its number is the next line's: "Python\n2. Built" is Python.
                    # Checked here, where it overlaps the shorter name, not in every hit's
                    # path: the few such names that hold no shorter one (ISO 27001) are not
                    # split by a list in practice
                    continue
                if not _longest(forms, kept, index, start, end):
                    continue
                unordered = unordered or (bool(kept) and kept[-1][0] > start)  # nested inside
            keep((start, end, index))
            last_end = end
        hits: list[Hit] = []
        add = hits.append
        pending: list[tuple[int, int, Form]] = []
        kinds, negated = self._kinds, -1
        leads: list[tuple[int, int]] = []  # (start in ``text``, lead number)
        for start, end, index in kept:
            kind = kinds[index]
            if start == negated:
                continue
            if kind == _PLAIN:  # the kinds in the order of how often they are hit
                form = forms[index]
                add(_new(Hit, (form, start, end, form.confidence, None)))
            elif kind == _CHECKED:
                pending.append((start, end, forms[index]))
            elif kind == _RULED:  # "Statistics", not "update statistics"
                form = forms[index]
                if not _ruled_out(form, text, start, end):
                    add(_new(Hit, (form, start, end, form.confidence, None)))
            elif kind == _WRITTEN:  # "Go", "Teams": the casing first, the context after
                form = forms[index]
                if _written_as(form, text, start, end):
                    pending.append((start, end, form))
            elif kind == _CASED:  # e.g. "AI", "ML": the casing alone decides
                form = forms[index]
                written = text[start:end]
                if written == form.text or _cased(form, text, written, start, end):
                    add(_new(Hit, (form, start, end, form.confidence, None)))
            elif kind == _NEGATION:  # "non-linear": the next word's name is not the skill
                negated = end + 1
            else:  # a phrase that may lead a list, and the first word of one
                leads.append((start, self._lead_at[index - self._leads_from]))
        if unordered:  # a hit nested in a phrase came before it: starts in order, for bisect
            hits.sort(key=_START)
        if not pending:
            return self._listed_after(text, leads, hits) if leads else hits
        # unambiguous hits confirm ambiguous neighbours; a product name ("Ruby", "Julia") only
        # by a technical one, a language, tool, library, framework or platform ("Ruby Smith
        # praised my teamwork" names no language)
        anchors = (list(map(_START, hits)), [hit[1] for hit in hits if hit[0].technical])
        waiting: list[tuple[int, int, Form]] = []
        confirmed = False
        for start, end, form in pending:
            hit = _check(form, text, folded, start, end, anchors[form.technical])
            if hit is None:
                waiting.append((start, end, form))
            else:
                hits.append(hit)
                confirmed = confirmed or (form.ambiguous and form.technical)
        # a product name confirmed by its cue confirms other product names
        retry = [waited for waited in waiting if waited[2].technical] if confirmed else None
        if retry:
            technical = sorted([hit[1] for hit in hits if hit[0].technical])
            for start, end, form in retry:
                hit = _check(form, text, folded, start, end, technical)
                if hit is not None:
                    hits.append(hit)
        hits.sort(key=_START)
        # last, so that a list of teams confirms no name in it ("Finance" as a team)
        return self._listed_after(text, leads, hits) if leads else hits

    def _listed_after(self, text: str, leads: list[tuple[int, int]], hits: list[Hit]) -> list[Hit]:
        """``hits`` (in text order) and a hit of each lead phrase that a list of its words
        follows, spanning the phrase and the list: "Partner with Product and Engineering
        teams" is cross-functional collaboration, "partner with the team" is not."""
        added = []
        for start, number in leads:
            lead = self.leads[number]
            listed = lead.listed.match(text, start + len(lead.key))
            if listed is None:
                continue
            stop = listed.end()
            form = lead.form
            added.append(_new(Hit, (form, start, stop, form.confidence, "(a list)")))
        if not added:
            return hits
        return sorted([*hits, *added], key=_START)


def _scanner(patterns: list[bytes]) -> Callable[[bytes], list[tuple[int, int, int]]]:
    """A function giving every match of ``patterns`` in a text, overlapping, as (start, end,
    pattern index), in order of end: daachorse where it is installed, else ahocorasick_rs
    (a contiguous NFA, whose matches are the same, in the same order; a test holds that)."""
    if daachorse is not None:
        scan: Callable[[bytes], list[tuple[int, int, int]]]
        scan = daachorse.DoubleArrayAhoCorasick(patterns).find_overlapping
        return scan
    automaton = ahocorasick_rs.BytesAhoCorasick(
        patterns, implementation=ahocorasick_rs.Implementation.ContiguousNFA
    )

    def reordered(folded: bytes) -> list[tuple[int, int, int]]:
        found = automaton.find_matches_as_indexes(folded, overlapping=True)
        return [(start, end, index) for index, start, end in found]

    return reordered


_WORD = r"([A-Za-z][A-Za-z0-9+#]*(?:-[A-Za-z0-9+#]+)*)"
_REVERSED_WORD = r"((?:[A-Za-z0-9+#]+-)*[A-Za-z0-9+#]*[A-Za-z])(?![A-Za-z0-9+#\-])"
_BEFORE_AND = re.compile(
    r"(?:[ \t]+(?:dna|ro|&)[ \t]+,?[ \t]*|[ \t]*/[ \t]*|[ \t]*&[ \t]*)" + _REVERSED_WORD
)
_BEFORE_LIST = re.compile(r"[ \t]*,[ \t]*" + _REVERSED_WORD)
_AFTER = re.compile(
    r"(?:[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+|[ \t]*[/&][ \t]*)"
    + _WORD
    + r"(?![A-Za-z0-9+#])"
)
"""A word coordinated with a neighbouring hit: before it (over the reversed text before the hit),
joined by "and", "or", "&" or "/", and further back by commas once one of those is found;
after it, by those or a comma."""
_ACTIVITY_WORD = r"([A-Za-z]*(?:ing|tion|sion|ment|sis|ance|ence|yses)|design)(?![A-Za-z0-9])"
_AND_ACTIVITY = re.compile(r" (?:and|or|&) " + _ACTIVITY_WORD)
_SLASH_ACTIVITY = re.compile(r"/ ?" + _ACTIVITY_WORD)
_TWO_WORDS_BEFORE = re.compile(
    r" *([A-Za-z]+) ((?:[A-Za-z0-9]+-)*[A-Za-z0-9]*[A-Za-z])(?![A-Za-z0-9-])"
)
"""A word and an activity coordinated with the activity after it ("model training and
deployment", "data collection/cleaning"): the first word may be shared with the second
activity. The two words before are matched over the reversed text; each pattern begins with
a literal, so that the search over a whole text is cheap."""
_ITEM_BEFORE = re.compile(r"[ \t]*((?:[A-Za-z]+-)*[A-Za-z]+)[ \t]*,")
"""One word between commas, right before a coordination ("..., deployment, and monitoring"),
over the reversed text."""
_ACTIVITY_ENDS = ("ing", "tion", "sion", "ment", "sis", "ance", "ence", "yses")
_NO_ACTIVITY = frozenset(
    {"science", "sciences", "modeling", "modelling", "thing", "things", "education", "experience"}
)
"""Not activities, or not the one the shared word makes of them: "data science and
analytics" names no data analytics; in "data analysis and modeling" the modeling is
statistical, not data modeling."""


_NOT_LISTED = frozenset({"thinking", "understanding", "writing"})
"""Activities that a comma alone does not join to a hit ("Systems Design, thinking")."""


def _activity(word: str, exceptions: frozenset[str] = _NO_ACTIVITY) -> bool:
    """Whether a word names an activity (a process noun): "training", "deployment",
    "analysis", "governance", "design"."""
    return (word.endswith(_ACTIVITY_ENDS) or word == "design") and word not in exceptions


def _listed_activity(word: str) -> bool:
    """Whether a word joined to a hit by a comma alone names an activity that the hit's first
    word may be shared with: "data collection, cleaning", "statistical analysis, modeling",
    "data mining, analytics"; not "information retrieval, security", "MS Project, Visio" or
    "Systems Design, thinking"."""
    return word == "analytics" or _activity(word, _NOT_LISTED)


BULLETS = "•·▪●◦○■□◆◇❖➢➤►▶‣⁃∙★✓✔"
"""Characters that open a list item. A bullet a symbol font drew ("\\uf0b7" of Symbol,
"\\uf0a7" of Wingdings) is read as "•" (:func:`certpath.extract.readers.normalise_text`)."""
LIST_ITEM = re.compile(f"[^\\n,;|{BULLETS}]+")
"""An item of a list: what lies between line breaks and list separators."""
ITEM_EDGES = frozenset(" \t\r-*–—:.()[]" + BULLETS)
_MONTHS_TAIL = re.compile(r"\s*-\s*Experience\b", re.IGNORECASE)


def _skill_nouns(text: str) -> Iterator[tuple[str, int, int]]:
    """Each "skills" or "abilities" after a word, the noun a list of adjectives shares
    ("organizational, analytical and teaching skills"), as (noun in lower case, start of the
    space before it, end): found by string searches, which cost a tenth of a regex's."""
    for stem, noun in (("kills", "skills"), ("bilities", "abilities")):
        at = text.find(stem)
        while at >= 0:
            start = at - len(noun) + len(stem) - 1  # the space before the noun
            end = at + len(stem)
            if (
                start > 0
                and text[start] == " "
                and text[start + 1 : end].lower() == noun
                and text[start - 1].isalpha()
                and not text[end : end + 1].isalpha()
            ):
                yield noun, start, end
            at = text.find(stem, end)


ITEM_JOINT = re.compile(
    r"[ \t]*(?:,[ \t]*(?:(?:and|or|&)[ \t]+)?|[ \t]+(?:and|or|&|as well as)[ \t]+|/)[ \t]*"
)
"""What joins two items of a list on one line: a comma, a slash, "and", "or", "&", "as well
as"."""
_CLAUSE_MARKS = (".", ";", ":", "\n", "(", ")", "•", "*")
"""What no such list runs across."""


def _skill_at(hits: list[Hit], start: int) -> str | None:
    """The skill of a hit that covers ``start``, if any."""
    for hit in hits:
        if hit.start <= start < hit.end:
            return hit.form.skill
    return None


_CONJUNCTIONS = (" and ", " or ", " & ", "/", "/ ", "&", "& ", "\tand ", " and\t")
_LISTED = (",", " and ", " or ", " & ", "/", " /", "&", " ,")
"""What a coordination's text ends with before a hit, or starts with after one: the cheap
tests before :data:`_BEFORE_AND` and :data:`_AFTER`."""


def _covered(hits: list[Hit]) -> Callable[[int], bool]:
    """Whether a hit of ``hits`` (in text order) covers a text position: a word that is part
    of a skill's name ("generative AI") is no word to share ("generative AI and computer vision"
    names no AI vision)."""
    starts = [hit[1] for hit in hits]
    reach: list[int] = []  # the furthest end of the hits up to each one
    furthest = -1
    for hit in hits:
        furthest = max(furthest, hit[2])
        reach.append(furthest)

    def covered(position: int) -> bool:
        index = bisect.bisect_right(starts, position) - 1
        return index >= 0 and reach[index] > position

    return covered


def _shareable(forms: list[Form], plain: dict[str, Form]) -> dict[str, tuple[list[str], list[str]]]:
    """For each form key, the words at its end (heads) and at its start (leads) that it shares
    with a form of ``plain`` that differs from it in the rest: "testing" for "integration
    testing" (unit testing), "model" for "model deployment" (model monitoring)."""
    heads: dict[str, set[str]] = {}
    leads: dict[str, set[str]] = {}
    for key in plain:
        words = key.split(" ")
        for cut in range(1, len(words)):
            head, lead = " ".join(words[cut:]), " ".join(words[:cut])
            heads.setdefault(head, set()).add(lead)
            leads.setdefault(lead, set()).add(head)
    shareable = {}
    for form in forms:
        words = form.key.split(" ")
        cuts = range(1, len(words))
        ends = [" ".join(words[cut:]) for cut in cuts]
        starts = [" ".join(words[:cut]) for cut in cuts]
        shared_heads = [
            end for end, start in zip(ends, starts, strict=True) if heads.get(end, set()) - {start}
        ]
        shared_leads = [
            start
            for end, start in zip(ends, starts, strict=True)
            if leads.get(start, set()) - {end}
        ]
        if shared_heads or shared_leads:
            shareable[form.key] = (shared_heads, shared_leads)
    return shareable


def _longest(
    forms: list[Form], kept: list[tuple[int, int, int]], index: int, start: int, end: int
) -> bool:
    """Whether the hit of ``forms[index]`` at ``[start, end)`` is longer than every kept hit it
    overlaps; if so, those are dropped from ``kept``, except the skills named inside a
    descriptive phrase (:func:`_nests`). If not, ``kept`` is left as it was.

    Two phrases of different skills that only share a word ("clinical data" and "data
    analysis" in "clinical data analysis", "generative AI" and "AI technologies") both stay:
    neither holds the other, and the text names both. So do a phrase that may lead a list,
    which names no skill, and what it overlaps.
    """
    outer = forms[index]
    if not outer.skill:  # a phrase that may lead a list (:class:`Lead`) takes nothing's place
        return True
    dropped = []
    at = len(kept) - 1
    while at >= 0 and kept[at][1] > start:  # kept hits end in order: these all overlap
        last = kept[at]
        inner = forms[last[2]].skill
        if not inner or (last[0] < start and last[1] < end and inner != outer.skill):
            at -= 1  # a lead phrase, or crossing, not nested: both stay
            continue
        if last[1] - last[0] >= end - start:
            return False
        if not _nests(outer, forms[last[2]], start, end, last):
            dropped.append(at)
        at -= 1
    for at in dropped:  # from the last, so the positions still hold
        del kept[at]
    return True


def _class_table() -> bytes:
    table = bytearray(b" " * 256)
    for byte in range(ord("a"), ord("z") + 1):
        table[byte] = ord("a")
    for byte in range(ord("A"), ord("Z") + 1):
        table[byte] = ord("A")
    table[ord("+")] = table[ord("#")] = ord("+")
    return bytes(table)


_CLASSES = _class_table()
"""Each ASCII letter as its case ("a" or "A"), anything else a space."""


def _letters_digits_table() -> bytes:
    table = bytearray(b" " * 256)
    for byte in range(ord("a"), ord("z") + 1):
        table[byte] = table[byte - 32] = ord("a")
    for byte in range(ord("0"), ord("9") + 1):
        table[byte] = ord("0")
    return bytes(table)


_LETTERS_DIGITS = _letters_digits_table()
"""Each ASCII letter as "a", each digit as "0", anything else a space."""
_NUMBER_AFTER = re.compile(r"\d+(?:\.\d+)*(?:[a-z]{1,2})?\+?(?![A-Za-z0-9])")
"""A version or a count glued to a name: "2", "1.5", "11g", "3.5", "2+" (of "2+ years")."""


def _glued(text: str) -> list[int]:
    """Where a letter is glued to a capitalised word of three letters or more
    ("inferenceFamiliarity", "SQLTableau"; not "LLMs"), a lower-case letter to a capitalised
    word of two ("JavaAt least", "analysisIn"), or a word of five lower-case letters or more
    to one in capitals ("QualificationsSQL"; not the names "OpenDNS", "FocusKPI", "MySQL"):
    where a lost line break may have been. Found with byte searches over the letters' cases,
    not a regex over every letter."""
    cases = text.encode("ascii", "replace").translate(_CLASSES)
    joins = []
    for pattern, offset in (
        (b"aAaa", 1),
        (b"AAaa", 1),
        (b"aaAa ", 2),
        (b"aaaaaAAA", 5),
        (b"+Aaa", 1),
    ):
        at = cases.find(pattern)
        while at >= 0:
            joins.append(at + offset)
            at = cases.find(pattern, at + 1)
    joins.sort()
    return joins


_BROKEN = re.compile(r"-(?<=[A-Za-z]-)(?:[ \t]*\r?\n[ \t]*(?=[A-Za-z])|[ \t]+(?=[a-z]))")
"""A hyphen after a letter that ends a line before a letter, or that a space follows before a
lower-case letter, as where a converter turned the line break into a space ("problem-
solving"), but not a dash ("Python - 3 years") nor one that a space follows before a number or
a capital ("Research- Experience")."""

_NAME_AFTER = re.compile(r"\. ?[A-Z][a-z]")
_NAME_BEFORE = re.compile(r"(?:[A-Z][a-z]+ |(?<![A-Za-z])[A-Z]\. ?)$")
_INITIALS_AFTER = re.compile(r"\. ?[A-Z]\. ?[A-Z][a-z]")


def _initial(text: str, start: int, end: int) -> bool:
    """Whether a one-letter hit is an initial of a name: "Jane R. Smith" (a capitalised word or
    an initial, the letter and a full stop, a capitalised word) or "R. A. Fisher" (the letter
    and a full stop, another initial, a name); not "Python and R. Built..." ."""
    if _INITIALS_AFTER.match(text, end) is not None:
        return True
    return (
        _NAME_AFTER.match(text, end) is not None
        and _NAME_BEFORE.search(text, max(0, start - 20), start) is not None
    )


def _clause_start(text: str, at: int) -> int:
    """Where the clause that holds ``at`` starts, at most 80 characters back: after the last
    line break or sentence mark before it."""
    low = max(0, at - 80)
    return max(text.rfind(mark, low, at) + 1 for mark in "\n.;:!?") or low


def _sign(text: str, start: int) -> bool:
    """Whether the one-letter hit at ``start`` is a registered-trademark or copyright sign
    written in letters: in brackets glued to a capitalised name before it ("Excel(R)", "SQL
    Server(R)"; not "statistical programming(R)") or before a year ("(C) 2024")."""
    if text[start - 1 : start] != "(" or text[start + 1 : start + 2] != ")":
        return False
    name = _NAME_BEFORE_SIGN.search(text, max(0, start - 40), start - 1)
    return name is not None or _YEAR_AFTER.match(text, start + 2) is not None


_NAME_BEFORE_SIGN = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9+#]*$")
_YEAR_AFTER = re.compile(r"[ \t]*(?:19|20)\d\d(?![0-9])")


def _spaced_letter(text: str, start: int, end: int) -> bool:
    """Whether the one-letter hit at ``[start, end)`` is one of three or more single letters in
    a row, each one space from the next: a word spaced out for looks ("E X P E R I E N C E")."""
    letters = 1
    while start >= 2 and text[start - 1] == " " and text[start - 2].isalnum():
        if start > 2 and text[start - 3].isalnum():
            break
        start -= 2
        letters += 1
    size = len(text)
    while end + 1 < size and text[end] == " " and text[end + 1].isalnum():
        if end + 2 < size and text[end + 2].isalnum():
            break
        end += 2
        letters += 1
    return letters >= 3


NEARBY_SKILL = "(a nearby skill)"
"""The cue of an ambiguous hit that a neighbouring skill confirmed, not a word of its own."""
_new = tuple.__new__
"""Builds a :class:`Hit` without the Python-level ``__new__`` a NamedTuple call goes through."""


_START = operator.itemgetter(1)
"""A :class:`Hit`'s start, as a C-level sort key."""


def _nests(outer: Form, inner: Form, start: int, end: int, last: tuple[int, int, int]) -> bool:
    """Whether ``inner`` (the kept hit ``last``) stays inside the longer hit ``outer``.

    "deploying machine learning models" names model deployment *and* machine learning; a
    product name such as "Azure Machine Learning" names only itself, and a skill that ends the
    phrase is its head ("customer relationship management" is CRM, not relationship
    management): the most specific skill wins.
    """
    return outer.descriptive and outer.skill != inner.skill and start <= last[0] and last[1] < end


def _check(
    form: Form, text: str, folded: bytes, start: int, end: int, anchors: list[int]
) -> Hit | None:
    """Apply a form's context rules to one hit; None when it is not the skill. (A
    case-sensitive form's casing is checked before: :func:`_written_as`.)

    An ambiguous form needs one of its cue words within its window, or an unambiguous skill
    hit within that window (a list of technologies: "Kubernetes, Terraform and Rust"), or, as
    a form a neighbour would confirm, words that introduce a skill right before it
    ("Experience with Kafka": :func:`_introduced`).
    """
    if form.ambiguous and form.cues is not None:
        # a neighbouring skill first (a look-up), then a cue word (a search); most ambiguous
        # hits find neither, so the text that must not follow or precede is looked at after
        low = bisect.bisect_left(anchors, start - form.window)
        if (
            form.neighbours
            and low < len(anchors)
            and anchors[low] <= end + form.window
            and not (form.case_sensitive and _starts_prose(text, start, end))
        ):
            hit = _new(Hit, (form, start, end, form.confidence - 0.05, NEARBY_SKILL))
        else:
            # folded has one pad character in front: text offset i is folded offset i + 1
            cue = form.cues.search(folded, max(0, start + 1 - form.window), start + 1)
            if cue is None:
                cue = form.cues.search(folded, end + 1, end + 2 + form.window)
                if cue is None and form.neighbours:
                    cue = _introduced(folded, start)  # "experience with Kafka"
            if cue is not None:
                evidence = cue.group().strip().decode()
            else:
                after = None
                if form.neighbours:
                    after = _FOLLOWED.match(text, end)
                    if (
                        after is None
                        and form.technical
                        and text[start:end] == form.text  # "Spark jobs", not "bootstrap scripts"
                        and not _starts_prose(text, start, end)  # "Assembly jobs available"
                    ):
                        after = _BUILT_WITH.match(text, end)
                        if (
                            after is None
                            and _IN_BEFORE.search(text, max(0, start - 4), start)
                            and _WORK_DONE.search(text, _clause_start(text, start - 3), start)
                        ):
                            # "Rewrote the service in Rust.", "Ran sweeps on Ray.": what the
                            # work was done in or on
                            after = _CLAUSE_ENDS.match(text, end)
                if after is None:
                    return None
                evidence = after.group().strip()  # "Kafka experience"
            hit = _new(Hit, (form, start, end, form.confidence, evidence))
    else:
        hit = _new(Hit, (form, start, end, form.confidence, None))
    if (form.not_before is not None or form.not_after is not None) and _ruled_out(
        form, text, start, end
    ):
        return None
    return hit


def _written_as(form: Form, text: str, start: int, end: int) -> bool:
    """Whether a hit on a case-sensitive form is written as the form is (:func:`_cased`), and,
    for a single letter, is not a letter of "S K I L L S", "Jane R. Smith" or "Excel(R)"."""
    written = text[start:end]
    if written != form.text and not _cased(form, text, written, start, end):
        return False
    return end - start > 1 or not (
        _spaced_letter(text, start, end) or _initial(text, start, end) or _sign(text, start)
    )


def _ruled_out(form: Form, text: str, start: int, end: int) -> bool:
    """Whether the words right after or right before a hit say it is not the skill: its
    form's ``not_before`` and ``not_after`` phrases, which hold in a list of skills too."""
    if form.not_before is not None and form.not_before.match(text, end):
        return True
    if form.not_after is None:
        return False
    # the 60 characters before the hit, reversed, in one slice
    stop = start - 61 if start > 60 else None  # (a negative stop would count from the end)
    before = text[start - 1 : stop : -1] if start else ""
    return form.not_after.match(before) is not None


_INTRODUCING = re.compile(
    rb"(?:(?:experience|experienced|proficiency|proficient|expertise|expert|knowledge|"
    rb"knowledgeable|familiarity|familiar|skilled|skills?|hands on|fluency|fluent|competency|"
    rb"competence|competent|background|exposure|understanding|work|works|worked|working|"
    rb"written|rewritten|implemented|coded|programmed|scripted|built|developed|backend|back end|"
    rb"frontend|front end) +"
    rb"(?:working +)?(?:with|in|of|using|on|to)|(?<![a-z])(?:using|use|uses|used|utilizing|"
    rb"leveraging|leverage)|[0-9] *\+? *(?:years?|yrs) +(?:of|with|in|using)) +(?:the +)?$"
)
"""The words that introduce a skill: "experience with", "proficiency in", "knowledge of",
"hands-on with", "exposure to", "working with", "using", "written in", "built on", "backend in",
"3+ years of" (over folded text, so "hands-on" is "hands on")."""
_FOLLOWED = re.compile(
    r"[ \t]+(?:(?:experience|expertise|skills?|knowledge|certifications?|certified|proficiency|"
    r"development|developers?|programming|engineers?|a[ \t]+plus|is[ \t]+(?:a[ \t]+(?:big[ \t]+)?"
    r"plus|nice[ \t]+to[ \t]+have|preferred|required(?![ \t]+to\b)|desired|a[ \t]+must))"
    r"(?![A-Za-z0-9])|"
    r"v?[0-9]+(?:\.[0-9]+)+"
    r"(?![0-9A-Za-z%]))",
    re.IGNORECASE,
)
"""The words that say the name right before them is a skill: "Kafka experience", "Go
developer", "Snowflake certification", "Go is a plus", "Rust is nice to have", or a version
("Spark 2.4", "Go 1.21"; dotted, so not a year or a count) (over the text as written: not
across a line break or a punctuation mark, which folded text no longer shows)."""
_BUILT_WITH = re.compile(
    r"(?:['’]s[ \t]+(?:operators|DAGs|APIs?|clusters?|brokers|executors|topics|notebooks|"
    r"workloads)|[ \t]+(?:jobs|clusters?|quer(?:y|ies)|topics|operators|DAGs|tables|pipelines|"
    r"streams|scripts|scripting|stored procedures|notebooks|workloads|brokers|executors|"
    r"macros|formulas|workbooks|APIs?|microservices|backends?))(?![A-Za-z0-9])",
    re.IGNORECASE,
)
"""What is built or run with a technology, right after its name: "Spark jobs", "Kafka
topics", "R scripts", "Excel macros", "a Rust backend" (for a technical name only: "research
topics" names no research skill); after a possessive, only what no person has: "Airflow's
operators", not "Julia's tasks" or "Ray's backend team"."""
_IN_BEFORE = re.compile(r"(?<![A-Za-z0-9])(?:in|on) $")
"""The word "in" or "on" right before a hit (not the end of "within")."""
_CLAUSE_ENDS = re.compile(r"[ \t]*(?:[.;:!?)]|,(?![ \t]*[A-Z])|\n|$|(?:and|or)[ \t])")
"""The end of a clause right after a name, which "in" or "on" before it, after work done,
made what the work was done in or on ("Built survival models in R.", "sweeps on Ray."); not a
comma before a capital ("in Snowflake, AZ")."""
_WORK_DONE = re.compile(
    r"(?<![A-Za-z])(?:(?:re)?(?:wr[io]te|written|writing|built|build|building|coded|coding|"
    r"programm(?:ed|ing)|script(?:ed|ing)|implement(?:ed|ing)|develop(?:ed|ing)|automat(?:ed|ing)|"
    r"prototyp(?:ed|ing)|model(?:l?ed|l?ing)|analy[sz](?:ed|ing)|train(?:ed|ing)|"
    r"deploy(?:ed|ing)|migrat(?:ed|ing)|configur(?:ed|ing|ation)|ported|ran|run|running|"
    r"taught|teach(?:ing)?)|courses?|services?|code|models?|"
    r"scripts?|apps?|applications?|tools?|reports?|dashboards?|pipelines?|sweeps|"
    r"simulations?|analys[ie]s|datasets?|queries)(?![A-Za-z])",
    re.IGNORECASE,
)
"""Work done in a language or on a platform, before the "in" or "on" that names it: "Rewrote
the billing service in Rust.", "Ran sweeps on Ray."; not "Thank you for your interest in
Snowflake.", "ranked 2-dan in Go." or "a thesis on Kafka."."""
_PREPOSITIONS = (
    b" with",
    b" in",
    b" of",
    b" using",
    b" on",
    b" to",
    b" the",
    b" use",
    b" uses",
    b" used",
    b" utilizing",
    b" leveraging",
    b" leverage",
)


def _introduced(folded: bytes, start: int) -> re.Match[bytes] | None:
    """The words right before a hit at text offset ``start`` when they introduce a skill
    ("Experience with Kafka", "Proficiency in Excel", "knowledge of Oracle"): evidence, like a
    cue word, that an ambiguous name is the skill. Most hits follow no such preposition, which
    a cheap test of the last word rules out before the search."""
    if not folded[max(0, start - 8) : start + 1].rstrip().endswith(_PREPOSITIONS):
        return None
    return _INTRODUCING.search(folded, max(0, start - 40), start + 1)


_LOWER = re.compile(r"[a-z]")


def _cased(form: Form, text: str, written: str, start: int, end: int) -> bool:
    """Whether a hit on a case-sensitive form that is not written exactly as the form still
    counts as written so: with other separators ("CI-CD" for "CI/CD"), in capitals among
    capitals or as a list item (:func:`_shouted`), or as one word with a capital inside it
    ("RedShift", "SalesForce", "LORAs"): a product's name spelt loosely, which a common word
    ("redshift" in astronomy) never is; or, in lower case or in capitals, as a whole item of
    a list (:func:`_listed_alone`)."""
    if form.lower_never and written.islower():  # "does" for "DOEs", "solid" for "SOLID" ...
        # ... but "(hive, pig, sqoop)" for "Hive"; not a word of two letters ("gay, bi, trans")
        return len(written) > 2 and _listed_alone(text, start, end)
    if _squash(written) == form.squashed or _shouted(text, written, start, end):
        return True
    if written.isupper():  # "Hadoop, SQL, ORACLE"; not an acronym for a lower-case name ("PIP")
        return form.lower_never and _listed_alone(text, start, end)
    return (
        len(written) >= 4
        and written.isalnum()
        and not written[1:].islower()
        and written.lower() == form.text.lower()
    )


_ITEM_OPENS = frozenset(",(/;&")
_ITEM_CLOSES = frozenset(",)/;&")
_ITEM_STARTS = frozenset("\n:•·")
_ITEM_ENDS = frozenset(".\n")


def _listed_alone(text: str, start: int, end: int) -> bool:
    """Whether a hit is a whole item of a list, between separators ("tools (hive, pig, sqoop,
    etc)", "tensorflow, torch, caffe", "oracle and Microsoft SQL"): a name written in one case
    throughout, as lists of tools often are, and no word of a sentence ("hive management",
    "the company bash"). One side at least is a list's separator, not only a line's start or
    end. Its context rules still apply."""
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    if after == len(text) or text[after] in _ITEM_ENDS:
        closed = None  # the end of a line or sentence: the other side must be a separator
    elif text[after] in _ITEM_CLOSES or text.startswith(("and ", "or ", "etc"), after):
        closed = True
    else:
        return False  # the next word goes on the sentence: most hits end here
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    if before > 0 and (
        text[before - 1] in _ITEM_OPENS or text.endswith((" and", " or"), 0, before)
    ):
        return True
    return bool(closed) and (before == 0 or text[before - 1] in _ITEM_STARTS)


def _shouted(text: str, written: str, start: int, end: int) -> bool:
    """Whether a hit is written in capitals among capitals ("PYTHON, GO, RUST" in a list set in
    upper case: the words 60 characters either side hold no lower-case letter), or in capitals
    as a whole list item ("ORACLE- Experience - 6 months", "- SPARK"): its casing then says
    nothing, so it counts as written as the form is. Its context rules still apply."""
    if len(written) < 2 or not written.isupper():
        return False
    if _LOWER.search(text, max(0, start - 60), min(len(text), end + 60)) is None:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    return (
        not text[line_start:start].strip(_ITEM_OPENERS) and _ITEM_END.match(text, end) is not None
    )


_ITEM_OPENERS = " \t-*" + BULLETS
"""What may come before a list item's name on its line."""
_ITEM_END = re.compile(r"[ \t]*(?:[-:,;|]|\r?\n|$)")
"""What may follow a list item's name: a separator or the end of its line."""


def _enumerated(text: str, start: int, end: int) -> bool:
    """Whether a name that ends in a number took it from the numbered list item on the next
    line: "Python\n2. Built dashboards" is Python, not Python 2."""
    return (
        text.find("\n", start, end) >= 0
        and text[end : end + 1] in (".", ")")
        and text[end + 1 : end + 2] in ("", " ", "\t", "\n")
    )


_PROSE_AFTER = re.compile(r"[ \t]+(?!and\b|or\b)[a-z]")


def _starts_prose(text: str, start: int, end: int) -> bool:
    """Whether a hit opens a sentence or a line of prose ("Swift response to incidents"): its
    capital then says nothing, so a neighbouring skill cannot confirm it (a cue still can).
    A list item ("- Swift", "Swift, Kotlin") is not prose, and neither is a line that goes on
    a sentence wrapped after a joining word ("jobs in Scala and\nHive on Cloudera", as a PDF's
    text layer breaks it)."""
    before = start - 1
    while before >= 0 and text[before] in _ITEM_OPENERS:
        before -= 1
    if before >= 0 and text[before] not in ".!?\n":
        return False
    if before > 0 and text[before] == "\n" and _JOINED.search(text, max(0, before - 6), before):
        return False
    return _PROSE_AFTER.match(text, end) is not None


_JOINED = re.compile(r"(?:(?<![A-Za-z])(?:and|or|with|in|on|of|using)|[,&/])[ \t]*$")
"""The end of a line that a wrapped sentence goes on from."""


def _phrase_pattern(phrase: str) -> tuple[str, str, str]:
    """A rule phrase as a regex: any run of spaces, hyphens, slashes or underscores between
    its words, and word boundaries where the phrase starts or ends with a word character; as
    (boundary before, words, boundary after), for :func:`_one_of`. A phrase that starts with
    a slash follows one ("/QC" after "QA" in "QA/QC"); another is not read across a slash,
    which joins alternatives ("healthcare/insurance" names two domains)."""
    words = [re.escape(word) for word in _light(phrase).split(" ")]
    body = r"[\s\-/_]+".join(words)
    if phrase.startswith("/"):
        body = r"/[ \t]*" + body
    head = r"(?<![A-Za-z0-9])" if phrase[:1].isalnum() else ""
    tail = r"(?![A-Za-z0-9])" if phrase[-1:].isalnum() else ""
    return head, body, tail


def _one_of(phrases: list[tuple[str, str, str]]) -> str:
    """Phrase patterns as one alternation, the phrases with the same boundaries grouped under
    one copy of them: the pattern matches where one of the phrases does, as with each phrase
    its own boundaries (what is matched is only ever tested, never read), and compiles in a
    quarter of the time (each boundary is a character class that the compiler works out for
    every case of every letter)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for head, body, tail in phrases:
        groups.setdefault((head, tail), []).append(body)
    return (
        "(?:"
        + "|".join(
            head + "(?:" + "|".join(bodies) + ")" + tail for (head, tail), bodies in groups.items()
        )
        + ")"
    )


# the rule patterns are compiled once for all the spellings generated from one alias (a
# plural, a respelling share its context): a fifth of the matcher's build was compiling the
# same patterns again, past what the re module's own cache holds
@cache
def _not_before(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """Phrases directly after a hit (spaces and hyphens between allowed): "R&D", "Go-to-market";
    after a slash only a phrase that starts with one (:func:`_phrase_pattern`)."""
    if not phrases:
        return None
    alternatives = _one_of([_phrase_pattern(p) for p in phrases])
    first = _first_of(["/" if p.startswith("/") else _light(p)[:1] for p in phrases])
    return re.compile(r"[ \t\-]*" + first + alternatives, re.IGNORECASE)


@cache
def _not_after(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """Phrases directly before a hit ("total cost of ownership"), as a pattern over the
    *reversed* text before the hit: an anchored match there costs far less than a search for
    a phrase at the end of a window."""
    if not phrases:
        return None
    alternatives = _one_of([_reversed_phrase_pattern(p) for p in phrases])
    first = _first_of(["/" if p.endswith("/") else _light(p)[-1:] for p in phrases])
    return re.compile(r"[ \t\-]*" + first + alternatives, re.IGNORECASE)


def _first_of(characters: list[str]) -> str:
    """A lookahead for the characters that the alternatives of a rule's pattern begin with:
    most hits are followed (or preceded) by no rule's phrase, and one test of a character
    class rules them all out, where each alternative would be tried in turn. Empty when an
    alternative begins with no character."""
    if not all(characters):
        return ""
    return "(?=[" + "".join(re.escape(character) for character in sorted(set(characters))) + "])"


def _reversed_phrase_pattern(phrase: str) -> tuple[str, str, str]:
    """:func:`_phrase_pattern` over the reversed text before a hit; a phrase that ends with a
    slash comes right before one ("ICH/" before "GCP")."""
    words = [re.escape(word[::-1]) for word in reversed(_light(phrase).split(" "))]
    body = r"[\s\-/_]+".join(words)
    if phrase.endswith("/"):
        body = r"/[ \t]*" + body
    # the phrase must start a word in the original, i.e. end one in the reversed text
    tail = r"(?![A-Za-z0-9])" if phrase[:1].isalnum() else ""
    if _light(phrase) == "at":  # "a career at Splunk", not "proficient at Tableau"
        tail += _NOT_SKILLED
    return "", body, tail


_SKILLED = (
    "proficient|skilled|strong|good|great|expert|adept|experienced|excellent|competent|fluent|"
    "capable|comfortable|savvy|solid|best|better|hands-on|effective|efficient|versed"
)
_NOT_SKILLED = r"(?![ \t]+(?:" + "|".join(word[::-1] for word in _SKILLED.split("|")) + r")\b)"
"""After the reversed "at" of a rule: not a word that says how well one uses what follows
("proficient at Tableau" names the skill where "a career at Tableau" names the company)."""


@cache
def _cues(cues: tuple[str, ...]) -> re.Pattern[bytes] | None:
    """Any cue word starting a word of folded text.

    A cue of four characters or more may be a stem ("fine tun" finds "fine-tuning"); a shorter
    one must be a whole word ("ai" does not find "aim").
    """
    keys = sorted({_key(cue) for cue in cues if _key(cue)}, key=len, reverse=True)
    if not keys:
        return None
    alternatives = [re.escape(key) + ("" if len(key) >= 4 else "(?![a-z0-9])") for key in keys]
    return re.compile((" (?:" + "|".join(alternatives) + ")").encode("ascii"))


# --------------------------------------------------------------------------- compiling


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def _confidence(alias: Alias, key: str) -> float:
    if alias.ambiguous:
        return 0.75 if alias.context and alias.context.cues else 0.7
    if alias.case_sensitive or (" " not in key and len(key) <= 3):
        return 0.85
    return 0.95 if " " in key else 0.9


_JOINABLE_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")
"""A hyphen inside a word ("back-end", "multi-modal"), which writers also leave out."""
_SPELLINGS = (
    (re.compile(r"(?<=[a-z]{3})iz(?=(?:e|ed|es|ing|ations?|ers?)\b)"), "is"),  # optimise
    (re.compile(r"(?<=[a-z]{3})yz(?=(?:e|ed|es|ing|ers?)\b)"), "ys"),  # analyse
    (re.compile(r"(?<=[a-z]{2}[b-df-hj-np-tv-z]e)l(?=(?:ing|ed|ers?)\b)"), "ll"),  # modelling
    (re.compile(r"\bmanagement\b"), "mgmt"),  # "Stakeholder mgmt"
)
"""Other spellings of a folded form's words that name the same thing: British ("optimised",
"analyse", "modelling"; a stem of three letters or more, so that "size" stays), and the
abbreviation of "management"."""


def _respelt(key: str) -> str:
    """``key`` (folded) with every other spelling of :data:`_SPELLINGS` applied."""
    for pattern, spelling in _SPELLINGS:
        key = pattern.sub(spelling, key)
    return key


_LIST_QUALIFIERS: tuple[str, ...] = (
    "the", "our", "their", "your", "its", "other", "various", "both", "multiple", "many",
    "several", "all", "key", "core", "internal", "global", "regional", "local", "senior",
    "respective", "relevant", "peer", "partner", "adjacent", "broader", "extended",
    "cross-functional", "company", "data", "technical",
)  # fmt: skip
"""Words that may qualify an item of a list that follows a :class:`Lead` ("our Product",
"senior Engineering", "data science"), counted as no item of their own."""
_QUALIFYING = frozenset(_key(word).split(" ")[0] for word in _LIST_QUALIFIERS)
_LIST_HEADS: tuple[str, ...] = (
    "team", "teams", "members", "department", "departments", "group", "groups", "function",
    "functions", "organization", "organizations", "organisation", "organisations", "org",
    "orgs", "unit", "units", "partner", "partners", "stakeholder", "stakeholders", "leader",
    "leaders", "leadership", "manager", "managers", "counterpart", "counterparts",
    "colleagues", "peers", "personnel", "staff", "expert", "experts", "professionals", "owner",
    "owners", "leads", "disciplines", "division", "divisions", "communities", "verticals",
    "squads", "pods", "team members",
)  # fmt: skip
"""Nouns that name the people of an item ("Engineering teams", "product managers")."""


def _trie(phrases: tuple[str, ...] | list[str]) -> str:
    """A pattern matching any of ``phrases`` (in lower case; a space or hyphen in one matches
    runs of either), written as a trie: Python's ``re`` tries the branches of an alternation
    one by one, so a hundred words as a trie match several times faster."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for phrase in phrases:
        node = tree
        for character in " ".join(phrase.lower().replace("-", " ").split()):
            node = node.setdefault(character, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [
            (r"[\s-]+" if character == " " else re.escape(character)) + pattern(child)
            for character, child in sorted(node.items())
            if character
        ]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return pattern(tree)


_LIST_ENDS = (
    r"[ \t]*(?:[.,;:!?()\n\r•*\u2013\u2014-]|$)|[ \t]+(?:to|on|in|for|across|throughout|as|at|"
    r"during|within|from|who|that|which|where|while|when|with|around|regarding|via|through|by|"
    r"of|among|and|or|including|such|into|toward|towards|globally|closely|daily|regularly|"
    r"effectively|early|together|alike|both|using|under|over|about)\b"
)
"""What may follow a list led by a :class:`Lead`: the end of its clause, or a word that is no
noun ("... and Design teams to ship", "... and Design teams."): "sales and marketing data"
is no list of teams."""


def compile_leads(skills: object) -> list[Lead]:
    """The :class:`Lead` of every list phrase of ``skills`` (taxonomy ``lists``), each -ing
    phrase also in its other tenses ("partnering with": "partner with", "partnered with")."""
    from certpath.catalog.models import Alias, Skill

    leads: dict[str, Lead] = {}
    for skill in skills:  # type: ignore[attr-defined]
        assert isinstance(skill, Skill)
        for phrase in skill.lists:
            item = (
                rf"(?:{_trie(_LIST_QUALIFIERS)}(?![A-Za-z0-9])[ \t]+){{0,3}}"
                rf"{_trie(phrase.items)}(?![A-Za-z0-9])"
                rf"(?:[ \t]+{_trie(_LIST_HEADS)}(?![A-Za-z0-9])){{0,2}}"
            )
            pattern = re.compile(  # the longest list of enough items that ends where it may
                rf"[ \t]+{item}(?:{ITEM_JOINT.pattern}{item}){{{phrase.at_least - 1},}}"
                rf"(?={_LIST_ENDS})",
                re.IGNORECASE,
            )
            first = frozenset(_key(item).split(" ")[0] for item in phrase.items)
            for text in phrase.after:
                alias = Alias(text=text)
                key = _key(text)
                for variant, written in [(key, text), *_inflected(alias, key)]:
                    form = _form(
                        skill.id,
                        alias.model_copy(update={"text": written}),
                        variant,
                        variant=False,
                        descriptive=True,
                        technical=False,
                    )
                    leads.setdefault(variant, Lead(variant, form, pattern, first))
    return list(leads.values())


def compile_forms(skills: object) -> list[Form]:
    """Compile every surface form of ``skills`` (an iterable of Skill), with variants.

    A hyphenated form is also entered joined (``back-end development`` as ``backend
    development``; a hyphen folds to a space, so ``back end`` needs nothing), and plural
    spellings (``LLMs``, ``vector databases``, ``ontologies``) are added, with the rules of
    their form; each variant only when it names no other skill. A form whose punctuation folds
    to a run of spaces (``Weights & Biases``, ``CI / CD``) is also entered with that run, as the
    same punctuation folds in text.
    """
    from certpath.catalog.models import Skill

    forms: list[Form] = []
    owner: dict[str, str] = {}
    pluralisable: list[tuple[Skill, Alias, str, dict[str, bool]]] = []
    joinable: list[tuple[Skill, Alias, str, dict[str, bool]]] = []
    verbal: list[tuple[Skill, Alias, str, dict[str, bool]]] = []
    for skill in skills:  # type: ignore[attr-defined]
        assert isinstance(skill, Skill)
        kind = skill.type.value
        traits = {"descriptive": kind in _DESCRIPTIVE, "technical": kind in _TECHNICAL}
        for alias in skill.surface_forms():
            key = _key(alias.text)
            if not key:
                continue
            spaced = fold(alias.text).strip()
            if "(" in alias.text:  # "Machine Learning (ML)" only as written, never in a list
                key = spaced  # ("Machine Learning, ML infrastructure" names two skills), and
                if alias.text.rstrip().endswith(")"):  # with its closing parenthesis
                    spaced = key = key + " "
            owner.setdefault(key, skill.id)
            forms.append(_form(skill.id, alias, key, variant=False, **traits))
            if " " in key or not traits["technical"]:  # "Dockers" and "Kafkas" are not plurals
                pluralisable.append((skill, alias, key, traits))
            if " " in key:
                verbal.append((skill, alias, key, traits))
            if spaced != key:  # "Weights & Biases" folds to "weights   biases" in text too
                forms.append(_form(skill.id, alias, spaced, variant=False, **traits))
            if "-" in alias.text and "(" not in alias.text:
                joined = _JOINABLE_HYPHEN.sub("", alias.text)  # "back-end" is also "backend"
                if joined != alias.text:
                    update = {"text": joined}
                    joinable.append((skill, alias.model_copy(update=update), _key(joined), traits))
    seen = {(form.key, form.skill) for form in forms}
    for skill, alias, key, traits in verbal:  # "deploying models": "deployed models"
        for inflected, written in _inflected(alias, key):
            if inflected not in owner and (inflected, skill.id) not in seen:
                owner[inflected] = skill.id
                seen.add((inflected, skill.id))
                update = {"text": written}
                copy = alias.model_copy(update=update)
                forms.append(_form(skill.id, copy, inflected, variant=True, **traits))
                pluralisable.append((skill, copy, inflected, traits))
    for skill, alias, key, traits in joinable:  # not a short word: "re-ID" is no "Reid"
        lengths = [len(word) for word in key.split(" ")]
        if min(lengths) < 3 or max(lengths) < 5:
            continue
        if key not in owner and (key, skill.id) not in seen:
            owner[key] = skill.id
            seen.add((key, skill.id))
            forms.append(_form(skill.id, alias, key, variant=True, **traits))
            if " " in key or not traits["technical"]:
                pluralisable.append((skill, alias, key, traits))
    for skill, alias, key, traits in pluralisable:
        variants = _variants(key, singular=not alias.case_sensitive)
        if not alias.case_sensitive:
            variants += _head_plural(key)
        for variant in variants:
            if variant in owner or (variant, skill.id) in seen:
                continue
            owner[variant] = skill.id
            seen.add((variant, skill.id))
            written = alias.text + variant[len(key) :] if alias.case_sensitive else alias.text
            update = {"text": written}
            forms.append(
                _form(skill.id, alias.model_copy(update=update), variant, variant=True, **traits)
            )
    for form in list(forms):  # "containerized" is also "containerised", "risk mgmt"
        key = _respelt(form.key) if not form.case_sensitive else form.key
        if key != form.key and key not in owner:
            owner[key] = form.skill
            confidence = form.confidence - (0.0 if form.variant else 0.05)
            forms.append(replace(form, key=key, variant=True, confidence=confidence))
    unique: dict[str, Form] = {}
    for form in forms:  # "CI/CD" and "CI-CD" fold alike: the first stands for both, as it
        unique.setdefault(form.key, form)  # would win their tie in every text anyway
    return list(unique.values())


_DESCRIPTIVE = frozenset({"method", "concept", "soft"})
_TECHNICAL = frozenset({"language", "tool", "library", "framework", "platform"})
"""Kinds of skill whose names are products: they confirm ambiguous neighbours, and a single
word of theirs gets no generated plural."""


def _form(
    skill: str, alias: Alias, key: str, variant: bool, descriptive: bool, technical: bool
) -> Form:
    context = alias.context
    numbered = " " in key and key.rsplit(" ", 1)[1].isdigit()
    return Form(
        skill=skill,
        text=alias.text,
        key=key,
        case_sensitive=alias.case_sensitive,
        ambiguous=alias.ambiguous,
        cues=_cues(tuple(context.cues)) if context else None,
        window=context.window if context else 60,
        not_before=_not_before(tuple(context.not_before)) if context else None,
        not_after=_not_after(tuple(context.not_after)) if context else None,
        confidence=_confidence(alias, key) - (0.05 if variant else 0.0),
        variant=variant,
        neighbours=context.neighbours if context else True,
        technical=technical,
        descriptive=descriptive and " " in key,
        checked=alias.case_sensitive
        or alias.ambiguous
        or bool(context and (context.not_before or context.not_after)),
        squashed=_squash(alias.text),
        lower_never=alias.text.lower() != alias.text,
        case_only=alias.case_sensitive
        and not alias.ambiguous
        and not (context and (context.not_before or context.not_after)),
        numbered=numbered,
    )


def _inflected(alias: Alias, key: str) -> list[tuple[str, str]]:
    """Other tenses of a form that begins with a verb's -ing form and names what it acts on
    ("deploying models" -> "deploy models", "deploys models", "deployed models"; "leading
    teams" -> "led teams"), as (folded key, text): resumes say what was done, postings what
    to do. Only for the verbs of :data:`_INFLECTIONS`, whose other forms name the same act;
    "training data" or "embedding models" are things, and "embedded models" another one."""
    if alias.case_sensitive:
        return []
    words = key.split(" ")
    for size in (2, 1):
        forms = _INFLECTIONS.get(" ".join(words[:size]))
        if forms is None:
            continue
        if len(words) <= size or words[size] in ("and", "or", ""):
            return []  # "hiring and retention": no object, or a pair of nouns
        rest = " ".join(words[size:])
        verb = r"[\s-]+".join(words[:size])  # as written: "fine-tuning" or "fine tuning"
        written = re.sub(r"^\s*" + verb + r"\s+", "", alias.text, flags=re.IGNORECASE)
        return [(form + " " + rest, form + " " + written) for form in forms]
    return []


_INFLECTIONS: dict[str, tuple[str, ...]] = {
    "analysing": ("analyse", "analyses", "analysed"),
    "analyzing": ("analyze", "analyzes", "analyzed"),
    "automating": ("automate", "automates", "automated"),
    "building": ("build", "builds", "built"),
    "cleansing": ("cleanse", "cleanses"),
    "collaborating": ("collaborate", "collaborates", "collaborated"),
    "communicating": ("communicate", "communicates", "communicated"),
    "conducting": ("conduct", "conducts", "conducted"),
    "contributing": ("contribute", "contributes", "contributed"),
    "coordinating": ("coordinate", "coordinates", "coordinated"),
    "creating": ("create", "creates", "created"),
    "dealing": ("deal", "deals", "dealt"),
    "defining": ("define", "defines", "defined"),
    "delivering": ("deliver", "delivers", "delivered"),
    "deploying": ("deploy", "deploys", "deployed"),
    "designing": ("design", "designs", "designed"),
    "developing": ("develop", "develops", "developed"),
    "diagnosing": ("diagnose", "diagnoses", "diagnosed"),
    "embracing": ("embrace", "embraces", "embraced"),
    "engaging": ("engage", "engages", "engaged"),
    "evaluating": ("evaluate", "evaluates", "evaluated"),
    "explaining": ("explain", "explains", "explained"),
    "facilitating": ("facilitate", "facilitates", "facilitated"),
    "fine tuning": ("fine tune", "fine tunes", "fine tuned"),
    "fixing": ("fix", "fixes", "fixed"),
    "gathering": ("gather", "gathers", "gathered"),
    "growing": ("grow", "grows", "grew", "grown"),
    "handling": ("handle", "handles", "handled"),
    "identifying": ("identify", "identifies", "identified"),
    "inspiring": ("inspire", "inspires", "inspired"),
    "interacting": ("interact", "interacts", "interacted"),
    "interfacing": ("interface", "interfaces", "interfaced"),
    "interviewing": ("interview", "interviews", "interviewed"),
    "juggling": ("juggle", "juggles", "juggled"),
    "keeping": ("keep", "keeps"),
    "leading": ("lead", "leads", "led"),
    "liaising": ("liaise", "liaises", "liaised"),
    "making": ("make", "makes", "made"),
    "maintaining": ("maintain", "maintains", "maintained"),
    "managing": ("manage", "manages", "managed"),
    "measuring": ("measure", "measures", "measured"),
    "meeting": ("meet", "meets", "met"),
    "mentoring": ("mentor", "mentors", "mentored"),
    "mining": ("mine", "mines", "mined"),
    "monitoring": ("monitor", "monitors", "monitored"),
    "navigating": ("navigate", "navigates", "navigated"),
    "operationalizing": ("operationalize", "operationalizes", "operationalized"),
    "optimizing": ("optimize", "optimizes", "optimized"),
    "partnering": ("partner", "partners", "partnered"),
    "performing": ("perform", "performs", "performed"),
    "presenting": ("present", "presents", "presented"),
    "prioritizing": ("prioritize", "prioritizes", "prioritized"),
    "productionizing": ("productionize", "productionizes", "productionized"),
    "providing": ("provide", "provides", "provided"),
    "publishing": ("publish", "publishes", "published"),
    "reducing": ("reduce", "reduces", "reduced"),
    "resolving": ("resolve", "resolves", "resolved"),
    "reviewing": ("review", "reviews", "reviewed"),
    "running": ("run", "runs", "ran"),
    "securing": ("secure", "secures", "secured"),
    "serving": ("serve", "serves", "served"),
    "setting": ("set", "sets"),
    "solving": ("solve", "solves", "solved"),
    "speaking": ("speak", "speaks", "spoke"),
    "staying": ("stay", "stays", "stayed"),
    "supervising": ("supervise", "supervises", "supervised"),
    "taking": ("take", "takes", "took", "taken"),
    "telling": ("tell", "tells", "told"),
    "thinking": ("think", "thinks", "thought"),
    "tracking": ("track", "tracks", "tracked"),
    "translating": ("translate", "translates", "translated"),
    "tuning": ("tune", "tunes", "tuned"),
    "upskilling": ("upskill", "upskills", "upskilled"),
    "validating": ("validate", "validates", "validated"),
    "visualizing": ("visualize", "visualizes", "visualized"),
    "working": ("work", "works", "worked"),
    "writing": ("write", "writes", "wrote", "written"),
}
"""Verbs whose -ing form begins taxonomy forms that act on something, with their base, third
person and past forms. Left out: -ing words that name things or kinds ("training data",
"marketing analytics", "streaming pipelines", "ranking models"), whose past reads as an
adjective ("ranked models"), and the pasts that do so over the shared postings ("cleansed
data repositories", "data kept up to date")."""


def _head_plural(key: str) -> list[str]:
    """For a name that its first word heads, "of" after it ("evaluation of llms", "part of
    speech tagging"), the name with that word in the plural ("evaluations of llms"): a text
    speaks of several such acts or things as it speaks of one.

    Examples:
        >>> _head_plural("evaluation of llms"), _head_plural("proof of concept")
        (['evaluations of llms'], ['proofs of concept'])
        >>> _head_plural("parts of speech tagging"), _head_plural("return on investment")
        ([], [])
    """
    head, _, rest = key.partition(" ")
    if not rest.startswith("of ") or not head.isalpha():
        return []
    return [f"{plural} {rest}" for plural in _variants(head, singular=False)]


def _variants(key: str, singular: bool = True) -> list[str]:
    """Other numbers of a plain folded form: its plural, and for a name of several words that
    ends in the plural of a kind of thing, its singular (``vector databases`` -> ``vector
    database``; one word is left alone: ``pandas``, ``analytics``)."""
    found = []
    last = key.rsplit(" ", 1)[-1]
    if len(last) >= 3 and last.isalpha() and not _uncounted(last):
        if last.endswith("y") and last[-2] not in "aeiou":
            found.append(key[:-1] + "ies")
        elif last.endswith("sis"):  # analysis -> analyses, hypothesis -> hypotheses
            found.append(key[:-2] + "es")
        elif last.endswith("s") and not last.endswith(("ss", "us", "as")):
            pass  # a plural already ("dashboards", "tools"), or a name ("Kubernetes")
        elif last.endswith(("s", "x", "ch", "sh")):
            found.append(key + "es")
        else:
            found.append(key + "s")
    if singular and " " in key and last.endswith("s"):
        one = last[:-3] + "y" if last.endswith("ies") else last[:-1]
        if one in _KINDS_OF_THING:
            found.append(key[: -len(last)] + one)
    return found


_MASS_NOUNS = frozenset(
    {
        "intelligence",
        "management",
        "knowledge",
        "software",
        "hardware",
        "data",
        "information",
        "governance",
        "compliance",
        "privacy",
        "security",
        "feedback",
        "ownership",
        "accountability",
        "leadership",
        "teamwork",
        "integrity",
        "curiosity",
        "resilience",
        "adaptability",
    }
)


def _uncounted(word: str) -> bool:
    """Whether a word has no plural a text would write: a verb's -ed form ("self supervised",
    "cloud based"; not "speed") or a mass noun ("artificial intelligence", "cost management"),
    where a generated plural ("superviseds", "intelligences") would only grow the automaton.
    (An -ing form may have one: "embeddings", "trainings"; and "researches" is a verb.)"""
    return (word.endswith("ed") and not word.endswith("eed")) or word in _MASS_NOUNS


_KINDS_OF_THING = frozenset(
    [
        "agent",
        "algorithm",
        "application",
        "assistant",
        "car",
        "cluster",
        "copilot",
        "dashboard",
        "database",
        "device",
        "embedding",
        "engine",
        "firm",
        "framework",
        "function",
        "fund",
        "game",
        "gateway",
        "institution",
        "interface",
        "llm",
        "model",
        "net",
        "network",
        "neighbor",
        "paper",
        "pipeline",
        "platform",
        "query",
        "record",
        "server",
        "service",
        "skill",
        "solution",
        "store",
        "story",
        "stream",
        "system",
        "team",
        "technology",
        "test",
        "tool",
        "trial",
        "twin",
        "vehicle",
        "workflow",
    ]
)
"""Nouns whose singular names the same kind of thing as their plural, so that a form of
several words ending in one is also entered in the singular ("vector databases" -> "vector
database", "cross-functional teams" -> "cross-functional team"). Others are left plural:
"data structures" is a subject, "a data structure" a schema; "product launches" a skill, "our
product launch" an event."""
