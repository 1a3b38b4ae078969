"""Whether a reclaimable word is used by one of its own group ("As dykes, we ...", "I'm just a
crazy cripple", "queer people like me"), read from the words nearest it.

Split from ``cues.py``, which reads counter-speech, negation and reports around every hit:
this reading is asked only of the rare reclaimable slur a post holds, so its patterns are
plain regexes with no gates to scan for. The patterns live in ``context.yaml`` (``in_group_*``,
``self_description_*``, ``out_group_before``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from smpolicy.screening.cues import self_identified_as
from smpolicy.screening.lexicon import load_lexicon, sentence_bounds, words_regex


@dataclass(frozen=True, slots=True)
class _Patterns:
    in_group_before: re.Pattern[str]
    self_description: re.Pattern[str]  # "I'm a big old dyke": in-group, whatever the adjectives
    in_group_after: re.Pattern[str]
    like_me: re.Pattern[str]  # "dykes like me", "queer people like us"
    out_group_before: re.Pattern[str]
    role_before: re.Pattern[str]  # "As dykes, we ...": "as" naming the writer's group ...
    role_after: re.Pattern[str]  # ... then a comma and the writer in the first person
    subject_after: re.Pattern[str]  # "Being a dyke is ...": the word is what is talked about
    own_word: re.Pattern[str]  # "Crip is my word to use": the word claimed, not described
    this_before: re.Pattern[str]  # "This old fag is retiring ...": the writer as "this X" ...
    this_after: re.Pattern[str]
    this_writer: re.Pattern[str]  # ... in a post that speaks as the writer ("thanks for the cake")


@cache
def _patterns() -> _Patterns:
    lexicon = load_lexicon("context")
    return _Patterns(
        in_group_before=re.compile(lexicon["in_group_before"]),
        self_description=re.compile(_self_description(lexicon)),
        in_group_after=re.compile(lexicon["in_group_after"]),
        like_me=re.compile(lexicon["in_group_like_me"]),
        out_group_before=re.compile(lexicon["out_group_before"]),
        role_before=re.compile(lexicon["in_group_role_before"]),
        role_after=re.compile(lexicon["in_group_role_after"]),
        subject_after=re.compile(lexicon["in_group_subject_after"]),
        own_word=re.compile(lexicon["in_group_own_word"]),
        this_before=re.compile(lexicon["in_group_this_before"]),
        this_after=re.compile(lexicon["in_group_this_after"]),
        this_writer=re.compile(lexicon["in_group_this_writer"]),
    )


def _self_description(lexicon: dict) -> str:
    """The writer describing themselves with the word as the head of the phrase ("I'm a big
    old dyke", "as a tired, happy queer"): the cue, then up to three words, none a stop word,
    the last followed by a space only (``self_description_cue`` in ``context.yaml``)."""
    word = rf"(?!(?:{words_regex(lexicon['self_description_stops'])})\b)[a-z'’-]+"
    return rf"{lexicon['self_description_cue']}(?:{word}(?:,\s*|\s+)){{0,2}}(?:{word}\s+)?$"


@lru_cache(maxsize=1024)
def in_group_use(
    text: str, start: int, end: int, identities: frozenset[str] | None = None
) -> bool:
    """Whether the reclaimable word at ``text[start:end]`` is used by one of the group.

    Its own sentence decides first: the word claimed as the writer's ("Crip is my word") or
    the writer as "this X" announcing their own news ("This old fag is retiring next week,
    thanks for the cake") says yes; the word as the subject of a statement ("Being a dyke is
    ...") says no; "as" with the word followed by the writer in the first person ("As dykes,
    we ...", not "As dykes are ..."), the writer describing themselves with it ("I'm just a
    crazy cripple", "I call myself a crip"), an in-group cue right before it ("us", "we tired",
    "fellow", "me and the other"), pride or a rallying call right after it ("and proud", "on
    the committee unite") or "like me" says yes; a pointer at others ("you", "those") nearer
    the word says no. Without either, the writer's self-identification anywhere in the
    post ("I'm a lesbian ...", "my niggas") says yes, if it names one of ``identities`` when
    given (the word's own group: "as a straight man" reclaims no "dyke").
    """
    patterns = _patterns()
    s_start, s_end = sentence_bounds(text, start)
    before = text[s_start:start]
    if patterns.own_word.match(text, end, s_end) is not None:
        return True  # "Crip is my word to use": the writer claims it
    if patterns.this_before.search(before) is not None \
            and patterns.this_after.match(text, end, s_end) is not None \
            and patterns.this_writer.search(text) is not None:
        return True  # "This old fag is retiring next week, thanks for the cake": the writer
    if patterns.subject_after.match(text, end, s_end) is not None:
        return False  # "Being a dyke is a choice ...": said of the word, not of the writer
    # "as" and the word: the writer's role only if the writer speaks as it ("As dykes, we
    # ..."); "as" meaning "because" ("As dykes are ...") or others' role ("As crips, they
    # ...") says nothing of the writer, and the rest of the sentence decides
    if patterns.role_before.search(before) is not None \
            and patterns.role_after.match(text, end, s_end) is not None:
        return True
    if patterns.self_description.search(before) is not None:
        return True  # "I'm a daft old dyke": the writer's own words about themselves
    inside = patterns.in_group_before.search(before)
    outside = patterns.out_group_before.search(before)
    if outside is not None and (inside is None or outside.start() > inside.start()):
        return False
    if inside is not None or patterns.in_group_after.match(text, end, s_end) is not None \
            or patterns.like_me.match(text, end, s_end) is not None:
        return True
    return self_identified_as(text, identities)


def like_me(text: str, end: int) -> bool:
    """Whether the group word ending at ``end`` is followed by "like me" or "like us" ("queer
    people like me are everywhere"): the writer counts themselves one of them."""
    return _patterns().like_me.match(text, end, sentence_bounds(text, end)[1]) is not None
