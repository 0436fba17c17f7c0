"""Partner space: the partner's places (list, create, edit). Saving a place queues its geocoding
(Place.save + matching.signals); the point, or a "to check" flag, shows on the place's page."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from matching.models import GeocodingStatus, NeedStatus, PublicPrecision
from matching.services.maps import map_settings
from partners import selectors
from partners.forms.places import PlaceForm
from partners.views.space import PartnerSpaceMixin

TO_CHECK = (GeocodingStatus.FAILED, GeocodingStatus.PENDING)
# How far from the exact point the public may see it (a circle on the partner's map).
PUBLIC_RADIUS_M = {
    PublicPrecision.EXACT: 0,
    PublicPrecision.STREET: 100,
    PublicPrecision.NEIGHBOURHOOD: 1000,
    PublicPrecision.TOWN: 10000,
}


class PlaceListView(PartnerSpaceMixin, View):
    def get(self, request):
        places = (
            selectors.places_of(self.membership)
            .annotate(
                need_count=Count("needs"),
                open_need_count=Count("needs", filter=Q(needs__status=NeedStatus.OPEN)),
            )
            .order_by("name")
        )
        context = {"partner": self.partner, "places": places, "to_check": TO_CHECK}
        return render(request, "partners/places/list.html", context)


class PlaceFormView(PartnerSpaceMixin, View):
    """Create (no pk) or edit (pk of one of the partner's places) a place."""

    def setup_place(self, pk):
        if pk is None:
            return None
        return get_object_or_404(selectors.places_of(self.membership), pk=pk)

    def get(self, request, pk=None):
        place = self.setup_place(pk)
        return self._render(PlaceForm(instance=place), place)

    def post(self, request, pk=None):
        place = self.setup_place(pk)
        form = PlaceForm(request.POST, instance=place)
        if not form.is_valid():
            return self._render(form, place, status=400)
        place = form.save(commit=False)
        if place.partner_id is None:
            place.partner = self.membership.partner
        place.save()
        place.refresh_from_db()
        if place.geocoding_status == GeocodingStatus.FAILED:
            messages.warning(
                request,
                _(
                    "Lieu enregistré, mais sa position n'a pas été trouvée : vérifiez l'adresse "
                    "ou indiquez la latitude et la longitude."
                ),
            )
        elif place.geocoding_status == GeocodingStatus.PENDING:
            messages.info(request, _("Lieu enregistré ; sa position est en cours de calcul."))
        else:
            messages.success(request, _("Lieu enregistré."))
        return redirect("partners:place_edit", pk=place.pk)

    def _render(self, form, place, status=200):
        context = {
            "partner": self.partner,
            "form": form,
            "place": place,
            "to_check": TO_CHECK,
            "public_radius_m": PUBLIC_RADIUS_M.get(place.public_precision, 0) if place else 0,
            "map": map_settings(),
        }
        return render(self.request, "partners/places/form.html", context, status=status)
