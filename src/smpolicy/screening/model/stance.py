"""Stance by composition: what a post says about a group, read by rules around the encoder.

Sentence embeddings barely encode stance: "disabled people are not a burden" lands next to
"disabled people are a burden". Rather than teach the encoder with more frames (which did not
generalise), these rules find the statement a post *embeds*, and the same encoder and heads
score that statement too (``model/reading.py``). Then logic the encoder lacks joins the two
(``compose``):

- negation: the negation of a hateful statement is not hateful. For a post whose clause about
  a group is negated ("I don't think X are ...", "X are not ...", "no X should ...", "nobody
  thinks X ..."), the counterpart is the affirmative, negators removed. When the affirmative
  reads as more hostile than the post, the post's model part is damped; otherwise the
  model's reading of the post stands, since a negated compliment ("X are not welcome here",
  "X should not be allowed to vote") is hateful.
- reported: a statement about a group that a reporting verb introduces and a word outside it
  condemns ("anyone who says X are Y should be ashamed") is read alone, and weighed the same
  way: reporting hate to condemn it is not hate.
- presupposed: a rhetorical question about a group ("why are X always so P?", "aren't X just
  P?") is read as the statement it takes for granted too, and the higher reading kept.

A counterpart is a list of edits to the normalised text; ``detectors/classifier.model_text``
applies them to whatever the encoder reads of the post, so the two texts differ only there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from smpolicy.screening.cues import reports
from smpolicy.screening.lexicon import SENTENCE_END, load_lexicon, words_regex
from smpolicy.screening.normalise import NormalisedText

NEGATION = "negation"
REPORTED = "reported"
PRESUPPOSED = "presupposed"  # lowers nothing: the statement's reading may raise the post's

Edit = tuple[int, int, str]  # replace text[start:end] of the normalised text with the string


@dataclass(frozen=True, slots=True)
class Counterpart:
    """A statement embedded in a post, as edits to the post's normalised text."""

    kind: str  # NEGATION, REPORTED or PRESUPPOSED
    edits: tuple[Edit, ...]
    statement: str  # the edited sentence(s), lower case, for explanations
    cue: str  # the words that mark it, as normalised ("don't", "never")


def compose(
    counterpart: Counterpart | None,
    model: float,
    probability: float,
    counterpart_probability: float,
    counterpart_model: float = 0.0,
) -> float:
    """The model's part for a post (``model``, on the review scale), given the model's
    probabilities for the post and for the statement it embeds.

    Negation: ``model * (1 - max(0, counterpart - post))``. The two texts are a minimal pair:
    they differ only by the negators, so the *rise* in the encoder's reading when they are
    removed is what it reads the negation as doing. A rise says the negation turns a hateful
    statement round, and the negation of a hateful statement is not hateful, so the post's
    part falls by it; no rise (a negated compliment: "X are not welcome here" reads as more
    hostile than "X are welcome here") leaves the post's part as it was.

    Not ``model * (1 - counterpart)``, the plain "the affirmative reads as hate" rule: the
    encoder reads the topic more than the stance, so affirmatives of negated compliments
    read as hostile too ("I would rent a room to a Sikh", 0.93), and on the training dev split
    that rule moved 63 decisions, 55 of them wrongly (scripts/compare_dev_split.py --rows).

    Reported: the same rule, the counterpart being the reported statement alone. A statement
    reported and condemned reads as more hostile than the post that condemns it; a
    compliment "condemned" ("anyone who says X are equal should be ashamed") does not.
    """
    if counterpart is None:
        return model
    if counterpart.kind == PRESUPPOSED:
        # "Why are X always so P?" asserts "X are always so P" as much as it asks it
        return max(model, counterpart_model)
    return model * (1.0 - max(0.0, counterpart_probability - probability))


def counterpart(post: NormalisedText, groups: list[tuple[int, int, str]]) -> Counterpart | None:
    """The statement the post embeds about a group, or None (``groups``: identity spans of
    the normalised text, ``discrimination.identity_spans``)."""
    if not groups:
        return None
    return (_reported(post.text, groups) or _presupposed(post.text, groups)
            or _negation(post.text, groups))


@dataclass(frozen=True, slots=True)
class _Rules:
    negator: re.Pattern[str]
    denial: re.Pattern[str]
    disclaimer: re.Pattern[str]
    contrast: re.Pattern[str]


@cache
def _rules() -> _Rules:
    """The context lexicon's negators and denials, read as clausal negations.

    Only negators that reverse a whole clause count; fixed phrases where the negator does not
    ("no longer", "no doubt", "not only", "never mind", "never forget", "can't stand", "can't
    wait") are left out by ``negator`` not matching them.
    """
    context = load_lexicon("context")
    # "n't" is read inside its word; "nobody should have to ..." has no affirmative (it is no
    # denial of a statement: "everyone should have to ..." says something else).
    listed = [n for n in context["negators"]
              if "n't" not in n and n != "cannot" and not n.endswith(" should")]
    return _Rules(
        negator=re.compile(
            r"(?:(?<![a-z'’])(?:" + words_regex(listed) + r"|cannot)(?![a-z'’])"
            r"|(?<=[a-z])n['’]t(?![a-z]))"
            r"(?! (?:only|just|longer|more|doubt|matter|mind|sure|to mention|even|forget|stand"
            r"|wait|care less|help)(?![a-z]))"
        ),
        # the context lexicon's denials: "nobody (on our street) thinks ..."
        denial=re.compile(r"(?<![a-z])(?:nobody|no one|none of us)(?=\W+(?:\w+\W+){0,5}?"
                          r"(?:believes|thinks|says|agrees|accepts)(?![a-z]))"),
        disclaimer=re.compile("|".join(context["disclaimers"])),
        contrast=re.compile(
            r"(?<![a-z])(?:but|however|though|although|rather|instead|just|only|merely|simply"
            r"|even|except)(?![a-z])"
            r"|[,;:–—-]\s*(?:they|it|we|he|she|that|this|those|these|them)(?![a-z])"
        ),
    )


_CONTRACTED = {"wo": "will", "ca": "can", "sha": "shall", "ai": "is"}  # won't, can't, shan't, ain't
_DETERMINER_NO = re.compile(r"(?<![a-z])no $")
_MAX_WORDS_APART = 8


def _negation(text: str, groups: list[tuple[int, int, str]]) -> Counterpart | None:
    rules = _rules()
    if rules.disclaimer.search(text):
        return None  # "I'm not racist but ...": the "not" denies nothing about the group
    edits: list[Edit] = []
    cues: list[str] = []
    sentences: list[tuple[int, int]] = []
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end]
        if sentence.rstrip().endswith("?"):
            continue  # questions are rhetorical as often as not: no negation read there
        inside = [(a, b) for a, b, _ in groups if s_start <= a and b <= s_end]
        if not inside:
            continue
        found = _sentence_edits(text, s_start, s_end, inside, rules)
        if found:
            edits += found
            cues += [_word(text, a, b) for a, b, _ in found]
            sentences.append((s_start, s_end))
    if not edits:
        return None
    statement = " ".join(_apply(text, edits)[_shift(a, edits):_shift(b, edits)].strip()
                         for a, b in sentences)
    return Counterpart(NEGATION, tuple(edits), statement, ", ".join(dict.fromkeys(cues)))


# A question that takes its own answer for granted: "why are X always so P?", "aren't X just
# P?", "why do X never P?". Only with a word that generalises or intensifies, so that a plain
# question ("why are X allowed to vote here?", "are X welcome at the fair?") is left alone.
_QUESTION = re.compile(
    r"^(?:(?:so|but|and|seriously|honestly|genuinely|ok|okay)\W+)*"
    r"(?:why (?P<why>are|is|were|was|do|does|did) |(?P<neg>aren't|isn't|don't|doesn't|aren’t"
    r"|isn’t|don’t|doesn’t) )(?P<rest>.+?)\W*\?$"
)
_GENERALISING = re.compile(r"(?<![a-z])(?:always|so|such|all|constantly|never|ever|just|even|really"
                           r"|only|too|every)(?![a-z])")


def _presupposed(text: str, groups: list[tuple[int, int, str]]) -> Counterpart | None:
    """The statement a rhetorical question about a group presupposes, in place of the question
    ("Why are X always so P?" -> "x are always so p.")."""
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end].strip()
        offset = s_start + (len(text[s_start:s_end]) - len(text[s_start:s_end].lstrip()))
        match = _QUESTION.match(sentence)
        if match is None or not _GENERALISING.search(match.group("rest")):
            continue
        rest_start = offset + match.start("rest")
        subject = next(((a, b) for a, b, _ in groups if rest_start <= a <= rest_start + 12), None)
        if subject is None or not re.fullmatch(r"(?:(?:the|these|those|all|so many) )*",
                                               text[rest_start:subject[0]]):
            continue
        verb = match.group("why") or match.group("neg").replace("’", "'").removesuffix("n't")
        verb = "" if verb in ("do", "does", "did") else f" {verb}"
        remainder = text[subject[1]:offset + match.end("rest")]
        statement = f"{text[rest_start:subject[1]]}{verb}{remainder}."
        return Counterpart(PRESUPPOSED, ((s_start, s_end, statement),), statement,
                           sentence[: match.start("rest")].strip())
    return None


def _reported(text: str, groups: list[tuple[int, int, str]]) -> Counterpart | None:
    """A statement about a group that the post reports and condemns, as edits that leave only
    the statement ("Anyone who says X are Y should be ashamed" -> "x are y").

    The reading is the rule detectors' own (``cues.reports``: one word list, one way): the
    complement of a reporting verb up to the end of its clause, condemned by a word outside it,
    in its sentence or the next, since reporting alone can endorse ("my dad always said X are
    Y, and he was right").
    """
    sentences = _sentences(text)
    for index, (s_start, s_end) in enumerate(sentences):
        after = sentences[index + 1][1] if index + 1 < len(sentences) else s_end
        for report in reports(text, s_start, s_end, after):
            if any(report.start <= a and b <= report.end for a, b, _ in groups):
                edits = ((0, report.start, ""), (report.end, len(text), ""))
                return Counterpart(REPORTED, edits, text[report.start:report.end].strip(), report.cue)
    return None


def _sentence_edits(
    text: str, s_start: int, s_end: int, groups: list[tuple[int, int]], rules: _Rules
) -> list[Edit]:
    """Edits that turn the sentence's clausal negations about a group into affirmatives.

    A negator counts when it stands in the same clause as a group word (no comma, semicolon
    or colon between them, at most a few words apart) and no contrast follows it in the
    sentence ("X are not lazy, just ..." says something else about X, which the affirmative
    would damp too).
    """
    edits: list[Edit] = []
    for match in rules.negator.finditer(text, s_start, s_end):
        start, end = match.span()
        if not any(_same_clause(text, start, end, a, b) for a, b in groups):
            continue
        if rules.contrast.search(text, end, s_end):
            return []
        edits.append(_affirmative(text, start, end))
    for match in rules.denial.finditer(text, s_start, s_end):
        if any(_same_clause(text, match.start(), match.end(), a, b) for a, b in groups):
            if rules.contrast.search(text, match.end(), s_end):
                return []
            edits.append((match.start(), match.end(), "everyone"))
    for a, _ in groups:  # "no woman should ...": the determiner negates the clause
        before = _DETERMINER_NO.search(text, s_start, a)
        if before is not None and before.end() == a:
            if rules.contrast.search(text, a, s_end):
                return []
            edits.append((before.start(), a, ""))
    kept: list[Edit] = []
    for edit in sorted(set(edits), key=lambda e: (e[0], -e[1])):
        if not kept or edit[0] >= kept[-1][1]:  # "nobody should": one edit, not two
            kept.append(edit)
    return kept


def _affirmative(text: str, start: int, end: int) -> Edit:
    """The edit that removes one negator: "aren't" -> "are", "won't" -> "will", "not" -> ""."""
    word = text[start:end]
    if word[0] == "n" and word[-1] == "t" and len(word) == 3 and word[1] in "'’":  # n't
        stem = re.search(r"[a-z]+$", text[max(0, start - 6):start])
        if stem and stem.group() in _CONTRACTED:
            return (start - len(stem.group()), end, _CONTRACTED[stem.group()])
        return (start, end, "")
    if word == "cannot":
        return (start, end, "can")
    if word.startswith("stop "):
        return (start, start + 5, "")
    if word == "refuse to":
        return (start, end, "will")
    # "not", "never": take one neighbouring space with the word
    if end < len(text) and text[end] == " ":
        return (start, end + 1, "")
    return (start - 1 if start and text[start - 1] == " " else start, end, "")


def _word(text: str, start: int, end: int) -> str:
    """The whole words an edit touches ("don't" for its "n't"), for explanations."""
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    while start and (text[start - 1].isalpha() or text[start - 1] in "'’"):
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end].strip()


def _same_clause(text: str, start: int, end: int, a: int, b: int) -> bool:
    low, high = (end, a) if end <= a else (b, start)
    between = text[low:high]
    return not re.search(r"[,;:]", between) and len(between.split()) <= _MAX_WORDS_APART


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        bounds.append((start, match.end()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def _apply(text: str, edits: list[Edit] | tuple[Edit, ...]) -> str:
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _shift(position: int, edits: list[Edit]) -> int:
    """Where ``position`` of the text lands once ``edits`` are applied."""
    moved = position
    for start, end, replacement in edits:
        if end <= position:
            moved += len(replacement) - (end - start)
    return moved
