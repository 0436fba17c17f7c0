"""Demo content: the one-week schedule of the seed (launch, days 1 to 5, closing), plus a few
coordinators, cohorts, members and impact reports (fictional people, example.org addresses)."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from challenges.models import ChallengePage
from portal.demo import DemoContext, ensure_child, ensure_translation
from programme.models import (
    Cohort,
    CohortStatus,
    Coordinator,
    CoordinatorTraining,
    Membership,
    MembershipStatus,
    ProgrammePage,
)
from programme.services import content, impact

# (kind, title fr, title en, subject fr, subject en, action fr, action en, daily call)
DAYS = [
    (
        "launch",
        "Session de lancement",
        "Launch session",
        "Mail 1 : bienvenue dans votre promotion",
        "Mail 1: welcome to your cohort",
        "Présentez-vous dans la boucle de la promotion et choisissez votre action.",
        "Introduce yourself in the cohort's chat and choose your action.",
        False,
    ),
    (
        "day",
        "Jour 1 — comprendre",
        "Day 1 — understand",
        "Mail 2 : comprendre les besoins",
        "Mail 2: understanding the needs",
        "Identifiez un besoin concret près de chez vous.",
        "Identify a concrete need near home.",
        True,
    ),
    (
        "day",
        "Jour 2 — comprendre",
        "Day 2 — understand",
        "Mail 3 : rencontrer les acteurs",
        "Mail 3: meeting the local actors",
        "Contactez une association ou un établissement de votre quartier.",
        "Contact an association or an institution in your neighbourhood.",
        True,
    ),
    (
        "day",
        "Jour 3 — faire",
        "Day 3 — do",
        "Mail 4 : passer à l'action",
        "Mail 4: taking action",
        "Lancez l'action recommandée par le partenaire expert.",
        "Start the action recommended by the expert partner.",
        True,
    ),
    (
        "day",
        "Jour 4 — faire",
        "Day 4 — do",
        "Mail 5 : mobiliser son entourage",
        "Mail 5: mobilising those around you",
        "Invitez deux voisins ou collègues à vous rejoindre.",
        "Invite two neighbours or colleagues to join you.",
        True,
    ),
    (
        "day",
        "Jour 5 — faire durer",
        "Day 5 — sustain",
        "Mail 6 : ancrer l'action",
        "Mail 6: rooting the action",
        "Trouvez qui poursuivra l'action après la semaine.",
        "Find who will carry the action on after the week.",
        True,
    ),
    (
        "closing",
        "Session de clôture",
        "Closing session",
        "Mail 7 : et maintenant ?",
        "Mail 7: what next?",
        "Racontez votre impact et devenez, si vous le souhaitez, coordinateur.",
        "Report your impact and, if you wish, become a coordinator.",
        False,
    ),
]

CONTENT = {
    "fr": "<p>Le contenu du jour : des repères, des témoignages et les conseils des "
    "partenaires experts pour agir utilement et en sécurité (gestes barrières).</p>",
    "en": "<p>Today's content: guidance, testimonies and the expert partners' advice to act "
    "usefully and safely (barrier gestures).</p>",
}


def _days(lang: str) -> list:
    fr = lang == "fr"
    return [
        (
            "day",
            {
                "kind": kind,
                "title": title_fr if fr else title_en,
                "email_subject": subject_fr if fr else subject_en,
                "email_content": CONTENT[lang],
                "action": action_fr if fr else action_en,
                "action_page": None,
                "daily_call": call,
                "group_chat": True,
            },
        )
        for kind, title_fr, title_en, subject_fr, subject_en, action_fr, action_en, call in DAYS
    ]


def load(ctx: DemoContext, **options) -> None:
    _load_programme_page(ctx)
    _load_cohorts(ctx)


def _load_programme_page(ctx: DemoContext) -> None:
    page = ensure_child(
        ctx.home_fr,
        ProgrammePage,
        slug="programme",
        title="Le programme en une semaine",
        show_in_menus=True,
        intro="Sur une semaine, du contenu, des formations et un groupe de pairs : chaque jour "
        "un mail avec du contenu et une action, un appel quotidien et des échanges dans la "
        "boucle de la promotion.",
        coordinators_text="Chaque groupe de 15 volontaires est accompagné par un coordinateur "
        "citoyen, formé à l'animation de communauté et aux actions thématiques par le "
        "partenaire expert. 3 groupes la semaine du lancement, puis 9, puis 30 en parallèle : "
        "ce modèle double le nombre de volontaires chaque semaine.",
        days=_days("fr"),
    )
    ensure_translation(
        page,
        ctx.en,
        slug="programme",
        title="The one-week programme",
        intro="Over one week, content, training and a peer group: every day an email with "
        "content and an action, a daily call and exchanges in the cohort's group chat.",
        coordinators_text="Each group of 15 volunteers is led by a citizen coordinator, trained "
        "in community facilitation and in the challenge's actions by the expert partner. 3 "
        "groups in the launch week, then 9, then 30 in parallel: this model doubles the number "
        "of volunteers every week.",
        days=_days("en"),
    )


# (username, first name, language, area, trained challenges (French slugs))
COORDINATORS = [
    ("camille.coordination@example.org", "Camille", "fr", "75", ["sans-abri", "seniors-isoles"]),
    ("karim.coordination@example.org", "Karim", "fr", "remote", ["soignants"]),
    ("jo.coordination@example.org", "Jo", "en", "remote", ["seniors-isoles"]),
]
VOLUNTEER_NAMES = [
    "Amina",
    "Bastien",
    "Chloé",
    "David",
    "Élise",
    "Farid",
    "Gaëlle",
    "Hugo",
    "Inès",
    "Jules",
    "Kenza",
    "Louis",
]
# (coordinator, challenge slug, language, area, week offset from this Monday, members)
COHORTS = [
    ("camille.coordination@example.org", "sans-abri", "fr", "75", 0, 6),
    ("karim.coordination@example.org", "soignants", "fr", "remote", 1, 4),
    ("jo.coordination@example.org", "seniors-isoles", "en", "remote", 1, 2),
]
# (volunteer index, challenge slug, unit, quantity)
REPORTS = [
    (0, "sans-abri", "kits-hygiene", 12),
    (1, "sans-abri", "kits-hygiene", 8),
    (2, "sans-abri", "points-collecte", 1),
    (6, "soignants", "visieres", 25),
]


def _user(username: str, first_name: str):
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": username, "first_name": first_name}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _load_cohorts(ctx: DemoContext) -> None:
    if Coordinator.objects.filter(user__username=COORDINATORS[0][0]).exists():
        return
    challenges = {page.slug: page for page in ChallengePage.objects.filter(locale=ctx.fr)}
    trained_on = timezone.localdate() - datetime.timedelta(days=14)
    coordinators = {}
    for username, first_name, language, area, trained in COORDINATORS:
        coordinator = Coordinator.objects.create(
            user=_user(username, first_name), language=language, area=area
        )
        for slug in trained:
            CoordinatorTraining.objects.create(
                coordinator=coordinator, challenge=challenges[slug], completed_on=trained_on
            )
        coordinators[username] = coordinator
    this_monday = content.monday_of(timezone.localdate())
    now = timezone.now()
    volunteers = iter(enumerate(VOLUNTEER_NAMES))
    placed = []
    for username, slug, language, area, weeks, size in COHORTS:
        start = this_monday + datetime.timedelta(weeks=weeks)
        cohort = Cohort.objects.create(
            challenge=challenges[slug],
            language=language,
            area=area,
            start_date=start,
            coordinator=coordinators[username],
            call_url="https://visio.example.org/reaction-demo",
            chat_url="https://chat.example.org/reaction-demo",
            status=CohortStatus.RUNNING if weeks == 0 else CohortStatus.FORMING,
        )
        for _n in range(size):
            index, name = next(volunteers)
            user = _user(f"volontaire{index + 1:02d}@example.org", name)
            placed.append(
                Membership.objects.create(
                    user=user,
                    challenge=cohort.challenge,
                    language=language,
                    area=area,
                    start_date=start,
                    cohort=cohort,
                    status=MembershipStatus.PLACED,
                    confirmed_at=now,
                    placed_at=now,
                )
            )
    for index, slug, unit, quantity in REPORTS:
        impact.record_report(
            user=placed[index].user, challenge=challenges[slug], unit=unit, quantity=quantity
        )
    impact.recount_impact_totals()
    ctx.say(f"Programme: {len(COHORTS)} cohorts, {len(placed)} members, {len(REPORTS)} reports.")
