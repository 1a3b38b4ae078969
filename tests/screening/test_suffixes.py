"""The public-suffix lookup finds exactly what tldextract finds, without importing it at run time."""

from __future__ import annotations

import contextlib
from importlib.resources import files

import pytest
import tldextract

from smpolicy.screening.links import SHIPPED_CATEGORIES
from smpolicy.screening.suffixes import public_suffixes, split_host

ODD = ["", ".", "com", ".com", "a..com", "localhost", "intranet", "1.2.3.4", "999.1.1.1", "[::1]",
       "[not-ip]", "user@shop.example.co.uk:8080", "http://x.co.uk/path?q=1#f", "//cdn.bbc.co.uk",
       "A.CO.UK", "WWW.Example.COM", "xn--bcher-kva.example", "shop.xn--p1ai", "xn--p1ai",
       "xn--invalid-.com", "a.b.c.kawasaki.jp", "city.kawasaki.jp", "www.ck", "a.www.ck", "x.ck",
       "foo.bar.blogspot.com", "gov.uk", "council.gov.uk", "a。b．co．uk", " spaced.co.uk ",
       "ftp://files.example.org", "mailto:someone@example.com"]


@pytest.fixture(scope="module")
def reference():
    extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    return lambda host: (extract(host).domain, extract(host).suffix)


def _listed_domains() -> list[str]:
    folder = files("smpolicy").joinpath("data", "ut1")
    return [line.strip() for category in SHIPPED_CATEGORIES
            for line in folder.joinpath(f"{category}_domains.txt").read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _around_every_rule() -> list[str]:
    hosts = []
    for rule in public_suffixes():
        bare = rule.lstrip("*.!")
        for name in (bare, f"shop.{bare}", f"www.shop.{bare}"):
            hosts.append(name)
            with contextlib.suppress(UnicodeError):
                hosts.append(name.encode("idna").decode("ascii"))
    return hosts


def test_every_shipped_category_domain_splits_as_tldextract_splits_it(reference):
    domains = _listed_domains()
    assert len(domains) > 30_000
    assert [split_host(f"www.{d}") for d in domains] == [reference(f"www.{d}") for d in domains]


def test_hosts_around_every_public_suffix_rule_split_as_tldextract_splits_them(reference):
    hosts = _around_every_rule()
    assert len(hosts) > 20_000
    assert [split_host(host) for host in hosts] == [reference(host) for host in hosts]


@pytest.mark.parametrize("host", ODD)
def test_odd_hosts_split_as_tldextract_splits_them(reference, host):
    assert split_host(host) == reference(host)


def test_wildcard_rules_and_their_exceptions_are_applied():
    assert split_host("a.b.c.kawasaki.jp") == ("b", "c.kawasaki.jp")
    assert split_host("city.kawasaki.jp") == ("city", "kawasaki.jp")
    assert split_host("m.bet365.co.uk") == ("bet365", "co.uk")
