"""The volunteer space, inside the language prefix (/fr/mon-espace/, /en/my-space/)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from volunteers import calendar_feed
from volunteers.views import account, data, space

app_name = "volunteers"

urlpatterns = [
    path(_("mon-espace/"), space.SpaceView.as_view(), name="space"),
    path(
        _("mon-espace/engagements/<int:pk>/annuler/"),
        space.CancelPledgeView.as_view(),
        name="cancel_pledge",
    ),
    path(_("mon-espace/inscription/"), account.SignUpView.as_view(), name="signup"),
    path(_("mon-espace/profil/"), account.ProfileView.as_view(), name="profile"),
    path(_("mon-espace/notifications/"), account.NotificationsView.as_view(), name="notifications"),
    path(_("mon-espace/export/"), data.ExportView.as_view(), name="export"),
    path(_("mon-espace/supprimer/"), data.DeleteView.as_view(), name="delete"),
    path(_("mon-espace/supprime/"), data.deleted, name="deleted"),
    path(
        _("mon-espace/calendrier/<str:token>.ics"),
        calendar_feed.volunteer_calendar,
        name="calendar",
    ),
]
