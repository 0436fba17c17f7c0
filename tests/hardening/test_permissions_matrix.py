"""The permissions matrix: every route of the site and the API, tried as each kind of visitor
(anonymous, a volunteer, another volunteer, a member of partner A, a member of partner B, a
programme coordinator, a sponsor's contact, a Wagtail editor), with the status each must get.

Objects in the URLs belong to "the volunteer" (their pledge, their programme membership),
"partner A" (La Cloche: its place and need), "the coordinator" (their cohort) and the demo
sponsor (Pharmacies du Cœur, whose contact is ``sponsor_contact``); tokens are invalid ones.
``test_every_route_has_a_row`` fails when a new route of the project has no row here.

Expectations: an int is the exact status (redirects not followed); ``LOGIN`` is a 302 to the
site's sign-in page, ``ADMIN_LOGIN`` a 302 to the admin's sign-in page. Rows may also name
``secrets`` (partner A's need and pledger, the volunteer's e-mail and phone) that must not
appear in a 200 answer given to the roles of ``hidden_from``: another partner's lists and
exports, someone else's volunteer space, public pages.

Routes: every named route of the project, Wagtail's excluded (admin internals, page serving)
except the project's own admin views (moderation queue, growth view) and the listing of each
project snippet (``wagtailsnippets_<app>_<model>:list``); pages served by Wagtail are
represented by a few ``page:`` rows. The editor is in Wagtail's "Editors" group and holds the
project's model permissions (the group alone has none of them).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

import pytest

from matching.models import Slot, SlotBooking, SlotWaitlistEntry
from partners.models import PartnerApplication
from portal.calendars import feed_token
from tests.hardening.matrix_fixtures import (
    NEED_TITLE,
    PROJECT_APPS,
    ROLES,
    VOLUNTEER_EMAIL,
    VOLUNTEER_FIRST_NAME,
    VOLUNTEER_PHONE,
    World,
    build_world,
    user_for,
)

LOGIN = "login"
ADMIN_LOGIN = "admin-login"
BAD_TOKEN = "jeton-invalide"
BAD_UID = "QUJD"  # base64 of "ABC": no such user


def matrix(default, **by_role) -> dict:
    """The expected status of every role: ``default`` unless given for the role."""
    unknown = set(by_role) - set(ROLES)
    assert not unknown, unknown
    return {role: by_role.get(role, default) for role in ROLES}


PUBLIC = matrix(200)


@dataclass(frozen=True)
class Row:
    name: str
    expected: dict
    method: str = "get"
    kwargs: Callable[[World], dict] = field(default=lambda world: {})
    data: dict = field(default_factory=dict)
    # Strings that must not appear in the answer given to the roles of ``hidden_from``.
    secrets: tuple[str, ...] = ()
    hidden_from: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.name}[{self.method}]"


def _need(world):
    return {"pk": world.need.pk}


def _place(world):
    return {"pk": world.place.pk}


def _pledge(world):
    return {"pk": world.pledge.pk}


def _cohort(world):
    return {"pk": world.cohort.pk}


def _sponsor(world):
    return {"pk": world.sponsor.pk}


def _token(world):
    return {"token": BAD_TOKEN}


def _uid_token(world):
    return {"uidb64": BAD_UID, "token": BAD_TOKEN}


def _membership(world):
    return {"pk": world.membership.pk}


def _cohort_day(world):
    return {"pk": world.cohort.pk, "day": 1}


def _slot_booking(world):
    """A slot of partner A's need two days ahead, where the volunteer holds a place (made in
    the test's savepoint) and another volunteer waits in line for a full one."""
    starts = timezone.now() + timedelta(days=2)
    slot = Slot.objects.create(
        need=world.need, starts_at=starts, ends_at=starts + timedelta(hours=2), places=1
    )
    booking = SlotBooking.objects.create(slot=slot, volunteer=world.volunteer.volunteer_profile)
    Slot.objects.filter(pk=slot.pk).update(places_taken=1)
    entry = SlotWaitlistEntry.objects.create(
        slot=slot, volunteer=world.volunteer.volunteer_profile, status="waiting"
    )
    return slot, booking, entry


def _slot(world):
    return {"pk": _slot_booking(world)[0].pk}


def _booking(world):
    return {"pk": _slot_booking(world)[1].pk}


def _waiting(world):
    return {"pk": _slot_booking(world)[2].pk}


def _feed(kind, pk):
    return {"token": feed_token(kind, pk)}


APPLICANT_EMAIL = "candidate@tilleuls.example.org"


def _application(world):
    """A pending partner application (its contact's details are for editors only)."""
    application = PartnerApplication.objects.create(
        organisation_name="EHPAD Les Tilleuls",
        organisation_kind="care_home",
        postcode="69003",
        town="Lyon",
        contact_name="Nadia",
        email=APPLICANT_EMAIL,
        consent_at=timezone.now(),
    )
    return {"pk": application.pk}


# Who may do what, by kind of page.
SIGNED_IN_ONLY = matrix(200, anonymous=LOGIN)
POST_ONLY_SIGNED_IN = matrix(405, anonymous=LOGIN)
# The partner space: partner members only (403 for other users); another partner's object 404.
PARTNER_SPACE = matrix(403, anonymous=LOGIN, partner_member=200, other_partner=200)
PARTNER_OBJECT = matrix(403, anonymous=LOGIN, partner_member=200, other_partner=404)
PARTNER_API = matrix(403, partner_member=200, other_partner=200)
PARTNER_API_OBJECT = matrix(403, partner_member=200, other_partner=404)
# The coordinator space: coordinators only (others 403 "not a coordinator").
COORDINATOR = matrix(403, anonymous=LOGIN, coordinator=200)
# The sponsor dashboard: the sponsor's contacts only (anyone else 404, nothing revealed).
SPONSOR_CONTACT = matrix(404, anonymous=LOGIN, sponsor_contact=200)
# The project's admin views: editors; partner members reach the admin (Partners group, to
# propose actions) but not these views (Wagtail's "permission denied" redirect to /admin/).
ADMIN = matrix(ADMIN_LOGIN, editor=200, partner_member=302, other_partner=302)


# Partner A's need and the volunteer who pledged to it: never shown to another partner.
PARTNER_A = {
    "secrets": (NEED_TITLE, VOLUNTEER_FIRST_NAME, VOLUNTEER_EMAIL),
    "hidden_from": ("other_partner",),
}
# The volunteer's contact details: shown to nobody else in anyone's own space.
OWN_DATA = {
    "secrets": (VOLUNTEER_EMAIL, VOLUNTEER_PHONE),
    "hidden_from": tuple(role for role in ROLES if role != "volunteer"),
}
# Public pages: the volunteer's contact details never appear, whoever looks.
PUBLIC_PAGE = {"secrets": (VOLUNTEER_EMAIL, VOLUNTEER_PHONE), "hidden_from": ROLES}


def _admin_list(app_model: str) -> Row:
    return Row(f"wagtailsnippets_{app_model}:list", ADMIN)


ROWS: list[Row] = [
    # --- Sign-in and passwords (portal.auth_urls) ---------------------------------------
    Row("login", matrix(302, anonymous=200)),  # signed-in people are sent on
    Row("logout", matrix(405)),  # GET is refused: sign-out is a POST
    Row("logout", matrix(302), "post"),
    Row("password_reset", PUBLIC),
    Row("robots_txt", PUBLIC),
    Row("favicon", matrix(301)),  # sends on to the PNG icon
    Row("password_reset_done", PUBLIC),
    Row("password_reset_confirm", PUBLIC, kwargs=_uid_token),  # Django: "invalid link" page
    Row("password_reset_complete", PUBLIC),
    Row("account_sent", PUBLIC),  # the same "check your inbox" page for every address
    Row("account_confirm", matrix(400), kwargs=_uid_token),  # "invalid link" page
    # --- Weekly digest of actions and the feed (actions) --------------------------------
    Row("actions:new_actions_feed", PUBLIC, **PUBLIC_PAGE),
    Row("actions:digest_subscribe", PUBLIC),
    Row("actions:digest_check_inbox", PUBLIC),
    Row("actions:digest_confirm", matrix(404), kwargs=_token),
    Row("actions:digest_unsubscribe", matrix(404), kwargs=_token),
    Row("actions:digest_unsubscribe", matrix(404), "post", kwargs=_token),
    # --- Public API -----------------------------------------------------------------------
    Row("api-schema", PUBLIC),
    Row("api-actions", PUBLIC, **PUBLIC_PAGE),
    Row("api-needs-nearby", matrix(400)),  # no point given
    Row("api-geocode", matrix(400)),  # no query given
    # --- Partner API: partner members only, each on their own partner's objects ----------
    Row("partner-api-place-list", PARTNER_API),
    Row("partner-api-place-list", matrix(403, partner_member=400, other_partner=400), "post"),
    Row("partner-api-place-detail", PARTNER_API_OBJECT, kwargs=_place),
    Row("partner-api-place-detail", PARTNER_API_OBJECT, "patch", kwargs=_place),
    Row(
        "partner-api-place-detail",
        matrix(403, partner_member=405, other_partner=405),
        "delete",
        kwargs=_place,
    ),
    Row("partner-api-need-list", PARTNER_API, **PARTNER_A),
    Row("partner-api-need-list", matrix(403, partner_member=400, other_partner=400), "post"),
    Row("partner-api-need-detail", PARTNER_API_OBJECT, kwargs=_need),
    Row("partner-api-need-detail", PARTNER_API_OBJECT, "patch", kwargs=_need),
    Row(
        "partner-api-need-detail",
        matrix(403, partner_member=405, other_partner=405),
        "delete",
        kwargs=_need,
    ),
    Row("partner-api-pledge-list", PARTNER_API, **PARTNER_A),
    Row("partner-api-pledge-detail", PARTNER_API_OBJECT, kwargs=_pledge),
    Row(
        "partner-api-pledge-done",
        matrix(403, partner_member=405, other_partner=405),
        kwargs=_pledge,
    ),
    Row("partner-api-pledge-done", PARTNER_API_OBJECT, "post", kwargs=_pledge),
    Row("partner-api-slot-list", PARTNER_API),
    Row("partner-api-slot-detail", PARTNER_API_OBJECT, kwargs=_slot),
    # A slot where a volunteer holds a place is not deleted (400).
    Row(
        "partner-api-slot-detail",
        {**PARTNER_API_OBJECT, "partner_member": 400},
        "delete",
        kwargs=_slot,
    ),
    Row("partner-api-slot-series", matrix(403, partner_member=405, other_partner=405)),
    Row("partner-api-slot-series", matrix(403, partner_member=400, other_partner=400), "post"),
    Row("partner-api-slot-booking-list", PARTNER_API, **PARTNER_A),
    Row("partner-api-slot-booking-detail", PARTNER_API_OBJECT, kwargs=_booking),
    Row(
        "partner-api-slot-booking-done",
        matrix(403, partner_member=405, other_partner=405),
        kwargs=_booking,
    ),
    # The slot has not started: its presence cannot be confirmed yet (400).
    Row(
        "partner-api-slot-booking-done",
        {**PARTNER_API_OBJECT, "partner_member": 400},
        "post",
        kwargs=_booking,
    ),
    # --- Public feeds (syndication) and calendars with a secret address ------------------
    Row("api-feed-needs", PUBLIC, **PUBLIC_PAGE),
    Row("api-feed-actions", PUBLIC, **PUBLIC_PAGE),
    Row("matching:needs_atom", PUBLIC, **PUBLIC_PAGE),
    Row("matching:need_calendar", matrix(404), kwargs=_token),
    Row(
        "matching:need_calendar",
        PUBLIC,
        kwargs=lambda world: _feed("need", world.need.pk),
        secrets=(VOLUNTEER_FIRST_NAME, VOLUNTEER_EMAIL, VOLUNTEER_PHONE),
        hidden_from=ROLES,
    ),
    Row("volunteers:calendar", matrix(404), kwargs=_token),
    Row(
        "volunteers:calendar",
        PUBLIC,  # whoever holds the secret address; only the volunteer's space shows it
        kwargs=lambda world: _feed("volunteer", world.volunteer.pk),
        **PUBLIC_PAGE,
    ),
    Row("programme:cohort_calendar", matrix(404), kwargs=_token),
    Row(
        "programme:cohort_calendar",
        PUBLIC,
        kwargs=lambda world: _feed("cohort", world.cohort.pk),
        secrets=(VOLUNTEER_FIRST_NAME, VOLUNTEER_EMAIL, VOLUNTEER_PHONE),
        hidden_from=ROLES,
    ),
    # --- Partner space ------------------------------------------------------------------
    Row("partners:accept_invitation", matrix(410), kwargs=_token),
    Row("partners:accept_invitation", matrix(410), "post", kwargs=_token),
    Row("partners:home", PARTNER_SPACE, **PARTNER_A),
    Row("partners:apply", PUBLIC),
    Row("partners:apply", matrix(400), "post"),
    Row("partners:apply_done", PUBLIC),
    Row("partners:places", PARTNER_SPACE),
    Row("partners:place_create", PARTNER_SPACE),
    Row(
        "partners:place_create",
        {**PARTNER_SPACE, "partner_member": 400, "other_partner": 400},
        "post",
    ),
    Row("partners:place_edit", PARTNER_OBJECT, kwargs=_place),
    Row("partners:place_edit", {**PARTNER_OBJECT, "partner_member": 400}, "post", kwargs=_place),
    Row("partners:needs", PARTNER_SPACE, **PARTNER_A),
    Row("partners:need_create", PARTNER_SPACE),
    Row(
        "partners:need_create",
        {**PARTNER_SPACE, "partner_member": 400, "other_partner": 400},
        "post",
    ),
    Row("partners:need_edit", PARTNER_OBJECT, kwargs=_need),
    Row("partners:need_edit", {**PARTNER_OBJECT, "partner_member": 400}, "post", kwargs=_need),
    Row("partners:need_action", {**PARTNER_OBJECT, "partner_member": 405}, kwargs=_need),
    Row("partners:need_action", {**PARTNER_OBJECT, "partner_member": 302}, "post", kwargs=_need),
    Row("partners:need_duplicate", {**PARTNER_OBJECT, "partner_member": 405}, kwargs=_need),
    Row("partners:need_duplicate", {**PARTNER_OBJECT, "partner_member": 302}, "post", kwargs=_need),
    Row("partners:need_pledges", PARTNER_OBJECT, kwargs=_need),
    Row("partners:pledges", PARTNER_SPACE, **PARTNER_A),
    Row(
        "partners:pledge_done",
        {**PARTNER_OBJECT, "partner_member": 405, "other_partner": 405},
        kwargs=_pledge,
    ),
    Row("partners:pledge_done", {**PARTNER_OBJECT, "partner_member": 302}, "post", kwargs=_pledge),
    Row("partners:need_slots", PARTNER_OBJECT, kwargs=_need),
    Row("partners:need_slots", {**PARTNER_OBJECT, "partner_member": 400}, "post", kwargs=_need),
    Row(
        "partners:slot_delete",
        {**PARTNER_OBJECT, "partner_member": 405, "other_partner": 405},
        kwargs=_slot,
    ),
    Row("partners:slot_delete", {**PARTNER_OBJECT, "partner_member": 400}, "post", kwargs=_slot),
    Row(
        "partners:slot_booking_done",
        {**PARTNER_OBJECT, "partner_member": 405, "other_partner": 405},
        kwargs=_booking,
    ),
    Row(
        "partners:slot_booking_done",
        {**PARTNER_OBJECT, "partner_member": 400},
        "post",
        kwargs=_booking,
    ),
    Row("partners:export_needs", PARTNER_SPACE, **PARTNER_A),
    Row("partners:export_pledges", PARTNER_SPACE, **PARTNER_A),
    # --- Volunteer space: every signed-in person has one; only their own objects --------
    Row("volunteers:signup", matrix(302, anonymous=200)),  # signed-in people go to their space
    Row("volunteers:space", SIGNED_IN_ONLY, **OWN_DATA),
    Row("volunteers:profile", SIGNED_IN_ONLY, **OWN_DATA),
    Row("volunteers:profile", matrix(400, anonymous=LOGIN), "post"),
    Row("volunteers:notifications", SIGNED_IN_ONLY, **OWN_DATA),
    Row("volunteers:notifications", matrix(302, anonymous=LOGIN), "post"),
    Row("volunteers:export", SIGNED_IN_ONLY, **OWN_DATA),  # each person's own data only
    Row("volunteers:delete", SIGNED_IN_ONLY, **OWN_DATA),
    Row("volunteers:delete", matrix(400, anonymous=LOGIN), "post"),  # confirmation missing
    Row("volunteers:deleted", PUBLIC),
    Row("volunteers:cancel_pledge", POST_ONLY_SIGNED_IN, kwargs=_pledge),
    Row(
        "volunteers:cancel_pledge",
        matrix(404, anonymous=LOGIN, volunteer=302),  # someone else's pledge: 404
        "post",
        kwargs=_pledge,
    ),
    # --- Matching: public needs, pledging and reporting ---------------------------------
    Row("matching:near_me", PUBLIC, **PUBLIC_PAGE),
    Row("matching:need_detail", PUBLIC, kwargs=_need, **PUBLIC_PAGE),
    Row("matching:pledge", POST_ONLY_SIGNED_IN, kwargs=_need),
    Row("matching:pledge", matrix(400, anonymous=LOGIN), "post", kwargs=_need),  # no quantity
    # A pledge's confirmation page: its own volunteer only, everyone else a 404.
    Row(
        "matching:pledge_confirmation",
        matrix(404, anonymous=LOGIN, volunteer=200),
        kwargs=_pledge,
        secrets=(VOLUNTEER_EMAIL, VOLUNTEER_PHONE),
        hidden_from=ROLES,
    ),
    Row("matching:report_need", POST_ONLY_SIGNED_IN, kwargs=_need),
    Row("matching:report_need", matrix(400, anonymous=LOGIN), "post", kwargs=_need),
    Row("matching:slot_take", POST_ONLY_SIGNED_IN, kwargs=_slot),
    Row("matching:slot_take", matrix(302, anonymous=LOGIN), "post", kwargs=_slot),  # full
    Row("matching:slot_wait", POST_ONLY_SIGNED_IN, kwargs=_slot),
    Row("matching:slot_wait", matrix(302, anonymous=LOGIN), "post", kwargs=_slot),
    Row("matching:slot_cancel", POST_ONLY_SIGNED_IN, kwargs=_booking),
    Row(
        "matching:slot_cancel",
        matrix(404, anonymous=LOGIN, volunteer=302),  # someone else's place: 404
        "post",
        kwargs=_booking,
    ),
    Row("matching:slot_leave", POST_ONLY_SIGNED_IN, kwargs=_waiting),
    Row(
        "matching:slot_leave",
        matrix(404, anonymous=LOGIN, volunteer=302),
        "post",
        kwargs=_waiting,
    ),
    Row("matching:mute_alerts", matrix(400), kwargs=_token),
    Row("matching:mute_alerts", matrix(400), "post", kwargs=_token),
    # --- Programme: sign-up, the volunteer's week, the coordinator space ----------------
    Row("programme:sign_up", PUBLIC),
    Row("programme:sign_up_sent", matrix(302)),  # to account_sent (sponsors' sign-up)
    Row("programme:confirm", matrix(301), kwargs=_uid_token),  # old links: account_confirm
    Row("programme:space", matrix(301)),  # the one space: volunteers:space
    Row("programme:report", SIGNED_IN_ONLY),
    Row("programme:report", matrix(400, anonymous=LOGIN), "post"),
    Row("programme:cancel", POST_ONLY_SIGNED_IN, kwargs=_membership),
    Row(
        "programme:cancel",
        matrix(404, anonymous=LOGIN, volunteer=302),  # someone else's membership: 404
        "post",
        kwargs=_membership,
    ),
    Row("programme:coordination", COORDINATOR),
    Row("programme:cohort", COORDINATOR, kwargs=_cohort),
    Row("programme:cohort_message", {**COORDINATOR, "coordinator": 302}, kwargs=_cohort),
    Row("programme:cohort_message", {**COORDINATOR, "coordinator": 400}, "post", kwargs=_cohort),
    Row("programme:cohort_links", {**COORDINATOR, "coordinator": 302}, kwargs=_cohort),
    Row("programme:cohort_links", {**COORDINATOR, "coordinator": 302}, "post", kwargs=_cohort),
    Row("programme:cohort_call", {**COORDINATOR, "coordinator": 405}, kwargs=_cohort_day),
    # Day 1 of a cohort that has not started yet: no call to record, 404.
    Row("programme:cohort_call", {**COORDINATOR, "coordinator": 404}, "post", kwargs=_cohort_day),
    Row("programme:cohort_export", COORDINATOR, kwargs=_cohort),
    Row("programme:open_pixel", matrix(404), kwargs=_token),
    Row("programme:open_link", matrix(404), kwargs=_token),
    # --- Sponsors -------------------------------------------------------------------------
    Row("sponsors:theme_css", PUBLIC, kwargs=_sponsor),
    Row("sponsors:employee_sign_up", PUBLIC, kwargs=_sponsor),
    Row("sponsors:employee_sign_up", matrix(400), "post", kwargs=_sponsor),
    Row("sponsors:enquiry", PUBLIC),
    Row("sponsors:enquiry_sent", PUBLIC),
    Row("sponsors:dashboard", SPONSOR_CONTACT, kwargs=_sponsor),
    Row("sponsors:mobilisers", {**SPONSOR_CONTACT, "sponsor_contact": 302}, kwargs=_sponsor),
    Row(
        "sponsors:mobilisers", {**SPONSOR_CONTACT, "sponsor_contact": 400}, "post", kwargs=_sponsor
    ),
    Row("sponsors:export", SPONSOR_CONTACT, kwargs=_sponsor),
    # --- The project's admin views ----------------------------------------------------------
    Row("matching_moderation", ADMIN),
    # The queue's actions are POST-only; an empty POST goes back to the queue.
    Row("matching_moderation_review", {**ADMIN, "editor": 405}, kwargs=_need),
    Row("matching_moderation_review", {**ADMIN, "editor": 302}, "post", kwargs=_need),
    Row("matching_moderation_reports", {**ADMIN, "editor": 405}, kwargs=_need),
    Row("matching_moderation_reports", {**ADMIN, "editor": 302}, "post", kwargs=_need),
    Row("programme_growth", ADMIN),
    Row("partner_application_decide", ADMIN, kwargs=_application),
    Row("partner_application_decide", {**ADMIN, "editor": 400}, "post", kwargs=_application),
    _admin_list("matching_place"),
    _admin_list("matching_need"),
    _admin_list("matching_volunteerprofile"),
    _admin_list("matching_pledge"),
    _admin_list("matching_alertrun"),
    _admin_list("partners_partnerapplication"),
    _admin_list("partners_partnerinvitation"),
    _admin_list("partners_partnermember"),
    _admin_list("programme_cohort"),
    _admin_list("programme_coordinator"),
    _admin_list("programme_membership"),
    _admin_list("programme_impactreport"),
    _admin_list("programme_dailyemail"),
    _admin_list("actions_digestsubscription"),
    _admin_list("actions_digestdelivery"),
    _admin_list("sponsors_sponsortier"),
    # --- Pages served by Wagtail (wagtail_serve): a few representative ones --------------
    Row("page:home", PUBLIC, **PUBLIC_PAGE),
    Row("page:challenge", PUBLIC, **PUBLIC_PAGE),
    Row("page:sponsor", PUBLIC, **PUBLIC_PAGE),
    Row("page:programme", PUBLIC, **PUBLIC_PAGE),
]


def _discover() -> set[str]:
    """Every named route of the project (see module docstring for what is left out)."""
    names: set[str] = set()

    def walk(resolver, prefix, namespace):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                if _included(name):
                    names.add(name)

    walk(get_resolver(), "", None)
    return names


def _included(name: str) -> bool:
    if name.startswith("wagtailsnippets_"):
        app = name.removeprefix("wagtailsnippets_").split("_", 1)[0]
        return app in PROJECT_APPS and name.endswith(":list")
    # Wagtail's own views (admin internals, page serving) and Django's set_language are out.
    return not name.startswith(("wagtail", "set_language"))


def _url(row: Row, world: World) -> str:
    if row.name.startswith("page:"):
        return PAGES[row.name](world)
    return reverse(row.name, kwargs=row.kwargs(world))


def _home(world):
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="fr").url


def _challenge(world):
    return world.challenge.url


def _sponsor_page(world):
    return world.sponsor.url


def _programme(world):
    from programme.models import ProgrammePage

    return ProgrammePage.objects.get(locale__language_code="fr").url


PAGES = {
    "page:home": _home,
    "page:challenge": _challenge,
    "page:sponsor": _sponsor_page,
    "page:programme": _programme,
}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction rolled back at its end (each test runs
    in a savepoint of it, rolled back by pytest-django)."""
    with django_db_blocker.unblock():
        block = transaction.atomic()
        block.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            block.__exit__(None, None, None)


def _check(response, expected, row, role):
    status = response.status_code
    where = f"{row.id} as {role}: got {status}"
    if expected in (LOGIN, ADMIN_LOGIN):
        assert status == 302, where
        location = response["Location"]
        if expected == LOGIN:
            assert reverse("login") in location, f"{where} to {location}"
        else:
            assert "/admin/login/" in location, f"{where} to {location}"
    else:
        assert status == expected, where


CASES = [(row, role) for row in ROWS for role in ROLES]


@pytest.mark.parametrize(("row", "role"), CASES, ids=[f"{row.id}-{role}" for row, role in CASES])
def test_each_role_gets_the_expected_status_on_each_route(world, db, client, row, role):
    user = user_for(world, role)
    if user is not None:
        client.force_login(user)
    url = _url(row, world)
    if row.method in ("get", "post"):
        response = getattr(client, row.method)(url, row.data)
    else:
        response = getattr(client, row.method)(url, row.data, content_type="application/json")
    _check(response, row.expected[role], row, role)
    if role in row.hidden_from and response.status_code == 200:
        content = _content(response)
        for secret in row.secrets:
            assert secret not in content, f"{row.id} as {role} shows {secret!r}"


def _content(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_every_route_has_a_row(db):
    covered = {row.name for row in ROWS}
    missing = sorted(_discover() - covered)
    assert not missing, f"routes without a row in the permissions matrix: {missing}"


def test_every_row_names_a_route_that_exists(db):
    discovered = _discover()
    stale = sorted({row.name for row in ROWS if not row.name.startswith("page:")} - discovered)
    assert not stale, f"rows for routes that no longer exist: {stale}"
