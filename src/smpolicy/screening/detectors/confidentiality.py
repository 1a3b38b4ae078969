"""6.4(b): confidential information about an individual (colleague, service user) or the council.

UK personal data is found in the original text, where digits and capitals survive:
``uk_identifiers`` for NHS numbers (with checksum), National Insurance numbers and postcodes,
``phonenumbers`` for UK phone numbers, and our own patterns for e-mail, dates of birth, street
addresses, case references and names next to service context. Personal data alone asks for a
review; with service or case context in the same post it is a breach. Confidential council
matters (unannounced decisions, HR and disciplinary matters, complaints, investigations,
safeguarding) are cues in the normalised text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import phonenumbers

from smpolicy.screening.detectors.base import BaseDetector, keep_strongest
from smpolicy.screening.findings import Category, Finding
from smpolicy.screening.lexicon import TermIndex, load_lexicon
from smpolicy.screening.normalise import NormalisedText
from smpolicy.screening.prefilter import GatedAlternation, GatedPattern, open_gates, required_literals
from smpolicy.screening.registry import DetectorContext
from smpolicy.screening.scan import registers_words
from smpolicy.screening.uk_identifiers import nhs_numbers, ni_numbers, postcodes

CLAUSE = "6.4(b)"
_EMAIL = re.compile(r"\b[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+\b")
_DIGITS = re.compile(r"\d")
# Nine digits or more, spaced or not; the first written out, so that re skips to digits.
_MANY_DIGITS = re.compile(r"\d[ \-]?(?:\d[ \-]?){8,}")
# Capitalised pairs that are places or bodies, not people: "Bell Street", "Town Council".
_NOT_SURNAMES = frozenset(
    [
        "street",
        "road",
        "lane",
        "close",
        "avenue",
        "drive",
        "way",
        "crescent",
        "court",
        "gardens",
        "place",
        "terrace",
        "grove",
        "hill",
        "row",
        "mews",
        "square",
        "walk",
        "rise",
        "view",
        "park",
        "council",
        "centre",
        "hall",
        "school",
        "club",
        "team",
        "office",
        "services",
        "trust",
        "church",
        "surgery",
        "hospital",
        "library",
        "station",
        "market",
        "house",
        "estate",
        "green",
        "common",
        "day",
        "night",
        "morning",
        "news",
        "euros",
        "cup",
        "final",
        "league",
        "committee",
        "board",
        "department",
    ]
)
# Capitalised words that start sentences or titles, not names: "Women's Euros", "Happy Birthday".
_NOT_FIRST_NAMES = frozenset(
    [
        "the",
        "our",
        "my",
        "your",
        "their",
        "his",
        "her",
        "women",
        "men",
        "ladies",
        "happy",
        "good",
        "great",
        "big",
        "new",
        "old",
        "little",
        "saint",
        "st",
        "town",
        "county",
        "north",
        "south",
        "east",
        "west",
        "upper",
        "lower",
        "last",
        "next",
        "this",
        "that",
        "these",
        "those",
    ]
)
_UK_PHONE = re.compile(r"(?<![\d+])(?:\+44\s?\(?0?\)?\s?|0)\d{2,4}[\s\-]?\d{3,4}[\s\-]?\d{3,4}(?!\d)")


@dataclass(frozen=True, slots=True)
class _Kind:
    """One kind of personal data: its score alone, its score with service context, its words."""

    alone: float
    in_context: float
    what: str


KINDS = {
    "UK_NHS": _Kind(0.85, 0.92, "an NHS number"),
    "UK_NINO": _Kind(0.8, 0.9, "a National Insurance number"),
    "UK_POSTCODE": _Kind(0.45, 0.8, "a postcode"),
    "PHONE_NUMBER": _Kind(0.5, 0.82, "a phone number"),
    "EMAIL_ADDRESS": _Kind(0.45, 0.8, "an e-mail address"),
    "DATE_OF_BIRTH": _Kind(0.8, 0.9, "a date of birth"),
    "STREET_ADDRESS": _Kind(0.5, 0.85, "a street address"),
    "REFERENCE": _Kind(0.55, 0.8, "a case or reference number"),
    "PERSON_IN_CONTEXT": _Kind(0.0, 0.78, "a person's name"),
}


@dataclass(frozen=True, slots=True)
class _Patterns:
    context: TermIndex
    markers: GatedAlternation
    hr: GatedAlternation
    sensitive: GatedAlternation
    reference: re.Pattern[str]
    reference_words: frozenset[str] | None  # one of which every reference match holds, any case
    date_of_birth: GatedPattern
    street: re.Pattern[str]
    street_plain: tuple[str, ...]  # every street match holds one of these or matches street_gate
    street_gate: re.Pattern[str]
    person: re.Pattern[str]


@registers_words
@cache
def _patterns() -> _Patterns:
    data = load_lexicon("confidentiality")
    return _Patterns(
        context=TermIndex({w: True for w in data["service_context"]}),
        # Only the spans of these matches are read: each alternative may be gated on its own.
        markers=GatedAlternation("|".join(f"(?:{p})" for p in data["confidential_markers"])),
        hr=GatedAlternation("|".join(f"(?:{p})" for p in data["hr_matters"])),
        sensitive=GatedAlternation("|".join(f"(?:{p})" for p in data["sensitive_matters"])),
        reference=re.compile(data["reference"], re.IGNORECASE),
        reference_words=_case_blind_gate(required_literals(data["reference"])),
        date_of_birth=GatedPattern(data["date_of_birth"]),
        street=re.compile(data["street_address"]),
        street_plain=tuple(data["street_address_gate"]["plain"]),
        street_gate=_after_a_word(data["street_address_gate"]["after_a_word"]),
        person=re.compile(data["person_name"]),
    )


_MARKED_CONFIDENTIAL = (
    "Signals that the information is confidential or not yet public; clause 6.4(b) "
    "forbids referring to confidential information about the council or a person."
)
_HR_MATTER = (
    "Discusses a confidential HR, investigation or safeguarding matter about a person; "
    "clause 6.4(b) forbids referring to confidential information about an individual."
)
_SENSITIVE_BUSINESS = (
    "Discusses council business that may not be public (a complaint, a planned closure "
    "or cuts); clause 6.4(b) forbids referring to confidential council information."
)


class ConfidentialityDetector(BaseDetector):
    name = "confidentiality"
    categories = frozenset({Category.CONFIDENTIALITY})

    def detect(self, post: NormalisedText) -> list[Finding]:
        patterns = _patterns()
        has_context = patterns.context.first(post) is not None
        findings = [
            self._personal_data(post, kind, start, end, has_context)
            for kind, start, end in _personal_data_spans(post, patterns, has_context)
        ]
        gates = open_gates(post.text)  # most posts open none of the three: no regex, no loop
        for pattern, score, explanation in (
            (patterns.markers, 0.78, _MARKED_CONFIDENTIAL),
            (patterns.hr, 0.8, _HR_MATTER),
            (patterns.sensitive, 0.6, _SENSITIVE_BUSINESS),
        ):
            if pattern.open_in(gates):
                findings.extend(self._matter(post, m, score, explanation) for m in pattern.finditer(post.text))
        if not findings:
            return findings
        return keep_strongest([f for f in findings if f.score > 0])

    def _personal_data(self, post: NormalisedText, kind: str, start: int, end: int, has_context: bool) -> Finding:
        info = KINDS[kind]
        score = info.in_context if has_context else info.alone
        why = (
            f"Shares {info.what}"
            + (" alongside service or case details" if has_context else "")
            + f"; clause {CLAUSE} forbids referring to confidential information about an "
            "individual such as a colleague or service user."
        )
        return Finding(
            self.name,
            Category.CONFIDENTIALITY,
            CLAUSE,
            score,
            start,
            end,
            post.original[start:end],
            why,
            target=kind.lower(),
        )

    def _matter(self, post: NormalisedText, match: re.Match[str], score: float, explanation: str) -> Finding:
        start, end, evidence = post.evidence(match.start(), match.end())
        return Finding(
            self.name,
            Category.CONFIDENTIALITY,
            CLAUSE,
            score,
            start,
            end,
            evidence,
            explanation,
            target="council_matter",
        )


def _personal_data_spans(post: NormalisedText, patterns: _Patterns, has_context: bool) -> list[tuple[str, int, int]]:
    """(kind, start, end) in the original text; the digit patterns run only when there are digits."""
    original = post.original
    spans: list[tuple[str, int, int]] = []
    if "@" in original:
        spans += [("EMAIL_ADDRESS", m.start(), m.end()) for m in _EMAIL.finditer(original)]
    if _DIGITS.search(original):
        spans += _identifier_spans(original)
        first = _first_of(original, patterns.reference_words)
        if first >= 0:
            spans += [("REFERENCE", m.start(), m.end()) for m in patterns.reference.finditer(original, first)]
        if any(word in original for word in patterns.street_plain) or patterns.street_gate.search(original):
            spans += [("STREET_ADDRESS", m.start(), m.end()) for m in patterns.street.finditer(original)]
        for match in patterns.date_of_birth.finditer(post.text):
            start, end = post.to_original(match.start(), match.end())
            spans.append(("DATE_OF_BIRTH", start, end))
    if has_context:
        spans += [
            ("PERSON_IN_CONTEXT", m.start(), m.end())
            for m in patterns.person.finditer(original)
            if _looks_like_a_name(m.group())
        ]
    return spans


def _case_blind_gate(words: frozenset[str] | None) -> frozenset[str] | None:
    """``words`` in lower case for ``_first_of``; None (no gate) if one is not ASCII, since a
    case-blind regex matches some of those to ASCII letters ("K", the Kelvin sign, to "k")."""
    if words is None or not all(word.isascii() for word in words):
        return None
    return frozenset(word.lower() for word in words)


def _first_of(original: str, words: frozenset[str] | None) -> int:
    """Where the first of ``words`` may be in ``original``, in any case (-1: nowhere): a
    case-blind regex's gate, and where its search may start.

    Only asked of ASCII text, whose lower case is one character for one; elsewhere case-blind
    matching knows letters that ``str.lower`` does not fold alike ("K", the Kelvin sign), so the
    answer is always 0. A few ``find`` calls cost less than the regex trying every position, and
    a search started there finds the same matches (``re``'s look-behinds and ``\\b`` still see
    the text before it).
    """
    if words is None or not original.isascii():
        return 0
    lowered = original.lower()
    return min((at for at in map(lowered.find, words) if at >= 0), default=-1)


def _after_a_word(words: list[str]) -> re.Pattern[str]:
    """A search for any of ``words`` (capitalised street words) as a whole word after a lower-case
    letter and a space, as street_address has them: led by the words themselves, so that re skips
    from capital to capital."""
    return re.compile("(?:" + "|".join(f"{re.escape(w)}(?<=[a-z] {re.escape(w)})" for w in words) + r")\b")


def _phone_spans(original: str) -> list[tuple[str, int, int]]:
    """UK phone numbers: a cheap pattern, then libphonenumber's validation of each candidate.

    (libphonenumber's own PhoneNumberMatcher is about ten times slower on our posts.)
    """
    spans = []
    for match in _UK_PHONE.finditer(original):
        try:
            number = phonenumbers.parse(match.group(), "GB")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            spans.append(("PHONE_NUMBER", match.start(), match.end()))
    return spans


def _looks_like_a_name(words: str) -> bool:
    first, last = words.split(" ", 1)[0].lower(), words.rsplit(" ", 1)[-1].lower()
    return last not in _NOT_SURNAMES and first.removesuffix("'s").removesuffix("’s") not in _NOT_FIRST_NAMES


def _identifier_spans(original: str) -> list[tuple[str, int, int]]:
    # NHS numbers and phone numbers both hold nine digits or more: most posts with digits hold neither.
    many_digits = _MANY_DIGITS.search(original) is not None
    spans = [("UK_NHS", start, end) for start, end in nhs_numbers(original)] if many_digits else []
    spans += [("UK_NINO", start, end) for start, end in ni_numbers(original)]
    spans += [("UK_POSTCODE", start, end) for start, end in postcodes(original)]
    if many_digits:
        spans += _phone_spans(original)
    return spans

def build(context: DetectorContext) -> ConfidentialityDetector:
    return ConfidentialityDetector()
