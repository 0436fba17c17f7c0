"""Editors: the programme's snippets (filters, search) and the growth view."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

import pytest

from programme.models import Cohort, Coordinator, Membership
from programme.services import growth, impact, impact_totals_for_challenge
from tests.programme.conftest import new_user

pytestmark = pytest.mark.django_db

WEEK = datetime.date(2030, 1, 7)


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser(
        username="editor@example.org", email="editor@example.org", password="x"
    )
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    "path",
    [
        "/admin/snippets/programme/cohort/?status=forming&language=fr",
        "/admin/snippets/programme/coordinator/?q=coordination",
        "/admin/snippets/programme/membership/?status=waiting",
        "/admin/snippets/programme/impactreport/?status=counted&q=kits",
        "/admin/snippets/programme/dailyemail/",
    ],
)
def test_editors_list_filter_and_search_the_programme(client, editor, path):
    response = client.get(path)
    assert response.status_code == 200


def test_enrolments_and_reports_are_not_added_by_hand(client, editor):
    assert client.get("/admin/snippets/programme/membership/add/").status_code == 302
    assert client.get("/admin/snippets/programme/impactreport/add/").status_code == 302


def test_the_growth_view_draws_an_svg_chart_with_a_table(client, editor):
    response = client.get("/admin/programme/croissance/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<svg role="img"') == 2
    assert "<table" in html
    assert '<script src="http' not in html


def test_the_growth_view_is_for_editors_who_may_see_cohorts(client):
    user = new_user(is_staff=False)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    refused = client.get("/admin/programme/croissance/")  # Wagtail: back to the dashboard
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    user.user_permissions.add(Permission.objects.get(codename="view_cohort"))
    user = get_user_model().objects.get(pk=user.pk)
    client.force_login(user)
    assert client.get("/admin/programme/croissance/").status_code == 200


def test_coordinators_needed_next_week_to_keep_doubling(challenge, make_coordinator):
    this_week = [make_coordinator(challenge) for _ in range(2)]
    for coordinator in this_week:
        cohort = Cohort.objects.create(
            challenge=challenge, language="fr", area="69", start_date=WEEK, coordinator=coordinator
        )
        for n in range(15):
            Membership.objects.create(
                user=new_user(f"V{n}"),
                challenge=challenge,
                language="fr",
                area="69",
                start_date=WEEK,
                cohort=cohort,
                status="placed",
            )
    booked = make_coordinator(challenge)
    Cohort.objects.create(
        challenge=challenge,
        language="fr",
        area="69",
        start_date=WEEK + datetime.timedelta(weeks=1),
        coordinator=booked,
    )
    need = growth.next_week_need(today=WEEK + datetime.timedelta(days=2))
    trained = Coordinator.objects.filter(trainings__completed_on__isnull=False).distinct().count()
    assert need.volunteers_target == 60
    assert need.coordinators_needed == 4
    assert need.booked == 1
    assert need.trained_free == trained - 1
    assert need.to_recruit == max(0, 4 - 1 - need.trained_free)

    weeks = growth.weeks(today=WEEK, past=1, ahead=1)
    assert [(w.start, w.cohorts, w.volunteers) for w in weeks] == [
        (WEEK - datetime.timedelta(weeks=1), 0, 0),
        (WEEK, 2, 30),
        (WEEK + datetime.timedelta(weeks=1), 1, 0),
    ]


def test_a_cohort_added_in_the_admin_takes_the_head_of_the_waiting_list(
    client, editor, challenge, week, join, make_coordinator
):
    waiting = [join(challenge, week) for _ in range(3)]
    coordinator = make_coordinator(challenge, area="13")  # cannot lead a 69 cohort by itself
    response = client.post(
        "/admin/snippets/programme/cohort/add/",
        {
            "challenge": challenge.pk,
            "language": "fr",
            "area": "69",
            "start_date": week.isoformat(),
            "capacity": 2,
            "coordinator": coordinator.pk,
            "call_url": "",
            "chat_url": "",
            "send_hour": 8,
            "status": "forming",
            "sponsor_key": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    cohort = Cohort.objects.get(coordinator=coordinator)
    assert set(cohort.memberships.values_list("pk", flat=True)) == {m.pk for m in waiting[:2]}
    assert cohort.status == "full"
    last = Membership.objects.get(pk=waiting[2].pk)
    assert (last.status, last.waiting_position) == ("waiting", 1)


def test_cancelling_an_enrolment_in_the_admin_frees_the_place(
    client, editor, challenge, week, join, make_coordinator
):
    make_coordinator(challenge)
    memberships = [join(challenge, week) for _ in range(16)]
    edit = f"/admin/snippets/programme/membership/edit/{memberships[0].pk}/"
    assert client.post(edit, {"status": "placed"}).status_code == 302  # unchanged: fine
    refused = client.post(edit, {"status": "waiting"})
    assert refused.status_code == 200  # form error shown, nothing changed
    assert Membership.objects.get(pk=memberships[0].pk).status == "placed"
    assert client.post(edit, {"status": "cancelled"}).status_code == 302
    assert Membership.objects.get(pk=memberships[15].pk).status == "placed"


def test_recording_a_training_in_the_admin_opens_a_cohort_for_the_waiting_list(
    client, editor, challenge, week, join
):
    waiting = [join(challenge, week) for _ in range(3)]
    user = new_user("Nouvelle")
    response = client.post(
        "/admin/snippets/programme/coordinator/add/",
        {
            "user": user.pk,
            "language": "fr",
            "area": "69",
            "trainings-TOTAL_FORMS": 1,
            "trainings-INITIAL_FORMS": 0,
            "trainings-MIN_NUM_FORMS": 0,
            "trainings-MAX_NUM_FORMS": 1000,
            "trainings-0-challenge": challenge.pk,
            "trainings-0-completed_on": "2026-01-05",
            "trainings-0-id": "",
            "trainings-0-ORDER": 1,
            "trainings-0-DELETE": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    cohort = Cohort.objects.get(coordinator__user=user)
    assert set(cohort.memberships.values_list("pk", flat=True)) == {m.pk for m in waiting}


def test_an_english_challenge_picked_by_an_editor_is_stored_as_the_french_page(
    challenge, challenge_en, week, make_coordinator, join
):
    coordinator = make_coordinator(challenge_en)
    assert coordinator.trainings.get().challenge_id == challenge.pk
    assert join(challenge_en, week).status == "placed"


def test_rejecting_a_report_in_the_admin_takes_it_out_of_the_totals(
    client, editor, challenge, week, join
):
    user = join(challenge, week).user
    report = impact.record_report(
        user=user, challenge=challenge, unit="producteurs-soutenus", quantity=6
    )
    before = impact_totals_for_challenge(challenge.translation_key)["producteurs-soutenus"]
    response = client.post(
        f"/admin/snippets/programme/impactreport/edit/{report.pk}/", {"status": "rejected"}
    )
    assert response.status_code == 302
    after = impact_totals_for_challenge(challenge.translation_key)["producteurs-soutenus"]
    assert after == before - 6
