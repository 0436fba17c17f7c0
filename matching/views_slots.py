"""Slots of a need, for volunteers: take a place, wait in line, give the place back, leave the
line. POST only, each answering with a redirect to where the volunteer was (the need page) and
a message; no JavaScript needed. Thin: matching.services.slots does the work."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matching import services
from matching.models import Slot, SlotBooking, SlotWaitlistEntry
from matching.services import slots
from portal import ratelimit
from portal.next_url import local_next

# Per account: enough for someone arranging a month, too few for a script.
SLOT_LIMIT, SLOT_WINDOW_S = 30, 3600


def _public_slot(pk: int) -> Slot:
    slot = Slot.objects.filter(pk=pk, need__in=services.public_needs()).first()
    if slot is None:
        raise Http404(_("Ce créneau n'existe pas."))
    return slot


def _back(request, slot: Slot):
    return redirect(local_next(request) or f"{slot.need.get_absolute_url()}#slots")


def _allowed(request) -> bool:
    if ratelimit.allow("slot", str(request.user.pk), limit=SLOT_LIMIT, window_s=SLOT_WINDOW_S):
        return True
    messages.error(request, _("Trop de demandes en peu de temps : réessayez dans une heure."))
    return False


@login_required
@require_POST
def take_place(request, pk: int):
    slot = _public_slot(pk)
    if not _allowed(request):
        return _back(request, slot)
    profile = services.profile_for(request.user, language=get_language())
    try:
        slots.take_place(volunteer=profile, slot_id=slot.pk)
    except slots.SlotFull as error:
        messages.warning(
            request, _("%(error)s Vous pouvez rejoindre la liste d'attente.") % {"error": error}
        )
    except slots.SlotError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("C'est noté : vous avez une place le %(when)s. Merci !")
            % {"when": slots.local_span(slot)},
        )
    return _back(request, slot)


@login_required
@require_POST
def join_waitlist(request, pk: int):
    slot = _public_slot(pk)
    if not _allowed(request):
        return _back(request, slot)
    profile = services.profile_for(request.user, language=get_language())
    try:
        entry = slots.join_waitlist(volunteer=profile, slot_id=slot.pk)
    except slots.SlotError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _(
                "Vous êtes n°%(position)s sur la liste d'attente : si une place se libère, elle "
                "vous est attribuée et vous recevez un e-mail."
            )
            % {"position": slots.waitlist_position(entry)},
        )
    return _back(request, slot)


@login_required
@require_POST
def cancel_booking(request, pk: int):
    booking = SlotBooking.objects.filter(pk=pk, volunteer__user=request.user).first()
    if booking is None:
        raise Http404(_("Cette place n'existe pas."))
    try:
        slots.cancel_booking(booking_id=booking.pk)
    except slots.SlotError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Votre place est libérée. Merci de l'avoir signalé."))
    return _back(request, booking.slot)


@login_required
@require_POST
def leave_waitlist(request, pk: int):
    entry = SlotWaitlistEntry.objects.filter(pk=pk, volunteer__user=request.user).first()
    if entry is None:
        raise Http404(_("Cette inscription n'existe pas."))
    slots.leave_waitlist(entry_id=entry.pk)
    messages.success(request, _("Vous avez quitté la liste d'attente."))
    return _back(request, entry.slot)
