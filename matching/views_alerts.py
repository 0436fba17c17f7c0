"""The one-click link of urgent alerts: no sign-in, a signed token names the volunteer. GET
asks for confirmation (mail scanners follow links), POST mutes."""

from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from matching.models import VolunteerProfile
from matching.services import alerts


@require_http_methods(["GET", "POST"])
def mute_alerts(request: HttpRequest, token: str):
    volunteer_id = alerts.read_mute_token(token)
    if volunteer_id is None or not VolunteerProfile.objects.filter(pk=volunteer_id).exists():
        return TemplateResponse(request, "matching/mute_alerts_invalid.html", status=400)
    if request.method == "POST":
        alerts.mute_alerts(volunteer_id)
        return TemplateResponse(request, "matching/mute_alerts_done.html")
    return TemplateResponse(request, "matching/mute_alerts.html")
