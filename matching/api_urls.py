"""/api/v1/ routes of the matching room."""

from django.urls import path

from matching.api import GeocodeView, NearbyNeedsView
from matching.syndication import ActionsFeedView, NeedsFeedView

urlpatterns = [
    path("needs/", NearbyNeedsView.as_view(), name="api-needs-nearby"),
    path("geocode/", GeocodeView.as_view(), name="api-geocode"),
    path("feeds/needs.json", NeedsFeedView.as_view(), name="api-feed-needs"),
    path("feeds/actions.json", ActionsFeedView.as_view(), name="api-feed-actions"),
]
