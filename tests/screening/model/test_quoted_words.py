"""The words a 6.4(c) finding quotes are the post's own words, whole: a group word run into
others ("hatemuslims") is quoted as the word the engine read ("muslims"), never a cut-off
fragment of it ("uslims") (posts written for these tests)."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("I hatemuslims and I don't care who knows", "muslims"),
        ("Ban alltrans people from the leisure centre", "trans people"),
        ("Deport allgays from the estate", "gays"),
    ],
)
def test_the_identity_words_a_finding_cites_are_whole_words(discrimination, text, quoted):
    findings = discrimination(text)
    assert findings, text
    cited = [c for f in findings for c in re.findall(r"refers to '([^']+)'", f.explanation)]
    assert cited == [quoted], findings
