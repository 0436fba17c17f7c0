"""Pages of the matching room, inside the language prefix (/fr/pres-de-chez-moi/,
/en/near-me/ once the English catalogue translates the paths)."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from matching import views, views_alerts

app_name = "matching"

urlpatterns = [
    path(_("pres-de-chez-moi/"), views.near_me, name="near_me"),
    path(_("besoins/<int:pk>/"), views.need_detail, name="need_detail"),
    path(_("besoins/<int:pk>/engagement/"), views.pledge, name="pledge"),
    path(_("engagements/<int:pk>/"), views.pledge_confirmation, name="pledge_confirmation"),
    path(_("alertes/couper/<str:token>/"), views_alerts.mute_alerts, name="mute_alerts"),
    path(_("besoins/<int:pk>/signaler/"), views.report_need, name="report_need"),
    path("", include("matching.urls_slots")),
]
