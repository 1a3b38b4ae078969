"""The social-media catalogue: UT1 seed, project additions, subdomains, offline suffixes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smpolicy.exceptions import ConfigError
from smpolicy.monitoring import load_catalogue, updated_catalogue
from smpolicy.monitoring.catalogue import registered_domain


@pytest.mark.parametrize(("host", "service"), [
    ("www.facebook.com", "Facebook"),
    ("static.xx.fbcdn.net", "Facebook"),       # CDN of the same service (addition)
    ("pbs.twimg.com", "X (Twitter)"),
    ("www.youtube.com", "YouTube"),            # named in policy 4.1, not in UT1 social_networks
    ("bsky.app", "Bluesky"),                   # missing from UT1
    ("academia.edu", "academia.edu"),          # plain UT1 entry: named by its domain
    ("FACEBOOK.COM.", "Facebook"),
])
def test_social_media_hosts_are_matched_with_their_service(host: str, service: str) -> None:
    entry = load_catalogue().match(host)
    assert entry is not None and entry.service == service


@pytest.mark.parametrize("host", ["www.gov.uk", "notfacebook.com", "facebook.com.evil.example"])
def test_other_hosts_are_not_social_media(host: str) -> None:
    assert load_catalogue().match(host) is None


@pytest.mark.parametrize("host", [
    "www.facebook.com", "static.xx.fbcdn.net", "friendsreunited.co.uk", "plus.google.com",
    "www.bbc.co.uk", "www.google.com", "notfacebook.com", "facebook.com.evil.example",
    "home.services.spaces.live.com", "outlook.live.com",
])
def test_the_log_scan_pattern_keeps_exactly_the_hosts_the_catalogue_matches(host: str) -> None:
    # Stage 1 of the analysis filters with this pattern: a looser one (www.bbc.co.uk kept
    # because friendsreunited.co.uk is listed) made memory grow with the log.
    catalogue = load_catalogue()
    assert bool(re.search(catalogue.pattern(), host)) == (catalogue.match(host) is not None)


def test_registered_domain_uses_the_bundled_suffix_list() -> None:
    assert registered_domain("a.b.bbc.co.uk") == "bbc.co.uk"


def test_a_public_suffix_entry_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "domains"
    bad.write_text("facebook.com\nco.uk\n")
    with pytest.raises(ConfigError, match="public suffix"):
        updated_catalogue(bad)


def test_update_from_a_newer_list_keeps_the_additions(tmp_path: Path) -> None:
    newer = tmp_path / "domains"
    newer.write_text("# newer UT1\nfacebook.com\nnewsocial.example.org\n")
    catalogue = updated_catalogue(newer)
    assert catalogue.match("www.newsocial.example.org") is not None
    assert catalogue.match("fbcdn.net").service == "Facebook"
    out = tmp_path / "catalogue.csv"
    catalogue.write_csv(out)
    assert load_catalogue(out).match("newsocial.example.org").source == "ut1"


def test_shipped_lists_carry_their_licence() -> None:
    data = Path(__file__).parents[2] / "src" / "smpolicy" / "data"
    assert "CC BY-SA 4.0" in (data / "ut1" / "LICENSE.txt").read_text()
    assert "CC BY-SA 4.0" in (data / "social_media" / "LICENSE.txt").read_text()
