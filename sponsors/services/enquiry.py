"""« Devenir sponsor »: the enquiry lands in the partnership inbox, i.e. the contact form page
(see ``portal.partnership_inbox``): stored as one of its submissions and emailed to its
recipients by the page itself, so the team reads every partnership request in one place.

The enquiry is mapped onto the contact form's own fields by their type (name, email,
organisation, request category, message), whatever their labels in each language.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.contrib.forms.models import AbstractEmailForm

from portal import notify
from portal.partnership_inbox import partnership_inbox

SPONSOR_CATEGORY_HINTS = ("soutenir", "support", "sponsor", "partenariat", "partnership")


def _category(choices: list[str]) -> str:
    for choice in choices:
        if any(hint in choice.lower() for hint in SPONSOR_CATEGORY_HINTS):
            return choice
    return choices[0] if choices else ""


def enquiry_message(data: dict) -> str:
    lines = [_("Demande « Devenir sponsor »")]
    if data.get("tier"):
        lines.append(_("Niveau envisagé : %(tier)s") % {"tier": data["tier"]})
    if data.get("internal_programme"):
        lines.append(_("Intéressé·e par le programme interne pour les salarié·es."))
    lines.extend(["", data.get("message", "")])
    return "\n".join(lines)


def contact_form_data(page: AbstractEmailForm, data: dict) -> dict:
    """The enquiry as the contact form page's own POST data."""
    form_data = {}
    single_lines = [data["name"], data.get("organisation", "")]
    for field in page.get_form_fields():
        name = field.clean_name
        if field.field_type == "email":
            form_data[name] = data["email"]
        elif field.field_type == "multiline":
            form_data[name] = enquiry_message(data)
        elif field.field_type in ("dropdown", "radio"):
            choices = [c.strip() for c in field.choices.splitlines() if c.strip()]
            form_data[name] = _category(choices)
        elif field.field_type == "singleline":
            form_data[name] = single_lines.pop(0) if single_lines else ""
    return form_data


def submit_enquiry(*, data: dict, language_code: str, user=None) -> bool:
    """Store and send the enquiry through the partnership inbox; True when it was stored."""
    page = partnership_inbox(language_code)
    if page is not None:
        form = page.get_form(contact_form_data(page, data), page=page, user=user)
        if form.is_valid():
            page.process_form_submission(form)
            return True
    # No inbox page (or a form it cannot take): the team still gets the request.
    notify.send(
        to=settings.STAFF_EMAIL,
        language=language_code,
        subject=gettext_lazy("Demande « Devenir sponsor »"),
        body=lambda: (
            f"{data['name']} <{data['email']}> — {data.get('organisation', '')}\n\n"
            + enquiry_message(data)
        ),
    )
    return False
