"""/api/v1/ routes of the actions room."""

from django.urls import path

from actions.api import ActionListView

urlpatterns = [
    path("actions/", ActionListView.as_view(), name="api-actions"),
]
