"""Demo content: the four challenges and the expert partners of the seed, in French and English."""

from challenges.models import (
    ChallengeImpactMetric,
    ChallengeIndexPage,
    ChallengePage,
    PartnerIndexPage,
    PartnerKind,
    PartnerPage,
)
from portal.demo import DemoContext, drawn_image, ensure_child, ensure_translation

CHALLENGES = [
    {
        "slug": ("sans-abri", "homeless"),
        "colour": "#6b3fa0",
        "metrics": [
            ("kits-hygiene", "kits d'hygiène constitués", "hygiene kits made", 1000, 5000),
            ("points-collecte", "points de collecte ouverts", "collection points opened", 2, 100),
        ],
        "fr": {
            "title": "De la chaleur pour les sans-abri",
            "summary": "Le programme, créé en partenariat avec La Cloche, propose des actions "
            "concrètes pour aider les personnes sans abri.",
            "body": "Collecter des kits d'hygiène avec ses voisins et les pharmacies, inciter les "
            "commerçants à devenir points de collecte, distribuer les kits via des associations "
            "et sensibiliser aux gestes barrières.",
            "phase_understand": "Comprendre la vie à la rue en période de crise et les besoins "
            "d'hygiène des personnes sans domicile.",
            "phase_do": "Organiser une collecte de kits d'hygiène dans son immeuble et chez les "
            "commerçants, puis les distribuer avec une association.",
            "phase_sustain": "Faire de son quartier un réseau durable de points de collecte et "
            "de voisins solidaires.",
        },
        "en": {
            "title": "Warmth for homeless people",
            "summary": "Built with La Cloche, the programme offers concrete actions to help "
            "homeless people.",
            "body": "Collect hygiene kits with neighbours and pharmacies, encourage shopkeepers to "
            "become collection points, distribute the kits through associations and share "
            "barrier gestures.",
            "phase_understand": "Understand life on the street in a crisis and the hygiene needs "
            "of homeless people.",
            "phase_do": "Organise a hygiene-kit collection in your building and local shops, "
            "then distribute the kits with an association.",
            "phase_sustain": "Turn your neighbourhood into a lasting network of collection "
            "points and caring neighbours.",
        },
    },
    {
        "slug": ("soignants", "caregivers"),
        "colour": "#1a4f8b",
        "metrics": [
            ("visieres", "visières livrées", "face shields delivered", 700, 2000),
            (
                "respirateurs",
                "respirateurs offerts à l'AP-HP",
                "ventilators donated to AP-HP",
                3,
                None,
            ),
        ],
        "fr": {
            "title": "De l'aide pour les soignants",
            "summary": "Un programme qui propose des actions concrètes pour aider le personnel "
            "soignant en première ligne !",
            "body": "Aider les soignants dans leur vie de tous les jours (courses, logement, garde "
            "d'enfants) et répondre aux besoins pressants des hôpitaux (masques, visières, "
            "imprimantes 3D, blouses).",
            "phase_understand": "Comprendre les défis des hôpitaux avec l'AP-HP et les "
            "plateformes existantes pour mutualiser les efforts.",
            "phase_do": "Répondre à un besoin concret d'un hôpital ou d'un soignant près de "
            "chez soi.",
            "phase_sustain": "Passer le relais : documenter l'action pour que d'autres "
            "volontaires la reproduisent.",
        },
        "en": {
            "title": "Help for caregivers",
            "summary": "A programme of concrete actions to help frontline hospital staff!",
            "body": "Help caregivers in their daily lives (shopping, housing, childcare) and "
            "answer hospitals' urgent needs (masks, face shields, 3D printers, gowns).",
            "phase_understand": "Understand hospitals' challenges with AP-HP and the existing "
            "platforms, to pool efforts.",
            "phase_do": "Answer a concrete need of a hospital or a caregiver near home.",
            "phase_sustain": "Pass it on: document the action so that other volunteers can "
            "replicate it.",
        },
    },
    {
        "slug": ("seniors-isoles", "isolated-seniors"),
        "colour": "#0b5d4b",
        "metrics": [("ehpad-contactes", "EHPAD contactés", "care homes contacted", 900, 3000)],
        "fr": {
            "title": "Maillages, du lien avec nos aîné·es",
            "summary": "Un programme d'une semaine pour maintenir ou créer du lien avec les "
            "seniors isolés, en partenariat avec Entoureo.",
            "body": "Passer du temps au téléphone avec des seniors isolés (en EHPAD, en "
            "résidence ou chez eux), faire leurs courses et nouer des partenariats avec de "
            "nouveaux établissements.",
            "phase_understand": "Comprendre l'isolement des personnes âgées et les bons gestes "
            "pour échanger avec elles, avec Entoureo.",
            "phase_do": "Appeler régulièrement des seniors isolés et leur rendre des services "
            "concrets.",
            "phase_sustain": "Créer un partenariat durable avec un établissement près de chez soi.",
        },
        "en": {
            "title": "Ties with our elders",
            "summary": "A one-week programme to keep or create ties with isolated seniors, with "
            "Entoureo.",
            "body": "Spend time on the phone with isolated seniors (in care homes, residences or "
            "at home), do their shopping and build partnerships with new care homes.",
            "phase_understand": "Understand the isolation of older people and how to talk with "
            "them, with Entoureo.",
            "phase_do": "Call isolated seniors regularly and do concrete errands for them.",
            "phase_sustain": "Build a lasting partnership with a care home near you.",
        },
    },
    {
        "slug": ("agriculteurs-locaux", "local-farmers"),
        "colour": "#8a4b08",
        "metrics": [
            ("producteurs-soutenus", "producteurs soutenus", "producers supported", 0, 500)
        ],
        "fr": {
            "title": "Donnons la pêche à nos fermier·es",
            "summary": "Un programme pour soutenir l'agriculture locale et bio en soutenant des "
            "réseaux de production et de distribution.",
            "body": "Soutenir ou créer un réseau local de distribution, promouvoir les "
            "producteurs locaux dans ses achats et son entourage, contribuer aux récoltes.",
            "phase_understand": "Comprendre les difficultés des producteurs locaux pendant la "
            "crise, avec La Ruche qui dit Oui, Etika Mundi et Miimosa.",
            "phase_do": "Organiser un point de distribution ou prêter main-forte à une récolte.",
            "phase_sustain": "Faire vivre un réseau d'acheteurs locaux dans son quartier.",
        },
        "en": {
            "title": "Let's back our farmers",
            "summary": "A programme to support local and organic farming by backing production "
            "and distribution networks.",
            "body": "Support or create a local distribution network, promote local producers "
            "in your shopping and around you, help with harvests.",
            "phase_understand": "Understand local producers' difficulties during the crisis, "
            "with La Ruche qui dit Oui, Etika Mundi and Miimosa.",
            "phase_do": "Organise a distribution point or lend a hand with a harvest.",
            "phase_sustain": "Keep a network of local buyers alive in your neighbourhood.",
        },
    },
]

PARTNERS = [
    {
        "slug": "la-cloche",
        "title": "La Cloche",
        "website": "https://www.lacloche.org",
        "colour": "#4a2a75",
        "challenges": ["sans-abri"],
        "fr": (
            "Association qui engage les citoyens, avec ou sans domicile, contre la grande "
            "exclusion.",
            "La Cloche engage les citoyens, avec ou sans domicile, à agir "
            "contre la grande exclusion via la création de lien social et le changement de "
            "regard sur la vie à la rue.",
        ),
        "en": (
            "An association engaging citizens, housed or not, against extreme exclusion.",
            "La Cloche engages citizens, with or without a home, to act against extreme "
            "exclusion by creating social ties and changing how people see life on the "
            "street.",
        ),
    },
    {
        "slug": "ap-hp",
        "title": "AP-HP",
        "website": "https://www.aphp.fr",
        "colour": "#123a6b",
        "challenges": ["soignants"],
        "fr": (
            "Les hôpitaux de Paris orientent les volontaires vers les actions les plus utiles.",
            "L'AP-HP présente les défis de la situation actuelle pour les "
            "hôpitaux et oriente les volontaires vers les actions les plus utiles et les "
            "plateformes existantes afin de mutualiser les efforts.",
        ),
        "en": (
            "Paris hospitals guide volunteers to the most useful actions.",
            "AP-HP presents the current challenges of hospitals and guides volunteers to the "
            "most useful actions and to existing platforms, to pool efforts.",
        ),
    },
    {
        "slug": "entoureo",
        "title": "Entoureo",
        "website": "https://www.entoureo.fr",
        "colour": "#0a4f40",
        "challenges": ["seniors-isoles"],
        "fr": (
            "Entreprise sociale qui réunit les générations.",
            "Experte des liens intergénérationnels, Entoureo forme les volontaires à "
            "échanger avec les personnes âgées isolées et les oriente vers les actions les "
            "plus utiles.",
        ),
        "en": (
            "A social enterprise bringing generations together.",
            "An expert in intergenerational ties, Entoureo trains volunteers to talk with "
            "isolated older people and guides them to the most useful actions.",
        ),
    },
    {
        "slug": "la-ruche-qui-dit-oui",
        "title": "La Ruche qui dit Oui !",
        "website": "https://laruchequiditoui.fr",
        "colour": "#7a4306",
        "challenges": ["agriculteurs-locaux"],
        "fr": (
            "Réseau de circuits courts entre producteurs et habitants.",
            "Un acteur majeur engagé pour une agriculture plus durable, locale et résiliente.",
        ),
        "en": (
            "A short-supply-chain network between producers and residents.",
            "A major actor committed to more sustainable, local and resilient farming.",
        ),
    },
    {
        "slug": "etika-mundi",
        "title": "Etika Mundi",
        "website": "https://www.etikamundi.org",
        "colour": "#3d5a1e",
        "challenges": ["agriculteurs-locaux"],
        "fr": (
            "Association pour une alimentation durable.",
            "Engagée pour accélérer la transition vers une agriculture plus durable, locale "
            "et résiliente.",
        ),
        "en": (
            "An association for sustainable food.",
            "Committed to speeding up the transition to more sustainable, local and "
            "resilient farming.",
        ),
    },
    {
        "slug": "miimosa",
        "title": "Miimosa",
        "website": "https://www.miimosa.com",
        "colour": "#5c3d7a",
        "challenges": ["agriculteurs-locaux"],
        "fr": (
            "Plateforme de financement participatif de l'agriculture.",
            "Engagée auprès des agriculteurs pour financer une agriculture plus durable et locale.",
        ),
        "en": (
            "A crowdfunding platform for farming.",
            "Working with farmers to fund more sustainable and local farming.",
        ),
    },
]


def _challenge_fields(content: dict) -> dict:
    fields = dict(content)
    fields["body"] = [("paragraph", f"<p>{content['body']}</p>")]
    return fields


# Each metric's label in the singular (French, English), shown for 1 (and 0 in French).
SINGULAR_LABELS = {
    "kits-hygiene": ("kit d'hygiène constitué", "hygiene kit made"),
    "points-collecte": ("point de collecte ouvert", "collection point opened"),
    "visieres": ("visière livrée", "face shield delivered"),
    "respirateurs": ("respirateur offert à l'AP-HP", "ventilator donated to AP-HP"),
    "ehpad-contactes": ("EHPAD contacté", "care home contacted"),
    "producteurs-soutenus": ("producteur soutenu", "producer supported"),
}


def load(ctx: DemoContext, **options) -> None:
    index_fr = ensure_child(
        ctx.home_fr,
        ChallengeIndexPage,
        slug="defis",
        title="Les défis",
        show_in_menus=True,
        intro="Nous avons monté le programme ré_action pour répondre à 4 défis majeurs.",
    )
    ensure_translation(
        index_fr,
        ctx.en,
        slug="challenges",
        title="The challenges",
        intro="We built the ré_action programme to answer 4 major challenges.",
    )
    challenges = {}
    for item in CHALLENGES:
        slug_fr, slug_en = item["slug"]
        image = drawn_image(
            f"Défi — {item['fr']['title']}",
            alt=f"Illustration du défi « {item['fr']['title']} »",
            colour=item["colour"],
            text=item["fr"]["title"],
        )
        page = ChallengePage.objects.child_of(index_fr).filter(slug=slug_fr).first()
        if page is None:
            page = ChallengePage(
                slug=slug_fr, locale=ctx.fr, image=image, **_challenge_fields(item["fr"])
            )
            for unit, label_fr, _label_en, value, target in item["metrics"]:
                page.impact_metrics.add(
                    ChallengeImpactMetric(
                        unit=unit,
                        label=label_fr,
                        label_singular=SINGULAR_LABELS[unit][0],
                        value=value,
                        target=target,
                    )
                )
            index_fr.add_child(instance=page)
            page.save_revision().publish()
        translation = page.get_translation_or_none(ctx.en)
        if translation is None:
            image_en = drawn_image(
                f"Challenge — {item['en']['title']}",
                alt=f"Illustration of the challenge “{item['en']['title']}”",
                colour=item["colour"],
                text=item["en"]["title"],
            )
            translation = ensure_translation(
                page, ctx.en, slug=slug_en, image=image_en, **_challenge_fields(item["en"])
            )
            labels = {unit: label_en for unit, _fr, label_en, *_ in item["metrics"]}
            for metric in translation.impact_metrics.all():
                metric.label = labels[metric.unit]
                metric.label_singular = SINGULAR_LABELS[metric.unit][1]
                metric.save()
            translation.save_revision().publish()
        challenges[slug_fr] = page
    _load_partners(ctx, challenges)


def _load_partners(ctx: DemoContext, challenges: dict) -> None:
    index_fr = ensure_child(
        ctx.home_fr,
        PartnerIndexPage,
        slug="partenaires",
        title="Nos partenaires experts",
        show_in_menus=True,
        intro="Des associations expertes des 4 défis orientent les volontaires vers des "
        "actions utiles, qualifiées et priorisées.",
    )
    ensure_translation(
        index_fr,
        ctx.en,
        slug="partners",
        title="Our expert partners",
        intro="Associations expert in the 4 challenges guide volunteers to useful, qualified "
        "and prioritised actions.",
    )
    for item in PARTNERS:
        logo = drawn_image(
            f"Logo — {item['title']}",
            alt=item["title"],
            colour=item["colour"],
            text=item["title"],
            size=(480, 240),
        )
        short_fr, long_fr = item["fr"]
        page = PartnerPage.objects.child_of(index_fr).filter(slug=item["slug"]).first()
        if page is None:
            page = PartnerPage(
                slug=item["slug"],
                locale=ctx.fr,
                title=item["title"],
                kind=PartnerKind.EXPERT,
                logo=logo,
                website=item["website"],
                short_description=short_fr,
                description=f"<p>{long_fr}</p>",
            )
            page.challenges = [challenges[slug] for slug in item["challenges"]]
            index_fr.add_child(instance=page)
            page.save_revision().publish()
        short_en, long_en = item["en"]
        ensure_translation(
            page,
            ctx.en,
            slug=item["slug"],
            short_description=short_en,
            description=f"<p>{long_en}</p>",
        )
