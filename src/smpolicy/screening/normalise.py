"""Text normalisation that undoes common obfuscation and remembers where each character came from.

Lexicon and pattern detectors match on ``NormalisedText.text`` (lower case, NFKC, homoglyphs
folded, zero-width characters dropped, leetspeak decoded inside words, s p a c e d letters
joined, runs of 3+ repeated letters cut to 2, emoji replaced by their names) and report spans in
the caller's original text through ``to_original``. Personal-data detectors read
``original`` instead: digits in a phone number must not become letters.

After folding, only two steps change the text's length (joining spaced letters, cutting
repeats): a post with neither, nearly every post, decodes its leetspeak in place and keeps the
folding's offsets (none at all for plain ASCII, which folds to its lower case). The
step-by-step path (``_normalise_general``) runs only for the rest; the shortcut must always
agree with it (tested on every dev post and on generated text).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from smpolicy.screening.scan import SHARED, scan

ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u034f") | frozenset(
    chr(c) for c in range(0xFE00, 0xFE10)
)

# Letters from other scripts that look like Latin ones (Unicode confusables, the common subset).
HOMOGLYPHS = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
        "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
        "һ": "h", "ӏ": "l", "ɡ": "g", "ɑ": "a", "ı": "i", "α": "a", "β": "b", "γ": "y", "ε": "e",
        "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
        "ω": "w", "ѡ": "w", "ԛ": "q", "ԝ": "w", "ʏ": "y", "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d",
        "ᴇ": "e", "ɢ": "g", "ʜ": "h", "ɪ": "i", "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n",
        "ᴏ": "o", "ᴘ": "p", "ʀ": "r", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ᴢ": "z",
    }
)

LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
        "@": "a", "$": "s", "!": "i", "|": "l", "+": "t", "€": "e", "£": "l"}

# A word that mixes letters and leet characters: "n1gg3r", "f@g", "$tupid" (not "@name", "10am").
_LEET_WORD = re.compile(r"(?<![\w@])(?=[\w@$!|+€£]*[a-z])(?=[\w@$!|+€£]*[0-9@$!|+€£])[\w@$!|+€£]{3,}")
# A necessary condition for a word ``_leet_words`` decodes, cheap to search for (it starts with
# the leet character, so re skips to those): a leet character next to a word character that is
# not an ASCII digit (a word mixing letters and leet characters has one where they meet), or a
# "!" with more of the word after it. Most posts whose only leet characters are sentence-final
# "!" and plain numbers fail it and skip ``_LEET_WORD``, which looks ahead along every word.
_LEET_HINT = re.compile(r"[0-9@$|+€£!](?:(?<=[^\W0-9][0-9@$|+€£])|(?<!!)(?=[^\W0-9])|(?<=!)(?=[\w@$!|+€£]))")
# Numbers with a unit, times, ordinals and sums of money ("10am", "3rd", "£8k", "$5m"), and
# codes like "b12": not leetspeak.
_ORDINAL_OR_TIME = re.compile(r"^[£$€]?\d+(st|nd|rd|th|am|pm|s|k|m|bn|mph|kg|km|g|ml|p)?$|^[a-z]{1,2}\d+[a-z]?$")
_SPACED = re.compile(
    r"(?<![\w@$!])[a-z0-9@$!](?P<sep>[ .\-_*~]{1,2})[a-z0-9@$!](?![\w@$!])"
    r"(?:(?P=sep)[a-z0-9@$!](?![\w@$!]))+"
)
# A necessary condition for ``_SPACED``, cheap to search for (it starts with a separator, not a
# letter): a one-character word between separators, then another one-character word.
_SPACED_START = re.compile(r"[ .\-_*~][a-z0-9@$!][ .\-_*~]{1,2}[a-z0-9@$!](?![\w@$!])")
_REPEATS = re.compile(r"([a-z])\1{2,}")
# Whether ``_REPEATS`` would match: a gate of the shared scan, opened by "aaa" ... "zzz".
_REPEATS_BIT = SHARED.add_gate(frozenset(letter * 3 for letter in "abcdefghijklmnopqrstuvwxyz"))
_SEPARATORS = frozenset(" .-_*~")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")  # a word of normalised text, as lexicons split terms


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """A post as detectors see it, with the way back to the caller's words."""

    original: str
    text: str
    offsets: tuple[int, ...] | None = None  # offsets[i] = original index of text[i]; None: identity

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of ``text`` onto ``original``."""
        if self.offsets is None or start >= end:
            return start, end
        return self.offsets[start], self.offsets[end - 1] + 1

    def evidence(self, start: int, end: int) -> tuple[int, int, str]:
        """Original span and the original words for a span of ``text``."""
        o_start, o_end = self.to_original(start, end)
        return o_start, o_end, self.original[o_start:o_end]


def normalise(text: str) -> NormalisedText:
    # With no spaced letters, decoding leetspeak changes characters one for one, and what it
    # decodes can still make a run of repeats to cut ("s0oo" -> "sooo"): when there is none,
    # the folded text's offsets are final. ASCII folds to its lower case, character for
    # character: its offsets are the identity.
    if text.isascii():
        folded, index = text.lower(), None
    else:
        chars, offsets = _fold_characters(text)
        folded, index = "".join(chars), tuple(offsets)
    if not _SPACED_START.search(folded) or not _spaced_runs(folded):
        decoded = _decode_leet_text(folded)
        # Asked of the shared scan: this is the text detectors will read (and scan) unless it
        # holds a run to cut, and its scan is kept; re would try every letter of the text.
        if not scan(decoded).gates & _REPEATS_BIT:
            return NormalisedText(text, decoded, index)
    return _normalise_general(text)


def _normalise_general(text: str) -> NormalisedText:
    """Every step, character by character, with the offset map."""
    chars, index = _fold_characters(text)
    for step in (_join_spaced_letters, _decode_leet, _cut_repeats):
        chars, index = step(chars, index)
    folded = "".join(chars)
    return NormalisedText(text, folded, tuple(index))


def _decode_leet_text(lowered: str) -> str:
    """``lowered`` with its leetspeak words decoded (the same length: one character for one)."""
    if not _LEET_HINT.search(lowered):  # it starts with a leet character: re skips to those
        return lowered
    spans = _leet_words(lowered)
    if not spans:
        return lowered
    pieces, done = [], 0
    for start, end in spans:
        pieces.append(lowered[done:start])
        pieces.append(lowered[start:end].translate(_LEET_TABLE))
        done = end
    pieces.append(lowered[done:])
    return "".join(pieces)


def _spaced_runs(text: str) -> list[re.Match[str]]:
    """S p a c e d-out words, at least two of whose characters are letters (not "0 7 7 0 0")."""
    return [m for m in _SPACED.finditer(text) if sum(c.isalpha() for c in m.group()) >= 2]


def _leet_words(text: str) -> list[tuple[int, int]]:
    """Spans of words to decode; a leading "@" is a mention, not an "a", a trailing "!" is
    an exclamation mark, not an "i" ("vermin!" must stay "vermin", "sh!t" is "shit"), and a
    trailing "+" means "and more", not a "t" ("LGBTQ+", "C++", "over-50+")."""
    spans = []
    for match in _LEET_WORD.finditer(text):
        start, word = match.start(), match.group()
        if word.startswith("@"):
            start, word = start + 1, word[1:]
        word = word.rstrip("!+")
        if _ORDINAL_OR_TIME.match(word) or not any(c in LEET for c in word):
            continue
        spans.append((start, start + len(word)))
    return spans


_LEET_TABLE = str.maketrans(LEET)


def _fold_characters(text: str) -> tuple[list[str], list[int]]:
    """NFKC, lower case, homoglyphs, zero-width removal, accents stripped, emoji named.

    ASCII runs are copied whole; only the other characters are looked at one by one.
    """
    chars: list[str] = []
    index: list[int] = []
    done = 0
    for match in _NON_ASCII.finditer(text):
        position = match.start()
        if position > done:
            chars.extend(text[done:position].lower())
            index.extend(range(done, position))
        done = position + 1
        for piece in _fold_one(match.group()):
            chars.append(piece)
            index.append(position)
    if done < len(text):
        chars.extend(text[done:].lower())
        index.extend(range(done, len(text)))
    return chars, index


@lru_cache(maxsize=4096)
def _fold_one(char: str) -> str:
    if char in ZERO_WIDTH:
        return ""
    if unicodedata.category(char) == "So":  # emoji and other symbols: their name carries the meaning
        name = unicodedata.name(char, "").lower()
        return f" {name} " if name else ""
    pieces = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", char))
    # Combining accents go ("fàg" -> "fag"); look-alike letters become Latin ones.
    return "".join(p for p in pieces if unicodedata.category(p) != "Mn").lower().translate(HOMOGLYPHS)


def _decode_leet(chars: list[str], index: list[int]) -> tuple[list[str], list[int]]:
    for start, end in _leet_words("".join(chars)):
        for position in range(start, end):
            chars[position] = LEET.get(chars[position], chars[position])
    return chars, index


def _join_spaced_letters(chars: list[str], index: list[int]) -> tuple[list[str], list[int]]:
    joined = "".join(chars)
    drop: set[int] = set()
    for match in _spaced_runs(joined):
        drop.update(p for p in range(match.start(), match.end()) if joined[p] in _SEPARATORS)
    if not drop:
        return chars, index
    keep = [p for p in range(len(chars)) if p not in drop]
    return [chars[p] for p in keep], [index[p] for p in keep]


def _cut_repeats(chars: list[str], index: list[int]) -> tuple[list[str], list[int]]:
    joined = "".join(chars)
    drop: set[int] = set()
    for match in _REPEATS.finditer(joined):
        drop.update(range(match.start() + 2, match.end()))
    if not drop:
        return chars, index
    keep = [p for p in range(len(chars)) if p not in drop]
    return [chars[p] for p in keep], [index[p] for p in keep]
