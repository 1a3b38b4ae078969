"""A screener for the self-audit tests: the real register detector plus a stand-in for 6.4(a)."""

from __future__ import annotations

from smpolicy.registers import HashedRegister, TextMatcher
from smpolicy.screening import BaseDetector, Category, DetectorRegistry, Finding, Screener
from smpolicy.screening.detectors.register_match import RegisterMatchDetector


class InsultDetector(BaseDetector):
    """Flags "idiot" as disrepute, so post screening can be tested before the real detectors."""

    name = "insult_stand_in"
    categories = frozenset({Category.DISREPUTE})

    def detect(self, post):
        start = post.text.find("idiot")
        if start < 0:
            return []
        return [
            Finding(
                self.name,
                Category.DISREPUTE,
                "6.4(a)",
                0.9,
                start,
                start + 5,
                post.original[start : start + 5],
                "Insults a manager (6.4(a)).",
            )
        ]


def screener_for(service_users: HashedRegister) -> Screener:
    registry = DetectorRegistry()
    registry.add(RegisterMatchDetector(TextMatcher(service_users), None))
    registry.add(InsultDetector())
    return Screener(registry=registry)
