"""Factories of the matching room (fixed seed, see tests/factories.py)."""

import factory
from factory.django import DjangoModelFactory

from matching import geo
from matching.models import (
    GeocodingStatus,
    Need,
    NeedStatus,
    Place,
    PlaceKind,
    PublicPrecision,
    VolunteerProfile,
)
from tests.factories import UserFactory


class PlaceFactory(DjangoModelFactory):
    kind = PlaceKind.HOSPITAL
    name = factory.Sequence(lambda n: f"Lieu d'essai {n}")
    address = "1 place de la Mairie"
    postcode = "75011"
    town = "Paris 11e Arrondissement"
    latitude = 48.8574
    longitude = 2.3795
    public_precision = PublicPrecision.EXACT
    geocoding_status = GeocodingStatus.OK

    class Meta:
        model = Place


class NeedFactory(DjangoModelFactory):
    place = factory.SubFactory(PlaceFactory)
    title = factory.Sequence(lambda n: f"Besoin d'essai {n}")
    quantity_wanted = 10
    unit = "kits"
    status = NeedStatus.OPEN

    class Meta:
        model = Need


class VolunteerProfileFactory(DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    postcode = ""

    class Meta:
        model = VolunteerProfile


def bulk_needs(points, *, place_kind=PlaceKind.OTHER, vary=None, **need_fields) -> list[Need]:
    """One place and one open need per (latitude, longitude), inserted in bulk (exact points);
    ``vary(index)`` may return fields that differ from need to need."""
    places = Place.objects.bulk_create(
        [
            Place(
                kind=place_kind,
                name=f"Lieu {i}",
                postcode="00000",
                town="Essai",
                latitude=lat,
                longitude=lon,
                public_precision=PublicPrecision.EXACT,
                geocoding_status=GeocodingStatus.MANUAL,
            )
            for i, (lat, lon) in enumerate(points)
        ]
    )
    fields = {"quantity_wanted": 10, "unit": "kits", "status": NeedStatus.OPEN, **need_fields}
    return Need.objects.bulk_create(
        [
            Need(
                place=place,
                title=f"Besoin {place.name}",
                latitude=place.latitude,
                longitude=place.longitude,
                grid_band=geo.latitude_band(place.latitude),
                place_kind=place.kind,
                **{**fields, **(vary(index) if vary else {})},
            )
            for index, place in enumerate(places)
        ]
    )
