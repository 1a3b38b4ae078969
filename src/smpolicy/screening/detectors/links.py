"""Links to inappropriate content: 6.4(a) and 6.4(c), Appendix 1 copyright.

The policy names links twice: "posting images that are inappropriate or links to inappropriate
content" (6.4(a)) and "posting images that are discriminatory or offensive or links to such
content" (6.4(c)); Appendix 1.7 adds copyright. A link's registered domain is looked up in the
UT1 category lists (no network), then the council's own allow and deny lists decide on top:
an allowed domain is never reported, a denied one always is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from smpolicy.screening.findings import Category, Finding
from smpolicy.screening.links import DomainCategories, DomainList, Link, find_links
from smpolicy.screening.normalise import NormalisedText
from smpolicy.screening.registry import DetectorContext

from .base import BaseDetector


@dataclass(frozen=True, slots=True)
class LinkRule:
    """What a link in one UT1 category means under the policy."""

    category: Category
    clause: str
    score: float
    label: str  # how a manager would name the kind of site
    reason: str  # why it matters under the policy, one clause of a sentence


_DISREPUTE = "posting links to inappropriate content can bring the council into disrepute (6.4(a))"

# Scores sit on the default thresholds (review 0.4, breach 0.75 for disrepute and
# discrimination; breach 0.8 for other policies): hate, pornography, drugs and weapons are clear
# breaches; gambling, lingerie and adult-mixed sites and copyright-infringing downloads are worth a
# human look, since context (a news story, a complaint) can make them acceptable.
_C, _A = Category, "6.4(a)"
RULES: dict[str, LinkRule] = {
    "agressif": LinkRule(_C.DISCRIMINATION, "6.4(c)", 0.85, "an aggressive or hate site",
                         "6.4(c) forbids links to discriminatory or offensive content"),
    "adult": LinkRule(_C.DISREPUTE, _A, 0.9, "a pornographic site", _DISREPUTE),
    "mixed_adult": LinkRule(_C.DISREPUTE, _A, 0.65, "a site with adult content", _DISREPUTE),
    "lingerie": LinkRule(_C.DISREPUTE, _A, 0.5, "a lingerie or erotic site", _DISREPUTE),
    "drogue": LinkRule(_C.DISREPUTE, _A, 0.8, "a site about illegal drugs", _DISREPUTE),
    "gambling": LinkRule(_C.DISREPUTE, _A, 0.6, "a gambling site", _DISREPUTE),
    "dangerous_material": LinkRule(_C.DISREPUTE, _A, 0.8, "a site about weapons or explosives",
                                   _DISREPUTE),
    "warez": LinkRule(_C.OTHER_POLICIES, "App1.7", 0.7, "a site sharing pirated software or media",
                      "sharing it may breach copyright, which Appendix 1.7 warns against"),
    "shortener": LinkRule(_C.DISREPUTE, _A, 0.5, "a link shortener, so the real target is hidden",
                          "someone should check where it leads (6.4(a) covers the target too)"),
}
# The UT1 "adult" list is too large to ship; a domain whose name says what it is still counts.
ADULT_BY_NAME = LinkRule(_C.DISREPUTE, _A, 0.7, "a site whose name suggests pornography", _DISREPUTE)
_ADULT_NAME = re.compile(r"porn|xxx|xvideo|xhamster|redtube|hentai|escort|camgirl|sexcam|nude|milf|onlyfans")
DENIED = LinkRule(_C.DISREPUTE, _A, 0.8, "on the council's list of blocked sites",
                  _DISREPUTE)


class LinksDetector(BaseDetector):
    """Reports links whose domain is in an inappropriate UT1 category or on the deny list."""

    name = "links"
    categories = frozenset({Category.DISREPUTE, Category.DISCRIMINATION, Category.OTHER_POLICIES})

    def __init__(
        self,
        lists: DomainCategories | None = None,
        allow: Iterable[str] = (),
        deny: Iterable[str] = (),
    ) -> None:
        self.lists = lists or DomainCategories(categories=tuple(RULES))
        self.allow = DomainList(allow)
        self.deny = DomainList(deny)

    def detect(self, post: NormalisedText) -> list[Finding]:
        # URLs are read from the original text: normalisation would turn "b3t365" into "betes".
        findings: list[Finding] = []
        for link in find_links(post.original):
            findings.extend(self.judge(link))
        return findings

    def judge(self, link: Link) -> list[Finding]:
        """Findings for one link, spans as given by the link (callers without text use 0, 0)."""
        if self.allow.match(link.host):
            return []
        denied = self.deny.match(link.host)
        if denied:
            return [_finding(link, DENIED, f"{link.domain}, {DENIED.label} ('{denied}')")]
        findings: dict[tuple[Category, str], Finding] = {}
        for ut1 in self.lists.categories_of(link.host):
            rule = RULES.get(ut1)
            if rule is None:
                continue
            finding = _finding(link, rule, f"{link.domain}, {rule.label} (UT1 list '{ut1}')")
            key = (rule.category, rule.clause)
            if key not in findings or findings[key].score < finding.score:
                findings[key] = finding
        if not findings and _ADULT_NAME.search(link.domain.lower()):
            return [_finding(link, ADULT_BY_NAME, f"{link.domain}, {ADULT_BY_NAME.label}")]
        return list(findings.values())


def _finding(link: Link, rule: LinkRule, what: str) -> Finding:
    return Finding(
        detector=LinksDetector.name,
        category=rule.category,
        clause=rule.clause,
        score=rule.score,
        start=link.start,
        end=link.end,
        evidence=link.url,
        explanation=f"This link goes to {what}: {rule.reason}.",
    )


def build(context: DetectorContext) -> LinksDetector:
    return LinksDetector(allow=context.config.link_allow, deny=context.config.link_deny)
