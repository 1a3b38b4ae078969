"""Policy versions: each upload is kept; publishing one opens an acknowledgement round (8.1)."""

from __future__ import annotations

from functools import lru_cache

import yaml
from django.conf import settings
from django.db import models
from django.utils import timezone

from smpolicy.policy import Policy, parse_policy


class PolicyVersion(models.Model):
    """A policy document as uploaded; the latest published one is the policy in force."""

    policy_id = models.CharField(max_length=200)
    version = models.CharField(max_length=50)
    title = models.CharField(max_length=300)
    document = models.TextField(help_text="The YAML document, exactly as uploaded.")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["policy_id", "version"], name="one_upload_per_version"),
        ]
        indexes = [
            # current(): the latest published version.
            models.Index(fields=["-published_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.version}"

    @property
    def policy(self) -> Policy:
        return _parse(self.document)

    def publish(self) -> None:
        if self.published_at is None:
            self.published_at = timezone.now()
            self.save(update_fields=["published_at"])

    @classmethod
    def current(cls) -> PolicyVersion | None:
        return cls.objects.filter(published_at__isnull=False).order_by("-published_at").first()


@lru_cache(maxsize=16)
def _parse(document: str) -> Policy:
    return parse_policy(yaml.safe_load(document), source="stored policy version")
