"""The screening page: findings highlighted in the text; private unless saved."""

from __future__ import annotations

from smpolicy.web.screening.highlight import pieces
from smpolicy.web.screening.models import SavedCheck


def finding(start: int, end: int) -> dict:
    return {"span": [start, end]}


def test_pieces_mark_exactly_the_cited_words():
    text = "my manager is an idiot"
    cut = pieces(text, [finding(17, 22)])
    assert [(p.text, p.findings) for p in cut] == [("my manager is an ", ()), ("idiot", (1,))]


def test_overlapping_findings_share_the_words_they_both_cite():
    cut = pieces("abcdef", [finding(0, 4), finding(2, 6)])
    assert [(p.text, p.findings) for p in cut] == [("ab", (1,)), ("cd", (1, 2)), ("ef", (2,))]
    assert "".join(p.text for p in cut) == "abcdef"


def test_spans_outside_the_text_are_clipped():
    assert [p.text for p in pieces("abc", [finding(1, 99)])] == ["a", "bc"]


def test_a_self_check_is_not_stored_unless_saved(personas, login):
    client = login(personas.report)
    page = client.post("/screen/", {"text": "Lovely day at the market"})
    assert page.status_code == 200 and "Result:" in page.content.decode()
    assert not SavedCheck.objects.exists()
    client.post("/screen/", {"text": "Lovely day at the market", "save": "on"})
    assert SavedCheck.objects.get().person == personas.report


def test_saved_checks_are_private_to_their_author(personas, login):
    login(personas.report).post("/screen/", {"text": "A private draft", "save": "on"})
    assert "A private draft" in login(personas.report).get("/screen/saved/").content.decode()
    assert "A private draft" not in login(personas.clerk).get("/screen/saved/").content.decode()


def test_the_page_shows_each_finding_with_its_clause(personas, login, monkeypatch):
    from smpolicy.web.screening import views

    text = "My manager is a useless idiot"
    fake = {"id": None, "verdict": "breach", "findings": [{
        "category": "disrepute", "clause": "6.4(a)", "score": 0.9, "span": [16, 29],
        "evidence": "useless idiot", "explanation": "Insults a colleague.", "detector": "x"}]}
    monkeypatch.setattr(views, "screen", lambda _: fake)
    body = login(personas.report).post("/screen/", {"text": text}).content.decode()
    assert "Clause 6.4(a)" in body and "Insults a colleague." in body
    assert '<mark class="app-mark" title="Finding 1">useless idiot' in body


def test_empty_text_is_refused_with_a_message(personas, login):
    body = login(personas.report).post("/screen/", {"text": "   "}).content.decode()
    assert "There is a problem" in body
