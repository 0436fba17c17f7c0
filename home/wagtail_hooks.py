"""The home room's contact form page is the team's partnership inbox (see
``portal.partnership_inbox``)."""

from django.conf import settings

from wagtail import hooks

from home.models import ContactFormPage


@hooks.register("partnership_inbox")
def partnership_inbox(language_code: str) -> ContactFormPage | None:
    pages = ContactFormPage.objects.live().select_related("locale")
    return (
        pages.filter(locale__language_code=language_code).first()
        or pages.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )
