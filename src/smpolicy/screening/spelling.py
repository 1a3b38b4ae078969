"""Undo one dropped or swapped letter in a lexicon word ("mslims are vermn" -> "muslims are vermin").

Normalisation undoes obfuscation that keeps every letter (leetspeak, spacing, repeats); this
step handles the ones that lose or move a letter, which defeat whole-word lexicons. The table
(``lexicons/spelling.tsv``, built by ``scripts/build_spelling_variants.py``) lists only
variants that are not English words, so a real word ("midge", "itch") is never rewritten into
a slur. The repaired text keeps the way back to the caller's words: a finding's evidence is the
misspelt word as written.
"""

from __future__ import annotations

from functools import cache

from smpolicy.screening.lexicon import LEXICON_DIR
from smpolicy.screening.normalise import NormalisedText, normalise
from smpolicy.screening.scan import SHARED, scan


@cache
def _variants() -> dict[str, str]:
    with (LEXICON_DIR / "spelling.tsv").open(encoding="utf-8") as table:
        rows = (line.rstrip("\n").split("\t") for line in table if not line.startswith("#"))
        return {variant: word for variant, word in rows}


@cache
def _lexicon_id() -> int:
    """The misspellings as one more lexicon of the shared scan, which reads every post anyway:
    a post without any costs nothing more, and its scan is the one the detectors reuse."""
    return SHARED.add_lexicon({variant: (word, None) for variant, word in _variants().items()})


def repair_spelling(post: NormalisedText) -> NormalisedText:
    """``post`` with each known misspelling replaced by its lexicon word (itself when none)."""
    lexicon = _lexicon_id()  # registered first: registering later would outdate this scan
    hits = scan(post.text).terms.get(lexicon)
    if not hits:
        return post
    text = post.text
    index = post.offsets if post.offsets is not None else range(len(post.original))
    pieces: list[str] = []
    offsets: list[int] = []
    done = 0
    for start, end, word, _ in hits:
        pieces.append(text[done:start])
        offsets.extend(index[done:start])
        pieces.append(word)
        # The word's letters all point into the misspelt word, so evidence shows it as written.
        offsets.extend(index[min(start + i, end - 1)] for i in range(len(word)))
        done = end
    pieces.append(text[done:])
    offsets.extend(index[done:])
    return NormalisedText(post.original, "".join(pieces), tuple(offsets))


def prepared(text: str) -> NormalisedText:
    """What every detector reads: the post normalised, then its misspellings repaired."""
    return repair_spelling(normalise(text))
