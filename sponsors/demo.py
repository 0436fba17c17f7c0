"""Demo sponsors: the two tiers of the seed (10 000 € and 20 000 €), one sponsor of each kind
(simple, geographic, thematic) with drawn logos, in French and English, and the thematic
sponsor's dedicated cohort of this week (led by a demo coordinator of the programme), with an
employee named as internal mobiliser whose training is still to come (so she opens no cohort of
her own in other rooms' scenarios).

Fictional companies, example domains; idempotent like every loader.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from challenges.models import ChallengePage
from portal.demo import DemoContext, drawn_image, ensure_child, ensure_translation
from portal.weeks import week_start
from programme.models import (
    Cohort,
    CohortStatus,
    Coordinator,
    CoordinatorTraining,
    Membership,
    MembershipStatus,
)
from programme.services import REMOTE, impact, sponsorship
from sponsors.models import (
    SponsorIndexPage,
    SponsorMobiliser,
    SponsorPage,
    SponsorTier,
    normalise_code,
)
from sponsors.regions import Region

TIERS = [
    # (name fr, name en, amount, order, benefits fr, benefits en)
    (
        "Sponsor",
        "Sponsor",
        10_000,
        1,
        "<ul><li>Communication sur le site et sur notre plaquette de présentation</li>"
        "<li>Diffusion sur vos réseaux de communication</li></ul>",
        "<ul><li>Your name on the website and in our presentation brochure</li>"
        "<li>Posts on your communication channels</li></ul>",
    ),
    (
        "Sponsor thématique ou géographique",
        "Thematic or geographic sponsor",
        20_000,
        2,
        "<ul><li>Co-construction du programme sur une thématique ou une région, en lien avec "
        "vos activités ou vos partenaires</li><li>Promotions dédiées de vos collaborateurs et "
        "formation de mobilisateurs internes</li></ul>",
        "<ul><li>The programme co-built on a theme or a region, with your activities or your "
        "partners</li><li>Dedicated cohorts of your employees and training of internal "
        "mobilisers</li></ul>",
    ),
]

SPONSORS = [
    {
        "slug": "levain-et-compagnie",
        "title": "Levain & Compagnie",
        "tier": 0,
        "brand": "#1d4e89",
        "text": "#ffffff",
        "domains": "levain.example",
        "code": "LEVAIN-2026",
        "message_fr": "<p>Nos boulangeries soutiennent ré_action et encouragent leurs équipes à "
        "agir près de chez elles.</p>",
        "message_en": "<p>Our bakeries support ré_action and encourage their teams to act "
        "close to home.</p>",
    },
    {
        "slug": "rail-rhone-alpes",
        "title": "Rail Rhône-Alpes",
        "tier": 1,
        "brand": "#6b1d3a",
        "text": "#ffffff",
        "domains": "rail-ra.example",
        "code": "RAIL-RA-2026",
        "region": Region.AUVERGNE_RHONE_ALPES,
        "challenges": ["seniors-isoles"],
        "message_fr": "<p>Nous co-construisons le programme en Auvergne-Rhône-Alpes pour "
        "garder le lien avec les aînés isolés de nos territoires.</p>",
        "message_en": "<p>We co-build the programme in Auvergne-Rhône-Alpes to keep in touch "
        "with isolated elderly people in our region.</p>",
    },
    {
        "slug": "pharmacies-du-coeur",
        "title": "Pharmacies du Cœur",
        "tier": 1,
        "brand": "#ffd166",
        "text": "#1b1b1f",
        "domains": "pharmacies-du-coeur.example",
        "code": "COEUR-2026",
        "theme": "soignants",
        "message_fr": "<p>Nos officines co-construisent avec ré_action le défi « De l'aide "
        "pour les soignants » et forment leurs équipes à devenir mobilisatrices.</p>",
        "message_en": "<p>Our pharmacies co-build the « Help for caregivers » challenge with "
        "ré_action and train their teams to become mobilisers.</p>",
    },
]
CONTACT = "direction@pharmacies-du-coeur.example"
MOBILISER = ("sandrine@pharmacies-du-coeur.example", "Sandrine")
LEADER = "karim.coordination@example.org"  # programme.demo: trained for the caregivers, remote
EMPLOYEES = [
    ("yanis@pharmacies-du-coeur.example", "Yanis"),
    ("zoe@pharmacies-du-coeur.example", "Zoé"),
    ("malik@pharmacies-du-coeur.example", "Malik"),
]
# (employee index, unit, quantity): reports of the dedicated cohort's members
REPORTS = [(0, "visieres", 40), (1, "visieres", 25), (2, "respirateurs", 1)]


def load(ctx: DemoContext, **options) -> None:
    tiers = _load_tiers(ctx)
    index = ensure_child(
        ctx.home_fr, SponsorIndexPage, slug="sponsors", title="Nos sponsors", show_in_menus=True
    )
    if not index.intro:
        index.intro = (
            "<p>Des entreprises financent le programme, le co-construisent sur un thème ou une "
            "région et le déploient auprès de leurs salarié·es.</p>"
        )
        index.save_revision().publish()
    ensure_translation(
        index,
        ctx.en,
        slug="sponsors",
        title="Our sponsors",
        intro="<p>Companies fund the programme, co-build it on a theme or a region and run it "
        "for their employees.</p>",
    )
    challenges = {page.slug: page for page in ChallengePage.objects.filter(locale=ctx.fr)}
    pages = {}
    for item in SPONSORS:
        pages[item["slug"]] = _load_sponsor(ctx, index, item, tiers, challenges)
    _load_dedicated_cohort(ctx, pages["pharmacies-du-coeur"], challenges["soignants"])
    ctx.say(f"Sponsors: {len(SPONSORS)} sponsors, {len(TIERS)} tiers.")


def _load_tiers(ctx: DemoContext) -> list[tuple[SponsorTier, SponsorTier]]:
    tiers = []
    for name_fr, name_en, amount, order, benefits_fr, benefits_en in TIERS:
        tier_fr = SponsorTier.objects.filter(locale=ctx.fr, name=name_fr).first()
        if tier_fr is None:
            tier_fr = SponsorTier.objects.create(
                locale=ctx.fr, name=name_fr, amount_eur=amount, order=order, benefits=benefits_fr
            )
        tier_en = tier_fr.get_translation_or_none(ctx.en)
        if tier_en is None:
            tier_en = tier_fr.copy_for_translation(ctx.en)
            tier_en.name = name_en
            tier_en.benefits = benefits_en
            tier_en.save()
        tiers.append((tier_fr, tier_en))
    return tiers


def _load_sponsor(ctx, index, item, tiers, challenges) -> SponsorPage:
    logo = drawn_image(
        f"Logo — {item['title']}",
        alt=item["title"],
        colour=item["brand"],
        text=item["title"],
        size=(480, 240),
    )
    tier_fr, tier_en = tiers[item["tier"]]
    existing = SponsorPage.objects.child_of(index).filter(slug=item["slug"]).first()
    page = existing or ensure_child(
        index,
        SponsorPage,
        slug=item["slug"],
        title=item["title"],
        logo=logo,
        brand_colour=item["brand"],
        text_colour=item["text"],
        tier=tier_fr,
        theme=challenges.get(item.get("theme", "")),
        region=item.get("region", ""),
        message=item["message_fr"],
        allowed_email_domains=item["domains"],
        company_code_hash=make_password(normalise_code(item["code"])),
    )
    if existing is None:
        for slug in item.get("challenges", []):
            page.sponsored_challenges.add(challenges[slug])
        if item["slug"] == "pharmacies-du-coeur":
            page.contacts.add(_user(CONTACT, "Nadia"))
        page.save_revision().publish()
    ensure_translation(page, ctx.en, slug=item["slug"], message=item["message_en"], tier=tier_en)
    return page


def _user(email: str, first_name: str):
    user, created = get_user_model().objects.get_or_create(
        username=email, defaults={"email": email, "first_name": first_name}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _load_dedicated_cohort(ctx: DemoContext, sponsor: SponsorPage, challenge) -> None:
    email, first_name = MOBILISER
    if Coordinator.objects.filter(user__username=email).exists():
        return
    mobiliser = Coordinator.objects.create(
        user=_user(email, first_name), language="fr", area=REMOTE
    )
    CoordinatorTraining.objects.create(coordinator=mobiliser, challenge=challenge)
    SponsorMobiliser.objects.create(sponsor_key=sponsor.sponsor_key, coordinator=mobiliser)
    leader = Coordinator.objects.filter(user__username=LEADER).first()
    if leader is None:
        return
    start = week_start(timezone.localdate())
    cohort = Cohort.objects.create(
        challenge=challenge,
        language="fr",
        area=REMOTE,
        start_date=start,
        coordinator=leader,
        status=CohortStatus.RUNNING,
        sponsor_key=sponsor.sponsor_key,
    )
    now = timezone.now()
    members = []
    for address, name in EMPLOYEES:
        membership = Membership.objects.create(
            user=_user(address, name),
            challenge=challenge,
            language="fr",
            area=REMOTE,
            start_date=start,
            cohort=cohort,
            status=MembershipStatus.PLACED,
            confirmed_at=now,
            placed_at=now,
        )
        sponsorship.link_to_sponsor(membership, sponsor.sponsor_key)
        members.append(membership)
    for index, unit, quantity in REPORTS:
        impact.record_report(
            user=members[index].user, challenge=challenge, unit=unit, quantity=quantity
        )
    impact.recount_impact_totals()
