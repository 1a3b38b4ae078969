from __future__ import annotations

from django.urls import path

from smpolicy.web.screening import views

app_name = "screening"
urlpatterns = [
    path("", views.screen_view, name="screen"),
    path("saved/", views.saved_checks, name="saved"),
    path("selfaudit/", views.selfaudit_view, name="selfaudit"),
]
