"""Limits on what a visitor who has not signed in can do in a burst.

Two forms take input from anyone: the sign-in form (password guessing) and the public concern
form (a flood of concerns would bury real ones and fill the screening queue). Both count
POSTs per client address with django-ratelimit, in Django's cache. The default cache is per
process, so a deployment that runs several processes multiplies the limit by their number
until it configures a shared cache (``CACHES``); behind a reverse proxy, set
``RATELIMIT_IP_META_KEY`` so the client's address, not the proxy's, is counted.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited


def over_limit(request: HttpRequest, group: str, rate: str) -> bool:
    """Count this POST against the client's address; True once ``rate`` (e.g. "5/h") is spent."""
    return is_ratelimited(request, group=group, key="ip", rate=rate, method="POST", increment=True)


def too_many(request: HttpRequest, what: str) -> HttpResponse:
    """429 with a page that says what to do instead; nothing the visitor sent is kept."""
    return render(request, "429.html", {"what": what}, status=429)


class ThrottledLoginView(auth_views.LoginView):
    """Django's sign-in, with a limit on attempts per address (``SMPOLICY_LOGIN_RATE``)."""

    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if over_limit(request, "login", settings.LOGIN_RATE):
            return too_many(request, "sign-in attempts")
        return super().post(request, *args, **kwargs)
