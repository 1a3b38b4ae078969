"""Which sense a slur's letters carry in a post: the slur, or an everyday word.

Many slurs are also ordinary British words: a "fag" is a cigarette, a "dyke" an embankment,
"faggots" are meatballs, a "bitch" is a female dog, a "slag" heap is mining waste, to
"retard" is to slow down. The lexicon (``homonyms`` in ``lexicons/discrimination.yaml``) lists
the evidence for each everyday sense. The order of the questions is the point:

1. A set phrase that covers the word ("slag heap", "chink of light", "spastic colon") is
   the everyday sense: the phrase leaves no room for a person.
2. The word right after it is a sense word, so the slur's letters modify it ("fag break",
   "dyke road"): everyday, even after "you" ("do you want a fag break").
3. The word is aimed at a person (``aimed_at_person``): "you X", "you're a X", "she's a
   X", "the new bloke is a X", "X like you", "a X who", "that X from accounts", "typical X",
   "that X teacher", "gay X", "don't be such a X": the slur, whatever sense words stand
   nearby ("you bitch, get your dog off my lawn").
4. A sense word a few words either side ("our bitch had six puppies"), or, for a slur that
   is also a first name (``first_names``), the word written as a name ("thanks to Paddy
   from the depot"): everyday.
5. Otherwise the slur: an everyday reading needs evidence, a slur reading does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from smpolicy.screening.lexicon import words_trie

_WORD = re.compile(r"[a-z]+")
_THAT = re.compile(r"\b(?:that|this) $")
_FROM = re.compile(r"(?:e?s)? from\b")
# How far the sense words and the aiming words are looked for, in characters.
NEIGHBOUR_REACH = 25
AIM_REACH = 48


@dataclass(frozen=True, slots=True)
class Homonym:
    """How to tell that a slur's letters mean something else here.

    ``neighbours``: a word (or its plural) within a few words either side ("fag" near "break", "bitch" near
    "puppies"). ``phrases``: set phrases that contain the term ("slag heap", "chink of
    light", "could cripple"), matched only where the phrase covers the hit itself, so a
    sense word elsewhere in the post excuses nothing.
    """

    neighbours: frozenset[str]
    phrases: re.Pattern[str] | None
    first_name: bool = False  # also a man's first name ("Paddy"): see ``names_a_person``

    @classmethod
    def parse(cls, entries: list[str], first_name: bool = False) -> Homonym:
        # each sense word with its plurals ("floods", "paths", "marshes"), looked up in one set
        words = frozenset(f"{e}{ending}" for e in entries if " " not in e for ending in ("", "s", "es"))
        phrases = [e for e in entries if " " in e]
        return cls(words, re.compile(rf"(?<![a-z])(?:{_phrase_alternation(phrases)})(?![a-z])")
                   if phrases else None, first_name)

    def names_a_person(self, written: str | None) -> bool:
        """The word is written as a first name: one capital, then small letters, singular.

        "Thanks to Paddy from the depot" is a colleague called Paddy; "typical paddy" and
        "PADDIES" are not names. ``written``: the word as the post wrote it, None for a
        plural or an inflected form.
        """
        return self.first_name and written is not None and written[:1].isupper() \
            and written[1:].islower()

    def in_phrase(self, text: str, start: int, end: int) -> bool:
        """A set phrase of the everyday sense covers ``text[start:end]``."""
        if self.phrases is None:
            return False
        for match in self.phrases.finditer(text, max(0, start - 40), end + 40):
            if match.start() <= start and end <= match.end():
                return True
        return False

    def modifies_a_sense_word(self, text: str, end: int) -> bool:
        """The next word is a sense word: the letters are part of a compound ("fag break")."""
        following = _WORD.search(text, end, end + 20)
        return following is not None and following.group() in self.neighbours \
            and text[end:following.start()].strip(" -'’s") == ""

    def has_neighbour(self, text: str, start: int, end: int) -> bool:
        if not self.neighbours:
            return False
        window = _WORD.findall(text[max(0, start - NEIGHBOUR_REACH) : end + NEIGHBOUR_REACH])
        return any(word in self.neighbours for word in window)

    def explains(self, text: str, start: int, end: int) -> bool:
        """Evidence of the everyday sense alone, whoever the word is aimed at."""
        return self.in_phrase(text, start, end) or self.has_neighbour(text, start, end)


def _phrase_alternation(phrases: list[str]) -> str:
    """Each word may take a plural ``s``/``es`` ("slag heaps", "chinks in the curtains")."""
    def one(phrase: str) -> str:
        return r"[\s\-]+".join(re.escape(word) + "(?:e?s)?" for word in phrase.split())
    return "|".join(one(p) for p in sorted(phrases, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Aim:
    """Patterns that say a word is aimed at a person or a group of people."""

    before: re.Pattern[str]  # on the text just before the word, anchored at its end
    after: re.Pattern[str]  # on the text just after the word, anchored at its start
    # "those Xs", "all these Xs": pointed at people, but "those fags" may be cigarettes, so it
    # strengthens the slur reading without overruling a sense word.
    pointing: re.Pattern[str]
    # "don't be such a X", "stop being a X": a negator that scolds the person it addresses
    # with the word, and denies nothing (``scolded``).
    scolding: re.Pattern[str]
    # "never hire a X", "don't give the Xs houses", "you can't trust the Xs", "can't stand
    # Xs", "I won't have Xs coaching": a negator that refuses the people something names them
    # with the word, and denies nothing (``refused``).
    refusing: re.Pattern[str]

    @classmethod
    def build(cls, person_words: Iterable[str], identity_words: Iterable[str]) -> Aim:
        people = words_trie(person_words)
        identity = words_trie(identity_words)
        modifiers = (r"(?:(?:a|an|such a|such an|a right|a proper|a total|a complete|an absolute"
                     r"|total|complete|absolute|utter|proper|right|little|big|fat|old|dirty|filthy"
                     r"|stupid|thick|fucking|fuckin|effing|bloody|disgusting|useless|lazy|vile"
                     r"|pathetic|typical|ugly|smelly|sad|silly|horrible|nasty|dumb|mad|bent"
                     r"|massive|absolute|f\W*ing)\W+)")
        before = (
            # "you X", "you're a X", "ur a stupid X", "shut up you fat X"
            rf"(?:\b(?:you|u|ya|yer|youse|yous|ye)(?:\W*(?:'re|re|are|r|is))?|\byou'?re|\bur"
            rf"|\byour an?|\b(?:oi|oy|hey|hoi)"
            # "he's a X", "she is such a X", "they're all Xs"
            rf"|\b(?:he|she|they|him|her|them)(?:'s|'re|s| is| was| are| were| r)(?: all)?"
            # "the new bloke is a X", "my neighbour's a X", "the lad on reception is a X": a
            # person word as the subject (not "the problem is a dyke that floods")
            rf"|\b(?:{people})(?: (?:in|from|at|on|next|over|down|up|across) (?:the |our |my )?"
            rf"[a-z]+(?: door| the road)?)?(?:'s| is| was)"
            rf"|\b(?:call(?:ed|ing|s)?|labelled) (?:him|her|them|me|you|us)(?: an?)?"
            # "don't be such a X", "stop being a X"
            rf"|\btypical|\bbe|\bbeing|\b(?:{identity}))"
            rf"\W+{modifiers}{{0,3}}$"
        )
        after = (
            # "a X who ...": only a person is a "who" (no comma: "the dyke, who built it, ...")
            r"^(?:e?s)? +who\b(?! knows| cares)"
            r"|^(?:e?s)?(?:'s)?\W+(?:"
            r"like (?:you|u|him|her|them|that|yourself|himself|herself|themselves)\b"
            rf"|(?:{people})\b)"
        )
        pointing = rf"\b(?:those|these|them|some|all(?: the| these| those)?)\W+{modifiers}{{0,2}}$"
        scolding = (rf"\b(?:don'?t|do not|never|stop|quit)\W+(?:be|being|act(?:ing)? like)\W+"
                    rf"{modifiers}{{0,3}}$")
        refusing = (rf"\b(?:don'?t|do not|never|can'?t|cannot|won'?t|wouldn'?t|shouldn'?t)"
                    rf"\W+(?:ever\W+)?(?:trust|hire|employ|give|let|allow|serve|invite|house|stand|bear"
                    rf"|abide|stomach|have|want|rent"
                    rf"\W+to|sell\W+to|vote\W+for|listen\W+to)\W+(?:(?:the|a|an|any|that|those"
                    rf"|these|them|more|your|our)\W+){{0,2}}{modifiers}{{0,3}}$")
        return cls(re.compile(before), re.compile(after), re.compile(pointing),
                   re.compile(scolding), re.compile(refusing))

    def aimed_at_person(self, text: str, start: int, end: int) -> bool:
        """The word at ``text[start:end]`` is said of a person or people (see the module)."""
        if self.addressed(text, start):
            return True
        if self.after.search(text[end : end + AIM_REACH]) is not None:
            return True
        # "that X from accounts", "this X from number 9": pointed at someone by where they are from
        return _FROM.match(text, end) is not None and _THAT.search(text, max(0, start - 8), start) is not None

    def addressed(self, text: str, start: int) -> bool:
        """Said of a person by the words before it alone ("you X", "he's a X"), not by a person
        word after it: "queer" before "families" or "councillor" names the group."""
        return self.before.search(text, max(0, start - AIM_REACH), start) is not None

    def scolded(self, text: str, start: int) -> bool:
        """The word calls the person addressed a name through a negator ("don't be such a
        X", "stop acting like a X"): the negator tells them off, it does not deny the word."""
        return self.scolding.search(text, max(0, start - AIM_REACH), start) is not None

    def refused(self, text: str, start: int) -> bool:
        """The word names the people a negated act is refused to ("never hire a X", "you
        can't trust the Xs"): the negator refuses them, it does not deny the word. Acts of
        saying are not among them: "I would never call anyone a X" denies the word."""
        return self.refusing.search(text, max(0, start - AIM_REACH), start) is not None

    def pointed_at_people(self, text: str, start: int) -> bool:
        """Pointed at people ("those Xs", "all these Xs")."""
        return self.pointing.search(text, max(0, start - AIM_REACH), start) is not None


def everyday_sense(
    homonym: Homonym | None, aim: Aim, text: str, start: int, end: int,
    aimed: bool | None = None, written: str | None = None,
) -> bool:
    """Whether the slur's letters at ``text[start:end]`` carry their everyday sense here
    (``aimed``: ``aim.aimed_at_person`` for the word, when the caller has it already;
    ``written``: the word as the post wrote it, when it is the lexicon's term itself)."""
    if homonym is None:
        return False
    if homonym.in_phrase(text, start, end) or homonym.modifies_a_sense_word(text, end):
        return True
    if aimed is None:
        aimed = aim.aimed_at_person(text, start, end)
    return not aimed and (homonym.has_neighbour(text, start, end) or homonym.names_a_person(written))
