"""The cues of a derogatory statement about a group, read around the statement's own words.

Split from the discrimination detector (``detectors/discrimination.py``), which matches the
statements: what a template matched may itself contain a negating counter-speech cue ("X are
not human"), go on to a verdict on the same group ("... and should be ashamed"), hold a
negator between the group and what is said of it ("X are never thieves") or stand after a
denying frame ("it's false that ..."). The cues shared by every rule detector
(``screening/cues.py``) read a sentence; these read the statement inside it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from smpolicy.screening.cues import Cues, cues_for
from smpolicy.screening.lexicon import load_lexicon, sentence_bounds, words_regex


def statement_cues(text: str, match: re.Match[str]) -> Cues:
    """The cues of a derogatory statement's sentence, read around its own words.

    A negating counter-speech cue inside the statement ("X are not human", "X are not real
    women": "are not" is on the list for "X are not P") is the statement's own wording, not a
    comment on it: read without it, the rest of the sentence decides. A negator between the
    group and what is said of it ("X are never thieves") negates the statement.
    """
    cues = cues_for(text, match.start(), match.end())
    if cues.counter_speech:
        masked = _negating_cues().sub(lambda m: " " * len(m.group()), text[match.start():match.end()])
        if masked != match.group() and not cues_for(
                text[:match.start()] + masked + text[match.end():], match.start(),
                match.end()).counter_speech:
            cues = replace(cues, counter_speech=False)
    if cues.counter_speech:
        masked = _mask_verdicts_on_the_group(text, match.end())
        if masked != text and not cues_for(masked, match.start(), match.end()).counter_speech:
            cues = replace(cues, counter_speech=False)
    if not cues.negated and (_negated_inside(match) or _framed(text, match.start())):
        cues = replace(cues, negated=True)
    return cues


def _framed(text: str, start: int) -> bool:
    """Whether a denying frame ("it's false that", "there's no truth in the idea that",
    ``denying_frames`` in ``context.yaml``) stands a few words before a derogatory statement
    in its clause: the statement is what the frame denies. Not asked of a slur, which a frame
    does not unsay ("no way are <slur> real women")."""
    s_start, _ = sentence_bounds(text, start)
    return _denying_frame().search(text, s_start, start) is not None


@cache
def _denying_frame() -> re.Pattern[str]:
    frames = "|".join(load_lexicon("context")["denying_frames"])
    return re.compile(rf"(?<![a-z])(?:{frames})(?![a-z])(?:[^\w,;:]+\w+){{0,4}}\W*$")


# What may stand between a derogatory statement and a verdict that goes on saying it of the
# same group: a few words that start no new subject ("at this job"), then "and" or a comma,
# then a modal or copula ("and should be ashamed", ", unacceptable").
_NEW_SUBJECT = (r"(?:you|u|i|we|he|she|it|they|anyone|anybody|everyone|people|those|who|whoever"
                r"|saying|said|says|which|calling|to)")
_CONTINUES = re.compile(
    rf"(?:\s+(?!{_NEW_SUBJECT}(?![a-z]))[a-z'-]+){{0,4}}?\s*(?:,|(?<![a-z])and(?![a-z]))\s*"
    r"(?:(?:are|were|all|so|just|really|totally|utterly|absolutely|bloody|fucking"
    r"|frankly|quite|very|too|completely)\s+)*"
)


def _mask_verdicts_on_the_group(text: str, end: int) -> str:
    """``text`` with the verdicts that continue the statement ending at ``end`` blanked out:
    "X are an abomination and should be ashamed" says the group should be ashamed, which
    condemns no one's words. "Saying X are Y is vile and you should be ashamed" keeps its
    verdict (a new subject), and so does "X are Y is a lie" (no verdict on people)."""
    verdicts = _verdicts_on_people()
    position = end
    for _ in range(3):  # "X are vile, unacceptable and should be ashamed"
        gap = _CONTINUES.match(text, position)
        verdict = verdicts.match(text, gap.end()) if gap else None
        if verdict is None:
            break
        text = text[:verdict.start()] + " " * len(verdict.group()) + text[verdict.end():]
        position = verdict.end()
    return text


@cache
def _verdicts_on_people() -> re.Pattern[str]:
    words = load_lexicon("context")["verdicts_on_people"]
    return re.compile(r"(?:" + words_regex(words) + r")(?![a-z])")


def _negated_inside(match: re.Match[str]) -> bool:
    """Whether a negator stands between the group and what is said of it ("X are never
    thieves", "X are hardly a drain", "X are no more thieves than anyone else"): the words
    the template lets through, not its word lists
    ("not human", "don't want" say the hostile thing themselves)."""
    listed = [match.span(name) for name, word in match.groupdict().items() if word]
    if not listed:
        return False  # a fixed phrase ("can't even lift a"): its words are the statement
    gaps, position = [], match.start()
    for start, end in sorted(listed):
        gaps.append((position, start))
        position = end
    gaps.append((position, match.end()))
    text = match.string
    if any(_inner_negator().search(text, start, end) for start, end in gaps):
        return True
    return bool(_THAN.match(text, match.end())) and any(
        _NO_MORE.search(text, start, end) for start, end in gaps)


# "X are no more dishonest than anyone else", not "X are no more than vermin" or "X are no
# less a burden than ever"
_NO_MORE = re.compile(r"(?<![a-z])no more(?![a-z])")  # "no less P than" says P
_THAN = re.compile(r"(?:\s+[a-z'’-]+){0,4}?\s+than(?![a-z])")


@cache
def _negating_cues() -> re.Pattern[str]:
    """The counter-speech cues that are negations ("are not", "isn't", "not ok")."""
    cues = [c for c in load_lexicon("context")["counter_speech"]
            if re.search(r"(?<![a-z])(?:not|never)(?![a-z])|n't", c)]
    return re.compile(r"(?<![a-z])(?:" + words_regex(cues) + r")(?![a-z])")


@cache
def _inner_negator() -> re.Pattern[str]:
    negators = [n for n in load_lexicon("context")["negators"] if " " not in n or n in
                ("far from", "by no means", "in no way", "anything but")]
    return re.compile(r"(?<![a-z])(?:" + words_regex(negators) + r")(?![a-z])|n't(?![a-z])")
