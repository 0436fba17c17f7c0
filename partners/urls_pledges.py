"""Partner space: pledges and CSV exports (pages), under the espace-partenaire/ prefix."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from partners import views_pledges as views

urlpatterns = [
    path(_("engagements/"), views.PledgeListView.as_view(), name="pledges"),
    path(
        _("besoins/<int:pk>/engagements/"),
        views.NeedPledgesView.as_view(),
        name="need_pledges",
    ),
    path(_("engagements/<int:pk>/realise/"), views.PledgeDoneView.as_view(), name="pledge_done"),
    path(_("export/besoins.csv"), views.ExportNeedsView.as_view(), name="export_needs"),
    path(_("export/engagements.csv"), views.ExportPledgesView.as_view(), name="export_pledges"),
]
