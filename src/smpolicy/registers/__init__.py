"""Registers of service users and staff, kept and compared only as keyed hashes of names.

Pure library: no click, no Django. ``load_register(path_or_bytes, resolve_key())`` gives a
``HashedRegister``; ``TextMatcher(register).find(text)`` finds its people in a post;
``register.match_name("Bill O'Brien")`` checks one name (a friend in a data export).
"""

from __future__ import annotations

from smpolicy.registers.csvimport import CsvImport, RowError, import_csv, read_names
from smpolicy.registers.hashing import SCHEME_VERSION, MatchKind
from smpolicy.registers.keys import ENV_VAR, RegisterKey, resolve_key
from smpolicy.registers.matching import NameMatch, TextMatcher
from smpolicy.registers.names import NameParts, fold, name_tokens, split_name
from smpolicy.registers.register import (
    HashedRegister,
    load_register,
    person_hashes,
    register_from_json,
)

__all__ = [
    "ENV_VAR",
    "SCHEME_VERSION",
    "CsvImport",
    "HashedRegister",
    "MatchKind",
    "NameMatch",
    "NameParts",
    "RegisterKey",
    "RowError",
    "TextMatcher",
    "fold",
    "import_csv",
    "load_register",
    "name_tokens",
    "person_hashes",
    "read_names",
    "register_from_json",
    "resolve_key",
    "split_name",
]
