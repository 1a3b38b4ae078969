"""Screening results a person chose to keep; an unsaved self-check leaves no trace."""

from __future__ import annotations

from django.db import models

from smpolicy.web.people.models import Person


class SavedCheck(models.Model):
    """A self-check the author saved; private to them."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="saved_checks")
    text = models.TextField()
    link = models.URLField(blank=True, max_length=2000)
    verdict = models.CharField(max_length=10)
    result = models.JSONField()
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-saved_at"]
