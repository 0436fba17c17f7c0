"""Partner space: the slots of one of the partner's needs, weekly series, removing an empty
slot, confirming a volunteer came (their hours count).

Every lookup starts from partners.selectors, so another partner's need, slot or booking is a
404. Volunteers appear by first name only."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from matching.services import slots
from partners import pledge_contact, selectors
from partners.forms.slots import SlotSeriesForm
from partners.views.space import PartnerSpaceMixin

SHOWN = 100


def render_need_slots(request, partner, membership, need, *, form=None, error=None, status=200):
    need_slots = list(
        selectors.slots_of(membership).filter(need=need).order_by("starts_at", "pk")[:SHOWN]
    )
    bookings = {}
    for booking in selectors.slot_bookings_of(membership).filter(slot__in=need_slots):
        booking.volunteer_first_name = pledge_contact.volunteer_first_name(booking)
        bookings.setdefault(booking.slot_id, []).append(booking)
    rows = [
        {"slot": slot, "when": slots.local_span(slot), "bookings": bookings.get(slot.pk, [])}
        for slot in need_slots
    ]
    context = {
        "partner": partner,
        "need": need,
        "rows": rows,
        "form": form or SlotSeriesForm(),
        "error": error,
    }
    return render(request, "partners/slots/need_slots.html", context, status=status)


class NeedSlotsView(PartnerSpaceMixin, View):
    """GET: the need's slots and their volunteers; POST: a weekly series of new slots."""

    def get(self, request, pk):
        need = get_object_or_404(selectors.needs_of(self.membership), pk=pk)
        return render_need_slots(request, self.partner, self.membership, need)

    def post(self, request, pk):
        need = get_object_or_404(selectors.needs_of(self.membership), pk=pk)
        form = SlotSeriesForm(request.POST)
        if not form.is_valid():
            return render_need_slots(
                request, self.partner, self.membership, need, form=form, status=400
            )
        try:
            made = slots.create_series(need=need, pattern=form.pattern)
        except slots.SlotError as error:
            form.add_error(None, str(error))
            return render_need_slots(
                request, self.partner, self.membership, need, form=form, status=400
            )
        messages.success(
            request,
            ngettext("%(count)s créneau ajouté.", "%(count)s créneaux ajoutés.", len(made))
            % {"count": len(made)},
        )
        return redirect("partners:need_slots", pk=need.pk)


class SlotDeleteView(PartnerSpaceMixin, View):
    """POST only: remove a slot nobody took."""

    def post(self, request, pk):
        slot = get_object_or_404(selectors.slots_of(self.membership), pk=pk)
        try:
            slots.delete_slot(slot_id=slot.pk)
        except slots.SlotError as error:
            return render_need_slots(
                request, self.partner, self.membership, slot.need, error=str(error), status=400
            )
        messages.success(request, _("Créneau supprimé."))
        return redirect("partners:need_slots", pk=slot.need_id)


class SlotBookingDoneView(PartnerSpaceMixin, View):
    """POST only: the volunteer came; the slot's hours count for them."""

    def post(self, request, pk):
        booking = get_object_or_404(selectors.slot_bookings_of(self.membership), pk=pk)
        try:
            slots.complete_booking(booking_id=booking.pk)
        except slots.SlotError as error:
            return render_need_slots(
                request,
                self.partner,
                self.membership,
                booking.slot.need,
                error=str(error),
                status=400,
            )
        messages.success(request, _("Présence confirmée : ses heures sont comptées. Merci !"))
        return redirect("partners:need_slots", pk=booking.slot.need_id)
