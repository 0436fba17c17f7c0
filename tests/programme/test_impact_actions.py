"""A counted impact report linked to a directory action is one more completion of that action,
exactly once: retried approvals, double saves and rejections keep the count honest."""

import pytest

from actions.models import ActionPage
from matching import services as matching
from matching.admin_forms import PledgeAdminForm
from matching.models import Pledge, PledgeStatus
from programme.models import ImpactReport, ReportStatus
from programme.services import impact
from tests.actions.factories import ActionPageFactory
from tests.factories import (
    ChallengePageFactory,
    PartnerPageFactory,
    parent_for,
    publish_translation,
)
from tests.matching.factories import VolunteerProfileFactory
from tests.partners.pledge_factories import make_pledge, partner_need

pytestmark = pytest.mark.django_db


@pytest.fixture
def homeless():
    return ChallengePageFactory(units={"kits-hygiene": "kits d'hygiène"})


@pytest.fixture
def kits_action(homeless):
    """An action of the directory, done 12 times already, in French and English."""
    action = ActionPageFactory(parent=parent_for(ActionPage), challenge=homeless, times_done=12)
    publish_translation(action)
    return action


@pytest.fixture
def partner():
    return PartnerPageFactory()


@pytest.fixture
def volunteer(challenge, week, join):
    return join(challenge, week).user


def times_done(action) -> int:
    return ActionPage.objects.get(pk=action.pk).times_done


def english_times_done(action) -> int:
    return ActionPage.objects.get(
        translation_key=action.translation_key, locale__language_code="en"
    ).times_done


def report(volunteer, homeless, action, **fields):
    return impact.record_report(
        user=volunteer,
        challenge=homeless,
        unit="kits-hygiene",
        quantity=fields.pop("quantity", 5),
        action_page=action,
        **fields,
    )


def test_a_counted_report_adds_one_completion_in_every_language(volunteer, homeless, kits_action):
    before, before_en = times_done(kits_action), english_times_done(kits_action)

    saved = report(volunteer, homeless, kits_action, quantity=40)

    assert times_done(kits_action) == before + 1
    assert english_times_done(kits_action) == before_en + 1
    assert ImpactReport.objects.get(pk=saved.pk).action_counted_at is not None


def test_a_report_without_action_moves_no_action(volunteer, homeless, kits_action):
    before = times_done(kits_action)
    impact.record_report(user=volunteer, challenge=homeless, unit="kits-hygiene", quantity=3)
    assert times_done(kits_action) == before


def test_retried_approval_and_double_save_count_once(volunteer, homeless, kits_action):
    before = times_done(kits_action)
    saved = report(volunteer, homeless, kits_action)

    impact.set_report_status(saved, ReportStatus.COUNTED)  # approval retried
    impact.set_report_status(saved, ReportStatus.COUNTED)
    saved.save()  # the report saved again (e.g. an admin edit)
    stale = ImpactReport.objects.get(pk=saved.pk)
    stale.action_counted_at = None  # a copy loaded before the marker was set
    impact._count_in_action(stale, 1)

    assert times_done(kits_action) == before + 1


def test_rejecting_takes_the_completion_back_and_counting_again_restores_it(
    volunteer, homeless, kits_action
):
    before = times_done(kits_action)
    saved = report(volunteer, homeless, kits_action)

    impact.set_report_status(saved, ReportStatus.REJECTED)
    impact.set_report_status(saved, ReportStatus.REJECTED)
    assert times_done(kits_action) == before
    assert ImpactReport.objects.get(pk=saved.pk).action_counted_at is None

    impact.set_report_status(saved, ReportStatus.COUNTED)
    assert times_done(kits_action) == before + 1


def test_deleting_a_counted_report_takes_its_completion_back(volunteer, homeless, kits_action):
    before = times_done(kits_action)
    saved = report(volunteer, homeless, kits_action)
    saved.delete()
    assert times_done(kits_action) == before


def test_the_done_count_never_goes_below_zero(volunteer, homeless, kits_action):
    ActionPage.objects.filter(translation_key=kits_action.translation_key).update(times_done=0)
    saved = report(volunteer, homeless, kits_action)
    ActionPage.objects.filter(translation_key=kits_action.translation_key).update(times_done=0)
    impact.set_report_status(saved, ReportStatus.REJECTED)
    assert times_done(kits_action) == 0


def test_a_report_of_a_pledge_already_done_for_the_action_does_not_count_twice(
    volunteer, homeless, kits_action, partner
):
    need = partner_need(partner, challenge=homeless, action=kits_action)
    pledge = make_pledge(need, profile=VolunteerProfileFactory(user=volunteer))
    matching.complete_pledge(pledge_id=pledge.pk)
    after_pledge = times_done(kits_action)

    report(volunteer, homeless, kits_action, pledge=Pledge.objects.get(pk=pledge.pk))

    assert times_done(kits_action) == after_pledge  # one act, counted by the partner only


def test_a_pledge_done_after_its_report_does_not_count_twice(
    volunteer, homeless, kits_action, partner
):
    need = partner_need(partner, challenge=homeless, action=kits_action)
    pledge = make_pledge(need, profile=VolunteerProfileFactory(user=volunteer))
    report(volunteer, homeless, kits_action, pledge=pledge)
    after_report = times_done(kits_action)

    matching.complete_pledge(pledge_id=pledge.pk)

    assert times_done(kits_action) == after_report


def test_a_pledge_marked_done_in_the_admin_counts_its_needs_action_once(
    homeless, kits_action, partner
):
    need = partner_need(partner, challenge=homeless, action=kits_action)
    pledge = make_pledge(need, profile=VolunteerProfileFactory())
    before = times_done(kits_action)

    class StatusForm(PledgeAdminForm):  # the status is what the editor changes
        class Meta:
            model = Pledge
            fields = ["status"]

    form = StatusForm(instance=pledge, data={"status": PledgeStatus.DONE})
    assert form.is_valid(), form.errors
    form.save()
    with pytest.raises(matching.PledgeError):
        matching.complete_pledge(pledge_id=pledge.pk)  # a second completion is refused

    assert times_done(kits_action) == before + 1
