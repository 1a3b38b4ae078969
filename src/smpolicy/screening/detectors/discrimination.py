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
from functools import cache, lru_cache

from smpolicy.screening.cues import Cues, cues_for
from smpolicy.screening.detectors.base import BaseDetector, keep_strongest
from smpolicy.screening.detectors.statement_cues import statement_cues
from smpolicy.screening.detectors.threats import find_threats
from smpolicy.screening.findings import Category, Finding
from smpolicy.screening.glued import Glued, glued_tokens
from smpolicy.screening.in_group import in_group_use, like_me
from smpolicy.screening.lexicon import (
    TermIndex,
    compile_template,
    load_lexicon,
    words_regex,
)
from smpolicy.screening.normalise import NormalisedText
from smpolicy.screening.prefilter import GatedList, GatedPattern
from smpolicy.screening.registry import DetectorContext
from smpolicy.screening.scan import registers_words
from smpolicy.screening.senses import Aim, Homonym, everyday_sense

CLAUSE = "6.4(c)"
COUNTER_SPEECH_FACTOR = 0.3
NEGATION_FACTOR = 0.4
RECLAIMED_FACTOR = 0.25
INTENSIFIER_BONUS = 0.1
NAME_DEROGATION = 0.8  # a group's own name with its people derogated (``_name_derogated``)


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


@dataclass(frozen=True, slots=True)
class Template:
    """A derogatory-statement pattern (gated by its required literals) and what it scores."""

    pattern: GatedPattern
    score: float
    target: str | None


@dataclass(frozen=True, slots=True)
class _Lexicon:
    slurs: TermIndex
    identities: TermIndex  # group words, singulars and ``identity_references`` -> characteristic
    glued: dict[str, str]  # the same, looked for inside words run together (``glued_tokens``)
    group_targets: dict[str, str]  # identity word -> protected characteristic
    reclaimable: frozenset[str]
    noun_scores: dict[str, float]  # a reclaimable word's score as a noun ("the queers")
    # slurs that are a word of an identity phrase ("queer"); each must have a ``homonyms`` entry
    in_identity_phrases: frozenset[str]
    reclaimed_by: dict[str, frozenset[str]]  # who may reclaim a word (self-identification)
    homonyms: dict[str, Homonym]
    aim: Aim  # whether a word is said of a person (so a slur, whatever sense words are near)
    labels: dict[str, str]
    name_derogations: re.Pattern[str]  # words that derogate the people a name refers to
    intensifier: re.Pattern[str]
    templates: GatedList  # of (pattern, Template)


@registers_words
@cache
def _lexicon() -> _Lexicon:
    data = load_lexicon("discrimination")
    groups: dict[str, list[str]] = data["groups"]
    group_to_target = {word: target for target, words in groups.items() for word in words}
    singular_to_target = {
        word: target for target, words in data["group_singulars"].items() for word in words
    }
    slur_groups = {term: target for term, (target, _) in data["slurs"].items() if " " not in term}
    group_to_target.update(_age_thresholds(data["age_thresholds"]))
    any_group = [*group_to_target] + [t + "s" for t in slur_groups]
    group_to_target.update({t + "s": target for t, target in slur_groups.items()})
    prefix = r"(?:(?:all|most|these|those|the|bloody|fucking|damn|effing) )*"
    # A group named by an identity adjective and a word for people ("Muslim men", "Polish
    # workers", "disabled tenants"), beside the group words ("Muslims").
    people = r"(?:{group}|{single} {noun})"
    named = {"single": [*singular_to_target, *data["nationality_adjectives"]],
             "noun": data["group_nouns"]}
    templates = [
        Template(compile_template(
            prefix + people + r" (?:are|r|is|=|'re)(?: all| just| nothing but| such| so| really| basically"
            r"| literally| always| simply| mostly| no better than| little better than| nothing more than"
            r"| no more than| nowt but| nowt more than)*(?: a| an)?(?: [a-z]+){0,2}? {derog}",
            {"group": any_group, **named, "derog": data["derogatory"]}), 0.85, None),
        Template(compile_template(
            r"(?:i|we|everyone|people|we all|i just|i really|i fucking) (?:\w+ )?{verb} "
            + prefix + people + _NOT_TO_LOSE,
            {"verb": data["hostile_verbs"], "group": any_group, **named,
             "harm": load_lexicon("context")["harmful_treatment"]}), 0.8, None),
        Template(compile_template(
            prefix + people + r" (?:should|must|need to|needs to|ought to|deserve to|deserves to"
            r"|have to|can all|can) (?:all )?(?:just )?(?:fucking )?{fate}",
            {"group": any_group, **named, "fate": data["hostile_fates"]}), 0.9, None),
        Template(compile_template(r"{call} " + prefix + people,
                                  {"call": data["hostile_calls"], "group": any_group, **named}),
                 0.9, None),
        Template(compile_template(
            prefix + people + r" (?:ruin|ruins|ruined|destroy|destroys|spoil|spoils|infest|invade|invading"
            r"|are ruining|ruining|are destroying|destroying|are taking over|taking over|flooding|swamping"
            r"|clogging up|clog up|everywhere|have no|has no"
            r"|and their (?:stupid|filthy|backward|weird|primitive|dirty|smelly))",
            {"group": any_group, **named}), 0.78, None),
        Template(compile_template(
            r"{single}s? (?:scum|vermin|filth|trash|rats|parasites|pigs|dogs|animals|bastards|cunts)",
            {"single": list(singular_to_target)}), 0.88, None),
        Template(compile_template(
            r"{adj} {single}s?",
            {"adj": data["abusive_adjectives"], "single": list(singular_to_target)}),
            0.8, None),
    ]
    templates += _indirect_templates(data, prefix, any_group, list(singular_to_target))
    for target, phrase in data["phrases"]:
        templates.append(Template(GatedPattern(rf"(?<![a-z]){phrase}(?![a-z])"), 0.8, target))
    identities = {word: target for target, words in data["identity_references"].items()
                  for word in words}
    identities.update(group_to_target)
    identities.update(singular_to_target)
    return _Lexicon(
        identities=TermIndex(identities),
        glued=_glue_terms(identities),
        group_targets={**group_to_target, **singular_to_target},
        slurs=TermIndex({term: tuple(v) for term, v in data["slurs"].items()}, ies_plurals=True),
        reclaimable=frozenset(data["reclaimable"]),
        noun_scores=dict(data["noun_scores"]),
        in_identity_phrases=frozenset(
            term for term in data["homonyms"]
            if any(term in phrase.split() and phrase != term for phrase in identities)),
        reclaimed_by={term: frozenset(ids) for term, ids in data["reclaimed_by"].items()},
        homonyms={term: Homonym.parse(entries, first_name=term in data["first_names"])
                  for term, entries in data["homonyms"].items()},
        aim=Aim.build(data["person_words"], singular_to_target),
        labels=data["characteristics"],
        name_derogations=re.compile(rf"(?<![a-z])(?:{words_regex(data['name_derogations'])})(?![a-z])"),
        intensifier=re.compile(
            rf"(?:{words_regex(data['abusive_adjectives'])}|you|ur|you'?re an?|u r an?|what an?"
            r"|such an?|total|complete|absolute|utter)\W+$"
        ),
        templates=GatedList([(template.pattern, template) for template in templates]),
    )


# "I don't want the Syrian families to leave": the wish not to lose a group is no hostility,
# unless the sentence goes on to send them off ("..., I want them deported"); the word that may
# stand before "to" is the rest of the group's name, which the template could otherwise leave
# out ("the polish| families to leave"). Nor is the wish that harm not be done to them ("I don't
# want the Polish lads at the depot sacked": context.yaml ``harmful_treatment``), unless the
# sentence goes on to wish another on them ("..., I want them locked up").
_NOT_TO_LOSE = (r"(?!(?: [a-z]+)? to (?:leave|quit|retire|move (?:away|out)|feel (?:unwelcome|unsafe|left out)"
                r"|be (?:hurt|driven out|forced out|pushed out))(?![a-z])"
                r"(?![^.!?]*(?<![a-z])(?:deport|deported|kicked out|sent (?:back|home)|go back|gone)(?![a-z])))"
                r"(?!(?: [a-z]+)?(?: (?:on|in|at|from|round|across) (?:the |our |this |my )?[a-z]+(?: [a-z]+)?)?"
                r" (?:to be |being |getting |get )?{harm}(?![a-z])"
                r"(?![^.!?]*(?<![a-z])(?:want(?:s|ed)? (?:them|'em)|rather (?:see )?(?:them|'em)"
                r"|(?:them|'em) (?:all )?(?:gone|dead))(?![a-z])))")


_NOT_LOSING = re.compile(_NOT_TO_LOSE)


def _age_thresholds(lists: dict[str, list[str]]) -> dict[str, str]:
    """Age groups named by a threshold, not a noun ("anyone over 60"), as group words."""
    return {f"{person} {limit}": "age" for person in lists["people"] for limit in lists["limits"]}


def _indirect_templates(data: dict, prefix: str, any_group: list[str],
                        singulars: list[str]) -> list[Template]:
    """Hate phrased indirectly, with no slur: a rhetorical question that presupposes a
    derogatory statement ("why are all X so lazy?", "should X even be allowed to ...?", "who
    would trust a X with ...?"), a right or ability denied to a group ("X shouldn't be
    allowed to foster", "X don't deserve a temple", "X can't be trusted"), a derogatory act,
    a place a group is sent to, or the wish to be without it. The words are the lexicon's
    (``question_leads`` ... ``better_without``); the negative a template names ("shouldn't",
    "don't deserve") is its own wording, not a negation of it (``_negated_inside`` reads only
    the words between the named parts)."""
    adverbs = r"(?: all| just| so| always| such| really| ever| basically| simply| only| even| that| more| too)*"
    # a group word, a singular's plural ("bulgarians"), then a word for people ("disabled
    # tenants", "polish lads")
    any_group = list(dict.fromkeys([*any_group, *(w + "s" for w in singulars if w[-1] != "s")]))
    person = {"group": any_group, "single": singulars, "noun": data["group_nouns"]}
    group = r"{group}(?: {noun})?"
    where = r"(?: (?:on|in|at|from|round) (?:the |our |this |that )?[a-z]+(?: [a-z]+)?)?"
    return [
        Template(compile_template(
            r"{lead} " + prefix + group + where + adverbs + r" (?:a |an )?(?:{derog}|{trait})",
            {"lead": data["question_leads"], **person, "derog": data["derogatory"],
             "trait": data["question_traits"]}), 0.8, None),
        Template(compile_template(
            r"should (?:a |an |any )?" + prefix + r"(?:" + group + r"|{single}(?: [a-z]+)?) {doubt}",
            {**person, "doubt": data["question_doubts"]}), 0.8, None),
        Template(compile_template(
            r"{who} {verb} (?:{object} )?(?:[a-z]+ )?(?:{single}|" + group + ")",
            {"who": data["who_would"], "verb": data["who_would_verbs"],
             "object": data["who_would_objects"], **person}), 0.7, None),
        Template(compile_template(
            r"{who} {verb} {with} (?:a |an )?{condition}",
            {"who": data["who_would"], "verb": data["who_would_verbs"],
             "with": data["who_would_with"],
             "condition": data["identity_references"]["disability"]}), 0.7, "disability"),
        Template(compile_template(
            prefix + group + r"(?: all| just| really| simply)? {not_belong} {place}",
            {**person, "not_belong": data["not_belong"],
             "place": data["not_belong_places"]}), 0.8, None),
        Template(compile_template(
            prefix + group + r"(?: all| just| really| simply)? {denied} (?:even )?(?:ever )?{right}",
            {**person, "denied": data["denied_by"], "right": data["denied_rights"]}),
            0.8, None),
        Template(compile_template(
            r"{doubt} (?:that )?" + prefix + group + r" should (?:ever |even |really )?{right}"
            r"(?! down)(?!(?: to)? (?:be |get |being )?{harm}(?![a-z]))",
            {"doubt": data["denied_by_doubt"], **person, "right": data["denied_rights"],
             "harm": load_lexicon("context")["harmful_treatment"]}), 0.8, None),
        Template(compile_template(
            prefix + group + r"(?: all| just| really| simply)? {deserve} {object}",
            {**person, "deserve": data["deserve_denied"],
             "object": data["deserve_objects"]}), 0.8, None),
        Template(compile_template(
            prefix + group + r"(?: all| just| really| simply| still)? {unable} (?:ever )?{ability}",
            {**person, "unable": data["unable_by"], "ability": data["unable_to"]}),
            0.75, None),
        Template(compile_template(
            prefix + group + r"(?: all| just| really| always| only| basically)? {act}",
            {**person, "act": data["group_acts"]}), 0.78, None),
        Template(compile_template(
            prefix + group + r"(?: all| just| really| simply)? {belong} {place}",
            {**person, "belong": data["belong_by"], "place": data["belong_places"]}),
            0.8, None),
        Template(compile_template(
            r"{without} (?:the |all the |any |all |those |these )?" + group,
            {"without": data["better_without"], **person}), 0.8, None),
    ]


def _glue_terms(identities: dict[str, str]) -> dict[str, str]:
    """The identity words to look for inside words run together, with their plurals and, for
    phrases, their joined forms ("transwomen"). Not those of under four letters ("men",
    "gay", "age"): they are parts of too many other words and of other languages ("nemen",
    "mening"); their plurals and phrases are long enough ("gays", "gay men")."""
    terms: dict[str, str] = {}
    for term, target in identities.items():
        term = re.sub(r"[\s\-]+", " ", term.lower())
        if not re.fullmatch(r"[a-z]+(?: [a-z]+)*", term) or len(term.replace(" ", "")) < 4:
            continue
        for form in (term, term + "s", term.replace(" ", "")):
            terms.setdefault(form, target)
    return terms


def find_hits(post: NormalisedText) -> list[Hit]:
    """Every slur and derogatory statement in the post, weighed by its context."""
    lexicon = _lexicon()
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
                    derogated = _name_derogated(text, hit.start, hit.end, lexicon.name_derogations)
                    if derogated is not None:
                        hits.append(Hit("derogatory", *derogated, NAME_DEROGATION,
                                        NAME_DEROGATION, target, cues_for(text, *derogated)))
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
            derogated = _name_derogated(text, hit.start, hit.end, lexicon.name_derogations)
            reclaimed = derogated is None
            if derogated is not None:  # "Queer Film Night is just an excuse for perverts"
                hits.append(Hit("derogatory", *derogated, NAME_DEROGATION, NAME_DEROGATION,
                                target, cues_for(text, *derogated)))
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


def _name_derogated(text: str, start: int, end: int,
                    derogations: re.Pattern[str]) -> tuple[int, int] | None:
    """The span from a reclaimed word written in a name ("Queer Film Night") to a word
    elsewhere in the post that derogates the people the name refers to ("... an excuse for
    perverts", ``name_derogations``), where the sentence neither condemns nor negates it; None
    if there is none. A name is the group's own, but using it does not excuse abusing them."""
    for match in derogations.finditer(text):
        if start <= match.start() < end:
            continue
        span = (min(start, match.start()), max(end, match.end()))
        cues = cues_for(text, *span)
        if not (cues.counter_speech or cues.negated):
            return span
    return None


def _group_name(post: NormalisedText, start: int, end: int) -> bool:
    """Whether the slur's letters at ``post.text[start:end]`` are one word of a longer
    identity phrase ("the queer community", "openly queer"): the neutral name of the group,
    like "the gay community", not a slur (``identity_references`` in the lexicon)."""
    return any(hit.start <= start and end <= hit.end and hit.end - hit.start > end - start
               for hit in _lexicon().identities.find(post))


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
    lexicon = _lexicon()
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
    return tuple(glued_tokens(text, _lexicon().glued))


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
    lexicon = _lexicon()
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
        labels = _lexicon().labels
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
