"""Placement: cohorts of 15 with a trained coordinator, else a waiting list with positions."""

from django.core import mail
from django.core.exceptions import ValidationError

import pytest

from programme.models import (
    Cohort,
    CohortStatus,
    CoordinatorTraining,
    Membership,
    MembershipStatus,
)
from programme.services import placement
from tests.factories import ChallengePageFactory

pytestmark = pytest.mark.django_db


def _waiting(pool):
    return list(placement.waiting_list(pool))


def test_hundred_volunteers_with_three_coordinators_fill_three_cohorts_and_queue_55(
    challenge, week, make_coordinator, join, pool_of, django_capture_on_commit_callbacks
):
    coordinators = [make_coordinator(challenge) for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        memberships = [join(challenge, week) for _ in range(100)]

    cohorts = list(Cohort.objects.filter(start_date=week, area="69").order_by("pk"))
    assert len(cohorts) == 3
    assert {c.coordinator_id for c in cohorts} == {c.pk for c in coordinators}
    for cohort in cohorts:
        assert cohort.status == CohortStatus.FULL
        assert cohort.memberships.filter(status=MembershipStatus.PLACED).count() == 15
    waiting = _waiting(pool_of(memberships[0]))
    assert [m.waiting_position for m in waiting] == list(range(1, 56))
    assert [m.pk for m in waiting] == [m.pk for m in memberships[45:]]
    full_notices = [m for m in mail.outbox if "complète" in m.subject]
    assert sorted(m.to[0] for m in full_notices) == sorted(c.user.email for c in coordinators)

    fourth = make_coordinator(challenge)
    cohort = placement.open_cohorts_for_coordinator(fourth)

    assert cohort is not None and cohort.coordinator == fourth
    members = set(cohort.memberships.values_list("pk", flat=True))
    assert members == {m.pk for m in memberships[45:60]}
    waiting = _waiting(pool_of(memberships[0]))
    assert [m.waiting_position for m in waiting] == list(range(1, 41))
    assert waiting[0].pk == memberships[60].pk
    assert Cohort.objects.filter(start_date=week, area="69").count() == 4


def test_the_position_shown_is_the_one_stored_for_the_volunteer(
    challenge, week, make_coordinator, join
):
    make_coordinator(challenge)
    memberships = [join(challenge, week) for _ in range(17)]
    assert memberships[14].status == MembershipStatus.PLACED
    assert (memberships[15].status, memberships[15].waiting_position) == ("waiting", 1)
    assert (memberships[16].status, memberships[16].waiting_position) == ("waiting", 2)


def test_without_a_trained_coordinator_everyone_waits(challenge, week, make_coordinator, join):
    make_coordinator(challenge, trained=False)
    make_coordinator(challenge, area="13")
    membership = join(challenge, week)
    assert membership.status == MembershipStatus.WAITING
    assert membership.waiting_position == 1


def test_a_coordinator_leads_one_cohort_a_week_even_across_challenges(
    challenge, week, make_coordinator, join
):
    coordinator = make_coordinator(challenge)
    other = ChallengePageFactory()
    CoordinatorTraining.objects.create(coordinator=coordinator, challenge=other, completed_on=week)
    join(challenge, week)
    second = join(other, week)
    assert second.status == MembershipStatus.WAITING
    assert Cohort.objects.filter(coordinator=coordinator).count() == 1


def test_remote_cohorts_take_coordinators_of_any_area_but_departements_only_their_own(
    challenge, week, make_coordinator, join
):
    make_coordinator(challenge, area="13")
    assert join(challenge, week, area="69").status == MembershipStatus.WAITING
    remote = join(challenge, week, area="remote")
    assert remote.status == MembershipStatus.PLACED
    assert remote.cohort.coordinator.area == "13"


def test_language_pools_are_separate(challenge, week, make_coordinator, join):
    make_coordinator(challenge, language="en")
    assert join(challenge, week, language="fr").status == MembershipStatus.WAITING
    assert join(challenge, week, language="en").status == MembershipStatus.PLACED


def test_signing_up_from_the_english_page_joins_the_same_cohort(
    challenge, challenge_en, week, make_coordinator, join
):
    make_coordinator(challenge)
    first = join(challenge, week)
    second = join(challenge_en, week)
    assert second.cohort_id == first.cohort_id
    assert second.challenge_id == challenge.pk


def test_leaving_a_full_cohort_gives_the_place_to_the_first_waiting(
    challenge, week, make_coordinator, join, pool_of, django_capture_on_commit_callbacks
):
    make_coordinator(challenge)
    memberships = [join(challenge, week) for _ in range(18)]
    with django_capture_on_commit_callbacks(execute=True):
        placement.cancel_membership(memberships[3])

    promoted = Membership.objects.get(pk=memberships[15].pk)
    assert promoted.status == MembershipStatus.PLACED
    assert promoted.cohort_id == memberships[0].cohort_id
    assert [m.waiting_position for m in _waiting(pool_of(promoted))] == [1, 2]
    assert [m.to for m in mail.outbox if "place" in m.subject] == [[promoted.user.email]]
    assert Cohort.objects.get(pk=promoted.cohort_id).status == CohortStatus.FULL


def test_leaving_the_waiting_list_moves_the_others_up(
    challenge, week, make_coordinator, join, pool_of
):
    memberships = [join(challenge, week) for _ in range(4)]
    placement.cancel_membership(memberships[1])
    positions = [(m.pk, m.waiting_position) for m in _waiting(pool_of(memberships[0]))]
    assert positions == [(memberships[0].pk, 1), (memberships[2].pk, 2), (memberships[3].pk, 3)]


def test_a_cancelled_cohort_puts_its_members_back_at_the_front_of_the_queue(
    challenge, week, make_coordinator, join, pool_of
):
    make_coordinator(challenge)
    memberships = [join(challenge, week) for _ in range(17)]
    cohort = memberships[0].cohort
    cohort.status = CohortStatus.CANCELLED
    cohort.save()
    placement.after_cohort_saved(cohort)
    waiting = _waiting(pool_of(memberships[0]))
    assert [m.pk for m in waiting] == [m.pk for m in memberships]
    assert [m.waiting_position for m in waiting] == list(range(1, 18))


def test_a_cohort_created_by_an_editor_takes_the_waiting_list(
    challenge, week, make_coordinator, join
):
    memberships = [join(challenge, week) for _ in range(3)]
    coordinator = make_coordinator(challenge)
    cohort = Cohort.objects.filter(coordinator=coordinator).first()
    assert cohort is None  # coordinators created outside the services open nothing by themselves
    cohort = Cohort.objects.create(
        challenge=challenge, language="fr", area="69", start_date=week, coordinator=coordinator
    )
    assert placement.after_cohort_saved(cohort) == 3
    assert set(cohort.memberships.values_list("pk", flat=True)) == {m.pk for m in memberships}


def test_one_enrolment_per_week(challenge, week, make_coordinator, join):
    first = join(challenge, week)
    with pytest.raises(ValidationError):
        join(challenge, week, user=first.user)
