from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import include, path

from smpolicy.web import views
from smpolicy.web.api import api
from smpolicy.web.throttle import ThrottledLoginView

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", ThrottledLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("people/", include("smpolicy.web.people.urls")),
    path("policy/", include("smpolicy.web.policies.urls")),
    path("", include("smpolicy.web.acknowledgements.urls")),
    path("screen/", include("smpolicy.web.screening.urls")),
    path("reports/", include("smpolicy.web.reports.urls")),
    path("concerns/", include("smpolicy.web.concerns.urls")),
    path("cases/", include("smpolicy.web.cases.urls")),
    path("api/", api.urls),
]

handler403 = views.forbidden
handler404 = views.not_found
handler500 = views.server_error
