"""Write ``lexicons/spelling.tsv``: misspellings of lexicon words that are not English words.

People dodge word filters by dropping or swapping a letter ("mslims", "vermn", "retrad"), or
by splitting a word with a space ("mus lims", "ver min"). For every word of the discrimination
and harassment lexicons (slurs, group words, derogatory predicates, hostile verbs, insults)
and the one-word identity references of the 6.4(c) target gate ("synagogue", "nigerian")
this lists each variant with one letter dropped, or two neighbouring letters swapped, keeping
the first letter, then throws away:

- variants shorter than four letters (too many short strings are something else);
- variants that are English words or common spellings in their own right: a variant is kept
  only if wordfreq's English lists give it a zipf frequency under ``--max-zipf`` (default 1.0,
  fewer than about one in a hundred million words), so "midge", "niger", "itch" or a common
  typo of another word ("hte") stay as they are; for identity words (``identity_words``)
  under ``--max-identity-zipf`` (default 2.0): "wome" (1.7) is a typo of "women", and a
  repaired identity word names a group without flagging anything: the words around it must;
  for the hostile words said of a group (``hostile_words``: "thieves", "useless") under
  ``--max-hostile-zipf`` (default 1.6): their common typos ("theives" 1.6, "usless" 1.3)
  are what people write, and a repaired hostile word flags nothing without a group before it;
- variants that are themselves lexicon words, or that two lexicon words share (ambiguous);
- known abbreviations (``ABBREVIATIONS``: "lesb" is short for lesbian, not a misspelt slur)
  and rare English words (``RARE_WORDS``: "morns").

Then it splits each word of four letters or more, its plural, and each kept misspelling of a
slur ("nig gres") in two at every point, and keeps a split "left right" only when joining it is
safe (misspellings of the other words split too would add 9,000 more rows, and every row costs
start-up time: the shared scan's automaton is remade as each detector adds its words):

- both parts have two letters or more (a lone letter is an initial, a unit or a spaced-out
  word, which ``normalise`` joins already);
- neither part is a lexicon word itself: that part is found on its own, with its own homonym
  senses ("a fag got me through the meeting" stays a "fag");
- the two parts are unlikely to stand side by side in English by chance: the sum of their zipf
  frequencies is under ``--max-split-zipf`` (default 8.0, so that two words drawn at random
  by their frequencies would make the pair fewer than once in ten billion pairs). Two real
  words fail it ("who re" 11.5, "she male" 11.2, "red skin" 10.2, "pak is" 10.5, "co on"
  12.1), a fragment passes ("mus lims" 4.9, "ver min" 7.8, "nig gers" 5.0).

Slurs and their plurals are also cut in three ("tr ann ies", "sp ast ics") where no part is a
lexicon word and the three parts' zipf frequencies add up to under ``--max-split3-zipf``
(default 12.0, the same odds for three words as 8.0 for two): "re ta rd" (13.4) and
"red sk in" (16.1) stay as they are. Three-part cuts of the other words would add thousands
of rows for words that flag nothing on their own.

Last come identity phrases with a misspelt first word before "people", "men", "women" or
"folk" (``people_phrases``: "tarns people", under ``--max-people-zipf``, default 3.5) and
three-letter group words with digits for letters (``leet_short_words``: "g4y").

It also writes ``lexicons/not_glued.txt``: the English words (wordninja's list, the one
``glued.py`` reads, and wordfreq's 100,000 commonest) that ``spelling.glued_parts`` could
spell as words run together around a slur or group word ("blackout", "coonskin",
"polishing"), which ``spelling.split_glued`` must leave whole, and the common words that
hold a slur or group word ("staff", "hospice"), from which it must not cut one.

The engine only reads the tables this writes (one ``variant<TAB>word`` per line: read in
a millisecond, where YAML took 18); wordfreq is needed to rebuild it, not to run:

    .venv/bin/pip install 'smpolicy[spelling-data]'
    .venv/bin/python scripts/build_spelling_variants.py
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

import yaml
from wordfreq import top_n_list, zipf_frequency

LEXICONS = Path(__file__).resolve().parent.parent / "src" / "smpolicy" / "screening" / "lexicons"
SOURCES = {
    "discrimination": ("slurs", "groups", "group_singulars", "derogatory", "abusive_adjectives",
                       "hostile_verbs", "hostile_words"),
    "harassment": ("insults", "insulting_adjectives"),
}
MIN_LENGTH = 4
MIN_PART = 2
# Abbreviations in their own right, too rare for wordfreq, that a letter drop would turn into a
# slur: "lesb" is short for lesbian ("the lesb book club"), not a misspelt "lesbo".
ABBREVIATIONS = frozenset({"lesb"})
# English words rarer than ``--max-hostile-zipf`` that are one letter from a hostile word.
RARE_WORDS = frozenset({"morns"})
# Numbers for letters that leetspeak decoding cannot read ("h8" is too short to decode, and
# decodes "h8ers" to "hbers"): the written or decoded form, and the word.
NUMBER_WORDS = {"h8": "hate", "h8ed": "hated", "hbers": "haters", "hbful": "hateful",
                "hbing": "hating", "hbred": "hatred"}
# Words written together to dodge a filter ("allmuslims", "killthegays", "hateblack people"):
# a lead before a group word, joined to it, or a group word joined to the verb after it.
# Leads: the determiners, hostile calls and verbs that the discrimination templates read.
JOIN_LEADS = (
    "all", "the", "those", "kill", "kill all", "kill the", "gas the", "ban", "deport", "death to",
    "hate", "i hate", "fuck", "fucking", "hang", "get rid of",
)
JOIN_FOLLOWERS = ("are", "should")
# Joined forms that name something else: the New Zealand rugby team.
JOIN_EXCEPTIONS = frozenset({"allblacks", "theallblacks"})


# Nouns after which a misspelt word is read as the identity word it is one letter from
# ("tarns people", "bind people": no one writes those): see ``people_phrases``.
PEOPLE_NOUNS = ("people", "men", "women", "folk")
# Group singulars that are nouns, not adjectives: "girl people" or "pole people" is no phrase.
NOUN_SINGULARS = frozenset({"girl", "woman", "female", "pole", "jew", "gypsy", "traveller",
                            "immigrant", "migrant", "refugee", "foreigner", "pensioner", "oap",
                            "boomer", "cripple"})
LEET_DIGITS = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}


def identity_words() -> set[str]:
    """The one-word terms that name a protected characteristic or its people ("women",
    "synagogue"): the 6.4(c) target gate's words. Their misspellings are kept up to
    ``--max-identity-zipf``: a typo of "women" ("wome", zipf 1.7) is rare enough to mean it."""
    data = yaml.safe_load((LEXICONS / "discrimination.yaml").read_text(encoding="utf-8"))
    terms = {t.lower() for key in ("groups", "group_singulars", "identity_references")
             for words in data[key].values() for t in words}
    return {t for t in terms if re.fullmatch(r"[a-z]+", t)}


def people_phrases(max_zipf: float) -> dict[str, str]:
    """Each identity phrase of a word and a noun for people ("trans people", "blind people",
    and every group singular before "people") with its first word misspelt (one letter
    dropped or two swapped, three letters or more left), mapped to the phrase: "tarns
    people", "asain people", "yung people". The misspelling alone may be a rare word
    ("tarns"), but not before "people"; words of zipf ``max_zipf`` or more (about three in
    a million words: "back", "bind", "disable") are left alone, as "welcome back people"
    must stay as it is."""
    data = yaml.safe_load((LEXICONS / "discrimination.yaml").read_text(encoding="utf-8"))
    phrases = {t.lower() for key in ("groups", "identity_references")
               for words in data[key].values() for t in words}
    phrases |= {f"{t.lower()} people" for words in data["group_singulars"].values() for t in words
                if t.lower() not in NOUN_SINGULARS}
    words = lexicon_words()
    forms: dict[str, set[str]] = defaultdict(set)
    for phrase in phrases:
        parts = phrase.split()
        if len(parts) != 2 or parts[1] not in PEOPLE_NOUNS or len(parts[0]) < 3:
            continue
        first = parts[0]
        dropped = {first[:i] + first[i + 1:] for i in range(1, len(first))}
        swapped = {first[:i] + first[i + 1] + first[i] + first[i + 2:]
                   for i in range(1, len(first) - 1)}
        for variant in dropped | swapped:
            if (variant != first and len(variant) >= 3 and variant not in words
                    and zipf_frequency(variant, "en") < max_zipf):
                forms[f"{variant} {parts[1]}"].add(phrase)
    return {form: next(iter(p)) for form, p in forms.items() if len(p) == 1}


def leet_short_words() -> dict[str, str]:
    """Three-letter group words with digits for letters ("g4y", "m3n"): too short for
    ``normalise`` to decode (it reads "a4" or "m3n" as a code, not leetspeak)."""
    data = yaml.safe_load((LEXICONS / "discrimination.yaml").read_text(encoding="utf-8"))
    short = {t.lower() for key in ("groups", "group_singulars") for words in data[key].values()
             for t in words if re.fullmatch(r"[a-z]{3}", t)}
    out = {}
    for word in short:
        for mask in range(1, 2 ** len(word)):
            form = "".join(LEET_DIGITS.get(c, c) if mask >> i & 1 else c
                           for i, c in enumerate(word))
            if form != word and any(c.isalpha() for c in form):
                out[form] = word
                out[form + "s"] = word + "s"
    return out


def slur_words() -> set[str]:
    """The one-word slurs and their plurals: the words a post is flagged for on their own."""
    data = yaml.safe_load((LEXICONS / "discrimination.yaml").read_text(encoding="utf-8"))
    words = {term for term in data["slurs"] if re.fullmatch(r"[a-z]+", term)}
    return words | {word + "s" for word in words}


def predicate_words() -> set[str]:
    """The one-word hostile things said of a group ("vermin", "filthy", "useless"): what the
    derogatory templates read after a group word."""
    data = yaml.safe_load((LEXICONS / "discrimination.yaml").read_text(encoding="utf-8"))
    harassment = yaml.safe_load((LEXICONS / "harassment.yaml").read_text(encoding="utf-8"))
    entries = [*data["derogatory"], *data["abusive_adjectives"],
               *harassment["insulting_adjectives"]]
    return {e.lower() for e in entries if re.fullmatch(r"[a-z]+", e.lower())}


def not_glued_words() -> list[str]:
    """English words (wordninja's list and wordfreq's 100,000 commonest: "homegirl",
    "ladyboys") that ``spelling.glued_parts`` would split, and the common ones (zipf 3 or
    more) that hold a slur or group word inside them ("staff", "hospice", "mustard"), which
    ``split_glued`` must not cut a name from ("lgbtstaff" is not "lgbts taff")."""
    import gzip

    import wordninja

    from smpolicy.screening.spelling import glued_parts

    path = Path(wordninja.__file__).parent / "wordninja" / "wordninja_words.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        words = {w for w in handle.read().split() if re.fullmatch(r"[a-z]{5,}", w)}
    words |= {w for w in top_n_list("en", 100_000) if re.fullmatch(r"[a-z]{5,}", w)}
    from smpolicy.screening.spelling import _glue

    names = _glue().names
    common = [w for w in top_n_list("en", 100_000)
              if re.fullmatch(r"[a-z]{5,}", w) and w not in names
              and zipf_frequency(w, "en") >= 3.0]
    carriers = {w for w in common for name in names
                if name in w and w not in (name + "s", name + "es")}
    return sorted({w for w in words if glued_parts(w, english=False)} | carriers)


def lexicon_words(phrase_slurs: bool = True) -> set[str]:
    """The lexicons' words; without the words found only in a slur of two words or more
    (``phrase_slurs=False``: "nig" of "nig nog" is never found on its own, so it does not stop
    "nig gre" from being joined)."""
    words: set[str] = set()
    for name, keys in SOURCES.items():
        data = yaml.safe_load((LEXICONS / f"{name}.yaml").read_text(encoding="utf-8"))
        if not phrase_slurs and "slurs" in data:
            data["slurs"] = {term: v for term, v in data["slurs"].items() if " " not in term}
        for key in keys:
            words.update(_words_in(data[key]))
    # The one-word identity references ("synagogue", "nigerian"), not the words of their
    # phrases ("where they came from": "the", "came" are no lexicon words).
    words |= {w for w in identity_words() if len(w) >= MIN_LENGTH}
    return {w for w in words if re.fullmatch(r"[a-z]+", w)}


def group_terms() -> set[str]:
    """The group words ("muslims", "black people") and the one-word slurs' plurals ("pakis"):
    what a joined lead or verb hides."""
    data = yaml.safe_load((LEXICONS / "discrimination.yaml").read_text(encoding="utf-8"))
    groups = {w.lower() for words in data["groups"].values() for w in words}
    plurals = {_plural(term) for term in data["slurs"] if re.fullmatch(r"[a-z]+", term)}
    return {g for g in groups | plurals - {None} if re.fullmatch(r"[a-z]+(?: [a-z]+)*", g)}


def _plural(word: str) -> str | None:
    """The plural of a one-word slur for people; None for what is no noun ("retarded")."""
    if word.endswith("s"):
        return word
    if word.endswith(("ed", "z", "x", "sh", "ch")):
        return None
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def joined_forms(max_zipf: float) -> dict[str, str]:
    """Each lead + group phrase ("kill the gays") written with the space before the group word,
    or every space, left out ("kill thegays", "killthegays"); each group phrase written as one
    word ("blackpeople"); each group word joined to a verb after it ("muslimsare" -> "muslims
    are"). A joined token must not be an English word (zipf under ``max_zipf``)."""
    forms: dict[str, set[str]] = defaultdict(set)
    groups = group_terms()
    for group in groups:
        if " " in group:
            forms[group.replace(" ", "")].add(group)
        for lead in JOIN_LEADS:
            phrase = f"{lead} {group}"
            forms[f"{lead}{group}"].add(phrase)
            forms[phrase.replace(" ", "")].add(phrase)
        for follower in JOIN_FOLLOWERS:
            forms[f"{group}{follower}"].add(f"{group} {follower}")
    return {
        form: next(iter(phrases)) for form, phrases in forms.items()
        if len(phrases) == 1 and form not in JOIN_EXCEPTIONS and form not in groups
        and all(zipf_frequency(token, "en") < max_zipf
                for token in form.split() if token not in next(iter(phrases)).split())
    }


def _words_in(value: object) -> list[str]:
    """Words of a lexicon entry. In a mapping, the words are the values (``groups``: a
    characteristic's word list), except for ``slurs``, whose keys are the terms (its values are
    the characteristic and a score)."""
    if isinstance(value, dict):
        is_slurs = all(isinstance(v, list) and isinstance(v[-1], float) for v in value.values())
        return [w for part in (value.keys() if is_slurs else value.values())
                for w in _words_in(part)]
    if isinstance(value, list):
        return [w for item in value for w in _words_in(item)]
    if isinstance(value, str):
        return value.lower().split()
    return []


def variants(word: str) -> set[str]:
    dropped = {word[:i] + word[i + 1:] for i in range(1, len(word))}
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1)}
    return {v for v in dropped | swapped if v != word and len(v) >= MIN_LENGTH}


def splits(word: str) -> list[tuple[str, str]]:
    """``word`` cut in two at each point that leaves both parts ``MIN_PART`` letters or more."""
    return [(word[:i], word[i:]) for i in range(MIN_PART, len(word) - MIN_PART + 1)]


def three_part_splits(words: set[str], max_zipf: float) -> dict[str, str]:
    """Each slur and plural cut in three parts of two letters or more, none a lexicon word,
    whose zipf frequencies add up to under ``max_zipf`` ("tr ann ies" -> "trannies")."""
    forms: dict[str, set[str]] = defaultdict(set)
    for word in slur_words():
        for i in range(MIN_PART, len(word) - 2 * MIN_PART + 1):
            for j in range(i + MIN_PART, len(word) - MIN_PART + 1):
                parts = (word[:i], word[i:j], word[j:])
                if not any(part in words for part in parts) and sum(
                        zipf_frequency(part, "en") for part in parts) < max_zipf:
                    forms[" ".join(parts)].add(word)
    return {form: next(iter(origin)) for form, origin in forms.items() if len(origin) == 1}


def safe_join(left: str, right: str, words: set[str], max_split_zipf: float) -> bool:
    """Whether "left right" may be read as one word (see the module docstring)."""
    if left in words or right in words:
        return False
    return zipf_frequency(left, "en") + zipf_frequency(right, "en") < max_split_zipf


def build(max_zipf: float, max_split_zipf: float, max_identity_zipf: float = 2.0,
          max_people_zipf: float = 3.5, max_hostile_zipf: float = 1.6,
          max_split3_zipf: float = 12.0) -> dict[str, str]:
    words = lexicon_words()
    blockers = lexicon_words(phrase_slurs=False)  # a split part that is one of these: no join
    identities = identity_words()
    predicates = predicate_words()
    limits = {**{w: max_hostile_zipf for w in predicates}, **{w: max_identity_zipf for w in identities}}
    sources: dict[str, set[str]] = defaultdict(set)
    for word in words:
        for variant in variants(word):
            sources[variant].add(word)
    table = {
        variant: next(iter(origin))
        for variant, origin in sorted(sources.items())
        if len(origin) == 1 and variant not in words
        and variant not in ABBREVIATIONS | RARE_WORDS
        and zipf_frequency(variant, "en") < limits.get(next(iter(origin)), max_zipf)
    }
    # Split forms of each word, of its plural and of each kept misspelling of a slur, mapped to
    # the word.
    whole = {w: w for w in words if len(w) >= MIN_LENGTH}
    whole |= {w + "s": w + "s" for w in whole
              if not w.endswith(("s", "ed", "ing")) and w + "s" not in words}
    slurs = slur_words()
    misspelt = {variant: word for variant, word in table.items() if word in slurs}
    split_sources: dict[str, set[str]] = defaultdict(set)
    for written, word in [*whole.items(), *misspelt.items()]:
        for left, right in splits(written):
            if safe_join(left, right, blockers, max_split_zipf):
                split_sources[f"{left} {right}"].add(word)
    table.update(
        (variant, next(iter(origin)))
        for variant, origin in split_sources.items()
        if len(origin) == 1 and variant not in words
    )
    for form, word in three_part_splits(blockers, max_split3_zipf).items():
        table.setdefault(form, word)
    for form, phrase in joined_forms(max_zipf).items():
        table.setdefault(form, phrase)
    for form, phrase in people_phrases(max_people_zipf).items():
        table.setdefault(form, phrase)
    for form, word in leet_short_words().items():
        table.setdefault(form, word)
    table.update(NUMBER_WORDS)
    return dict(sorted(table.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-zipf", type=float, default=1.0)
    parser.add_argument("--max-split-zipf", type=float, default=8.0)
    parser.add_argument("--max-identity-zipf", type=float, default=2.0)
    parser.add_argument("--max-people-zipf", type=float, default=3.5)
    parser.add_argument("--max-hostile-zipf", type=float, default=1.6)
    parser.add_argument("--max-split3-zipf", type=float, default=12.0)
    parser.add_argument("--out", type=Path, default=LEXICONS / "spelling.tsv")
    parser.add_argument("--not-glued", type=Path, default=LEXICONS / "not_glued.txt")
    args = parser.parse_args()
    table = build(args.max_zipf, args.max_split_zipf, args.max_identity_zipf,
                  args.max_people_zipf, args.max_hostile_zipf, args.max_split3_zipf)
    header = (
        "# Generated by scripts/build_spelling_variants.py: do not edit by hand.\n"
        "# Misspellings of lexicon words (one letter dropped or two swapped) that are not English\n"
        f"# words by wordfreq's English lists (zipf < {args.max_zipf}), and words split in two\n"
        "# by a space whose parts are neither lexicon words nor likely neighbours in English\n"
        f"# (zipf sum < {args.max_split_zipf}). wordfreq's data is CC BY-SA 4.0\n"
        "# (https://github.com/rspeer/wordfreq); only the frequencies of these strings were used.\n"
    )
    body = "".join(f"{variant}\t{word}\n" for variant, word in sorted(table.items()))
    args.out.write_text(header + body, encoding="utf-8")
    print(f"{len(table)} variants of {len(set(table.values()))} words -> {args.out}")
    english = not_glued_words()
    args.not_glued.write_text(
        "# Generated by scripts/build_spelling_variants.py: do not edit by hand.\n"
        "# English words (wordninja's word list, MIT; wordfreq's commonest, CC BY-SA 4.0) that\n"
        "# spelling.glued_parts could read as words run together around a slur or group word,\n"
        "# and common words that hold one (staff): split_glued leaves them whole.\n"
        + "".join(f"{word}\n" for word in english), encoding="utf-8")
    print(f"{len(english)} English words left whole -> {args.not_glued}")


if __name__ == "__main__":
    main()
