"""Person names reduced to comparable tokens: the same person written two ways gives one form.

"Dr. Siân O'Connor-Smith", "sian oconnor smith" and "O'CONNOR-SMITH, Sian" all become the
tokens ``("sian", "oconnor", "smith")``: case folded, accents dropped, apostrophes joined,
other punctuation split, titles and post-nominals removed, "Surname, First" turned round.
Nicknames are resolved to every name they may stand for (``alex`` -> ``alexander``,
``alexandra``), from the table in ``data/nicknames.yaml``.

Nothing here keeps or logs a name; callers hash what these functions return.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml

TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "master",
        "dr",
        "doctor",
        "prof",
        "professor",
        "sir",
        "dame",
        "lady",
        "lord",
        "rev",
        "revd",
        "reverend",
        "fr",
        "father",
        "sister",
        "brother",
        "cllr",
        "councillor",
        "capt",
        "captain",
        "major",
        "col",
        "sgt",
        "pc",
    ]
)
POST_NOMINALS = frozenset(
    [
        "jr",
        "jnr",
        "junior",
        "sr",
        "snr",
        "senior",
        "ii",
        "iii",
        "iv",
        "phd",
        "md",
        "mbe",
        "obe",
        "cbe",
        "qc",
        "kc",
        "esq",
    ]
)
APOSTROPHES = "'’‘`´ʼ"
_APOSTROPHE_TABLE = str.maketrans("", "", APOSTROPHES)
_NOT_LETTER = re.compile(r"[^a-z]+")
# Words as they appear in running text: letters, with apostrophes inside ("O'Connor").
_WORD = re.compile(r"[^\W\d_]+(?:[" + APOSTROPHES + r"][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class NameParts:
    """A name split for matching: first and last name, any middle names between them."""

    first: str
    last: str
    middle: tuple[str, ...] = ()

    @property
    def tokens(self) -> tuple[str, ...]:
        return (self.first, *self.middle, self.last)


@dataclass(frozen=True, slots=True)
class Word:
    """A word of running text: its folded form and where it sits in the text."""

    token: str
    start: int
    end: int


@lru_cache(maxsize=65_536)
def fold(word: str) -> str:
    """One word folded for comparison: lower case, no accents, no apostrophes, letters only.

    Cached, since running text repeats its words; plain ASCII words skip the Unicode work.
    """
    if word.isascii():
        lowered = word.lower()
        return lowered if lowered.isalpha() else _NOT_LETTER.sub("", lowered)
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_LETTER.sub("", plain.translate(_APOSTROPHE_TABLE))


def name_tokens(name: str) -> tuple[str, ...]:
    """The folded tokens of a name, with titles and post-nominals removed."""
    if name.count(",") == 1:  # "Smith, John" -> "John Smith"
        last, first = name.split(",")
        if first.strip() and last.strip():
            name = f"{first} {last}"
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    tokens = [t for t in _NOT_LETTER.split(plain.translate(_APOSTROPHE_TABLE)) if t]
    while tokens and tokens[0] in TITLES:
        tokens.pop(0)
    return tuple(t for i, t in enumerate(tokens) if i == 0 or t not in POST_NOMINALS)


def split_name(name: str) -> NameParts | None:
    """First, middle and last name, or None when fewer than two name words remain."""
    tokens = name_tokens(name)
    if len(tokens) < 2:
        return None
    return NameParts(first=tokens[0], last=tokens[-1], middle=tokens[1:-1])


def words(text: str, *, capitalised_only: bool = False) -> Iterator[Word]:
    """The words of running text with their offsets; hyphens split ("Smith-Jones")."""
    for match in _WORD.finditer(text):
        if capitalised_only and not text[match.start()].isupper():
            continue
        token = fold(match.group())
        if token:
            yield Word(token, match.start(), match.end())


def given_name_forms(token: str) -> frozenset[str]:
    """A given name and every full name it may be short for: ``bill`` -> bill, william."""
    return frozenset({token}) | nicknames().get(token, frozenset())


@cache
def nicknames() -> dict[str, frozenset[str]]:
    """Nickname -> the canonical names it may stand for, from ``data/nicknames.yaml``."""
    text = resources.files("smpolicy.registers").joinpath("data/nicknames.yaml").read_text("utf-8")
    table: dict[str, set[str]] = {}
    for canonical, short_forms in yaml.safe_load(text).items():
        for short in short_forms:
            table.setdefault(fold(short), set()).add(fold(canonical))
    return {short: frozenset(names) for short, names in table.items()}
