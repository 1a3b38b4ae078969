from __future__ import annotations

from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "smpolicy.web.people"
    label = "people"
    verbose_name = "People register"
