"""The home room's contact form page is the team's partnership inbox (see
``portal.partnership_inbox``)."""

from wagtail import hooks

from home.models import ContactFormPage
from portal.i18n import first_in_language


@hooks.register("partnership_inbox")
def partnership_inbox(language_code: str) -> ContactFormPage | None:
    return first_in_language(ContactFormPage.objects.live(), language_code)
