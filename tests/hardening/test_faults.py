"""Faults, each a test: the geocoding service down, slow, rate-limited or answering garbage;
a database error in the middle of a request or a service; the Celery broker down. The
person's work is saved (or wholly rolled back), flagged, and retried later: nothing lost."""

from django.db import DatabaseError, connection
from rest_framework.test import APIClient

import pytest
from celery.exceptions import Retry
from geopy import exc as geopy_exc
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import BANFrance
from geopy.geocoders.base import DEFAULT_SENTINEL
from kombu.exceptions import OperationalError

from challenges.models import PartnerPage
from matching import services
from matching.geocoding import GeocoderUnavailable, get_geocoder, online
from matching.models import GeocodingStatus, Place, PlaceKind, Pledge
from matching.tasks import GEOCODING_MAX_RETRIES
from matching.tasks import geocode_place as geocode_place_task
from partners.models import PartnerMember, PartnerRole
from portal import outbox
from portal.models import PendingTask
from portal.tasks import flush_outbox
from tests.factories import UserFactory
from tests.hardening.urls_faults import FAILING_PLACE_NAME
from tests.matching.factories import NeedFactory, VolunteerProfileFactory

pytestmark = pytest.mark.django_db

LYON = {"kind": PlaceKind.CARE_HOME, "name": "EHPAD des Lilas", "address": "3 rue des Lilas"}
LYON_POSTCODE = {"postcode": "69003", "town": "Lyon"}


# Geocoding service faults -----------------------------------------------------------------


class FakeBAN:
    """Stands in for the BAN's HTTP answers under geopy's BANFrance (no network)."""

    def __init__(self):
        self.error, self.answer, self.calls, self.timeouts = None, None, 0, []

    def __call__(self, geocoder, url, callback, *, timeout=DEFAULT_SENTINEL):
        self.calls += 1
        # What geopy's HTTP adapter would wait for at most.
        self.timeouts.append(geocoder.timeout if timeout is DEFAULT_SENTINEL else timeout)
        if self.error is not None:
            raise self.error
        return callback(self.answer)


def ban_answer(lon, lat) -> dict:
    properties = {"label": "3 Rue des Lilas 69003 Lyon", "postcode": "69003"}
    return {
        "type": "FeatureCollection",
        "features": [{"geometry": {"coordinates": [lon, lat]}, "properties": properties}],
    }


@pytest.fixture
def ban(settings, monkeypatch):
    """GEOCODER=ban with the BAN's HTTP layer faked, and no waiting in geopy's rate limiter."""
    settings.GEOCODER = "ban"
    settings.GEOCODER_TIMEOUT_S = 3
    fake = FakeBAN()
    monkeypatch.setattr(
        BANFrance,
        "_call_geocoder",
        lambda geocoder, url, callback, **kwargs: fake(geocoder, url, callback, **kwargs),
    )
    monkeypatch.setattr(RateLimiter, "_sleep", lambda self, seconds: None)
    monkeypatch.setattr(online, "_instances", {})
    return fake


def _new_place(django_capture_on_commit_callbacks, **fields) -> Place:
    """Saved like any place (the geocoding task runs eagerly after commit)."""
    with django_capture_on_commit_callbacks(execute=True):
        place = Place.objects.create(**{**LYON, **LYON_POSTCODE, **fields})
    place.refresh_from_db()
    return place


FAULTS = {
    "down": geopy_exc.GeocoderUnavailable("503 Service Unavailable"),
    "slow": geopy_exc.GeocoderTimedOut("read timed out after 3 s"),
    "rate-limited": geopy_exc.GeocoderRateLimited("429 Too Many Requests", retry_after=30),
    "refused": geopy_exc.GeocoderServiceError("500 Internal Server Error"),
}
GARBAGE = {
    "out of range": ban_answer(2.0, 999.0),
    "not a number": ban_answer("NaN", "NaN"),
    "no coordinates": {"features": [{"geometry": {}, "properties": {}}]},
    "in the sea": ban_answer(-12.0, 45.0),  # Atlantic, 1 300 km from 69003
    "wrong town": ban_answer(2.35, 48.85),  # Paris for a Lyon postcode
}


@pytest.mark.parametrize("fault", [*FAULTS, *GARBAGE])
def test_a_place_is_saved_and_flagged_when_the_geocoder_fails(
    ban, fault, django_capture_on_commit_callbacks
):
    ban.error, ban.answer = FAULTS.get(fault), GARBAGE.get(fault)
    place = _new_place(django_capture_on_commit_callbacks)
    assert Place.objects.filter(pk=place.pk, name="EHPAD des Lilas").exists()
    assert place.geocoding_status == GeocodingStatus.FAILED
    assert place.geocoding_message  # the reason, for an editor
    assert not place.has_point  # no garbage point stored
    assert ban.calls >= 1


@pytest.mark.parametrize("fault", [*FAULTS, *GARBAGE])
def test_on_a_worker_a_failed_geocoding_is_retried_with_backoff(
    ban, fault, monkeypatch, django_capture_on_commit_callbacks
):
    ban.error, ban.answer = FAULTS["down"], None
    place = _new_place(django_capture_on_commit_callbacks)  # flagged once, eagerly
    Place.objects.filter(pk=place.pk).update(geocoding_status=GeocodingStatus.PENDING)
    ban.error, ban.answer = FAULTS.get(fault), GARBAGE.get(fault)
    retries = []

    def retry(exc=None, countdown=None, **kwargs):
        retries.append((exc, countdown))
        return Retry("retry", exc, when=countdown)

    monkeypatch.setattr(geocode_place_task, "retry", retry)
    geocode_place_task.push_request(retries=2, is_eager=False)  # as on a worker, 3rd attempt
    try:
        with pytest.raises(Retry):
            geocode_place_task.run(place.pk)
    finally:
        geocode_place_task.pop_request()
    [(error, countdown)] = retries
    assert isinstance(error, GeocoderUnavailable)
    assert countdown == 30 * 2**2
    place.refresh_from_db()
    assert place.geocoding_status == GeocodingStatus.PENDING  # kept for the next attempt


def test_after_the_last_retry_the_place_stays_saved_and_flagged(
    ban, django_capture_on_commit_callbacks
):
    ban.error = FAULTS["down"]
    place = _new_place(django_capture_on_commit_callbacks)
    Place.objects.filter(pk=place.pk).update(geocoding_status=GeocodingStatus.PENDING)
    geocode_place_task.push_request(retries=GEOCODING_MAX_RETRIES, is_eager=False)
    try:
        geocode_place_task.run(place.pk)
    finally:
        geocode_place_task.pop_request()
    place.refresh_from_db()
    assert place.geocoding_status == GeocodingStatus.FAILED
    assert "nouvel essai" in place.geocoding_message


def test_a_good_answer_after_an_outage_places_the_point(ban, django_capture_on_commit_callbacks):
    ban.error = FAULTS["down"]
    place = _new_place(django_capture_on_commit_callbacks)
    ban.error, ban.answer = None, ban_answer(4.85, 45.76)
    Place.objects.filter(pk=place.pk).update(geocoding_status=GeocodingStatus.PENDING)
    assert services.geocode_place(place.pk) == GeocodingStatus.OK
    place.refresh_from_db()
    assert (place.latitude, place.longitude) == (45.76, 4.85)


def test_a_slow_service_is_cut_by_the_configured_timeout(ban):
    ban.answer = ban_answer(4.85, 45.76)
    get_geocoder().geocode("3 rue des Lilas, 69003 Lyon")
    assert ban.timeouts == [3]


def test_a_rate_limited_service_is_tried_twice_at_most_per_attempt(ban):
    ban.error = FAULTS["rate-limited"]
    with pytest.raises(GeocoderUnavailable):
        get_geocoder().geocode("3 rue des Lilas, 69003 Lyon")
    assert ban.calls == 2


def test_a_garbage_answer_is_not_cached(ban):
    ban.answer = GARBAGE["in the sea"]
    with pytest.raises(GeocoderUnavailable):
        get_geocoder().geocode("3 rue des Lilas, 69003 Lyon")
    ban.answer = ban_answer(4.85, 45.76)
    assert get_geocoder().geocode("3 rue des Lilas, 69003 Lyon").latitude == 45.76


@pytest.mark.parametrize("fault", FAULTS)
def test_searches_by_address_answer_400_or_503_when_the_geocoder_fails(client, ban, fault):
    ban.error = FAULTS[fault]
    query = "3 rue des Lilas, Lyon"  # not a postcode or a commune: goes to the service
    assert client.get("/fr/pres-de-chez-moi/", {"q": query}).status_code == 400
    response = client.get("/api/v1/geocode/", {"q": query})
    assert response.status_code == 503
    assert response.json()["detail"]


# Database errors ----------------------------------------------------------------------------


def test_a_service_that_fails_after_its_first_write_leaves_nothing(monkeypatch):
    need = NeedFactory(quantity_wanted=10)
    volunteer = VolunteerProfileFactory()

    def broken_create(**kwargs):
        raise DatabaseError("connection lost")

    monkeypatch.setattr(Pledge.objects, "create", broken_create)
    with pytest.raises(DatabaseError):
        services.pledge(volunteer=volunteer, need_id=need.pk, quantity=3)
    need.refresh_from_db()
    assert need.quantity_pledged == 0  # the first write (the reservation) was rolled back
    assert not Pledge.objects.filter(need=need).exists()


@pytest.mark.urls("tests.hardening.urls_faults")
@pytest.mark.parametrize("atomic_requests", [True, False])
def test_a_request_that_fails_after_writing_is_rolled_back_with_atomic_requests(
    client, monkeypatch, atomic_requests
):
    monkeypatch.setitem(connection.settings_dict, "ATOMIC_REQUESTS", atomic_requests)
    client.raise_request_exception = False
    response = client.get("/write-then-fail/")
    assert response.status_code == 500
    saved = Place.objects.filter(name=FAILING_PLACE_NAME).exists()
    assert saved is not atomic_requests  # without the setting the half-done write stays


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="whole-request transactions on PostgreSQL only (BEGIN IMMEDIATE on SQLite)",
)
def test_requests_run_in_one_transaction_on_postgresql():
    assert connection.settings_dict["ATOMIC_REQUESTS"] is True


# Broker down: the outbox ----------------------------------------------------------------------


class Broker:
    """The broker as a task's apply_async sees it: up (records the calls, and a worker runs
    them) or down."""

    def __init__(self, task, *, up: bool):
        self.task, self.up, self.sent = task, up, []

    def __call__(self, args=None, kwargs=None, **options):
        if not self.up:
            raise OperationalError("Error 111 connecting to redis:6379. Connection refused.")
        self.sent.append((list(args or ()), dict(kwargs or {})))
        return self.task.apply(args=args, kwargs=kwargs, **options)


@pytest.fixture
def broker(monkeypatch):
    """Production's topology: Celery not eager, tasks sent to a broker."""
    broker = Broker(geocode_place_task, up=False)
    monkeypatch.setattr(geocode_place_task, "apply_async", broker)
    conf = geocode_place_task.app.conf
    eager, conf.task_always_eager = conf.task_always_eager, False
    yield broker
    conf.task_always_eager = eager


def test_dispatch_sends_the_task_when_the_broker_is_up(broker):
    broker.up = True
    assert outbox.dispatch(geocode_place_task, 123456) is True
    assert broker.sent == [([123456], {})]
    assert not PendingTask.objects.exists()


def test_dispatch_keeps_the_call_when_the_broker_is_down(broker):
    assert outbox.dispatch(geocode_place_task, 42) is False
    kept = PendingTask.objects.get()
    assert (kept.name, kept.args, kept.kwargs) == ("matching.tasks.geocode_place", [42], {})
    assert "Connection refused" in kept.last_error


@pytest.fixture
def partner_api(fr):
    partner = PartnerPage.objects.get(locale=fr, slug="la-cloche")
    user = UserFactory(username="outbox-partner", email="outbox@la-cloche.example.org")
    PartnerMember.objects.create(user=user, partner=partner, role=PartnerRole.OWNER)
    api = APIClient()
    api.force_login(user)
    return api


def _create_place(partner_api, django_capture_on_commit_callbacks):
    """A partner creates a place through the API; its geocoding is queued after commit."""
    body = {"kind": "shelter", "name": "Accueil de jour", "postcode": "69003", "town": "Lyon"}
    with django_capture_on_commit_callbacks(execute=True):
        response = partner_api.post("/api/v1/partner/places/", body, format="json")
    return response


def test_with_the_broker_down_a_new_place_is_saved_its_task_kept_then_sent(
    broker, partner_api, monkeypatch, django_capture_on_commit_callbacks
):
    # matching/signals.py queues with dispatch() (as every on_commit .delay() should).
    monkeypatch.setattr(
        geocode_place_task, "delay", lambda *args: outbox.dispatch(geocode_place_task, *args)
    )
    response = _create_place(partner_api, django_capture_on_commit_callbacks)

    assert response.status_code == 201
    place = Place.objects.get(pk=response.json()["id"])
    assert place.geocoding_status == GeocodingStatus.PENDING
    kept = PendingTask.objects.get()
    assert (kept.name, kept.args) == ("matching.tasks.geocode_place", [place.pk])

    assert flush_outbox() == 0  # still down: kept, counted
    kept.refresh_from_db()
    assert kept.attempts == 1

    broker.up = True
    assert flush_outbox.apply().get() == 1  # the beat's run
    assert broker.sent == [([place.pk], {})]
    assert not PendingTask.objects.exists()
    place.refresh_from_db()
    assert place.geocoding_status == GeocodingStatus.OK


def test_the_places_own_signal_survives_a_broker_outage(
    broker, partner_api, django_capture_on_commit_callbacks
):
    response = _create_place(partner_api, django_capture_on_commit_callbacks)
    assert response.status_code == 201
    assert PendingTask.objects.filter(name="matching.tasks.geocode_place").count() == 1


def test_the_outbox_is_flushed_oldest_first_and_stops_while_the_broker_is_down(broker):
    for place_id in (1, 2, 3):
        outbox.dispatch(geocode_place_task, place_id)
    broker.up = True
    calls = []

    def second_fails(args=None, kwargs=None, **options):
        calls.append(args)
        if len(calls) == 2:
            raise OperationalError("connection reset")

    broker.task.apply_async = second_fails
    assert outbox.flush() == 1
    remaining = list(PendingTask.objects.values_list("args", "attempts"))
    assert calls == [[1], [2]]
    assert remaining == [([2], 1), ([3], 0)]


def test_a_kept_call_of_an_unknown_task_is_kept_and_counted():
    PendingTask.objects.create(name="nowhere.tasks.gone", args=[1])
    assert outbox.flush() == 0
    kept = PendingTask.objects.get()
    assert kept.attempts == 1 and "Unknown task" in kept.last_error


# Cache (Redis) down ---------------------------------------------------------------------------


@pytest.fixture
def cache_down():
    """The production cache backend pointed at a port where no Redis listens."""
    from django.test import override_settings

    unreachable = {
        "default": {
            "BACKEND": "portal.cache.FailSafeRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    with override_settings(CACHES=unreachable):
        yield


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/fr/lettre-des-actions/", {"email": "anne@example.org", "language": "fr"}),
        ("/fr/connexion/", {"username": "anne", "password": "wrong"}),
    ],
)
def test_with_the_cache_down_rate_limited_forms_still_answer(client, cache_down, url, data):
    client.raise_request_exception = False
    assert client.post(url, data).status_code < 500


# Mail server down ---------------------------------------------------------------------------


def test_with_the_mail_server_down_a_digest_subscription_still_answers(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.hardening.failing_mail.RefusingBackend"
    client.raise_request_exception = False
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fr/lettre-des-actions/", {"email": "anne@example.org", "language": "fr"}
        )
    assert response.status_code == 302
