from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from partners import views, views_apply

app_name = "partners"

urlpatterns = [
    path(_("devenir-partenaire/"), views_apply.ApplyView.as_view(), name="apply"),
    path(_("devenir-partenaire/merci/"), views_apply.apply_done, name="apply_done"),
    path(_("espace-partenaire/"), views.PartnerHomeView.as_view(), name="home"),
    path(
        _("espace-partenaire/invitation/<str:token>/"),
        views.AcceptInvitationView.as_view(),
        name="accept_invitation",
    ),
    path(_("espace-partenaire/"), include("partners.urls_places")),
    path(_("espace-partenaire/"), include("partners.urls_pledges")),
    path(_("espace-partenaire/"), include("partners.urls_slots")),
]
