"""Disguise the identity words of posts the way people dodge word filters, reproducibly.

Why: the 6.4(c) target gate (``features.target_gate``) lets the classifier's reading count
only when the post names a protected characteristic, so a group word disguised past the
lexicon shuts the model out of exactly the posts written to dodge filters. This makes the
disguised posts to measure that on (``scripts/obfuscation_rates.py``): every word the lexicon
reads as naming a characteristic in the clean post (``identity_mentions``) is rewritten by one
kind of obfuscation, seeded per post and kind, so a run is repeatable. A post that names none
(an insult of one person) has one of its longer words rewritten instead, to measure that the
gate stays shut on it.

    .venv/bin/python scripts/obfuscate.py data/devset/obfuscation_heldout.jsonl --kind glue_after

Kinds (``KINDS``): spaces deleted around the word (``glue_before``: "alltheimmigrants" style
with the one or two words before, ``glue_after``: "muslimsare"), a space put inside it
(``split``: "mus lims"), every letter spaced (``spaced``), one letter dropped (``drop``) or
two neighbours swapped (``swap``), leetspeak (``leet``), mixed case (``mixed_case``), a letter
repeated (``repeat``), and look-alike Cyrillic letters (``homoglyph``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

LEET = {"a": "4@", "e": "3", "i": "1!", "o": "0", "s": "5$", "t": "7", "g": "9", "b": "8"}
CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і",
            "s": "ѕ"}
_WORD = re.compile(r"[A-Za-z]+")


def _glue_before(text: str, start: int, end: int, rng: random.Random) -> tuple[str, int, int]:
    """Delete the spaces before the word, joining one or two words before it."""
    words = rng.choice((1, 2))
    cut = start
    for _ in range(words):
        gap = re.search(r"\s+$", text[:cut])
        if gap is None:
            break
        previous = re.search(r"[A-Za-z']+$", text[: gap.start()])
        text = text[: gap.start()] + text[gap.end():]
        shift = gap.end() - gap.start()
        start, end = start - shift, end - shift
        if previous is None:
            break
        cut = previous.start()
    return text, start, end


def _glue_after(text: str, start: int, end: int, rng: random.Random) -> tuple[str, int, int]:
    """Delete the space after the word ("muslimsare vermin")."""
    gap = re.match(r"\s+(?=[A-Za-z])", text[end:])
    if gap is None:
        return text, start, end
    return text[:end] + text[end + gap.end():], start, end


def _within(word: str, rng: random.Random, kind: str) -> str:
    letters = list(word)
    n = len(letters)
    if kind == "split":
        if n < 4:
            return word
        cut = rng.randint(2, n - 2)
        return word[:cut] + " " + word[cut:]
    if kind == "spaced":
        return " ".join(word)
    if kind == "drop":
        if n < 4:
            return word
        i = rng.randint(1, n - 1)
        return word[:i] + word[i + 1:]
    if kind == "swap":
        choices = [i for i in range(1, n - 1) if letters[i] != letters[i + 1]]
        if n < 4 or not choices:
            return word
        i = rng.choice(choices)
        letters[i], letters[i + 1] = letters[i + 1], letters[i]
        return "".join(letters)
    if kind == "leet":
        spots = [i for i, c in enumerate(letters) if c.lower() in LEET]
        if not spots:
            return word
        chosen = [i for i in spots if rng.random() < 0.5] or [rng.choice(spots)]
        for i in chosen:
            letters[i] = rng.choice(LEET[letters[i].lower()])
        return "".join(letters)
    if kind == "mixed_case":
        out = "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in word)
        return out if out != word else word.swapcase()
    if kind == "repeat":
        i = rng.randrange(n)
        return word[: i + 1] + word[i] * rng.randint(2, 4) + word[i + 1:]
    if kind == "homoglyph":
        spots = [i for i, c in enumerate(letters) if c in CYRILLIC]
        if not spots:
            return word
        for i in rng.sample(spots, min(len(spots), rng.randint(1, 2))):
            letters[i] = CYRILLIC[letters[i]]
        return "".join(letters)
    raise ValueError(f"unknown kind {kind!r}")


KINDS = ("glue_before", "glue_after", "split", "spaced", "drop", "swap", "leet", "mixed_case",
         "repeat", "homoglyph")


def _target_words(text: str, mentions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The words to disguise: in each mention, its longest word other than "people", "folk"
    or "the" ("black people": "black"); with no mention, the caller picks one."""
    spans = []
    for start, end in mentions:
        words = [(m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])]
        named = [w for w in words if text[w[0]:w[1]].lower() not in {"people", "the", "folk"}]
        spans.append(max(named or words, key=lambda w: w[1] - w[0]))
    return spans


def obfuscate(text: str, kind: str, seed: int,
              mentions_of: Callable[[str], list[tuple[int, int]]]) -> str:
    """``text`` with its identity words (``mentions_of``: original-text spans) disguised by
    ``kind``; seeded by ``seed``, the text and the kind."""
    digest = hashlib.sha256(f"{seed}\x00{kind}\x00{text}".encode()).digest()
    rng = random.Random(int.from_bytes(digest[:8], "big"))
    spans = _target_words(text, mentions_of(text))
    if not spans:  # an insult of one person: one word of five letters or more, not the first
        words = [(m.start(), m.end()) for m in _WORD.finditer(text) if len(m.group()) >= 5]
        spans = [rng.choice(words[1:] or words)] if words else []
    for start, end in sorted(set(spans), reverse=True):  # right to left: spans stay valid
        if kind == "glue_before":
            text, _, _ = _glue_before(text, start, end, rng)
        elif kind == "glue_after":
            text, _, _ = _glue_after(text, start, end, rng)
        else:
            text = text[:start] + _within(text[start:end], rng, kind) + text[end:]
    return text


def lexicon_mentions(text: str) -> list[tuple[int, int]]:
    """Spans of the words the lexicon reads as naming a characteristic in ``text``."""
    from smpolicy.screening.detectors.discrimination import identity_mentions
    from smpolicy.screening.spelling import prepared

    return [(m.start, m.end) for m in identity_mentions(prepared(text))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="JSONL with a 'text' per line")
    parser.add_argument("--kind", choices=KINDS, required=True)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args(argv)
    for line in args.file.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        row["text"] = obfuscate(row["text"], args.kind, args.seed, lexicon_mentions)
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
