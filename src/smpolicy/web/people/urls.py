from __future__ import annotations

from django.urls import path

from smpolicy.web.people import views

app_name = "people"
urlpatterns = [
    path("", views.people_list, name="list"),
    path("<int:pk>/", views.person_detail, name="detail"),
    path("import/", views.import_view, name="import"),
    path("service-users/", views.service_users, name="service_users"),
    path("token/", views.api_token, name="token"),
    path("token/new/", views.issue_token, name="issue_token"),
]
