"""The weekly digest: double opt-in subscription, one email per subscriber per week (never
twice, whatever runs it), in the subscriber's language, with a one-click unsubscribe."""

import datetime
import io
import smtplib
import time

from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

import pytest

from actions import digest, tasks, weeks
from actions.models import ActionPage, DigestDelivery, DigestSubscription
from tests.actions.factories import ActionPageFactory

pytestmark = pytest.mark.django_db


def subscriber(email: str, language: str = "fr", *, confirmed=True) -> DigestSubscription:
    subscription = DigestSubscription.objects.create(email=email, language=language)
    if confirmed:
        digest.confirm(subscription.token)
    return subscription


@pytest.fixture
def subscribers(db):
    return [
        subscriber("anne@example.org", "fr"),
        subscriber("ben@example.org", "en"),
        subscriber("cathy@example.org", "fr"),
        subscriber("pending@example.org", "fr", confirmed=False),
    ]


def test_subscribing_sends_a_confirmation_link(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fr/lettre-des-actions/", {"email": " Sabrina@Example.org ", "language": "en"}
        )
    assert response.status_code == 302
    subscription = DigestSubscription.objects.get(email="sabrina@example.org")
    assert subscription.language == "en" and not subscription.is_active
    assert len(mail.outbox) == 1
    with translation.override("en"):
        confirm_url = reverse("actions:digest_confirm", args=[subscription.token])
    assert confirm_url.startswith("/en/")
    assert confirm_url in mail.outbox[0].body
    assert client.get(confirm_url).status_code == 200
    subscription.refresh_from_db()
    assert subscription.is_active


def test_a_bad_address_is_refused_next_to_its_field(client):
    response = client.post(
        "/fr/lettre-des-actions/", {"email": "pas-une-adresse", "language": "fr"}
    )
    assert response.status_code == 400
    assert 'id="id_email_error"' in response.content.decode()
    assert not DigestSubscription.objects.exists()


def test_subscribing_is_rate_limited(client, settings):
    settings.FORM_SUBMISSIONS_PER_HOUR = 2
    for number in range(2):
        client.post(
            "/fr/lettre-des-actions/", {"email": f"v{number}@example.org", "language": "fr"}
        )
    response = client.post("/fr/lettre-des-actions/", {"email": "v9@example.org", "language": "fr"})
    assert response.status_code == 429


def test_an_unknown_link_answers_404(client):
    assert client.get("/fr/lettre-des-actions/confirmer/inconnu/").status_code == 404
    assert client.get("/fr/lettre-des-actions/desabonnement/inconnu/").status_code == 404


def test_the_digest_sends_one_email_per_confirmed_subscriber_in_their_language(subscribers):
    report = digest.send_weekly_digest(week=weeks.previous_week_start())
    assert (report.sent, report.failed) == (3, 0)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"anne@example.org", "ben@example.org", "cathy@example.org"}
    french = by_address["anne@example.org"]
    assert "Passer du temps au téléphone avec des seniors isolés" in french.body
    assert "Faire les courses pour des seniors isolés" not in french.body  # this week's
    assert "Spend time on the phone with isolated seniors" in by_address["ben@example.org"].body
    with translation.override("en"):
        unsubscribe_url = reverse("actions:digest_unsubscribe", args=[subscribers[1].token])
    assert unsubscribe_url in by_address["ben@example.org"].body
    assert french.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_digest_is_never_sent_twice_for_the_same_week(subscribers):
    week = weeks.previous_week_start()
    digest.send_weekly_digest(week=week)
    again = digest.send_weekly_digest(week=week)
    call_command("send_weekly_digest", "--week", weeks.iso_week_label(week), stdout=io.StringIO())
    tasks.send_weekly_digest.delay(weeks.iso_week_label(week))
    assert again.sent == 0
    assert len(mail.outbox) == 3
    assert DigestDelivery.objects.filter(week=week, sent_at__isnull=False).count() == 3


def test_a_new_subscriber_gets_the_week_others_already_received(subscribers):
    week = weeks.previous_week_start()
    digest.send_weekly_digest(week=week)
    subscriber("late@example.org", "fr")
    report = digest.send_weekly_digest(week=week)
    assert report.sent == 1 and mail.outbox[-1].to == ["late@example.org"]


def test_the_log_refuses_a_second_delivery_of_a_week(subscribers):
    week = weeks.previous_week_start()
    DigestDelivery.objects.create(subscription=subscribers[0], week=week)
    with pytest.raises(IntegrityError), transaction.atomic():
        DigestDelivery.objects.create(subscription=subscribers[0], week=week)


def test_a_week_without_new_actions_in_a_language_sends_nothing(subscribers):
    quiet_week = weeks.current_week_start() - datetime.timedelta(weeks=30)
    report = digest.send_weekly_digest(week=quiet_week)
    assert report.sent == 0 and report.nothing_new == 3
    assert mail.outbox == []


def test_only_french_actions_that_week_leave_english_subscribers_out(subscribers, directory_fr):
    week = weeks.current_week_start() - datetime.timedelta(weeks=20)
    ActionPageFactory(parent=directory_fr, title="Une action sans traduction", published_week=week)
    report = digest.send_weekly_digest(week=week)
    assert report.sent == 2 and report.nothing_new == 1
    assert {message.to[0] for message in mail.outbox} == {"anne@example.org", "cathy@example.org"}


def test_a_failed_mail_is_sent_by_the_next_run_and_only_that_one(subscribers, monkeypatch):
    week = weeks.previous_week_start()
    real_send = mail.EmailMessage.send

    def flaky_send(message, *args, **kwargs):
        if message.to == ["cathy@example.org"]:
            raise smtplib.SMTPServerDisconnected("connexion perdue")
        return real_send(message, *args, **kwargs)

    monkeypatch.setattr(mail.EmailMessage, "send", flaky_send)
    first = digest.send_weekly_digest(week=week)
    assert (first.sent, first.failed) == (2, 1)
    assert not DigestDelivery.objects.filter(subscription__email="cathy@example.org").exists()
    monkeypatch.setattr(mail.EmailMessage, "send", real_send)
    second = digest.send_weekly_digest(week=week)
    assert (second.sent, second.failed) == (1, 0)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "anne@example.org",
        "ben@example.org",
        "cathy@example.org",
    ]


def test_the_task_asks_for_a_retry_when_some_mails_failed(subscribers, monkeypatch):
    def failing_send(message, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("connexion perdue")

    monkeypatch.setattr(mail.EmailMessage, "send", failing_send)
    with pytest.raises(tasks.DigestIncomplete):
        tasks.send_weekly_digest.run(weeks.iso_week_label(weeks.previous_week_start()))


def test_unsubscribing_in_one_click_stops_the_digest(client, subscribers):
    anne = subscribers[0]
    page = client.get(f"/fr/lettre-des-actions/desabonnement/{anne.token}/")
    assert page.status_code == 200 and "<form" in page.content.decode()
    response = client.post(
        f"/fr/lettre-des-actions/desabonnement/{anne.token}/",
        {"List-Unsubscribe": "One-Click"},
    )
    assert response.status_code == 200
    digest.send_weekly_digest(week=weeks.previous_week_start())
    assert "anne@example.org" not in {message.to[0] for message in mail.outbox}


def test_subscribing_again_after_unsubscribing_needs_a_new_confirmation(
    subscribers, django_capture_on_commit_callbacks
):
    anne = subscribers[0]
    digest.unsubscribe(anne.token)
    old_token = anne.token
    with django_capture_on_commit_callbacks(execute=True):
        again = digest.subscribe(email="anne@example.org", language="fr")
    assert not again.is_active and again.token != old_token
    assert digest.confirm(old_token) is None
    assert len(mail.outbox) == 1


def test_the_command_refuses_a_bad_week():
    with pytest.raises(Exception, match="--week"):
        call_command("send_weekly_digest", "--week", "semaine 7")


@pytest.mark.celery_worker
def test_a_real_worker_sends_the_digest_once(live_celery):
    # The serialized rollback of worker tests restores the migrations' rows over the demo
    # site, the default site's root included (back to Wagtail's welcome page): no action would
    # have a URL. Loading the demo again (idempotent) puts the site back; the cache shared with
    # the worker must forget the old root paths.
    call_command("load_demo", "--skip-index", verbosity=0)
    cache.clear()
    assert digest.page_url(ActionPage.objects.live().first())
    DigestSubscription.objects.all().delete()
    subscription = DigestSubscription.objects.create(email="worker@example.org", language="fr")
    digest.confirm(subscription.token)
    week = weeks.iso_week_label(weeks.previous_week_start())
    for _ in range(2):
        tasks.send_weekly_digest.delay(week)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if DigestDelivery.objects.filter(sent_at__isnull=False).exists():
            break
        time.sleep(0.5)
    time.sleep(2)  # let the second task run too
    assert DigestDelivery.objects.filter(subscription=subscription).count() == 1
    assert DigestDelivery.objects.get(subscription=subscription).sent_at is not None
