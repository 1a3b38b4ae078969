"""Every error smpolicy raises on purpose.

    SmpolicyError
    ├── PolicyError
    │   ├── PolicyNotFound
    │   └── InvalidPolicy
    ├── ConfigError
    ├── InputError            bad text, bad JSONL line, bad file: the caller's data, never a bug
    │   └── ImageError        one image of a post cannot be screened; the rest of the post is
    ├── RegisterError
    ├── ExportError           a social-media data export that cannot be audited
    │   └── UnsafeArchive     refused as hostile: zip bomb, path traversal, too large
    ├── DetectorError
    ├── MonitoringError
    └── WorkflowError
        └── InvalidTransition

They are translated only at the edges: click errors in the CLI, 4xx responses in the API.
"""

from __future__ import annotations


class SmpolicyError(Exception):
    """Base class: catch this to handle anything smpolicy reports on purpose."""


class PolicyError(SmpolicyError):
    """A policy document could not be used."""


class PolicyNotFound(PolicyError):
    """No policy file, or no clause, under the name asked for."""


class InvalidPolicy(PolicyError):
    """A policy document does not follow the schema; the message names the bad field."""


class ConfigError(SmpolicyError):
    """The screening or monitoring configuration is invalid."""


class InputError(SmpolicyError):
    """Input to screen is unusable: empty, too large, undecodable or malformed."""


class ImageError(InputError):
    """One image of a post cannot be screened (corrupt, too large, unsupported)."""


class RegisterError(SmpolicyError):
    """A register of service users or staff could not be read."""


class ExportError(SmpolicyError):
    """A social-media data export could not be read: not a zip, unknown or damaged format."""


class UnsafeArchive(ExportError):
    """An archive was refused as hostile or beyond the configured limits."""


class DetectorError(SmpolicyError):
    """A detector could not be loaded or configured."""


class MonitoringError(SmpolicyError):
    """Proxy-log analysis could not run."""


class WorkflowError(SmpolicyError):
    """A people-side workflow step was refused."""


class InvalidTransition(WorkflowError):
    """A case or report cannot move to the requested state from its current one."""
