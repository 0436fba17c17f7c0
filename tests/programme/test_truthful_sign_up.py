"""The sign-up tells the truth: the cohorts of an area and a challenge (local and remote) are
listed before submitting; someone whose département has no place goes to a remote cohort with
room and is told so; only when no matching cohort has a place are they wait-listed, and told
that too."""

import pytest

from programme.models import Cohort, CohortStatus, MembershipStatus
from programme.services import offer, signup
from tests.programme.conftest import path_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def remote_cohort(challenge, week, make_coordinator):
    coordinator = make_coordinator(challenge, area="remote")
    return Cohort.objects.create(
        challenge=challenge,
        language="fr",
        area="remote",
        start_date=week,
        coordinator=coordinator,
        capacity=2,
    )


def test_the_cohorts_of_the_area_and_the_remote_ones_are_listed_before_submitting(
    client, challenge, week, remote_cohort, make_coordinator
):
    local = Cohort.objects.create(
        challenge=challenge,
        language="fr",
        area="69",
        start_date=week,
        coordinator=make_coordinator(challenge, area="69"),
        capacity=15,
    )
    elsewhere = make_coordinator(challenge, area="13")
    Cohort.objects.create(
        challenge=challenge, language="fr", area="13", start_date=week, coordinator=elsewhere
    )
    offers = offer.upcoming_cohorts(challenge, "69", today=week.replace(day=1))
    assert [(o.remote, o.places_left) for o in offers] == [(False, 15), (True, 2)]

    response = client.get("/fr/programme/inscription/", {"challenge": challenge.pk, "area": "69"})
    assert response.status_code == 200
    html = response.content.decode()
    section = html[html.index('class="cohort-offer"') : html.index("</section>")]
    assert section.count("<li>") == 2
    assert "à distance (tout se fait en ligne)" in section and "Rhône" in section
    assert "15 places libres" in section and "2 places libres" in section
    assert "Bouches-du-Rhône" not in section
    assert local.start_date.strftime("%Y") in section


def test_no_cohort_at_all_is_said_plainly(client, challenge):
    response = client.get("/fr/programme/inscription/", {"challenge": challenge.pk, "area": "69"})
    assert "Aucune promotion n'est encore ouverte pour ce défi" in response.content.decode()


def test_the_english_list_is_in_english(client, challenge_en, remote_cohort):
    html = client.get(
        path_in("en", "sign_up"), {"challenge": challenge_en.pk, "area": "69"}
    ).content.decode()
    assert "remote (everything happens online)" in html
    assert "2 places left" in html


def test_a_volunteer_of_an_area_with_only_a_remote_cohort_is_placed_in_it_and_told(
    challenge, week, remote_cohort, join
):
    membership = join(challenge, week, area="69")
    assert membership.status == MembershipStatus.PLACED
    assert membership.cohort == remote_cohort
    assert membership.area == "remote"
    assert "à distance" in signup.placement_message(membership)


def test_wait_listed_only_when_local_and_remote_are_full_and_told_so(
    challenge, week, remote_cohort, join
):
    first, second = join(challenge, week, area="69"), join(challenge, week, area="75")
    assert first.cohort == second.cohort == remote_cohort
    remote_cohort.refresh_from_db()
    assert remote_cohort.status == CohortStatus.FULL
    third = join(challenge, week, area="69")
    assert (third.status, third.area, third.waiting_position) == ("waiting", "69", 1)
    message = signup.placement_message(third)
    assert "ni dans votre département ni à distance" in message and "position 1" in message


def test_a_local_cohort_with_room_comes_before_the_remote_one(
    challenge, week, remote_cohort, make_coordinator, join
):
    make_coordinator(challenge, area="69")
    membership = join(challenge, week, area="69")
    assert (membership.status, membership.area) == ("placed", "69")
    assert membership.cohort != remote_cohort
    assert "à distance" not in signup.placement_message(membership)
