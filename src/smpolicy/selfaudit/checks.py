"""The checks of section 5 and Appendix 1, run over one export; each returns report points."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

import yaml

from smpolicy.exceptions import InputError
from smpolicy.policy import Policy
from smpolicy.registers import HashedRegister, MatchKind
from smpolicy.screening import Result, Screener, Verdict
from smpolicy.screening.parallel import map_batches
from smpolicy.selfaudit.model import Export, FieldKind, Platform, Post, ProfileField

BATCH = 256
_GENERIC_ORG_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "town",
        "city",
        "parish",
        "district",
        "county",
        "borough",
        "council",
        "councils",
    ]
)


class Severity(StrEnum):
    """``change`` asks for an edit, ``consider`` for a judgement, ``info`` for awareness."""

    CHANGE = "change"
    CONSIDER = "consider"
    INFO = "info"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


@dataclass(frozen=True, slots=True)
class Point:
    """One thing to look at, the clause that asks for it, and how to fix it on this platform."""

    clause: str
    severity: Severity
    title: str
    detail: str
    steps: tuple[str, ...]
    evidence: str | None = None
    when: dt.datetime | None = None
    link: str | None = None


@dataclass(frozen=True, slots=True)
class PostTally:
    posts: int = 0
    screened: int = 0
    flagged: int = 0
    unscreened: int = 0


def profile_points(export: Export, policy: Policy) -> list[Point]:
    """5.2 and App1.8: employer, occupation and work location on the profile; the photo."""
    steps = platform_steps("profile_detail", export.platform)
    mentions_work = _organisation_pattern(policy)
    on_linkedin = export.platform is Platform.LINKEDIN
    points = []
    for item in export.fields:
        reason = _why_revealing(item, mentions_work)
        if reason is None:
            continue
        severity = (
            Severity.CONSIDER
            if on_linkedin or item.kind is FieldKind.LOCATION or (item.kind is FieldKind.BIO)
            else Severity.CHANGE
        )
        points.append(
            Point(
                "5.2",
                severity,
                f"{item.label} {reason}",
                "Clause 5.2 asks you to think about showing your occupation, employer "
                "and work location: they make you identifiable to service users.",
                steps,
                evidence=item.value,
            )
        )
    if export.has_photo:
        points.append(
            Point(
                "5.2",
                Severity.CONSIDER,
                "Your profile has a photo",
                "Clause 5.2 (and Appendix 1) ask you to consider whether a photograph "
                "is appropriate: it lets service users recognise you.",
                platform_steps("photo", export.platform),
            )
        )
    elif export.has_photo is None:
        points.append(
            Point(
                "5.2",
                Severity.INFO,
                "Check your profile photo yourself",
                "This export does not include the profile photo.",
                platform_steps("photo", export.platform),
            )
        )
    return points


def connection_points(export: Export, service_users: HashedRegister | None) -> list[Point]:
    """5.3, 5.4 and App1.5: no service users among friends or connections."""
    if service_users is None or not export.connections_named:
        why = (
            "no service-user register was given"
            if service_users is None
            else f"{export.platform.label} lists followers by account number only"
        )
        return [
            Point(
                "5.3",
                Severity.INFO,
                f"Your {export.connection_count} connections were not checked: {why}",
                "Clause 5.3 asks that service users known to you through work are not "
                "linked to you on social media.",
                platform_steps("register_unchecked", export.platform),
            )
        ]
    points = []
    for name in export.connection_names:
        kind = service_users.match_name(name)
        if kind is None:
            continue
        closeness = "has the name of" if kind is MatchKind.NAME else "has a name close to that of"
        points.append(
            Point(
                "5.3",
                Severity.CHANGE if kind is MatchKind.NAME else Severity.CONSIDER,
                f"A connection {closeness} a service user",
                "Clauses 5.3-5.4 and Appendix 1 say service users (and their families) should not "
                "be your friends or connections; it may be someone else with the same name.",
                platform_steps("service_user_connection", export.platform),
                evidence=name,
            )
        )
    return points


def post_points(export: Export, screener: Screener, workers: int = 1) -> tuple[list[Point], PostTally]:
    """Past posts screened against 6.4 and App1.4, newest first (App1.3: posts are permanent)."""
    posts = sorted(export.posts, key=_newest_first)
    steps = platform_steps("post", export.platform)
    points: list[Point] = []
    screened = unscreened = 0
    batches = [posts[start : start + BATCH] for start in range(0, len(posts), BATCH)]
    workers = workers if len(batches) > 1 else 1
    for batch, results in zip(batches, map_batches(screener, _screen, batches, workers), strict=True):
        for post, result in zip(batch, results, strict=True):
            if result is None:
                unscreened += 1
                continue
            screened += 1
            if result.verdict is Verdict.OK or not result.findings:
                continue
            top = result.findings[0]
            also = sorted({f.clause for f in result.findings} - {top.clause})
            detail = top.explanation + (f" Also: {', '.join(also)}." if also else "")
            date = post.created.date().isoformat() if post.created else "undated"
            points.append(
                Point(
                    top.clause,
                    Severity.CHANGE if result.verdict is Verdict.BREACH else Severity.CONSIDER,
                    f"Your {post.kind} of {date}: {_excerpt(post.text)}",
                    detail,
                    steps,
                    evidence=top.evidence,
                    when=post.created,
                    link=post.link,
                )
            )
    tally = PostTally(len(posts), screened, len(points), unscreened)
    return points, tally


def exposure_point(export: Export) -> Point:
    """5.6 (and 5.5): friends' own settings expose what you share with them."""
    return Point(
        "5.6",
        Severity.INFO,
        f"Your {export.connection_count} connections can pass on what you share",
        "Clause 5.6: even at the strictest settings, friends whose settings are looser "
        "can expose your posts and details to their friends; keep friends lists and "
        "past posts private too.",
        platform_steps("friends_of_friends", export.platform),
    )


@cache
def _steps_table() -> dict[str, dict[str, list[str]]]:
    text = resources.files("smpolicy.selfaudit").joinpath("data/steps.yaml").read_text("utf-8")
    return yaml.safe_load(text)  # type: ignore[no-any-return]


def platform_steps(topic: str, platform: Platform) -> tuple[str, ...]:
    return tuple(_steps_table()[topic][platform.value])


def _organisation_pattern(policy: Policy) -> re.Pattern[str]:
    """The employer's name, its place name ("Shaftesbury") and the word "council"."""
    words = [
        w
        for w in re.findall(r"[\w'-]+", policy.organisation)
        if w.lower() not in _GENERIC_ORG_WORDS
    ]
    terms = [re.escape(policy.organisation), *map(re.escape, words), "council"]
    return re.compile(r"\b(" + "|".join(terms) + r")\b", re.IGNORECASE)


def _why_revealing(item: ProfileField, mentions_work: re.Pattern[str]) -> str | None:
    names_employer = mentions_work.search(item.value) is not None
    if item.kind is FieldKind.EMPLOYER and (item.current or names_employer):
        return "names your employer" if item.current else "names the council as a past employer"
    if item.kind is FieldKind.OCCUPATION and item.current:
        return "shows your occupation"
    if item.kind is FieldKind.WORK_LOCATION and item.current:
        return "shows where you work"
    if item.kind in (FieldKind.LOCATION, FieldKind.BIO) and names_employer:
        return "mentions your employer or where you work"
    return None


def _screen(screener: Screener, batch: Sequence[Post]) -> list[Result | None]:
    """Each post's result, or None for a post the engine cannot screen (empty, too long)."""
    outcomes = screener.check_each([post.text for post in batch])
    return [None if isinstance(outcome, InputError) else outcome for outcome in outcomes]


def _newest_first(post: Post) -> tuple[int, float]:
    return (0, -post.created.timestamp()) if post.created else (1, 0.0)


def _excerpt(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
