"""A disk cache of what start-up computes from the detectors' regular expressions.

Every ``smpolicy check`` run compiles a few hundred regular expressions (Python's ``re`` parses
each one and generates its matching code) and reads each one's parse tree again for its
prefilter gate (``prefilter.required_literals``, ``required_conjunctions``): about 0.2 s of
CPU, every run, for the same patterns. Inside ``build_cache()`` both are looked up in a file
under the user's cache folder and computed only when missing:

- a regex is stored as the code ``re`` generated for it, keyed by its pattern and flags, and
  rebuilt with the same ``_sre.compile`` call ``re`` itself ends with. The result is the very
  same ``re.Pattern`` (patterns compare equal only when their code does; the tests check every
  cached one against ``re.compile``);
- a prefilter condition (and the prefilter's other readings of a pattern's text: its
  top-level alternatives, its letter-first form) is stored by its pattern;
- a lexicon's parsed YAML is stored by the file's bytes, a factored word list
  (``lexicon.words_trie``) by its words (``cached``).

Entries are keyed by content (the pattern text), so editing a detector never meets a stale
entry; the file name holds the Python version, PyYAML's files' size and time, and a hash of
``prefilter.py``, ``lexicon.py`` and this module, so a new interpreter, parser or analysis
starts a new file. Anything wrong with the file (absent, unreadable, corrupt, not writable)
means computing as if there were no cache. The file is rewritten, atomically, only when a run
computed something it did not hold, and then holds only what that run used; another version's
file left unwritten for a month is removed then.

``SMPOLICY_CACHE_DIR`` sets the folder (default ``$XDG_CACHE_HOME/smpolicy`` or
``~/.cache/smpolicy``); set it to an empty string to turn the cache off.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import marshal
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from importlib.util import find_spec
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any, TypeVar

from smpolicy.screening import prefilter

try:  # CPython's own SHA-256, built in; hashlib would load OpenSSL for it (~0.002 s a run)
    from _sha256 import sha256  # type: ignore[import-not-found]
except ImportError:  # another build of Python
    from hashlib import sha256

ENV_VAR = "SMPOLICY_CACHE_DIR"
T = TypeVar("T")
# The prefilter's analyses of a pattern's text (pure functions of it), swapped while open.
_PREFILTER_FUNCTIONS = ("required_literals", "required_conjunctions", "bounded_literals", "split_alternatives",
                        "letter_first")
_COMPUTING_SOURCES = ("prefilter.py", "lexicon.py", "buildcache.py")


def cache_dir() -> Path | None:
    """The folder of the cache file; None when ``SMPOLICY_CACHE_DIR`` is set empty (no cache)."""
    configured = os.environ.get(ENV_VAR)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "smpolicy"


def cache_path() -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = sha256()
    digest.update(f"{sys.implementation.cache_tag} {sys.version} {_sre.MAGIC} {_sre.CODESIZE}".encode())
    here = Path(__file__).parent
    for source in _COMPUTING_SOURCES:  # the code that computes the values kept
        digest.update((here / source).read_bytes())
    yaml = find_spec("yaml")  # an upgraded PyYAML: its files change (no import needed to see it)
    if yaml is not None and yaml.origin:
        found = os.stat(yaml.origin)
        digest.update(f"{found.st_size} {found.st_mtime_ns}".encode())
    return folder / f"build-{sys.implementation.cache_tag}-{digest.hexdigest()[:16]}.marshal"


class _Entries:
    """The stored entries (``kind -> key -> value``), and those this run used.

    Only the used ones are written back, so the file holds one configuration's patterns and
    does not grow with every register or configuration a run was given.
    """

    def __init__(self, stored: dict[str, dict[Any, Any]]) -> None:
        self.stored = stored
        self.used: dict[str, dict[Any, Any]] = {}
        self.added = False

    def get(self, kind: str, key: Any, compute: Callable[[], Any]) -> Any:
        table = self.stored.get(kind, {})
        if key in table:
            value = table[key]
        else:
            value = compute()
            try:
                marshal.dumps((key, value))
            except ValueError:  # not plain data (a date read from YAML): computed every time
                return value
            self.added = True
        self.used.setdefault(kind, {})[key] = value
        return value


_OPEN: _Entries | None = None  # the entries of the build cache open now, if any


def cached(kind: str, key: Any, compute: Callable[[], T]) -> T:
    """``compute()``, or the value stored under ``key`` while ``build_cache()`` is open.

    For builders that read data files on the way (a lexicon's YAML, keyed by its bytes): the
    value must be plain data (what ``marshal`` stores), and a fresh copy is returned.
    """
    if _OPEN is None:
        return compute()
    return _OPEN.get(kind, key, compute)  # type: ignore[no-any-return]


@contextmanager
def build_cache() -> Iterator[None]:
    """Compile regexes and prefilter conditions (and answer ``cached``) from the disk cache inside.

    Meant for building and warming a screener up before screening, in the main thread: it
    swaps ``re``'s internal compile function (and the prefilter's analyses) for cached ones
    while it is open, and puts them back on the way out.
    """
    global _OPEN
    try:
        path = cache_path()
    except (OSError, RuntimeError):  # sources not readable as files (a zip), no home folder
        path = None
    if path is None or _OPEN is not None:  # no cache, or one is open already
        yield
        return
    entries = _OPEN = _Entries(_read(path))
    original_compile = _compiler.compile
    originals = {name: getattr(prefilter, name) for name in _PREFILTER_FUNCTIONS
                 if hasattr(prefilter, name)}

    def compile_cached(pattern: Any, flags: int = 0) -> Any:
        if not isinstance(pattern, str) or flags & _compiler.SRE_FLAG_DEBUG:
            return original_compile(pattern, flags)
        try:
            parts = entries.get("regex", (pattern, int(flags)), lambda: _regex_parts(pattern, flags))
            return _sre.compile(pattern, *parts)
        except Exception:  # an invalid pattern, or another re: let re itself compile (or refuse) it
            return original_compile(pattern, flags)

    def analysis_cached(name: str, function: Callable[[str], Any]) -> Callable[[str], Any]:
        return lambda pattern: entries.get(name, pattern, lambda: function(pattern))

    _compiler.compile = compile_cached
    for name, function in originals.items():
        setattr(prefilter, name, analysis_cached(name, function))
    try:
        yield
    finally:
        _OPEN = None
        _compiler.compile = original_compile
        for name, function in originals.items():
            setattr(prefilter, name, function)
    if entries.added:
        _write(path, entries.used)


def _regex_parts(pattern: str, flags: int) -> tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` after the pattern (CPython 3.11+)."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _read(path: Path) -> dict[str, dict[Any, Any]]:
    try:
        stored = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(stored, dict) or not all(isinstance(table, dict) for table in stored.values()):
        return {}
    return stored


def _write(path: Path, stored: dict[str, dict[Any, Any]]) -> None:
    """Replace the file in one step, so a concurrent run reads the old file or the new one."""
    import tempfile  # only when something was missing: most runs never write (~0.002 s)

    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".build-", delete=False) as handle:
            temporary = handle.name
            handle.write(marshal.dumps(stored))
        os.replace(temporary, path)
    except (OSError, ValueError):
        if temporary is not None:
            with suppress(OSError):
                os.unlink(temporary)
        return
    _prune(path)


def _prune(path: Path) -> None:
    """Remove other versions' files left unwritten for a month (an upgrade leaves one behind)."""
    month_ago = time.time() - 30 * 24 * 3600
    for other in path.parent.glob("build-*.marshal"):
        with suppress(OSError):
            if other != path and other.stat().st_mtime < month_ago:
                other.unlink()
