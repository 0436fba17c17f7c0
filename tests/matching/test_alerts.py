"""Urgent-need alerts (eager Celery): who is told, exactly once, within the daily cap, in their
language, with a one-click mute link; what a crashed worker leaves behind."""

import datetime
import random

from django.core import mail
from django.utils import timezone
from django.utils.html import escape

import pytest

from matching import geo, tasks
from matching.models import (
    AlertRun,
    AlertRunStatus,
    NeedAlert,
    NeedAlertStatus,
    Urgency,
    VolunteerProfile,
)
from matching.services import alerts, publishing
from tests.matching.alert_factories import (
    ORIGIN,
    draft_urgent_need,
    located_volunteer,
    point_east_of,
)

pytestmark = pytest.mark.django_db


def publish(need, capture):
    with capture(execute=True):
        publishing.publish(need)
    need.refresh_from_db()
    return need


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_publishing_an_urgent_need_emails_each_matching_volunteer_once(
    django_capture_on_commit_callbacks, caregivers_fr, caregivers_en, farmers_fr
):
    told = [
        located_volunteer(5),
        located_volunteer(8, challenges=[caregivers_en]),  # the English page of the challenge
        located_volunteer(60, radius_km=100),  # far, but their radius reaches the need
    ]
    not_told = [
        located_volunteer(6, challenges=[farmers_fr]),
        located_volunteer(60, radius_km=20),
        located_volunteer(3, urgent_alerts=False),
        located_volunteer(3, active=False),
        located_volunteer(3, email=""),
    ]
    need = publish(draft_urgent_need(challenge=caregivers_fr), django_capture_on_commit_callbacks)

    assert recipients() == sorted(profile.user.email for profile in told)
    assert not {profile.user.email for profile in not_told} & set(recipients())
    run = AlertRun.objects.get(need=need)
    assert (run.status, run.matched, run.sent, run.messages_handed_over) == ("done", 3, 3, 3)
    assert run.finished_at is not None


def test_a_need_of_normal_urgency_alerts_nobody(django_capture_on_commit_callbacks):
    located_volunteer(2)
    need = publish(draft_urgent_need(urgency=Urgency.NORMAL), django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert not AlertRun.objects.filter(need=need).exists()


def test_a_need_sent_to_review_alerts_nobody_until_approved(
    django_capture_on_commit_callbacks, monkeypatch
):
    located_volunteer(2)
    monkeypatch.setattr(publishing, "needs_review", lambda partner, **kwargs: True)
    need = publish(draft_urgent_need(), django_capture_on_commit_callbacks)
    assert need.status == "review"
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        publishing.approve(need)
    assert len(mail.outbox) == 1


def test_running_the_fan_out_or_a_chunk_again_sends_nothing_more(
    django_capture_on_commit_callbacks, settings
):
    settings.URGENT_ALERTS_CHUNK_SIZE = 2
    for km in (1, 2, 3, 4, 5):
        located_volunteer(km)
    need = publish(draft_urgent_need(), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 5
    run = AlertRun.objects.get(need=need)
    assert run.chunks == 3  # 2 + 2 + 1

    tasks.send_urgent_alerts(need.pk)
    ids = list(NeedAlert.objects.filter(need=need).order_by("pk").values_list("pk", flat=True))
    tasks.send_urgent_alert_chunk(need.pk, ids[0], ids[-1])
    tasks.send_urgent_alert_chunk(need.pk, ids[0], ids[1])
    with django_capture_on_commit_callbacks(execute=True):  # paused, then reopened
        need.status = "paused"
        need.save()
        publishing.publish(need)

    assert len(mail.outbox) == 5
    assert AlertRun.objects.filter(need=need).count() == 1
    run.refresh_from_db()
    assert (run.sent, run.messages_handed_over) == (5, 5)


def test_a_volunteer_gets_at_most_the_daily_cap_of_alerts(
    django_capture_on_commit_callbacks, settings
):
    settings.URGENT_ALERTS_DAILY_CAP = 2
    volunteer = located_volunteer(2)
    needs = [
        publish(draft_urgent_need(title=f"Besoin {n}"), django_capture_on_commit_callbacks)
        for n in range(3)
    ]
    assert len(mail.outbox) == 2
    third = AlertRun.objects.get(need=needs[2])
    assert (third.matched, third.sent, third.skipped_capped) == (1, 0, 1)
    assert alerts.alerts_today([volunteer.pk]) == {volunteer.pk: 2}


def test_the_daily_cap_starts_again_the_next_day(django_capture_on_commit_callbacks, settings):
    settings.URGENT_ALERTS_DAILY_CAP = 1
    located_volunteer(2)
    publish(draft_urgent_need(title="Hier"), django_capture_on_commit_callbacks)
    NeedAlert.objects.update(claimed_at=timezone.now() - datetime.timedelta(days=1))
    publish(draft_urgent_need(title="Aujourd'hui"), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


def test_the_email_is_in_the_volunteers_language_with_absolute_links(
    django_capture_on_commit_callbacks, settings, caregivers_fr
):
    settings.SITE_BASE_URL = "https://reaction.example"
    french = located_volunteer(2, language="fr", first_name="Louise")
    english = located_volunteer(3, language="en", first_name="Jane")
    need = publish(draft_urgent_need(challenge=caregivers_fr), django_capture_on_commit_callbacks)
    by_recipient = {message.to[0]: message for message in mail.outbox}
    french_body = by_recipient[french.user.email].body
    english_body = by_recipient[english.user.email].body
    assert f"https://reaction.example/fr/besoins/{need.pk}/" in french_body
    assert "https://reaction.example/en/" in english_body
    assert f"/{need.pk}/" in english_body
    assert "Louise" in french_body and "Jane" in english_body
    assert "Masques pour l'hôpital" in by_recipient[french.user.email].subject
    assert "Soignants" in french_body or caregivers_fr.title in french_body
    for message in mail.outbox:
        assert message.extra_headers["List-Unsubscribe"].startswith("<https://reaction.example/")


def test_the_mute_link_asks_then_mutes_without_signing_in(
    client, django_capture_on_commit_callbacks
):
    volunteer = located_volunteer(2)
    publish(draft_urgent_need(), django_capture_on_commit_callbacks)
    url = alerts.mute_url(volunteer.pk, "fr").removeprefix("http://127.0.0.1:8000")
    assert url in mail.outbox[0].body

    page = client.get(url)
    assert page.status_code == 200
    assert page.content.decode().count("<h1") == 1
    volunteer.refresh_from_db()
    assert volunteer.urgent_alerts  # a mail scanner following the link changes nothing

    done = client.post(url)
    assert done.status_code == 200
    volunteer.refresh_from_db()
    assert not volunteer.urgent_alerts

    mail.outbox.clear()
    publish(draft_urgent_need(title="Autre"), django_capture_on_commit_callbacks)
    assert mail.outbox == []


@pytest.mark.parametrize("token", ["1:forged", "abc", f"{10**9}:x"])
def test_a_bad_mute_token_answers_400_and_mutes_nobody(client, token):
    volunteer = located_volunteer(2)
    forged = alerts.mute_url(volunteer.pk, "fr").rsplit("/", 2)[0] + f"/{token}/"
    path = forged.removeprefix("http://127.0.0.1:8000")
    assert client.get(path).status_code == 400
    assert client.post(path).status_code == 400
    volunteer.refresh_from_db()
    assert volunteer.urgent_alerts


def test_a_token_of_a_deleted_volunteer_answers_400(client):
    volunteer = located_volunteer(2)
    path = alerts.mute_url(volunteer.pk, "fr").removeprefix("http://127.0.0.1:8000")
    volunteer.user.delete()
    assert client.post(path).status_code == 400


def test_a_volunteer_who_mutes_after_the_fan_out_is_skipped():
    muted_later = located_volunteer(2)
    located_volunteer(3)
    need = draft_urgent_need()
    need.status, need.published_at = "open", timezone.now()
    need.save()
    chunks = []
    alerts.start_run(need.pk, dispatch=lambda *chunk: chunks.append(chunk))
    alerts.mute_alerts(muted_later.pk)
    for chunk in chunks:
        alerts.send_chunk(need_id=chunk[0], first_id=chunk[1], last_id=chunk[2])
    assert len(mail.outbox) == 1
    run = AlertRun.objects.get(need=need)
    assert (run.sent, run.skipped_muted, run.status) == (1, 1, AlertRunStatus.DONE)


def prepared_run(volunteers: int):
    for km in range(1, volunteers + 1):
        located_volunteer(km)
    need = draft_urgent_need()
    need.status, need.published_at = "open", timezone.now()
    need.save()
    chunks = []
    alerts.start_run(need.pk, dispatch=lambda *chunk: chunks.append(chunk))
    rows = NeedAlert.objects.filter(need=need).order_by("pk")
    return need, chunks, list(rows.values_list("pk", flat=True))


def test_rows_of_a_dead_worker_are_taken_over_and_its_one_interrupted_email_never_resent():
    need, chunks, ids = prepared_run(4)
    late = timezone.now() - alerts.claim_lease() - datetime.timedelta(minutes=1)
    # A worker claimed the chunk, had sent the first email, was sending the second, and died.
    NeedAlert.objects.filter(pk=ids[0]).update(
        status=NeedAlertStatus.SENT, claim_token="dead", claimed_at=late, sent_at=late
    )
    NeedAlert.objects.filter(pk=ids[1]).update(
        status=NeedAlertStatus.SENDING, claim_token="dead", claimed_at=late
    )
    NeedAlert.objects.filter(pk__in=ids[2:]).update(
        status=NeedAlertStatus.CLAIMED, claim_token="dead", claimed_at=late
    )

    (need_id, first_id, last_id) = chunks[0]
    result = alerts.send_chunk(need_id=need_id, first_id=first_id, last_id=last_id)

    assert result.sent == 2 and result.waiting == 0
    statuses = dict(NeedAlert.objects.filter(need=need).values_list("pk", "status"))
    assert [statuses[pk] for pk in ids] == ["sent", "uncertain", "sent", "sent"]
    run = AlertRun.objects.get(need=need)
    assert (run.sent, run.uncertain, run.status) == (3, 1, AlertRunStatus.DONE)


def test_a_duplicate_chunk_waits_while_a_live_worker_holds_the_rows():
    need, chunks, ids = prepared_run(2)
    NeedAlert.objects.filter(pk__in=ids).update(
        status=NeedAlertStatus.CLAIMED, claim_token="alive", claimed_at=timezone.now()
    )
    (need_id, first_id, last_id) = chunks[0]
    result = alerts.send_chunk(need_id=need_id, first_id=first_id, last_id=last_id)
    assert (result.sent, result.waiting) == (0, 2)
    assert 0 < result.retry_in_s <= alerts.claim_lease().total_seconds() + 5
    assert mail.outbox == []


def test_a_failing_mail_server_releases_the_rows_for_a_retry(monkeypatch):
    need, chunks, ids = prepared_run(2)

    def down(self, *args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr("django.core.mail.message.EmailMessage.send", down)
    (need_id, first_id, last_id) = chunks[0]
    result = alerts.send_chunk(need_id=need_id, first_id=first_id, last_id=last_id)
    assert (result.sent, result.waiting, result.retry_in_s) == (0, 2, 60)
    assert set(NeedAlert.objects.filter(need=need).values_list("status", flat=True)) == {"pending"}
    monkeypatch.undo()
    assert alerts.send_chunk(need_id=need_id, first_id=first_id, last_id=last_id).sent == 2
    assert len(mail.outbox) == 2


def test_the_beat_task_dispatches_the_rows_a_dead_worker_left(django_capture_on_commit_callbacks):
    need, _chunks, ids = prepared_run(3)
    assert mail.outbox == []  # the chunks were never run: their worker died with them
    assert alerts.stalled_chunks() == []  # not yet: they may still be queued
    NeedAlert.objects.filter(pk__in=ids).update(
        created_at=timezone.now() - alerts.claim_lease() - datetime.timedelta(seconds=1)
    )
    tasks.resume_urgent_alerts()
    assert len(mail.outbox) == 3
    assert AlertRun.objects.get(need=need).status == AlertRunStatus.DONE


def test_matching_agrees_with_a_brute_force_great_circle_check(caregivers_fr, farmers_fr):
    rnd = random.Random(7)
    profiles = []
    for _ in range(120):
        km = rnd.uniform(0, 250)
        origin = geo.Point(ORIGIN.latitude + rnd.uniform(-1.5, 1.5), ORIGIN.longitude)
        profile = located_volunteer(
            km,
            origin=origin,
            radius_km=rnd.choice([5, 20, 50, 100, 200]),
            challenges=rnd.choice([[], [caregivers_fr], [farmers_fr]]),
            urgent_alerts=rnd.random() > 0.1,
        )
        profiles.append(profile)
    need = draft_urgent_need(challenge=caregivers_fr)
    expected = sorted(
        profile.pk
        for profile in VolunteerProfile.objects.filter(pk__in=[p.pk for p in profiles])
        if profile.urgent_alerts
        and geo.great_circle_km(
            ORIGIN.latitude, ORIGIN.longitude, profile.latitude, profile.longitude
        )
        <= profile.radius_km
        and set(profile.challenges.values_list("pk", flat=True)) in (set(), {caregivers_fr.pk})
    )
    assert 10 < len(expected) < 110
    assert alerts.matching_volunteer_ids(need) == expected


def test_the_volunteer_at_exactly_the_radius_is_told(django_capture_on_commit_callbacks):
    located_volunteer(19.999, radius_km=20)
    located_volunteer(20.02, radius_km=20)
    publish(draft_urgent_need(), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_alert_runs_are_listed_read_only_in_the_admin(client, django_capture_on_commit_callbacks):
    from tests.factories import UserFactory

    located_volunteer(2)
    need = publish(draft_urgent_need(), django_capture_on_commit_callbacks)
    run = AlertRun.objects.get(need=need)
    client.force_login(UserFactory(username="editrice-alertes", is_staff=True, is_superuser=True))
    listing = client.get("/admin/snippets/matching/alertrun/")
    assert listing.status_code == 200
    assert escape(need.title) in listing.content.decode()
    assert "/admin/snippets/matching/alertrun/add/" not in listing.content.decode()
    assert client.get(f"/admin/snippets/matching/alertrun/inspect/{run.pk}/").status_code == 200
    for url in (
        "/admin/snippets/matching/alertrun/add/",
        f"/admin/snippets/matching/alertrun/delete/{run.pk}/",
    ):
        assert client.post(url).status_code in (302, 403)
    assert AlertRun.objects.filter(pk=run.pk).exists()


def test_point_east_of_is_at_the_requested_distance():
    latitude, longitude = point_east_of(ORIGIN, 42)
    distance = geo.great_circle_km(ORIGIN.latitude, ORIGIN.longitude, latitude, longitude)
    assert distance == pytest.approx(42, rel=1e-3)


def test_with_the_email_outbox_alerts_commit_with_their_marks_then_are_relayed(
    django_capture_on_commit_callbacks, settings
):
    from portal import mail as outbox_mail
    from portal.models import OutgoingEmail

    settings.EMAIL_BACKEND = "portal.mail.OutboxEmailBackend"
    settings.EMAIL_RELAY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    told = [located_volunteer(km) for km in (2, 4, 6)]
    need = publish(draft_urgent_need(), django_capture_on_commit_callbacks)

    assert mail.outbox == []  # committed to the outbox, not yet relayed
    queued = OutgoingEmail.objects.filter(sent_at=None)
    assert sorted(row.to[0] for row in queued) == sorted(p.user.email for p in told)
    run = AlertRun.objects.get(need=need)
    assert (run.sent, run.uncertain) == (3, 0)

    assert outbox_mail.relay() == 3
    assert recipients() == sorted(p.user.email for p in told)
    assert outbox_mail.relay() == 0  # relayed once
    assert not OutgoingEmail.objects.filter(sent_at=None).exists()


def test_a_failing_relay_keeps_the_email_for_the_next_run(settings):
    from django.core.mail import send_mail

    from portal import mail as outbox_mail
    from portal.models import OutgoingEmail

    settings.EMAIL_BACKEND = "portal.mail.OutboxEmailBackend"
    settings.EMAIL_RELAY_BACKEND = "tests.matching.test_alerts.BrokenBackend"
    send_mail("Objet", "Corps", None, ["someone@example.org"])
    assert outbox_mail.relay() == 0
    row = OutgoingEmail.objects.get(to=["someone@example.org"])
    assert (row.sent_at, row.attempts) == (None, 1) and "down" in row.last_error
    settings.EMAIL_RELAY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox_mail.relay() == 1
    assert [message.to for message in mail.outbox] == [["someone@example.org"]]


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionError("mail server down")
