from django import template
from django.utils.translation import gettext

from portal import components

register = template.Library()


@register.simple_tag
def form_field(field):
    """A form field with its label ("required" when it is), help text and errors
    (``components/form_field.html``, Jinja2: portal.components)."""
    return components.render(
        "components/form_field.html", {"field": field, "required": gettext("obligatoire")}
    )
