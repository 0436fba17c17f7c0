from django import template
from django.utils.translation import gettext

from portal import components

register = template.Library()


@register.simple_tag
def facet_fieldset(facet):
    """One facet of the directory's filters: its options with their counts and errors
    (``actions/facet.html``, Jinja2: portal.components)."""
    return components.render(
        "actions/facet.html", {"facet": facet, "any_label": gettext("Indifférent")}
    )
