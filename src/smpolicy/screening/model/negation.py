"""Negation, both ways: which clause about a group a post negates, and what the negation denies.

``model/stance.py`` composes the encoder's readings with what these rules find. The encoder
reads a denial of a stereotype ("Poles are not thieves") almost as hostile as the stereotype,
and a negated compliment ("Poles are not welcome here") as mildly hostile at best, so a rule
reads the words the encoder cannot weigh:

- scope: a negator ("not", "never", "n't", "hardly", "far from", "anything but", "no X ...",
  "nobody ...", "it's a myth that ...") counts when it stands in the same clause as a group
  word and no contrast follows it ("X are not lazy, just ..."); the affirmative is the
  sentence with the negators removed. After a verb of saying or thinking ("I don't think X
  are P", "it's not true that X are P") the negation is read as denying the clause after it.
- polarity: the first word of the negated predicate that has one (group words skipped):
  acceptance, trust, worth and ability words (``favourable_predicates`` in
  ``lexicons/context.yaml``: "welcome", "trusted", "belong", "cut out for"), the
  discrimination lexicon's hostile words ("thieves", "a drain", "be sacked"), then the VADER
  sentiment lexicon's valence (``appraisal.valence``). A HOSTILE predicate negated is a
  denial; a FAVOURABLE one negated is a negated compliment, hostile in itself, and is read
  as its opposite where the list gives one ("aren't welcome" -> "are unwelcome").
- double negation: a negation inside the scope of another ("I can't pretend I don't loathe
  X", "nobody says X aren't ...") or of a verb of denying ("I won't deny that X disgust me")
  cancels it (``AFFIRMS``): it denies nothing. Where what is left is hostile, that statement
  is what the post says; otherwise the post is read as it is (no statement to read).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from smpolicy.screening.lexicon import SENTENCE_END, load_lexicon, words_regex

HOSTILE, FAVOURABLE = -1, 1  # what a negated predicate says of the group (``Negation.denies``)
AFFIRMS = 2  # ``Negation.denies`` of a double negation: the post asserts the affirmative

Edit = tuple[int, int, str]  # replace text[start:end] of the normalised text with the string


@dataclass(frozen=True, slots=True)
class Negation:
    """A post's negations about a group: edits that state the affirmative (or, for a negated
    compliment, its opposite; none where no opposite is known), that statement, the
    negators' words, and what the negations deny (HOSTILE, FAVOURABLE or 0: unknown; AFFIRMS
    where they cancel out, the affirmative being what the post says)."""

    edits: tuple[Edit, ...]
    statement: str
    cue: str
    denies: int


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
    # "anything but" negates only after a copula ("X are anything but lazy"), not in "they
    # don't do anything but moan"; "never stop/shut up" says X always do it
    listed = [n for n in context["negators"] if "n't" not in n and n != "cannot"
              and not n.endswith(" should") and n != "anything but"]
    return _Rules(
        negator=re.compile(
            r"(?:(?<![a-z'’])(?:" + words_regex(listed) + r"|cannot)(?![a-z'’])"
            r"|(?<=[a-z])n['’]t(?![a-z])"
            r"|(?:(?<=is )|(?<=are )|(?<=was )|(?<=were )|(?<=be )|(?<=been ))anything but(?![a-z]))"
            r"(?! (?:only|just|longer|more|doubt|matter|mind|sure|to mention|even|forget|stand"
            r"|wait|care less|help|stop|stops|quit|cease|shut up|"
            + words_regex(context["affirming_after_negator"]) + r")(?![a-z]))"
            # "never thought I'd see X here": surprise, no denial
            r"(?! (?:" + "|".join(context["surprise_after_negator"]) + r")(?![a-z]))"
            # "X are no more P than anyone else", "no less P than": a comparison denied; not
            # "no more than vermin", which says they are that and nothing better
            r"|(?<![a-z])no(?= (?:more|less) (?:[a-z'’-]+ ){1,6}?than(?![a-z]))"
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
            r"(?<![a-z])(?<!anything )(?:but|however|though|although|except)(?![a-z])"
            # not "only just" (barely): "..., they've only just settled in"
            r"|(?:[,;:–—-]\s*(?:[a-z'’]+\s+){0,2}|(?<![a-z])but )(?:rather|instead|(?<!only )just"
            r"|only(?! just)|merely|simply|even)(?![a-z])"
            r"|[,;:–—-]\s*(?:they|it|we|he|she|that|this|those|these|them)(?![a-z])"
        ),
        favourable=re.compile(r"(?<![a-z])(?:" + words_regex(context["favourable_predicates"])
                              + r")(?![a-z])"),
        hostile=re.compile(r"(?<![a-z])(?:" + words_regex(
            [*_hostile_words(), *context["harmful_treatment"]]) + r")(?![a-z])"),
        opposites={**context["favourable_predicates"], **context["favourable_after_no"]},
        no_predicate=re.compile(r"(?<![a-z])no(?= (?:" + words_regex(context["favourable_after_no"])
                                + r")(?![a-z]))"),
    )


def _hostile_words() -> list[str]:
    """Hostile words and phrases that the sentiment lexicon lacks: the discrimination
    lexicon's derogatory words, abusive adjectives and hostile words."""
    data = load_lexicon("discrimination")
    fates = [f for f in data["hostile_fates"]  # "be sacked", "be deported"; not "be allowed to"
             if not re.search(r"n't|\bnot\b|allowed|belong|vote", f)]
    words = [*data["derogatory"], *data["abusive_adjectives"], *data["hostile_words"], *fates]
    return sorted({w for w in words if not w.startswith(("not ", "less than", "more like"))})


CONTRACTED = {"wo": "will", "ca": "can", "sha": "shall", "ai": "is"}  # won't, can't, shan't, ain't: the stem's positive
_DETERMINER_NO = re.compile(r"(?<![a-z])no $")
_MAX_WORDS_APART = 8



def read(text: str, groups: list[tuple[int, int, str]]) -> Negation | None:
    """The post's clausal negations about a group (``groups``: identity spans of the
    normalised text), as one reading, or None."""
    rules = _rules()
    if rules.disclaimer.search(text):
        return None  # "I'm not racist but ...": the "not" denies nothing about the group
    edits: list[Edit] = []
    cues: list[str] = []
    sentences: list[tuple[int, int]] = []
    polarities: list[int] = []
    opposites: list[Edit] = []
    for s_start, s_end in sentences_of(text):
        sentence = text[s_start:s_end]
        if sentence.rstrip().endswith("?"):
            continue  # questions are rhetorical as often as not: no negation read there
        inside = [(a, b) for a, b, _ in groups if s_start <= a and b <= s_end]
        if not inside:
            continue
        found = _sentence_edits(text, s_start, s_end, inside, rules)
        if found and _double(text, found):
            cancelled = _admitted(text, found)
            said, _ = _denied(text, max(end for _, end, _ in cancelled), s_end, inside, rules)
            if said != HOSTILE:  # "I don't think X aren't capable": the post's reading stands
                return Negation((), "", _word(text, *cancelled[0][:2]), AFFIRMS)
            found = [_Negated(edit, AFFIRMS) for edit in cancelled]  # "I loathe X" is read
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
        return Negation(tuple(opposites), statement if opposites else "", cue, FAVOURABLE)
    statement = " ".join(_statement(text, edits, a, b) for a, b in sentences)
    if AFFIRMS in polarities:  # what is left once the negations cancel is what it says
        return Negation(tuple(edits), statement, cue, AFFIRMS)
    # it denies hate outright only if every negation in it negates a hostile predicate
    denies = HOSTILE if all(p == HOSTILE for p in polarities) else 0
    if denies == HOSTILE and _hostile_elsewhere(text, edits, groups, rules):
        denies = 0
    return Negation(tuple(edits), statement, cue, denies)


def negates(text: str) -> bool:
    """Whether ``text`` (normalised) holds a clausal negator, a denying subject ("nobody") or
    a denying frame ("it's a myth that") as ``read`` counts them, about a group or not."""
    rules = _rules()
    return any(p.search(text) for p in (rules.negator, rules.denial, rules.frame))


def _statement(text: str, edits: list[Edit], start: int, end: int) -> str:
    return apply_edits(text, edits)[_shift(start, edits):_shift(end, edits)].strip()



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
    would damp too), bar a plain aside after a denial (``_contrasted``).
    """
    found: list[_Negated] = []
    negators = [*rules.negator.finditer(text, s_start, s_end),
                *rules.no_predicate.finditer(text, s_start, s_end)]
    for match in negators:
        start, end = match.span()
        if not any(_same_clause(text, start, end, a, b) for a, b in groups):
            continue
        if match.re is rules.no_predicate:  # "have no place": the noun after it
            noun = re.match(r" ([a-z]+)", text[end:])
            polarity, word = FAVOURABLE, (end + 1, end + 1 + len(noun.group(1))) if noun else None
        else:
            polarity, word = _denied(text, end, s_end, groups, rules)
        if _contrasted(text, end, s_end, rules, polarity):
            return []
        opposite = (_opposite(text, start, end, word, groups, rules)
                    if polarity == FAVOURABLE and word else None)
        edit = _affirmative(text, start, end)
        denying = _DENYING.match(text, end, s_end)
        if denying:  # "can't deny that" -> "can admit that": a double negation
            verb = "admit" if denying.group(1) == "deny" else "admitting"
            edit = (edit[0], denying.end(), edit[2] + text[edit[1]:denying.start(1)] + verb)
        found.append(_Negated(edit, polarity, opposite))
    for pattern, replacement in ((rules.denial, "everyone"), (rules.frame, "")):
        for match in pattern.finditer(text, s_start, s_end):
            if any(_same_clause(text, match.start(), match.end(), a, b) for a, b in groups):
                polarity, _ = _denied(text, match.end(), s_end, groups, rules,
                                      subject=pattern is rules.denial)
                if _contrasted(text, match.end(), s_end, rules, polarity):
                    return []
                found.append(_Negated((match.start(), match.end(), replacement), polarity))
    for a, _ in groups:  # "no woman should ...": the determiner negates the clause
        before = _DETERMINER_NO.search(text, s_start, a)
        if before is not None and before.end() == a:
            polarity = _denied(text, a, s_end, groups, rules)[0]
            if _contrasted(text, a, s_end, rules, polarity):
                return []
            found.append(_Negated((before.start(), a, ""), polarity))
    kept: list[_Negated] = []
    for negated in sorted(set(found), key=lambda n: (n.edit[0], -n.edit[1])):
        if not kept or negated.edit[0] >= kept[-1].edit[1]:  # "nobody should": one edit, not two
            kept.append(negated)
    return kept


# A plain aside after a comma: a pronoun, no "just", "only", "but" ("..., they built the depot")
_ASIDE = re.compile(r"[,;:–—-]\s*(?:they|it|we|he|she|that|this|those|these|them)")
# A verdict on the denied statement itself, as the sentence's last words ("..., that's crazy",
# "..., that would be cruel"; a word the sentiment lexicon reads as hostile): it condemns what
# was denied, so it says nothing more of the group
_VERDICT_ASIDE = re.compile(r"[,;:–—-]\s*(?:that|this|it)(?:['’]s| is| was| would be| will be)"
                            r"(?: just| so| simply| totally| completely| absolutely| plain)?"
                            r" (?P<verdict>[a-z]+(?: [a-z]+)?)[\s.!]*")


def _contrasted(text: str, end: int, s_end: int, rules: _Rules, polarity: int) -> bool:
    """Whether something else is said of the group after a negation ending at ``end``, so that
    its affirmative would damp that too ("X are not lazy, just thick").

    After a denial (a HOSTILE predicate negated), a plain aside that says nothing hostile,
    holds no acceptance word and negates nothing is no contrast ("X are neither lazy nor
    dishonest, they built the new depot", "I don't want our deaf groundsman to leave, he's
    the best we've had"); "X aren't stupid, they belong at home" keeps it ("belong").
    """
    from smpolicy.screening.model.appraisal import HOSTILE_WORD, valence

    contrasts = list(rules.contrast.finditer(text, end, s_end))
    if not contrasts:
        return False
    if polarity != HOSTILE or not all(_ASIDE.fullmatch(m.group()) for m in contrasts):
        return True
    rest = text[contrasts[0].start():s_end]
    if _verdict_aside(text, contrasts[0].start()) >= s_end:
        return False  # "I don't want X deported, that's crazy": a verdict on the harm denied
    return bool(rules.hostile.search(rest) or rules.favourable.search(rest)
                or rules.negator.search(rest)
                or any(valence(m.group()) <= HOSTILE_WORD for m in re.finditer(r"[a-z]+", rest)))


def _verdict_aside(text: str, at: int) -> int:
    """The end of a verdict aside (``_VERDICT_ASIDE``) that starts at ``at`` and ends its
    sentence, with a word the sentiment lexicon reads as hostile; 0 if there is none."""
    from smpolicy.screening.model.appraisal import HOSTILE_WORD, valence

    verdict = _VERDICT_ASIDE.match(text, at)
    if verdict is None or not (verdict.end() == len(text)
                               or verdict.group().rstrip().endswith((".", "!"))):
        return 0
    if not any(valence(w) <= HOSTILE_WORD for w in verdict.group("verdict").split()):
        return 0
    return verdict.end()


# Between two negators, a verb or "that" that takes a clause: the second negation lies inside
# the first's scope ("can't pretend I don't", "isn't that I don't think", "nobody says X
# aren't"); with no clause boundary or coordination between them ("X are not lazy and not ...")
_EMBEDS = re.compile(r"[^,;:]*?(?<![a-z])(?:(?:pretend|say|claim|think|believe|suggest|suppose"
                     r"|imagine|reckon|mean)(?:s|ing)?|said|claimed|thought|believed|that)(?![a-z])")
_COORDINATION = re.compile(r"[,;:]|(?<![a-z])(?:and|or|nor|but|because)(?![a-z])")
# A negated verb of denying, "I can't deny that X ...", "won't deny", "not denying": it asserts
# the clause after it, and so does its affirmative with "deny" read as "admit"
_DENYING = re.compile(r"\W*(?:going to |gonna |be )?(deny|denying)(?![a-z])")
_WORDS_BETWEEN = _MAX_WORDS_APART


def _double(text: str, found: list[_Negated]) -> bool:
    """Whether two of a sentence's negations cancel out: the second inside the scope of the
    first (a clause-taking verb between them, no comma or "and"), as in "I can't pretend I
    don't loathe X". An edit that turns a negated "deny" into "admit" counts as two."""
    edits = sorted(n.edit for n in found)
    if any(replacement.endswith(("admit", "admitting")) for _, _, replacement in edits):
        return True
    for (_, first_end, _), (second, _, _) in pairwise(edits):
        between = text[first_end:second]
        if (len(between.split()) <= _WORDS_BETWEEN and _EMBEDS.match(between)
                and not _COORDINATION.search(between)):
            return True
    return False


_DO = re.compile(r"(?<![a-z])(?:do|does|did)$")
_PRETEND = re.compile(r"(?<![a-z])pretend(?:ing)?(?![a-z])")


def _admitted(text: str, found: list[_Negated]) -> list[Edit]:
    """The edits of a double negation, "pretend" after the first negator read as "admit" and a
    bare "do" dropped: "I can't pretend I don't loathe X" says "I can admit I loathe X", not "I
    can pretend I do loathe X" (the encoder reads the emphatic "do" as mild)."""
    edits = sorted(n.edit for n in found)
    out = []
    for (start, end, replacement), later in zip(edits, [*edits[1:], None], strict=True):
        auxiliary = _DO.search(text, 0, start)
        if not replacement and text[start:end] in ("n't", "n’t") and auxiliary:
            start, end = auxiliary.start(), end + (text[end:end + 1] == " ")
        verb = _PRETEND.search(text, end, later[0]) if later else None
        if verb is not None:
            admit = "admit" if verb.group() == "pretend" else "admitting"
            end, replacement = verb.end(), replacement + text[end:verb.start()] + admit
        out.append((start, end, replacement))
    return out


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
# are P", "it's not true that X are P", "nobody here says X are P", "I don't want X sacked")
_RAISING_VERBS = (r"(?:think|thinks|believe|believes|say|says|said|agree|agrees|accept|accepts"
                  r"|reckon|reckons|suppose|feel|buy|claim|claimed|true|the case|fair to say"
                  r"|mean|meant|call|calling"
                  # "I don't want X at the car wash deported": what is wished on X follows X
                  r"|want|wants)(?![a-z])")
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
        value = 0.0 if m.group() in _STOPPING_VERBS else valence(m.group())
        if m.group() == "like" and words[:m.start()].strip():
            value = 0.0  # "treated like dirt": a comparison; "don't like X" keeps the verb's
        if value <= HOSTILE_WORD or value >= STRONG_WORD:
            marks.append((m.start(), 2, HOSTILE if value < 0 else FAVOURABLE, m.span()))
    if not marks:
        return 0, None
    _, _, polarity, span = min(marks)
    if _STOPPING.search(words, 0, span[0]):
        polarity = -polarity  # "will never stop thieving": to stop it would be favourable
    if _LESS.search(words, 0, span[0]):
        polarity = -polarity  # "aren't any less capable": to be less capable would be hostile
    return polarity, span


_LESS = re.compile(r"(?<![a-z])(?:less|fewer)\s+(?:(?:a|an|of an?|likely to(?: be)?)\s+)?$")
_STOPPING_VERBS = frozenset({"stop", "stops", "stopped", "quit", "quits", "cease"})
_STOPPING = re.compile(r"(?<![a-z])(?:stop|stops|stopped|quit|quits|cease|give up|gives up)"
                       r"\s+(?:being\s+)?$")


def _hostile_elsewhere(text: str, negations: list[Edit], groups: list[tuple[int, int, str]],
                       rules: _Rules) -> bool:
    """Whether the post says something hostile outside the clauses it negates ("I don't hate
    X, I just think they're disgusting", "X are not lazy. They're thick."): then it is no
    clean denial, whatever the negated predicate says."""
    from smpolicy.screening.model.appraisal import HOSTILE_WORD, valence

    rest = list(text)
    spans = [(a, b) for a, b, _ in groups]
    for start, end, _ in negations:
        stop = _CLAUSE_STOP.search(text, end)
        stop_at = stop.start() if stop else len(text)
        verdict = _verdict_aside(text, stop_at)
        spans.append((start, verdict or stop_at))
    for start, end in spans:
        rest[start:end] = " " * (end - start)
    words = "".join(rest)
    return bool(rules.hostile.search(words)) or any(
        valence(m.group()) <= HOSTILE_WORD for m in re.finditer(r"[a-z]+", words))


def _affirmative(text: str, start: int, end: int) -> Edit:
    """The edit that removes one negator: "aren't" -> "are", "won't" -> "will", "not" -> ""."""
    word = text[start:end]
    if word[0] == "n" and word[-1] == "t" and len(word) == 3 and word[1] in "'’":  # n't
        stem = re.search(r"[a-z]+$", text[max(0, start - 6):start])
        if stem and stem.group() in CONTRACTED:
            return (start - len(stem.group()), end, CONTRACTED[stem.group()])
        return (start, end, "")
    if word == "cannot":
        return (start, end, "can")
    if word == "nor":  # "neither lazy nor dishonest" -> "lazy and dishonest"
        return (start, end, "and")
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


def sentences_of(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of ``text``."""
    bounds = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        bounds.append((start, match.end()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with each (start, end, replacement) edit made; spans refer to ``text`` as given."""
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
