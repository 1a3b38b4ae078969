"""Negation by composition: the negation of a hateful statement is not hateful, the negation of
a compliment can be (posts written for these tests, across all seven characteristics)."""

from __future__ import annotations

import pytest

from smpolicy.screening.detectors.discrimination import identity_spans, lexicon_signals
from smpolicy.screening.model import stance
from smpolicy.screening.normalise import normalise


def negation_of(text: str) -> stance.Counterpart | None:
    """The negation the stance rules read in ``text``, None when they read none."""
    post = normalise(text)
    found = stance.counterpart(post, identity_spans(post))
    return found if found and found.kind == stance.NEGATION else None


def affirmative(text: str) -> str | None:
    found = negation_of(text)
    return found.statement if found else None


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("Polish workers are not thieves.", "polish workers are thieves."),
        ("I don't think Sikhs are a danger to our children.",
         "i do think sikhs are a danger to our children."),
        ("Lesbian couples won't ruin the adoption panel.",
         "lesbian couples will ruin the adoption panel."),
        ("Trans women can't be a threat at the pool.", "trans women can be a threat at the pool."),
        ("Disabled tenants are never a burden.", "disabled tenants are a burden."),
        ("Nobody in the office thinks women are hopeless managers.",
         "everyone in the office thinks women are hopeless managers."),
        ("No pensioner should lose the vote.", "pensioner should lose the vote."),
        ("Not all immigrants are criminals.", "all immigrants are criminals."),
        ("Old folk are hardly a drain on the council.", "old folk are a drain on the council."),
        ("Our female councillors are far from useless.", "our female councillors are useless."),
        ("It's a myth that Travellers leave every site in a mess.",
         "travellers leave every site in a mess."),
        ("No one at the depot hates Hindus.", "everyone at the depot hates hindus."),
    ],
)
def test_the_affirmative_drops_only_the_negators(text, statement):
    assert affirmative(text) == statement


@pytest.mark.parametrize(
    "text",
    [
        "The bins weren't emptied on Tuesday.",  # no group in the clause
        "Aren't Muslims just a nuisance?",  # a question: rhetorical as often as not
        "I'm not racist but immigrants are ruining this town.",  # a disclaimer
        "Immigrants aren't people, they're vermin.",  # a contrast says something else of them
        "Gay men are not just lazy but dishonest.",
        "I can't stand Hindus.",  # an idiom: no negation of a statement
        "Let's give the Romanians a welcome they'll never forget.",
        "Nobody should have to work alongside Arabs.",  # no affirmative says the same
        "Lesbians are no longer welcome in this pub.",
        "The Somali family moved in, not that anyone asked.",  # a comma between: another clause
    ],
)
def test_negations_that_do_not_turn_a_statement_about_a_group_round_are_left_alone(text):
    assert affirmative(text) is None


def denies(text: str) -> int | None:
    found = negation_of(text)
    return found.denies if found else None


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Women aren't bad drivers.", stance.HOSTILE),
        ("I don't think disabled people are a burden at all.", stance.HOSTILE),
        ("Nobody at the rugby club hates gay players.", stance.HOSTILE),
        ("It's simply not true that Sikhs are aggressive.", stance.HOSTILE),
        ("Gay men are never perverts.", stance.HOSTILE),  # the lexicon's word, not the sentiment list's
        ("Immigrants are not welcome in this town.", stance.FAVOURABLE),
        ("Women aren't cut out for the bin rounds.", stance.FAVOURABLE),  # "cut out for" is no cut
        ("Hindus don't belong in a Christian country.", stance.FAVOURABLE),
        ("Refugees have no place in our community.", stance.FAVOURABLE),
        ("I'd never vote for a blind man.", 0),  # "blind" names the group, says nothing of it
        ("Older staff will never keep up with the new system.", 0),
        ("Autistic people are anything but stupid.", stance.HOSTILE),
        # to stop doing something hostile is favourable: never stopping it is no denial
        ("I don't think Romanians will ever stop being thieves.", stance.FAVOURABLE),
        # hostility outside the negated clause: no clean denial
        ("I don't hate gay people. I just think they're disgusting.", 0),
        ("Women are not stupid, and the comments under the post are vile.", 0),
    ],
)
def test_what_a_negation_denies_is_read_from_its_predicate(text, polarity):
    assert denies(text) == polarity


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("Refugees aren't wanted here.", "refugees are unwanted here."),
        ("Gay people can never be trusted with kids.", "gay people are untrustworthy with kids."),
        ("Hindus don't belong in a Christian country.", "hindus are out of place in a christian country."),
        ("People with learning disabilities are no use to anyone.",
         "people with learning disabilities are useless to anyone."),
        ("Trans women will never be real women.", "trans women are fake women."),
        ("I don't respect anyone who follows Islam.", "i despise anyone who follows islam."),
    ],
)
def test_a_negated_compliment_is_read_as_its_opposite(text, statement):
    post = normalise(text)
    found = stance.counterpart(post, identity_spans(post))
    assert found is not None and found.denies == stance.FAVOURABLE
    assert found.statement == statement


def test_a_negated_compliment_without_an_opposite_is_left_to_the_post_reading():
    post = normalise("Trans staff have no right to use the depot toilets.")
    found = stance.counterpart(post, identity_spans(post))
    assert found is not None and found.denies == stance.FAVOURABLE and not found.edits


def test_composition_by_the_negated_predicate():
    hostile = stance.Counterpart(stance.NEGATION, ((0, 3, ""),), "x", "not", stance.HOSTILE)
    # "X are not thieves": lowered by the affirmative's reading, however hostile the post reads
    assert stance.compose(hostile, 0.8, 0.92, 0.98) == pytest.approx(0.8 * 0.02)
    favourable = stance.Counterpart(stance.NEGATION, ((0, 3, ""),), "x", "not", stance.FAVOURABLE)
    # "X are not welcome": never lowered; raised to the opposite's reading
    assert stance.compose(favourable, 0.3, 0.5, 0.1, counterpart_model=0.9) == pytest.approx(0.9)
    assert stance.compose(favourable, 0.7, 0.9, 0.99, counterpart_model=0.2) == pytest.approx(0.7)


def test_composition_lowers_the_post_by_the_rise_the_negator_hides():
    negation = stance.Counterpart(stance.NEGATION, ((0, 3, ""),), "x", "not")
    assert stance.compose(negation, 0.6, 0.3, 0.9) == pytest.approx(0.6 * 0.4)
    # a negated compliment reads as more hostile than the compliment: it stands
    assert stance.compose(negation, 0.9, 0.95, 0.2) == pytest.approx(0.9)
    assert stance.compose(None, 0.7, 0.8, 0.99) == pytest.approx(0.7)


def reading(screener, text):
    detector = screener.registry.get("classifier")
    return detector.readings([normalise(text)], every=True)[0]


NEGATED_HATE = [
    "Polish workers are not thieves who rob the town blind.",
    "I don't think Sikhs are a danger to our children.",
    "Lesbian couples don't make terrible foster parents.",
    "Trans women are not a threat in the changing rooms at the leisure centre.",
    "Disabled tenants aren't a burden on the housing budget.",
    "Women are not hopeless managers.",
    "Pensioners aren't a drain on the parish precept.",
]

NEGATED_COMPLIMENTS = [
    "Romanian families are not welcome on our estate.",
    "Muslim councillors can't be trusted with the budget.",
    "Gay teachers don't belong in our schools.",
    "Trans residents shouldn't get a vote on the parish council.",
    "Deaf people should not be allowed to serve on the committee.",
    "Women don't make good councillors.",
    "Pensioners are not wanted in this town.",
]


@pytest.mark.parametrize("text", NEGATED_HATE)
def test_denying_a_hateful_statement_is_not_discrimination(screener, text, discrimination):
    """Denied either by the classifier's stance rules or, where the lexicon finds the hateful
    statement, by the lexicon's own negation reading (which then shuts the model's part)."""
    assert not discrimination(text)
    note = reading(screener, text).stance_note()
    assert "the negation of a hateful statement is not hateful" in note \
        or lexicon_signals(normalise(text)).negated


@pytest.mark.parametrize("text", NEGATED_COMPLIMENTS)
def test_negating_a_compliment_is_discrimination(screener, text, discrimination):
    assert discrimination(text), text
    note = reading(screener, text).stance_note()
    # a favourable word negated ("welcome", "trusted"), or no lower reading without the negator
    assert "it denies them something favourable" in note or "can itself be hostile" in note


# Written for these tests: held out from the rules' development (data/devset/negation_*.jsonl).
STEREOTYPES_DENIED = [
    "Women councillors aren't hopeless with money, whatever the Gazette says.",
    "Our trans receptionist is hardly a danger to the public.",
    "It's a myth that Polish builders are cowboys.",
    "No one in planning thinks wheelchair users are a nuisance.",
    "Lesbian foster carers are far from a bad influence.",
    "I don't believe the Sikh family at number 12 are troublemakers.",
    "Pensioners are never a burden on the library.",
]

EXCLUSION_THROUGH_NEGATION = [
    "Wheelchair users aren't wanted at the Friday market.",
    "Romanians can never be trusted with the keys to the hall.",
    "Gay men have no place in the under-16s coaching team.",
    "Disabled apprentices are no use to anyone on the grounds crew.",
    "Muslims aren't welcome at the parish fete.",
    "I don't hate lesbians, I just think they're disgusting.",
]


@pytest.mark.parametrize("text", STEREOTYPES_DENIED)
def test_denying_a_stereotype_is_not_discrimination(text, discrimination):
    assert not discrimination(text), text


@pytest.mark.parametrize("text", EXCLUSION_THROUGH_NEGATION)
def test_excluding_a_group_through_a_negation_is_discrimination(text, discrimination):
    assert discrimination(text), text


def test_a_finding_resting_on_the_opposite_says_what_the_post_was_read_as(discrimination):
    findings = discrimination("People with learning disabilities are no use to anyone.")
    assert "which says 'people with learning disabilities are useless to anyone.'" in (
        findings[0].explanation)


def test_a_negator_inside_a_hateful_clause_is_no_denial(discrimination):
    # "not human", "not real women" say the hostile thing themselves
    assert discrimination("Muslims are not human.")
    assert discrimination("Trans women are not real women.")


def test_the_note_quotes_the_denied_statement_and_the_negator(screener):
    note = reading(screener, "Women are not hopeless managers.").stance_note()
    assert "'women are hopeless managers.'" in note
    assert "With 'not'" in note
