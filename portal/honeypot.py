"""The honeypot of public forms (``components/honeypot.html``): a field people never see. A
submission that fills it comes from a bot, which is thanked and ignored."""

HONEYPOT_FIELD = "website_url"


def caught(request) -> bool:
    """The submission filled the honeypot: a bot sent it."""
    return bool(request.POST.get(HONEYPOT_FIELD))
