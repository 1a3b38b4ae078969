"""Questions that are statements: negative interrogatives and rhetorical questions about a group.

A negative interrogative ("Isn't it time we ...?", "Wouldn't the town be better without X?",
"Don't you think X are ...?", "Why shouldn't we ...?", "How are X not P?") asks the hearer to
agree with the *positive* proposition: its "n't" or "not" denies nothing. Read as a negator,
it made the rule detectors discount the hate it asks agreement with ("wouldn't ... better
without X" read as negated, which shut the classifier's part too), while the encoder reads
the negation plus the question mark as hostile whatever the question asks ("Isn't the Jewish
cemetery kept by the parish?", 0.85). So:

- ``interrogative_negator``: the span of a question's own negator, which ``cues.cues_for``
  leaves out of its negation and counter-speech cues;
- ``asked``: the statement a negative interrogative asks agreement with ("it is time we ...",
  "the town would be better without X", "X are P"), which ``model/stance.py`` reads in place
  of the question (``stance.ASKED``): the question says it, and says nothing else;
- ``answered``: the statement a rhetorical wh-question takes as its answer ("who (actually)
  likes X?" -> "nobody likes X", "what good are X?" -> "X are no good", "what's the point of
  X?" -> "X are pointless", "am I the only one who thinks S?" -> "I think S", "who wouldn't
  P?" -> "everyone would P"), which can only raise the post's reading
  (``stance.PRESUPPOSED``): a genuine question of that shape ("who wants to help at the
  fair?") names no group straight after its verb and is left alone.

A quoted question (the sentence opens with a quotation mark) is someone else's: not read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from smpolicy.screening.model.negation import CONTRACTED

_LEAD = (r"(?:(?:so|but|and|seriously|honestly|genuinely|surely|ok|okay|come on|be honest|tell me"
         r"|let's be honest|i mean|look|well)\W+)*")
_AUX = r"(?:is|are|was|were|do|does|did|would|should|could|can|will|must|has|have|had|wo|ca|sha|need)"
_NT = r"n['’]?t(?![a-z])"
_PRONOUN = (r"(?:it|there|we|you|they|he|she|i|everyone|everybody|anyone|anybody|people|that|this"
            r"|those|these|most people|we all|you all)")
# Who the question asks ("don't you think", "doesn't everyone agree"): what follows is the statement
_OPINION = re.compile(r"(?:you|everyone|everybody|anyone|anybody|people|we|you all|we all)"
                      r"\s+(?:(?:really|honestly|actually|also|all|just)\s+)?"
                      r"(?:think|agree|reckon|believe|feel|find|accept|realise|realize|see)"
                      r"(?:\s+(?:that|with me that|how))?\s+")
# the positive of a negated auxiliary: "won't" -> "will" (negation's stems), "don't" -> ""
_POSITIVE = {**CONTRACTED, "do": "", "does": "", "did": ""}

# "isn't it ...", "wouldn't the town ...", "is it not ...", "why don't we ...", "how are X not ..."
_NEGATIVE = re.compile(
    rf"{_LEAD}(?:(?P<why>why|how come)\s+)?(?P<aux>{_AUX})(?P<neg>{_NT})\s+(?P<rest>.+?)[\W_]*$"
    rf"|{_LEAD}(?P<aux2>{_AUX})\s+(?P<pron>{_PRONOUN})\s+(?P<neg2>not)(?![a-z])\s*(?P<rest2>.+?)[\W_]*$"
    rf"|{_LEAD}(?P<wh>how)\s+(?P<aux3>is|are|was|were|do|does|did|can|could|would|should|will)"
    rf"\s+(?P<subject>(?:[a-z'’-]+\s+){{1,5}}?)(?P<neg3>not)(?![a-z])\s+(?P<rest3>.+?)[\W_]*$"
)
# "who wouldn't want ...": the answer is "everyone"
_WHO_NOT = re.compile(rf"{_LEAD}who\s+(?P<aux>{_AUX})(?P<neg>{_NT})\s+(?P<rest>.+?)[\W_]*$")

# Rhetorical wh-questions whose answer is "nobody" or "none": the verb takes the group at once
_ADVERBS = (r"(?:(?:actually|really|even|honestly|seriously|genuinely|on earth|the hell|in their right"
            r" mind|in his right mind|in her right mind|here|round here|ever|else)\s+)*")
_WHO = re.compile(
    rf"{_LEAD}who\s+{_ADVERBS}(?P<verb>(?:(?:would|could|will|'d)\s+{_ADVERBS})?"
    r"(?:likes?|wants?|needs?|trusts?|cares? about|misse?s?|hires?|employs?|let|lets|choose"
    r"|vote for|rent to|listen to|take seriously|put up with|miss|trust|want|need|like|hire|employ))"
    r"(?![a-z])\s+(?P<rest>.+?)[\W_]*$")
_WHAT_GOOD = re.compile(
    rf"{_LEAD}what\s+(?P<what>good|use|purpose)\s+(?P<be>is|are|were|was|has|have)\s+(?P<rest>.+?)[\W_]*$")
_POINT = re.compile(
    rf"{_LEAD}what(?:['’]s| is| was)\s+the\s+(?:point|use)\s+(?:of|in)\s+(?P<rest>.+?)"
    r"(?:,\s*(?:honestly|seriously|really|anyway|though|then)|\s+(?:anyway|honestly|then))?[\W_]*$")
_ONLY_ONE = re.compile(
    rf"{_LEAD}am\s+i\s+the\s+only\s+(?:one|person)\s+(?:here\s+|round here\s+|at work\s+)?"
    r"(?:who|that)\s*(?P<rest>.+?)[\W_]*$")
_QUOTED = re.compile(r"^\s*['‘’\"“”«]")


@dataclass(frozen=True, slots=True)
class Asked:
    """A question read as a statement: ``statement`` in place of ``text[start:end]``, ``cue``
    the words that mark the question."""

    start: int
    end: int
    statement: str
    cue: str


def _questions(text: str, s_start: int, s_end: int) -> tuple[int, int] | None:
    """The sentence's words, trimmed, if it is an unquoted question."""
    sentence = text[s_start:s_end]
    if not sentence.rstrip().endswith("?") or _QUOTED.match(sentence):
        return None
    lead = len(sentence) - len(sentence.lstrip())
    return s_start + lead, s_start + len(sentence.rstrip())


def interrogative_negator(text: str, s_start: int, s_end: int) -> tuple[int, int] | None:
    """Where the negator of a negative interrogative stands in ``text[s_start:s_end]`` (a
    sentence of normalised text), or None: the "n't" of "isn't it ...?", "why shouldn't we
    ...?", "who wouldn't ...?", the "not" of "is it not ...?" and "how are X not P?"."""
    bounds = _questions(text, s_start, s_end)
    if bounds is None:
        return None
    start, end = bounds
    match = _NEGATIVE.match(text, start, end) or _WHO_NOT.match(text, start, end)
    if match is None:
        return None
    for name in ("neg", "neg2", "neg3"):
        if name in match.re.groupindex and match.group(name):
            return match.span(name)
    return None


def asked(text: str, sentences: Sequence[tuple[int, int]],
          groups: Sequence[tuple[int, int, str]]) -> Asked | None:
    """The statement the first negative interrogative about a group asks agreement with."""
    for s_start, s_end in sentences:
        bounds = _questions(text, s_start, s_end)
        if bounds is None or not _holds_group(groups, *bounds):
            continue
        start, end = bounds
        match = _NEGATIVE.match(text, start, end)
        if match is None:
            continue
        statement = _positive(match)
        if statement:
            cue = text[start:match.end("neg") if match.group("neg") else
                       match.end("neg2") if match.group("neg2") else match.end("neg3")]
            return Asked(s_start, s_end, statement, cue.strip())
    return None


def answered(text: str, sentences: Sequence[tuple[int, int]],
             groups: Sequence[tuple[int, int, str]]) -> Asked | None:
    """The statement a rhetorical wh-question about a group takes as its answer."""
    for s_start, s_end in sentences:
        bounds = _questions(text, s_start, s_end)
        if bounds is None:
            continue
        start, end = bounds
        for pattern, build in _ANSWERS:
            match = pattern.match(text, start, end)
            if match is None or not (_group_opens(text, groups, match.start("rest"), match.end("rest"))
                                     if pattern is _WHO or pattern is _WHAT_GOOD or pattern is _POINT
                                     else _holds_group(groups, match.start("rest"), match.end("rest"))):
                continue
            statement = build(match)
            if statement:
                return Asked(s_start, s_end, statement, text[start:match.start("rest")].strip())
    return None


def _holds_group(groups: Sequence[tuple[int, int, str]], start: int, end: int) -> bool:
    return any(start <= a and b <= end for a, b, _ in groups)


def _group_opens(text: str, groups: Sequence[tuple[int, int, str]], start: int, end: int) -> bool:
    """Whether a group word stands first in ``text[start:end]``, or after one word ("a trans
    person", "more polish workers", "hiring trans staff"): the verb's object; not "the point
    of contact for disabled residents"."""
    return any(start <= a and b <= end and len(text[start:a].split()) <= 1 for a, b, _ in groups)


def _be(aux: str) -> str:
    return _POSITIVE.get(aux, aux)


def _positive(match: re.Match[str]) -> str:
    """The statement a negative interrogative asks agreement with, lower case, or ''."""
    if match.group("aux3"):  # "how are X not P?" -> "X are P."
        subject = match.group("subject").strip()
        aux = _be(match.group("aux3"))  # not "why are X not at the fair?": a genuine question
        return " ".join(w for w in (subject, aux, match.group("rest3")) if w) + "."
    if match.group("aux2"):  # "is it not time ...?" -> "it is time ..."
        aux = _be(match.group("aux2"))
        return " ".join(w for w in (match.group("pron"), aux, match.group("rest2")) if w) + "."
    aux, rest = match.group("aux"), match.group("rest")
    opinion = _OPINION.match(rest)
    if opinion and aux in ("do", "does", "did"):  # "don't you think X are P?" -> "X are P."
        return rest[opinion.end():] + "."
    # "why don't we ...?", "why shouldn't X ...?" -> "we should ...", "X should ..."
    should = "should be" if aux in ("is", "are", "was", "were") else "should"
    positive = should if match.group("why") else _be(aux)
    pronoun = re.match(_PRONOUN + r"(?![a-z'’])\s*", rest)
    if pronoun:  # "isn't it time ...?" -> "it is time ..."
        subject, predicate = pronoun.group().strip(), rest[pronoun.end():]
        if subject == "there" and positive == "should":
            positive = "should be"
        return " ".join(w for w in (subject, positive, predicate) if w) + "."
    # A noun phrase subject: the encoder reads the question without its negator as the
    # proposition: no parser says where it ends
    # ("would the town be better without X."); "don't X ever P?" says "X ever P."
    return " ".join(w for w in (positive if match.group("why") else _be(aux), rest) if w) + "."


def _nobody(match: re.Match[str]) -> str:
    verb = re.sub(r"\s+", " ", match.group("verb"))
    if not verb.startswith(("would", "could", "will", "'d")):
        verb = re.sub(r"^(like|want|need|trust|care|miss|hire|employ)(?:s|es)?", r"\1s", verb)
    verb = verb.replace("'d ", "would ")
    return f"nobody {verb} {match.group('rest')}."


def _no_good(match: re.Match[str]) -> str:
    what, be, rest = match.group("what"), match.group("be"), match.group("rest")
    if be in ("has", "have"):  # "what good has X ever brought?" -> "X has never brought any good"
        said = re.sub(r"^(.+?)\s+ever\s+", r"\1 never ", rest)
        return f"{said} anything {'good' if what == 'good' else 'useful'}." if said != rest else ""
    object_ = {"good": "no good", "use": "useless", "purpose": "pointless"}[what]
    head, tail = _subject_split(rest)
    return " ".join(w for w in (head, be, object_, tail) if w) + "."


def _subject_split(rest: str) -> tuple[str, str]:
    """``rest`` cut where the subject of "what good are X to anyone" ends: before its first
    preposition or adverb."""
    cut = re.search(r"\s(?:to|for|in|on|at|with|round|around|apart|anyway|these days|now|really"
                    r"|actually|once|when|if|who|that)(?![a-z])", rest)
    return (rest[:cut.start()], rest[cut.start() + 1:]) if cut else (rest, "")


def _pointless(match: re.Match[str]) -> str:
    return f"{match.group('rest')} is pointless."


_FIRST_PERSON = {"is": "am", "'s": "am", "’s": "am", "has": "have", "hasn't": "haven't",
                 "hasn’t": "haven’t", "isn't": "am not", "isn’t": "am not", "was": "was",
                 "does": "do", "doesn't": "don't", "doesn’t": "don’t"}


def _i_think(match: re.Match[str]) -> str:
    """"am I the only one who thinks X are P?" -> "X are P."; "... who's sick of X?" -> "i am
    sick of X."; "... who finds X a nuisance?" -> "i find X a nuisance."."""
    rest = match.group("rest")
    said = re.match(r"(?:thinks|reckons|believes|feels)\s+(?:that\s+)?", rest)
    if said:
        return rest[said.end():] + "."
    verb = re.match(r"(['’]s|[a-z]+(?:n['’]t)?)\s*", rest)
    if verb is None:
        return ""
    word = verb.group(1)
    first = _FIRST_PERSON.get(word) or re.sub(r"(?:(?<=[sxz]h)|(?<=[sxz]))es$|s$", "", word)
    return f"i {first} {rest[verb.end():]}."


def _everyone(match: re.Match[str]) -> str:
    aux = _be(match.group("aux")) or ""
    return " ".join(w for w in ("everyone", aux, match.group("rest")) if w) + "."


_ANSWERS = ((_WHO, _nobody), (_WHAT_GOOD, _no_good), (_POINT, _pointless),
            (_ONLY_ONE, _i_think), (_WHO_NOT, _everyone))
