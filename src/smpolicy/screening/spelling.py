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

Words run together: past the joins the table lists ("allmuslims", "muslimsare"),
``split_glued`` splits a token in which a slur or group word is run into other words of the
lexicons ("fuckingpakis", "muslimsarefilthy"), behind a gate of the shared scan that only a
name inside a longer word opens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

import ahocorasick

from smpolicy.screening.glued import cover
from smpolicy.screening.lexicon import LEXICON_DIR, load_lexicon
from smpolicy.screening.normalise import NormalisedText, normalise
from smpolicy.screening.scan import INSIDE, SHARED, TermHit, registers_words, scan


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
        offsets.extend(index[start + i] for i in _aligned(text[start:end], word))
        done = end
    pieces.append(text[done:])
    offsets.extend(index[done:])
    return NormalisedText(post.original, "".join(pieces), tuple(offsets))


def _aligned(written: str, word: str) -> list[int]:
    """For each character of a repair ``word``, the index in the ``written`` form it stands for:
    the same letter where the two agree, a letter put back or a space put in ("hatemuslims" ->
    "hate muslims") standing for the letter before it, so that every word of the repair points
    at its own letters as written ("muslims", not "uslims"); the last at the last letter, so
    evidence shows the whole word as written ("mus lims", not "mus lim")."""
    if written == word:
        return list(range(len(word)))
    positions: list[int] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, written, word, autojunk=False).get_opcodes():
        if tag == "equal":
            positions.extend(range(i1, i2))
        elif tag == "replace":
            positions.extend(i1 + min(j - j1, i2 - i1 - 1) for j in range(j1, j2))
        elif tag == "insert":
            positions.extend([max(i1 - 1, 0)] * (j2 - j1))
    positions[-1] = len(written) - 1
    return positions


def _longest_from(hits: list[TermHit], start: int, end: int, word: str) -> tuple[int, str]:
    """The end and word of the longest repair starting at ``start`` (hits are in span order)."""
    for hit in hits:
        if hit.start == start and hit.end > end:
            end, word = hit.end, hit.term
    return end, word


# Words that join a group word or a slur to what is said of it, besides the lexicons' own
# words ("muslimsarefilthy", "wogsout", "cripplesshouldstayhome").
_JOINING_WORDS = frozenset({
    "i", "we", "you", "they", "them", "all", "the", "those", "these", "are", "is", "be",
    "should", "must", "so", "just", "such", "really", "and", "of", "at", "in", "out", "on",
    "off", "go", "get", "back", "home", "stay", "to", "no", "not", "more", "people", "men",
    "women", "folk", "lot", "bunch", "some", "too", "very", "lol"})
_TOKEN_LETTER = re.compile(r"[a-z]")


@dataclass(frozen=True, slots=True)
class _Glue:
    """What ``split_glued`` reads words run together with (see its docstring)."""

    names: frozenset[str]  # one-word slurs and identity words, four letters or more, and plurals
    phrases: frozenset[str]  # identity phrases of two or three words ("old people")
    words: frozenset[str]  # every word a glued token may be made of, names included
    longest: int
    finder: ahocorasick.Automaton  # names and phrases written as one word
    not_glued: frozenset[str]  # English words to leave whole ("blackout", "staff")


@cache
def _glue() -> _Glue:
    data = load_lexicon("discrimination")
    harassment = load_lexicon("harassment")
    identities = {term.lower() for key in ("groups", "group_singulars", "identity_references")
                  for words in data[key].values() for term in words}
    slurs = {term.lower() for term in data["slurs"]}
    one_word = {t for t in identities | slurs if re.fullmatch(r"[a-z]{3,}", t)}
    plurals = {t[:-1] + "ies" if t.endswith("y") else t + "es" if t.endswith(("sh", "ch", "x"))
               else t + "s" for t in one_word if not t.endswith(("s", "ed", "men", "people"))}
    # Not the three-letter words ("gay", "old", "men"): parts of too many other words.
    names = frozenset(t for t in one_word | plurals if len(t) >= 4)
    phrases = frozenset(t for t in identities if re.fullmatch(r"[a-z]+(?: [a-z]+){1,2}", t))
    listed = [data[key] for key in ("derogatory", "abusive_adjectives", "hostile_verbs",
                                    "hostile_fates", "hostile_words", "hostile_calls",
                                    "person_words")]
    listed += [harassment[key] for key in ("insults", "insulting_adjectives")]
    words = {w for entries in listed for entry in entries for w in re.findall(r"[a-z]+", entry)}
    words |= {w for phrase in phrases for w in phrase.split()} | _JOINING_WORDS
    words = {w for w in words if len(w) > 1 or w == "i"} | names
    finder = ahocorasick.Automaton()
    for name in names | {p.replace(" ", "") for p in phrases}:
        finder.add_word(name, len(name))
    finder.make_automaton()
    path = LEXICON_DIR / "not_glued.txt"  # absent only while the build script first writes it
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return _Glue(names, phrases, frozenset(words), max(map(len, words)), finder,
                 frozenset(line for line in lines if line and line[0] != "#"))


@registers_words
@cache
def _glue_gate() -> int:
    """A gate of the shared scan opened by a name or phrase of ``_Glue`` inside a longer word:
    the cheap necessary condition for ``split_glued`` (nearly every post has none)."""
    glue = _glue()
    names = glue.names | {p.replace(" ", "") for p in glue.phrases}
    # A name that begins another ("migrant" in "migrants", "trans" in "transgender") counts
    # only with a letter before it ("stupidmigrant"), one that ends another ("tard" in
    # "retard") only with a letter after it, or the other's every use would open the gate.
    # Only one-word names count as the others: a phrase written as one word ("transwomen")
    # is rare, and "women" must still open it in "stupidwomen".
    begins = {other[:i] for other in glue.names for i in range(4, len(other))}
    ends = {other[-i:] for other in glue.names for i in range(4, len(other))}
    literals = set()
    for name in names:
        before, after = name not in ends, name not in begins
        if before or after:
            literals.add((INSIDE if before else "") + name + (INSIDE if after else ""))
    return SHARED.add_gate(frozenset(literals))


def glued_parts(token: str, *, english: bool = True) -> list[str] | None:
    """The words of a token of words run together that names a group or uses a slur
    ("stupidwomen": "stupid women"), or None: it is an English word ("blackout",
    ``lexicons/not_glued.txt``; ``english=False`` reads past that list, to build it), a
    name in it would be cut from one of those words ("lgbtstaff": not "lgbts taff"), cannot
    be spelt from the lexicons' words and ``_JOINING_WORDS`` ("coonamble", "scunthorpe"), or
    names no one once split."""
    glue = _glue()
    if token in glue.names or (english and token in glue.not_glued):
        return None
    parts = cover(token, glue.words, glue.longest)
    if parts is None or len(parts) < 2 or (english and _straddled(token, parts)):
        return None
    if any(part in glue.names for part in parts) or any(
            " ".join(parts[i:i + n]) in glue.phrases
            for n in (2, 3) for i in range(len(parts) - n + 1)):
        return parts
    return None


@cache
def _carriers() -> dict[str, tuple[str, ...]]:
    """Each name with the English words of ``not_glued.txt`` that hold it ("taff": "staff")."""
    glue = _glue()
    found: dict[str, list[str]] = {}
    for word in glue.not_glued:
        for last, length in glue.finder.iter(word):
            if length < len(word):
                found.setdefault(word[last - length + 1:last + 1], []).append(word)
    return {name: tuple(words) for name, words in found.items()}


def _straddled(token: str, parts: list[str]) -> bool:
    """Whether a name among ``parts`` is cut from an English word that holds it and runs past
    it in the token ("lgbtstaff" spelt "lgbts taff": "taff" is the end of "staff")."""
    carriers = None
    start = 0
    for part in parts:
        end = start + len(part)
        if part in _glue().names:
            carriers = carriers if carriers is not None else _carriers()
            for word in carriers.get(part, ()):
                at = token.find(word)
                while at != -1:
                    if at < end and start < at + len(word) and (at < start or at + len(word) > end):
                        return True
                    at = token.find(word, at + 1)
        start = end
    return False


def split_glued(post: NormalisedText) -> NormalisedText:
    """``post`` with each token of words run together around a slur or group word split into
    its words ("fuckingpakis", "muslimsarefilthy", "stupidwomen"), so the lexicon reads them
    as if spaced; a token after "@" (a user name) is left alone."""
    if not scan(post.text).gates & _glue_gate():
        return post
    text = post.text
    tokens: dict[tuple[int, int], list[str]] = {}
    for last, length in _glue().finder.iter(text):
        start, end = last - length + 1, last + 1
        while start and _TOKEN_LETTER.match(text[start - 1]):
            start -= 1
        while end < len(text) and _TOKEN_LETTER.match(text[end]):
            end += 1
        if (start, end) in tokens or end - start == length or (start and text[start - 1] == "@"):
            continue
        parts = glued_parts(text[start:end])
        if parts is not None:
            tokens[(start, end)] = parts
    if not tokens:
        return post
    index = post.offsets if post.offsets is not None else range(len(post.original))
    pieces: list[str] = []
    offsets: list[int] = []
    done = 0
    for (start, end), parts in sorted(tokens.items()):
        pieces.append(text[done:start])
        offsets.extend(index[done:start])
        position = start
        for number, part in enumerate(parts):
            if number:  # the space stands for the letter before it
                pieces.append(" ")
                offsets.append(index[position - 1])
            pieces.append(part)
            offsets.extend(index[position:position + len(part)])
            position += len(part)
        done = end
    pieces.append(text[done:])
    offsets.extend(index[done:])
    return NormalisedText(post.original, "".join(pieces), tuple(offsets))


def prepared(text: str) -> NormalisedText:
    """What every detector reads: the post normalised, its misspellings repaired, and words
    run together around a slur or group word split (then repaired again, as splitting can
    free a misspelt word: "disgustngtrannies")."""
    post = repair_spelling(normalise(text))
    split = split_glued(post)
    return post if split is post else repair_spelling(split)
