"""The coordinator space: own cohorts only (another coordinator gets 404)."""

import csv
import io

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from programme.models import CohortCall, DailyEmail
from programme.services import impact
from tests.programme.conftest import new_user
from tests.programme.factories import CohortFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def running_cohort(challenge, make_coordinator):
    """A cohort that started this Monday, with 3 members; day 0 sent, opened by one."""
    cohort = CohortFactory(
        challenge=challenge, coordinator=make_coordinator(challenge), status="running"
    )
    now = timezone.now()
    for name in ("Ada", "=cmd|' /C calc'!A0", "Zoé"):
        membership = MembershipFactory(cohort=cohort, user=new_user(name))
        DailyEmail.objects.create(
            membership=membership,
            day=0,
            claimed_at=now,
            sent_at=now,
            opened_at=now if name == "Ada" else None,
        )
    ada = cohort.memberships.get(user__first_name="Ada").user
    impact.record_report(user=ada, challenge=challenge, unit="producteurs-soutenus", quantity=4)
    return cohort


def url(cohort, suffix=""):
    return f"/fr/programme/coordination/{cohort.pk}/{suffix}"


def test_the_coordinator_sees_members_opens_and_reports(client, running_cohort):
    client.force_login(running_cohort.coordinator.user)
    response = client.get(url(running_cohort))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ada" in html and "Zoé" in html
    assert "1 / 3" in html  # day 0: opened / sent
    rows = {row.membership.user.first_name: row for row in response.context["rows"]}
    assert rows["Ada"].opened[0] is True and rows["Zoé"].opened[0] is False
    assert rows["Ada"].opened[1] is None
    assert rows["Ada"].reports == 1 and rows["Zoé"].reports == 0
    listing = client.get("/fr/programme/coordination/").content.decode()
    assert url(running_cohort) in listing


def test_another_coordinator_gets_404_everywhere(client, running_cohort, make_coordinator):
    other = make_coordinator(running_cohort.challenge)
    client.force_login(other.user)
    assert client.get(url(running_cohort)).status_code == 404
    assert client.get(url(running_cohort, "export.csv")).status_code == 404
    assert (
        client.post(url(running_cohort, "message/"), {"subject": "x", "body": "y"}).status_code
        == 404
    )
    assert client.post(url(running_cohort, "appel/0/")).status_code == 404
    assert client.post(url(running_cohort, "liens/"), {}).status_code == 404
    assert not mail.outbox


def test_volunteers_are_not_coordinators_and_visitors_must_sign_in(client, running_cohort):
    member = running_cohort.memberships.first().user
    client.force_login(member)
    assert client.get("/fr/programme/coordination/").status_code == 403
    assert client.get(url(running_cohort)).status_code == 403
    client.logout()
    response = client.get(url(running_cohort))
    assert response.status_code == 302 and response["Location"].startswith("/fr/connexion/")


def test_the_page_costs_the_same_queries_for_3_or_15_members(client, running_cohort):
    client.force_login(running_cohort.coordinator.user)

    def count():
        with CaptureQueriesContext(connection) as captured:
            client.get(url(running_cohort))
        return len(captured)

    count()
    three = count()
    for n in range(12):
        MembershipFactory(cohort=running_cohort, user=new_user(f"M{n}"))
    assert count() == three


def test_a_message_reaches_every_member_and_replies_go_to_the_coordinator(
    client, running_cohort, django_capture_on_commit_callbacks
):
    coordinator = running_cohort.coordinator.user
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(running_cohort, "message/"),
            {"subject": "Appel de ce soir", "body": "On se retrouve à 19 h."},
        )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        running_cohort.memberships.values_list("user__email", flat=True)
    )
    assert all(m.reply_to == [coordinator.email] for m in mail.outbox)
    assert "On se retrouve à 19 h." in mail.outbox[0].body
    assert client.post(url(running_cohort, "message/"), {"subject": ""}).status_code == 400


def test_the_call_of_a_day_reached_can_be_marked_done_once(client, running_cohort):
    client.force_login(running_cohort.coordinator.user)
    assert client.post(url(running_cohort, "appel/0/")).status_code == 302
    assert client.post(url(running_cohort, "appel/0/")).status_code == 302
    assert CohortCall.objects.filter(cohort=running_cohort).count() == 1
    future = (timezone.localdate() - running_cohort.start_date).days + 1
    if future < 7:
        assert client.post(url(running_cohort, f"appel/{future}/")).status_code == 404
    assert client.post(url(running_cohort, "appel/9/")).status_code == 404


def test_the_export_is_a_spreadsheet_safe_csv_of_the_cohort(client, running_cohort):
    client.force_login(running_cohort.coordinator.user)
    response = client.get(url(running_cohort, "export.csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert len(rows) == 4
    assert rows[0][-1] == "producteurs-soutenus"
    names = {row[0] for row in rows[1:]}
    assert "'=cmd|' /C calc'!A0" in names
    ada = next(row for row in rows if row[0] == "Ada")
    assert ada[3] == "0" and ada[4] == "1" and ada[5] == "4"


def test_links_are_saved_and_bad_urls_refused(client, running_cohort):
    client.force_login(running_cohort.coordinator.user)
    response = client.post(
        url(running_cohort, "liens/"),
        {"links-call_url": "https://visio.example.org/abc", "links-chat_url": ""},
    )
    assert response.status_code == 302
    running_cohort.refresh_from_db()
    assert running_cohort.call_url == "https://visio.example.org/abc"
    bad = client.post(url(running_cohort, "liens/"), {"links-call_url": "not a url"})
    assert bad.status_code == 400


def test_the_member_sees_the_cohort_links_in_their_space(client, running_cohort):
    running_cohort.chat_url = "https://chat.example.org/xyz"
    running_cohort.save()
    client.force_login(running_cohort.memberships.first().user)
    html = client.get("/fr/mon-espace/").content.decode()
    assert "https://chat.example.org/xyz" in html
