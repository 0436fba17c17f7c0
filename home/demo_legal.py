"""Demo content: the legal notice and the privacy policy (French, with English translations)
and the footer's links to them and to the contact page."""

import datetime

from wagtail.models import Site

from home.models import ContactFormPage, StandardPage
from portal.demo import DemoContext, ensure_child, ensure_translation
from portal.models import FooterLinks

UPDATED = datetime.date(2026, 11, 2)


def _body(sections: list[tuple[str, str]]) -> list[dict]:
    blocks = []
    for heading, text in sections:
        blocks.append({"type": "heading", "value": {"text": heading, "level": "h2"}})
        blocks.append({"type": "paragraph", "value": text})
    return blocks


LEGAL_NOTICE = {
    "fr": {
        "slug": "mentions-legales",
        "title": "Mentions légales",
        "intro": "Qui publie ce site, qui l'héberge et comment nous joindre.",
        "body": [
            (
                "Éditeur",
                "<p>Le site ré_action est édité par l'association ré_action (loi de 1901), "
                "dont le siège est à Paris. Directrice de la publication : la présidente de "
                "l'association.</p>",
            ),
            (
                "Hébergement",
                "<p>Le site est hébergé en France, dans l'Union européenne, par un prestataire "
                "lié à l'association par un contrat de sous-traitance conforme au RGPD.</p>",
            ),
            (
                "Contenus et marques",
                "<p>Les textes et guides d'actions sont publiés sous licence Creative Commons "
                "BY-SA 4.0, sauf mention contraire. Les logos des partenaires et des sponsors "
                "restent la propriété de leurs titulaires.</p>",
            ),
            (
                "Nous contacter",
                "<p>Pour toute question sur le site, écrivez-nous depuis la page de contact.</p>",
            ),
        ],
    },
    "en": {
        "slug": "legal-notice",
        "title": "Legal notice",
        "intro": "Who publishes this site, who hosts it and how to reach us.",
        "body": [
            (
                "Publisher",
                "<p>The ré_action site is published by the ré_action association (French law "
                "of 1901), based in Paris. Director of publication: the association's "
                "president.</p>",
            ),
            (
                "Hosting",
                "<p>The site is hosted in France, in the European Union, by a provider bound to "
                "the association by a GDPR-compliant processing agreement.</p>",
            ),
            (
                "Content and trademarks",
                "<p>Texts and action guides are published under the Creative Commons BY-SA 4.0 "
                "licence unless stated otherwise. Partners' and sponsors' logos remain the "
                "property of their owners.</p>",
            ),
            (
                "Contact us",
                "<p>For any question about the site, write to us from the contact page.</p>",
            ),
        ],
    },
}

PRIVACY_POLICY = {
    "fr": {
        "slug": "confidentialite",
        "title": "Politique de confidentialité",
        "intro": "Ce que nous savons de vous, pourquoi, combien de temps, et vos droits.",
        "body": [
            (
                "Les données que nous gardons",
                "<p>Votre adresse e-mail et votre nom pour votre compte ; votre adresse ou "
                "votre commune pour trouver les besoins près de chez vous ; vos engagements et "
                "vos déclarations d'actions. Votre adresse n'est jamais publiée : les pages "
                "publiques et l'API ne montrent que des distances et des communes.</p>",
            ),
            (
                "Avec qui nous les partageons",
                "<p>Seul le partenaire d'un besoin pour lequel vous vous engagez voit ce que "
                "vous choisissez de lui partager (e-mail ou téléphone). Rien n'est vendu ni "
                "cédé à des tiers.</p>",
            ),
            (
                "Combien de temps",
                "<p>Les données d'un compte sont gardées tant qu'il est actif, puis supprimées "
                "trois ans après la dernière connexion. Les messages de contact sont gardés un "
                "an.</p>",
            ),
            (
                "Vos droits",
                "<p>Vous pouvez consulter, corriger, exporter ou supprimer vos données depuis "
                "votre espace, ou en nous écrivant depuis la page de contact. Vous pouvez aussi "
                "saisir la CNIL.</p>",
            ),
            (
                "Cookies",
                "<p>Le site n'utilise qu'un cookie de session, nécessaire à la connexion, et "
                "aucun traceur publicitaire ni mesure d'audience tierce.</p>",
            ),
        ],
    },
    "en": {
        "slug": "privacy",
        "title": "Privacy policy",
        "intro": "What we know about you, why, for how long, and your rights.",
        "body": [
            (
                "The data we keep",
                "<p>Your email address and name for your account; your address or town to "
                "find the needs near you; your pledges and your action reports. Your address is "
                "never published: public pages and the API only show distances and towns.</p>",
            ),
            (
                "Who we share it with",
                "<p>Only the partner of a need you pledge to sees what you choose to share "
                "(email or phone). Nothing is sold or passed on to third parties.</p>",
            ),
            (
                "For how long",
                "<p>An account's data is kept while it is active, then deleted three years after "
                "the last sign-in. Contact messages are kept for one year.</p>",
            ),
            (
                "Your rights",
                "<p>You can see, correct, export or delete your data from your space, or by "
                "writing to us from the contact page. You may also complain to the CNIL.</p>",
            ),
            (
                "Cookies",
                "<p>The site only uses a session cookie, needed to sign in, and no advertising "
                "tracker nor third-party analytics.</p>",
            ),
        ],
    },
}


def _load_page(ctx: DemoContext, content: dict) -> StandardPage:
    def fields(language: str) -> dict:
        item = content[language]
        return {
            "title": item["title"],
            "intro": item["intro"],
            "body": _body(item["body"]),
            "last_updated": UPDATED,
        }

    page = ensure_child(ctx.home_fr, StandardPage, slug=content["fr"]["slug"], **fields("fr"))
    ensure_translation(page, ctx.en, slug=content["en"]["slug"], **fields("en"))
    return page


def load_legal_pages(ctx: DemoContext, **options) -> None:
    """The two pages and the footer's links, set once (editors may change them after)."""
    legal_notice = _load_page(ctx, LEGAL_NOTICE)
    privacy_policy = _load_page(ctx, PRIVACY_POLICY)
    contact = ContactFormPage.objects.child_of(ctx.home_fr).first()
    site = Site.objects.get(is_default_site=True)
    links = FooterLinks.for_site(site)
    links.legal_notice = links.legal_notice or legal_notice
    links.privacy_policy = links.privacy_policy or privacy_policy
    links.contact = links.contact or contact
    links.save()
    ctx.say("Legal pages: legal notice, privacy policy, footer links.")
