from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from partners import views

app_name = "partners"

urlpatterns = [
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
