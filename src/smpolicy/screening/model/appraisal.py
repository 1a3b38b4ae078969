"""Appraisal: does the post plainly praise, thank or welcome the people it names?

Why this exists: the 6.4(c) model reads a sentence embedding, and sentence embeddings place
"gay people are wonderful neighbours" next to "gay people are disgusting neighbours". They
encode *who* a post is about far more strongly than the polarity of what it says about them,
so the model flags a share of warm posts about protected groups, and at different rates for
different groups (the group word moves the embedding more than the praise does). The encoder
is not retrained for this; instead a rule reads the predicate's polarity, which it can do
reliably only in the easy, clear case, and the model's part of the score is damped there.

A post counts as *clear praise* only if all of these hold:

- the sentiment lexicon (VADER, ``vaderSentiment`` 3.3.2, MIT, its word list ships inside
  the package: no download) scores the whole post clearly positive, with at least one strong
  positive word (praise, thanks, welcome, pride, love, support);
- no word in it is negative in that lexicon or on our own short list of hostile words the
  lexicon lacks (``invade``, ``vermin``, ``breed``, ...);
- nothing negates, and there are no sarcasm markers ("yeah right", "so-called", scare quotes,
  an eye-roll emoji);
- no backhanded or conditional frame: praise that holds "when they keep quiet", "for a
  disabled lad", "some of them ... I suppose", "one of the good ones", comparisons with
  "than", generalisations ("all", "just", "typical"), what a group "should" do or where its
  "place" is. Benevolent prejudice is worded as praise, so any of
  these leaves the model's score as it is.

The lexicon detectors are never damped: ``damping`` is 1 whenever the discrimination lexicon
found a slur, a derogatory phrase or a threat, and the damped model score is joined with the
lexicon's own score by the same noisy-OR (``features.combine``), so no rule finding is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from smpolicy.screening.model.features import Signals

# The model's share of the 6.4(c) score is multiplied by this for clear praise. Chosen on the
# training dev split (scripts/identity_rates.py; MODEL_CARD.md): with MIN_COMPOUND 0.4, 0.75
# left 23 of 190 positive identity posts flagged, 0.5 left 6, 0.25 left 3, and none of them
# unflagged a hateful post. 0.5 rather than 0.25 because below the review threshold (0.45) a
# factor switches the model off altogether for the post, while at 0.5 a model that is all but
# certain (rescaled score >= 0.9) still flags: a guard for hate the rule misreads as praise.
PRAISE_DAMPING = 0.5

MIN_COMPOUND = 0.4  # VADER's compound score (-1..1) for "clearly positive"
STRONG_WORD = 1.5  # a word of at least this valence (VADER's -4..4 scale) carries the praise
HOSTILE_WORD = -0.5  # any word at or below this valence rules the reading out

_WORD = re.compile(r"[a-z']+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Hostile words the sentiment lexicon has no entry for (it is a general-purpose list), and
# words that praise a group's going ("lovely to see them finally leave").
_HOSTILE = _words(
    """
    vermin invade invading invasion invaders swarm swarms swarming flood flooding breed
    breeding infest infested infestation parasite parasites leech leeches plague deport
    deported deportation illegals illegal scrounger scroungers savages savage animals
    subhuman backward primitive degenerate degenerates groomers grooming replace replacing
    finally rid gone leave leaving kicked banned evicted removed expelled rats rat
    cockroaches cockroach insects rodents locusts apes monkeys pigs dogs snakes
    """
)

# Negation the lexicon's own list misses or that we read as negation of the praise.
_NEGATION = _words(
    """
    not no never nothing nobody none neither nor without hardly barely isnt arent wasnt
    werent dont doesnt didnt cant cannot couldnt wont wouldnt shouldnt aint
    """
)

# Frames that make praise conditional, backhanded or prescriptive; and sarcasm markers.
_FRAMES = re.compile(
    r"""
    \b(?:when|whenever|as\ long\ as|if|unless|only|provided|so\ long\ as)\b
  | \bfor\ (?:a|an|their|his|her)\b
  | \b(?:but|though|although|except|however|yet|still|even|considering|despite)\b
  | \b(?:some|most|few|one)\ of\ (?:them|those|these|the\ good)\b
  | \btoo\ (?:many|much)\b | \bgood\ ones?\b | \bnot\ like\ (?:the|most|other)\b | \bunlike\b | \bthan\b
  | \b(?:i\ suppose|i\ guess|suppose|surprisingly|actually|quite|fairly|enough|at\ least)\b
  | \b(?:should|shouldn't|must|ought|need\ to|needs\ to|belong|their\ place|stay\ at\ home)\b
  | \b(?:their\ own|own\ kind|(?:right|proper|rightful)\ place|place\ for)\b
  | \b(?:just|obvious|obviously|clearly|typical)\b
  | \ball\ (?:\w+\ ){0,2}(?:are|is|do|have)\b | \b(?:are|is)\ all\b
  | \b(?:keep|kept|stay|stays)\ (?:quiet|quite|silent|in\ line|indoors)\b
  | \b(?:naturally|by\ nature|born\ to)\b
  | \b(?:yeah\ right|oh\ great|oh\ sure|so[- ]called|supposedly|allegedly|apparently|as\ if)\b
  | \b(?:lol|lmao|rofl|jk)\b | /s\b
    """,
    re.VERBOSE,
)

# Positive in the lexicon but, in these posts, mostly comparison or filler ("breed like rats").
# Mockery is positive in the lexicon too ("so funny to park in the wheelchair spaces").
_NOT_PRAISE = _words(
    "like likes right yes ok okay sure funny funnier hilarious laugh laughing laughed lol "
    "haha hahaha joke jokes joking amusing amused comfortable"
)
# "isnt", "cant", "wont" and the like, as the word pattern reads them without the apostrophe.
_AUX = _words("is are was were do does did ca could wo would should must need has have had")
_SARCASM_EMOJI = frozenset("🙄😏😒🤡🤣😂🤔")
_NOTHING_BUT = re.compile(r"\bnothing but\b", re.IGNORECASE)
_SUPERLATIVE = re.compile(r"\b[A-Za-z]{3,}est\b")
_COULDNT_WITHOUT = re.compile(
    r"\b(?:we|i)\s+(?:couldn't|couldn’t|could\s+not|can't|can’t|cannot)\s+(?:have\s+)?"
    r"(?:do|done|manage|managed|cope|coped)(?:\s+(?:it|this|that))?\s+without\b",
    re.IGNORECASE,
)
_SCARE_QUOTES = re.compile(r"""["'‘“]\s*[a-z]+\s*["'’”]""")


@dataclass(frozen=True, slots=True)
class Appraisal:
    """The rule's reading of one post, kept for explanations and tests."""

    praise: bool
    compound: float
    reason: str  # why it is or is not clear praise, in words


def appraise(text: str) -> Appraisal:
    """Whether ``text`` is clear praise of whoever it names, and why (see the module doc)."""
    analyser = _analyser()
    text = _NOTHING_BUT.sub("", text)  # "nothing but admiration for ...": praise, not negation
    text = _questions().praise.sub(r"\1 is", text)  # "isn't it great that": "it is great that"
    text = _COULDNT_WITHOUT.sub("thanks to", text)  # "couldn't do it without them": thanks
    text = _SUPERLATIVE.sub(lambda m: _base_form(m.group(), analyser.lexicon), text)
    lowered = text.lower()
    compound = float(analyser.polarity_scores(text)["compound"])
    words = [w.replace("'", "").replace("’", "") for w in _WORD.findall(lowered.replace("’", "'"))]
    if compound < MIN_COMPOUND:
        return Appraisal(False, compound, "not clearly positive")
    valences = [analyser.lexicon.get(w, 0.0) for w in words]
    if not any(v >= STRONG_WORD and w not in _NOT_PRAISE for w, v in zip(words, valences, strict=True)):
        return Appraisal(False, compound, "no strong word of praise")
    hostile = [w for w, v in zip(words, valences, strict=True) if v <= HOSTILE_WORD]
    hostile += [w for w in words if w in _HOSTILE]
    if hostile:
        return Appraisal(False, compound, f"hostile word '{hostile[0]}'")
    negated = [w for w in words if w in _NEGATION or (w.endswith("nt") and w[:-2] in _AUX)]
    if negated:
        return Appraisal(False, compound, f"negation '{negated[0]}'")
    frame = _FRAMES.search(lowered.replace("’", "'"))
    if frame:
        return Appraisal(False, compound, f"backhanded, conditional or sarcastic '{frame.group()}'")
    if any(char in _SARCASM_EMOJI for char in text) or _SCARE_QUOTES.search(lowered):
        return Appraisal(False, compound, "sarcasm marker")
    if _questions().rhetorical.search(lowered.replace("’", "'")):
        return Appraisal(False, compound, "rhetorical question")
    return Appraisal(True, compound, "clear praise")


def _base_form(word: str, lexicon: dict[str, float]) -> str:
    """Read "kindest" as "most kind": the lexicon lists base forms only, and VADER reads "most"
    as a booster. Words that are not a listed word's superlative ("honest", "west") are kept."""
    if word.lower() in lexicon:
        return word
    stem = word[:-3].lower()
    for base in (stem, stem + "e", stem[:-1] + "y", stem[:-1]):
        if lexicon.get(base, 0.0) > 0:
            return f"most {base}"
    return word


def valence(word: str) -> float:
    """The sentiment lexicon's valence of one lower-case word (-4..4; 0 when it has none)."""
    return float(_analyser().lexicon.get(word, 0.0))


def damping(text: str, signals: Signals) -> float:
    """Factor for the model's part of the 6.4(c) score: ``PRAISE_DAMPING`` for clear praise
    or a plain enquiry (``enquiry``) with no lexicon hit, else 1 (the lexicon's own score is
    never damped)."""
    if signals.slur or signals.derogatory or signals.threat:
        return 1.0
    return PRAISE_DAMPING if (appraise(text).praise or enquiry(text) or support(text)
                              or condemns_harm(text, signals)) else 1.0


def support(text: str) -> bool:
    """Whether ``text`` is a supportive claim about what a group should have or be given ("In
    my opinion deaf people should have a BSL interpreter at every public meeting", "I reckon
    teenagers deserve a proper youth centre"), with no hostile word and none of the words of a
    rhetorical question or of a group sent away or kept apart (``enquiry_stops``,
    ``support_stops``). Opinion frames ("in my opinion", "I reckon") are how staff write
    support as often as hate; the encoder reads the group, so the claim's own words decide."""
    rules = _questions()
    lowered = text.lower().replace("’", "'")
    if not rules.support.search(lowered) or rules.stops.search(lowered) \
            or rules.support_stops.search(lowered):
        return False
    return not _hostile_words(lowered)


def condemns_harm(text: str, signals: Signals) -> bool:
    """Whether ``text`` condemns people who harmed a group: its subject is people a relative
    clause defines by an act of harm ("the man who spat at the Muslim woman in the queue",
    "anyone who mocks deaf customers", context.yaml ``harm_acts``), every word that names a
    group stands inside that clause (the group is the victim, not the subject: not "Muslims
    who pray in the street are ..."), and the verdict that follows is hostile ("is
    disgusting", "are cowards", "should be ashamed"). The encoder reads such posts by the
    group they name and the insult beside it, as hostile to the group; they are counter-speech.
    """
    rules = _questions()
    lowered = text.lower().replace("’", "'")
    mentions = [span for _, span in signals.mentions]
    if not mentions:
        return False
    from smpolicy.screening.model.negation import HOSTILE, predicate_polarity

    for clause in rules.harm_condemned.finditer(lowered):
        start, end = clause.span("clause")
        if not rules.harm_acts.search(lowered, start, end):
            continue
        if not all(start <= a and b <= end for a, b in mentions):
            continue
        verdict = clause.group("verdict")
        if predicate_polarity(verdict)[0] == HOSTILE or rules.condemnations.search(verdict) \
                or any(valence(w.removesuffix("s")) <= HOSTILE_WORD for w in _WORD.findall(verdict)):
            return True  # "cowards": the sentiment lexicon has the singular only
    return False


def _hostile_words(lowered: str) -> bool:
    analyser = _analyser()
    words = [w.replace("'", "") for w in _WORD.findall(lowered)]
    return any(analyser.lexicon.get(w, 0.0) <= HOSTILE_WORD or w in _HOSTILE for w in words)


def enquiry(text: str) -> bool:
    """Whether ``text`` is a plain enquiry: a question asking about a service, an event, a rule
    or who does what, or proposing something for a group ("Are there any gay staff networks at
    the council?", "Should the leisure centre run a Muslim women's swim session?", "Why are so
    few women in senior roles here?"), with no hostile word (as for praise) and none of the
    words that make a question rhetorical ("even", "just", "allowed": ``enquiry_stops`` in
    ``context.yaml``). The encoder reads such questions by the group they name, as it reads
    praise; a hateful question keeps its lexicon finding, which this never damps."""
    rules = _questions()
    lowered = text.lower().replace("’", "'")
    if "?" not in lowered or rules.stops.search(lowered):
        return False
    questions = [m.start() for m in _QUESTION_START.finditer(lowered)
                 if lowered.find("?", m.end()) != -1]
    if not any(rules.enquiry.match(lowered, start) for start in questions):
        return False
    return not _hostile_words(lowered)


# Where a sentence may begin: the post's start, or after an end of sentence and spaces.
_QUESTION_START = re.compile(r"(?:^|(?<=[.!?\n]))\s*(?:(?:so|but|and|ok|okay|hi|hello|quick question|"
                             r"just wondering|random question)\W+)*")


@dataclass(frozen=True, slots=True)
class _Questions:
    praise: re.Pattern[str]
    rhetorical: re.Pattern[str]
    enquiry: re.Pattern[str]
    stops: re.Pattern[str]
    support: re.Pattern[str]
    support_stops: re.Pattern[str]
    harm_condemned: re.Pattern[str]  # "the man who ... is ...", for ``condemns_harm``
    harm_acts: re.Pattern[str]
    condemnations: re.Pattern[str]


@cache
def _questions() -> _Questions:
    from smpolicy.screening.lexicon import load_lexicon, words_regex

    context = load_lexicon("context")
    return _Questions(
        praise=re.compile(context["praise_questions"], re.IGNORECASE),
        rhetorical=re.compile(context["rhetorical_questions"]),
        enquiry=re.compile("(?:" + "|".join(context["enquiries"]) + ")"),
        stops=re.compile(r"(?<![a-z])(?:" + words_regex(context["enquiry_stops"]) + r")(?![a-z])"),
        support=re.compile("(?<![a-z])(?:" + "|".join(context["supportive_claims"]) + ")"),
        support_stops=re.compile(
            r"(?<![a-z])(?:" + words_regex(context["support_stops"]) + r")(?![a-z])"),
        # a relative clause (its subject's head before it, or "whoever"), then the main verb
        # and the verdict, to the end of the sentence
        harm_condemned=re.compile(
            r"(?<![a-z])(?P<clause>(?:who|whoever|that)(?![a-z])[^.!?]*?)"
            r"\s+(?:is|are|was|were|should|must|deserve|deserves|ought to|need to|needs to)"
            r"(?![a-z])(?P<verdict>[^.!?]*)"),
        harm_acts=re.compile(
            r"(?<![a-z])(?:" + words_regex(context["harm_acts"]) + r")(?![a-z])"),
        condemnations=re.compile(
            r"(?<![a-z])(?:" + words_regex(context["condemnations"]) + r")(?![a-z])"),
    )


@cache
def _analyser():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()
