"""Isolation: a partner reaches only its own places, needs and pledges.

The walk DISCOVERS the partner-space routes from the URL resolver (every pattern in the
"partners" namespace but the invitation and the public application form, every route under
/api/v1/partner/), so a route added later is walked without editing this file. Each route with
an object in its path is requested by a member of partner B with the id of partner A's object
of that type, with every method the view accepts: the answer is 404 and partner A's data is
unchanged. A route whose object type cannot be told from its path fails the walk until it is
mapped below.
"""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

import pytest

from matching.models import ContactChannel, Need, Place, Pledge, Slot, SlotBooking
from tests.matching.slot_factories import make_slot
from tests.partners.pledge_factories import make_pledge, partner_need, volunteer

pytestmark = pytest.mark.django_db

API_PREFIX = "api/v1/partner/"
# Reached with a token before any membership, or public (« Devenir partenaire »).
EXCLUDED_NAMES = {"accept_invitation", "apply", "apply_done"}
METHODS = ("get", "post", "put", "patch", "delete")
# A path segment (French page paths, English API paths) -> the type of object it names.
SEGMENT_KINDS = {
    "lieux": "place",
    "places": "place",
    "besoins": "need",
    "needs": "need",
    "engagements": "pledge",
    "pledges": "pledge",
    "creneaux": "slot",
    "slots": "slot",
    "reservations": "booking",
    "slot-bookings": "booking",
}
KWARG_KINDS = {"place_pk": "place", "need_pk": "need", "pledge_pk": "pledge"}


@dataclass(frozen=True)
class Route:
    name: str  # reversible name ("partners:need_pledges", "partner-api-need-detail")
    route: str  # the pattern joined from the root, for messages and kind lookup
    kwargs: tuple[str, ...]
    methods: tuple[str, ...]
    api: bool

    def __str__(self):
        return self.name

    def kind_of(self, kwarg: str) -> str | None:
        if kwarg in KWARG_KINDS:
            return KWARG_KINDS[kwarg]
        # the segment just before the kwarg: "besoins/<int:pk>/..." -> need
        before = re.split(rf"(?:<(?:\w+:)?{kwarg}>|\(\?P<{kwarg}>)", self.route)[0]
        segments = [s for s in re.split(r"[/^$]+", before) if s]
        return SEGMENT_KINDS.get(segments[-1]) if segments else None

    def url(self, **kwargs) -> str:
        return reverse(self.name, kwargs=kwargs or None)


def _methods(callback) -> tuple[str, ...]:
    actions = getattr(callback, "actions", None)  # DRF viewsets: {"get": "list", ...}
    if actions:
        return tuple(m for m in METHODS if m in actions)
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    if view_class is None:
        return ("get", "post")  # a function view: try both
    return tuple(m for m in METHODS if hasattr(view_class, m))


def _kwargs(pattern) -> tuple[str, ...]:
    converters = getattr(pattern, "converters", None)
    if converters:
        return tuple(converters)
    regex = getattr(pattern, "regex", None)
    return tuple(regex.groupindex) if regex is not None else ()


def _walk(patterns, prefix="", namespace=None, kwargs=()):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        found = kwargs + _kwargs(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = entry.namespace or namespace
            if entry.namespace and namespace:
                inner = f"{namespace}:{entry.namespace}"
            yield from _walk(entry.url_patterns, route, inner, found)
        elif isinstance(entry, URLPattern):
            yield route, namespace, entry, found


def discover() -> list[Route]:
    routes = []
    with translation.override("fr"):
        for route, namespace, entry, kwargs in _walk(get_resolver().url_patterns):
            in_space = namespace == "partners" and entry.name not in EXCLUDED_NAMES
            in_api = route.startswith(API_PREFIX)
            if not (in_space or in_api):
                continue
            assert entry.name, f"unnamed partner route {route}: name it so the walk can reverse it"
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            routes.append(Route(name, route, kwargs, _methods(entry.callback), in_api))
    return routes


ROUTES = discover()
OBJECT_ROUTES = [route for route in ROUTES if route.kwargs]


def test_the_walk_finds_the_partner_space_and_its_api():
    names = {route.name for route in ROUTES}
    for expected in (
        "partners:home",
        "partners:pledges",
        "partners:need_pledges",
        "partners:pledge_done",
        "partners:export_needs",
        "partners:export_pledges",
        "partner-api-place-detail",
        "partner-api-need-detail",
        "partner-api-pledge-detail",
        "partner-api-pledge-done",
    ):
        assert expected in names
    assert "partners:accept_invitation" not in names


def test_every_route_with_an_object_in_its_path_is_walked():
    unmapped = [
        f"{route.route} ({kwarg})"
        for route in OBJECT_ROUTES
        for kwarg in route.kwargs
        if route.kind_of(kwarg) is None
    ]
    assert not unmapped, f"map these routes' objects in SEGMENT_KINDS/KWARG_KINDS: {unmapped}"


# Partner A's world, and what "unchanged" means ---------------------------------------------


@pytest.fixture
def partner_a_objects(partner_page):
    """Partner A (La Cloche): a place, an open need and a pending pledge sharing its email."""
    need = partner_need(partner_page, title="Besoin de A — confidentiel")
    Place.objects.filter(pk=need.place_id).update(name="Foyer secret de A")
    need.place.refresh_from_db()
    pledge = make_pledge(
        need,
        profile=volunteer("Zoé", email="zoe@example.org"),
        channel=ContactChannel.EMAIL,
    )
    slot = make_slot(need, places=3)
    booking = SlotBooking.objects.create(slot=slot, volunteer=pledge.volunteer)
    Slot.objects.filter(pk=slot.pk).update(places_taken=1)
    return {"place": need.place, "need": need, "pledge": pledge, "slot": slot, "booking": booking}


def snapshot(partner_page) -> dict:
    """Every row of partner A, and how many rows each table holds."""
    return {
        "places": list(Place.objects.filter(partner=partner_page).order_by("pk").values()),
        "needs": list(Need.objects.filter(place__partner=partner_page).order_by("pk").values()),
        "pledges": list(
            Pledge.objects.filter(need__place__partner=partner_page).order_by("pk").values()
        ),
        "slots": list(
            Slot.objects.filter(need__place__partner=partner_page).order_by("pk").values()
        ),
        "bookings": list(
            SlotBooking.objects.filter(slot__need__place__partner=partner_page)
            .order_by("pk")
            .values()
        ),
        "counts": (
            Place.objects.count(),
            Need.objects.count(),
            Pledge.objects.count(),
            Slot.objects.count(),
            SlotBooking.objects.count(),
        ),
    }


def payload(route: Route, objects) -> dict:
    """A body that would change partner A's object if the view let partner B through."""
    return {
        "name": "Pris par B",
        "kind": "other",
        "postcode": "75011",
        "town": "Paris",
        "place": objects["place"].pk,
        "title": "Modifié par B",
        "quantity_wanted": 3,
        "unit": "kits",
        "urgency": 2,
        "status": "closed",
        "action": "close",
        "publish": "1",
    }


def request(client, method: str, url: str, data: dict, *, api: bool):
    call = getattr(client, method)
    if method == "get":
        return call(url)
    if api:
        return call(url, data, content_type="application/json")
    if method == "post":
        return call(url, data)
    return call(url)


@pytest.fixture
def partner_b_client(client, other_partner_member):
    client.force_login(other_partner_member.user)
    return client


@pytest.mark.parametrize("route", OBJECT_ROUTES, ids=str)
def test_partner_b_gets_404_for_partner_a_objects_and_changes_nothing(
    route, partner_b_client, partner_a_objects, partner_page
):
    kwargs = {kwarg: partner_a_objects[route.kind_of(kwarg)].pk for kwarg in route.kwargs}
    url = route.url(**kwargs)
    before = snapshot(partner_page)

    for method in route.methods:
        response = request(
            partner_b_client, method, url, payload(route, partner_a_objects), api=route.api
        )
        assert response.status_code == 404, f"{method.upper()} {url}: {response.status_code}"
        assert "Besoin de A" not in response.content.decode(errors="replace")
        assert snapshot(partner_page) == before, f"{method.upper()} {url} changed A's data"


@pytest.mark.parametrize("route", OBJECT_ROUTES, ids=str)
def test_partner_a_reaches_the_same_routes_for_its_own_objects(
    route, partner_a_objects, partner_member, client
):
    """The control: the 404 above is about the owner, not a broken route."""
    client.force_login(partner_member.user)
    kwargs = {kwarg: partner_a_objects[route.kind_of(kwarg)].pk for kwarg in route.kwargs}
    method = "get" if "get" in route.methods else route.methods[0]

    response = request(client, method, route.url(**kwargs), {}, api=route.api)

    assert response.status_code != 404, f"{method.upper()} {route.url(**kwargs)}"


def test_partner_b_lists_and_exports_none_of_partner_a_objects(partner_b_client, partner_a_objects):
    need, pledge = partner_a_objects["need"], partner_a_objects["pledge"]

    for route in ROUTES:
        if route.kwargs or "get" not in route.methods:
            continue
        response = partner_b_client.get(route.url())
        body = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode()
        assert response.status_code in (200, 302), route.name
        assert "Besoin de A" not in body, route.name
        assert "zoe@example.org" not in body and "Zoé" not in body, route.name
        assert need.place.name not in body, route.name
    api_pledges = partner_b_client.get("/api/v1/partner/pledges/", {"page_size": 100}).json()
    assert pledge.pk not in [row["id"] for row in api_pledges["results"]]


def _each_request(routes, objects):
    for route in routes:
        kwargs = {kwarg: objects[route.kind_of(kwarg)].pk for kwarg in route.kwargs}
        for method in route.methods:
            yield route, method, route.url(**kwargs)


def test_a_signed_in_user_who_is_not_a_partner_gets_403_everywhere(
    client, django_user_model, partner_a_objects, partner_page
):
    client.force_login(django_user_model.objects.create_user("outsider", password="x" * 12))
    before = snapshot(partner_page)

    for route, method, url in _each_request(ROUTES, partner_a_objects):
        response = request(client, method, url, payload(route, partner_a_objects), api=route.api)
        assert response.status_code == 403, f"{method.upper()} {url}: {response.status_code}"
    assert snapshot(partner_page) == before


def test_anonymous_visitors_are_sent_to_sign_in_and_the_api_answers_403(
    client, partner_a_objects, partner_page
):
    before = snapshot(partner_page)

    for route, method, url in _each_request(ROUTES, partner_a_objects):
        response = request(client, method, url, payload(route, partner_a_objects), api=route.api)
        if route.api:
            assert response.status_code == 403, f"{method.upper()} {url}"
        else:
            assert response.status_code == 302, f"{method.upper()} {url}"
            assert reverse("login") in response["Location"]
    assert snapshot(partner_page) == before
