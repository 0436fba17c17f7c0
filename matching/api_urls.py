"""/api/v1/ routes of the matching room."""

from django.urls import path

from matching.api import GeocodeView, NearbyNeedsView

urlpatterns = [
    path("needs/", NearbyNeedsView.as_view(), name="api-needs-nearby"),
    path("geocode/", GeocodeView.as_view(), name="api-geocode"),
]
