"""6.4(c): offensive or derogatory comments relating to protected characteristics."""

from __future__ import annotations

import pytest

from smpolicy.screening.detectors.discrimination import lexicon_signals
from smpolicy.screening.in_group import in_group_use
from smpolicy.screening.normalise import normalise

BREACHES = [
    ("race", "Those pakis down the road are at it again"),
    ("race", "All immigrants are vermin and should be sent back"),
    ("race", "Go back to your own country, nobody wants you here"),
    ("religion_or_belief", "Muslims should be deported, every last one"),
    ("sexual_orientation", "Saw two poofs holding hands at the bus stop, disgusting"),
    ("sexual_orientation", "kill all the gays"),
    ("gender_reassignment", "That tranny from the swimming club needs to stay out of the ladies"),
    ("disability", "The new apprentice is a total spaz"),
    ("disability", "Disabled people are a drain on the taxpayer"),
    ("sex", "Women belong in the kitchen, not running council committees"),
    ("age", "Pensioners should just hurry up and die and free up the houses"),
]


@pytest.mark.parametrize(("target", "text"), BREACHES)
def test_derogatory_comments_about_a_protected_characteristic_are_a_breach(screener, target, text):
    result = screener.check(text)
    assert result.verdict == "breach"
    finding = next(f for f in result.findings if f.category == "discrimination")
    assert finding.clause == "6.4(c)"
    assert finding.target == target
    assert finding.evidence in text


@pytest.mark.parametrize(
    "text",
    [
        "you f a g g 0 t",
        "n1gg3r go home",
        "you're a r.e.t.a.r.d",
        "\u0440\u0430ki shop",
        "fuuuuucking faaaaggot",
    ],
)
def test_obfuscated_slurs_are_still_caught(screener, text):
    assert screener.check(text).verdict == "breach"


@pytest.mark.parametrize(
    "text",
    [
        "As a disabled woman I find the new ramp at the library brilliant",
        "I'm a proud gay man and I'll be at Pride on Saturday",
        "Happy Eid to all our Muslim neighbours",
        "Our trans staff network meets on Thursdays",
        "Black people are massively under-represented on the town council",
        "Immigrants run half the shops on the high street and they do a great job",
        "As a queer woman I love seeing the rainbow flag on the town hall",
        "Women are brilliant engineers",
    ],
)
def test_identity_terms_used_neutrally_are_not_flagged(flagged, text):
    assert "discrimination" not in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        'A man shouted "paki" at my neighbour today. That is racist abuse and I reported it.',
        "Someone called my son a retard at school. Words like that are never ok.",
        "I would never call anyone a faggot",
        "Muslims are not terrorists",
        "It's a myth that immigrants are criminals",
        "Anyone who says women belong in the kitchen is a dinosaur and a bigot",
    ],
)
def test_quoting_condemning_or_negating_abuse_is_not_a_breach(screener, text):
    assert screener.check(text).verdict != "breach"


@pytest.mark.parametrize(
    "text",
    [
        "Popping out for a quick fag break",
        "Faggots and peas for tea tonight",
        "Scunthorpe were robbed on Saturday",
        "Our bitch had six puppies last night",
        "I'm going to kill time at the library",
        "Nipping out for a fag before the planning meeting",
        "The drainage dyke behind the depot has flooded again",
        "Our spaniel won best bitch at the county show on Saturday",
        "Brought a bundle of faggots to light the bonfire at the community event",
        "Strikes could cripple the bin service this winter",
        "There is a chink of light for the leisure centre budget",
        "The old slag heaps above the village are becoming a nature reserve",
        "Please keep the staff kitchen spic and span",
        "Slut shaming has no place in our workplace",
        "Midget gems and a cuppa at the coffee morning",
        "The depot's old Ford tranny van finally failed its MOT",
        "I only bitch about the parking because it is a nightmare",
    ],
)
def test_homonyms_and_innocent_substrings_are_not_flagged(flagged, text):
    assert "discrimination" not in flagged(text)


def test_a_set_phrase_excuses_only_the_words_inside_it(flagged):
    """'slag heap' explains the 'slag' in it, not an insult elsewhere in the same post."""
    assert "discrimination" in flagged("She's a slag, everyone at the slag heap knows it")
    assert "discrimination" in flagged("you stupid cripple, that could cripple anyone")
    assert "discrimination" in flagged("Chinks everywhere in this town, not a chink of light")


def test_a_set_phrase_of_a_verb_does_not_excuse_the_noun(flagged):
    """"bitching about" is moaning; "ask your bitch about me" is still an insult."""
    assert "discrimination" in flagged("Ask your bitch about me")


@pytest.mark.parametrize(
    "text",
    [
        "Gay men are never perverts.",
        "Old folk are hardly a drain on the council.",
        "Asylum seekers are far from criminals.",
        "Women are not stupid.",
    ],
)
def test_a_negator_between_the_group_and_the_insult_denies_it(flagged, text):
    assert "discrimination" not in flagged(text)


@pytest.mark.parametrize("text", ["Muslims are not human.", "Trans women are not real women."])
def test_a_negator_that_is_part_of_the_insult_denies_nothing(flagged, text):
    assert "discrimination" in flagged(text)


def test_a_bus_stop_is_no_negation(flagged):
    """"stop" reverses abuse only as "stop calling/saying/using", not as a place."""
    assert "discrimination" in flagged("Waiting at the bus stop and some paki started shouting")
    assert "discrimination" not in flagged("Stop calling them pakis, it's vile")


def test_reclaiming_a_word_one_is_proud_of_is_not_a_breach(screener):
    text = "Proud to be a cripple and proud to be at the disability arts festival tonight"
    assert screener.check(text).verdict == "ok"


def test_lexicon_signals_expose_the_evidence_for_a_learned_combiner():
    signals = lexicon_signals(normalise('He called me a "paki" and I reported it, it was racist'))
    assert signals.counter_speech
    assert signals.targets == ("race",)
    assert 0 < signals.slur < 0.5
    plain = lexicon_signals(normalise("Those pakis are vermin"))
    assert plain.slur > 0.8 and plain.derogatory > 0.8 and not plain.counter_speech


def test_a_denial_with_words_between_subject_and_verb_is_not_a_breach(screener):
    assert screener.check("Nobody at the council believes women are a burden").verdict != "breach"
    assert screener.check("Nobody wants a P@ki running the planning office").verdict == "breach"


# Reclaimed words: one of the group using the word of themselves ("us queers") is not abuse;
# the same word pointed at others ("you dykes", "those dykes") is, whoever writes it.


@pytest.mark.parametrize(
    "text",
    [
        "Us queers are taking the park back this Pride, see you at the bandstand",
        "We dykes are marching on Saturday, come along",
        "My fellow queers, see you at the picnic on Sunday",
        "Dyke and proud, see you at the march",
        "Proud old dyke here, thanks to the council for the rainbow flag",
        "A bunch of us queers are doing the fun run for the hospice",
        "The rest of us dykes will bring cake to the coffee morning",
        "As a dyke myself I love the new rainbow crossing",
        "Disgusting. Queer and here, see you all at the Pride picnic on Sunday",
        # the writer describing themselves, whatever adjectives they choose
        "I'm a grumpy old dyke and I've chaired the allotment committee since 2009",
        "As a knackered but happy queer I can confirm the Pride bake sale raised £400",
        "I call myself a cripple, my choice, and the new lift at the library is a godsend",
        "Just a short fat dyke who likes planning law and cheese",
        "Me and the other old gits on the bowls team want a bigger shed",
        "Loud, proud and queer on the council float this Saturday",
        "As an old crip I can tell you the new dropped kerbs are a godsend",
        "I came out as queer at forty and the parks team threw me a party",
        "Being queer in this town in the eighties took some nerve",
        "Just your friendly neighbourhood dyke, here to fix the leaky tap in the pavilion",
    ],
)
def test_a_reclaimed_word_used_of_ones_own_group_is_not_flagged(flagged, text):
    assert "discrimination" not in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Those dykes should be kept away from the school gates",
        "You dykes make me sick",
        "I'm a proud lesbian and you dykes make me sick",
        "I'm gay myself but those dykes should be banned from the park",
        "We hate dykes round here",
        # a describing phrase that is about someone else, not the writer
        "As a parent queers like him teaching at the primary school worry me",
        "I'm a fan of the council but that dyke in licensing is a disgrace",
        "As a straight man, dykes on the council make me sick",
        "Some crip on a mobility scooter ran over my foot, useless",
        "You're a queer and proud of it, are you? Keep it out of the office",
        "That queer from the gym has been put on the leisure centre rota, disgusting",
    ],
)
def test_a_reclaimable_word_pointed_at_others_is_still_discrimination(flagged, text):
    assert "discrimination" in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The new bloke in highways is a queer, keep your backs to the wall",
        "My neighbour's a queer and the whole street knows it",
        "The lad on reception is a queer, I won't be covering his shift",
        "Our councillor is a crip who can't even get up the stairs to the chamber",
    ],
)
def test_a_person_said_to_be_a_reclaimable_word_is_discrimination(flagged, text):
    """'The new bloke is a X' is aimed at a person as much as 'he's a X' is."""
    assert "discrimination" in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The queer history walk leaves the town hall at two",
        "Lovely to see so many queer families at the library storytime",
        "Our openly queer councillor cut the ribbon on the skate park",
        "The council's LGBT network wants to hear from the queer community in the town",
    ],
)
def test_queer_as_the_name_of_the_group_is_not_a_slur(flagged, text):
    """"The queer community" names the group, as "the gay community" does."""
    assert "discrimination" not in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Queer people are disgusting and should stay away from the library",
        "You queer people make me sick",
    ],
)
def test_the_name_of_the_group_in_an_insult_or_a_derogatory_statement_is_still_found(flagged, text):
    assert "discrimination" in flagged(text)


def test_the_problem_being_a_dyke_is_not_a_person_being_one(flagged):
    assert "discrimination" not in flagged("The problem is the dyke, it floods every winter")


@pytest.mark.parametrize(
    ("text", "word"),
    [("proud to be queer and on the bins this week", "queer"), ("proud to be a dyke", "dyke")],
)
def test_proud_to_be_reads_as_in_group_with_or_without_an_article(text, word):
    start = text.index(word)
    assert in_group_use(text, start, start + len(word))


def test_in_group_use_is_read_from_the_words_nearest_the_slur():
    text = "a bunch of us queers and you queers over there"
    first = text.index("queers")
    second = text.index("queers", first + 1)
    assert in_group_use(text, first, first + len("queers"))
    assert not in_group_use(text, second, second + len("queers"))


def test_a_reclaimed_slur_gates_the_classifier_but_self_identification_alone_does_not():
    reclaimed = lexicon_signals(normalise("us queers are doing the litter pick"))
    assert reclaimed.self_identified
    pointed = lexicon_signals(normalise("I'm a proud lesbian and you dykes make me sick"))
    assert not pointed.self_identified and pointed.slur > 0.8


# Everyday British senses of words that are also slurs: each must sit in its set phrase or next
# to its sense word, and the same word used as abuse in the same way is still found.


@pytest.mark.parametrize(
    "text",
    [
        "The library is just past it on the left",
        "Drive past it and take the second turning",
        "I've got an old bag of clothes for the charity shop",
        "The bridge on Mill Lane is too old to take the weight of the gritter",
        "The toddler threw a paddy in the middle of the market",
        "He's in a right paddy about the parking permits",
        "Happy St Paddy's Day to everyone at the Irish centre",
        "Well done to Paddy and the grounds team for the cricket pitch",
        "Paddy from the depot sorted the bins on Elm Road in an hour",
        "Dyke Road is shut for resurfacing until Friday",
        "The dyke along the fen is flooding again",
        "Walk up to Devil's Dyke on Sunday with the ramblers",
        "People slag the council off but the bins always get collected",
        "Fag butts all over the high street again, we need more bins",
        "The GP said I've got a spastic colon",
        "Spastic cerebral palsy affects her legs but not her bowling",
        "This spray may retard the growth of the moss on the war memorial",
        "The River Taff burst its banks near Taff's Well",
        "Homo habilis is the first talk at the museum lecture series",
        "We flew back from Hong Kong via Mong Kok market",
        "Pork faggots in onion gravy on the cafe menu this week",
        "Laying the hedge and bundling faggots of hazel at the nature reserve",
    ],
)
def test_everyday_senses_of_slur_words_are_not_flagged(flagged, text):
    assert "discrimination" not in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "He's past it, the council should pension him off",
        "Shut up you old bag",
        "Paddies are all drunks",
        "She's a proper old slag",
        "You spastic, you dropped the ball again",
        "The new lad in planning is a total retard",
        "Typical Taff, always moaning",
    ],
)
def test_the_same_words_used_as_abuse_are_still_flagged(flagged, text):
    assert "discrimination" in flagged(text)


@pytest.mark.parametrize(("text", "target"), [
    ("Polish builders are cowboys and thieves, the lot of them.", "race"),
    ("Muslim tenants should be deported.", "religion_or_belief"),
    ("I hate deaf customers, they waste my whole shift.", "disability"),
    ("Female drivers are useless.", "sex"),
])
def test_a_group_named_by_an_identity_adjective_and_a_word_for_people_is_a_group(
        screener, text, target):
    findings = [f for f in screener.check(text).findings if f.category.value == "discrimination"]
    assert findings and findings[0].target == target


@pytest.mark.parametrize("text", [
    "Polish builders did a brilliant job on the pavilion roof.",
    "We ran out of shoe polish people kept asking for at the jumble sale.",
    "Muslim tenants asked for a prayer room in the community centre.",
])
def test_an_identity_adjective_with_a_word_for_people_says_nothing_hostile_on_its_own(
        flagged, text):
    assert "discrimination" not in flagged(text)
