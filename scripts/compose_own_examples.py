"""Compose labelled training posts from hand-written parts; writes ``data/training/own_composed.jsonl``.

Every part below was written for this project (MIT): town and council life, the people in it,
the stereotypes said about them, and the ways people report, deny or quote those stereotypes.
Nothing is copied or adapted from HateCheck (evaluation only) or any other set.

Why composed: the tweet sets teach the encoder heads that naming a group is hate (Davidson's
hate class is slur-driven). The same group words must also appear in plain, friendly, negated
and condemning posts, and the same stereotypes must appear both asserted (hate) and denied or
condemned (fine), so the heads learn stance rather than vocabulary.

Each row records its ``template`` so the training script can keep every post from one template
on the same side of its dev split. Output is deterministic (fixed seed, sorted parts).

    .venv/bin/python scripts/compose_own_examples.py
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import own_frames  # the hand-written frames, beside this script

ROOT = Path(__file__).resolve().parents[1]
SEED = 20240602
OUT = ROOT / "data" / "training" / "own_composed.jsonl"

# Plural ways of naming people with a protected characteristic.
GROUPS = {
    "race": [
        "Polish families", "immigrants", "Black residents", "refugees", "Travellers",
        "Pakistani families", "Romanians", "asylum seekers", "Nigerian nurses", "Chinese students",
        "Gypsy families", "Eastern European workers", "Somali families", "Asian shopkeepers",
    ],
    "religion_or_belief": [
        "Muslims", "Jewish families", "Sikhs", "Hindus", "Catholics", "the Muslim community",
        "people who wear a headscarf", "Jewish residents",
    ],
    "sexual_orientation": [
        "gay men", "lesbians", "gay couples", "bisexual people", "LGBT people",
        "gay councillors", "same-sex couples",
    ],
    "gender_reassignment": [
        "trans people", "trans women", "trans men", "non-binary people", "transgender staff",
    ],
    "disability": [
        "disabled people", "wheelchair users", "autistic people", "deaf people",
        "people with learning disabilities", "blind residents", "disabled tenants",
        "people with mental health problems",
    ],
    "sex": [
        "women", "female councillors", "the women in the depot", "girls on the apprenticeship",
        "women drivers", "mums who work part time",
    ],
}

# How one person is described ("my neighbour is ..."), by characteristic.
DESCRIPTIONS = {
    "race": ["Polish", "Black", "Romanian", "Pakistani", "Nigerian", "a refugee from Syria",
             "Chinese", "a Traveller", "Irish", "Somali"],
    "religion_or_belief": ["Muslim", "Jewish", "Sikh", "Hindu", "Catholic", "a practising Muslim"],
    "sexual_orientation": ["gay", "a lesbian", "bisexual", "married to a man", "married to a woman"],
    "gender_reassignment": ["trans", "a trans woman", "a trans man", "non-binary"],
    "disability": ["deaf", "blind", "autistic", "a wheelchair user", "disabled",
                   "partially sighted", "dyslexic", "living with MS"],
    "sex": ["a woman", "the only woman on the gritting crew", "a single mum"],
}

PEOPLE = [
    "My sister", "Our new neighbour", "My line manager", "One of the bin crew", "My best mate",
    "The new parks apprentice", "My son", "The chair of the allotment society",
    "Our youth worker", "The lad who runs the chip shop", "My cousin", "The new lifeguard",
    "Our finance officer", "The woman who runs the Saturday market",
]

# (asserted, denied) stereotype pairs: the asserted form is hate, the denied form is not.
STEREOTYPES = {
    "race": [
        ("are all on benefits", "are not all on benefits"),
        ("bring crime wherever they go", "don't bring crime wherever they go"),
        ("refuse to learn English", "don't refuse to learn English"),
        ("are stealing jobs from local lads", "aren't stealing jobs from local lads"),
        ("leave rubbish everywhere they live", "don't leave rubbish everywhere they live"),
        ("jump the council housing queue", "don't jump the council housing queue"),
    ],
    "religion_or_belief": [
        ("are all extremists", "are not extremists"),
        ("want to take over the town", "don't want to take over the town"),
        ("can't be trusted with council money", "can be trusted with council money like anyone"),
        ("should go back where they came from", "have every right to be here"),
    ],
    "sexual_orientation": [
        ("shouldn't be allowed near children", "are no danger to children"),
        ("are pushing their lifestyle on our kids", "aren't pushing anything on our kids"),
        ("are sick in the head", "aren't sick in the head"),
        ("are a bad influence on the youth club", "aren't a bad influence on the youth club"),
    ],
    "gender_reassignment": [
        ("are mentally ill", "aren't mentally ill"),
        ("are a danger in the leisure centre changing rooms",
         "aren't a danger in the leisure centre changing rooms"),
        ("are just after attention", "aren't just after attention"),
        ("are freaks who should be kept away from kids", "aren't freaks and never were"),
    ],
    "disability": [
        ("are a drain on the council budget", "aren't a drain on the council budget"),
        ("are faking it to get blue badges", "aren't faking it to get blue badges"),
        ("shouldn't be allowed to work here", "can work here as well as anyone"),
        ("are a burden on everyone around them", "aren't a burden on their families"),
    ],
    "sex": [
        ("are too emotional to chair a meeting", "aren't too emotional to chair a meeting"),
        ("belong in the kitchen, not the council chamber",
         "belong in the council chamber as much as anyone"),
        ("can't drive a gritter to save their lives", "can drive a gritter as well as anyone"),
        ("are only good for making the tea", "aren't only good for making the tea"),
    ],
}

# Slurs quoted in counter-speech, by characteristic (the words people report hearing).
QUOTED_SLURS = {
    "race": ["paki", "pikey", "wog", "gyppo"],
    "religion_or_belief": ["raghead", "towelhead", "muzzie"],
    "sexual_orientation": ["poof", "faggot", "dyke", "batty boy"],
    "gender_reassignment": ["tranny", "shemale", "he-she"],
    "disability": ["retard", "spastic", "spaz", "mong"],
    "sex": ["slag", "whore", "stupid cow"],
}

NEUTRAL_PERSON = {
    "n1": "{person} is {desc} and has lived in Millbrook for twenty years.",
    "n2": "{person} is {desc}, so we're both going to the carnival committee on Saturday.",
    "n3": "{person} is {desc} and helped run the litter pick on the Rec this weekend.",
    "n4": "{person}, who is {desc}, is standing for the town council in May. Good luck!",
    "n5": "Just found out {person_lc} is {desc}. Still rubbish at the pub quiz though 😂",
    "n6": "{person} is {desc} and got the long service award at the civic dinner.",
    "n7": "{person} is {desc}. Why does the form at the leisure centre even ask?",
}
SELF = {
    "s1": "As someone who is {desc}, I'd love more subtitled screenings at the Arts Centre.",
    "s2": "I'm {desc} and I've worked at the leisure centre for six years. Love it.",
    "s3": "Being {desc} in a small town has its moments, but the market traders are lovely.",
    "s4": "I'm {desc} and I'm proud of it. Happy to chat at the community fair on Sunday.",
}
NEUTRAL_GROUP = {
    "g1": "{Group} have been part of Millbrook's story for generations.",
    "g2": "Lovely to see so many {group} at the carnival planning meeting last night.",
    "g3": "The council runs a drop-in for {group} at the library on Thursday afternoons.",
    "g4": "Huge respect to the {group} who volunteered at the food bank over Christmas.",
    "g5": "{Group} in this town deserve the same services as everyone else.",
    "g6": "Good turnout of {group} at the consultation on the new bus routes.",
    "g7": "Our street has {group}, pensioners and students, and we all get on fine.",
    "g8": "Proud that Millbrook has welcomed {group} for decades.",
    "g9": "The new community garden was designed with {group} from the estate.",
    "g10": "Talk at the museum tonight on the history of {group} in the town. Free entry.",
    "g11": '{Group} can get advice on council tax at the Guildhall on Mondays.',
    "g12": "There's a survey for {group} about the new bus routes, closes Friday.",
    "g13": 'The housing report has figures on {group} in council homes.',
    "g14": 'Are there any {group} on the allotment waiting list? Asking for the newsletter.',
}
COUNTER = {
    "c1": "Someone on the town Facebook page wrote that {group} {pos}. Reported it, that "
          "talk has no place here.",
    "c2": "\"{Group} {pos}\" - heard that at the bus stop today and I'm still fuming. "
          "Ignorant rubbish.",
    "c3": "Whoever keeps posting that {group} {pos} on the community page: the admins have "
          "screenshots.",
    "c4": "My grandad used to say {group} {pos}. He was wrong, and I told him so.",
    "c5": "Saying {group} {pos} isn't 'just an opinion', it's prejudice. Do better, Millbrook.",
    "c6": "Stop spreading the lie that {group} {pos}. It hurts people we work with.",
    "c7": 'Reported a comment claiming {group} {pos}. The moderators took it down within the hour.',
    "c8": 'Shame on whoever put leaflets through doors saying {group} {pos}.',
    "c9": "My neighbour told me {group} {pos}. I said that's bigotry and walked off.",
    "c10": "Anyone claiming {group} {pos} should read the council's own equality report.",
    "c11": 'People who say {group} {pos} are spreading hate, plain and simple.',
    "c12": 'The councillor who suggested {group} {pos} should apologise or resign.',
    "c13": 'Overheard someone at the post office say {group} {pos}. Nobody in the queue agreed.',
    "c14": "'{Group} {pos}' is exactly the nonsense the youth club is trying to stamp out.",
}
COUNTER_SLUR = {
    "q1": "A lad shouted '{slur}' at {person_lc} outside the Co-op. That's a hate crime and "
          "we've reported it.",
    "q2": "If you call someone a {slur} at work you'll be out of a job, and rightly so.",
    "q3": "Heard a councillor's husband use the word \"{slur}\" at the fete. Shameful.",
    "q4": "Kids on the bus calling each other {slur} like it's nothing. Schools need to "
          "tackle this.",
}
NEGATED = {
    "d1": "For the record, {group} {neg}, whatever you read online.",
    "d2": "Anyone who has actually met them knows {group} {neg}.",
    "d3": "{Group} {neg}. Simple as that.",
    "d4": "Ten years on the housing team has taught me {group} {neg}.",
    "d5": "Let's be clear: {group} {neg}, and the council's own figures show it.",
}
HATE_GROUP = {
    "h1": "Let's be honest, {group} {pos}.",
    "h2": "Everyone in Millbrook knows {group} {pos}, the council just won't say it.",
    "h3": "{Group} {pos}. Keep them off the new housing scheme.",
    "h4": "Keep {group} off the parish council, they {pos}.",
    "h5": "Why are our rates paying for {group}? They {pos}.",
    "h6": "Nobody in the office will say it but {group} {pos}.",
}
HATE_PLAIN = {
    "p1": "We never had any trouble in this town before {group} moved in.",
    "p2": "I wouldn't let {group} run the tombola, never mind a council department.",
    "p3": "Put {group} on their own estate where they can't bother the rest of us.",
    "p4": "{Group} are vermin and the town should be rid of them.",
    "p5": "The sooner {group} leave Millbrook the better for all of us.",
    "p6": "Don't hire {group} at the depot. More trouble than they're worth.",
    "p7": "Ban {group} from the swimming pool, it's disgusting sharing water with them.",
    "p8": '{Group} disgust me.',
    "p9": "I can't stand {group}, never could.",
    "p10": '{Group} are the reason this town is going downhill.',
    "p11": 'We should stop {group} moving onto our estate.',
    "p12": 'Honestly, {group} make me sick.',
    "p13": 'Get rid of {group}, the lot of them.',
    "p14": "{Group} don't belong in Millbrook.",
}
HATE_PERSON = {
    "x1": "{person} is {desc}, which explains why they're useless at everything.",
    "x2": "{person} is {desc}. Says it all really, can't be trusted with anything.",
    "x3": "Of course {person_lc} messed up the rota, what do you expect from someone {desc}.",
}

# Added for the fine-tuned encoder (issue 4, continued): more stance contrasts on the same
# words, so the adapters learn who is saying what about whom, not which words appear.
INSULTS = [
    "vermin", "scum", "parasites", "a disease", "filthy animals", "worthless", "a plague on "
    "this town", "subhuman", "disgusting", "thick as mud", "dangerous", "a waste of space",
]
POSITIVE_GROUP = {
    "pg1": "{Group} make Millbrook a better place to live.",
    "pg2": "Some of the kindest people on our street are {group}.",
    "pg3": "We need more {group} standing for the town council.",
    "pg4": "{Group} are welcome in Millbrook, today and always.",
    "pg5": "Honestly, {group} have been the backbone of the food bank this winter.",
    "pg6": "So glad {group} are part of the team at the depot. Brilliant workers.",
    "pg7": "I love how many {group} come to the Sunday market now.",
    "pg8": "Nothing but admiration for {group} who keep this town running.",
    "pg9": "{Group} deserve respect, full stop.",
    "pg10": "Thank you to all the {group} who helped at the flood clean-up.",
    "pg11": '{Group} are amazing, and Millbrook is lucky to have them.',
    "pg12": 'Really proud of the {group} on our staff.',
    "pg13": '{Group} bring so much to this town.',
    "pg14": "Couldn't run the carnival without {group} volunteering every year.",
}
DENIED_INSULT = {
    "di1": "{Group} are not {insult}, and anyone who says so can leave the group.",
    "di2": "No, {group} are not {insult}. Stop it.",
    "di3": "I will never accept that {group} are {insult}.",
    "di4": "It's a lie that {group} are {insult}.",
    "di5": "Nobody I know thinks {group} are {insult}.",
    "di6": "{Group} aren't {insult}. They're our neighbours.",
    "di7": 'Let me be clear: {group} are in no way {insult}.',
    "di8": "I don't think {group} are {insult}, and I never have.",
    "di9": "None of the {group} I've met are {insult}.",
    "di10": '{Group} are not and never have been {insult}.',
}
DENIED_CLAIM = {
    "dc1": "I don't believe for a second that {group} {pos}.",
    "dc2": "It is simply not true that {group} {pos}.",
    "dc3": "The idea that {group} {pos} is a myth.",
    "dc4": "Whatever the leaflet says, it's false that {group} {pos}.",
}
COUNTER_REF = {
    "cr1": "Calling {group} {insult} is exactly the kind of hate the council should act on.",
    "cr2": "If you think {group} are {insult}, the problem is you.",
    "cr3": "Whoever sprayed '{group} are {insult}' on the bus shelter needs to be found.",
    "cr4": "I'm sick of people online saying {group} are {insult}. It's vile.",
    "cr5": "Posts like the one saying {group} are {insult} get reported and removed. Good.",
    "cr6": "My kid came home asking why someone said {group} are {insult}. Heartbreaking.",
    "cr7": "Someone scrawled '{group} are {insult}' on the underpass. The council painted over it.",
    "cr8": "Describing {group} as {insult} is not banter, it's abuse.",
    "cr9": "A man on the bus shouted that {group} are {insult}. I wish I'd said something.",
    "cr10": "You don't get to call {group} {insult} and then claim it was a joke.",
    "cr11": 'The comments calling {group} {insult} have been passed to the police.',
    "cr12": 'Anyone who calls {group} {insult} will be removed from this page.',
    "cr13": 'Ashamed that someone at the depot called {group} {insult} in front of the apprentices.',
    "cr14": "Please don't share the post saying {group} are {insult}. Report it instead.",
}
HATE_INSULT = {
    "hi1": "{Group} are {insult}, simple as that.",
    "hi2": "Honestly {group} are {insult} and I'm tired of pretending otherwise.",
    "hi3": "The truth nobody will say: {group} are {insult}.",
    "hi4": "All {group} are {insult}. Keep them out of Millbrook.",
    "hi5": "Let's face it, {group} are {insult}.",
    "hi6": 'Everyone on the estate knows {group} are {insult}.',
}
HATE_NEGATED_POSITIVE = {
    "np1": "{Group} will never be welcome in Millbrook.",
    "np2": "I have never met any {group} worth a penny of our rates.",
    "np3": "{Group} are not real members of this community and never will be.",
    "np4": "No {group} should ever be trusted with a council job.",
}
# Innocent everyday senses of words that are also slurs elsewhere.
HOMONYMS = [
    "Faggots, mash and peas at the Red Lion on Thursday, best pub tea in town.",
    "Popped out the back of the depot for a fag, back in five.",
    "Our bitch had six puppies last night, all doing well.",
    "Lovely walk along the dyke by the river this morning, herons everywhere.",
    "The new curtains in the Guildhall have a flame retardant coating.",
    "Cold weather will retard the growth of the bedding plants, says the head gardener.",
    "That's a queer sort of noise coming from the boiler, can someone check it?",
    "The butcher's faggots sold out by ten, get there early on Saturday.",
    "Spotted a raccoon-like creature in the park, turned out to be a badger.",
    "The drainage dyke on Fen Lane has flooded again.",
    "Dog show on the Rec: best bitch and best dog prizes at 2pm.",
    "Grandad still rolls his own fags, eighty-nine and going strong.",
    "What a queer day, sunshine then hail then sunshine again.",
    "Rice paddy photos from my trip are up on the camera club page.",
]
RECLAIMED_MORE = [
    ("Queer folk of Millbrook, the book club is back on Wednesday!", "sexual_orientation"),
    ("Me and the other dykes from the rugby team are doing the charity swim.",
     "sexual_orientation"),
    ("Proud to be queer and proud to work for this council.", "sexual_orientation"),
    ("Crip life: the new ramp at the library is a game changer.", "disability"),
    ("Us queers have been running the Pride stall at the fete for ten years now.",
     "sexual_orientation"),
    ("As a queer trans man I want to say thank you to the leisure centre staff.",
     "gender_reassignment"),
]

# Hand-written single posts (no template): reclaimed words in-group, and ordinary town posts.
RECLAIMED = [
    ("We queers are doing the Pride picnic on the Rec again this year, bring cake!",
     "sexual_orientation"),
    ("As a dyke who has lived here thirty years, the rainbow crossing made me cry.",
     "sexual_orientation"),
    ("Crip coffee morning at the Arts Centre: disabled folk, bring your mates and your "
     "walking sticks.", "disability"),
    ("Us old queers at the bowls club have seen this town change a lot, mostly for the better.",
     "sexual_orientation"),
    ("I'm queer and I run the Thursday youth club. Ask me anything.", "sexual_orientation"),
    ("My fellow disabled friends and I have a new podcast about access in town centres.",
     "disability"),
    ("As a proud queer woman I'm standing for the town council. Vote for bins on time!",
     "sexual_orientation"),
    ("We're dykes, we're from Millbrook and we're running the 10k for the hospice.",
     "sexual_orientation"),
    ("Queer history walk round the old town this Saturday, meet at the war memorial.",
     "sexual_orientation"),
    ("As a trans woman I was nervous about the new job, but the parks team made me so welcome.",
     "gender_reassignment"),
    ("As a Black man who grew up on the Eastfield estate, I'm proud to chair the youth forum.",
     "race"),
    ("As a Muslim councillor I'll be at the mosque open day and the church fete this weekend.",
     "religion_or_belief"),
    ("I'm autistic and the quiet hour at the supermarket has changed my life.", "disability"),
    ("As a deaf mum, thank you to the library for the BSL story time.", "disability"),
]
ORDINARY = [
    "Bin collections move to Saturday this week because of the bank holiday.",
    "The Riverside car park will be closed on Tuesday for resurfacing.",
    "Well done to the under-12s, county champions for the second year running!",
    "Anyone know a good plumber in the north of town? Ours has retired.",
    "Council meeting tonight at 7 in the Guildhall, public gallery open.",
    "The farmers' market is back on Sunday with a cheese stall this time.",
    "Road closed by the old mill while they fix the bridge, allow extra time.",
    "Lost a grey cat near Orchard Way, answers to Biscuit. Please check sheds.",
    "Huge thanks to the library team for the summer reading challenge.",
    "Volunteers needed for the Remembrance Sunday parade stewarding.",
    "The leisure centre has new opening hours from 1 September.",
    "Great to see the hanging baskets back on the High Street.",
    "Recycling centre is open late on Thursdays now, handy after work.",
    "Brass band in the bandstand on Sunday afternoon if the rain holds off.",
    "Who else thinks the new roundabout is confusing? I went round it twice.",
    "The town clerk's annual report is on the website for anyone interested.",
    "Our allotment has given us more courgettes than we can eat. Free to a good home.",
    "Parking permits for the Eastfield zone can be renewed online now.",
    "Fireworks night on the Rec is cancelled this year because of the weather.",
    "Pothole on Station Road reported, ref came back within a day. Impressed.",
    "Quiz night at the Red Lion raised £400 for the air ambulance.",
    "The skate park consultation closes Friday, have your say.",
    "Cracking view from the castle walls this morning, frost on everything.",
    "School crossing patrol needed on Bell Lane, apply on the council website.",
    "The planning committee turned down the supermarket extension again.",
    "I think the new bus timetable is worse than the old one, fewer evening buses.",
    "Not a fan of the new town logo, but I suppose it grows on you.",
    "Sorry to the councillors, but I think the parking charges are too high.",
    "Finished my shift at the depot, cup of tea and feet up.",
    "Snow forecast tonight, gritters are out from 8pm.",
]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _rows() -> list[dict[str, str | None]]:
    rows: list[dict[str, str | None]] = []

    def add(text: str, label: str, target: str | None, kind: str, template: str) -> None:
        rows.append({"text": _cap(text), "label": label, "target": target, "kind": kind,
                     "template": template})

    for target in sorted(GROUPS):
        groups, descs = GROUPS[target], DESCRIPTIONS[target]
        for key, template in NEUTRAL_PERSON.items():
            for person in PEOPLE:
                for desc in descs:
                    add(template.format(person=person, person_lc=person.lower(), desc=desc),
                        "none", target, "neutral_identity", key)
        for key, template in SELF.items():
            for desc in descs:
                add(template.format(desc=desc), "none", target, "self_identified", key)
        for group in groups:
            for key, template in NEUTRAL_GROUP.items():
                add(template.format(group=group, Group=_cap(group)), "none", target,
                    "neutral_identity", key)
            for key, template in HATE_PLAIN.items():
                add(template.format(group=group, Group=_cap(group)), "hate", target,
                    "implicit_hate", key)
            for pos, neg in STEREOTYPES[target]:
                fill = {"group": group, "Group": _cap(group), "pos": pos, "neg": neg}
                for key, template in COUNTER.items():
                    add(template.format(**fill), "none", target, "counter_speech", key)
                for key, template in NEGATED.items():
                    add(template.format(**fill), "none", target, "negation", key)
                for key, template in HATE_GROUP.items():
                    add(template.format(**fill), "hate", target, "implicit_hate", key)
        for key, template in COUNTER_SLUR.items():
            for slur in QUOTED_SLURS[target]:
                for person in PEOPLE:
                    add(template.format(slur=slur, person_lc=person.lower()), "none", target,
                        "counter_speech", key)
        for key, template in HATE_PERSON.items():
            for person in PEOPLE:
                for desc in descs:
                    add(template.format(person=person, person_lc=person.lower(), desc=desc),
                        "hate", target, "directed_hate", key)
    for target in sorted(GROUPS):
        for group in GROUPS[target]:
            fill = {"group": group, "Group": _cap(group)}
            for key, template in POSITIVE_GROUP.items():
                add(template.format(**fill), "none", target, "positive_identity", key)
            for key, template in HATE_NEGATED_POSITIVE.items():
                add(template.format(**fill), "hate", target, "negated_positive_hate", key)
            for insult in INSULTS:
                for table, label, kind in ((DENIED_INSULT, "none", "negation"),
                                           (COUNTER_REF, "none", "counter_speech"),
                                           (HATE_INSULT, "hate", "explicit_hate")):
                    for key, template in table.items():
                        add(template.format(insult=insult, **fill), label, target, kind, key)
            for pos, _ in STEREOTYPES[target]:
                for key, template in DENIED_CLAIM.items():
                    add(template.format(pos=pos, **fill), "none", target, "negation", key)
    for text in HOMONYMS:
        add(text, "none", None, "homonym", frame_key("homonym", text))
    for text, target in [*RECLAIMED_MORE, *RECLAIMED]:
        add(text, "none", target, "reclaimed", frame_key("reclaimed", text))
    for text in ORDINARY:
        add(text, "none", None, "ordinary", frame_key("ordinary", text))
    return rows


# Rows kept per (kind, template): enough variety without one template swamping the rest.
PER_TEMPLATE = 20


def compose() -> list[dict[str, str | None]]:
    """The composed rows: a seeded sample of at most ``PER_TEMPLATE`` per template."""
    by_template: dict[str, list[dict[str, str | None]]] = {}
    for row in _rows():
        by_template.setdefault(str(row["template"]), []).append(row)
    kept: list[dict[str, str | None]] = []
    for key in sorted(by_template):
        rng = random.Random(f"{SEED}/{key}")  # per template: adding one changes no other
        # Round-robin over the characteristics, so every group gets its share of a template.
        by_target: dict[str, list[dict[str, str | None]]] = {}
        for row in by_template[key]:
            by_target.setdefault(str(row["target"]), []).append(row)
        for rows in by_target.values():
            rng.shuffle(rows)
        queues = [by_target[t] for t in sorted(by_target)]
        taken = 0
        while taken < PER_TEMPLATE and any(queues):
            for queue in queues:
                if queue and taken < PER_TEMPLATE:
                    kept.append(queue.pop())
                    taken += 1
    seen: set[str] = set()
    return [r for r in kept if not (str(r["text"]) in seen or seen.add(str(r["text"])))]


# Rows kept per frame of ``own_frames``: many frames, few rows each (variety over repetition).
PER_FRAME = 10
PER_TWIN = 3  # the same hateful frame aimed at a group that is not protected (abuse)
SLOTS = ("{G}", "{Gc}", "{one}", "{one_c}", "{adj}", "{slur}", "{slurs}", "{slurs_c}", "{claim}")


def _fill(frame: str, parts: dict[str, list], rng: random.Random) -> str:
    slur, slurs = rng.choice(parts["slur"])
    group, one = rng.choice(parts["G"]), rng.choice(parts["one"])
    return _cap(frame.format(
        G=group, Gc=_cap(group), one=one, one_c=_cap(one), adj=rng.choice(parts["adj"]),
        slur=slur, slurs=slurs, slurs_c=_cap(slurs), claim=rng.choice(parts["claim"]),
        attr=rng.choice(own_frames.ATTRS), dehum=rng.choice(own_frames.DEHUM),
        name=rng.choice(own_frames.NAMES),
        good=rng.choice(own_frames.GOOD) if "{good}" in frame else "",  # old frames' draws kept
    ))


def frame_key(kind: str, frame: str) -> str:
    """A frame's template key: its kind and a hash of its text, never its position.

    The training split holds templates out by a hash of this key, so a frame keeps its side
    (and its filled rows, see ``_frame_rows``) when frames are added, removed or reordered.
    """
    return f"{kind}/{hashlib.sha256(frame.encode()).hexdigest()[:12]}"


def _frame_rows() -> list[dict[str, str | None]]:
    """Rows from ``own_frames``: each frame filled round-robin across the characteristics.

    A hateful frame that names a group is also filled with groups that are not protected,
    labelled abuse, under the same template key: the split then keeps both on one side, so a
    held-out frame is unseen in either form. Each frame draws its fillers from its own seeded
    generator, so one frame's rows do not depend on the frames before it.
    """
    rows: list[dict[str, str | None]] = []
    targets = sorted(own_frames.FILL)
    for table, label in ((own_frames.HATE, "hate"), (own_frames.NOT_HATE, "none")):
        for kind, frames in table.items():
            for frame in frames:
                key = frame_key(kind, frame)
                rng = random.Random(f"{SEED + 1}/{key}")
                first = rng.randrange(len(targets))  # where its round-robin starts
                seen: set[str] = set()
                for attempt in range(PER_FRAME * 4):
                    if len(seen) >= PER_FRAME:
                        break
                    target = targets[(attempt + first) % len(targets)]
                    text = _fill(frame, own_frames.FILL[target], rng)
                    if text not in seen:
                        seen.add(text)
                        rows.append({"text": text, "label": label, "target": target,
                                     "kind": kind, "template": key})
                if label == "hate" and any(slot in frame for slot in SLOTS):
                    for _ in range(PER_TWIN):
                        rows.append({"text": _fill(frame, own_frames.NONPROTECTED, rng),
                                     "label": "abuse", "target": None,
                                     "kind": "nonprotected_group", "template": key})
    for frame in own_frames.INDIVIDUAL_ABUSE:
        key = frame_key("individual_abuse", frame)
        rng = random.Random(f"{SEED + 1}/{key}")
        for _ in range(2):
            rows.append({"text": _fill(frame, own_frames.NONPROTECTED, rng), "label": "abuse",
                         "target": None, "kind": "individual_abuse", "template": key})
    singles = [(t, "abuse", None, "profanity_untargeted") for t in own_frames.PROFANITY]
    singles += [(t, label, None, "object_abuse") for t, label in own_frames.OBJECTS]
    singles += [(t, "none", None, "homonym") for t in own_frames.HOMONYMS]
    singles += [(t, "none", target, "reclaimed") for t, target in own_frames.RECLAIMED]
    for text, label, target, kind in singles:
        rows.append({"text": text, "label": label, "target": target, "kind": kind,
                     "template": frame_key(kind, text)})
    return rows


def all_rows() -> list[dict[str, str | None]]:
    """Every composed row, in file order: the templates above, then ``own_frames``."""
    rows = compose()
    seen = {str(r["text"]) for r in rows}
    for row in _frame_rows():
        if str(row["text"]) not in seen:
            seen.add(str(row["text"]))
            rows.append(row)
    return rows


def main() -> int:
    rows = all_rows()
    with OUT.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} rows written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
