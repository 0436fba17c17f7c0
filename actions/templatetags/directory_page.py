"""The directory's page body (``actions/directory.html``, Jinja2: portal.components): the
filters form, the results heading, the cards and the page links.

Drawn by the template language, the body took two thirds of the page's rendering (1 ms of
1.5): a select's lazy labels, each ``{% translate %}``, each ``{% pageurl %}``. Its texts are
translated here, in Python, where makemessages finds them (the same msgids as the template
had), once per language and publication with the page's links (``publication_memo``); the
facets and the cards come already drawn (``directory_facets``, ``actions.cards``).
"""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, ngettext

from actions import cards
from actions.templatetags.directory_facets import facet_fieldset
from portal import components, publication_memo
from portal.templatetags.portal_tags import page_links

register = template.Library()


@register.simple_tag(takes_context=True)
def directory_content(context) -> SafeString:
    request, page, results = context["request"], context["page"], context["results"]
    form = context["filterset"].form
    errors = form.errors
    return components.render(
        "actions/directory.html",
        {
            "page": page,
            "page_url": publication_memo.page_url(
                "directory-page", page.locale_id, request, lambda: page
            ),
            **publication_memo.remembered(("directory-texts", get_language()), _constants),
            "has_errors": bool(errors),
            "q": request.GET.get("q") or "",
            "q_errors": errors.get("q", ()),
            "facets": [facet_fieldset(facet) for facet in context["facets"]],
            "sort": context["selected"].sort,
            "sort_choices": form.fields["sort"].choices,
            "sort_errors": errors.get("sort", ()),
            "is_filtered": context["is_filtered"],
            "results": results,
            **(_results(request, results) if results is not None else {}),
        },
    )


def _results(request, results) -> dict:
    count = results.paginator.count
    heading = components.translated(
        ngettext("%(counter)s action", "%(counter)s actions", count), counter=count
    )
    if results.paginator.num_pages > 1:
        heading += SafeString(" — ") + components.translated(
            gettext("page %(number)s sur %(total)s"),
            number=results.number,
            total=results.paginator.num_pages,
        )
    if not results.object_list:
        return {"heading": heading, "cards": ""}
    fragments = cards.card_fragments(results.object_list, request=request, heading_level=3)
    links = page_links({"request": request}, results, gettext("Pages de résultats"))
    return {
        "heading": heading,
        "cards": SafeString("".join(f"<li>{fragment}</li>" for fragment in fragments)),
        "page_links": SafeString(render_to_string("components/pages.html", links)),
    }


def _constants() -> dict:
    """The page's own texts and links in the active language; its texts marked safe as the
    template language's ``{% translate %}`` marks a literal's translation (ours, from our
    catalogues)."""
    texts = {
        "follow_email": gettext("Recevoir les nouvelles actions chaque semaine par e-mail"),
        "follow_feed": gettext("Flux Atom des nouvelles actions"),
        "find": gettext("Trouver une action"),
        "errors": gettext("La recherche n'a pas abouti : corrigez les champs signalés ci-dessous."),
        "keywords": gettext("Mots-clés"),
        "sort_by": gettext("Trier par"),
        "show": gettext("Afficher les actions"),
        "clear_filters": gettext("Effacer les filtres"),
        "no_result": gettext("Aucun résultat"),
        "fix_filters": gettext("Corrigez les filtres signalés pour afficher les actions."),
        "nothing_matches": gettext(
            "Aucune action ne correspond à ces critères. Retirez un filtre ou essayez "
            "d'autres mots."
        ),
    }
    return {
        "digest_url": reverse("actions:digest_subscribe"),
        "feed_url": reverse("actions:new_actions_feed"),
        "text": components.catalogue_texts(texts),
    }
