"""Demo content of the home room, built from the programme's document (shared/seed)."""

import datetime
from email.utils import parseaddr

from django.conf import settings

from wagtail.models import Page

from challenges.models import ChallengePage
from home.models import (
    ContactFormField,
    ContactFormPage,
    HomePage,
    ProgrammeGoals,
    StoryIndexPage,
    StoryPage,
)
from portal.demo import (
    DemoContext,
    drawn_image,
    ensure_child,
    ensure_locales,
    ensure_translation,
    set_site_root,
)
from programme.models import ProgrammePage

HOME = {
    "fr": {
        "title": "ré_action",
        "hero_title": "La fabrique de la résilience citoyenne",
        "hero_text": (
            "En réponse à la crise du covid-19, nous permettons à tous ceux qui le souhaitent "
            "d'agir, grâce à des actions utiles de solidarité et d'entraide autour de chez eux. "
            "15 000 citoyens engagés en 2 mois pour répondre aux urgences sociales."
        ),
        "quote_text": (
            "En échangeant quelques mots avec quelqu'un, on lui donne le pouvoir de devenir un "
            "tuteur de résilience. Les liens que nous créons en cette période sont un support "
            "indispensable pour préparer la future sortie de cet état « de résistance » pour "
            "atteindre la résilience et laisser le trauma derrière nous."
        ),
        "quote_author": "Boris Cyrulnik",
        "quote_role": "neuropsychiatre, conférencier et auteur",
        "challenges_intro": (
            "Nous avons monté le programme ré_action pour répondre à 4 défis majeurs."
        ),
        "how_it_works_intro": (
            "Par promotion de 15, nous formons les volontaires pendant une semaine pour "
            "qu'ils et elles puissent développer et répliquer des actions concrètes de "
            "solidarité qui ont fait leurs preuves."
        ),
        "phase_understand": (
            "Comprendre les besoins des plus vulnérables en fonction du défi choisi."
        ),
        "phase_do": (
            "Mettre en place des actions recommandées et à l'utilité primordiale prouvée par "
            "nos partenaires experts."
        ),
        "phase_sustain": (
            "Ancrer les solutions dans le tissu local en mobilisant un groupe de citoyens pour "
            "faire continuer l'action."
        ),
    },
    "en": {
        "title": "ré_action",
        "hero_title": "The citizen resilience workshop",
        "hero_text": (
            "In response to the covid-19 crisis, we enable everyone who wishes to act through "
            "useful solidarity and mutual-aid actions near home. 15,000 citizens engaged in "
            "2 months to answer social emergencies."
        ),
        "quote_text": (
            "By exchanging a few words with someone, we give them the power to become a "
            "resilience tutor. The bonds we create in this period are an essential support to "
            "prepare the way out of this state of 'resistance', to reach resilience and leave "
            "the trauma behind us."
        ),
        "quote_author": "Boris Cyrulnik",
        "quote_role": "neuropsychiatrist, speaker and author",
        "challenges_intro": "We built the ré_action programme to answer 4 major challenges.",
        "how_it_works_intro": (
            "In cohorts of 15, we train volunteers for one week so that they can develop and "
            "replicate concrete solidarity actions that have proven their worth."
        ),
        "phase_understand": (
            "Understand the needs of the most vulnerable for the chosen challenge."
        ),
        "phase_do": (
            "Carry out recommended actions whose usefulness our expert partners have proven."
        ),
        "phase_sustain": (
            "Root the solutions locally by mobilising a group of citizens to keep the action going."
        ),
    },
}


def load_site(stdout=None, **options) -> DemoContext:
    """Locales, the French home page and its English translation, the default site."""
    fr, en = ensure_locales()
    root = Page.get_first_root_node()
    hero = drawn_image(
        "Accueil — ré_action",
        alt="Illustration : des cercles blancs sur fond rouge, le mot ré_action",
        colour="#b3261e",
        text="ré_action",
    )
    home_fr = HomePage.objects.filter(locale=fr, depth=2).first()
    if home_fr is None:
        home_fr = HomePage(slug="accueil", locale=fr, hero_image=hero, **HOME["fr"])
        root.add_child(instance=home_fr)
        home_fr.save_revision().publish()
    set_site_root(home_fr)
    _remove_wagtail_welcome_page(root)
    home_en = ensure_translation(home_fr, en, slug="home", **HOME["en"])
    return DemoContext(fr=fr, en=en, home_fr=home_fr, home_en=home_en, stdout=stdout)


def _remove_wagtail_welcome_page(root: Page) -> None:
    welcome = Page.objects.child_of(root).filter(
        content_type__model="page", content_type__app_label="wagtailcore", numchild=0
    )
    for page in welcome:
        page.delete()


STORIES = [
    {
        "slug": ("sabrina-boites-plexiglas", "sabrina-plexiglass-boxes"),
        "date": datetime.date(2020, 4, 6),
        "volunteer_name": "Sabrina",
        "challenge": "soignants",
        "colour": "#0b5d4b",
        "fr": {
            "title": "8 boîtes en plexiglas livrées en un jour",
            "summary": (
                "Sabrina a contacté 20 usines à Madrid pour produire des boîtes en plexiglas qui "
                "réduisent le risque d'infection des médecins qui manipulent les ventilateurs."
            ),
            "figures": [
                ("8", "boîtes plexiglas livrées le lendemain"),
                ("20", "usines contactées"),
            ],
            "body": (
                "Le jour suivant, 8 boîtes plexiglas ont été livrées et deux volontaires en "
                "France dupliquent actuellement l'initiative."
            ),
        },
        "en": {
            "title": "8 plexiglass boxes delivered in one day",
            "summary": (
                "Sabrina contacted 20 factories in Madrid to produce plexiglass boxes that reduce "
                "the risk of infection for doctors handling ventilators."
            ),
            "figures": [
                ("8", "plexiglass boxes delivered the next day"),
                ("20", "factories contacted"),
            ],
            "body": (
                "The next day, 8 plexiglass boxes were delivered, and two volunteers in France "
                "are now replicating the initiative."
            ),
        },
    },
    {
        "slug": ("selena-visieres-cochin", "selena-face-shields-cochin"),
        "date": datetime.date(2020, 4, 9),
        "volunteer_name": "Selena",
        "challenge": "soignants",
        "colour": "#1a4f8b",
        "fr": {
            "title": "700 visières livrées à un hôpital",
            "summary": (
                "Selena a collecté un besoin en visières de l'hôpital Cochin et l'a relayé à "
                "Medhi, qui a un fab-lab : dès le lendemain, 65 visières étaient livrées."
            ),
            "figures": [
                ("700", "visières livrées"),
                ("65", "visières dès le premier jour"),
                ("5", "logements prêtés aux soignants"),
            ],
            "body": (
                "Elle a aussi convaincu 5 personnes sur Airbnb de mettre leur logement à "
                "disposition des soignants."
            ),
        },
        "en": {
            "title": "700 face shields delivered to a hospital",
            "summary": (
                "Selena collected a need for face shields from Cochin hospital and passed it to "
                "Medhi, who runs a fab-lab: 65 face shields were delivered the very next day."
            ),
            "figures": [
                ("700", "face shields delivered"),
                ("65", "face shields on day one"),
                ("5", "homes lent to caregivers"),
            ],
            "body": ("She also convinced 5 people on Airbnb to lend their homes to caregivers."),
        },
    },
    {
        "slug": ("cathy-kits-hygiene", "cathy-hygiene-kits"),
        "date": datetime.date(2020, 4, 14),
        "volunteer_name": "Cathy",
        "challenge": "sans-abri",
        "colour": "#6b3fa0",
        "fr": {
            "title": "80 kits d'hygiène par jour",
            "summary": (
                "Cathy a affiché des messages dans son immeuble pour collecter des kits "
                "d'hygiène ; avec les 15 volontaires de sa promotion, ils en ont créé 80 par jour."
            ),
            "figures": [
                ("80", "kits d'hygiène par jour"),
                ("10", "collectes dans des immeubles"),
                ("2", "nouveaux points de collecte en magasin"),
            ],
            "body": (
                "Les kits ont été distribués via des associations d'aide aux sans-abri de leurs "
                "quartiers."
            ),
        },
        "en": {
            "title": "80 hygiene kits a day",
            "summary": (
                "Cathy put up notices in her building to collect hygiene kits; with the 15 "
                "volunteers of her cohort, they made 80 a day."
            ),
            "figures": [
                ("80", "hygiene kits a day"),
                ("10", "collections in buildings"),
                ("2", "new collection points in shops"),
            ],
            "body": (
                "The kits were distributed through homeless-aid associations in their "
                "neighbourhoods."
            ),
        },
    },
    {
        "slug": ("anne-repas-soignants", "anne-meals-for-caregivers"),
        "date": datetime.date(2020, 4, 16),
        "volunteer_name": "Anne",
        "challenge": "soignants",
        "colour": "#8a4b08",
        "fr": {
            "title": "Des repas gratuits pour les soignants",
            "summary": (
                "Anne a convaincu 2 restaurants et une boulangerie de préparer des repas gratuits "
                "pour les soignants, et a créé un module de formation pour les volontaires "
                "suivants."
            ),
            "figures": [("3", "commerces engagés"), ("1", "module de formation créé")],
            "body": "Les prochains volontaires du programme peuvent désormais faire de même.",
        },
        "en": {
            "title": "Free meals for caregivers",
            "summary": (
                "Anne convinced 2 restaurants and a bakery to make free meals for caregivers, "
                "and created a training module for the next volunteers."
            ),
            "figures": [("3", "shops engaged"), ("1", "training module created")],
            "body": "The programme's next volunteers can now do the same.",
        },
    },
]


def _story_fields(content: dict) -> dict:
    return {
        "title": content["title"],
        "summary": content["summary"],
        "figures": [("figure", {"number": n, "label": label}) for n, label in content["figures"]],
        "body": [("paragraph", f"<p>{content['body']}</p>")],
    }


def load_stories(ctx: DemoContext, **options) -> None:
    index_fr = ensure_child(
        ctx.home_fr,
        StoryIndexPage,
        slug="histoires",
        title="Histoires de volontaires",
        intro="Quelques exemples d'actions menées par les volontaires du programme.",
        show_in_menus=True,
    )
    ensure_translation(
        index_fr,
        ctx.en,
        slug="stories",
        title="Volunteer stories",
        intro="A few examples of actions carried out by the programme's volunteers.",
    )
    for story in STORIES:
        slug_fr, slug_en = story["slug"]
        challenge = ChallengePage.objects.filter(locale=ctx.fr, slug=story["challenge"]).first()
        image = drawn_image(
            f"Histoire — {story['volunteer_name']}",
            alt=f"Illustration de l'histoire de {story['volunteer_name']}",
            colour=story["colour"],
            text=story["volunteer_name"],
        )
        page = ensure_child(
            index_fr,
            StoryPage,
            slug=slug_fr,
            date=story["date"],
            volunteer_name=story["volunteer_name"],
            challenge=challenge,
            image=image,
            **_story_fields(story["fr"]),
        )
        ensure_translation(page, ctx.en, slug=slug_en, **_story_fields(story["en"]))


CONTACT_FIELDS = [
    # (label fr, label en, type, required, choices fr, choices en)
    ("Votre nom", "Your name", "singleline", True, "", ""),
    ("Votre adresse e-mail", "Your email address", "email", True, "", ""),
    ("Organisation", "Organisation", "singleline", False, "", ""),
    (
        "Votre demande",
        "Your request",
        "dropdown",
        True,
        "Soutenir le programme\nEngager vos collaborateurs\nParler du programme\nAutre",
        "Support the programme\nEngage your employees\nTalk about the programme\nOther",
    ),
    ("Votre message", "Your message", "multiline", True, "", ""),
]


def load_contact(ctx: DemoContext, **options) -> ContactFormPage:
    page = ContactFormPage.objects.child_of(ctx.home_fr).filter(slug="contact").first()
    if page is None:
        page = ContactFormPage(
            slug="contact",
            locale=ctx.fr,
            title="Travaillons ensemble",
            show_in_menus=True,
            intro="<p>Soutenez le programme, engagez vos collaborateurs ou parlez-en : "
            "écrivez à l'équipe partenariats.</p>",
            thank_you_text="<p>Merci ! L'équipe partenariats vous répond rapidement.</p>",
            to_address=settings.STAFF_EMAIL,
            from_address=parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
            subject="Nouveau message depuis le site ré_action",
        )
        for label, _en, field_type, required, choices, _choices_en in CONTACT_FIELDS:
            page.form_fields.add(
                ContactFormField(
                    label=label, field_type=field_type, required=required, choices=choices
                )
            )
        ctx.home_fr.add_child(instance=page)
        page.save_revision().publish()
    translation = page.get_translation_or_none(ctx.en)
    if translation is None:
        translation = page.copy_for_translation(ctx.en)
        translation.title = "Let's work together"
        translation.intro = (
            "<p>Support the programme, engage your employees or talk about it: write to the "
            "partnerships team.</p>"
        )
        translation.thank_you_text = "<p>Thank you! The partnerships team will reply soon.</p>"
        translation.subject = "New message from the ré_action website"
        for field, (_fr, label_en, *_rest, choices_en) in zip(
            translation.form_fields.all(), CONTACT_FIELDS, strict=True
        ):
            field.label = label_en
            field.choices = choices_en
            field.clean_name = ""
            field.save()
        translation.save_revision().publish()
    return page


def load_goals_and_calls_to_action(ctx: DemoContext, **options) -> None:
    goals = ProgrammeGoals.for_site(ctx.home_fr.get_site())
    if not goals.recorded_volunteers:
        # The seed's figures: 1,600 volunteers and 3 + 9 + 30 cohorts before the portal.
        goals.recorded_volunteers = 1600
        goals.recorded_cohorts = 42
        goals.save()
    for home_id, lang in ((ctx.home_fr.pk, "fr"), (ctx.home_en.pk, "en")):
        home = HomePage.objects.get(pk=home_id)  # fresh: children were added since
        if home.calls_to_action:
            continue
        contact = ContactFormPage.objects.filter(locale=home.locale).first()
        programme = ProgrammePage.objects.filter(locale=home.locale).first()
        home.calls_to_action = _calls_to_action(lang, contact, programme)
        home.save_revision().publish()


def _calls_to_action(lang, contact, programme):
    texts = {
        "fr": [
            (
                "Rejoignez une promotion",
                "Une semaine pour agir près de chez vous, avec 14 "
                "autres volontaires et un coordinateur citoyen.",
                "Je m'engage",
            ),
            (
                "Soutenez le programme",
                "Nous recherchons des partenaires financiers ou "
                "technologiques pour développer ensemble le programme.",
                "Devenir partenaire",
            ),
            (
                "Engagez vos collaborateurs",
                "Des promotions dédiées et la formation de vos "
                "collaborateurs à devenir mobilisateurs internes.",
                "Engager mon entreprise",
            ),
            (
                "Parlez du programme",
                "Pour ne pas réinventer la roue, allions nos forces.",
                "Nous écrire",
            ),
        ],
        "en": [
            (
                "Join a cohort",
                "One week to act near home, with 14 other volunteers and a citizen coordinator.",
                "I'm in",
            ),
            (
                "Support the programme",
                "We are looking for financial or technology partners to "
                "grow the programme together.",
                "Become a partner",
            ),
            (
                "Engage your employees",
                "Dedicated cohorts, and training for your employees to become internal mobilisers.",
                "Engage my company",
            ),
            (
                "Talk about the programme",
                "Let's not reinvent the wheel: let's join forces.",
                "Write to us",
            ),
        ],
    }[lang]
    targets = [programme or contact, contact, contact, contact]
    return [
        (
            "call_to_action",
            {
                "title": title,
                "text": text,
                "link_page": target,
                "link_url": "",
                "link_label": label,
            },
        )
        for (title, text, label), target in zip(texts, targets, strict=True)
    ]
