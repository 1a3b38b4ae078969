from __future__ import annotations

from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "smpolicy.web.cases"
    label = "cases"
