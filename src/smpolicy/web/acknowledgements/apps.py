from __future__ import annotations

from django.apps import AppConfig


class AcknowledgementsConfig(AppConfig):
    name = "smpolicy.web.acknowledgements"
    label = "acknowledgements"
