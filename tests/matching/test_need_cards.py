"""Need cards of the near-me list served from the cache (matching.cards): each search gets its
own ranks and distances, and a changed need never shows its old card."""

import re

from django.core.cache import cache

import pytest

from matching import services
from matching.cards import DISTANCE, RANK, card_key
from tests.matching.factories import NeedFactory, PlaceFactory, VolunteerProfileFactory
from tests.matching.test_pages import near_me_url

pytestmark = pytest.mark.django_db
# In the Atlantic: no demo need nearby. One degree of latitude is 111.2 km.
LATITUDE, LONGITUDE = 47.0, -5.5


@pytest.fixture
def cards_cached(settings):
    settings.DIRECTORY_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def two_needs():
    near = NeedFactory(
        title="Besoin proche",
        place=PlaceFactory(name="Lieu proche", latitude=LATITUDE + 0.01, longitude=LONGITUDE),
        quantity_wanted=10,
    )
    far = NeedFactory(
        title="Besoin lointain",
        place=PlaceFactory(name="Lieu lointain", latitude=LATITUDE + 0.03, longitude=LONGITUDE),
        quantity_wanted=5,
    )
    return near, far


def cards(client, latitude, language="fr") -> list[dict]:
    search = {"lat": str(latitude), "lon": str(LONGITUDE), "radius_km": 5}
    html = client.get(near_me_url(language), search).content.decode()
    found = re.findall(
        r'need-card__rank" aria-hidden="true">(\d+)</span> <a href="[^"]+">([^<]+)</a>.*?'
        r'need-card__distance">([^<]+)</span>.*?need-card__quantity">\s*([^<]+?)\s*<',
        html,
        re.S,
    )
    return [
        {"rank": rank, "title": title, "distance": distance, "quantity": quantity}
        for rank, title, distance, quantity in found
    ]


def test_cached_cards_carry_each_search_s_ranks_and_distances(client, cards_cached, two_needs):
    first = cards(client, LATITUDE)
    assert [(c["rank"], c["title"], c["distance"]) for c in first] == [
        ("1", "Besoin proche", "à 1,1 km"),
        ("2", "Besoin lointain", "à 3,3 km"),
    ]
    near, _far = two_needs
    near.refresh_from_db()
    _expires, stored = cache.get(card_key(near, "fr"))
    assert "Besoin proche" in stored and RANK in stored and DISTANCE in stored
    # From the other side: the same cards, now in the other order and at other distances.
    second = cards(client, LATITUDE + 0.04)
    assert [(c["rank"], c["title"], c["distance"]) for c in second] == [
        ("1", "Besoin lointain", "à 1,1 km"),
        ("2", "Besoin proche", "à 3,3 km"),
    ]


def test_a_pledge_or_an_edit_shows_at_once_despite_the_cache(client, cards_cached, two_needs):
    near, _far = two_needs
    assert cards(client, LATITUDE)[0]["quantity"] == "Reste 10 kits sur 10"
    services.pledge(volunteer=VolunteerProfileFactory(), need_id=near.pk, quantity=3)
    assert cards(client, LATITUDE)[0]["quantity"] == "Reste 7 kits sur 10"
    near.title = "Besoin proche renommé"
    near.save()
    assert cards(client, LATITUDE)[0]["title"] == "Besoin proche renommé"


def test_each_language_has_its_own_cards(client, cards_cached, two_needs):
    cards(client, LATITUDE)
    english = cards(client, LATITUDE, language="en")
    assert english[0]["distance"] == "1.1 km away"
    assert english[0]["quantity"] == "10 kits left out of 10"
