"""6.4(c): offensive or derogatory comments relating to a protected characteristic.

Two kinds of evidence, from ``lexicons/discrimination.yaml``: slurs, and derogatory statements
about a group (generalisations, hostility, calls for harm, stereotyping phrases). Each hit is
weighed by its sentence (``cues``): quoting or condemning abuse, negating it, or reclaiming a
word one identifies with lowers the score, usually below the review threshold.

``lexicon_signals`` exposes the same evidence as numbers so that a learned classifier can
combine it with its own score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from smpolicy.screening.cues import Cues, cues_for
from smpolicy.screening.detectors.base import BaseDetector, keep_strongest
from smpolicy.screening.detectors.discrimination_lexicon import NOT_TO_LOSE, compiled
from smpolicy.screening.detectors.statement_cues import statement_cues
from smpolicy.screening.detectors.threats import find_threats
from smpolicy.screening.findings import Category, Finding
from smpolicy.screening.glued import Glued, glued_tokens
from smpolicy.screening.in_group import in_group_use, like_me
from smpolicy.screening.normalise import NormalisedText
from smpolicy.screening.registry import DetectorContext
from smpolicy.screening.senses import everyday_sense

CLAUSE = "6.4(c)"
COUNTER_SPEECH_FACTOR = 0.3
NEGATION_FACTOR = 0.4
RECLAIMED_FACTOR = 0.25
INTENSIFIER_BONUS = 0.1
NAME_DEROGATION = 0.8  # a group's own name with its people derogated (``_name_derogation``)


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # "slur" | "derogatory"
    start: int
    end: int
    raw_score: float
    score: float
    target: str
    cues: Cues
    reclaimed: bool = False  # a reclaimable word used by one of the group ("us queers")


@dataclass(frozen=True, slots=True)
class LexiconSignals:
    """The lexicon's evidence about one post, for a learned combiner."""

    slur: float
    derogatory: float
    threat: float
    counter_speech: bool
    negated: bool
    self_identified: bool
    targets: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    mentions: tuple[Mention, ...] = ()
    reclaimed: tuple[Mention, ...] = ()  # the reclaimed words ("us dykes"), for ``cue_gate``


@dataclass(frozen=True, slots=True)
class Mention:
    """Words of a post that name a protected characteristic or people who share it."""

    target: str  # the characteristic's id
    start: int  # [start, end) in the original text
    end: int


_NOT_LOSING = re.compile(NOT_TO_LOSE)


def find_hits(post: NormalisedText) -> list[Hit]:
    """Every slur and derogatory statement in the post, weighed by its context."""
    lexicon = compiled()
    text = post.text
    hits: list[Hit] = []
    for hit in lexicon.slurs.find(post):
        target, raw = hit.data
        homonym = lexicon.homonyms.get(hit.term)
        aimed = None  # asked once, and only when an answer is needed
        if homonym is not None:
            aimed = lexicon.aim.aimed_at_person(text, hit.start, hit.end)
            if everyday_sense(homonym, lexicon.aim, text, hit.start, hit.end, aimed,
                              _as_written(post, hit.start, hit.end, hit.term)):
                continue
            if hit.term in lexicon.in_identity_phrases and _group_name(post, hit.start, hit.end) \
                    and not lexicon.aim.addressed(text, hit.start):
                if hit.term in lexicon.reclaimable and like_me(text, hit.end):
                    # "queer people like me": the group's name, and the writer one of them
                    cues = cues_for(text, hit.start, hit.end)
                    hits.append(Hit("slur", hit.start, hit.end, raw,
                                    _weigh(raw, cues, reclaimed=True), target, cues, True))
                else:
                    # "the queer community": the group's name, read by the model as such,
                    # unless the post derogates the people it names ("Queer Film Night ...
                    # perverts")
                    derogation = _name_derogation(text, hit.start, hit.end, target)
                    if derogation is not None:
                        hits.append(derogation)
                continue
        if hit.term in lexicon.noun_scores and _as_noun(text, hit.start, hit.end, hit.term):
            raw = lexicon.noun_scores[hit.term]  # "the queers at ...", not "a queer dad"
        cues = cues_for(text, hit.start, hit.end)
        if cues.negated and (lexicon.aim.scolded(text, hit.start)
                             or (lexicon.aim.refused(text, hit.start)
                                 and _NOT_LOSING.match(text, hit.end) is not None)):
            # "don't be such a X", "never hire a X", "don't want Xs in our loos"; not "don't
            # want Xs to feel unwelcome"
            cues = replace(cues, negated=False)
        score = raw
        if lexicon.intensifier.search(text[max(0, hit.start - 20) : hit.start]) \
                or (aimed if aimed is not None
                    else lexicon.aim.aimed_at_person(text, hit.start, hit.end)) \
                or lexicon.aim.pointed_at_people(text, hit.start):
            score = min(0.99, round(score + INTENSIFIER_BONUS, 6))  # 0.35 + 0.1 is 0.4499...
        reclaimed = hit.term in lexicon.reclaimable and (
            in_group_use(text, hit.start, hit.end, lexicon.reclaimed_by.get(hit.term)))
        if hit.term in lexicon.reclaimable and not reclaimed and _in_a_name(post, hit.start, hit.end):
            derogation = _name_derogation(text, hit.start, hit.end, target)
            reclaimed = derogation is None
            if derogation is not None:  # "Queer Film Night is just an excuse for perverts"
                hits.append(derogation)
        score = _weigh(score, cues, reclaimed=reclaimed)
        hits.append(Hit("slur", hit.start, hit.end, raw, score, target, cues, reclaimed))
    for _, template in lexicon.templates.open_for(text):
        for match in template.pattern.regex.finditer(text):
            target = template.target or _target_of(match, lexicon.group_targets)
            cues = statement_cues(text, match)
            score = _weigh(template.score, cues, reclaimed=False)
            hits.append(
                Hit("derogatory", match.start(), match.end(), template.score, score, target, cues)
            )
    return hits


# A singular that ends its phrase ("he's a queer, ...", "some crip was ...", "there's a queer
# in finance"): punctuation, the end, or a word that starts no noun phrase; not "a queer dad"
# (an adjective), nor a role after "as" ("as the token crip on the panel": maybe the writer's).
_ARTICLE_BEFORE = re.compile(r"(?<!\bas )\b(?:a|an|the|some|that|this|one|another|you|oi|ya)\W+"
                             r"(?:[a-z'-]+\W+){0,2}$")
_PHRASE_ENDS = re.compile(r"(?:'s)?\s*(?:[^\w\s'-]|$)|\s+(?:who|was|is|were|has|had|in|on|at|to"
                          r"|from|with|like|but|then|again|always|never|mate|myself|yourself"
                          r"|himself|herself)(?![\w'])")


def _as_noun(text: str, start: int, end: int, term: str) -> bool:
    """Whether the reclaimable word at ``text[start:end]`` is a noun for people: a plural
    ("queers", "crips"), or a singular after an article that ends its phrase ("is a queer,",
    "some crip was"); not the adjective of the group's neutral name ("a queer dad", "queer and
    trans staff")."""
    if text[start:end] != term:
        return True
    return (_ARTICLE_BEFORE.search(text, max(0, start - 40), start) is not None
            and _PHRASE_ENDS.match(text, end) is not None)


# A capitalised word, then (past a linking word) another: the name of a group or event ("Dykes
# on Bikes", "Queer Film Night", "Crip Camp screening", "Queers of Shaftesbury").
_NAME_NEXT = re.compile(r"[ \t]+(?:(?:of|on|and|&|in|the|for|at)[ \t]+)?[A-Z][a-z]")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _in_a_name(post: NormalisedText, start: int, end: int) -> bool:
    """Whether the reclaimable word at ``post.text[start:end]`` is written as part of the name of
    a group or an event ("Dykes on Bikes", "Queer Film Night", "Crip Camp screening"): the
    group's own name for itself, used by whoever announces it. A post in title case throughout
    ("Those Dykes Are Everywhere") names nothing."""
    o_start, o_end = post.to_original(start, end)
    original = post.original
    word = original[o_start:o_end]
    if not word[:1].isupper() or word.isupper() or _NAME_NEXT.match(original, o_end) is None:
        return False
    words = _WORD.findall(original[max(0, o_start - 200):o_end + 200])
    return sum(w[0].isupper() for w in words) * 2 <= len(words)


def _name_derogation(text: str, start: int, end: int, target: str) -> Hit | None:
    """A derogatory hit from a reclaimed word written in a name ("Queer Film Night") to a word
    elsewhere in the post that derogates the people the name refers to ("... an excuse for
    perverts", ``name_derogations``), where the sentence neither condemns nor negates it; None
    if there is none. A name is the group's own, but using it does not excuse abusing them."""
    for match in compiled().name_derogations.finditer(text):
        if start <= match.start() < end:
            continue
        span = (min(start, match.start()), max(end, match.end()))
        cues = cues_for(text, *span)
        if not (cues.counter_speech or cues.negated):
            return Hit("derogatory", *span, NAME_DEROGATION, NAME_DEROGATION, target, cues)
    return None


def _group_name(post: NormalisedText, start: int, end: int) -> bool:
    """Whether the slur's letters at ``post.text[start:end]`` are one word of a longer
    identity phrase ("the queer community", "openly queer"): the neutral name of the group,
    like "the gay community", not a slur (``identity_references`` in the lexicon)."""
    return any(hit.start <= start and end <= hit.end and hit.end - hit.start > end - start
               for hit in compiled().identities.find(post))


def identity_mentions(post: NormalisedText) -> tuple[Mention, ...]:
    """Every word of the post that names a protected characteristic or its people, a slur
    included, in text order.

    Read from the normalised text, so obfuscated and misspelt forms count ("m u s l i m s",
    "g4ys"), and inside words run together ("muslimsare", "thegaycouple": ``glued_identities``); a
    slur whose letters mean something else here ("fag butts") does not.
    """
    return tuple(Mention(target, *post.to_original(start, end))
                 for start, end, target in identity_spans(post))


def identity_spans(post: NormalisedText) -> list[tuple[int, int, str]]:
    """``identity_mentions`` as (start, end, characteristic) spans of the normalised text."""
    lexicon = compiled()
    senses = set(everyday_senses(post))  # the same reading of a slur's sense as ``find_hits``
    found = [(hit.start, hit.end, hit.data) for hit in lexicon.identities.find(post)]
    found += [term for token in glued_identities(post.text) for term in token.terms]
    # an identity word that is also such a slur ("cripple") names no one in its everyday
    # sense ("the cuts will cripple the sector")
    found = [item for item in found if not any(item[0] < end and start < item[1]
                                               for start, end in senses)]
    found += [(hit.start, hit.end, hit.data[0]) for hit in lexicon.slurs.find(post)
              if (hit.start, hit.end) not in senses]
    spans: list[tuple[int, int, str]] = []
    last_end = -1
    for start, end, target in sorted(found, key=lambda item: (item[0], -item[1])):
        if end > last_end:  # "black people", not also the "black" inside it
            spans.append((start, end, target))
            last_end = end
    return spans


@lru_cache(maxsize=1024)
def glued_identities(text: str) -> tuple[Glued, ...]:
    """Tokens of ``text`` (normalised) that hold identity words run together ("muslimsare"):
    asked for the gate, the statements ``model/stance.py`` reads, and what the encoder reads
    (``classifier.model_text``), so split once per text."""
    return tuple(glued_tokens(text, compiled().glued))


def _as_written(post: NormalisedText, start: int, end: int, term: str) -> str | None:
    """The post's own letters for a hit that is the lexicon's term itself (not a plural or
    another form), so that their case can be read ("Paddy", a name); else None."""
    if post.text[start:end] != term:
        return None
    return post.evidence(start, end)[2]


def everyday_senses(post: NormalisedText) -> list[tuple[int, int]]:
    """Spans of ``post.text`` whose letters spell a slur but mean something else here ("slag"
    in "slag the council off"): the classifier's encoder is not shown them (it reads the
    word, not the sense)."""
    lexicon = compiled()
    spans = []
    for hit in lexicon.slurs.find(post):  # the post's cached scan: no templates, no cues
        if everyday_sense(lexicon.homonyms.get(hit.term), lexicon.aim, post.text, hit.start,
                          hit.end, written=_as_written(post, hit.start, hit.end, hit.term)):
            spans.append((hit.start, hit.end))
    return spans


def _weigh(score: float, cues: Cues, *, reclaimed: bool) -> float:
    if cues.counter_speech:
        score *= COUNTER_SPEECH_FACTOR
    elif cues.negated:
        score *= NEGATION_FACTOR
    if reclaimed:
        score *= RECLAIMED_FACTOR
    return score


def _target_of(match: re.Match[str], group_targets: dict[str, str]) -> str:
    for name in ("group", "single"):
        word = match.groupdict().get(name)
        if word:
            word = re.sub(r"[\s\-]+", " ", word)
            return group_targets.get(word) or group_targets.get(word[:-1], "race")  # "bulgarians"
    return "race"


def lexicon_signals(post: NormalisedText) -> LexiconSignals:
    hits = find_hits(post)
    reclaimed = [h for h in hits if h.reclaimed]
    threats = find_threats(post)
    slur = max((h.score for h in hits if h.kind == "slur"), default=0.0)
    derogatory = max((h.score for h in hits if h.kind == "derogatory"), default=0.0)
    return LexiconSignals(
        slur=slur,
        derogatory=derogatory,
        threat=max((t.score for t in threats), default=0.0),
        counter_speech=any(h.cues.counter_speech for h in hits),
        negated=any(h.cues.negated for h in hits),
        self_identified=bool(reclaimed),
        targets=tuple(dict.fromkeys(h.target for h in hits)),
        spans=tuple(post.to_original(h.start, h.end) for h in hits),
        mentions=identity_mentions(post),
        reclaimed=tuple(Mention(h.target, *post.to_original(h.start, h.end))
                        for h in reclaimed) if reclaimed else (),
    )


class DiscriminationDetector(BaseDetector):
    name = "discrimination"
    categories = frozenset({Category.DISCRIMINATION})

    def detect(self, post: NormalisedText) -> list[Finding]:
        labels = compiled().labels
        findings = []
        for hit in find_hits(post):
            start, end, evidence = post.evidence(hit.start, hit.end)
            label = labels.get(hit.target, hit.target.replace("_", " "))
            findings.append(Finding(
                detector=self.name, category=Category.DISCRIMINATION, clause=CLAUSE,
                score=hit.score, start=start, end=end, evidence=evidence,
                explanation=_explain(hit, evidence, label), target=hit.target,
            ))
        return keep_strongest(findings)


def _explain(hit: Hit, evidence: str, label: str) -> str:
    if hit.kind == "slur":
        text = f"Uses '{evidence}', a slur relating to {label}"
    else:
        text = f"Makes a derogatory statement about people on grounds of {label}"
    text += f"; clause {CLAUSE} forbids offensive or derogatory comments relating to {label}."
    if hit.cues.counter_speech:
        text += " The sentence seems to quote or condemn it, so the score is lowered."
    elif hit.cues.negated:
        text += " The words are negated, so the score is lowered."
    return text



def build(context: DetectorContext) -> DiscriminationDetector:
    return DiscriminationDetector()
