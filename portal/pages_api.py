"""Wagtail's page API (read-only content: pages, images, documents) under /api/v1/cms/."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

pages_router = WagtailAPIRouter("wagtailapi")
pages_router.register_endpoint("pages", PagesAPIViewSet)
pages_router.register_endpoint("images", ImagesAPIViewSet)
pages_router.register_endpoint("documents", DocumentsAPIViewSet)
