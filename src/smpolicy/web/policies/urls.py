from __future__ import annotations

from django.urls import path

from smpolicy.web.policies import views

app_name = "policies"
urlpatterns = [
    path("", views.clauses, name="clauses"),
    path("versions/", views.versions, name="versions"),
    path("versions/<int:pk>/", views.clauses, name="version"),
    path("versions/<int:pk>/publish/", views.publish, name="publish"),
    path("upload/", views.upload, name="upload"),
]
