"""Demo data: realistic places and needs all over France, overseas included; bulk needs on
request, clustered like the population; idempotent."""

from django.core.management import call_command

import pytest

from matching import demo
from matching.models import Need, NeedStatus, Place
from matching.population import population_points

pytestmark = pytest.mark.django_db


def test_demo_places_cover_metropolitan_and_overseas_france():
    postcodes = set(Place.objects.values_list("postcode", flat=True))
    for prefix in ("75", "69", "13", "20", "971", "972", "973", "974", "975", "976", "988", "987"):
        assert any(code.startswith(prefix) for code in postcodes), prefix


def test_demo_needs_come_from_the_seed_and_are_searchable():
    titles = set(Need.objects.values_list("title", flat=True))
    for title in (
        "Kits d'hygiène pour les personnes sans abri",
        "Visières de protection pour les soignants",
        "Repas pour les soignants de nuit",
        "Appels à des résidents isolés",
        "Aide à la récolte",
    ):
        assert title in titles
    assert not Need.objects.filter(status=NeedStatus.OPEN, grid_band__isnull=True).exists()
    assert Need.objects.filter(challenge__isnull=True).count() == 0


def test_load_demo_is_idempotent_for_matching():
    places, needs = Place.objects.count(), Need.objects.count()
    call_command("load_demo", "--skip-index", verbosity=0)
    assert (Place.objects.count(), Need.objects.count()) == (places, needs)


def test_bulk_needs_are_added_up_to_the_requested_total_once():
    target = Need.objects.count() + 500
    call_command("load_demo", "--skip-index", "--needs", str(target), verbosity=0)
    assert Need.objects.count() == target
    call_command("load_demo", "--skip-index", "--needs", str(target), verbosity=0)
    assert Need.objects.count() == target
    bulk = Need.objects.order_by("-id")[:500]
    assert all(n.grid_band is not None and n.place_kind for n in bulk)


def test_population_points_cluster_in_cities():
    points = population_points(3000, seed="test")
    in_paris = sum(1 for lat, lon, _ in points if abs(lat - 48.86) < 0.3 and abs(lon - 2.35) < 0.45)
    assert 0.1 < in_paris / len(points) < 0.35
    assert demo.NEEDS_PER_PLACE >= 1
