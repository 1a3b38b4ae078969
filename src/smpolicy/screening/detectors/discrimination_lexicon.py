"""The 6.4(c) lexicon, compiled: ``lexicons/discrimination.yaml`` as term indexes, gated
derogatory-statement templates and the word lists the detector's readings use.

Split from ``discrimination.py`` so that the detector reads hits and this module only builds
what it reads them with; built once per process (``compiled``), its words registered with the
shared scan (``scan.registers_words``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from smpolicy.screening.lexicon import TermIndex, compile_template, load_lexicon, words_regex
from smpolicy.screening.prefilter import GatedList, GatedPattern
from smpolicy.screening.scan import registers_words
from smpolicy.screening.senses import Aim, Homonym


@dataclass(frozen=True, slots=True)
class Template:
    """A derogatory-statement pattern (gated by its required literals) and what it scores."""

    pattern: GatedPattern
    score: float
    target: str | None


@dataclass(frozen=True, slots=True)
class Lexicon:
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
def compiled() -> Lexicon:
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
            + prefix + people + NOT_TO_LOSE + NOT_HARMED,
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
    return Lexicon(
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
# out ("the polish| families to leave").
NOT_TO_LOSE = (r"(?!(?: [a-z]+)? to (?:leave|quit|retire|move (?:away|out)|feel (?:unwelcome|unsafe|left out)"
               r"|be (?:hurt|driven out|forced out|pushed out))(?![a-z])"
               r"(?![^.!?]*(?<![a-z])(?:deport|deported|kicked out|sent (?:back|home)|go back|gone)(?![a-z])))")
# Nor, for the refusal template, is the wish that harm not be done to them ("I don't want the
# Polish lads at the depot sacked": context.yaml ``harmful_treatment``, its ``{harm}`` slot),
# unless the sentence goes on to wish another on them ("..., I want them locked up"). A slur
# refused so (``_NOT_LOSING`` in the detector) takes only ``NOT_TO_LOSE``: "don't want the
# <slur> at the depot sacked" still calls people by the slur.
NOT_HARMED = (r"(?!(?: [a-z]+)?(?: (?:on|in|at|from|round|across) (?:the |our |this |my )?[a-z]+(?: [a-z]+)?)?"
              r" (?:to be |being |getting |get )?{harm}(?![a-z])"
              r"(?![^.!?]*(?<![a-z])(?:want(?:s|ed)? (?:them|'em)|rather (?:see )?(?:them|'em)"
              r"|(?:them|'em) (?:all )?(?:gone|dead))(?![a-z])))")


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
