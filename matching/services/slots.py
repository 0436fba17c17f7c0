"""Time slots: take a place, wait for one, cancel, confirm it was done, weekly series.

No over-commit: a place is taken by one conditional UPDATE (``places_taken < places``) that the
database applies atomically, as pledges do (matching.services.pledging), with a CHECK
constraint behind it. A volunteer's own bookings are serialised by locking their profile row
(PostgreSQL), so two overlapping slots cannot both be taken at once.

Waiting list, exactly once: a freed place goes to the first in line in the transaction that
freed it. The entry moves WAITING -> OFFERED by a conditional UPDATE, so only one transaction
wins it; that transaction creates the booking (the place is transferred, ``places_taken`` does
not move) and queues the email through the project's mail path after its commit.
"""

import datetime
import secrets
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Max, OuterRef, QuerySet, Subquery, Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from matching.models import (
    Need,
    NeedStatus,
    Slot,
    SlotBooking,
    SlotBookingStatus,
    SlotWaitlistEntry,
    VolunteerProfile,
    WaitlistStatus,
)
from portal import mail, notify
from portal.i18n import absolute_reverse

MAX_SERIES_SLOTS = 100
MAX_SERIES_DAYS = 366
MAX_SLOT_HOURS = 24


class SlotError(Exception):
    """A place that cannot be taken or changed; ``str()`` is a message for people."""


class SlotFull(SlotError):
    """Every place is taken: the volunteer may join the waiting list."""


def zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def local_span(slot: Slot) -> str:
    """'samedi 6 juin 2026, 09:00–12:00' in the active language, Paris time."""
    start = timezone.localtime(slot.starts_at, zone())
    end = timezone.localtime(slot.ends_at, zone())
    day = date_format(start, "l j F Y")
    if start.date() != end.date():
        return f"{day}, {start:%H:%M} – {date_format(end, 'l j F Y')}, {end:%H:%M}"
    return f"{day}, {start:%H:%M}–{end:%H:%M}"


# --- Reading -------------------------------------------------------------------------------


def upcoming_slots(need: Need) -> QuerySet[Slot]:
    return need.slots.filter(ends_at__gt=timezone.now()).order_by("starts_at", "pk")


def last_slot_end() -> Subquery:
    """When a need's last slot ends (null: it has none), as a column of a query of needs
    (``annotate(last_slot_ends_at=last_slot_end())``): most needs have no slot, and a page
    that reads the need learns it without asking for its slots."""
    ends = Slot.objects.filter(need=OuterRef("pk")).order_by().values("need")
    return Subquery(ends.annotate(last=Max("ends_at")).values("last"))


def may_have_upcoming_slots(need: Need) -> bool:
    """False when the need's query read ``last_slot_ends_at`` and no slot ends after now;
    True otherwise (``upcoming_slots`` tells)."""
    if "last_slot_ends_at" not in need.__dict__:
        return True
    return need.last_slot_ends_at is not None and need.last_slot_ends_at > timezone.now()


def active_bookings(volunteer: VolunteerProfile) -> QuerySet[SlotBooking]:
    return SlotBooking.objects.filter(
        volunteer=volunteer, status__in=[SlotBookingStatus.BOOKED, SlotBookingStatus.DONE]
    )


def _overlapping(volunteer: VolunteerProfile, slot: Slot) -> SlotBooking | None:
    return (
        active_bookings(volunteer)
        .filter(slot__starts_at__lt=slot.ends_at, slot__ends_at__gt=slot.starts_at)
        .select_related("slot__need")
        .first()
    )


def hours_done(volunteer_ids=None, *, user_ids=None) -> Decimal:
    """Hours of done slots, of some volunteer profiles or of some users."""
    done = SlotBooking.objects.filter(status=SlotBookingStatus.DONE)
    if volunteer_ids is not None:
        done = done.filter(volunteer_id__in=volunteer_ids)
    if user_ids is not None:
        done = done.filter(volunteer__user_id__in=user_ids)
    return done.aggregate(total=Sum("hours"))["total"] or Decimal("0")


# --- Taking and leaving a place ------------------------------------------------------------


def _bookable_slot(slot_id: int) -> Slot:
    slot = Slot.objects.select_related("need").filter(pk=slot_id).first()
    if slot is None or not slot.need.is_open:
        raise SlotError(_("Ce créneau n'est plus ouvert aux volontaires."))
    if slot.starts_at <= timezone.now():
        raise SlotError(_("Ce créneau a déjà commencé : choisissez-en un autre."))
    return slot


def _lock_volunteer(volunteer: VolunteerProfile) -> None:
    VolunteerProfile.objects.select_for_update().filter(pk=volunteer.pk).first()


def _refuse_overlap(volunteer: VolunteerProfile, slot: Slot) -> None:
    clash = _overlapping(volunteer, slot)
    if clash is None:
        return
    if clash.slot_id == slot.pk:
        raise SlotError(_("Vous avez déjà une place sur ce créneau."))
    raise SlotError(
        _("Ce créneau chevauche un autre de vos créneaux : « %(title)s », %(when)s.")
        % {"title": clash.slot.need.title, "when": local_span(clash.slot)}
    )


@transaction.atomic
def take_place(*, volunteer: VolunteerProfile, slot_id: int) -> SlotBooking:
    """Take one place in a slot, or raise SlotError (SlotFull when every place is taken)."""
    slot = _bookable_slot(slot_id)
    _lock_volunteer(volunteer)
    _refuse_overlap(volunteer, slot)
    taken = Slot.objects.filter(pk=slot_id, places_taken__lt=F("places")).update(
        places_taken=F("places_taken") + 1
    )
    if not taken:
        raise SlotFull(_("Toutes les places de ce créneau sont prises."))
    try:
        with transaction.atomic():
            booking = SlotBooking.objects.create(slot_id=slot_id, volunteer=volunteer)
    except IntegrityError as error:
        raise SlotError(_("Vous avez déjà une place sur ce créneau.")) from error
    _waiting(slot_id, volunteer).update(status=WaitlistStatus.LEFT)
    return booking


def _waiting(slot_id: int, volunteer: VolunteerProfile) -> QuerySet[SlotWaitlistEntry]:
    return SlotWaitlistEntry.objects.filter(
        slot_id=slot_id, volunteer=volunteer, status=WaitlistStatus.WAITING
    )


@transaction.atomic
def join_waitlist(*, volunteer: VolunteerProfile, slot_id: int) -> SlotWaitlistEntry:
    """Wait for a place in a full slot; the first in line gets the next freed place."""
    slot = _bookable_slot(slot_id)
    _lock_volunteer(volunteer)
    _refuse_overlap(volunteer, slot)
    existing = _waiting(slot_id, volunteer).first()
    if existing is not None:
        return existing
    if slot.places_left > 0:
        raise SlotError(_("Il reste des places sur ce créneau : prenez-en une directement."))
    return SlotWaitlistEntry.objects.create(slot_id=slot_id, volunteer=volunteer)


def waitlist_position(entry: SlotWaitlistEntry) -> int:
    """1 = next to be offered a place."""
    return (
        SlotWaitlistEntry.objects.filter(
            slot_id=entry.slot_id, status=WaitlistStatus.WAITING, pk__lte=entry.pk
        ).count()
        if entry.status == WaitlistStatus.WAITING
        else 0
    )


@transaction.atomic
def leave_waitlist(*, entry_id: int) -> None:
    SlotWaitlistEntry.objects.filter(pk=entry_id, status=WaitlistStatus.WAITING).update(
        status=WaitlistStatus.LEFT
    )


@transaction.atomic
def cancel_booking(*, booking_id: int) -> SlotBooking:
    """A volunteer gives their place back: the first in line gets it (and one email)."""
    booking = SlotBooking.objects.select_for_update().select_related("slot").get(pk=booking_id)
    if booking.status != SlotBookingStatus.BOOKED:
        raise SlotError(_("Seule une place en cours peut être annulée."))
    now = timezone.now()
    SlotBooking.objects.filter(pk=booking_id).update(
        status=SlotBookingStatus.CANCELLED, cancelled_at=now
    )
    if booking.slot.starts_at <= now or not _offer_freed_place(booking.slot):
        Slot.objects.filter(pk=booking.slot_id).update(places_taken=F("places_taken") - 1)
    booking.refresh_from_db()
    return booking


def _offer_freed_place(slot: Slot) -> SlotBooking | None:
    """Hand the freed place to the first waiting volunteer free at that time (None: nobody)."""
    entries = (
        SlotWaitlistEntry.objects.select_for_update(skip_locked=True)
        .filter(slot=slot, status=WaitlistStatus.WAITING)
        .select_related("volunteer__user")
        .order_by("created_at", "pk")
    )
    for entry in entries:
        if entry.volunteer is None or _overlapping(entry.volunteer, slot) is not None:
            continue  # busy then: stays in line for a later place
        won = SlotWaitlistEntry.objects.filter(pk=entry.pk, status=WaitlistStatus.WAITING).update(
            status=WaitlistStatus.OFFERED, offered_at=timezone.now()
        )
        if not won:
            continue
        booking = SlotBooking.objects.create(
            slot=slot, volunteer=entry.volunteer, from_waiting_list=True
        )
        mail.after_commit(partial(_send_offer, booking.pk))
        return booking
    return None


def _send_offer(booking_id: int) -> None:
    booking = SlotBooking.objects.select_related("slot__need__place", "volunteer__user").get(
        pk=booking_id
    )
    offer_message(booking).send()


def offer_message(booking: SlotBooking) -> notify.Email:
    """'A place freed up: it is yours', in the volunteer's language."""
    volunteer = booking.volunteer
    language = volunteer.language
    slot = booking.slot
    return notify.message(
        to=volunteer.user.email,
        language=language,
        subject=gettext_lazy("Une place s'est libérée : %(title)s"),
        subject_params={"title": slot.need.title},
        template="matching/email/slot_offered.txt",
        context=lambda: {
            "first_name": volunteer.user.first_name,
            "need": slot.need,
            "when": local_span(slot),
            "need_url": absolute_reverse("matching:need_detail", language, slot.need_id),
            "space_url": absolute_reverse("volunteers:space", language),
        },
    )


@transaction.atomic
def complete_booking(*, booking_id: int, hours: Decimal | None = None) -> SlotBooking:
    """The partner confirms the volunteer came: the slot's hours (or ``hours``) count."""
    booking = SlotBooking.objects.select_for_update().select_related("slot").get(pk=booking_id)
    if booking.status != SlotBookingStatus.BOOKED:
        raise SlotError(_("Seule une place en cours peut être marquée comme réalisée."))
    if booking.slot.starts_at > timezone.now():
        raise SlotError(_("Ce créneau n'a pas encore commencé : confirmez-le après."))
    if hours is None:
        hours = booking.slot.hours
    if not (Decimal("0") < hours <= MAX_SLOT_HOURS):
        raise SlotError(_("Indiquez un nombre d'heures entre 0 et 24."))
    SlotBooking.objects.filter(pk=booking_id).update(
        status=SlotBookingStatus.DONE, done_at=timezone.now(), hours=hours
    )
    booking.refresh_from_db()
    return booking


# --- Weekly series -------------------------------------------------------------------------


@dataclass(frozen=True)
class WeeklyPattern:
    first_date: datetime.date
    last_date: datetime.date
    weekdays: tuple[int, ...]  # 0 = Monday
    start_time: datetime.time
    end_time: datetime.time
    places: int

    def dates(self) -> list[datetime.date]:
        days = (self.last_date - self.first_date).days + 1
        every = (self.first_date + datetime.timedelta(days=n) for n in range(max(0, days)))
        return [day for day in every if day.weekday() in self.weekdays]


def check_pattern(pattern: WeeklyPattern) -> list[datetime.date]:
    """The pattern's dates, or SlotError saying what is wrong with it."""
    if not pattern.weekdays or not set(pattern.weekdays) <= set(range(7)):
        raise SlotError(_("Choisissez au moins un jour de la semaine."))
    if pattern.end_time <= pattern.start_time:
        raise SlotError(_("L'heure de fin doit être après l'heure de début."))
    if pattern.last_date < pattern.first_date:
        raise SlotError(_("La date de fin doit être après la date de début."))
    if pattern.first_date < timezone.localdate(timezone=zone()):
        raise SlotError(_("La première date ne peut pas être passée."))
    if (pattern.last_date - pattern.first_date).days >= MAX_SERIES_DAYS:
        raise SlotError(_("Une série couvre au plus un an : raccourcissez la période."))
    if not (1 <= pattern.places <= 500):
        raise SlotError(_("Indiquez entre 1 et 500 places."))
    dates = pattern.dates()
    if not dates:
        raise SlotError(_("Aucun des jours choisis ne tombe dans cette période."))
    if len(dates) > MAX_SERIES_SLOTS:
        raise SlotError(
            _("Cette série ferait %(count)s créneaux : %(max)s au plus à la fois.")
            % {"count": len(dates), "max": MAX_SERIES_SLOTS}
        )
    return dates


@transaction.atomic
def create_series(*, need: Need, pattern: WeeklyPattern) -> list[Slot]:
    """One slot per matching day of the period, Paris time; all or none."""
    if need.status in (NeedStatus.CLOSED, NeedStatus.FULFILLED, NeedStatus.EXPIRED):
        raise SlotError(_("Ce besoin est fermé : rouvrez-le avant d'ajouter des créneaux."))
    dates = check_pattern(pattern)
    series = secrets.token_hex(8)
    tz = zone()
    return Slot.objects.bulk_create(
        [
            Slot(
                need=need,
                starts_at=datetime.datetime.combine(day, pattern.start_time, tzinfo=tz),
                ends_at=datetime.datetime.combine(day, pattern.end_time, tzinfo=tz),
                places=pattern.places,
                series=series,
            )
            for day in dates
        ]
    )


@transaction.atomic
def delete_slot(*, slot_id: int) -> None:
    """A slot nobody took (or holds) may be removed; otherwise SlotError."""
    slot = Slot.objects.select_for_update().get(pk=slot_id)
    if slot.bookings.exists():
        raise SlotError(
            _("Des volontaires ont pris une place sur ce créneau : il ne peut plus être supprimé.")
        )
    slot.delete()
