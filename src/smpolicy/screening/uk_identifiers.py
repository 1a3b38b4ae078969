"""UK identifiers with their validation rules: NHS numbers, National Insurance numbers, postcodes.

Written here rather than taken from presidio-analyzer, whose recognisers we first used: importing
that package pulls in spaCy, thinc and (with the classifier installed) transformers and torch,
6-8 s of start-up per process measured on our machine, for three patterns and one checksum.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Each pattern starts with a character class, its "not after a digit" or word boundary tested
# by a look-behind after the first character: a pattern that starts with an assertion makes
# re try its whole matcher at every position of the text, one that starts with a class lets it
# skip to the candidates (NHS numbers 2.7x faster on our posts, National Insurance 1.5x).
# "(?<![\d\-])\d" is "\d(?<![\d\-]\d)", and "\b" before a letter "(?<!\w.)" after it.
_NHS = re.compile(r"(\d(?<![\d\-]\d)\d\d)[ \-]?(\d{3})[ \-]?(\d{4})(?![\d\-])")
# HMRC: the first letter is never D, F, I, Q, U or V; the second never D, F, I, O, Q, U or V;
# BG, GB, KN, NK, NT, TN and ZZ are never issued (tested once both letters are read); the
# suffix is A-D.
_NINO = re.compile(
    r"([A-CEGHJ-PR-TW-Z](?<!\w.)[A-CEGHJ-NPR-TW-Z](?<!BG|GB|KN|NK|NT|TN|ZZ)) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])\b",
    re.IGNORECASE,
)
_POSTCODE = re.compile(r"\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b", re.IGNORECASE)
# How every match of the two patterns above ends, asked first: a pattern led by a digit runs at
# C speed, and most posts with digits hold neither (3-4x less time on the benchmark posts).
_NINO_END = re.compile(r"\d\d ?\d\d ?\d\d ?[A-D]\b", re.IGNORECASE)
_POSTCODE_END = re.compile(r"\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE)


def nhs_number_is_valid(digits: str) -> bool:
    """The NHS modulus-11 check: weights 10..2 over the first nine digits give the tenth."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def nhs_numbers(text: str) -> Iterator[tuple[int, int]]:
    for match in _NHS.finditer(text):
        if nhs_number_is_valid("".join(match.groups())):
            yield match.span()


def ni_numbers(text: str) -> Iterator[tuple[int, int]]:
    if _NINO_END.search(text) is None:
        return
    for match in _NINO.finditer(text):
        yield match.span()


def postcodes(text: str) -> Iterator[tuple[int, int]]:
    if _POSTCODE_END.search(text) is None:
        return
    for match in _POSTCODE.finditer(text):
        yield match.span()
