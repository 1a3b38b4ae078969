"""Working-time social-media monitoring from proxy logs (policy 6.2, 6.3), in Ibis.

No Django, no click: the CLI (``smpolicy monitor``) and the web app call these.
"""

from __future__ import annotations

from smpolicy.monitoring.analysis import Analysis, DayRow, Settings, analyse
from smpolicy.monitoring.catalogue import Catalogue, Entry, load_catalogue, updated_catalogue
from smpolicy.monitoring.engines import Engine, connect
from smpolicy.monitoring.formats import CsvMapping, FileFormat, LogFormat, detect
from smpolicy.monitoring.people import Register, bank_holidays, load_register
from smpolicy.monitoring.pseudonyms import (
    default_reveal_log,
    load_key,
    log_reveal,
    pseudonym,
    verify_reveal_log,
)
from smpolicy.monitoring.report import FORMATS, Header, label_rows
from smpolicy.monitoring.squid import squid_rules, write_rules

__all__ = [
    "FORMATS",
    "Analysis",
    "Catalogue",
    "CsvMapping",
    "DayRow",
    "Engine",
    "Entry",
    "FileFormat",
    "Header",
    "LogFormat",
    "Register",
    "Settings",
    "analyse",
    "bank_holidays",
    "connect",
    "default_reveal_log",
    "detect",
    "label_rows",
    "load_catalogue",
    "load_key",
    "load_register",
    "log_reveal",
    "pseudonym",
    "squid_rules",
    "updated_catalogue",
    "verify_reveal_log",
    "write_rules",
]
