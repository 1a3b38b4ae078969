from __future__ import annotations

from django.urls import path

from smpolicy.web.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("new/", views.report_new, name="new"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/items/<int:item_pk>/takedown/", views.takedown, name="takedown"),
    path("<int:pk>/<slug:action>/", views.report_action, name="action"),
]
