"""A test-only route: a view that writes, then meets a database error."""

from django.db import DatabaseError
from django.urls import path

from matching.models import Place, PlaceKind

FAILING_PLACE_NAME = "Écrit puis perdu"


def write_then_fail(request):
    Place.objects.create(
        kind=PlaceKind.OTHER, name=FAILING_PLACE_NAME, postcode="75011", town="Paris"
    )
    raise DatabaseError("disk full")


urlpatterns = [path("write-then-fail/", write_then_fail)]
