"""Django settings. Everything a deployment changes comes from the environment (README lists it).

SQLite is the embedded default; ``DATABASE_URL`` (e.g. ``postgres://user:pw@host/db``) selects
PostgreSQL, as production and CI use.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from smpolicy.web.secrets import key_from_env_or_file, register_salt

WEB_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("SMPOLICY_DATA_DIR", Path.cwd() / "var"))

SECRET_KEY = key_from_env_or_file("SMPOLICY_SECRET_KEY", "secret_key")
# Key of the service-user register's name hashes (smpolicy.registers): SMPOLICY_REGISTER_SALT,
# as for the CLI, unless the engine's configuration sets register_salt (that one then wins).
REGISTER_SALT = register_salt()
# Key of the audit log's HMAC chain and of case pseudonyms: keep it outside the database, or
# whoever can edit the database can also rewrite a consistent chain.
AUDIT_KEY = key_from_env_or_file("SMPOLICY_AUDIT_KEY", "audit_key")
DEBUG = os.environ.get("SMPOLICY_DEBUG", "") == "1"
ALLOWED_HOSTS = os.environ.get(
    "SMPOLICY_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver"
).split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("SMPOLICY_CSRF_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "smpolicy.web.people",
    "smpolicy.web.policies",
    "smpolicy.web.acknowledgements",
    "smpolicy.web.screening",
    "smpolicy.web.audit",
    "smpolicy.web.reports",
    "smpolicy.web.concerns",
    "smpolicy.web.cases",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before CSRF, which reads the body: image uploads for screening stay in memory.
    "smpolicy.web.screening.uploads.ImageUploadMiddleware",
    # After the upload handlers are set (it reads form fields), before any view or CSRF check.
    "smpolicy.web.nul.RejectNulCharacters",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "smpolicy.web.urls"
WSGI_APPLICATION = "smpolicy.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "smpolicy.web.context.site",
            ],
            "builtins": ["smpolicy.web.templatetags"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'smpolicy.sqlite3'}", conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = os.environ.get("SMPOLICY_HTTPS", "") == "1"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = None  # files are served from the app folders (WHITENOISE_USE_FINDERS)
STATICFILES_DIRS = [WEB_DIR / "static"]
WHITENOISE_USE_FINDERS = True  # serve straight from the app folders: no collectstatic step

# Posts up to the engine's own limit, with room for JSON quoting.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Images with a post on the screening page and POST /api/check/upload: how many, and bytes
# each (never above the engine's screening.max_image_bytes). Held in memory, never stored.
SCREEN_MAX_IMAGES = int(os.environ.get("SMPOLICY_MAX_IMAGES", "4"))
# The largest data export the self-audit page accepts (held in memory, never written to disk).
SELFAUDIT_MAX_BYTES = int(os.environ.get("SMPOLICY_SELFAUDIT_MAX_BYTES", str(200 * 1024 * 1024)))
SCREEN_MAX_IMAGE_BYTES = int(os.environ.get("SMPOLICY_MAX_IMAGE_BYTES", str(10_000_000)))

# Days after publication before a missing acknowledgement is shown as a reminder due (8.2).
ACK_REMINDER_DAYS = int(os.environ.get("SMPOLICY_ACK_REMINDER_DAYS", "14"))
# Hours a manager has to acknowledge a concern before it escalates to the Town Clerk (8.2).
# Burst limits per client address on the two forms open to anyone (smpolicy.web.throttle):
# django-ratelimit rates, "count/period" (s, m, h, d; "10/15m" is 10 per 15 minutes).
LOGIN_RATE = os.environ.get("SMPOLICY_LOGIN_RATE", "10/15m")
PUBLIC_CONCERN_RATE = os.environ.get("SMPOLICY_PUBLIC_CONCERN_RATE", "10/h")
# The counters live in the default cache: Django's per-process memory cache unless configured.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CONCERN_ACK_HOURS = int(os.environ.get("SMPOLICY_CONCERN_ACK_HOURS", "48"))
# Days the accused has to appeal a written outcome (ACAS Code: "without unreasonable delay").
APPEAL_DAYS = int(os.environ.get("SMPOLICY_APPEAL_DAYS", "10"))
# Days each kind of closed record is kept before ``purge_records`` removes it (0 = keep forever).
RETENTION_DAYS = {
    "abuse_report": int(os.environ.get("SMPOLICY_RETAIN_ABUSE_REPORT_DAYS", str(2 * 365))),
    "concern": int(os.environ.get("SMPOLICY_RETAIN_CONCERN_DAYS", "365")),
    "case": int(os.environ.get("SMPOLICY_RETAIN_CASE_DAYS", str(6 * 365))),
    "saved_check": int(os.environ.get("SMPOLICY_RETAIN_SAVED_CHECK_DAYS", "365")),
}
SERVICE_NAME = os.environ.get("SMPOLICY_SERVICE_NAME", "Social media policy")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
