"""The screening pipeline: text -> normalise, repair spelling -> detectors -> findings -> verdict."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING

from smpolicy.exceptions import InputError
from smpolicy.screening.config import ScreeningConfig
from smpolicy.screening.findings import Finding, Result, Verdict
from smpolicy.screening.normalise import NormalisedText
from smpolicy.screening.registry import DetectorContext, DetectorRegistry, default_registry
from smpolicy.screening.spelling import prepared

if TYPE_CHECKING:
    from smpolicy.policy import Policy
    from smpolicy.screening.posts import Post, PostResult


BATCH_SIZE = 256  # posts screened together when no detector asks for more
_NOTHING_FOUND = Result(verdict=Verdict.OK)  # immutable: one for every post with no finding kept


class Screener:
    """Screens posts against a policy. Build one per process: detectors load once."""

    def __init__(
        self,
        policy: Policy | None = None,
        config: ScreeningConfig | None = None,
        registry: DetectorRegistry | None = None,
    ) -> None:
        self._policy = policy
        self.config = config or ScreeningConfig()
        self.registry = registry or default_registry(DetectorContext(lambda: self.policy, self.config))

    @property
    def policy(self) -> Policy:
        """The policy screened against; the shipped one is loaded on first use (pydantic is slow to import)."""
        if self._policy is None:
            from smpolicy.policy import load_policy

            self._policy = load_policy()
        return self._policy

    @property
    def parallel_safe(self) -> bool:
        """Whether forked worker processes may share this screener (no detector holds threads)."""
        return all(getattr(detector, "parallel_safe", True) for detector in self.registry)

    @property
    def batch_size(self) -> int:
        """Posts per ``check_batch`` in a stream: the largest any detector asks for.

        The classifier asks for more, because the encoder groups a batch by length before it
        pads: the larger the batch, the less padding.
        """
        return max((getattr(d, "batch_size", BATCH_SIZE) for d in self.registry),
                   default=BATCH_SIZE)

    def warm_up(self) -> None:
        """Build what detectors build on first use (lexicons, regexes, automata), e.g. before forking."""
        # Words that reach every lazily built part: threats, personal data, links, lexicons.
        self.check_batch(["Warm-up: the council's manager is useless, he would kill time; call 01234 "
                          "567890, see www.example.com, Mr Smith at 4 Bell Street SP7 8AA."])

    def check(self, text: str) -> Result:
        """Screen one post; raises InputError for text that cannot be screened."""
        return self.check_batch([text])[0]

    def check_batch(self, texts: Sequence[str]) -> list[Result]:
        """Screen posts together, so a learned detector can score them in one pass."""
        posts = [self._prepare(text) for text in texts]
        per_post: list[list[Finding]] = [[] for _ in posts]
        for detector in self.registry:
            for findings, found in zip(per_post, detector.detect_batch(posts), strict=True):
                findings.extend(found)
        return [self.judge(findings) for findings in per_post]

    def check_post(self, post: Post) -> PostResult:
        """Screen a post with images and links (``smpolicy.screening.posts``)."""
        from smpolicy.screening.posts import check_post

        return check_post(self, post)

    def check_each(self, texts: Sequence[str]) -> list[Result | InputError]:
        """Like ``check_batch``, but an unusable text gives its error in its place, not an exception.

        Batch first (one model pass); only when some text is refused, one at a time.
        """
        try:
            return list(self.check_batch(texts))
        except InputError:
            outcomes: list[Result | InputError] = []
            for text in texts:
                try:
                    outcomes.append(self.check(text))
                except InputError as error:
                    outcomes.append(error)
            return outcomes

    def check_many(self, texts: Iterable[str], batch_size: int | None = None) -> Iterator[Result]:
        """Screen a stream of posts lazily, in input order (``batch_size``: ``self.batch_size``)."""
        iterator = iter(texts)
        size = batch_size or self.batch_size
        while batch := list(islice(iterator, size)):
            yield from self.check_batch(batch)

    def _prepare(self, text: str) -> NormalisedText:
        validate_text(text, self.config.max_chars)
        return prepared(text)

    def judge(self, findings: list[Finding]) -> Result:
        """The verdict on a post from all its findings: thresholds per category, most severe first."""
        if not findings:
            return _NOTHING_FOUND
        thresholds_for = self.config.thresholds_for
        # (-rank, -score, start, position): sorted as they are, the order of a stable sort
        # on the first three, as ever; the position settles ties without comparing findings.
        kept: list[tuple[int, float, int, int, Verdict, Finding]] = []
        for position, finding in enumerate(findings):
            verdict = thresholds_for(finding.category).verdict_for(finding.score)
            if verdict is not None:
                kept.append((-verdict.rank, -finding.score, finding.start, position, verdict, finding))
        if not kept:
            return _NOTHING_FOUND
        kept.sort()
        return Result(verdict=kept[0][4], findings=tuple(item[5] for item in kept))


def validate_text(text: object, max_chars: int) -> None:
    """Refuse what cannot be screened, saying why."""
    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {type(text).__name__}")
    if not text or text.isspace():  # ``not text.strip()``, without the copy
        raise InputError("text is empty")
    if len(text) > max_chars:
        raise InputError(
            f"text has {len(text):,} characters; the limit is {max_chars:,} (screening.max_chars)"
        )
    if text.isascii():  # no lone surrogate in it: nothing to encode to find out
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError(
            f"text holds an invalid character at position {error.start} (not valid UTF-8)"
        ) from None
