"""Emails to partners: one per new pledge (members with ``notify_pledges``) and a daily summary
(members with ``daily_summary``), each in the member's language. A pledge for a place with no
partner account (no partner, or no active member with an email) goes to the editors' inbox
(``STAFF_EMAIL``) instead: never to nobody.

What a partner learns of a volunteer is partners.pledge_contact's rule: the first name, and the
email or phone only when the volunteer chose to share it for that pledge.

The daily summary goes at most once per partner and day: ``DailySummaryLog`` (unique on
(partner, day)) is claimed and committed before the emails leave; a second run finds it and
sends nothing. When sending fails, the claim is removed so a later run may try again.
"""

import datetime
import logging
from collections.abc import Callable, Iterable
from functools import partial
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Upper
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from challenges.models import PartnerPage
from matching import services as matching_services
from matching.models import Need, NeedStatus, Pledge
from partners import pledge_contact
from partners.models import DailySummaryLog, PartnerInvitation, PartnerMember
from partners.services import partner_for_language
from portal import notify
from portal.compiled_query import CompiledQuery
from portal.i18n import absolute_reverse

logger = logging.getLogger(__name__)


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def recipients(partner: PartnerPage, *, preference: str) -> QuerySet[PartnerMember]:
    """Active members with an email who asked for this kind of email."""
    return (
        PartnerMember.objects.filter(partner=partner, user__is_active=True, **{preference: True})
        .exclude(user__email="")
        .select_related("user")
        .order_by("pk")
    )


def need_pledges_url(need_id: int, language: str) -> str:
    """Where the partner sees the need's pledges (the partner space's home as a fallback)."""
    try:
        return absolute_reverse("partners:need_pledges", language, need_id)
    except NoReverseMatch:
        return absolute_reverse("partners:home", language)


def _to_members(
    members: Iterable[PartnerMember],
    partner: PartnerPage,
    *,
    template: str,
    subject,
    subject_params: dict | Callable[[], dict],
    build: Callable[[str], dict],
) -> list[notify.Email]:
    """One message per member, in the language they were invited in (the site's default
    otherwise; all members' read in one query, see portal.notify):
    ``build(language)`` gives the template's context, to which the member and the partner's
    page are added (the page looked up once per language)."""
    partner_in: dict[str, PartnerPage] = {}

    def context(member: PartnerMember, language: str) -> dict:
        if language not in partner_in:
            partner_in[language] = partner_for_language(partner, language)
        return build(language) | {"member": member, "partner": partner_in[language]}

    members = list(members)
    invited = invited_languages(members)
    messages = []
    for member in members:
        language = invited.get(member.pk) or settings.LANGUAGE_CODE
        messages.append(
            notify.message(
                to=member.user.email,
                language=language,
                subject=subject,
                subject_params=subject_params,
                template=template,
                context=partial(context, member, language),
            )
        )
    return messages


def _send_all(messages: list[notify.Email]) -> int:
    if not messages:
        return 0
    connection = get_connection()
    for message in messages:
        message.connection = connection
    return connection.send_messages(messages) or 0


# --- One email per new pledge ---------------------------------------------------------------


def send_pledge_notification(pledge_id: int) -> int:
    """Tell the members of the need's partner about a new pledge; returns emails sent."""
    pledge = matching_services.pledge_for_emails(pledge_id, to_partner=True)
    if pledge is None:
        return 0
    partner_id = pledge.need.place.partner_id
    members = _members(partner_id) if partner_id is not None else []
    if not members:  # no partner, or nobody to read its emails
        return _send_all([_to_editors(pledge)])
    notified = [member for member in members if member.notify_pledges]
    if not notified:
        return 0

    def build(language: str) -> dict:
        return {
            "pledge": pledge,
            "need": pledge.need,
            "first_name": pledge_contact.volunteer_first_name(pledge),
            "email": pledge_contact.shared_email(pledge),
            "phone": pledge_contact.shared_phone(pledge),
            "url": need_pledges_url(pledge.need_id, language),
        }

    messages = _to_members(
        notified,
        _partner_page(partner_id),
        template="partners/email/pledge.txt",
        subject=_("Nouvel engagement pour « %(title)s »"),
        subject_params={"title": pledge.need.title},
        build=build,
    )
    return _send_all(messages)


# Who can read a partner's emails, in one query (compiled once per process): its active
# members with an email, each with ``notify_pledges`` (recipients' preference).
_MEMBERS = CompiledQuery(
    PartnerMember.objects.filter(user__is_active=True)
    .exclude(user__email="")
    .select_related("user")
    .only("partner_id", "notify_pledges", "user__email")
    .order_by("pk"),
    "partner_id",
)


def _members(partner_id: int) -> list[PartnerMember]:
    return _MEMBERS.rows(partner_id)


def invited_languages(members: list[PartnerMember]) -> dict[int, str | None]:
    """The language each member was invited in, in one query: member pk -> the language of
    their latest accepted invitation (None without one)."""
    invitations = (
        PartnerInvitation.objects.annotate(email_upper=Upper("email"))
        .filter(
            partner_id=OuterRef("partner_id"),
            email_upper=Upper(OuterRef("user__email")),
            accepted_at__isnull=False,
        )
        .order_by("-accepted_at")
        .values("language")[:1]
    )
    return dict(
        PartnerMember.objects.filter(pk__in=[member.pk for member in members])
        .annotate(invited_language=Subquery(invitations))
        .values_list("pk", "invited_language")
    )


_PARTNER_PAGE = CompiledQuery(
    PartnerPage.objects.select_related("locale").only(
        "title", "translation_key", "locale__language_code"
    ),
    "pk",
)


def _partner_page(partner_id: int) -> PartnerPage:
    """What the pledge email reads of the partner's page (its name), and what finds it in
    another language (portal.i18n.in_language)."""
    return _PARTNER_PAGE.first(partner_id)


def _to_editors(pledge: Pledge) -> notify.Email:
    """A pledge for a place without a partner account goes to the editors' inbox (STAFF_EMAIL),
    in the site's language: someone passes it on, nobody is left waiting. ``pledge`` comes
    from pledge_for_emails without the partner's page: its name is ``partner_title``."""
    place = pledge.need.place
    partner = {"title": pledge.partner_title} if place.partner_id is not None else None
    return notify.to_staff(
        subject=_("Engagement à transmettre : « %(title)s »"),
        subject_params={"title": pledge.need.title},
        template="partners/email/pledge_to_editors.txt",
        context=lambda: {
            "pledge": pledge,
            "need": pledge.need,
            "place": place,
            "partner": partner,
            "first_name": pledge_contact.volunteer_first_name(pledge),
            "email": pledge_contact.shared_email(pledge),
            "phone": pledge_contact.shared_phone(pledge),
            "url": absolute_reverse("matching:need_detail", settings.LANGUAGE_CODE, pledge.need_id),
        },
    )


# --- The daily summary ----------------------------------------------------------------------


def day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=_zone())
    return start, start + datetime.timedelta(days=1)


def pledges_of_day(partner: PartnerPage, day: datetime.date) -> QuerySet[Pledge]:
    start, end = day_bounds(day)
    return (
        Pledge.objects.filter(
            need__place__partner=partner, created_at__gte=start, created_at__lt=end
        )
        .select_related("need", "volunteer__user")
        .order_by("created_at")
    )


def open_needs(partner: PartnerPage) -> QuerySet[Need]:
    return Need.objects.filter(place__partner=partner, status=NeedStatus.OPEN).order_by(
        "-urgency", "title"
    )


def send_daily_summaries(*, day: datetime.date | None = None) -> int:
    """Every partner's summary of ``day`` (today, Paris time); returns emails sent."""
    day = day or timezone.localtime(timezone.now(), _zone()).date()
    partner_ids = (
        PartnerMember.objects.filter(daily_summary=True, user__is_active=True)
        .exclude(user__email="")
        .values_list("partner_id", flat=True)
        .distinct()
    )
    return sum(send_daily_summary(partner_id, day=day) for partner_id in set(partner_ids))


def send_daily_summary(partner_id: int, *, day: datetime.date) -> int:
    """One partner's summary of the day, unless already sent or there was no pledge."""
    partner = PartnerPage.objects.filter(pk=partner_id).first()
    if partner is None:
        return 0
    pledges = list(pledges_of_day(partner, day))
    members = list(recipients(partner, preference="daily_summary"))
    if not pledges or not members:
        return 0
    log = _claim_summary(partner, day, pledges=len(pledges))
    if log is None:
        return 0
    needs = list(open_needs(partner))

    def build(language: str) -> dict:
        return {
            "day": day,
            "pledges": [
                {
                    "pledge": pledge,
                    "first_name": pledge_contact.volunteer_first_name(pledge),
                    "contact": pledge_contact.shared_contact(pledge),
                }
                for pledge in pledges
            ],
            "needs": needs,
            "url": absolute_reverse("partners:home", language),
        }

    messages = _to_members(
        members,
        partner,
        template="partners/email/daily_summary.txt",
        subject=_("Vos engagements du %(day)s sur ré_action"),
        subject_params=lambda: {"day": _format_day(day)},  # a date in the member's language
        build=build,
    )
    try:
        sent = _send_all(messages)
    except Exception:
        logger.exception("Daily summary of partner %s not sent; a later run may retry", partner_id)
        DailySummaryLog.objects.filter(pk=log.pk).delete()
        raise
    DailySummaryLog.objects.filter(pk=log.pk).update(sent_at=timezone.now(), recipients=sent)
    return sent


def _format_day(day: datetime.date) -> str:
    return date_format(day, "DATE_FORMAT")


def _claim_summary(partner: PartnerPage, day: datetime.date, *, pledges: int):
    """Insert (and commit) the day's log row; None when another run already did."""
    try:
        with transaction.atomic():
            return DailySummaryLog.objects.create(
                partner=partner, day=day, claimed_at=timezone.now(), pledges=pledges
            )
    except IntegrityError:
        return None
