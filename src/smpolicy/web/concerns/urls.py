from __future__ import annotations

from django.urls import path

from smpolicy.web.concerns import views

app_name = "concerns"
urlpatterns = [
    path("", views.concern_list, name="list"),
    path("new/", views.concern_new, name="new"),
    path("public/", views.concern_public, name="public"),
    path("<int:pk>/", views.concern_detail, name="detail"),
    path("<int:pk>/<slug:action>/", views.concern_action, name="action"),
]
