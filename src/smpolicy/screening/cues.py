"""Context cues shared by the rule detectors: counter-speech, negation, disclaimers, self-identification.

They answer one question about a flagged span: does its sentence show that the writer is
quoting, condemning, denying or reclaiming rather than uttering abuse? Reclaiming is asked
of reclaimable words only (``in_group_use``): "us queers", not "you queers".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from smpolicy.screening.lexicon import compile_template, load_lexicon, sentence_bounds, words_regex, words_trie
from smpolicy.screening.prefilter import GatedList, GatedPattern, open_gates
from smpolicy.screening.questions import interrogative_negator
from smpolicy.screening.scan import registers_words

_DOUBLE_QUOTES = "\"“”«»"
_SINGLE_QUOTES = "'‘’"


@dataclass(frozen=True, slots=True)
class Cues:
    counter_speech: bool
    negated: bool
    disclaimer: bool
    text: str = field(repr=False)  # the post's normalised text, for ``self_identified``
    start: int = field(default=0, repr=False)  # the hit, for ``reported``
    end: int = field(default=0, repr=False)

    @property
    def reported(self) -> bool:
        """Whether the hit lies in a statement its sentence reports and condemns (``reports``):
        counter-speech even where a detector discounts other counter-speech words in the hit's
        own sentence. Worked out when asked (only the disrepute detector asks)."""
        return not self.disclaimer and reported_at(self.text, self.start, self.end)

    @property
    def self_identified(self) -> bool:
        """Whether the writer says who they are anywhere in the post: worked out when asked
        (no detector asks today), not for every cue of every post."""
        return _self_identified(self.text)


@dataclass(frozen=True, slots=True)
class _Patterns:
    counter: GatedList  # one pattern per counter-speech word: a post opens few of them
    negator: GatedPattern
    denial: GatedPattern
    disclaimer: GatedPattern
    self_identification: GatedPattern
    # Reported-and-condemned statements (``reports``), shared with the classifier's stance rules.
    reporting: GatedPattern
    condemnation: GatedPattern
    endorsement: GatedPattern  # "... and he's right": a report or quotation that takes it up


@registers_words
@cache
def _patterns() -> _Patterns:
    lexicon = load_lexicon("context")
    affirming = (rf"(?! (?:{words_regex(lexicon['affirming_after_negator'])})(?![a-z]))"
                 rf"(?! (?:{'|'.join(lexicon['surprise_after_negator'])})(?![a-z]))")
    # Run on sentences and the words before a hit, not on the whole text: no word-edge gates.
    # A cue a negator denies is none ("it's not a myth that ...", "I'm not appalled"), nor a
    # negating cue that denies a denial ("it isn't a lie that ...", "is not a myth").
    affirmed = words_regex(sorted({re.sub(r"^(?:a|an) ", "", w) for w in lexicon["affirming_after_negator"]}))
    # The negator is tested after the cue, as a look-behind over both, so that the pattern
    # still opens with the cue's first letter (``prefilter.letter_first``: a leading assertion
    # would run the matcher at every position of every sentence).
    counter = [compile_template("{cue}" + "".join(
        f"(?<!{negator} {re.escape(word)})" for negator in ("not", "n't", "n’t", "never")) + (
        rf"(?! (?:a |an )?(?:{affirmed})(?![a-z]))" if re.search(r"\bnot\b|n't|\bnever\b", word) else ""),
        {"cue": [word]}, whole_text=False) for word in lexicon["counter_speech"]]
    return _Patterns(
        counter=GatedList([(pattern, None) for pattern in counter]),
        # Whole words ("nothing but a ...", "now", "know" negate nothing), or a word's "n't";
        # not across "but" ("I'm not gay but the X ...": the negator's clause has ended).
        # Not "not a myth that ...", which affirms what follows (``affirming_after_negator``).
        negator=GatedPattern(
            rf"(?:(?<![a-z])(?:{words_regex(lexicon['negators'])})(?![a-z])|n't){affirming}"
            rf"\W*{_NEGATED_WORDS}$",
            fast=rf"(?:(?<![a-z])(?:{words_trie(lexicon['negators'])})(?![a-z])|n't){affirming}"
            rf"\W*{_NEGATED_WORDS}$",
            whole_text=False),
        denial=GatedPattern(lexicon["denials"], whole_text=False),
        disclaimer=GatedPattern("|".join(lexicon["disclaimers"]), whole_text=False),
        self_identification=GatedPattern(_self_identification(lexicon), whole_text=False),
        # Run with start and end positions inside the text: no word-edge gates.
        reporting=GatedPattern(
            r"(?<![a-z])(?:" + words_regex(lexicon["reporting_verbs"]) + r")(?![a-z])(?: that)? ",
            whole_text=False),
        condemnation=GatedPattern(
            r"(?<![a-z])(?:" + words_regex(lexicon["condemnations"]) + r")(?![a-z])",
            whole_text=False),
        endorsement=GatedPattern(
            r"(?<![a-z])(?:" + words_regex(lexicon["endorsements"]) + r")(?![a-z])",
            whole_text=False),
    )


_NEGATED_WORDS = r"(?:(?!but\b)\w+\W+){0,6}"  # the words a negator reaches, up to six


def _self_identification(lexicon: dict) -> str:
    """The writer saying who they are (``self_identification`` in ``context.yaml``), each
    "{word}" there a word that is none of ``self_identification_stops`` ("I'm told queers
    ...", "I'm not gay but ..." are no self-identification)."""
    word = rf"(?!(?:{words_regex(lexicon['self_identification_stops'])})\b)\w+"
    return "|".join(line.replace("{word}", word) for line in lexicon["self_identification"])


@dataclass(frozen=True, slots=True)
class Report:
    """A statement the post reports (``text[start:end]``, the complement of a reporting verb
    that starts at ``verb``) and a word that condemns it (``cue``, at ``cue_start``)."""

    start: int
    end: int
    verb: int
    cue: str
    cue_start: int


def reports(text: str, s_start: int, s_end: int, after: int) -> Iterator[Report]:
    """Statements that the sentence ``text[s_start:s_end]`` reports and condemns.

    The statement is the complement of a reporting verb ("anyone who says", "calling", "was
    told"), up to the end of its clause; a word of condemnation must stand outside it, before
    the verb or after the statement up to ``after`` (the end of the next sentence: "... Awful.").
    Reporting alone can endorse ("my dad always said X are Y, and he was right"), and so can a
    denied condemnation ("... and they're not wrong"), which does not count. Neither does the
    writer's own view ("I think X ...") or "nobody will say it but X ...".

    One reading for the rule detectors (``cues_for``) and the classifier's stance rules.
    """
    if not may_report(text):
        return
    patterns = _patterns()
    condemnation = patterns.condemnation.regex
    for verb in patterns.reporting.regex.finditer(text, s_start, s_end):
        if _writers_own(text, s_start, verb):
            continue  # "I think X are ...", "Told them X ...", "Can't believe ...": the writer's own
        start = verb.end()
        condemned = _condemnation(condemnation, text, start, after)
        clause = _CLAUSE_END.search(text, start, s_end)
        end = clause.start() if clause else s_end
        if condemned is not None and condemned.start() < end:
            end = condemned.start()  # "... should be ashamed": the verdict, not the report
        end = start + len(_GLUE.sub("", text[start:end]))
        if _BUT.search(text, start, end):
            continue  # "nobody will say it but X ...": the writer says it
        cue = _condemnation(condemnation, text, s_start, verb.start()) or condemned
        if cue is not None and not endorsed(text, s_start, after, start, end):
            yield Report(start, end, verb.start(), cue.group(), cue.start())


def endorsed_statements(text: str, s_start: int, s_end: int, after: int) -> Iterator[tuple[int, int]]:
    """Statements that the sentence ``text[s_start:s_end]`` reports or quotes and that the post
    takes up (``endorsed``, up to ``after``): "Someone wrote 'X out' on the shelter. Couldn't
    have put it better." Pretending to report is a way of saying it: the classifier's stance
    rules read the statement alone (``model/stance.py``). Spans of ``text``, quotations first."""
    if not may_endorse(text):
        return
    patterns = _patterns()
    for quote in _QUOTED.finditer(text, s_start, s_end):
        if endorsed(text, s_start, after, quote.start(1), quote.end(1)):
            yield quote.start(1), quote.end(1)
    for verb in patterns.reporting.regex.finditer(text, s_start, s_end):
        if _writers_own(text, s_start, verb):
            continue
        clause = _CLAUSE_END.search(text, verb.end(), s_end)
        end = clause.start() if clause else s_end
        if endorsed(text, s_start, after, verb.end(), end):
            yield verb.end(), end


# Words in quotation marks: a single quote opens only where no letter comes before it ("don't")
# and closes only where none comes after it.
_QUOTED = re.compile(r"(?:[\"“”«»]|(?<![a-z])['‘’])([a-z].*?)(?:[\"“”«»]|['‘’](?![a-z]))")


def may_endorse(text: str) -> bool:
    """Whether ``text`` holds a word of ``endorsements`` (the shared scan's gates): most posts do
    not, and are answered without a regex."""
    return _patterns().endorsement.open_in(open_gates(text))


def endorsed(text: str, start: int, end: int, skip_start: int = 0, skip_end: int = 0) -> bool:
    """Whether ``text[start:end]``, outside ``text[skip_start:skip_end]`` (the reported or
    quoted words themselves), takes up what it reports ("... and they've got a point",
    "couldn't agree more"): then the report says it, whatever else condemns ("Vile, some say.
    Spot on."). An endorsement a negator denies ("I don't agree with them") does not count.
    Asked only where the shared scan opened an endorsement's gate."""
    if not may_endorse(text):
        return False
    return any(
        not skip_start <= match.start() < max(skip_start, skip_end)
        and not _NO_VERDICT.search(text, max(start, match.start() - 16), match.start())
        for match in _patterns().endorsement.regex.finditer(text, start, end)
    )


def _writers_own(text: str, s_start: int, verb: re.Match[str]) -> bool:
    """Whether the reporting verb ``verb`` reports the writer's own words or thoughts: "I
    think", "we said", or no subject at all ("Told them ...")."""
    return bool(_FIRST_PERSON.search(text, s_start, verb.start())) or (
        not verb.group().endswith(("ing ", "ing that "))
        and _NO_SUBJECT.fullmatch(text, s_start, verb.start()) is not None)


def reports_others(text: str) -> bool:
    """Whether ``text`` (normalised) reports what someone other than the writer says, thinks or
    wrote ("whoever wrote that ...", "anyone who says ..."), condemned or not."""
    for verb in _patterns().reporting.regex.finditer(text):
        if not _writers_own(text, sentence_bounds(text, verb.start())[0], verb):
            return True
    return False


def may_report(text: str) -> bool:
    """Whether ``text`` holds a word of both lists (the shared scan's gates): ``reports`` may find
    something. Detectors that ask about many spans ask this once first."""
    patterns = _patterns()
    gates = open_gates(text)
    return patterns.reporting.open_in(gates) and patterns.condemnation.open_in(gates)


@lru_cache(maxsize=8192)
def reported_at(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies in a statement its sentence reports and condemns
    ("Anyone who calls X vermin should be ashamed"): the counter-speech reading. The hit may
    begin before the verb ("my colleague was told he's useless"), but the condemnation may not
    begin the hit ("Disgusting X, ...": that is abuse, not a verdict on a report). Most posts
    open no gate of either word list and are answered by the shared scan alone."""
    if not may_report(text):
        return False
    s_start, s_end = sentence_bounds(text, start)
    _, after = sentence_bounds(text, min(len(text), s_end + 1)) if s_end < len(text) else (0, s_end)
    return any(
        start < report.end and end > report.start and not start <= report.cue_start < report.start
        for report in _sentence_reports(text, s_start, s_end, after)
    )


@lru_cache(maxsize=1024)
def _sentence_reports(text: str, s_start: int, s_end: int, after: int) -> tuple[Report, ...]:
    """``reports`` of one sentence, read once for all the hits in it."""
    return tuple(reports(text, s_start, s_end, after))


def _next_sentence_end(text: str, s_end: int) -> int:
    """The end of the sentence after the one that ends at ``s_end`` (``s_end`` at the text's end)."""
    return sentence_bounds(text, min(len(text), s_end + 1))[1] if s_end < len(text) else s_end


def _condemnation(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The first condemnation in ``text[start:end]`` that no negator denies ("not wrong")."""
    for match in pattern.finditer(text, start, end):
        if not _NO_VERDICT.search(text, max(start, match.start() - 16), match.start()):
            return match
    return None


_CLAUSE_END = re.compile(r"[,;:.!?\n]")
_BUT = re.compile(r"(?<![a-z])but(?![a-z])")
# Words between the reported statement and the verdict on it: "X are Y [is just] wrong".
_GLUE = re.compile(r"(?:\s+(?:is|are|was|were|should|must|be|been|need|needs|to|take|a|an|"
                   r"just|really|so|quite|totally|completely|frankly|all|that|s|it))*\s*$")
_FIRST_PERSON = re.compile(r"(?<![a-z])(?:i|we|i'm|im)(?:\s+\S+){0,2}\s*$")
# A sentence whose verb has no subject before it: the writer's own words ("Told them ...").
_NO_SUBJECT = re.compile(r"\W*(?:(?:can'?t|cannot|don'?t|still|just|honestly|really|never|always|also|and|so|then"
                         r"|literally|once|again)\W+)*")
# A condemnation denied ("they're not wrong", "no shame in it") or an idiom ("what could go
# wrong"): no verdict on the report.
_NO_VERDICT = re.compile(r"(?:(?:(?<![a-z])(?:not|never|no|nothing)|n['’]t)\W+"
                         r"(?:(?:at all|so|that|very|really|too)\W+)?"
                         r"|(?<![a-z])(?:go|goes|went|gone|going|get|gets|got)\W+)$")


@lru_cache(maxsize=8192)
def cues_for(text: str, start: int, end: int) -> Cues:
    """Cues in the sentence around ``text[start:end]`` (normalised text).

    The sentence and the words before the hit are parts of the text: a pattern whose gate the
    text's shared scan does not open cannot match them, and is not run at all. Counter-speech
    is one pattern per cue word: "does any match" is the same question as for their alternation.
    """
    patterns = _patterns()
    gates = open_gates(text)
    s_start, s_end = sentence_bounds(text, start)
    asking = interrogative_negator(text, s_start, s_end + 1) if text[s_end:s_end + 1] == "?" else None
    original = text
    if asking is not None:  # "isn't it time ...?", "wouldn't X be better ...?": no negation
        text = text[:asking[0]] + " " * (asking[1] - asking[0]) + text[asking[1]:]
    before = text[s_start:start]
    counters = patterns.counter.open_for(text)
    if counters or patterns.disclaimer.open_in(gates):
        # Condemnation often follows in the next sentence: "He called me X. That is racist."
        sentence = text[s_start:_next_sentence_end(text, s_end)]
        disclaimer = _search(patterns.disclaimer, gates, sentence)
        counter = (not disclaimer) and (
            any(pattern.regex.search(sentence) for pattern, _ in counters)
            or _is_quoted(before, text[end:s_end])
            or reported_at(text, start, end)
        )
    else:  # neither a disclaimer nor a counter-speech word in the post: no next sentence to read
        disclaimer, counter = False, _is_quoted(before, text[end:s_end]) or reported_at(text, start, end)
    if counter and patterns.endorsement.open_in(gates) and endorsed(
            text, s_start, _next_sentence_end(text, s_end), start, end):
        counter = False  # "Someone wrote 'X out', and they've got a point": quoted to agree
    if disclaimer:  # "I'm not racist but X ...": its "not" negates nothing after it
        before = before[max((m.end() for m in patterns.disclaimer.regex.finditer(before)),
                            default=0):]
    return Cues(
        counter_speech=counter,
        negated=_search(patterns.negator, gates, before) or _search(patterns.denial, gates, before),
        disclaimer=disclaimer,
        text=original,
        start=start,
        end=end,
    )


def _search(pattern: GatedPattern, gates: int, part: str) -> bool:
    """Whether ``pattern`` matches ``part`` of a text whose ``open_gates`` value is ``gates``."""
    return pattern.open_in(gates) and pattern.regex.search(part) is not None


@lru_cache(maxsize=1024)
def _self_identified(text: str) -> bool:
    """Whether the writer says who they are anywhere in the post (asked once per post)."""
    return _search(_patterns().self_identification, open_gates(text), text)


def self_identified_as(text: str, identities: frozenset[str] | None = None) -> bool:
    """Whether the writer says who they are anywhere in the post and, when ``identities`` is
    given, names one of them there ("as a straight man ..." names no group of "dyke")."""
    if not _self_identified(text):
        return False
    return identities is None or any(
        not identities.isdisjoint(_IDENTITY_WORD.findall(match.group()))
        for match in _patterns().self_identification.regex.finditer(text)
    )


_IDENTITY_WORD = re.compile(r"[a-z]+")


def _is_quoted(left: str, right: str) -> bool:
    """The words between ``left`` and ``right`` (the rest of their sentence) sit inside quotation marks."""
    if any(q in left for q in _DOUBLE_QUOTES) and any(q in right for q in _DOUBLE_QUOTES):
        return True
    # A single quote counts only hard against the words: 'paki', not the apostrophe in "don't".
    # An opening one may be closed further on in the sentence ("'X are thick as mud' on the
    # bus shelter"), by a quote after a letter that no letter follows.
    if left[-1:] != "" and left[-1:] in _SINGLE_QUOTES and not left[-2:-1].isalpha() and (
            right[:1] in _SINGLE_QUOTES or _CLOSING_QUOTE.search(right) is not None):
        return True
    # Or a phrase opened before the words and closed after them: 'a bunch of queers'.
    opening = max((m.end() for m in _OPENING_SINGLE.finditer(left)), default=None)
    return (opening is not None and _CLOSING_SINGLE.search(left, opening) is None
            and _CLOSING_SINGLE.match(right) is not None)


_CLOSING_QUOTE = re.compile(r"[a-z]['‘’](?![a-z])")
# A single quote opening a phrase (after a space, before a letter) and one closing it (not
# after a space, before no letter: "queers'.", not "don't"), within a few words of the hit.
_OPENING_SINGLE = re.compile(r"(?:^|(?<=[\s(\[]))['‘](?=[a-z])")
_CLOSING_SINGLE = re.compile(r"[^'’‘]{0,60}?(?<!\s)['’](?![a-z])")
