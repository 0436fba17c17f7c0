"""Moderation: a moderated partner's first needs wait for an editor; needs in review never
reach the public (page, nearest-needs search, API); editors work through a queue of needs in
review and of flagged needs in the Wagtail admin; nobody else may."""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation

import pytest

from challenges.models import PartnerIndexPage
from matching import geo, services
from matching.models import NeedReport, NeedReportStatus, NeedStatus
from matching.services import moderation
from tests.factories import PartnerPageFactory, UserFactory
from tests.matching.factories import NeedFactory, PlaceFactory, bulk_needs

pytestmark = pytest.mark.django_db

QUEUE = "/admin/moderation/"
ORIGIN = geo.Point(45.05, 1.05)  # away from the demo places


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(username="moderatrice", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def moderated_partner(fr):
    index = PartnerIndexPage.objects.get(locale=fr)
    return PartnerPageFactory(parent=index, title="Ferme Nouvelle", review_first_needs=2)


def public_url(need):
    with translation.override("fr"):
        return reverse("matching:need_detail", kwargs={"pk": need.pk})


def review_url(need):
    return reverse("matching_moderation_review", kwargs={"pk": need.pk})


def reports_url(need):
    return reverse("matching_moderation_reports", kwargs={"pk": need.pk})


def test_a_moderated_partners_first_needs_wait_for_review_then_open_directly(moderated_partner):
    place = PlaceFactory(partner=moderated_partner)
    first, second, third = (NeedFactory(place=place, status=NeedStatus.DRAFT) for _ in range(3))
    assert services.publish(first).status == NeedStatus.REVIEW
    assert services.publish(second).status == NeedStatus.REVIEW
    assert first.published_at is None and second.published_at is None
    moderation.approve_review(need_id=first.pk)
    moderation.approve_review(need_id=second.pk)
    published = services.publish(third)
    assert published.status == NeedStatus.OPEN and published.published_at is not None


def test_only_the_first_needs_wait_even_before_editors_approve_them(moderated_partner):
    place = PlaceFactory(partner=moderated_partner)
    first, second, third = (NeedFactory(place=place, status=NeedStatus.DRAFT) for _ in range(3))
    assert [services.publish(need).status for need in (first, second, third)] == [
        NeedStatus.REVIEW,
        NeedStatus.REVIEW,
        NeedStatus.OPEN,
    ]
    assert services.publish(first).status == NeedStatus.REVIEW  # published again: still waits


def test_a_partner_without_review_publishes_directly(moderated_partner):
    moderated_partner.review_first_needs = 0
    moderated_partner.save()
    need = services.publish(NeedFactory(place=PlaceFactory(partner=moderated_partner)))
    assert need.status == NeedStatus.OPEN


@pytest.mark.parametrize("status", [NeedStatus.DRAFT, NeedStatus.REVIEW])
def test_unpublished_needs_are_not_public_anywhere(client, status):
    [need] = bulk_needs([(ORIGIN.latitude, ORIGIN.longitude)], status=status)
    assert client.get(public_url(need)).status_code == 404
    assert services.nearest_open_needs(ORIGIN, 5) == []
    api = client.get("/api/v1/needs/", {"lat": ORIGIN.latitude, "lon": ORIGIN.longitude})
    assert api.status_code == 200 and api.json()["count"] == 0


def test_a_paused_need_is_shown_but_not_offered_in_searches(client):
    [paused] = bulk_needs([(ORIGIN.latitude, ORIGIN.longitude)], status=NeedStatus.PAUSED)
    assert client.get(public_url(paused)).status_code == 200
    assert services.nearest_open_needs(ORIGIN, 5) == []
    api = client.get("/api/v1/needs/", {"lat": ORIGIN.latitude, "lon": ORIGIN.longitude})
    assert api.json()["count"] == 0


def test_the_queue_lists_needs_in_review_and_flagged_needs_with_their_count(editor):
    waiting = NeedFactory(title="Masques pour l'EHPAD", status=NeedStatus.REVIEW)
    flagged = NeedFactory(title="Besoin douteux")
    for reason in ("wrong", "abusive"):
        NeedReport.objects.create(need=flagged, reporter=UserFactory(), reason=reason)
    handled = NeedFactory(title="Besoin déjà vu")
    NeedReport.objects.create(need=handled, reason="wrong", status=NeedReportStatus.DISMISSED)
    response = editor.get(QUEUE)
    assert response.status_code == 200
    assert waiting in response.context["review_needs"]
    [row] = [need for need in response.context["flagged_needs"] if need.pk == flagged.pk]
    assert row.open_report_count == 2 and len(row.open_reports) == 2
    assert handled.pk not in [need.pk for need in response.context["flagged_needs"]]
    html = response.content.decode()
    assert "Masques pour l&#x27;EHPAD" in html and "Besoin douteux" in html
    assert "2 signalements" in html


def test_approving_opens_the_need_to_volunteers(editor, client):
    need = NeedFactory(status=NeedStatus.REVIEW)
    response = editor.post(review_url(need), {"action": "approve"})
    assert response.status_code == 302 and response["Location"] == QUEUE
    need.refresh_from_db()
    assert need.status == NeedStatus.OPEN and need.published_at is not None
    assert client.get(public_url(need)).status_code == 200


@pytest.mark.parametrize(("action", "status"), [("draft", "draft"), ("close", "closed")])
def test_a_need_in_review_can_be_sent_back_or_closed(editor, action, status):
    need = NeedFactory(status=NeedStatus.REVIEW)
    editor.post(review_url(need), {"action": action})
    need.refresh_from_db()
    assert need.status == status and need.published_at is None


def test_approving_a_need_no_longer_in_review_changes_nothing(editor):
    need = NeedFactory(status=NeedStatus.DRAFT)
    response = editor.post(review_url(need), {"action": "approve"}, follow=True)
    assert response.status_code == 200
    need.refresh_from_db()
    assert need.status == NeedStatus.DRAFT


def test_dismissing_closes_the_reports_and_leaves_the_need_open(editor):
    need = NeedFactory()
    report = NeedReport.objects.create(need=need, reporter=UserFactory(), reason="wrong")
    editor.post(reports_url(need), {"action": "dismiss"})
    report.refresh_from_db()
    need.refresh_from_db()
    assert report.status == NeedReportStatus.DISMISSED
    assert report.handled_by.username == "moderatrice" and report.handled_at is not None
    assert need.status == NeedStatus.OPEN


@pytest.mark.parametrize(("action", "status"), [("pause", "paused"), ("close", "closed")])
def test_acting_on_reports_pauses_or_closes_the_need(editor, action, status):
    need = NeedFactory()
    reports = [
        NeedReport.objects.create(need=need, reporter=UserFactory(), reason="abusive")
        for _ in range(2)
    ]
    editor.post(reports_url(need), {"action": action})
    need.refresh_from_db()
    assert need.status == status
    for report in reports:
        report.refresh_from_db()
        assert report.status == NeedReportStatus.ACTIONED and report.handled_at is not None
    assert need.pk not in [row.pk for row in moderation.flagged_needs()]


def test_a_signed_in_visitor_without_admin_access_is_sent_to_the_admin_login(client):
    client.force_login(UserFactory())
    assert client.get(QUEUE).status_code == 302


def test_an_admin_user_who_may_not_change_needs_is_turned_away(client):
    need = NeedFactory(status=NeedStatus.REVIEW)
    flagged = NeedFactory()
    NeedReport.objects.create(need=flagged, reason="wrong")
    group = Group.objects.create(name="Lecteurs")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(username="lecteur")
    user.groups.add(group)
    client.force_login(user)
    # Wagtail answers the views' PermissionDenied with a redirect to the admin's home.
    for response in (
        client.get(QUEUE),
        client.post(review_url(need), {"action": "approve"}),
        client.post(reports_url(flagged), {"action": "close"}),
    ):
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or response["Location"] == "/admin/"
    need.refresh_from_db()
    flagged.refresh_from_db()
    assert need.status == NeedStatus.REVIEW and flagged.status == NeedStatus.OPEN
    assert "Modération" not in client.get("/admin/").content.decode()


def test_the_menu_shows_the_queue_to_editors(editor):
    assert QUEUE in editor.get("/admin/").content.decode()
