"""Everything the portal keeps about a person, room by room: one collector per room.

Each ``Collector`` (see ``portal.personal_data``) says what the room holds about a user
(``export``, plain JSON-ready data), what must happen to it when the account is deleted
(``erase``, run before the user row goes; rows that merely point to the user with ``SET_NULL``
or ``CASCADE`` follow the deletion), and what would stop a self-service deletion (``blocker``,
a message for people).

The data export and the account deletion both walk ``collectors()``: the domain rooms'
collectors below, then those the other rooms register with the ``register_personal_data``
hook (``partners``, ``sponsors``). A room that starts keeping personal data adds its
collector, and both follow. Anonymous figures stay: completed
pledges (their volunteer becomes NULL), the needs' counters, impact reports (their user and
membership become NULL) and every counter the home page shows.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.contrib.forms.models import FormSubmission

from actions.models import DigestSubscription
from matching.models import Need, NeedAlert, NeedReport, Pledge, PledgeStatus, VolunteerProfile
from matching.services import cancel_pledge
from portal.models import OutgoingEmail
from portal.personal_data import Collector, registered_collectors
from programme.models import (
    CohortMessage,
    CohortStatus,
    Coordinator,
    DailyEmail,
    ImpactReport,
    Membership,
    MembershipStatus,
)
from programme.services import placement, sponsorship
from volunteers.personal_data_slots import erase_slots, export_slots


def _nothing(user) -> None:
    """The rows go with the account (CASCADE) or lose their link to it (SET_NULL)."""


def _title(page) -> str | None:
    return page.title if page is not None else None


# --- accounts (django.contrib.auth) -------------------------------------------------------


def export_account(user) -> dict:
    return {
        "username": user.get_username(),
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "is_active": user.is_active,
    }


def account_blocker(user) -> str | None:
    if user.is_staff or user.is_superuser:
        return _(
            "Un compte de l'équipe ne se supprime pas ici : adressez-vous à un administrateur."
        )
    return None


# --- matching: volunteer profile, pledges, need reports -----------------------------------


def _profile(user) -> VolunteerProfile | None:
    return VolunteerProfile.objects.filter(user=user).prefetch_related("challenges").first()


def export_profile(user) -> dict | None:
    profile = _profile(user)
    if profile is None:
        return None
    return {
        "postcode": profile.postcode,
        "latitude": profile.latitude,
        "longitude": profile.longitude,
        "geocoding_status": profile.geocoding_status,
        "radius_km": profile.radius_km,
        "challenges": [page.title for page in profile.challenges.all()],
        "skills": list(profile.skills),
        "availability": list(profile.availability),
        "phone": profile.phone,
        "urgent_alerts": profile.urgent_alerts,
        "language": profile.language,
        "data_consent_at": profile.data_consent_at,
        "contact_consent_at": profile.contact_consent_at,
        "created_at": profile.created_at,
        "updated_at": profile.updated_at,
    }


def export_pledges(user) -> list[dict]:
    pledges = Pledge.objects.filter(volunteer__user=user).select_related("need__place")
    return [
        {
            "id": pledge.pk,
            "need_id": pledge.need_id,
            "need": pledge.need.title,
            "place": pledge.need.place.name,
            "town": pledge.need.place.town,
            "quantity": pledge.quantity,
            "unit": pledge.need.unit,
            "status": pledge.status,
            "contact_channel": pledge.contact_channel,
            "created_at": pledge.created_at,
            "done_at": pledge.done_at,
            "cancelled_at": pledge.cancelled_at,
        }
        for pledge in pledges.order_by("created_at", "pk")
    ]


def erase_pledges(user) -> None:
    """Pending pledges are released; completed ones stay, anonymous (volunteer NULL)."""
    pending = Pledge.objects.filter(volunteer__user=user, status=PledgeStatus.PLEDGED)
    for pledge_id in list(pending.values_list("pk", flat=True)):
        cancel_pledge(pledge_id=pledge_id)


def export_need_reports(user) -> list[dict]:
    reports = NeedReport.objects.filter(reporter=user).select_related("need")
    return [
        {
            "need_id": report.need_id,
            "need": report.need.title,
            "reason": report.reason,
            "message": report.message,
            "status": report.status,
            "created_at": report.created_at,
        }
        for report in reports.order_by("created_at", "pk")
    ]


def export_urgent_alerts(user) -> list[dict]:
    """Urgent-need emails the volunteer was sent (or skipped for); the rows go with the
    profile, the alert runs keep their counts."""
    alerts = NeedAlert.objects.filter(volunteer__user=user).select_related("need")
    return [
        {
            "need_id": alert.need_id,
            "need": alert.need.title,
            "status": alert.status,
            "created_at": alert.created_at,
            "sent_at": alert.sent_at,
        }
        for alert in alerts.order_by("created_at", "pk")
    ]


def export_needs_created(user) -> list[dict]:
    return [
        {"id": pk, "title": title, "created_at": created_at}
        for pk, title, created_at in Need.objects.filter(created_by=user)
        .order_by("pk")
        .values_list("pk", "title", "created_at")
    ]


# --- programme: enrolments, emails received, reports, coordination ------------------------


def export_memberships(user) -> list[dict]:
    memberships = Membership.objects.filter(user=user).select_related("challenge")
    sponsors = dict(
        Membership.objects.filter(user=user, **{f"{sponsorship.LINK}__isnull": False}).values_list(
            "pk", sponsorship.KEY_LOOKUP
        )
    )
    emails = {}
    for email in DailyEmail.objects.filter(membership__user=user).order_by("day"):
        emails.setdefault(email.membership_id, []).append(
            {"day": email.day, "sent_at": email.sent_at, "opened_at": email.opened_at}
        )
    return [
        {
            "challenge": _title(membership.challenge),
            "language": membership.language,
            "area": membership.area,
            "start_date": membership.start_date,
            "status": membership.status,
            "cohort_id": membership.cohort_id,
            "waiting_position": membership.waiting_position,
            "created_at": membership.created_at,
            "confirmed_at": membership.confirmed_at,
            "placed_at": membership.placed_at,
            "sponsor_key": sponsors.get(membership.pk, ""),
            "daily_emails": emails.get(membership.pk, []),
        }
        for membership in memberships.order_by("start_date", "pk")
    ]


def erase_memberships(user) -> None:
    """Leave the weeks still to come or running (frees the place, keeps waiting lists exact);
    the enrolments themselves go with the account."""
    live = Membership.objects.filter(
        user=user, status__in=[MembershipStatus.WAITING, MembershipStatus.PLACED]
    ).exclude(cohort__status__in=[CohortStatus.FINISHED, CohortStatus.CANCELLED])
    for membership in list(live):
        placement.cancel_membership(membership)


def export_impact_reports(user) -> list[dict]:
    reports = ImpactReport.objects.filter(user=user).select_related("challenge", "action_page")
    return [
        {
            "challenge": _title(report.challenge),
            "unit": report.unit,
            "quantity": report.quantity,
            "action": _title(report.action_page),
            "pledge_id": report.pledge_id,
            "note": report.note,
            "status": report.status,
            "created_at": report.created_at,
        }
        for report in reports.order_by("created_at", "pk")
    ]


def erase_impact_reports(user) -> None:
    """Reports stay in the figures; only the volunteer's own words go."""
    ImpactReport.objects.filter(user=user).update(note="")


def export_coordination(user) -> dict | None:
    coordinator = Coordinator.objects.filter(user=user).first()
    if coordinator is None:
        return None
    return {
        "language": coordinator.language,
        "area": coordinator.area,
        "created_at": coordinator.created_at,
        "trainings": [
            {"challenge": _title(training.challenge), "completed_on": training.completed_on}
            for training in coordinator.trainings.select_related("challenge")
        ],
        "cohort_ids": list(coordinator.cohorts.values_list("pk", flat=True)),
        "sponsor_keys": list(coordinator.sponsor_links.values_list("sponsor_key", flat=True)),
        "messages": [
            {
                "cohort_id": message.cohort_id,
                "subject": message.subject,
                "body": message.body,
                "sent_at": message.sent_at,
            }
            for message in CohortMessage.objects.filter(sender=user).order_by("sent_at")
        ],
    }


def coordination_blocker(user) -> str | None:
    if Coordinator.objects.filter(user=user, cohorts__isnull=False).exists():
        return _(
            "Vous animez ou avez animé des promotions : écrivez à l'équipe pour supprimer votre "
            "compte, afin que vos promotions soient confiées à quelqu'un d'autre."
        )
    return None


# --- actions: weekly digest subscription ---------------------------------------------------


def _digest(user):
    if not user.email:
        return DigestSubscription.objects.none()
    return DigestSubscription.objects.filter(email__iexact=user.email)


def export_digest(user) -> list[dict]:
    return [
        {
            "email": subscription.email,
            "language": subscription.language,
            "created_at": subscription.created_at,
            "confirmed_at": subscription.confirmed_at,
            "unsubscribed_at": subscription.unsubscribed_at,
            "weeks_sent": [delivery.week for delivery in subscription.deliveries.order_by("week")],
        }
        for subscription in _digest(user)
    ]


def erase_digest(user) -> None:
    _digest(user).delete()


# --- home: messages sent through the contact form ------------------------------------------


def _contact_messages(user) -> list[FormSubmission]:
    """Submissions where one of the answers is the person's email address."""
    email = (user.email or "").strip().lower()
    if not email:
        return []
    candidates = FormSubmission.objects.filter(form_data__icontains=email).select_related("page")
    return [
        submission
        for submission in candidates
        if any(
            isinstance(value, str) and value.strip().lower() == email
            for value in (submission.form_data or {}).values()
        )
    ]


def export_contact_messages(user) -> list[dict]:
    return [
        {
            "page": _title(submission.page),
            "submitted_at": submission.submit_time,
            "answers": submission.form_data,
        }
        for submission in _contact_messages(user)
    ]


def erase_contact_messages(user) -> None:
    FormSubmission.objects.filter(
        pk__in=[submission.pk for submission in _contact_messages(user)]
    ).delete()


# --- portal: emails addressed to the person, waiting in (or relayed from) the email outbox ---


def _outgoing_emails(user) -> list[OutgoingEmail]:
    email = (user.email or "").strip().lower()
    if not email:
        return []
    candidates = OutgoingEmail.objects.filter(to__icontains=email)
    return [row for row in candidates if email in [address.lower() for address in row.to]]


def export_outgoing_emails(user) -> list[dict]:
    return [
        {"subject": row.subject, "created_at": row.created_at, "relayed_at": row.sent_at}
        for row in _outgoing_emails(user)
    ]


def erase_outgoing_emails(user) -> None:
    OutgoingEmail.objects.filter(pk__in=[row.pk for row in _outgoing_emails(user)]).delete()


# --- the registry ----------------------------------------------------------------------------

COLLECTORS: tuple[Collector, ...] = (
    Collector("account", export_account, _nothing, account_blocker),
    Collector("volunteer_profile", export_profile, _nothing),
    Collector("pledges", export_pledges, erase_pledges),
    Collector("slots", export_slots, erase_slots),
    Collector("urgent_alerts", export_urgent_alerts, _nothing),
    Collector("need_reports", export_need_reports, _nothing),
    Collector("needs_created", export_needs_created, _nothing),
    Collector("programme_memberships", export_memberships, erase_memberships),
    Collector("impact_reports", export_impact_reports, erase_impact_reports),
    Collector("coordination", export_coordination, _nothing, coordination_blocker),
    Collector("digest_subscriptions", export_digest, erase_digest),
    Collector("contact_messages", export_contact_messages, erase_contact_messages),
    Collector("outgoing_emails", export_outgoing_emails, erase_outgoing_emails),
)


def collectors() -> tuple[Collector, ...]:
    return COLLECTORS + registered_collectors()


# Every field of the project's models that points to a user or holds an email address, and
# where it is handled: tests fail when a room adds one that is not listed here.
FIELDS_EXPORTED = frozenset(
    {
        "matching.VolunteerProfile.user",  # volunteer_profile, pledges, urgent_alerts
        "matching.NeedReport.reporter",  # need_reports (SET_NULL on deletion)
        "matching.Need.created_by",  # needs_created (SET_NULL on deletion)
        "programme.Membership.user",  # programme_memberships (cancelled, then CASCADE)
        "programme.ImpactReport.user",  # impact_reports (SET_NULL, note erased)
        "programme.Coordinator.user",  # coordination (deletion refused with cohorts)
        "programme.CohortMessage.sender",  # coordination.messages (SET_NULL)
        "actions.DigestSubscription.email",  # digest_subscriptions (deleted)
        "partners.PartnerMember.user",  # partner.membership (CASCADE)
        "partners.PartnerInvitation.email",  # partner.invitations (deleted)
        "sponsors.SponsorPage.contacts",  # sponsor_contact (the link goes with the account)
    }
)
# Not a volunteer's data: staff actions that record who did them (SET_NULL when the account
# goes) and the site's own addresses.
FIELDS_NOT_VOLUNTEER_DATA = frozenset(
    {
        "home.ContactFormPage.from_address",
        "matching.NeedReport.handled_by",
        "partners.PartnerApplication.decided_by",  # the editor who decided
        "partners.PartnerApplication.email",  # an organisation's contact, for editors only
        "partners.PartnerInvitation.invited_by",
        "programme.CohortCall.done_by",
        "sponsors.SponsorMobiliser.named_by",
    }
)


def export_all(user) -> dict:
    """Everything about ``user``, one section per collector."""
    data = {"exported_at": timezone.now()}
    for collector in collectors():
        data[collector.key] = collector.export(user)
    return data


def deletion_blockers(user) -> list[str]:
    return [
        message
        for collector in collectors()
        if collector.blocker is not None and (message := collector.blocker(user))
    ]


def erase_all(user) -> None:
    """Each room forgets the person (the caller then deletes the account, in one transaction)."""
    for collector in collectors():
        if collector.erase is not None:
            collector.erase(user)
