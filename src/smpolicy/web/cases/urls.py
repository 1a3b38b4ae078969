from __future__ import annotations

from django.urls import path

from smpolicy.web.cases import dashboard, views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("new/", views.case_new, name="new"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("reidentify/", views.reidentify_view, name="reidentify"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/letters/<int:letter_pk>/", views.letter, name="letter"),
    path("<int:pk>/evidence/<int:evidence_pk>/", views.evidence_file, name="evidence"),
    path("<int:pk>/<slug:step>/", views.case_step, name="step"),
]
