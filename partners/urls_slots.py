"""Partner space: slots of the partner's needs, under the espace-partenaire/ prefix."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from partners import views_slots as views

urlpatterns = [
    path(_("besoins/<int:pk>/creneaux/"), views.NeedSlotsView.as_view(), name="need_slots"),
    path(_("creneaux/<int:pk>/supprimer/"), views.SlotDeleteView.as_view(), name="slot_delete"),
    path(
        _("reservations/<int:pk>/realise/"),
        views.SlotBookingDoneView.as_view(),
        name="slot_booking_done",
    ),
]
