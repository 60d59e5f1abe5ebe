"""Gaps filled by a learned model: the fields the rules left empty in a published reference
(place, publisher, year, container title, locator), tagged token by token by a linear-chain
CRF (python-crfsuite), as AnyStyle and GROBID tag references, trained on the development
corpora's expected parses (`catalogue notes train`).

The rules read first; the model only fills what they left empty. Measured when it was added
(2026-12-03, on published full references): trained leave-one-file-out, the model alone was
right less often than the rules (0.855 against 0.936) but the rules with the model's gaps
filled were right more often than the rules alone; on the sealed corpora, which it was never
trained on, 0.860 against 0.837. Titles, authors and volumes are left to the rules: filling
them did not help.

    >>> fields_from_tags("Hà Nội, Nxb. Sự thật, 1960, tr. 12",
    ...                  ["place", "place", "O", "publisher", "publisher", "publisher", "publisher",
    ...                   "O", "year", "O", "locator", "locator", "locator"])
    {'place': 'Hà Nội', 'publisher': 'Nxb. Sự thật', 'year': 1960, 'locator': 'tr. 12'}
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

from ..dates import find_dates
from .model import CitationDraft
from .patterns import CRF_TOKEN, QUOTATION_MARKS, YEAR_TOKEN

MODEL = Path(__file__).with_name("published_fields.crfsuite")
FILLED = ("place", "publisher", "year", "container_title", "locator")
# The fields the training labels mark, in the order they are found in a reference's text (a
# title is marked before the year inside it can be taken for the imprint's year).
LABELLED = ("title", "container_title", "authors", "place", "publisher", "volume", "year", "locator")
FOUND_LAST = ("year", "locator")  # the imprint's year and the page come late in a reference
AUTHORS_JOINED_BY = {",", ";", "and", "&", "et", "und", "và"}


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words and punctuation marks with their offsets.

    >>> tokens("Paris, 1995")
    [('Paris', 0, 5), (',', 5, 6), ('1995', 7, 11)]
    """
    return [(m.group(), m.start(), m.end()) for m in CRF_TOKEN.finditer(text)]


@lru_cache(maxsize=65536)  # a table of words seen: cleared by the benchmark between rounds
def _word_features(word: str) -> tuple[str, ...]:
    """What a word says by itself: its lower-case form, shape ("Paris" → "Aa", "1995" → "9"),
    ending, capital, digits, a year."""
    lower = word.lower()
    shape: list[str] = []
    for char in word:
        kind = "9" if char.isdigit() else "A" if char.isupper() else "a" if char.isalpha() else char
        if not shape or shape[-1] != kind:
            shape.append(kind)
    marks = [f"word={lower}", f"shape={''.join(shape)[:6]}", f"suffix={lower[-3:]}"]
    marks += [
        name
        for name, present in (
            ("capital", word[:1].isupper()),
            ("digits", word.isdigit()),
            ("year", bool(YEAR_TOKEN.fullmatch(word))),
        )
        if present
    ]
    return tuple(marks)


@lru_cache(maxsize=65536)
def _neighbour_marks(lower: str) -> tuple[str, str, str, str]:
    """A word as the neighbour two before, one before, one after and two after a token."""
    return f"-2:word={lower}", f"-1:word={lower}", f"1:word={lower}", f"2:word={lower}"


def token_features(text: str, words: list[tuple[str, int, int]] | None = None) -> list[list[str]]:
    """Each token's features: the word, its shape, its neighbours, and where it stands (inside
    quotes or brackets, after a colon or an "in"). ``words``: the text's tokens, when the
    caller has them.

    >>> token_features("Paris, 1995")[2][:4]
    ['bias', 'word=1995', 'shape=9', 'suffix=995']
    """
    written = [word for word, _start, _end in (words if words is not None else tokens(text))]
    marks = [_neighbour_marks(word.lower()) for word in written]
    edge = _neighbour_marks("<edge>")
    marks = [edge, edge, *marks, edge, edge]
    features = []
    quotes = brackets = 0
    after_colon = after_in = False
    last = max(1, len(written))
    for index, word in enumerate(written):
        feature = [
            "bias",
            *_word_features(word),
            POSITIONS[min(4, 5 * index // last)],
            marks[index][0],
            marks[index + 1][1],
            marks[index + 3][2],
            marks[index + 4][3],
        ]
        if quotes % 2:
            feature.append("in_quotes")
        if brackets:
            feature.append("in_brackets")
        if after_colon:
            feature.append("after_colon")
        if after_in:
            feature.append("after_in")
        features.append(feature)
        quotes += word in QUOTATION_MARKS
        brackets = max(0, brackets + (word in "([") - (word in ")]"))
        after_colon = after_colon or word == ":"
        after_in = after_in or word.lower() in ("in", "dans", "trong")
    return features


POSITIONS = [f"position={fifth}" for fifth in range(5)]


def _find(text: str, value: str, taken: list, last: bool) -> tuple[int, int] | None:
    folded, wanted = text.casefold(), value.casefold()
    starts, at = [], folded.find(wanted)
    while at >= 0:
        if not any(taken[at : at + len(value)]):
            starts.append(at)
        at = folded.find(wanted, at + 1)
    if not starts:
        return None
    start = starts[-1] if last else starts[0]
    return start, start + len(value)


def labels_for(text: str, expected: dict) -> list[str]:
    """Each token's label from an expected parse: the field whose value, found in the text,
    covers it, or "O".

    >>> labels_for("Paris, Seuil, 1995", {"place": "Paris", "publisher": "Seuil", "year": 1995})
    ['place', 'O', 'publisher', 'O', 'year']
    """
    taken: list[str | None] = [None] * len(text)
    for name in LABELLED:
        value = expected.get(name)
        for item in value if isinstance(value, list) else [value]:
            if item in (None, ""):
                continue
            if (span := _find(text, str(item), taken, name in FOUND_LAST)) is not None:
                taken[span[0] : span[1]] = [name] * (span[1] - span[0])
    return [taken[start] or "O" for _word, start, _end in tokens(text)]


def fields_from_tags(text: str, tags: list[str], words: list[tuple[str, int, int]] | None = None) -> dict:
    """The fields a tag sequence marks: each field's first run of tokens, as written (authors:
    every run, split where "," or "and" was tagged as outside)."""
    runs: list[list] = []
    for (_word, start, end), tag in zip(words if words is not None else tokens(text), tags, strict=True):
        if runs and runs[-1][0] == tag:
            runs[-1][2] = end
        else:
            runs.append([tag, start, end])
    found: dict = {}
    for tag, start, end in runs:
        if tag == "authors":
            found.setdefault("authors", []).append(text[start:end])
        elif tag != "O" and tag not in found:
            found[tag] = text[start:end]
    if "year" in found:
        year = YEAR_TOKEN.search(found["year"])
        found["year"] = int(year.group()) if year else None
    return {name: value for name, value in found.items() if value not in (None, "", [])}


@cache
def _tagger():
    import pycrfsuite

    if not MODEL.exists():
        raise FileNotFoundError(
            f"{MODEL}: the reader's trained model is missing (make it with `catalogue notes train`)"
        )
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    return tagger


def fill_gaps(citation: CitationDraft) -> None:
    """Fill the fields the rules left empty in a published reference read in full, from the
    model's tags of its text."""
    if citation.kind != "published" or citation.form != "full":
        return
    empty = [name for name in FILLED if getattr(citation, name) in (None, "")]
    if not empty or empty == ["container_title"]:
        return  # nothing to fill, or a book read with its imprint: the model has no more to give
    words = tokens(citation.text)
    found = fields_from_tags(citation.text, _tagger().tag(token_features(citation.text, words)), words)
    for name in empty:
        if name in found and _plausible(name, found[name]):
            setattr(citation, name, found[name])


def _plausible(name: str, value) -> bool:
    """Whether a value the model found may fill a gap: a locator holds a figure and is not
    the date of a newspaper's issue ("Het Parool, 20 Dec. 1948")."""
    if name != "locator":
        return True
    return any(char.isdigit() for char in value) and not any(
        date.span[1] - date.span[0] > len(value) // 2 for date in find_dates(value)
    )


def train(examples: Iterable[tuple[str, dict]], model: Path = MODEL) -> int:
    """Train the model on (reference text, expected fields) pairs and write it to ``model``;
    returns the number of references it learned from."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for text, expected in examples:
        trainer.append(token_features(text), labels_for(text, expected))
        count += 1
    if not count:
        raise ValueError("no published reference read in full to train on")
    trainer.set_params({"c1": 0.1, "c2": 0.05, "max_iterations": 150})
    trainer.train(str(model))
    _tagger.cache_clear()
    return count
