"""Reading a citing article from plain text (often extracted from a PDF), purely.

``read_article`` splits the body from its notes (or, for author-date texts, its reference
list), repairs extraction damage (paragraphs broken by page breaks, running footers, author
biographies and funding notes dropped into the body), finds the note markers in the body and
makes one claim per marker. ``read_notes`` reads a notes-only text into numbered notes.

Everything is decided by general rules on the shape of the text: headings, numbering,
punctuation, capitals. Problems of the text become warnings naming the source; a bug of the
reader is an exception, never an empty result.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..text import fold
from .model import Article, ClaimDraft, RawNote, ReferenceEntry, Span
from .patterns import CIRCLED, CIRCLED_CHARS
from .segment import ABBREVIATIONS

MAX_GAP = 5  # notes or markers that may be lost between two numbers before we stop believing

# --- headings ------------------------------------------------------------------------------

_NOTES_HEADINGS = frozenset(
    fold(h)
    for h in (
        "Notes",
        "Note",
        "Endnotes",
        "End notes",
        "Footnotes",
        "Notes and references",
        "References and notes",
        "Notes and sources",
        "Sources and notes",
        "Notes et références",
        "Notes de fin",
        "Chú thích",
        "Ghi chú",
        "注释",
        "注釋",
        "註釋",
        "Anmerkungen",
        "Notas",
    )
)
_REFERENCE_HEADINGS = frozenset(
    fold(h)
    for h in (
        "References",
        "Reference list",
        "Bibliography",
        "Select bibliography",
        "Selected bibliography",
        "Works cited",
        "Literature cited",
        "Sources cited",
        "Tài liệu tham khảo",
        "Bibliographie",
        "Références bibliographiques",
        "Références",
        "Literaturverzeichnis",
        "Bibliografía",
        "Bibliografia",
        "参考文献",
        "參考文獻",
    )
)
# Sections after the notes or references that end them.
_END_MATTER_HEADINGS = frozenset(
    fold(h)
    for h in (
        "Acknowledgements",
        "Acknowledgments",
        "About the author",
        "About the authors",
        "Notes on contributors",
        "Author biography",
        "Disclosure statement",
        "Funding",
        "Appendix",
        "Appendices",
        "ORCID",
        "Responses",
    )
)
# Front-matter headings cover one paragraph only.
_FRONT_HEADINGS = frozenset(
    fold(h)
    for h in (
        "Abstract",
        "Summary",
        "Résumé",
        "Tóm tắt",
        "摘要",
        "Zusammenfassung",
        "Resumen",
    )
)
# Headings that open the body: the head (title, authors, date) ends before them.
_OPENING_HEADINGS = _FRONT_HEADINGS | frozenset(
    fold(h)
    for h in (
        "Introduction",
        "Background",
        "Keywords",
        "Key words",
        "Mở đầu",
        "Dẫn nhập",
        "引言",
        "Einleitung",
        "Introducción",
    )
)

# Words that end a line in mid-sentence: a paragraph ending with one is broken. (Word lists are
# wrapped as paragraphs, not one word to a line.)
# fmt: off
_OPEN_WORDS = frozenset(
    [
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "nor", "as",
        "that", "which", "who", "whom", "whose", "was", "were", "is", "are", "be", "been", "being", "his", "her", "its",
        "their", "our", "my", "your", "this", "these", "those", "into", "onto", "than", "between", "against", "under",
        "over", "about", "after", "before", "during", "through", "while", "when", "where", "if", "not", "also", "such",
        "both", "either", "neither", "very", "more", "most", "some", "any", "each", "every", "no", "de", "la", "le",
        "les", "des", "du", "et", "à", "en", "dans", "par", "pour", "sur", "au", "aux", "un", "une", "của", "và", "các",
        "những", "là", "được", "trong", "với", "cho"
    ]
)
# fmt: on


_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(_SUPERSCRIPTS, "0123456789")
_CLOSERS = "\"”’'»)]*_"
_TERMINAL = ".!?…。！？"
_MASK = "\ue000"  # stands for a marker's characters when looking for sentence ends

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
_SPACE = r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]"
_SPACES = re.compile(rf" {_SPACE}+|[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]{_SPACE}*")  # a lone space stays
_NO_LETTERS = re.compile(r"[\W\d_]*", re.UNICODE)


# --- text helpers ---------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    """The text's lines, 1:1 with the source's, control characters and runs of spaces cleaned."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [line.strip() for line in _SPACES.sub(" ", _CONTROL.sub(" ", text)).split("\n")]  # neither holds \n


_FOOTNOTE_DEFINITION = re.compile(r"^\[\^(?P<label>[^\]\s]{1,40})\]:[ \t]*", re.MULTILINE)
_FOOTNOTE_REFERENCE = re.compile(r"\[\^(?P<label>[^\]\s]{1,40})\](?!:)")


def markdown_footnotes(text: str) -> str:
    r"""Markdown footnotes ("text.[^1]" and "[^1]: note", labels numbered or named) as the
    bracketed markers and numbered notes the reader knows, line for line, numbered in the
    order the body refers to them (as Pandoc does); definitions get a "Notes" heading.

    >>> markdown_footnotes("Cao Bang fell.[^cb]\n\n[^cb]: SHD, 10 H 287.")
    'Cao Bang fell.[1]\nNotes\n[1] SHD, 10 H 287.'
    """
    definitions = list(_FOOTNOTE_DEFINITION.finditer(text))
    if not definitions:
        return text
    numbers: dict[str, int] = {}
    first_definition = definitions[0].start()
    for match in _FOOTNOTE_REFERENCE.finditer(text[:first_definition]):
        numbers.setdefault(match["label"], len(numbers) + 1)
    for match in definitions:
        numbers.setdefault(match["label"], len(numbers) + 1)

    def marker(match: re.Match[str]) -> str:
        return f"[{numbers[match['label']]}]" if match["label"] in numbers else match[0]

    before = _FOOTNOTE_REFERENCE.sub(marker, text[:first_definition])
    after = _FOOTNOTE_DEFINITION.sub(lambda m: f"[{numbers[m['label']]}] ", text[first_definition:])
    after = _FOOTNOTE_REFERENCE.sub(marker, after)
    if not any(_heading_key(line) in _NOTES_HEADINGS for line in before.splitlines()[-3:]):
        blank = re.search(r"\n[ \t]*\n[ \t]*$", before)  # the blank line before the notes takes the heading
        before = before[: blank.start()] + "\nNotes\n" if blank else before + "Notes\n"
    return before + after


def _is_punctuation_only(line: str) -> bool:
    """ "--", "* * *", "12", "— 4 —": page numbers and separators, no letters."""
    return bool(line) and _NO_LETTERS.fullmatch(line) is not None


_END_MARKERS = re.compile(r"(?:[⁰¹²³⁴⁵⁶⁷⁸⁹\s,]|\[[0-9]{1,4}\]|(?<=[.!?\"”’)])[0-9]{1,3})+$")


def _strip_end_markers(text: str) -> str:
    """The end of a text without trailing spaces, note markers, closing quotes or brackets."""
    end = text[-300:].rstrip()
    if end and end[-1] in _MARKER_ENDINGS:  # only then can a marker end it
        end = _END_MARKERS.sub("", end)
    return end.rstrip(_CLOSERS + " ")


_MARKER_ENDINGS = frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹,]0123456789")


def _ends_with_marker(text: str) -> bool:
    return re.search(r"(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]|\[[0-9]{1,4}\])[^\w(]{0,3}$", text[-20:]) is not None


def _complete(text: str) -> bool:
    """Does the text end a sentence (final punctuation, or a note marker)?"""
    if _ends_with_marker(text):
        return True
    core = _strip_end_markers(text)
    return bool(core) and core[-1] in _TERMINAL + ":"


def _open_ended(text: str) -> bool:
    """Does the text stop in mid-sentence (comma, dash, or a word like "the" or "and")?"""
    core = text[-60:].rstrip()
    if not core:
        return False
    if core[-1] in ",;-‐–—(“‘/&":
        return True
    last = re.search(r"([^\W\d_]+)$", core)
    return last is not None and last.group(1).casefold() in _OPEN_WORDS


def _starts_lower(text: str) -> bool:
    first = re.search(r"[^\W\d_]", text[:3])
    return first is not None and first.group().islower() and text[:1].isalpha()


def _heading_like(text: str) -> bool:
    """A short single line that does not end a sentence: "Introduction", "2. The War"."""
    if not text or "\n" in text or len(text) > 150 or len(text.split()) > 16:
        return False
    if not re.search(r"[^\W\d_]", text) or _starts_lower(text) or _open_ended(text):
        return False
    core = _strip_end_markers(text)
    if not core or core[-1] in ".,;:…。" or text.strip("*_# ")[:1] in "([":
        return False
    return len(text.split()) <= 6 or _NUMBERED.match(text) is not None or _title_case(text)


_NUMBERED = re.compile(r"^(?:[0-9]{1,2}(?:\.[0-9]{1,2})*|[IVX]{1,4}|[A-H])[.)]?\s+\S")


def _title_case(text: str) -> bool:
    """ "The Viet Minh Provides Support for the Training": most words capitalised."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.casefold() not in _OPEN_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _heading_key(line: str) -> str:
    """A heading's matching key: markup, numbering and trailing colon gone, folded."""
    line = line.strip().strip("#*_ ").rstrip(":.").strip("*_ ")
    if not line or len(line) > 60:
        return ""
    line = re.sub(r"^(?:[0-9]{1,2}|[IVXivx]{1,4})[.)]?\s+", "", line)
    return fold(line)


# --- notes ----------------------------------------------------------------------------------


_NOTE_START = re.compile(
    r"(?P<bullet>[-–—•·]\s*)?"
    r"(?:\[(?P<bracket>[0-9]{1,4})\]|\((?P<paren>[0-9]{1,4})\)"
    r"|[註注]\s*(?P<labelled>[0-9]{1,4})[.:：]?|(?P<circled>[" + CIRCLED_CHARS + r"])"
    r"|(?P<number>[0-9]{1,4})(?P<punct>[.)])?|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4}))"
    r"(?:\s+(?P<rest>.*)|(?P<glued>[A-Z“\"‘*(].*)|(?<=["
    + CIRCLED_CHARS
    + r"0-9])(?P<run_in>(?<![0-9])\S.*|[^\x00-\x7f].*))?$"
)
_CONTINUATION_BULLET = re.compile(r"^[-–•·]\s+")


@dataclass
class _NoteStart:
    number: int
    rest: str
    bare: bool  # "12 text": no bullet, bracket or punctuation to vouch for the number
    glued: bool  # "12Text": the number runs into the text


def _note_start(line: str) -> _NoteStart | None:
    """The number and text of a line that may begin a note ("- 12 text", "[12] text"…)."""
    m = _NOTE_START.fullmatch(line)
    if not m:
        return None
    if m["circled"]:
        digits = str(CIRCLED[m["circled"]])
    else:
        digits = (
            m["bracket"] or m["paren"] or m["labelled"] or m["number"] or (m["sup"] or "").translate(_FROM_SUPERSCRIPT)
        )
    if not digits:
        return None
    if (
        m["run_in"] is not None
        and not (m["circled"] or m["labelled"])
        and not (m["number"] and not m["punct"] and re.match(r"[\u3400-\u9fff]", m["run_in"]))
    ):
        return None  # only a circled or labelled number, or one before Chinese text, runs in
    marked = m["bullet"] or m["bracket"] or m["paren"] or m["punct"] or m["sup"] or m["circled"] or m["labelled"]
    rest = (m["rest"] if m["rest"] is not None else m["glued"] or m["run_in"] or "").strip()
    return _NoteStart(int(digits), rest, not marked, m["glued"] is not None)


def _plausible(start: _NoteStart, previous: int | None, previous_text: str) -> bool:
    """Is this numbered line really the next note, not a sentence going on ("1947 the army")?"""
    n = start.number
    if previous is None:
        ok = 1 <= n <= 999 and not (start.glued and n != 1)
        return ok and not (start.bare and (not start.rest or n != 1 and _starts_lower(start.rest)))
    if not previous < n <= previous + MAX_GAP or (start.glued and n != previous + 1):
        return False
    # Not a bare number before lower case after an unfinished note: "5 million people fled…"
    # continues the sentence of the note before.
    return not (start.bare and _starts_lower(start.rest) and not _complete(previous_text))


@dataclass
class _NoteDraft:
    number: int
    line: int
    parts: list[tuple[int, str, bool]] = field(default_factory=list)  # line, text, after blank

    def text(self) -> str:
        return _join_lines([(line, text) for line, text, _ in self.parts])[0]


def _join_lines(pieces: list[tuple[int, str]]) -> tuple[str, list[tuple[int, int]]]:
    """Lines joined with one space (none after a hyphen); offsets of each line in the result."""
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    length = 0
    for line_no, piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out:
            last = out[-1]
            glue = "" if last[-1] in "-‐–" and len(last) > 1 and last[-2].isalnum() else " "
            if glue == "" and last[-1] in "-‐" and last[-2].islower() and piece[:1].islower():
                out[-1] = last = last[:-1]  # "Ander-" + "son": a word broken at the line's end
                length -= 1
            out.append(glue)
            length += len(glue)
        marks.append((length, line_no))
        out.append(piece)
        length += len(piece)
    return "".join(out), marks


def _notes_from_lines(lines: list[str], first_line: int, source: str) -> tuple[list[RawNote], list[str]]:
    """Notes from a notes section's lines (``first_line`` = 1-based line of ``lines[0]``)."""
    drafts: list[_NoteDraft] = []
    warnings: list[str] = []
    after_blank = False
    ignored_before: int | None = None
    following = [""] * (len(lines) + 1)  # the next non-blank line after each line
    for index in range(len(lines) - 1, 0, -1):
        following[index - 1] = lines[index].strip() or following[index]
    for index, line in enumerate(lines):
        line_no = first_line + index
        if not line.strip():
            after_blank = True
            continue
        if _is_notes_running_head(line):
            continue  # "NOTES TO PAGES 214–219", "342 NOTES": a page's head inside a note
        start = _note_start(line.strip())
        previous = drafts[-1].number if drafts else None
        if start and _lone_number_is_no_note(start, previous, following[index]):
            if line.strip().isdigit():
                continue  # a number alone on its line: a page number
            start = None  # "24." ending a note wrapped after "p."
        if start and _plausible(start, previous, drafts[-1].parts[-1][1] if drafts else ""):
            if previous is not None and start.number > previous + 1:
                missing = _number_range(previous + 1, start.number - 1)
                warnings.append(
                    f"{source}: line {line_no}: note {start.number} follows note {previous}; {missing} missing"
                )
            drafts.append(_NoteDraft(start.number, line_no, [(line_no, start.rest, False)]))
        elif drafts:
            if start and not start.bare and start.number <= (previous or 0):
                warnings.append(
                    f"{source}: line {line_no}: number {start.number} out of sequence "
                    f"after note {previous}; read as part of note {previous}"
                )
            text = _CONTINUATION_BULLET.sub("", line.strip())
            drafts[-1].parts.append((line_no, text, after_blank))
        elif ignored_before is None and not _is_punctuation_only(line.strip()):
            ignored_before = line_no
        after_blank = False
    if ignored_before is not None:
        warnings.append(f"{source}: line {ignored_before}: text before the first note ignored")
    if drafts:
        _trim_trailing(drafts[-1], source, warnings)
    return _raw_notes(_split_run_in(drafts), source, warnings), warnings


def _lone_number_is_no_note(start: _NoteStart, previous: int | None, next_line: str) -> bool:
    """A number with nothing after it that opens no note, being a page number or the end of a
    note wrapped after "p.": it opens one only as the next number, when the line after does
    not open a note as high."""
    if start.rest or start.glued:
        return False
    after = _note_start(next_line)
    return previous is None or start.number != previous + 1 or bool(after and after.number >= start.number)


def _raw_notes(drafts: list[_NoteDraft], source: str, warnings: list[str]) -> list[RawNote]:
    """The notes the drafts hold, their lines joined; an empty one is read, with a warning."""
    notes = []
    for draft in drafts:
        text = draft.text()
        if not text:
            warnings.append(f"{source}: note {draft.number} (line {draft.line}) is empty")
        notes.append(RawNote(number=draft.number, text=text, line=draft.line))
    return notes


# The running head of a book's notes pages: "NOTES TO PAGES 214–219", "342 NOTES", "Notes 341".
_NOTES_RUNNING_HEAD = re.compile(
    r"(?:[0-9]{1,4}\s+)?(?P<heading>[^\W\d_][^\W\d_ ]*(?:\s[^\W\d_]+)?)"
    r"(?:\s+(?i:to\s+pages?|to\s+pp\.)\s+[0-9]{1,4}\s*[–-]\s*[0-9]{1,4}|\s+[0-9]{1,4})?"
)


def _is_notes_running_head(line: str) -> bool:
    """A page's running head in a notes section: the notes heading with a page number or
    the pages it covers ("NOTES TO PAGES 209–214", "342 NOTES"), never a note's text."""
    line = line.strip()
    match = _NOTES_RUNNING_HEAD.fullmatch(line)
    return match is not None and re.search(r"[0-9]", line) is not None and fold(match["heading"]) in _NOTES_HEADINGS


def _split_run_in(drafts: list[_NoteDraft]) -> list[_NoteDraft]:
    """Notes run together on one line, as e-book and PDF exports leave them ("… 212. 14 Ibid.,
    215."): where a number is missing before the next note, look for it after a sentence end
    inside the note before, and cut there."""
    result: list[_NoteDraft] = []
    for index, draft in enumerate(drafts):
        following = drafts[index + 1].number if index + 1 < len(drafts) else None
        current = draft
        while following is None or current.number + 1 < following:
            cut = _run_in_start(current, current.number + 1)
            if cut is None:
                break
            part_index, position, rest_start = cut
            line_no, text, after_blank = current.parts[part_index]
            tail = _NoteDraft(
                current.number + 1, line_no, [(line_no, text[rest_start:], False)] + current.parts[part_index + 1 :]
            )
            current.parts[part_index:] = [(line_no, text[:position].rstrip(), after_blank)]
            result.append(current)
            current = tail
        result.append(current)
    return result


def _run_in_start(draft: _NoteDraft, number: int) -> tuple[int, int, int] | None:
    """(part, end of the text before, start of the note) of note ``number`` run into ``draft``."""
    for part_index, (_, text, _) in enumerate(draft.parts):
        for match in _RUN_IN.finditer(text):
            if int(match["number"]) == number:
                return part_index, match.start(), match.end()
    return None


# A note number after a sentence end, before the next note's first word: "… 212. 14 Ibid., 215."
_RUN_IN = re.compile(r"(?<=[.!?”\"’)])\s+(?P<number>[0-9]{1,4})\.?\s+(?=[A-ZÀ-ÝĐ“\"‘(]|ibid)", re.IGNORECASE)


def _trim_trailing(draft: _NoteDraft, source: str, warnings: list[str]) -> None:
    """Drop what follows the last note after a blank line when it cannot continue it."""
    for cut in range(1, len(draft.parts)):
        line_no, text, after_blank = draft.parts[cut]
        if not after_blank or _starts_lower(text) or not _complete(draft.parts[cut - 1][1]):
            continue
        if _is_punctuation_only(text):
            continue
        warnings.append(f"{source}: line {line_no}: text after note {draft.number} ignored")
        del draft.parts[cut:]
        return


def _number_range(low: int, high: int) -> str:
    return f"note {low}" if low == high else f"notes {low}–{high}"


def read_notes(text: str, source: str = "<text>") -> list[RawNote]:
    """Notes of a notes-only text, one per numbered entry; unnumbered lines continue a note."""
    if not isinstance(text, str):
        return []
    return _notes_from_lines(_lines(text), 1, source)[0]


# --- sections -------------------------------------------------------------------------------


@dataclass
class _Sections:
    body_end: int
    notes: tuple[int, int] | None = None  # line range (0-based, end exclusive)
    references: tuple[int, int] | None = None
    notes_heading: bool = True


def _numbered_share(lines: list[str]) -> float:
    """Share of the non-blank lines that start a note in sequence."""
    notes, _ = _notes_from_lines(lines, 1, "")
    filled = sum(1 for line in lines if line)
    return len(notes) / filled if filled else 0.0


def _find_sections(lines: list[str]) -> _Sections:
    """Where the body ends and the notes and the reference list are."""
    keys = [_heading_key(line) if len(line) <= 60 else "" for line in lines]
    stops = [i for i, key in enumerate(keys) if key in _NOTES_HEADINGS | _REFERENCE_HEADINGS | _END_MATTER_HEADINGS]

    def region(i: int) -> tuple[int, int]:
        later = bisect.bisect_right(stops, i)
        return i + 1, stops[later] if later < len(stops) else len(lines)

    found = _Sections(body_end=len(lines))
    for i in reversed([i for i, key in enumerate(keys) if key in _NOTES_HEADINGS]):
        low, high = region(i)
        if _notes_from_lines(lines[low:high], low + 1, "")[0]:
            found.notes, found.body_end = (low, high), i
            break
    refs = [i for i, key in enumerate(keys) if key in _REFERENCE_HEADINGS]
    if refs:
        found.references = region(refs[-1])
        found.body_end = min(found.body_end, refs[-1])
        low, high = found.references
        if found.notes is None and _numbered_share(lines[low:high]) >= 0.5:
            found.notes = found.references  # a numbered reference list: numeric citations
    if found.notes is None and found.references is None:
        found.notes = _trailing_notes(lines)
        if found.notes:
            found.body_end, found.notes_heading = found.notes[0], False
    return found


def _trailing_notes(lines: list[str]) -> tuple[int, int] | None:
    """Notes at the end of a text with no heading: a run of lines numbered from 1 to the end."""
    candidates = [
        i
        for i, line in enumerate(lines)
        if line[:8].strip("-–•·[( ").startswith("1") and (start := _note_start(line)) and start.number == 1
    ][-5:]
    for i in reversed(candidates):
        notes, _ = _notes_from_lines(lines[i:], i + 1, "")
        if len(notes) >= 3 and _numbered_share(lines[i:]) >= 0.6 and i > 0:
            return i, len(lines)
    return None


# --- the head: title, authors, date -----------------------------------------------------------

# Word lists, wrapped as paragraphs rather than one word to a line.
# fmt: off
_NAME_PARTICLES = frozenset(
    [
        "de", "del", "della", "der", "den", "di", "da", "dos", "das", "du", "van", "von", "le", "la", "bin", "al",
        "ibn", "y", "ter"
    ]
)
_NOT_NAMES = frozenset(
    [
        "university", "universite", "institute", "institut", "college", "school", "department", "centre", "center",
        "journal", "review", "studies", "society", "association", "press", "publishing", "publications", "magazine",
        "news", "times", "group", "foundation", "network", "networks", "media", "abstract", "introduction", "contents",
        "published", "article", "chapter", "part", "volume", "issue", "research", "history", "archives", "library",
        "vol", "no", "pp", "doi", "issn", "keywords", "summary"
    ]
)
# fmt: on
_NAME_WORD = re.compile(r"(?:[^\W\d_]\.){1,3}|[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*\.?")
_HEAD_FURNITURE = re.compile(
    r"©|\b(?:vol\.|no\.|pp\.|doi|issn|isbn|https?://|www\.|copyright|downloaded|"
    r"published online|(?:received|revised|accepted)\s*:?\s*[0-9])",
    re.IGNORECASE,
)

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january jan janvier janv",
            "february feb fevrier fevr",
            "march mar mars",
            "april apr avril avr",
            "may mai",
            "june jun juin",
            "july jul juillet juil",
            "august aug aout",
            "september sep sept septembre",
            "october oct octobre",
            "november nov novembre",
            "december dec decembre",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH_NAMES = "|".join(sorted(set(_MONTHS) | {"février", "févr", "août", "décembre", "déc"}, key=len, reverse=True))
# A month name standing alone, or glued to a lower-case word as in "10 min readNov 8, 2021".
_MONTH = (
    r"(?P<month>(?i:(?<![^\W\d_])(?:"
    + _MONTH_NAMES
    + r"))|(?<=[a-z])(?:"
    + "|".join(name.capitalize() for name in _MONTH_NAMES.split("|"))
    + r"))(?![^\W\d_])\.?"
)
_YEAR = r"(?P<year>[12][0-9]{3})(?![0-9])"
_DAY = r"(?P<day>[0-3]?[0-9])"
_DATE_PATTERNS = (  # with their precision: 3 = day, 2 = month
    (3, re.compile(r"(?<![0-9])(?P<year>[12][0-9]{3})-(?P<mnum>[01]?[0-9])-" + _DAY + "(?![0-9])")),
    (3, re.compile(_MONTH + r"\s+" + _DAY + r"(?:st|nd|rd|th)?,?\s+" + _YEAR)),
    (3, re.compile(r"(?<![0-9])" + _DAY + r"(?:er|st|nd|rd|th)?\s+" + _MONTH + r",?\s+" + _YEAR)),
    (2, re.compile(_MONTH + r",?\s+" + _YEAR)),
)


def _author_names(line: str) -> list[str] | None:
    """The names on an author line ("Jiayi Gao", "By A. Smith and Lê Văn Hưng"), else None."""
    line = re.sub(r"^(?:by|par)\s+", "", line.strip(), flags=re.IGNORECASE)
    line = line.strip("*†‡ ").rstrip(_SUPERSCRIPTS + "*†‡ ")
    if not line or len(line) > 100 or re.search(r"[0-9:!?@/()\[\]]", line):
        return None
    names = []
    for part in re.split(r"\s*(?:,|;|&|\band\b|\bet\b|\bvà\b|\bund\b)\s*", line):
        if not part:
            continue
        words = part.split()
        capitals = [w for w in words if w[0].isupper()]
        if not 2 <= len(words) <= 4 or len(capitals) < 2:
            return None
        for word in words:
            if word.casefold() in _NOT_NAMES or not _NAME_WORD.fullmatch(word):
                return None
            if not word[0].isupper() and word.casefold() not in _NAME_PARTICLES:
                return None
        names.append(" ".join(words))
    return names or None


def _find_date(line: str) -> tuple[str, int] | None:
    """An ISO date in a line ("10 min readNov 8, 2021" → "2021-11-08") and its precision."""
    for precision, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(line):
            groups = m.groupdict()
            month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS.get(fold(groups["month"]))
            if not month:
                continue
            year, day = int(m["year"]), int(groups.get("day") or 1)
            try:
                dt.date(year, month, day)
            except ValueError:
                continue
            return (f"{year:04d}-{month:02d}-{day:02d}" if precision == 3 else f"{year:04d}-{month:02d}"), precision
    return None


def _is_date_line(line: str) -> bool:
    """A line that dates the article ("12 March 2021", "Published online: 8 Nov 2021"), not a
    sentence of the body that mentions a date ("In March 1950 the war turned.")."""
    lower_words = re.findall(r"(?<![^\s(])[a-zà-ÿ][\w’'-]*", line)
    return len(lower_words) <= 2 and len(line.split()) <= 12


def _clean_title(text: str) -> str:
    return re.sub(r"^[\s*#_†‡]+|[\s*_†‡" + _SUPERSCRIPTS + r"]+$", "", text).strip()


@dataclass
class _Head:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    body_start: int = 0


def _read_head(lines: list[str], stop: int) -> _Head:
    """Title (first block), author line (2–4 capitalised names) and date before the body."""
    window: list[int] = []
    opening = None
    for i in range(stop):
        line = lines[i]
        if not line:
            continue
        if _heading_key(line) in _OPENING_HEADINGS or len(line) > 250 or len(line.split()) > 35:
            opening = i
            break
        window.append(i)
        if len(window) >= 15:
            break
    window = [i for i in window if not _HEAD_FURNITURE.search(lines[i])]
    if not window:
        return _Head(body_start=opening or 0)
    first = window[0]
    if _heading_key(lines[first]) in _NOTES_HEADINGS | _REFERENCE_HEADINGS:
        return _Head(body_start=opening if opening is not None else 0)
    block = [first]  # the title: the first lines up to a blank line (three at most)
    while (
        len(block) < 3
        and block[-1] + 1 < stop
        and lines[block[-1] + 1]
        and _heading_key(lines[block[-1] + 1]) not in _OPENING_HEADINGS | _NOTES_HEADINGS
    ):
        block.append(block[-1] + 1)
    head = _Head()
    for i in window[1:]:
        names = _author_names(lines[i])
        if names:
            head.authors, author_line = names, i
            block = [b for b in block if b < i]
            break
    else:
        author_line = None
    title = _clean_title(" ".join(lines[b] for b in block))
    key = _heading_key(title)
    if (
        not title
        or len(title) > 300
        or key in _OPENING_HEADINGS
        or key in _NOTES_HEADINGS
        or re.match(r"^(?:[0-9]+|[IVX]+)\.\s", title)
        or (author_line is None and not _heading_like(title))
    ):
        return _Head(body_start=opening if opening is not None else 0)
    head.title = title
    ends = [block[-1], author_line or 0]
    dates = [
        (found, i) for i in window if i not in block and _is_date_line(lines[i]) and (found := _find_date(lines[i]))
    ]
    if dates:
        (head.date, _), date_line = max(dates, key=lambda d: d[0][1])  # the most precise
        ends.append(date_line)
    head.body_start = opening if opening is not None else max(ends) + 1
    return head


# --- the body: blocks, furniture, paragraphs ---------------------------------------------------

_FOOTER_PHRASES = re.compile(
    r"correspondence (?:should|to|may|concerning|address)|corresponding author|"
    r"address for correspondence|this content downloaded|all rights reserved|to cite this "
    r"article|published online|doi\.org|orcid\.org|creative commons|^keywords?\b|^key words\b|"
    r"^jel\b|^received\b.*\baccepted\b",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BIO = re.compile(
    r"^(?:[^\W\d_][\w'’.-]*\s){1,4}(?:is|was)\s(?:an?\s|the\s)?(?:[\w-]+\s){0,3}?"
    r"(?:lecturer|professor|reader|fellow|researcher|research|candidate|student|director|"
    r"scholar|historian|associate|assistant|chair|dean|editor|curator|archivist|ph\.?d)",
    re.IGNORECASE,
)


_INSTITUTION = re.compile(
    r"universit|institut|college|academy|académie|department|school|centre|center|faculty", re.IGNORECASE
)


_CAPITALS = r"(?=[^a-z]*[A-Z]{2})[^a-z0-9\s]+(?:\s[^a-z0-9\s]+){1,10}"  # "J. GAO", "THE JOURNAL"
# "Page 12", "JOURNAL OF COLD WAR STUDIES 17", "154 J. GAO": a page number with a running head.
_RUNNING_HEAD = re.compile(r"(?i:page|p\.)\s*[0-9]+|[0-9]{1,4}\s+" + _CAPITALS + r"|" + _CAPITALS + r"\s+[0-9]{1,4}")


def _is_biography(text: str) -> bool:
    """ "X is a Lecturer in the Institute of … University": a contributor's note."""
    return bool(_BIO.match(text)) and _INSTITUTION.search(text) is not None


def _is_furniture(text: str, authors: list[str]) -> bool:
    """A footer, biography, funding note or page furniture that interrupts the body."""
    if _is_punctuation_only(text) or len(text) <= 100 and _RUNNING_HEAD.fullmatch(text):
        return True
    if len(text) > 1500:
        return False
    if text[:1] in "*†‡§" and re.match(r"^[*†‡§]\s+\S", text):
        return True  # "* This article is the interim result…", "† Funded by…"
    if len(text) > 700:
        return False
    if _FOOTER_PHRASES.search(text) or "@" in text and _EMAIL.search(text) or _is_biography(text):
        return True
    return any(
        text.startswith(name + " ") and re.match(r"\s*(?:is|was|teaches|has)\b", text[len(name) :]) for name in authors
    )


def _running_lines(lines: list[str]) -> set[str]:
    """Short lines that repeat (digits aside) three times or more: running heads and feet."""
    keys = Counter(re.sub(r"[0-9]+", "#", line) for line in lines if 0 < len(line) <= 80)
    return {key for key, count in keys.items() if count >= 3 and re.search(r"[^\W\d_]", key)}


@dataclass
class _Block:
    pieces: list[tuple[int, str]]  # (1-based source line, text)

    @property
    def text(self) -> str:
        return _join_lines(self.pieces)[0]


def _blocks(lines: list[str], start: int, stop: int, drop: set[str]) -> list[_Block]:
    """Runs of non-blank lines, without running heads, page numbers and separators."""
    blocks: list[_Block] = []
    current: list[tuple[int, str]] = []
    for i in range(start, stop):
        line = lines[i]
        if line and (_is_punctuation_only(line) or re.sub(r"[0-9]+", "#", line) in drop):
            continue
        if not line:
            if current:
                blocks.append(_Block(current))
            current = []
            continue
        current.append((i + 1, line))
    if current:
        blocks.append(_Block(current))
    return [part for block in blocks for part in _split_heading(block)]


def _split_heading(block: _Block) -> list[_Block]:
    """A numbered or well-known heading glued to the paragraph under it becomes its own block."""
    if len(block.pieces) < 2:
        return [block]
    first = block.pieces[0][1]
    if (
        _heading_like(first)
        and (_NUMBERED.match(first) or _heading_key(first) in _OPENING_HEADINGS)
        and not _starts_lower(block.pieces[1][1])
    ):
        return [_Block(block.pieces[:1]), _Block(block.pieces[1:])]
    return [block]


def _joins(first: str, second: str) -> bool:
    """Is ``second`` the rest of paragraph ``first``, cut by a page break?"""
    if _complete(first):
        return False
    if _starts_lower(second) or _open_ended(first):
        return True
    return not (_heading_like(first) or _heading_like(second))


def _repair(blocks: list[_Block], authors: list[str]) -> list[_Block]:
    """Drop footers and rejoin the paragraphs that page breaks and footers cut in two."""
    repaired: list[_Block] = []
    tail = ""  # the end of the last paragraph: enough to judge how it ends
    for block in blocks:
        text = block.text
        if _is_furniture(text, authors):
            continue
        if repaired and _joins(tail, text):
            repaired[-1].pieces.extend(block.pieces)
            tail = (tail + " " + text)[-300:]
        else:
            repaired.append(_Block(list(block.pieces)))
            tail = text if len(text) <= 300 else text[-300:]
    return repaired


@dataclass
class _Paragraph:
    number: int  # from 1; 0 for a heading
    section: str | None
    offset: int  # in the body
    text: str
    marks: list[tuple[int, int]]  # (offset in text, 1-based source line)

    def line_at(self, position: int) -> int:
        offsets = [offset for offset, _ in self.marks]
        return self.marks[max(bisect.bisect_right(offsets, position) - 1, 0)][1]


def _assemble(blocks: list[_Block]) -> tuple[str, list[_Paragraph]]:
    """The body text and its paragraphs, each with its number and section."""
    parts: list[str] = []
    paragraphs: list[_Paragraph] = []
    offset, number = 0, 0
    section: str | None = None
    front_left = 0  # paragraphs left in a front-matter section (abstract)
    for block in blocks:
        text, marks = _join_lines(block.pieces)
        heading = _heading_like(text) and not _ends_with_marker(text)
        if heading:
            section = _clean_title(text)
            front_left = 1 if _heading_key(text) in _FRONT_HEADINGS else -1
            paragraphs.append(_Paragraph(0, section, offset, text, marks))
        else:
            if front_left == 0:
                section = None
            number += 1
            paragraphs.append(_Paragraph(number, section, offset, text, marks))
            front_left -= 1 if front_left > 0 else 0
        parts.append(text)
        offset += len(text) + 2
    return "\n\n".join(parts), paragraphs


# --- sentences ------------------------------------------------------------------------------

_AFTER_STOP = r"[\"”’'»)\]" + _MASK + r"]*"  # closing quotes, brackets and masked markers
_BOUNDARY = re.compile(r"[.!?…]" + _AFTER_STOP + r"(?=\s|$)|[。！？]" + _AFTER_STOP)


_NEXT_CHAR = re.compile(r"\s*(\S)")


def _last_word(text: str, end: int) -> str:
    """The letters just before ``end`` (at most 20): "Dr" in "Dr.", "" after a figure."""
    start = end
    while start > max(0, end - 20) and _is_letter(text[start - 1]):
        start -= 1
    return text[start:end]


def _is_letter(char: str) -> bool:
    """A letter as the patterns read one: alphanumeric, not a figure, not an underscore."""
    return char.isalnum() and not char.isdecimal()


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    """Does the punctuation matched end a sentence (not "Dr.", "U.S.", "p. 5")?"""
    if text[m.start()] == ".":
        word = _last_word(text, m.start())
        if word and (len(word) == 1 or word.casefold() in ABBREVIATIONS):
            return False
    if text[m.start()] in "。！？":
        return True
    following = _NEXT_CHAR.match(text, m.end())
    if not following:
        return True
    c = following.group(1)
    return c.isdigit() or c in "“\"‘'«[¿¡" + _MASK or (c.isalpha() and not c.islower())


def _sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence's final punctuation and closing quotes."""
    ends = []
    for m in _BOUNDARY.finditer(text):
        if _is_boundary(text, m):
            ends.append(m.end() - len(m.group()) + len(m.group().rstrip(_MASK)))
    return ends


def _tidy(text: str) -> str:
    """One space between words, none before punctuation, no doubled final stop."""
    text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(text.split()))
    text = _DOUBLED_STOP.sub(r"\1", text)
    return text.lstrip(",;:)] ").rstrip(",;: ").strip()


_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?)\]])")
_DOUBLED_STOP = re.compile(r"([.!?][\"”’'»]*)\.$")


# --- markers and claims (numbered notes) ------------------------------------------------------


@dataclass
class _Marker:
    start: int
    end: int
    numbers: list[int]
    kind: str  # "superscript", "bracket" or "plain"


_SUPERSCRIPT_MARKER = re.compile(r"([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})(?:⁻([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4}))?")
_BRACKET_MARKER = re.compile(r"\[([0-9]{1,4}(?:\s*[,–-]\s*[0-9]{1,4}){0,8})\]")


def _expand(spec: str) -> list[int]:
    """ "3, 5–7" → [3, 5, 6, 7] (short ranges only)."""
    numbers: list[int] = []
    for part in re.split(r"\s*,\s*", spec):
        low, _, high = re.sub(r"\s", "", part).replace("–", "-").partition("-")
        if high and low.isdigit() and high.isdigit() and 0 < int(high) - int(low) <= 10:
            numbers.extend(range(int(low), int(high) + 1))
        elif low.isdigit():
            numbers.append(int(low))
    return numbers


_NUMBER_ALONE = re.compile(r"(?<![0-9])[0-9]{1,3}(?![0-9])")
_MARKER_PUNCTUATION = frozenset(".,;:!?\"”’'»)]")
_LETTER = re.compile(r"[^\W\d_]")
_AFTER_GLUED = re.compile(r"[\s,.;:]|$")


def _plain_markers(text: str) -> list[Span]:
    """The spans _PLAIN_MARKER's numbers would have, found number first: a number after one to
    four marks that follow a letter ("war.12", "said,”3"), or glued to a lower-case word and
    followed by a space or mark ("Tonkin12 "). Tried at every character, the pattern's
    look-behinds cost more than the rest of the marker search."""
    spans = []
    for number in _NUMBER_ALONE.finditer(text):
        start, end = number.span()
        marks = start
        while marks > 0 and start - marks < 4 and text[marks - 1] in _MARKER_PUNCTUATION:
            marks -= 1
        if marks < start:
            if marks > 0 and _LETTER.match(text, marks - 1):
                spans.append((start, end))
        elif (
            start > 0
            and ("a" <= text[start - 1] <= "z" or "ß" <= text[start - 1] <= "ÿ")
            and _AFTER_GLUED.match(text, end)
        ):
            spans.append((start, end))
    return spans


def _marker_candidates(text: str) -> list[_Marker]:
    """Every superscript, bracketed or plain number that may be a note marker, in order."""
    found = []
    for m in _SUPERSCRIPT_MARKER.finditer(text):
        low = int(m.group(1).translate(_FROM_SUPERSCRIPT))
        high = int(m.group(2).translate(_FROM_SUPERSCRIPT)) if m.group(2) else low
        numbers = list(range(low, high + 1)) if 0 < high - low <= 10 else [low]
        found.append(_Marker(m.start(), m.end(), numbers, "superscript"))
    for m in _BRACKET_MARKER.finditer(text):
        if numbers := _expand(m.group(1)):
            found.append(_Marker(m.start(), m.end(), numbers, "bracket"))
    for start, end in _plain_markers(text):
        found.append(_Marker(start, end, [int(text[start:end])], "plain"))
    found.sort(key=lambda marker: (marker.start, marker.kind == "plain"))
    kept: list[_Marker] = []
    for marker in found:
        if not kept or marker.start >= kept[-1].end:
            kept.append(marker)
    return kept


def _accept(marker: _Marker, text: str, expected: int, notes: set[int]) -> bool:
    """Is this candidate the next marker? Plain numbers must be exactly the expected one."""
    n = marker.numbers[0]
    if marker.kind == "plain":
        if n not in notes:
            return False
        if n == expected:
            return True
        after = text[marker.end :]
        return (
            expected < n <= expected + 2
            and text[marker.start - 1] in '.!?"”’'
            and (not after.strip() or re.match(r"\s+[A-Z“\"‘]", after) is not None)
        )
    return expected <= n <= expected + MAX_GAP or (n > expected and n in notes)


def _find_markers(
    paragraphs: list[_Paragraph], notes: set[int], source: str, warnings: list[str]
) -> dict[int, list[_Marker]]:
    """The markers of each paragraph (by index), taken in sequence through the whole body."""
    expected = min(notes) if notes else 1
    accepted: dict[int, list[_Marker]] = {}
    for index, paragraph in enumerate(paragraphs):
        if paragraph.number == 0:
            continue
        for marker in _marker_candidates(paragraph.text):
            if _accept(marker, paragraph.text, expected, notes):
                accepted.setdefault(index, []).append(marker)
                expected = max(marker.numbers) + 1
            elif marker.kind != "plain" and marker.numbers[0] < expected:
                warnings.append(
                    f"{source}: marker {marker.numbers[0]} in paragraph "
                    f"{paragraph.number} is out of sequence (expected {expected}); "
                    "ignored"
                )
    return accepted


def _group(markers: list[_Marker], text: str) -> list[list[_Marker]]:
    """Markers with nothing but punctuation between them ("¹,²", "[3][4]") go together."""
    groups: list[list[_Marker]] = []
    for marker in markers:
        if groups and re.fullmatch(r"[\s,;–-]*", text[groups[-1][-1].end : marker.start]):
            groups[-1].append(marker)
        else:
            groups.append([marker])
    return groups


def _masked(text: str, markers: list[_Marker]) -> str:
    """The text with each marker's characters replaced by a mask character."""
    chars = list(text)
    for marker in markers:
        chars[marker.start : marker.end] = _MASK * (marker.end - marker.start)
    return "".join(chars)


def _passage_end(masked: str, ends: list[int], group: list[_Marker], limit: int) -> int:
    """Where the passage a marker group supports ends: its sentence's end, before the marker."""
    low = group[0].start
    before = masked[max(0, low - 300) : low]
    if _complete(before.replace(_MASK, "")):
        return low - (len(before) - len(before.rstrip()))
    later = bisect.bisect_right(ends, group[-1].end)
    end = ends[later] if later < len(ends) else len(masked)
    if limit < len(masked) and limit <= end:
        return low  # the next marker closes this sentence: this one covers the words before it
    return end


_LEAD = re.compile(r"[\s,;:)\]" + _MASK + "]*")


def _lead_end(masked: str, start: int) -> int:
    """Where a passage that follows ``start`` opens: after the spaces, separators, closing
    brackets and masked markers left by the passage before."""
    lead = _LEAD.match(masked, start)
    return start if lead is None else lead.end()  # never None: the pattern matches nothing as well


def _marker_claims(
    paragraphs: list[_Paragraph],
    accepted: dict[int, list[_Marker]],
    notes: set[int],
    source: str,
    warnings: list[str],
) -> list[ClaimDraft]:
    """One claim per marker: its sentence and the sentences back to the previous marker."""
    claims: list[ClaimDraft] = []
    for index, markers in sorted(accepted.items()):
        paragraph = paragraphs[index]
        text, masked = paragraph.text, _masked(paragraph.text, markers)
        ends = _sentence_ends(masked)
        groups = _group(markers, text)
        start = 0
        for position, group in enumerate(groups):
            limit = groups[position + 1][0].start if position + 1 < len(groups) else len(text)
            end = _passage_end(masked, ends, group, limit)
            numbers = [n for marker in group for n in marker.numbers]
            for n in numbers:
                if n not in notes:
                    warnings.append(f"{source}: marker {n} in paragraph {paragraph.number} has no note")
            with_notes = [n for n in numbers if n in notes]
            lead = _lead_end(masked, start) - start
            claim_text = _tidy(masked[start + lead : end].replace(_MASK, ""))
            if with_notes:
                claims.append(
                    ClaimDraft(
                        position=len(claims) + 1,
                        text=claim_text,
                        section=paragraph.section,
                        paragraph=paragraph.number,
                        span=(paragraph.offset + start + lead, paragraph.offset + max(end, start + lead)),
                        note_numbers=with_notes,
                    )
                )
            start = group[-1].end
    return claims


# --- author-date texts ------------------------------------------------------------------------

_ENTRY_START = re.compile(
    r"^(?:\[?[0-9]{1,3}[.\])]\s+|[—–-]{2,}"  # "[3] …", "———. …"
    r"|[^\W\d_][\w'’-]*(?:\s[^\W\d_][\w'’-]*){0,2},\s*[^\W\d_])"
)  # "Jian, Chen. …"
_PARENTHETICAL = re.compile(r"\(([^()\n]{1,300})\)")
_CITATION_LEAD = re.compile(r"^(?:(?:see|cf\.?|e\.g\.,?|also|quoted in|in)\s+)*", re.IGNORECASE)
_ARTICLES = frozenset(["the", "a", "an", "le", "la", "les", "l", "der", "die", "das"])


def _is_trailer(line: str, authors: list[str]) -> bool:
    """Junk that ends a reference list: a separator, the author's name or biography."""
    if _is_punctuation_only(line) or (authors and _author_names(line) == authors[:1]):
        return True
    return len(line) <= 700 and (
        _is_biography(line)
        or bool(re.search(r"correspondence|corresponding author", line, re.I))
        or any(line.startswith(name + " ") for name in authors)
    )


def _read_references(lines: list[str], low: int, high: int, authors: list[str]) -> list[ReferenceEntry]:
    """Reference-list entries (blank-line separated, or one per line) up to trailing junk."""
    entries: list[tuple[int, list[str]]] = []
    blank = True
    for i in range(low, high):
        line = lines[i]
        if not line:
            blank = True
            continue
        if _is_trailer(line, authors):
            break  # "--", the author's name again, a biography: the list is over
        previous = entries[-1][1][-1] if entries else ""
        if (
            blank
            or not entries
            or (_ENTRY_START.match(line) and (_complete(previous) or previous.rstrip()[-1:].isdigit()))
        ):
            entries.append((i + 1, [line]))
        else:
            entries[-1][1].append(line)
        blank = False
    return [ReferenceEntry(text=_join_lines([(0, p) for p in parts])[0], line=line) for line, parts in entries]


def _surname_key(entry: str) -> str | None:
    """The folded first word (surname) of a reference entry: "Jian, Chen. …" → "jian"."""
    text = re.sub(r"^\[?[0-9]{1,3}[.\])]\s+", "", entry)
    words = re.findall(r"[^\W\d_][\w'’-]*", text[:120])
    while words and words[0].casefold() in _ARTICLES:
        words = words[1:]
    return fold(words[0]) if words else None


def _citations(text: str, keys: set[str]) -> list[re.Match[str]]:
    """Parentheticals whose first word is a reference entry's surname: "(Jian 1994, 45)"."""
    found = []
    for m in _PARENTHETICAL.finditer(text):
        inner = _CITATION_LEAD.sub("", m.group(1).strip().strip('"“”'))
        word = re.match(r"[^\W\d_][\w'’-]*", inner)
        if word and word.group()[0].isupper() and fold(word.group()) in keys:
            found.append(m)
    return found


def _author_date(
    paragraphs: list[_Paragraph],
    references: list[ReferenceEntry],
    source: str,
    warnings: list[str],
) -> tuple[list[RawNote], list[ClaimDraft]]:
    """Each citing parenthetical is an in-text note; each sentence carrying some is a claim."""
    keys = {key for entry in references if (key := _surname_key(entry.text))}
    notes: list[RawNote] = []
    claims: list[ClaimDraft] = []
    cited: set[str] = set()
    for paragraph in paragraphs:
        if paragraph.number == 0:
            continue
        text = paragraph.text
        citations = _citations(text, keys)
        if not citations:
            continue
        starts = [0] + _sentence_ends(text)
        by_sentence: dict[int, list[re.Match[str]]] = {}
        for m in citations:
            by_sentence.setdefault(bisect.bisect_right(starts, m.start()) - 1, []).append(m)
        for sentence, found in by_sentence.items():
            low = starts[sentence]
            high = starts[sentence + 1] if sentence + 1 < len(starts) else len(text)
            numbers = []
            for m in found:
                notes.append(
                    RawNote(
                        number=len(notes) + 1,
                        text=m.group(1).strip(),
                        line=paragraph.line_at(m.start()),
                        kind="in_text",
                    )
                )
                numbers.append(len(notes))
                cited.add(_surname_key(_CITATION_LEAD.sub("", m.group(1).strip())) or "")
            kept, cursor = [], low
            for m in found:
                kept.append(text[cursor : m.start()])
                cursor = m.end()
            kept.append(text[cursor:high])
            sentence_text = text[low:high]
            low += len(sentence_text) - len(sentence_text.lstrip())
            high -= len(sentence_text) - len(sentence_text.rstrip())
            claims.append(
                ClaimDraft(
                    position=len(claims) + 1,
                    text=_tidy("".join(kept)),
                    section=paragraph.section,
                    paragraph=paragraph.number,
                    span=(paragraph.offset + low, paragraph.offset + high),
                    note_numbers=numbers,
                )
            )
    if references and not notes:
        warnings.append(f"{source}: no parenthetical citation matches the reference list")
    elif notes:
        for entry in references:
            if _surname_key(entry.text) not in cited:
                warnings.append(
                    f"{source}: reference at line {entry.line} ({entry.text[:40]}…) is never cited in the body"
                )
    return notes, claims


# --- the article ------------------------------------------------------------------------------


def read_article(text: str, source: str = "<text>") -> Article:
    """Read a citing article: head, repaired body, notes (or references) and claims."""
    if not isinstance(text, str):
        return _empty(source, f"{source}: not text ({type(text).__name__})")
    return _read_article(text, source)


def _empty(source: str, warning: str) -> Article:
    return Article(source=source, title=None, authors=[], date=None, body="", notes=[], claims=[], warnings=[warning])


def _read_article(text: str, source: str) -> Article:
    lines = _lines(markdown_footnotes(text))
    warnings: list[str] = []
    sections = _find_sections(lines)
    head = _read_head(lines, sections.body_end)
    running = _running_lines(lines[head.body_start : sections.body_end])
    blocks = _blocks(lines, head.body_start, sections.body_end, running)
    body, paragraphs = _assemble(_repair(blocks, head.authors))
    article = Article(
        source=source,
        title=head.title,
        authors=head.authors,
        date=head.date,
        body=body,
        notes=[],
        claims=[],
        warnings=warnings,
    )
    if sections.references and sections.references != sections.notes:
        low, high = sections.references
        article.references = _read_references(lines, low, high, head.authors)
    if sections.notes:
        low, high = sections.notes
        if not sections.notes_heading:
            warnings.append(f"{source}: no notes heading; notes read from line {low + 1}")
        region = ["" if _is_running(line, running) else line for line in lines[low:high]]
        notes, note_warnings = _notes_from_lines(region, low + 1, source)
        warnings.extend(note_warnings)
        article.notes = [replace(note, kind="endnote") for note in notes]
        numbers = {note.number for note in notes}
        accepted = _find_markers(paragraphs, numbers, source, warnings)
        article.claims = _marker_claims(paragraphs, accepted, numbers, source, warnings)
        marked = {n for markers in accepted.values() for m in markers for n in m.numbers}
        for note in notes if body else []:  # with no body, one warning below says it all
            if note.number not in marked:
                warnings.append(f"{source}: note {note.number} has no marker in the body")
    elif article.references:
        article.style = "author_date"
        article.notes, article.claims = _author_date(paragraphs, article.references, source, warnings)
    else:
        warnings.append(f"{source}: no notes section" + (" and no reference list" if not sections.references else ""))
    if not body:
        warnings.append(f"{source}: no body text")
    return article


def _is_running(line: str, running: set[str]) -> bool:
    """A running head of the body repeated among the notes."""
    return bool(line) and len(line) <= 80 and re.sub(r"[0-9]+", "#", line) in running
