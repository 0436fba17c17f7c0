"""Programme pages, inside the language prefix (/fr/…, /en/…), with translated paths."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from programme import calendar_feed
from programme.views import coordination, signup, tracking, volunteer

app_name = "programme"

urlpatterns = [
    path(_("programme/inscription/"), signup.SignUpView.as_view(), name="sign_up"),
    path(_("programme/inscription/envoyee/"), signup.sign_up_sent, name="sign_up_sent"),
    # Links of emails sent before the site had one confirmation page and one space.
    path(
        _("programme/confirmation/<uidb64>/<token>/"),
        RedirectView.as_view(pattern_name="account_confirm", permanent=True, query_string=True),
        name="confirm",
    ),
    path(
        _("programme/mon-espace/"),
        RedirectView.as_view(pattern_name="volunteers:space", permanent=True),
        name="space",
    ),
    path(
        _("programme/mon-espace/annuler/<int:pk>/"),
        volunteer.CancelMembershipView.as_view(),
        name="cancel",
    ),
    path(_("programme/declarer-une-action/"), volunteer.ReportView.as_view(), name="report"),
    path(
        _("programme/coordination/"), coordination.CoordinationView.as_view(), name="coordination"
    ),
    path(_("programme/coordination/<int:pk>/"), coordination.CohortView.as_view(), name="cohort"),
    path(
        _("programme/coordination/<int:pk>/message/"),
        coordination.CohortMessageView.as_view(),
        name="cohort_message",
    ),
    path(
        _("programme/coordination/<int:pk>/liens/"),
        coordination.CohortLinksView.as_view(),
        name="cohort_links",
    ),
    path(
        _("programme/coordination/<int:pk>/appel/<int:day>/"),
        coordination.CohortCallView.as_view(),
        name="cohort_call",
    ),
    path(
        _("programme/coordination/<int:pk>/export.csv"),
        coordination.CohortExportView.as_view(),
        name="cohort_export",
    ),
    path(
        _("programme/calendrier/<str:token>.ics"),
        calendar_feed.cohort_calendar,
        name="cohort_calendar",
    ),
    path("programme/o/<str:token>/pixel.gif", tracking.open_pixel, name="open_pixel"),
    path("programme/o/<str:token>/", tracking.open_link, name="open_link"),
]
