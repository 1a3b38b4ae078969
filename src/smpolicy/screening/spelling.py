"""Undo one dropped or swapped letter, or a space, in a lexicon word ("mslims are ver min" ->
"muslims are vermin"), and a letter repeated to dodge a filter ("muslimsssss" -> "muslims").

Normalisation undoes obfuscation that keeps every letter (leetspeak, spaced-out letters,
repeats); this step handles the ones that lose or move a letter, or cut a word in two, which
defeat whole-word lexicons. The table (``lexicons/spelling.tsv``, built by
``scripts/build_spelling_variants.py``) lists only variants that are not English words, and
splits whose parts are neither lexicon words nor likely neighbours in English, so a real word
("midge", "itch") or a real pair of words ("who re", "she male") is never rewritten into a
slur. The repaired text keeps the way back to the caller's words: a finding's evidence is the
misspelt word as written.

Repeats: ``normalise`` cuts a run of three or more of one letter to two, as it cannot know
whether the word has one or two ("stuuuupid", "killlll"); here, where a cut run left a word
that is no lexicon word but would be one with a single letter ("muslimss", "mmosque",
"chriistians"), the single letter is kept. Only posts whose text the normaliser changed in
length (``offsets`` set) can hold a cut run, so plain posts cost nothing more.
"""

from __future__ import annotations

import re
from functools import cache

from smpolicy.screening.lexicon import LEXICON_DIR
from smpolicy.screening.normalise import NormalisedText, normalise
from smpolicy.screening.scan import SHARED, TermHit, registers_words, scan


@cache
def _variants() -> dict[str, str]:
    # Read whole and split, not line by line: half the time for its 10,000 rows (~2.5 ms).
    text = (LEXICON_DIR / "spelling.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t") for line in text.splitlines() if line and line[0] != "#")


@cache
def repaired_words() -> frozenset[str]:
    """Every word the table repairs to."""
    return frozenset(_variants().values())


_DOUBLE = re.compile(r"([a-z])\1")


def _single_letters(post: NormalisedText) -> NormalisedText:
    """``post`` with each run the normaliser cut to two letters cut to one where only that
    makes a lexicon word or a known misspelling of one (see the module docstring)."""
    if post.offsets is None:  # nothing was cut: the text has the original's length
        return post
    text, original, offsets = post.text, post.original, list(post.offsets)
    drop = []
    for match in _DOUBLE.finditer(text):
        position = match.start()
        after = offsets[position + 1] + 1
        if after >= len(original) or original[after].lower() != text[position]:
            continue  # a double letter as written, not what is left of a longer run
        start, end = position, position + 2
        while start and text[start - 1].isalpha():
            start -= 1
        while end < len(text) and text[end].isalpha():
            end += 1
        word = text[start:end]
        single = text[start:position] + text[position + 1:end]
        if word not in repaired_words() and (single in repaired_words() or single in _variants()):
            while after < len(original) and original[after].lower() == text[position]:
                after += 1
            if position > start:  # the letter left stands for the whole run: evidence ends
                offsets[position] = after - 1  # after it ("Muslimsssss", not "Muslims")
            drop.append(position + 1)
    if not drop:
        return post
    dropped = set(drop)
    keep = [i for i in range(len(text)) if i not in dropped]
    return NormalisedText(original, "".join(text[i] for i in keep),
                          tuple(offsets[i] for i in keep))


@registers_words
@cache
def _lexicon_id() -> int:
    """The misspellings as one more lexicon of the shared scan, which reads every post anyway:
    a post without any costs nothing more, and its scan is the one the detectors reuse."""
    return SHARED.add_lexicon({variant: (word, None) for variant, word in _variants().items()})


def repair_spelling(post: NormalisedText) -> NormalisedText:
    """``post`` with each known misspelling replaced by its lexicon word (itself when none)."""
    lexicon = _lexicon_id()  # registered first: registering later would outdate this scan
    post = _single_letters(post)
    hits = scan(post.text).terms.get(lexicon)
    if not hits:
        return post
    text = post.text
    index = post.offsets if post.offsets is not None else range(len(post.original))
    pieces: list[str] = []
    offsets: list[int] = []
    done = 0
    for start, end, word, _ in hits:
        if start < done:  # overlaps a longer repair already made ("lesb" inside "lesb ians")
            continue
        if len(hits) > 1:
            end, word = _longest_from(hits, start, end, word)
        pieces.append(text[done:start])
        offsets.extend(index[done:start])
        pieces.append(word)
        # The word's letters all point into the misspelt word, the last at its last letter,
        # so evidence shows it as written ("mus lims", not "mus lim").
        last = len(word) - 1
        offsets.extend(index[end - 1 if i == last else min(start + i, end - 1)]
                       for i in range(len(word)))
        done = end
    pieces.append(text[done:])
    offsets.extend(index[done:])
    return NormalisedText(post.original, "".join(pieces), tuple(offsets))


def _longest_from(hits: list[TermHit], start: int, end: int, word: str) -> tuple[int, str]:
    """The end and word of the longest repair starting at ``start`` (hits are in span order)."""
    for hit in hits:
        if hit.start == start and hit.end > end:
            end, word = hit.end, hit.term
    return end, word


def prepared(text: str) -> NormalisedText:
    """What every detector reads: the post normalised, then its misspellings repaired."""
    return repair_spelling(normalise(text))
