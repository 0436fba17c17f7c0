"""Sponsors' pages outside the page tree, inside the language prefix, with translated paths."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from sponsors.views import dashboard, employees, enquiry, theme

app_name = "sponsors"

urlpatterns = [
    path("sponsors/<int:pk>/theme.css", theme.theme_css, name="theme_css"),
    path(
        _("sponsors/<int:pk>/inscription/"),
        employees.EmployeeSignUpView.as_view(),
        name="employee_sign_up",
    ),
    path(_("espace-sponsor/<int:pk>/"), dashboard.DashboardView.as_view(), name="dashboard"),
    path(
        _("espace-sponsor/<int:pk>/mobilisateurs/"),
        dashboard.MobiliserView.as_view(),
        name="mobilisers",
    ),
    path(_("espace-sponsor/<int:pk>/export.csv"), dashboard.ExportView.as_view(), name="export"),
    path(_("devenir-sponsor/"), enquiry.EnquiryView.as_view(), name="enquiry"),
    path(_("devenir-sponsor/merci/"), enquiry.enquiry_sent, name="enquiry_sent"),
]
