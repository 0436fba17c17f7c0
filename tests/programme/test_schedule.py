"""The schedule: 7 emails per member over the week, in their language, at the send hour,
exactly once per member and day (restarts, retried tasks, failures)."""

import datetime
import re
from unittest import mock
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.management import call_command

import pytest

from programme.models import DailyEmail, ProgrammePage
from programme.services import schedule
from programme.tasks import send_cohort_emails, send_due_cohort_emails

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
WEEK = datetime.date(2030, 1, 7)  # a Monday, far from the demo cohorts


def paris(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=PARIS)


def subjects(language: str) -> list[str]:
    page = ProgrammePage.objects.get(locale__language_code=language)
    return [day["email_subject"] for day in page.schedule_days()]


@pytest.fixture
def cohorts(challenge, make_coordinator, join):
    """A French cohort of 15 and an English cohort of 3, the same week."""
    make_coordinator(challenge, language="fr")
    make_coordinator(challenge, language="en")
    french = [join(challenge, WEEK, language="fr") for _ in range(15)]
    english = [join(challenge, WEEK, language="en") for _ in range(3)]
    return french, english


def run_every_minute(start, end, task=send_due_cohort_emails):
    """Run the beat task once per simulated minute; returns (time, email) pairs."""
    sent = []
    now = start
    while now < end:
        before = len(mail.outbox)
        with mock.patch("django.utils.timezone.now", return_value=now):
            task.delay()
        sent.extend((now, message) for message in mail.outbox[before:])
        now += datetime.timedelta(minutes=1)
    return sent


@pytest.mark.slow
def test_a_simulated_week_sends_each_member_seven_emails_in_their_language_once(cohorts):
    french, english = cohorts
    start = paris(WEEK, 0) - datetime.timedelta(days=1)
    sent = run_every_minute(start, start + datetime.timedelta(days=9))

    by_member = {}
    for when, message in sent:
        by_member.setdefault(message.to[0], []).append((when, message))
    assert len(by_member) == 18
    for membership in french + english:
        received = by_member[membership.user.email]
        assert [m.subject for _when, m in received] == subjects(membership.language)
        assert [when.astimezone(PARIS) for when, _m in received] == [
            paris(WEEK + datetime.timedelta(days=n), 8) for n in range(7)
        ]
    first_fr = by_member[french[0].user.email][1][1]
    assert "Identifiez un besoin concret près de chez vous." in first_fr.body
    first_en = by_member[english[0].user.email][1][1]
    assert "Identify a concrete need near home." in first_en.body
    assert first_en.subject == "Mail 2: understanding the needs"

    # A restart replays the whole week: nothing is sent twice.
    assert run_every_minute(start, start + datetime.timedelta(days=9)) == []
    assert DailyEmail.objects.filter(membership__start_date=WEEK).count() == 18 * 7


def test_a_retried_or_duplicated_task_sends_nothing_more(cohorts):
    french, _english = cohorts
    cohort_id = french[0].cohort_id
    with mock.patch("django.utils.timezone.now", return_value=paris(WEEK, 8, 1)):
        assert send_cohort_emails.delay(cohort_id).get() == 15
        assert send_cohort_emails.delay(cohort_id).get() == 0
        send_due_cohort_emails.delay()
    assert len([m for m in mail.outbox if m.to[0] == french[0].user.email]) == 1


def test_nothing_is_sent_before_the_send_hour(cohorts):
    assert schedule.send_due_emails(now=paris(WEEK, 7, 59)) == 0
    assert schedule.send_due_emails(now=paris(WEEK, 8, 0)) == 18


def test_the_cohort_send_hour_is_respected(cohorts):
    french, _english = cohorts
    cohort = french[0].cohort
    cohort.send_hour = 18
    cohort.save()
    assert schedule.send_due_emails(now=paris(WEEK, 12)) == 3  # the English cohort only
    assert schedule.send_due_emails(now=paris(WEEK, 18)) == 15


def test_missed_days_are_caught_up_in_order(cohorts):
    schedule.send_due_emails(now=paris(WEEK + datetime.timedelta(days=2), 9))
    assert len(mail.outbox) == 18 * 3
    mine = [m.subject for m in mail.outbox if m.to[0] == cohorts[0][0].user.email]
    assert mine == subjects("fr")[:3]


def test_a_failed_send_is_retried_next_minute_and_never_doubled(cohorts):
    french, _english = cohorts
    unlucky = french[4].user.email
    real_send = mail.EmailMultiAlternatives.send
    calls = {"n": 0}

    def flaky_send(message, *args, **kwargs):
        if message.to == [unlucky] and calls["n"] == 0:
            calls["n"] += 1
            raise OSError("SMTP down")
        return real_send(message, *args, **kwargs)

    with mock.patch.object(mail.EmailMultiAlternatives, "send", flaky_send):
        schedule.send_due_emails(now=paris(WEEK, 8))
    assert [m.to for m in mail.outbox].count([unlucky]) == 0
    schedule.send_due_emails(now=paris(WEEK, 8, 1))
    schedule.send_due_emails(now=paris(WEEK, 8, 2))
    assert [m.to for m in mail.outbox].count([unlucky]) == 1
    assert len(mail.outbox) == 18


def test_a_crash_after_the_claim_loses_that_email_until_resent_deliberately(cohorts):
    french, _english = cohorts
    victim = french[0]
    DailyEmail.objects.create(membership=victim, day=0, claimed_at=paris(WEEK, 8))  # crashed
    schedule.send_due_emails(now=paris(WEEK, 8))
    assert [m.to for m in mail.outbox].count([victim.user.email]) == 0
    assert len(mail.outbox) == 17

    resent = schedule.resend_unsent(
        older_than=datetime.timedelta(minutes=10), now=paris(WEEK, 8, 30)
    )
    assert resent == 1
    assert [m.to for m in mail.outbox].count([victim.user.email]) == 1


def test_the_management_command_runs_the_same_schedule(cohorts):
    call_command("send_cohort_emails", "--now", "2030-01-07T08:00", stdout=mock.MagicMock())
    assert len(mail.outbox) == 18
    call_command("send_cohort_emails", "--now", "2030-01-07T08:05", stdout=mock.MagicMock())
    assert len(mail.outbox) == 18


def test_opening_the_email_is_tracked_by_a_signed_pixel(cohorts, client):
    schedule.send_due_emails(now=paris(WEEK, 8))
    html = mail.outbox[0].alternatives[0][0]
    pixel = re.search(r'<img src="http://[^/]+(/\w\w/programme/o/[^"]+/pixel.gif)"', html).group(1)
    daily = DailyEmail.objects.get(membership__user__email=mail.outbox[0].to[0], day=0)
    assert daily.opened_at is None
    response = client.get(pixel)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    daily.refresh_from_db()
    assert daily.opened_at is not None
    forged = pixel.replace(f"/o/{daily.pk}:", f"/o/{daily.pk + 1}:")
    assert client.get(forged).status_code == 404


def test_the_tracked_link_leads_to_the_report_form(cohorts, client):
    schedule.send_due_emails(now=paris(WEEK, 8))
    text = mail.outbox[0].body
    link = re.search(r"http://[^/]+(/fr/programme/o/[^/\s]+/)", text).group(1)
    response = client.get(link)
    assert response.status_code == 302
    assert DailyEmail.objects.filter(opened_at__isnull=False).count() == 1


def test_cohorts_run_from_their_monday_and_finish_after_the_closing_day(cohorts):
    cohort = cohorts[0][0].cohort
    schedule.update_statuses(paris(WEEK, 0, 1))
    cohort.refresh_from_db()
    assert cohort.status == "running"
    schedule.update_statuses(paris(WEEK + datetime.timedelta(days=8), 0, 1))
    cohort.refresh_from_db()
    assert cohort.status == "finished"
