"""A slur's letters that also spell an everyday British word: the everyday sense needs evidence
of that sense, and a word aimed at a person is the slur whatever sense words stand near it.

Every post here was written for these tests. CONTENT WARNING: slurs.
"""

from __future__ import annotations

import re

import pytest

from smpolicy.screening.lexicon import load_lexicon

# The everyday sense, with evidence of it: never flagged.
EVERYDAY = [
    "Gasping for a fag after that planning committee, back in ten",
    "Twenty fags cost more than a pub lunch these days",
    "Found a pack of fags and a lighter on the bench by the war memorial",
    "Faggots, mash and onion gravy at the luncheon club on Thursday",
    "Best faggots in Dorset at the butcher on Salisbury Street",
    "Our bitch is in season so no walkies at the rec this week",
    "The vet says our bitch will have her pups by the weekend",
    "The Dutch built the first dyke along the Fens in the 1600s",
    "The dyke broke in the storm and the river flooded three farms",
    "Maine Coon kittens for sale, vet checked, ask at the parish office",
    "Coon cheese was on offer at the Co-op so I bought three blocks",
    "Please welcome Mrs Coon, our new clerk to the burial board",
    "Cllr Downie opened the new play area this morning",
    "The old slag heaps from the steelworks are now a country park",
    "Additives that retard the setting of the concrete on the footbridge",
    "Rice paddies in Bali were the highlight of my holiday",
    "Your ABO blood group is on the donor card",
    "Skanking to the ska band at the carnival, do the skank with us",
    "Redskin potatoes roast better than the white ones",
    "My shirt was so wrinkly after the drive I had to borrow an iron",
    "Click the button and poof, the form vanished, third time today",
    "Sambo classes at the leisure centre are like judo with more wrestling",
    "Golf at Royal Troon with the twinning association on Saturday",
    "Please state whether you use he she or they on the volunteer form",
    "There's nowt so queer as folk, as my nan used to say",
    "What a queer day, hail in the morning and sunshine by lunch",
    "Grandad still rolls his own fags at ninety",
    "As a queer woman I'm delighted the library has an LGBT section",
    "We dykes on bikes will lead the Pride parade from the Guildhall",
    "Homo erectus skulls are on loan to the museum this month",
    "He had a right paddy when his parking permit was refused",
    "The boilers in the leisure centre are too old to repair",
    "Go past it and turn left at the Co-op",
    "Dropped an old bag of clothes at the charity shop",
    "Mong Kok market was the best bit of our Hong Kong trip",
    "A chink of light at the end of the budget tunnel",
    "Slut shaming has no place in our schools",
    "Keep the kitchen spic and span please",
    "Midget gems in the coffee morning raffle",
    "The old Transit tranny van failed its MOT",
    "The strike could cripple the bin service",
    "Spastic paraplegia support group meets on Mondays",
    "Cold weather retarded the growth of the hanging baskets",
    "Cycling the Taff Trail with the ramblers this weekend",
    "There's a chink in the hedge where the deer get through",
    "The lad at the garage retarded the timing on the ride-on mower",
    "The dyke by the old sea wall held through the spring tides",
    "Our bitch came second in the show at the county fair",
    "The dykes along the drove burst after the February floods",
    "Walked the dog along the dyke path to the old pumping station",
    "Felt a bit queer after the staff barbecue, think it was the chicken",
    "A documentary about the Crips and Bloods on telly tonight",
    "Walked along the dyke from the sluice to the pub, lovely evening",
    "The slag from the old ironworks is being cleared for the new car park",
    "Fancy a fag? I'm gasping after that committee",
    "Could I bum a fag off you, left mine in the van",
    "Three weeks off the fags thanks to the stop smoking clinic",
    "Kids were fishing in the dyke behind the scout hut again",
    "Kev went on a bender after the darts final and rang in sick",
    "Went on a massive bender for my 40th, never again",
    "The pipe bender in the fleet workshop needs a new former",
    "The Fenian raids are this month's history society talk",
    "He's a queer fish, the new auditor, but he knows his stuff",
]

# The same letters aimed at a person or a group, with a sense word nearby: flagged.
AIMED = [
    "You fag, go and have your smoke somewhere else",
    "Put that lighter down you dirty little fag",
    "He's a faggot, always stinking of gravy and pork",
    "Get your dog off my lawn you stupid bitch",
    "She's a bitch, a right one, and her kennel is a tip",
    "You dyke, go and jump in the river",
    "That dyke teacher should be sacked, the whole fen knows what she is",
    "Coons like him want locking up, hound them out of the village",
    "She's a slag, everyone at the foundry has had her",
    "Typical paddy, drunk in a field again",
    "Typical Paddy, drunk at the Christmas do again",
    "You Paddy, go back where you came from",
    "Spastics like you should be kept out of the leisure centre",
    "Retards like him should not be allowed to drive, retard the lot of them",
    "You troon, get back to Ayrshire",
    "You're a queer and you make me sick",
    "Oi fag, got a lighter or what",
    "Hey dyke, the river's that way, go and jump in",
    "You homo, get out of the changing rooms",
    "You're too old to drive that van, grandad",
    "You're past it, get off the roundabout committee",
    "Shut up you old bag, nobody wants your charity shop tat",
    "You mong, you couldn't find Hong Kong on a map",
    "You chink, get out of our chip shop",
    "She's a slut and I don't care about slut shaming",
    "You spic, go and clean the kitchen till it's spic and span",
    "Oi midget, have a midget gem",
    "You tranny, get back in your van",
    "You're a cripple and you'll cripple the budget",
    "You spastic, get your spastic colon seen to",
    "You're retarded, mate, the growth figures say so",
    "Typical Taff, go back down the Taff Trail",
    "You downie, even Mr Downie at the chippy laughs at you",
    "Paddies like him should go back to the rice fields",
    "You abo, your blood group is the only thing you know",
    "Redskins like him shouldn't run the potato stall",
    "Shut up you wrinkly, iron your own shirt",
    "You poof, sit on your footstool",
    "Sambos like him shouldn't teach the judo class",
    "Shut up you he she",
    "She's a bitch, everyone at the dog show says so",
    "Skanks like her at the reggae night, disgusting",
    "You crip, the Crips and Bloods would laugh at you",
    "The woman who runs the drainage board is a dyke who floods her own fields",
    "Keep an eye on the dyke in accounts, she'd knife you in the back",
    "You bender, go and drink your pint somewhere else",
    "You fenian, go and join your brotherhood",
    "Don't be such a fag, have a smoke and calm down",
]

# The slur and nothing to say otherwise: flagged, as the default reading.
NO_EVIDENCE = [
    "Saw a fag at the bus stop this morning",
    "There's a dyke in the queue at the post office",
    "The bitch from number 12 parked across my drive again",
    "A bunch of faggots moved into the flats on Bell Street",
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_an_everyday_sense_with_its_evidence_is_not_discrimination(flagged, text):
    assert "discrimination" not in flagged(text)


@pytest.mark.parametrize("text", AIMED)
def test_a_slur_aimed_at_a_person_is_discrimination_despite_sense_words_nearby(flagged, text):
    assert "discrimination" in flagged(text)


def test_every_word_with_an_everyday_sense_is_tested_both_ways():
    """A word added to ``homonyms`` needs an everyday post and an aimed one here."""
    def mentioned(term: str, posts: list[str]) -> bool:
        pattern = re.compile(rf"(?<![a-z]){re.escape(term)}(?:e?s|ies)?(?![a-z])")
        return any(pattern.search(post.lower()) for post in posts)

    for term in load_lexicon("discrimination")["homonyms"]:
        stem = term[:-1] if term.endswith("y") and term not in ("he she",) else term
        assert mentioned(term, EVERYDAY) or mentioned(stem, EVERYDAY), term
        assert mentioned(term, AIMED) or mentioned(stem, AIMED), term


@pytest.mark.parametrize("text", NO_EVIDENCE)
def test_without_evidence_of_an_everyday_sense_the_slur_reading_wins(flagged, text):
    assert "discrimination" in flagged(text)


def test_a_compound_keeps_its_everyday_sense_even_after_you(flagged):
    """"fag break" is a break: "do you want a fag break" is an offer, not an insult."""
    assert "discrimination" not in flagged("Do you want a fag break before the next item?")
    assert "discrimination" in flagged("Do you want a slap, you fag?")


# Self-identification and reclaiming need the writer to be one of the group.


@pytest.mark.parametrize(
    "text",
    [
        "A queer woman moved in next door, disgusting",
        "Dykes on bikes are disgusting and should be banned from the parade",
        "Those queers at the library want shutting down",
        "As a straight man I think dykes are vile",
    ],
)
def test_a_reclaimable_word_without_in_group_evidence_is_discrimination(flagged, text):
    assert "discrimination" in flagged(text)


# Every slur of the lexicon, in three hateful frames written here: an insult of a person, a
# statement about a person, and a generalisation about people.

_ODD_FRAMES = {
    # Words that are not plain nouns for a person need frames of their own.
    "retarded": ["You're retarded, mate.", "The new lad is completely retarded.",
                 "They are all retarded, the lot of them."],
    "senile old": ["Shut up you senile old fool.", "She's a senile old woman who should retire.",
                   "Senile old people like him shouldn't be on the council."],
    "old dinosaurs": ["You old dinosaurs should retire.",
                      "The planning committee is full of old dinosaurs.",
                      "Old dinosaurs like them are ruining the town."],
    "past it": ["You're past it, love.", "The new clerk is past it and should retire.",
                "Everyone over sixty is past it."],
    "too old": ["You're too old for this job.", "She is too old to work here.",
                "People his age are too old to be employed."],
    "old git": ["Shut up you old git.", "The bloke next door is a miserable old git.",
                "Old gits like him are ruining this town."],
    "old bag": ["Shut up you old bag.", "The woman in the post office is a nasty old bag.",
                "Old bags like her are ruining this town."],
    "half caste": ["You're a half caste.", "The new lad is half caste, you can tell.",
                   "Half castes like him are ruining this town."],
    "mental nutters": ["You mental nutters.", "The new tenants are mental nutters.",
                       "Mental nutters like them are ruining this town."],
    "ching chong": ["Shut up you ching chong.", "The takeaway bloke is a ching chong.",
                    "Ching chongs like him are ruining this town."],
    "he she": ["Shut up you he she.", "The new receptionist is a he she.",
               "He shes like that are ruining this town."],
    "queer": ["You're a queer and everyone knows it.", "Shut up you stupid queer.",
              "Queers like him are ruining this town."],
}


def _plural(term: str) -> str:
    if term.endswith("s"):
        return term
    if term.endswith("y") and term[-2] not in "aeiou":
        return term[:-1] + "ies"
    return term + "s"


def _frames(term: str) -> list[str]:
    if term in _ODD_FRAMES:
        return _ODD_FRAMES[term]
    article = "an" if term[0] in "aeiou" else "a"
    return [
        f"Shut up, you {term}.",
        f"The new bloke in planning is {article} {term}, everyone knows it.",
        f"Honestly, {_plural(term)} like him are ruining this town.",
    ]


@pytest.mark.parametrize("term", sorted(load_lexicon("discrimination")["slurs"]))
def test_every_slur_is_flagged_in_three_hateful_frames(flagged, term):
    missed = [frame for frame in _frames(term) if "discrimination" not in flagged(frame)]
    assert not missed


@pytest.mark.parametrize("text", ["Paddies are all drunks", "PADDY go home", "the paddys at the site were loud"])
def test_a_first_name_slur_not_written_as_a_name_is_the_slur(flagged, text):
    assert "discrimination" in flagged(text)
