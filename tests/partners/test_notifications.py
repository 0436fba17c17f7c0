"""Partners hear of pledges: an email per new pledge to the members who asked for it (with only
the contact the volunteer chose to share) and a daily summary, never twice a day."""

import datetime

from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from matching.models import ContactChannel, NeedStatus, Pledge, PledgeStatus, VolunteerProfile
from partners import notifications, tasks
from partners.models import DailySummaryLog, PartnerInvitation, PartnerMember
from tests.factories import UserFactory
from tests.matching.factories import NeedFactory, PlaceFactory

pytestmark = pytest.mark.django_db

# partner_page (La Cloche) and other_partner_page (Entouréo) come from tests/partners/conftest.py.


def member(partner, name, **preferences) -> PartnerMember:
    user = UserFactory(username=name, email=f"{name}@partner.example.org")
    return PartnerMember.objects.create(user=user, partner=partner, **preferences)


@pytest.fixture
def need(partner_page):
    return NeedFactory(
        place=PlaceFactory(partner=partner_page),
        title="Repas chauds",
        unit="repas",
        quantity_wanted=40,
    )


@pytest.fixture
def volunteer():
    user = UserFactory(
        username="benevole-notif",
        email="zoe.private@example.org",
        first_name="Zoé",
        last_name="Secret-Nom",
    )
    profile = VolunteerProfile.objects.create(user=user, phone="0612345678")
    return profile


def partner_mail() -> list:
    """What left for partners and editors (the volunteer's own confirmation set aside)."""
    return [message for message in mail.outbox if "zoe.private@example.org" not in message.to]


def make_pledge(need, volunteer, capture, *, channel=ContactChannel.NONE, quantity=3):
    with capture(execute=True):
        return Pledge.objects.create(
            need=need, volunteer=volunteer, quantity=quantity, contact_channel=channel
        )


def test_a_new_pledge_emails_the_members_who_asked_for_it(
    partner_page, other_partner_page, need, volunteer, django_capture_on_commit_callbacks
):
    wants = member(partner_page, "veut-savoir")
    member(partner_page, "ne-veut-pas", notify_pledges=False)
    member(other_partner_page, "autre-partenaire")
    make_pledge(need, volunteer, django_capture_on_commit_callbacks)

    assert [message.to for message in partner_mail()] == [[wants.user.email]]
    message = partner_mail()[0]
    assert "Repas chauds" in message.subject
    assert "Zoé" in message.body and "3 repas" in message.body
    assert "Secret-Nom" not in message.body
    assert "zoe.private@example.org" not in message.body
    assert "0612345678" not in message.body
    assert f"{settings.SITE_BASE_URL}/fr/" in message.body


@pytest.mark.parametrize(
    ("channel", "shown", "hidden"),
    [
        (ContactChannel.EMAIL, "zoe.private@example.org", "0612345678"),
        (ContactChannel.PHONE, "0612345678", "zoe.private@example.org"),
    ],
)
def test_the_pledge_email_shows_only_the_contact_the_volunteer_chose(
    partner_page, need, volunteer, channel, shown, hidden, django_capture_on_commit_callbacks
):
    member(partner_page, "responsable")
    make_pledge(need, volunteer, django_capture_on_commit_callbacks, channel=channel)
    body = partner_mail()[0].body
    assert shown in body
    assert hidden not in body


def test_the_pledge_email_is_in_the_language_the_member_was_invited_in(
    partner_page, need, volunteer, django_capture_on_commit_callbacks
):
    english = member(partner_page, "english-member")
    invitation = PartnerInvitation(partner=partner_page, email=english.user.email, language="en")
    invitation.issue_token()
    invitation.accepted_at = timezone.now()
    invitation.save()
    make_pledge(need, volunteer, django_capture_on_commit_callbacks)
    assert f"{settings.SITE_BASE_URL}/en/" in partner_mail()[0].body


def test_a_pledge_on_a_need_without_partner_goes_to_the_editors_inbox(
    volunteer, django_capture_on_commit_callbacks
):
    orphan = NeedFactory(place=PlaceFactory(partner=None), title="Couvertures")
    make_pledge(orphan, volunteer, django_capture_on_commit_callbacks)
    assert [message.to for message in partner_mail()] == [[settings.STAFF_EMAIL]]
    assert "Couvertures" in partner_mail()[0].subject
    assert "zoe.private@example.org" not in partner_mail()[0].body  # not shared: not said


def test_a_pledge_for_a_partner_page_without_account_goes_to_the_editors_inbox(
    partner_page, need, volunteer, django_capture_on_commit_callbacks
):
    assert not PartnerMember.objects.filter(partner=partner_page).exists()
    make_pledge(need, volunteer, django_capture_on_commit_callbacks, channel=ContactChannel.EMAIL)
    (message,) = partner_mail()
    assert message.to == [settings.STAFF_EMAIL]
    assert partner_page.title in message.body
    assert "Zoé" in message.body and "zoe.private@example.org" in message.body  # shared


def test_members_who_turned_pledge_emails_off_are_not_overruled_by_the_editors(
    partner_page, need, volunteer, django_capture_on_commit_callbacks
):
    member(partner_page, "resume-seulement", notify_pledges=False)
    make_pledge(need, volunteer, django_capture_on_commit_callbacks)
    assert partner_mail() == []


def test_the_daily_summary_goes_once_a_day_to_the_members_who_asked_for_it(
    partner_page, need, volunteer, django_capture_on_commit_callbacks
):
    summary = member(partner_page, "resume", notify_pledges=False)
    member(partner_page, "pas-de-resume", notify_pledges=False, daily_summary=False)
    make_pledge(need, volunteer, django_capture_on_commit_callbacks, channel=ContactChannel.EMAIL)
    other_need = NeedFactory(place=need.place, title="Couvertures", status=NeedStatus.OPEN)
    mail.outbox.clear()

    tasks.send_daily_summaries()
    tasks.send_daily_summaries()
    notifications.send_daily_summaries()

    assert [message.to for message in mail.outbox] == [[summary.user.email]]
    body = mail.outbox[0].body
    assert "Repas chauds" in body and "Zoé" in body and "zoe.private@example.org" in body
    assert "Couvertures" in body  # the open needs' status
    assert other_need.title in body
    log = DailySummaryLog.objects.get(partner=partner_page)
    assert (log.recipients, log.pledges) == (1, 1)
    assert log.sent_at is not None


def test_the_daily_summary_lists_only_the_pledges_of_the_day(
    partner_page, need, volunteer, django_capture_on_commit_callbacks
):
    member(partner_page, "resume", notify_pledges=False)
    yesterday = make_pledge(need, volunteer, django_capture_on_commit_callbacks, quantity=7)
    Pledge.objects.filter(pk=yesterday.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=1, hours=1)
    )
    mail.outbox.clear()

    assert notifications.send_daily_summaries() == 0  # no pledge today: nothing to summarise
    assert not DailySummaryLog.objects.exists()

    make_pledge(need, volunteer, django_capture_on_commit_callbacks, quantity=2)
    notifications.send_daily_summaries()
    body = mail.outbox[0].body
    assert "2 repas" in body
    assert "7 repas" not in body


def test_a_failed_summary_can_be_sent_again_later(
    partner_page, need, volunteer, django_capture_on_commit_callbacks, monkeypatch
):
    member(partner_page, "resume", notify_pledges=False)
    make_pledge(need, volunteer, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    def down(messages):
        raise OSError("mail server down")

    monkeypatch.setattr(notifications, "_send_all", down)
    with pytest.raises(OSError):
        notifications.send_daily_summaries()
    assert not DailySummaryLog.objects.exists()
    monkeypatch.undo()
    assert notifications.send_daily_summaries() == 1


def test_the_summary_is_on_the_beat_at_six_in_the_evening():
    entry = settings.CELERY_BEAT_SCHEDULE["send-partner-daily-summaries"]
    assert entry["task"] == "partners.tasks.send_daily_summaries"
    assert entry["schedule"].hour == {18} and entry["schedule"].minute == {0}
    assert settings.CELERY_TIMEZONE == "Europe/Paris"


def test_a_cancelled_pledge_shows_its_status_in_the_summary(
    partner_page, need, volunteer, django_capture_on_commit_callbacks
):
    member(partner_page, "resume", notify_pledges=False)
    pledge = make_pledge(need, volunteer, django_capture_on_commit_callbacks)
    Pledge.objects.filter(pk=pledge.pk).update(status=PledgeStatus.CANCELLED)
    notifications.send_daily_summaries()
    assert "Annulé" in mail.outbox[-1].body


def invited(partner, name, language) -> PartnerMember:
    """A member who accepted an invitation in ``language`` (their emails' language)."""
    joined = member(partner, name)
    invitation = PartnerInvitation(
        partner=partner, email=joined.user.email.upper(), language=language
    )
    invitation.issue_token()
    invitation.accepted_at = timezone.now()
    invitation.save()
    return joined


def test_the_pledge_email_costs_as_many_queries_for_many_members(
    partner_page, need, volunteer, django_assert_num_queries
):
    invited(partner_page, "premiere", "en")
    member(partner_page, "deuxieme")
    pledge = Pledge.objects.create(need=need, volunteer=volunteer, quantity=1)
    mail.outbox = []
    with CaptureQueriesContext(connection) as few:
        assert notifications.send_pledge_notification(pledge.pk) == 2
    for index in range(6):
        invited(partner_page, f"membre-{index}", ["en", "fr"][index % 2])
    member(partner_page, "sans-invitation")
    member(partner_page, "silencieux", notify_pledges=False)
    mail.outbox = []
    with django_assert_num_queries(len(few)):
        assert notifications.send_pledge_notification(pledge.pk) == 9
    english = [message for message in mail.outbox if "/en/" in message.body]
    assert sorted(message.to[0] for message in english) == sorted(
        f"{name}@partner.example.org" for name in ["premiere", "membre-0", "membre-2", "membre-4"]
    )
