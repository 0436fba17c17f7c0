"""The partners' pages: the public application form and the partner space (home, team,
places, needs, pledges and exports, slots), under the espace-partenaire/ prefix."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from partners.views import apply, needs, places, pledges, slots, space

app_name = "partners"

space_patterns = [
    # Places and needs.
    path(_("lieux/"), places.PlaceListView.as_view(), name="places"),
    path(_("lieux/nouveau/"), places.PlaceFormView.as_view(), name="place_create"),
    path(_("lieux/<int:pk>/"), places.PlaceFormView.as_view(), name="place_edit"),
    path(_("besoins/"), needs.NeedListView.as_view(), name="needs"),
    path(_("besoins/nouveau/"), needs.NeedFormView.as_view(), name="need_create"),
    path(_("besoins/<int:pk>/"), needs.NeedFormView.as_view(), name="need_edit"),
    path(_("besoins/<int:pk>/statut/"), needs.NeedActionView.as_view(), name="need_action"),
    path(
        _("besoins/<int:pk>/dupliquer/"),
        needs.NeedDuplicateView.as_view(),
        name="need_duplicate",
    ),
    # Pledges and CSV exports.
    path(_("engagements/"), pledges.PledgeListView.as_view(), name="pledges"),
    path(
        _("besoins/<int:pk>/engagements/"),
        pledges.NeedPledgesView.as_view(),
        name="need_pledges",
    ),
    path(_("engagements/<int:pk>/realise/"), pledges.PledgeDoneView.as_view(), name="pledge_done"),
    path(_("export/besoins.csv"), pledges.ExportNeedsView.as_view(), name="export_needs"),
    path(_("export/engagements.csv"), pledges.ExportPledgesView.as_view(), name="export_pledges"),
    # Slots of the partner's needs.
    path(_("besoins/<int:pk>/creneaux/"), slots.NeedSlotsView.as_view(), name="need_slots"),
    path(_("creneaux/<int:pk>/supprimer/"), slots.SlotDeleteView.as_view(), name="slot_delete"),
    path(
        _("reservations/<int:pk>/realise/"),
        slots.SlotBookingDoneView.as_view(),
        name="slot_booking_done",
    ),
]

urlpatterns = [
    path(_("devenir-partenaire/"), apply.ApplyView.as_view(), name="apply"),
    path(_("devenir-partenaire/merci/"), apply.apply_done, name="apply_done"),
    path(_("espace-partenaire/"), space.PartnerHomeView.as_view(), name="home"),
    path(
        _("espace-partenaire/invitation/<str:token>/"),
        space.AcceptInvitationView.as_view(),
        name="accept_invitation",
    ),
    path(_("espace-partenaire/"), include(space_patterns)),
]
