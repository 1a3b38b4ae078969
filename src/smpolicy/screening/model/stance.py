"""Stance by composition: what a post says about a group, read by rules around the encoder.

Sentence embeddings barely encode stance: "disabled people are not a burden" lands next to
"disabled people are a burden". Rather than teach the encoder with more frames (which did not
generalise), these rules find the statement a post *embeds*, and the same encoder and heads
score that statement too (``model/reading.py``). Then logic the encoder lacks joins the two
(``compose``):

- negation: the negation of a hateful statement is not hateful. For a post whose clause about
  a group is negated ("I don't think X are ...", "X are not ...", "no X should ...", "nobody
  thinks X ...", "it's a myth that X ..."), the counterpart is the affirmative, negators
  removed. The negated predicate's polarity says which way it goes: a hostile one ("not
  thieves") is denied, and the post's model part is damped by the affirmative's reading; a
  favourable one ("not welcome here", "can never be trusted") is a negated compliment, which
  is hateful: never damped, and read as its opposite ("are unwelcome here") too. Where neither
  is known, the post is damped only where the affirmative reads as more hostile than it.
- reported: a statement about a group that a reporting verb introduces and a word outside it
  condemns ("anyone who says X are Y should be ashamed") is read alone, and weighed the same
  way: reporting hate to condemn it is not hate.
- endorsed: a statement about a group that the post reports or quotes and then takes up
  ("someone wrote 'X out' on the shelter, and they've got a point") is read alone too, and the
  higher reading kept: pretending to report hate is a way of saying it.
- presupposed: a rhetorical question about a group ("why are X always so P?", "who actually
  likes X?", "what good are X?": ``questions.answered``) is read as the statement it takes for
  granted too, and the higher reading kept.
- asked: a negative interrogative about a group ("isn't it time we ...?", "wouldn't the town be
  better without X?", "how are X not P?": ``questions.asked``) asks agreement with the
  positive statement, which is read in its place, up or down: its negator denies nothing.

A counterpart is a list of edits to the normalised text; ``detectors/classifier.model_text``
applies them to whatever the encoder reads of the post, so the two texts differ only there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from smpolicy.screening.cues import endorsed_statements, may_endorse, reports
from smpolicy.screening.model import negation
from smpolicy.screening.model.negation import AFFIRMS, FAVOURABLE, HOSTILE, Edit, sentences_of
from smpolicy.screening.normalise import NormalisedText
from smpolicy.screening.questions import answered, asked

NEGATION = "negation"
REPORTED = "reported"
PRESUPPOSED = "presupposed"  # lowers nothing: the statement's reading may raise the post's
ENDORSED = "endorsed"  # lowers nothing either
ASKED = "asked"  # a negative interrogative: the statement it asks agreement with replaces it


@dataclass(frozen=True, slots=True)
class Counterpart:
    """A statement embedded in a post, as edits to the post's normalised text."""

    kind: str  # NEGATION, REPORTED, ENDORSED, PRESUPPOSED or ASKED
    edits: tuple[Edit, ...]
    statement: str  # the edited sentence(s), lower case, for explanations
    cue: str  # the words that mark it, as normalised ("don't", "never")
    # NEGATION only: what the negated predicate says, HOSTILE ("X are not thieves"), FAVOURABLE
    # ("X are not welcome here") or 0 where no word list knows it (``negation.predicate_polarity``);
    # AFFIRMS where two negations cancel ("I can't pretend I don't loathe X")
    denies: int = 0


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

    Where the negated predicate's polarity is known (``negation.predicate_polarity``), it decides
    instead: the encoder reads a denial of a stereotype ("X are not thieves", 0.9) almost as
    hostile as the stereotype (0.98), so the rise is small, and it reads the affirmative of a
    negated compliment as hostile as often as not ("X will amount to anything", 0.98). A
    negated hostile predicate ("not thieves", "hardly a burden") denies the affirmative: the
    post's part is multiplied by ``1 - counterpart``. A negated favourable one ("not welcome",
    "can never be trusted", "don't belong") is a negated compliment: the part stands, or rises
    to the reading of its opposite ("are unwelcome", "are untrustworthy", "are out of place").

    Reported: the same rule, the counterpart being the reported statement alone. A statement
    reported and condemned reads as more hostile than the post that condemns it; a
    compliment "condemned" ("anyone who says X are equal should be ashamed") does not.
    """
    if counterpart is None:
        return model
    if counterpart.kind == ASKED:
        # "Isn't X P?" says "X is P" and nothing else: the encoder reads the negator and the
        # question mark as hostile whatever is asked ("Doesn't the mosque run a food bank?",
        # 0.78; "The mosque runs a food bank.", 0.17), and reads "How are X not P?" as a denial
        return counterpart_model
    if counterpart.kind in (PRESUPPOSED, ENDORSED):
        # "Why are X always so P?" asserts "X are always so P" as much as it asks it; "someone
        # said X are P, and they're right" says it as much as it reports it
        return max(model, counterpart_model)
    if counterpart.kind == NEGATION and counterpart.denies == AFFIRMS:
        # "I can't pretend I don't loathe X" says "I loathe X": a double negation denies
        # nothing, and the affirmative is what it says, the higher reading kept
        return max(model, counterpart_model)
    if counterpart.kind == NEGATION and counterpart.denies == FAVOURABLE:
        # "X are not welcome here" is hostile whatever "X are welcome here" reads as; it says
        # "X are unwelcome here" (the counterpart, where there is one), the higher reading kept
        return max(model, counterpart_model)
    if counterpart.kind == NEGATION and counterpart.denies == HOSTILE:
        # "X are not thieves": the post denies what the affirmative says, as far as the
        # affirmative reads as hateful, however hostile the encoder reads the denial itself
        return model * (1.0 - counterpart_probability)
    return model * (1.0 - max(0.0, counterpart_probability - probability))


def raises(counterpart: Counterpart) -> bool:
    """Whether the counterpart's reading can only raise the post's part (a presupposed
    statement, a negated compliment's opposite), not lower it."""
    return counterpart.kind in (PRESUPPOSED, ENDORSED) or (
        counterpart.kind == NEGATION and counterpart.denies in (FAVOURABLE, AFFIRMS))


def both_ways(counterpart: Counterpart) -> bool:
    """Whether the counterpart's reading replaces the post's (a negative interrogative), so
    that it can raise or lower it."""
    return counterpart.kind == ASKED


def counterpart(post: NormalisedText, groups: list[tuple[int, int, str]]) -> Counterpart | None:
    """The statement the post embeds about a group, or None (``groups``: identity spans of
    the normalised text, ``discrimination.identity_spans``)."""
    if not groups:
        # a group named only inside quotation marks ("wrote 'X out'") is no identity span
        return _endorsed(post.text, groups) if may_endorse(post.text) else None
    return (_reported(post.text, groups) or _endorsed(post.text, groups)
            or _question(post.text, groups) or _negation(post.text, groups))


def _question(text: str, groups: list[tuple[int, int, str]]) -> Counterpart | None:
    """A negative interrogative's statement (ASKED), else a rhetorical wh-question's answer
    (PRESUPPOSED), in place of the question (``questions``)."""
    presupposed = _presupposed(text, groups)  # "aren't X just P?": its statement, asked
    if presupposed is not None:
        negative = re.search(r"n['’]t$", presupposed.cue)
        return replace(presupposed, kind=ASKED) if negative else presupposed
    sentences = sentences_of(text)
    found = asked(text, sentences, groups)
    kind = ASKED
    if found is None:
        found, kind = answered(text, sentences, groups), PRESUPPOSED
    if found is None:
        return None
    return Counterpart(kind, ((found.start, found.end, found.statement),), found.statement,
                       found.cue)


def _negation(text: str, groups: list[tuple[int, int, str]]) -> Counterpart | None:
    found = negation.read(text, groups)
    if found is None:
        return None
    return Counterpart(NEGATION, found.edits, found.statement, found.cue, found.denies)


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
    for s_start, s_end in sentences_of(text):
        sentence = text[s_start:s_end].strip()
        offset = s_start + (len(text[s_start:s_end]) - len(text[s_start:s_end].lstrip()))
        match = _QUESTION.match(sentence)
        if match is None or not _GENERALISING.search(match.group("rest")):
            continue
        rest_start = offset + match.start("rest")
        subject = next(((a, b) for a, b, _ in groups if rest_start <= a <= rest_start + 12), None)
        if subject is None or not re.fullmatch(r"(?:(?:the|these|those|all|so many) )*",
                                               text[rest_start:subject[0]]) \
                or re.match(r"['’]s(?![a-z])", text[subject[1]:]):
            continue  # "why are the mosque's permits ...": the group word only owns the subject
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
    sentences = sentences_of(text)
    for index, (s_start, s_end) in enumerate(sentences):
        after = sentences[index + 1][1] if index + 1 < len(sentences) else s_end
        for report in reports(text, s_start, s_end, after):
            if any(report.start <= a and b <= report.end for a, b, _ in groups):
                edits = ((0, report.start, ""), (report.end, len(text), ""))
                return Counterpart(REPORTED, edits, text[report.start:report.end].strip(), report.cue)
    return None


def _endorsed(text: str, groups: list[tuple[int, int, str]]) -> Counterpart | None:
    """A statement about a group that the post reports or quotes and takes up, as edits that
    leave only the statement ("People say X are Y. Spot on." -> "x are y"); the cue is the
    statement's first words. ``cues.endorsed_statements`` reads it, as the rule detectors do."""
    sentences = sentences_of(text)
    for index, (s_start, s_end) in enumerate(sentences):
        after = sentences[index + 1][1] if index + 1 < len(sentences) else s_end
        for start, end in endorsed_statements(text, s_start, s_end, after):
            if any(start <= a and b <= end for a, b, _ in groups) or _names_a_group(text[start:end]):
                statement = text[start:end].strip()
                return Counterpart(ENDORSED, ((0, start, ""), (end, len(text), "")), statement,
                                   statement)
    return None


def _names_a_group(words: str) -> bool:
    """Whether ``words`` (normalised), read alone, name a protected group: the identity scan
    does not see a word hard against a quotation mark ("'muslims out'")."""
    from smpolicy.screening.detectors.discrimination import identity_spans
    from smpolicy.screening.normalise import normalise

    return bool(identity_spans(normalise(words.strip(" '‘’\"“”"))))
