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

HOSTILE, FAVOURABLE = -1, 1  # what a negated predicate says of the group (``Counterpart.denies``)
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
    # NEGATION only: what the negated predicate says, HOSTILE ("X are not thieves"), FAVOURABLE
    # ("X are not welcome here") or 0 where neither word list knows it (``predicate_polarity``)
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

    Where the negated predicate's polarity is known (``predicate_polarity``), it decides
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
    if counterpart.kind == PRESUPPOSED:
        # "Why are X always so P?" asserts "X are always so P" as much as it asks it
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
    return counterpart.kind == PRESUPPOSED or (
        counterpart.kind == NEGATION and counterpart.denies == FAVOURABLE)


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
    frame: re.Pattern[str]
    disclaimer: re.Pattern[str]
    contrast: re.Pattern[str]
    favourable: re.Pattern[str]
    hostile: re.Pattern[str]
    opposites: dict[str, str | None]  # favourable predicate -> its opposite ("{be} unwelcome")
    no_predicate: re.Pattern[str]  # "have no place", "are no use"


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
        # "nobody (on our street) thinks X ...", "no one here hates X": the subject denies;
        # not "nobody should have to ...", which denies no statement about the group
        denial=re.compile(r"(?<![a-z])(?:nobody|no one|none of us)(?![a-z])"
                          r"(?! (?:should|must|has to|needs to|ought|would want|will ever have to))"),
        # "it's a myth that X are P": the frame denies the clause after it
        frame=re.compile(r"(?<![a-z])(?:" + "|".join(context["denying_frames"]) + r")(?![a-z]) ?"),
        disclaimer=re.compile("|".join(context["disclaimers"])),
        # something else said of the group instead: "but ...", ", just ...", ", they're ..."
        contrast=re.compile(
            r"(?<![a-z])(?:but|however|though|although|except)(?![a-z])"
            r"|(?:[,;:–—-]\s*|(?<![a-z])but )(?:rather|instead|just|only|merely|simply|even)(?![a-z])"
            r"|[,;:–—-]\s*(?:they|it|we|he|she|that|this|those|these|them)(?![a-z])"
        ),
        favourable=re.compile(r"(?<![a-z])(?:" + words_regex(context["favourable_predicates"])
                              + r")(?![a-z])"),
        hostile=re.compile(r"(?<![a-z])(?:" + words_regex(_hostile_words()) + r")(?![a-z])"),
        opposites={**context["favourable_predicates"], **context["favourable_after_no"]},
        no_predicate=re.compile(r"(?<![a-z])no(?= (?:" + words_regex(context["favourable_after_no"])
                                + r")(?![a-z]))"),
    )


def _hostile_words() -> list[str]:
    """Hostile words and phrases that the sentiment lexicon lacks: the discrimination
    lexicon's derogatory words, abusive adjectives and hostile words."""
    data = load_lexicon("discrimination")
    words = [*data["derogatory"], *data["abusive_adjectives"], *data["hostile_words"]]
    return sorted({w for w in words if not w.startswith(("not ", "less than", "more like"))})


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
    polarities: list[int] = []
    opposites: list[Edit] = []
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end]
        if sentence.rstrip().endswith("?"):
            continue  # questions are rhetorical as often as not: no negation read there
        inside = [(a, b) for a, b, _ in groups if s_start <= a and b <= s_end]
        if not inside:
            continue
        found = _sentence_edits(text, s_start, s_end, inside, rules)
        if found:
            edits += [n.edit for n in found]
            polarities += [n.polarity for n in found]
            opposites += [n.opposite for n in found if n.opposite is not None]
            cues += [_word(text, a, b) for (a, b, _) in (n.edit for n in found)]
            sentences.append((s_start, s_end))
    if not edits:
        return None
    cue = ", ".join(dict.fromkeys(cues))
    if FAVOURABLE in polarities:
        # one negated compliment makes the post hostile: the counterpart, if any, is its
        # opposite ("X aren't welcome here" -> "x are unwelcome here"), which can only raise it
        statement = " ".join(_statement(text, opposites, a, b) for a, b in sentences)
        return Counterpart(NEGATION, tuple(opposites), statement if opposites else "", cue,
                           FAVOURABLE)
    statement = " ".join(_statement(text, edits, a, b) for a, b in sentences)
    # it denies hate outright only if every negation in it negates a hostile predicate
    denies = HOSTILE if all(p == HOSTILE for p in polarities) else 0
    return Counterpart(NEGATION, tuple(edits), statement, cue, denies)


def _statement(text: str, edits: list[Edit], start: int, end: int) -> str:
    return _apply(text, edits)[_shift(start, edits):_shift(end, edits)].strip()


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


@dataclass(frozen=True, slots=True)
class _Negated:
    """One clausal negation: the edit that removes it, the polarity of what it negates, and
    for a favourable predicate, the edit that states its opposite (or None)."""

    edit: Edit
    polarity: int
    opposite: Edit | None = None


def _sentence_edits(
    text: str, s_start: int, s_end: int, groups: list[tuple[int, int]], rules: _Rules
) -> list[_Negated]:
    """The sentence's clausal negations about a group, as edits that turn them into
    affirmatives, each with the polarity of the predicate it negates (``_denied``).

    A negator counts when it stands in the same clause as a group word (no comma, semicolon
    or colon between them, at most a few words apart) and no contrast follows it in the
    sentence ("X are not lazy, just ..." says something else about X, which the affirmative
    would damp too).
    """
    found: list[_Negated] = []
    negators = [*rules.negator.finditer(text, s_start, s_end),
                *rules.no_predicate.finditer(text, s_start, s_end)]
    for match in negators:
        start, end = match.span()
        if not any(_same_clause(text, start, end, a, b) for a, b in groups):
            continue
        if rules.contrast.search(text, end, s_end):
            return []
        if match.re is rules.no_predicate:  # "have no place": the noun after it
            noun = re.match(r" ([a-z]+)", text[end:])
            polarity, word = FAVOURABLE, (end + 1, end + 1 + len(noun.group(1))) if noun else None
        else:
            polarity, word = _denied(text, end, s_end, groups, rules)
        opposite = (_opposite(text, start, end, word, groups, rules)
                    if polarity == FAVOURABLE and word else None)
        found.append(_Negated(_affirmative(text, start, end), polarity, opposite))
    for pattern, replacement in ((rules.denial, "everyone"), (rules.frame, "")):
        for match in pattern.finditer(text, s_start, s_end):
            if any(_same_clause(text, match.start(), match.end(), a, b) for a, b in groups):
                if rules.contrast.search(text, match.end(), s_end):
                    return []
                polarity, _ = _denied(text, match.end(), s_end, groups, rules,
                                      subject=pattern is rules.denial)
                found.append(_Negated((match.start(), match.end(), replacement), polarity))
    for a, _ in groups:  # "no woman should ...": the determiner negates the clause
        before = _DETERMINER_NO.search(text, s_start, a)
        if before is not None and before.end() == a:
            if rules.contrast.search(text, a, s_end):
                return []
            found.append(_Negated((before.start(), a, ""), _denied(text, a, s_end, groups, rules)[0]))
    kept: list[_Negated] = []
    for negated in sorted(set(found), key=lambda n: (n.edit[0], -n.edit[1])):
        if not kept or negated.edit[0] >= kept[-1].edit[1]:  # "nobody should": one edit, not two
            kept.append(negated)
    return kept


_BE = ("is", "are", "was", "were")
_AUXILIARY = re.compile(r"(?<![a-z])(?:is|are|was|were|am|do|does|did|can|could|will|would"
                        r"|should|shall|may|might|must|have|has|had)\s+$")


def _opposite(text: str, start: int, end: int, word: tuple[int, int],
              groups: list[tuple[int, int]], rules: _Rules) -> Edit | None:
    """The edit that states a negated favourable predicate's opposite: "aren't welcome" ->
    "are unwelcome", "can never be trusted" -> "are untrustworthy", "have no place" -> "are
    out of place". Only where the predicate follows the negator closely with no group word
    between ("I don't think X are welcome" keeps the negation where it is)."""
    w_start, w_end = word
    phrase = rules.opposites.get(" ".join(text[w_start:w_end].split()))
    between = text[end:w_start]
    if not phrase or len(between.split()) > 3 or any(end <= a < w_start for a, _ in groups):
        return None
    if text[start:end] in ("n't", "n’t"):
        stem = re.search(r"[a-z]+$", text[:start])
        aux_start, aux = (stem.start(), stem.group()) if stem else (start, "")
    else:
        before = _AUXILIARY.search(text, 0, start)
        aux_start, aux = (before.start(), before.group().strip()) if before else (start, "")
    return (aux_start, w_end, phrase.replace("{be}", aux if aux in _BE else "are"))


# Verbs and frames after which a negation denies the clause that follows ("I don't think X
# are P", "it's not true that X are P", "nobody here says X are P")
_RAISING_VERBS = (r"(?:think|thinks|believe|believes|say|says|said|agree|agrees|accept|accepts"
                  r"|reckon|reckons|suppose|feel|buy|claim|claimed|true|the case|fair to say"
                  r"|mean|meant|call|calling)(?![a-z])")
_RAISING = re.compile(r"\W*(?:(?:really|honestly|actually|seriously|personally|simply|just|ever"
                      r"|for a minute|for one|at all)\W+){0,2}" + _RAISING_VERBS)
# after "nobody", "no one": the verb may come after a few words ("nobody in the office thinks")
_SUBJECT_RAISING = re.compile(r"\W*(?:[a-z']+\W+){0,5}?" + _RAISING_VERBS)
_CLAUSE_STOP = re.compile(r"[,;:.!?()\n]|(?<![a-z])(?:but|because|since|whereas|whatever)(?![a-z])")
_PREDICATE_WORDS = 8  # words of a predicate read for its polarity


def _denied(
    text: str, end: int, s_end: int, groups: list[tuple[int, int]], rules: _Rules,
    subject: bool = False,
) -> tuple[int, tuple[int, int] | None]:
    """The polarity of what a negation ending at ``end`` negates, and the word that says it:
    the words after the negation, or, after a verb of saying or thinking ("don't think", "not
    true that") or a group word ("no woman on the team ..."), the words after the group word
    it governs."""
    stop_match = _CLAUSE_STOP.search(text, end, s_end)
    stop = stop_match.start() if stop_match else s_end
    start = end
    raising = (_SUBJECT_RAISING if subject else _RAISING).match(text, end, stop)
    after = [b for a, b in groups if (raising.end() if raising else end) <= a < stop]
    if after and (raising or _leading_group(text, end, after[0], groups)):
        start = after[0]
    elif raising:
        start = raising.end()
    words = list(re.finditer(r"\S+", text[start:stop]))[:_PREDICATE_WORDS]
    scope = list(text[start:start + words[-1].end()] if words else "")
    for a, b in groups:  # the group words say nothing of the group ("blind", "black")
        for i in range(max(a, start), min(b, start + len(scope))):
            scope[i - start] = " "
    scope = "".join(scope)
    polarity, span = predicate_polarity(scope, rules)
    return polarity, (start + span[0], start + span[1]) if span else None


def _leading_group(text: str, end: int, group_end: int, groups: list[tuple[int, int]]) -> bool:
    """Whether the group word ending at ``group_end`` follows the negation directly ("no |woman
    on our team| is ...", "nobody| thinks women ...")."""
    return any(b == group_end and not text[end:a].strip() for a, b in groups)


def predicate_polarity(
    words: str, rules: _Rules | None = None
) -> tuple[int, tuple[int, int] | None]:
    """HOSTILE or FAVOURABLE by the first word in ``words`` (a predicate, as normalised) that
    says either, and where it stands; (0, None) if none does. Asked in this order at one
    place: the acceptance words (``favourable_predicates``: "cut out for" is no cut), the
    discrimination lexicon's hostile words, the sentiment lexicon (valence <= -0.5 or >= 1.5)."""
    from smpolicy.screening.model.appraisal import HOSTILE_WORD, STRONG_WORD, valence

    rules = rules or _rules()
    marks = [(m.start(), 0, FAVOURABLE, m.span()) for m in rules.favourable.finditer(words)]
    marks += [(m.start(), 1, HOSTILE, m.span()) for m in rules.hostile.finditer(words)]
    for m in re.finditer(r"[a-z]+", words):
        value = valence(m.group())
        if value <= HOSTILE_WORD or value >= STRONG_WORD:
            marks.append((m.start(), 2, HOSTILE if value < 0 else FAVOURABLE, m.span()))
    if not marks:
        return 0, None
    _, _, polarity, span = min(marks)
    return polarity, span


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
