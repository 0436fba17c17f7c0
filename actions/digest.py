"""The weekly digest of new actions: double opt-in subscriptions and an idempotent send.

Sending claims (subscription, week) in the delivery log before the mail leaves: the unique
constraint makes a concurrent or retried run skip it, so nobody receives a week twice. A mail
that fails to leave releases its claim, so the next run sends it; a worker that dies between
the claim and the send leaves the claim in place (at most once, never twice).
"""

import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from actions import services, weeks
from actions.models import DigestDelivery, DigestSubscription
from actions.models.digest import new_token
from portal import mail, notify
from portal.i18n import absolute_reverse, absolute_url

logger = logging.getLogger(__name__)


@dataclass
class DigestReport:
    week: object
    sent: int = 0
    already_sent: int = 0
    nothing_new: int = 0
    failed: int = 0


def page_url(page) -> str | None:
    """The page's absolute URL, or None when no site serves it (logged: the digest leaves it
    out rather than fail for everyone)."""
    url = page.get_url()
    if not url:
        logger.warning("page %s is served by no site: left out of the weekly digest", page.pk)
        return None
    return absolute_url(url)


def subscription_url(name: str, subscription: DigestSubscription) -> str:
    return absolute_reverse(name, subscription.language, subscription.token)


def subscribe(*, email: str, language: str) -> DigestSubscription:
    """Ask ``email`` to confirm its subscription (a confirmed one is left as it is)."""
    email = email.strip().lower()
    with transaction.atomic():
        subscription, created = DigestSubscription.objects.select_for_update().get_or_create(
            email=email, defaults={"language": language}
        )
        if subscription.is_active:
            return subscription
        if not created:
            subscription.language = language
            subscription.unsubscribed_at = None
            subscription.confirmed_at = None
            subscription.token = new_token()
            subscription.save(
                update_fields=["language", "unsubscribed_at", "confirmed_at", "token"]
            )
        mail.after_commit(lambda: send_confirmation_email(subscription))
    return subscription


def send_confirmation_email(subscription: DigestSubscription) -> None:
    notify.send(
        to=subscription.email,
        language=subscription.language,
        subject=_("Confirmez votre abonnement aux nouvelles actions de ré_action"),
        template="actions/email/digest_confirmation.txt",
        context={"confirm_url": subscription_url("actions:digest_confirm", subscription)},
    )


def confirm(token: str) -> DigestSubscription | None:
    subscription = DigestSubscription.objects.filter(
        token=token, unsubscribed_at__isnull=True
    ).first()
    if subscription is not None and subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def find_by_token(token: str) -> DigestSubscription | None:
    return DigestSubscription.objects.filter(token=token).first()


def unsubscribe(token: str) -> DigestSubscription | None:
    subscription = find_by_token(token)
    if subscription is not None and subscription.unsubscribed_at is None:
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["unsubscribed_at"])
    return subscription


def send_weekly_digest(*, week=None) -> DigestReport:
    """Email the new actions of ``week`` (default: the last complete week) to every confirmed
    subscriber whose language has some; never twice for the same week."""
    week = week or weeks.previous_week_start()
    report = DigestReport(week=week)
    editions = {}
    for locale in Locale.objects.filter(language_code__in=dict(settings.LANGUAGES)):
        actions = services.actions_published_in_week(locale_id=locale.pk, monday=week)
        linked = [(action, page_url(action)) for action in actions]
        linked = [(action, url) for action, url in linked if url]
        if linked:
            directory = services.directory_index(locale.pk)
            editions[locale.language_code] = {
                "actions": linked,
                "directory_url": (page_url(directory) if directory else None) or "",
            }
    already = DigestDelivery.objects.filter(week=week).values("subscription_id")
    subscriptions = DigestSubscription.objects.active().exclude(pk__in=already).order_by("pk")
    connection = get_connection()
    for subscription in subscriptions.iterator(chunk_size=500):
        edition = editions.get(subscription.language)
        if edition is None:
            report.nothing_new += 1
            continue
        try:
            with transaction.atomic():
                delivery = DigestDelivery.objects.create(
                    subscription=subscription, week=week, action_count=len(edition["actions"])
                )
        except IntegrityError:
            report.already_sent += 1
            continue
        try:
            digest_message(subscription, week, edition, connection=connection).send()
        except (smtplib.SMTPException, OSError):
            logger.exception("weekly digest to subscription %s failed", subscription.pk)
            delivery.delete()
            report.failed += 1
            continue
        DigestDelivery.objects.filter(pk=delivery.pk).update(sent_at=timezone.now())
        report.sent += 1
    return report


def digest_message(subscription, week, edition, *, connection=None) -> notify.Email:
    unsubscribe_url = subscription_url("actions:digest_unsubscribe", subscription)

    def week_label() -> str:  # in the subscriber's language (notify evaluates it there)
        return date_format(week, "j F Y")

    return notify.message(
        to=subscription.email,
        language=subscription.language,
        subject=_("Les nouvelles actions de la semaine du %(date)s"),
        subject_params=lambda: {"date": week_label()},
        template="actions/email/digest.txt",
        context=lambda: {
            "week_label": week_label(),
            "actions": edition["actions"],
            "directory_url": edition["directory_url"],
            "unsubscribe_url": unsubscribe_url,
        },
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
