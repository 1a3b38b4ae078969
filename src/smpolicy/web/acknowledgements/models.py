"""Acknowledgements (8.1): a person confirms they have read a published policy version."""

from __future__ import annotations

from django.db import models

from smpolicy.web.people.models import Person
from smpolicy.web.policies.models import PolicyVersion


class Acknowledgement(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="acknowledgements")
    version = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT,
                                related_name="acknowledgements")
    acknowledged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-acknowledged_at"]
        constraints = [
            models.UniqueConstraint(fields=["person", "version"], name="one_ack_per_version"),
        ]

    def __str__(self) -> str:
        return f"{self.person} acknowledged {self.version}"
