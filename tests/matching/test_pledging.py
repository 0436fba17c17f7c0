"""Pledges keep every need's counters exact: never more promised than wanted, a need closes
itself when all is done, a cancelled pledge frees its quantity."""

import datetime

from django.utils import timezone

import pytest

from matching import services
from matching.models import Need, NeedStatus, PledgeStatus
from matching.services import PledgeError
from matching.tasks import expire_stale_needs
from tests.matching.factories import NeedFactory, VolunteerProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def volunteer():
    return VolunteerProfileFactory()


def test_a_pledge_reserves_its_quantity(volunteer):
    need = NeedFactory(quantity_wanted=10)
    pledge = services.pledge(volunteer=volunteer, need_id=need.pk, quantity=4)
    need.refresh_from_db()
    assert pledge.status == PledgeStatus.PLEDGED
    assert (need.quantity_pledged, need.quantity_remaining) == (4, 6)


def test_a_need_ending_later_takes_pledges_and_records_when_it_changed(volunteer):
    need = NeedFactory(quantity_wanted=5, ends_at=timezone.now() + datetime.timedelta(minutes=1))
    Need.objects.filter(pk=need.pk).update(updated_at=timezone.now() - datetime.timedelta(days=1))
    before = timezone.now()
    services.pledge(volunteer=volunteer, need_id=need.pk, quantity=5)
    need.refresh_from_db()
    assert need.quantity_pledged == 5
    assert before <= need.updated_at <= timezone.now()


def test_pledging_more_than_remains_is_refused_with_the_remaining_quantity(volunteer):
    need = NeedFactory(quantity_wanted=10, unit="repas")
    services.pledge(volunteer=volunteer, need_id=need.pk, quantity=8)
    with pytest.raises(PledgeError, match="Il ne reste que 2 repas à promettre."):
        services.pledge(volunteer=volunteer, need_id=need.pk, quantity=3)
    need.refresh_from_db()
    assert need.quantity_pledged == 8


def test_a_fully_pledged_need_refuses_further_pledges(volunteer):
    need = NeedFactory(quantity_wanted=2)
    services.pledge(volunteer=volunteer, need_id=need.pk, quantity=2)
    with pytest.raises(PledgeError, match="déjà entièrement couvert"):
        services.pledge(volunteer=volunteer, need_id=need.pk, quantity=1)


@pytest.mark.parametrize("status", [NeedStatus.DRAFT, NeedStatus.CLOSED, NeedStatus.EXPIRED])
def test_a_need_that_is_not_open_refuses_pledges(volunteer, status):
    need = NeedFactory(status=status)
    with pytest.raises(PledgeError, match="plus ouvert"):
        services.pledge(volunteer=volunteer, need_id=need.pk, quantity=1)


def test_a_need_past_its_end_date_refuses_pledges_before_the_beat_task_runs(volunteer):
    need = NeedFactory(ends_at=timezone.now() - datetime.timedelta(minutes=1))
    with pytest.raises(PledgeError, match="plus ouvert"):
        services.pledge(volunteer=volunteer, need_id=need.pk, quantity=1)


def test_a_quantity_below_one_is_refused(volunteer):
    need = NeedFactory()
    with pytest.raises(PledgeError, match="au moins 1"):
        services.pledge(volunteer=volunteer, need_id=need.pk, quantity=0)


def test_the_need_closes_itself_when_every_pledge_is_done(volunteer):
    need = NeedFactory(quantity_wanted=5)
    first = services.pledge(volunteer=volunteer, need_id=need.pk, quantity=3)
    second = services.pledge(volunteer=VolunteerProfileFactory(), need_id=need.pk, quantity=2)
    services.complete_pledge(pledge_id=first.pk)
    need.refresh_from_db()
    assert (need.status, need.quantity_fulfilled) == (NeedStatus.OPEN, 3)
    done = services.complete_pledge(pledge_id=second.pk)
    need.refresh_from_db()
    assert done.status == PledgeStatus.DONE and done.done_at is not None
    assert (need.status, need.quantity_fulfilled) == (NeedStatus.FULFILLED, 5)


def test_cancelling_a_pledge_frees_its_quantity(volunteer):
    need = NeedFactory(quantity_wanted=5)
    pledge = services.pledge(volunteer=volunteer, need_id=need.pk, quantity=5)
    services.cancel_pledge(pledge_id=pledge.pk)
    need.refresh_from_db()
    assert need.quantity_remaining == 5
    with pytest.raises(PledgeError):
        services.complete_pledge(pledge_id=pledge.pk)


def test_a_done_pledge_can_no_longer_be_cancelled(volunteer):
    need = NeedFactory(quantity_wanted=5)
    pledge = services.pledge(volunteer=volunteer, need_id=need.pk, quantity=1)
    services.complete_pledge(pledge_id=pledge.pk)
    with pytest.raises(PledgeError):
        services.cancel_pledge(pledge_id=pledge.pk)


def test_deleting_a_volunteer_recounts_the_needs_they_pledged_to(volunteer):
    need = NeedFactory(quantity_wanted=5)
    services.pledge(volunteer=volunteer, need_id=need.pk, quantity=3)
    services.pledge(volunteer=VolunteerProfileFactory(), need_id=need.pk, quantity=1)
    volunteer.user.delete()
    need.refresh_from_db()
    assert need.quantity_pledged == 1


def test_a_deleted_volunteers_done_pledges_stay_anonymous_in_the_counts(volunteer):
    need = NeedFactory(quantity_wanted=5)
    done = services.pledge(volunteer=volunteer, need_id=need.pk, quantity=2)
    services.complete_pledge(pledge_id=done.pk)
    volunteer.user.delete()
    need.refresh_from_db()
    done.refresh_from_db()
    assert (need.quantity_pledged, need.quantity_fulfilled) == (2, 2)
    assert done.volunteer_id is None and done.status == "done"


def test_lowering_the_wanted_quantity_below_what_is_pledged_is_a_form_error(volunteer):
    need = NeedFactory(quantity_wanted=5)
    services.pledge(volunteer=volunteer, need_id=need.pk, quantity=4)
    need.refresh_from_db()
    need.quantity_wanted = 3
    with pytest.raises(Exception, match="déjà promise"):
        need.full_clean()


def test_expiry_marks_open_needs_past_their_end_date(volunteer):
    past = NeedFactory(ends_at=timezone.now() - datetime.timedelta(days=1))
    future = NeedFactory(ends_at=timezone.now() + datetime.timedelta(days=1))
    forever = NeedFactory(ends_at=None)
    assert expire_stale_needs.delay().get() == 1
    statuses = dict(
        Need.objects.filter(pk__in=[past.pk, future.pk, forever.pk]).values_list("pk", "status")
    )
    assert statuses == {past.pk: "expired", future.pk: "open", forever.pk: "open"}
