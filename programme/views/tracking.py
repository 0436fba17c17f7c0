"""Open-tracking of the daily emails: a 1×1 pixel and a tracked link, both carrying a signed
token (the email's log id, signed with the site's secret key)."""

import base64

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache

from programme.services import coordination, emails

PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def _record(token: str) -> None:
    daily_email_id = emails.read_open_token(token)
    if daily_email_id is None or not coordination.record_open(daily_email_id):
        raise Http404


@never_cache
def open_pixel(request, token):
    _record(token)
    return HttpResponse(PIXEL, content_type="image/gif")


@never_cache
def open_link(request, token):
    """The email's "report an action" link: counts as an open, then goes to the report form."""
    _record(token)
    return redirect("programme:report")
