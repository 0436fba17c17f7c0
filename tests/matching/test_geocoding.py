"""Geocoding places and profiles: queued on save, run by Celery (eager here), retried when the
service is down, flagged — never lost — when it fails; BAN and Nominatim rate-limited and
cached behind the same interface."""

import pytest
from geopy import exc
from geopy.location import Location

from matching import services
from matching.geocoding import (
    GeocodedPoint,
    GeocoderUnavailable,
    OfflineGeocoder,
    PlaceNotFound,
    geocode_query,
    get_geocoder,
)
from matching.geocoding.online import GeopyGeocoder
from matching.models import GeocodingStatus, Place, PlaceKind, VolunteerProfile
from matching.tasks import GEOCODING_MAX_RETRIES
from matching.tasks import geocode_place as geocode_place_task
from tests.matching.factories import NeedFactory, VolunteerProfileFactory

pytestmark = pytest.mark.django_db


class FakeGeocoder:
    """Stands in for a network geocoder: answers, says not found, or is down."""

    source = "fake"

    def __init__(self, *, answer=None, error=None):
        self.answer, self.error, self.calls = answer, error, []

    def geocode(self, query):
        self.calls.append(query)
        if self.error:
            raise self.error
        return self.answer


def _new_place(**fields) -> Place:
    values = {
        "kind": PlaceKind.CARE_HOME,
        "name": "EHPAD des Lilas",
        "address": "3 rue des Lilas",
        "postcode": "69003",
        "town": "Lyon",
        **fields,
    }
    return Place.objects.create(**values)


def test_a_new_place_is_geocoded_offline_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        place = _new_place()
    place.refresh_from_db()
    assert place.geocoding_status == GeocodingStatus.OK
    assert place.geocoding_source == "gazetteer"
    assert (round(place.latitude, 2), round(place.longitude, 2)) == (45.76, 4.85)


def test_changing_the_address_geocodes_again_and_moves_the_needs(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        place = _new_place()
    need = NeedFactory(place=Place.objects.get(pk=place.pk))
    place = Place.objects.get(pk=place.pk)
    place.postcode, place.town = "13008", "Marseille"
    with django_capture_on_commit_callbacks(execute=True):
        place.save()
    need.refresh_from_db()
    assert round(need.latitude, 1) == 43.3


def test_coordinates_typed_by_an_editor_are_kept(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        place = _new_place(latitude=45.7, longitude=4.8)
    assert callbacks == []
    assert Place.objects.get(pk=place.pk).geocoding_status == GeocodingStatus.MANUAL


def test_an_address_the_service_cannot_find_falls_back_to_the_town_centre(monkeypatch):
    place = _new_place()
    fake = FakeGeocoder(error=PlaceNotFound("introuvable"))
    assert services.geocode_place(place.pk, geocoder=fake) == GeocodingStatus.APPROXIMATE
    place.refresh_from_db()
    assert place.has_point and place.geocoding_source == "gazetteer"


def test_a_place_that_cannot_be_geocoded_is_flagged_and_kept():
    place = _new_place(postcode="99999", town="Nulle-Part")
    fake = FakeGeocoder(error=PlaceNotFound("Adresse introuvable."))
    assert services.geocode_place(place.pk, geocoder=fake) == GeocodingStatus.FAILED
    place.refresh_from_db()
    assert place.name == "EHPAD des Lilas"
    assert place.geocoding_status == GeocodingStatus.FAILED
    assert place.geocoding_message == "Adresse introuvable."


class RetryRequested(Exception):
    pass


@pytest.fixture
def outage(monkeypatch):
    fake = FakeGeocoder(error=GeocoderUnavailable("Le service ne répond pas."))
    monkeypatch.setattr("matching.services.geocoding.get_geocoder", lambda: fake)
    return fake


@pytest.mark.parametrize("retries", [0, 1, 4])
def test_a_service_outage_on_a_worker_is_retried_with_backoff(outage, monkeypatch, retries):
    place = _new_place()
    asked = {}

    def retry(**kwargs):
        asked.update(kwargs)
        return RetryRequested()

    monkeypatch.setattr(geocode_place_task, "retry", retry)
    geocode_place_task.push_request(retries=retries, is_eager=False)
    try:
        with pytest.raises(RetryRequested):
            geocode_place_task.run(place.pk)
    finally:
        geocode_place_task.pop_request()
    assert asked["countdown"] == 30 * 2**retries
    assert Place.objects.get(pk=place.pk).geocoding_status == GeocodingStatus.PENDING


def test_after_the_last_retry_the_place_is_flagged_and_kept(outage):
    place = _new_place()
    geocode_place_task.push_request(retries=GEOCODING_MAX_RETRIES, is_eager=False)
    try:
        geocode_place_task.run(place.pk)
    finally:
        geocode_place_task.pop_request()
    place.refresh_from_db()
    assert place.name == "EHPAD des Lilas"
    assert place.geocoding_status == GeocodingStatus.FAILED
    assert place.geocoding_message == "Le service ne répond pas."


def test_run_eagerly_an_outage_flags_the_place_at_once(outage):
    place = _new_place()
    geocode_place_task.apply(args=[place.pk])
    assert len(outage.calls) == 1
    assert Place.objects.get(pk=place.pk).geocoding_status == GeocodingStatus.FAILED


def test_a_late_answer_does_not_overwrite_a_newer_address():
    place = _new_place()

    class EditedMeanwhile(FakeGeocoder):
        def geocode(self, query):
            Place.objects.filter(pk=place.pk).update(postcode="13008", town="Marseille")
            return GeocodedPoint(45.76, 4.85, "69003 Lyon", "fake")

    services.geocode_place(place.pk, geocoder=EditedMeanwhile())
    assert not Place.objects.get(pk=place.pk).has_point


def test_a_volunteer_postcode_becomes_a_private_point(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        profile = VolunteerProfileFactory(postcode="97400")
    profile.refresh_from_db()
    assert profile.geocoding_status == GeocodingStatus.OK
    assert round(profile.latitude, 1) == -20.9


def test_an_unknown_volunteer_postcode_is_flagged(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        profile = VolunteerProfileFactory(postcode="75999")
    assert VolunteerProfile.objects.get(pk=profile.pk).geocoding_status == GeocodingStatus.FAILED


def _location(lat, lon, address):
    return Location(address, (lat, lon), {"properties": {"postcode": "69003"}})


def test_ban_geocoder_uses_the_configured_domain(settings):
    settings.GEOCODER = "ban"
    settings.GEOCODER_BAN_DOMAIN = "data.geopf.fr/geocodage"
    geocoder = get_geocoder()
    assert geocoder.source == "ban"
    assert geocoder._geocode.func.__self__.geocode_api == "https://data.geopf.fr/geocodage/search"


def test_online_answers_are_cached_and_mapped(settings, monkeypatch):
    settings.GEOCODER = "nominatim"
    calls = []

    def fake(query):
        calls.append(query)
        return _location(45.76, 4.85, "3 Rue des Lilas, Lyon")

    geocoder = GeopyGeocoder(fake, source="nominatim", min_delay_seconds=0, cache_seconds=60)
    first = geocoder.geocode("3 rue des Lilas, 69003 Lyon")
    second = geocoder.geocode("3 RUE DES LILAS, 69003 LYON")
    assert (
        first == second == GeocodedPoint(45.76, 4.85, "3 Rue des Lilas, Lyon", "nominatim", "69003")
    )
    assert len(calls) == 1


def test_online_errors_become_retryable_or_not_found():
    down = GeopyGeocoder(
        lambda q: (_ for _ in ()).throw(exc.GeocoderTimedOut("slow")),
        source="ban",
        min_delay_seconds=0,
        cache_seconds=60,
    )
    with pytest.raises(GeocoderUnavailable):
        down.geocode("1 rue X, Lyon")
    nothing = GeopyGeocoder(lambda q: None, source="ban", min_delay_seconds=0, cache_seconds=60)
    with pytest.raises(PlaceNotFound):
        nothing.geocode("nowhere at all")


def test_typed_queries_use_the_gazetteer_before_any_network_service(settings, monkeypatch):
    settings.GEOCODER = "ban"
    fake = FakeGeocoder(answer=GeocodedPoint(48.0, 2.0, "1 rue X", "ban"))
    monkeypatch.setattr("matching.geocoding.online.get_geocoder", lambda: fake)
    assert geocode_query("75011").source == "gazetteer"
    assert geocode_query("1 rue X, quelque part").source == "ban"
    assert fake.calls == ["1 rue X, quelque part"]


def test_the_public_cannot_drain_the_online_service(settings, monkeypatch):
    settings.GEOCODER = "ban"
    settings.GEOCODER_QUERIES_PER_HOUR = 2
    fake = FakeGeocoder(answer=GeocodedPoint(48.0, 2.0, "1 rue X", "ban"))
    monkeypatch.setattr("matching.geocoding.online.get_geocoder", lambda: fake)
    for _ in range(2):
        geocode_query("1 rue X", client="203.0.113.9")
    with pytest.raises(GeocoderUnavailable, match="Trop de recherches"):
        geocode_query("1 rue X", client="203.0.113.9")


def test_offline_is_the_embedded_default():
    assert isinstance(get_geocoder(), OfflineGeocoder)
