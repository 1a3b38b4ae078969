"""Finding links in post text and naming their registered domain, offline."""

from __future__ import annotations

import re
import socket

import pytest

from smpolicy.screening.links import (
    _HINT,
    DomainCategories,
    DomainList,
    find_links,
    host_and_parents,
    registered_domain,
)


@pytest.mark.parametrize(
    ("text", "urls"),
    [
        ("Great night at https://www.bet365.com/offers, thanks all!", ["https://www.bet365.com/offers"]),
        ("see www.example.org.", ["www.example.org"]),
        ("bare host bit.ly/3xYz works too", ["bit.ly/3xYz"]),
        ("(details at http://example.com/a_(b))", ["http://example.com/a_(b)"]),
        ("two: t.co/x and tinyurl.com", ["t.co/x", "tinyurl.com"]),
        ("https://118.123.4.224/page", ["https://118.123.4.224/page"]),
    ],
)
def test_links_are_found_with_their_exact_words(text: str, urls: list[str]) -> None:
    links = find_links(text)
    assert [link.url for link in links] == urls
    assert [text[link.start : link.end] for link in links] == urls


@pytest.mark.parametrize(
    "text",
    [
        "Bins go out on Tuesday. Recycling on Friday.",
        "e-mail me at bob@bet365.com about the rota",
        "I saved it as minutes.docx and report.v2",
        "Score was 3.5 out of 10, e.g. not great",
    ],
)
def test_words_and_email_addresses_are_not_links(text: str) -> None:
    assert find_links(text) == []


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://m.bet365.co.uk/x?y=1", "bet365.co.uk"),
        ("WWW.Example.COM", "example.com"),
        ("http://user:pw@sub.example.com:8080/", "example.com"),
        ("https://bücher.example/", None),  # not a public suffix
        ("http://[::1", None),
    ],
)
def test_registered_domain_uses_the_public_suffix_list(url: str, domain: str | None) -> None:
    assert registered_domain(url) == domain


def test_domain_lookup_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert registered_domain("https://shop.example.co.uk") == "example.co.uk"


def test_a_subdomain_of_a_listed_domain_is_in_its_category() -> None:
    lists = DomainCategories()
    assert "gambling" in lists.categories_of("www.bet365.com")
    assert "shortener" in lists.categories_of("bit.ly")
    assert lists.categories_of("shaftesbury-tc.gov.uk") == ()


def test_a_council_list_entry_covers_subdomains_and_accepts_urls() -> None:
    council = DomainList(["example.org", "https://news.site.co.uk/path", "*.wild.net"])
    assert council.match("a.b.example.org") == "example.org"
    assert council.match("news.site.co.uk") == "news.site.co.uk"
    assert council.match("x.wild.net") == "wild.net"
    assert council.match("example.com") is None
    assert not DomainList([])


@pytest.mark.parametrize(
    ("text", "hinted"),
    [("a.b", True), ("end. Next", False), ("x://", True), ("é.ü", True), ("3.5", True), (".a", False),
     ("a.", False), ("a..b", False), ("no dots at all", False), ("_._", True)],
)
def test_the_link_hint_is_a_dot_between_word_characters_or_a_scheme(text: str, hinted: bool) -> None:
    assert bool(_HINT.search(text)) is hinted
    assert bool(re.search(r"://|\w\.\w", text)) is hinted  # the form it was rewritten from


@pytest.mark.parametrize(
    ("host", "names"),
    [
        ("192.168.0.1", ["192.168.0.1"]),  # an address has no parent domains
        ("::1", ["::1"]),
        ("fe80::1%eth0", ["fe80::1%eth0"]),
        ("bet365.co.uk", ["bet365.co.uk", "co.uk", "uk"]),
        ("host.example.123", ["host.example.123", "example.123", "123"]),  # ends in a digit, not an address
        ("1.2.3.4.5", ["1.2.3.4.5", "2.3.4.5", "3.4.5", "4.5", "5"]),
    ],
)
def test_an_ip_address_has_no_parent_domains_and_a_host_name_has(host: str, names: list[str]) -> None:
    assert list(host_and_parents(host)) == names
