"""The JSON API under /api/v1/: each room contributes its routes; one OpenAPI schema."""

from django.urls import include, path

from drf_spectacular.views import SpectacularAPIView

from portal.pages_api import pages_router

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("", include("actions.api_urls")),
    path("", include("matching.api_urls")),
    path("partner/", include("partners.api_urls")),
    path("cms/", pages_router.urls),
]
