"""Pledges: commit, complete, cancel. The need's counters change only here, in conditional
UPDATEs that the database applies atomically, so no interleaving of simultaneous pledges can
promise more than wanted (and a CHECK constraint stands behind them)."""

from functools import cache

from django.db import connection, transaction
from django.db.models import F, Q, Sum
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from matching.models import (
    ContactChannel,
    Need,
    NeedStatus,
    Pledge,
    PledgeStatus,
    VolunteerProfile,
)
from matching.services.needs import HIDDEN_STATUSES
from portal.compiled_query import CompiledQuery

# Sent inside complete_pledge's transaction, once per pledge (the pledged → done step happens
# once under a row lock), whoever marks it done: partner space, partner API or the admin.
# Receivers that raise roll the completion back. ``pledge``: the Pledge, now done.
pledge_completed = Signal()


class PledgeError(Exception):
    """A pledge that cannot be made or changed; ``str()`` is a message for people."""


# Compiled once per process, as the emails' queries below.
_TO_PLEDGE = CompiledQuery(
    Need.objects.exclude(status__in=HIDDEN_STATUSES)
    .only("quantity_wanted", "quantity_pledged", "unit", "unit_singular")
    .order_by(),
    "pk",
)


def need_to_pledge(need_id: int) -> Need | None:
    """What the pledge form reads of a need the public may see (as ``public_need``): its
    quantities (``quantity_remaining``, the counter the pledge itself checks) and its units;
    None if there is none."""
    return _TO_PLEDGE.first(need_id)


def _check_contact(volunteer: VolunteerProfile, channel: str, phone: str) -> None:
    """The chosen contact must exist: an email on the account, a phone on the profile (or
    given now, then kept on the profile)."""
    if channel not in ContactChannel.values:
        raise PledgeError(_("Choisissez ce que vous partagez avec le partenaire."))
    if channel == ContactChannel.EMAIL and not volunteer.user.email:
        raise PledgeError(_("Votre compte n'a pas d'adresse e-mail : choisissez un autre moyen."))
    if channel == ContactChannel.PHONE and not (phone or volunteer.phone):
        raise PledgeError(_("Indiquez votre numéro de téléphone."))


def _reserve(need_id: int, quantity: int) -> bool:
    """Add ``quantity`` to an open need's promised quantity if that much is left, in one
    conditional UPDATE (what ``Need.objects.filter(open now, pk, pledged <= wanted - quantity)
    .update(pledged + quantity)`` does, its SQL written once instead of compiled per pledge)."""
    updated_at = Need._meta.get_field("updated_at")
    now = updated_at.get_db_prep_value(timezone.now(), connection)
    with connection.cursor() as cursor:
        cursor.execute(
            _reserve_sql(connection.vendor),
            [quantity, now, need_id, NeedStatus.OPEN, now, quantity],
        )
        return cursor.rowcount == 1


@cache
def _reserve_sql(vendor: str) -> str:
    quote = connection.ops.quote_name
    column = {name: quote(Need._meta.get_field(name).column) for name in _RESERVE_COLUMNS}
    pledged, wanted = column["quantity_pledged"], column["quantity_wanted"]
    return (
        f"UPDATE {quote(Need._meta.db_table)} "  # noqa: S608 (names from the model)
        f"SET {pledged} = {pledged} + %s, {column['updated_at']} = %s "
        f"WHERE {quote(Need._meta.pk.column)} = %s AND {column['status']} = %s "
        f"AND ({column['ends_at']} IS NULL OR {column['ends_at']} > %s) "
        f"AND {pledged} <= {wanted} - %s"
    )


_RESERVE_COLUMNS = ("quantity_pledged", "quantity_wanted", "updated_at", "status", "ends_at")


@transaction.atomic
def pledge(
    *,
    volunteer: VolunteerProfile,
    need_id: int,
    quantity: int,
    contact_channel: str = ContactChannel.NONE,
    phone: str = "",
) -> Pledge:
    """Promise ``quantity`` to a need, sharing ``contact_channel`` with its partner only, or
    raise PledgeError saying why not. A ``phone`` given with the PHONE channel is kept on the
    volunteer's profile (only when the pledge is made)."""
    if quantity < 1:
        raise PledgeError(_("Indiquez une quantité d'au moins 1."))
    _check_contact(volunteer, contact_channel, phone)
    if not _reserve(need_id, quantity):
        need = Need.objects.filter(pk=need_id).first()
        if need is None or not need.is_open:
            raise PledgeError(_("Ce besoin n'est plus ouvert aux engagements."))
        if need.quantity_remaining == 0:
            raise PledgeError(_("Ce besoin est déjà entièrement couvert par d'autres volontaires."))
        raise PledgeError(
            _("Il ne reste que %(remaining)s %(unit)s à promettre.")
            % {"remaining": need.quantity_remaining, "unit": need.unit_for(need.quantity_remaining)}
        )
    if contact_channel == ContactChannel.PHONE and phone and phone != volunteer.phone:
        VolunteerProfile.objects.filter(pk=volunteer.pk).update(
            phone=phone, updated_at=timezone.now()
        )
        volunteer.phone = phone
    return Pledge.objects.create(
        volunteer=volunteer, need_id=need_id, quantity=quantity, contact_channel=contact_channel
    )


# What the emails about a pledge read of it: a few columns of each row, not the hundred of a
# partner's page. The volunteer's confirmation and reminder (see pledge_follow_up): where,
# when, and the partner's id (its name and website, ``localized`` to the reader, are kept
# per publication: its page is read only when they are not).
VOLUNTEER_EMAIL_FIELDS = (
    "need_id",
    "volunteer_id",
    "quantity",
    "status",
    "need__title",
    "need__unit",
    "need__unit_singular",
    "need__starts_at",
    "need__ends_at",
    "need__place_id",
    "need__place__name",
    "need__place__address",
    "need__place__postcode",
    "need__place__town",
    "need__place__public_precision",
    "need__place__public_instructions",
    "need__place__public_contact",
    "need__place__partner_id",
    "volunteer__user_id",
    "volunteer__language",
    "volunteer__user__email",
    "volunteer__user__first_name",
)
# The partner's notification: the need's progress, the place, and what partners.pledge_contact
# reads of the volunteer; the partner's name only (``partner_title``), not its page.
PARTNER_EMAIL_FIELDS = (
    "need_id",
    "volunteer_id",
    "quantity",
    "contact_channel",
    "need__title",
    "need__unit",
    "need__unit_singular",
    "need__quantity_wanted",
    "need__quantity_pledged",
    "need__place_id",
    "need__place__name",
    "need__place__postcode",
    "need__place__town",
    "need__place__partner_id",
    "volunteer__user_id",
    "volunteer__phone",
    "volunteer__user__email",
    "volunteer__user__first_name",
    "volunteer__user__is_active",
)
# Compiled once per process: each email about a pledge reads it anew, with four joins.
_TO_VOLUNTEER = CompiledQuery(
    Pledge.objects.select_related("need__place", "volunteer__user")
    .only(*VOLUNTEER_EMAIL_FIELDS)
    .order_by(),
    "pk",
)
_TO_PARTNER = CompiledQuery(
    Pledge.objects.select_related("need__place", "volunteer__user")
    .only(*PARTNER_EMAIL_FIELDS)
    .annotate(partner_title=F("need__place__partner__title"))
    .order_by(),
    "pk",
)


def pledge_for_emails(pledge_id: int, *, to_partner: bool = False) -> Pledge | None:
    """A pledge with its need, place and volunteer, as the emails about it read them: one
    query of the columns they use. The volunteer's emails get ``need.place.partner_id`` (its
    page read lazily, see pledge_follow_up.shown_partner); the partner's (``to_partner``) its
    name too, ``partner_title`` (None without a partner)."""
    return (_TO_PARTNER if to_partner else _TO_VOLUNTEER).first(pledge_id)


@transaction.atomic
def complete_pledge(*, pledge_id: int) -> Pledge:
    """The partner confirms a pledge was done; the need is fulfilled once all is done."""
    pledge_row = Pledge.objects.select_for_update().get(pk=pledge_id)
    if pledge_row.status != PledgeStatus.PLEDGED:
        raise PledgeError(_("Seul un engagement en cours peut être marqué comme réalisé."))
    now = timezone.now()
    Pledge.objects.filter(pk=pledge_id).update(
        status=PledgeStatus.DONE, done_at=now, updated_at=now
    )
    Need.objects.filter(pk=pledge_row.need_id).update(
        quantity_fulfilled=F("quantity_fulfilled") + pledge_row.quantity, updated_at=now
    )
    close_if_fulfilled(pledge_row.need_id)
    pledge_row.refresh_from_db()
    pledge_completed.send(sender=Pledge, pledge=pledge_row)
    return pledge_row


@transaction.atomic
def cancel_pledge(*, pledge_id: int) -> Pledge:
    """A pledge withdrawn: its quantity is open to others again."""
    pledge_row = Pledge.objects.select_for_update().get(pk=pledge_id)
    if pledge_row.status != PledgeStatus.PLEDGED:
        raise PledgeError(_("Seul un engagement en cours peut être annulé."))
    now = timezone.now()
    Pledge.objects.filter(pk=pledge_id).update(
        status=PledgeStatus.CANCELLED, cancelled_at=now, updated_at=now
    )
    Need.objects.filter(pk=pledge_row.need_id).update(
        quantity_pledged=F("quantity_pledged") - pledge_row.quantity, updated_at=now
    )
    pledge_row.refresh_from_db()
    return pledge_row


def close_if_fulfilled(need_id: int) -> bool:
    """An open need whose whole quantity is done closes itself (status 'fulfilled')."""
    return bool(
        Need.objects.filter(
            pk=need_id, status=NeedStatus.OPEN, quantity_fulfilled__gte=F("quantity_wanted")
        ).update(status=NeedStatus.FULFILLED, updated_at=timezone.now())
    )


@transaction.atomic
def recount_need(need_id: int) -> None:
    """Recompute a need's counters from its pledges (after a pledge is deleted)."""
    need = Need.objects.select_for_update().filter(pk=need_id).first()
    if need is None:
        return
    totals = need.pledges.aggregate(
        pledged=Sum("quantity", filter=Q(status__in=[PledgeStatus.PLEDGED, PledgeStatus.DONE])),
        fulfilled=Sum("quantity", filter=Q(status=PledgeStatus.DONE)),
    )
    Need.objects.filter(pk=need_id).update(
        quantity_pledged=totals["pledged"] or 0,
        quantity_fulfilled=totals["fulfilled"] or 0,
        updated_at=timezone.now(),
    )
    close_if_fulfilled(need_id)
