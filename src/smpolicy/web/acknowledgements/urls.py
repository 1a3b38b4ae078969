from __future__ import annotations

from django.urls import path

from smpolicy.web.acknowledgements import views

app_name = "acknowledgements"
urlpatterns = [
    path("acknowledge/", views.acknowledge_view, name="acknowledge"),
    path("coverage/", views.coverage_view, name="coverage"),
]
