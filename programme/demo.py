"""Demo content: the one-week schedule of the seed (launch, days 1 to 5, closing), plus a few
coordinators, cohorts, members and impact reports (fictional people, example.org addresses)."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from challenges.models import ChallengePage
from portal.demo import DemoContext, ensure_child, ensure_translation
from portal.weeks import week_start
from programme.models import (
    Cohort,
    CohortStatus,
    Coordinator,
    CoordinatorTraining,
    Membership,
    MembershipStatus,
    ProgrammePage,
)
from programme.services import impact

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

# The day's email content, one per entry of DAYS (French, English): each day its own
# guidance, following the seed's arc (understand on days 1-3, do on days 3-5, sustain after).
CONTENT = [
    (
        "<p>Bienvenue ! Cette semaine, vous agissez avec 14 autres volontaires et votre "
        "coordinateur·rice. Ce soir, l'appel de lancement présente le défi, les partenaires "
        "experts et les règles de sécurité (gestes barrières, pas de contact sans accord).</p>",
        "<p>Welcome! This week you act with 14 other volunteers and your coordinator. "
        "Tonight's launch call presents the challenge, the expert partners and the safety "
        "rules (barrier gestures, no contact without consent).</p>",
    ),
    (
        "<p>Comprendre d'abord : qui, près de chez vous, est le plus touché ? Les partenaires "
        "experts décrivent les besoins les plus fréquents et ceux qu'il ne faut pas deviner à "
        "la place des personnes. Regardez la carte des besoins publiés près de chez vous.</p>",
        "<p>Understand first: who, near you, is hit hardest? The expert partners describe the "
        "most frequent needs, and those one must not guess on people's behalf. Look at the map "
        "of the needs published near you.</p>",
    ),
    (
        "<p>Les acteurs locaux (associations, établissements, fermes, commerces) savent déjà "
        "beaucoup. Aujourd'hui : comment les contacter sans les déranger, quoi leur demander, "
        "et comment proposer votre aide concrètement.</p>",
        "<p>Local actors (associations, institutions, farms, shops) already know a lot. Today: "
        "how to contact them without getting in their way, what to ask, and how to offer your "
        "help in practice.</p>",
    ),
    (
        "<p>Place à l'action : la fiche de l'action recommandée par le partenaire expert, pas à "
        "pas, avec le matériel, les précautions et le temps nécessaire. L'appel du soir fait "
        "le point sur ce qui bloque.</p>",
        "<p>Time to act: the sheet of the action recommended by the expert partner, step by "
        "step, with the materials, the precautions and the time it takes. Tonight's call "
        "looks at what gets in the way.</p>",
    ),
    (
        "<p>Une action compte double quand elle est partagée. Des messages prêts à envoyer, une "
        "affiche pour le hall de l'immeuble et des témoignages de volontaires qui ont embarqué "
        "leurs voisins ou leurs collègues.</p>",
        "<p>An action counts twice when it is shared. Messages ready to send, a poster for your "
        "building's hall and testimonies of volunteers who brought their neighbours or "
        "colleagues along.</p>",
    ),
    (
        "<p>Faire durer : qui poursuivra après la semaine ? Comment passer le relais à une "
        "association, tenir un planning partagé et garder le contact avec les personnes "
        "aidées, dans le respect de leur vie privée.</p>",
        "<p>Make it last: who will carry on after the week? How to hand over to an "
        "association, keep a shared rota and stay in touch with the people helped, respecting "
        "their privacy.</p>",
    ),
    (
        "<p>Bravo ! Déclarez ce que vous avez fait pour que l'impact de la promotion soit "
        "compté. Ce soir, la session de clôture : ce qui a marché, ce qui continue, et comment "
        "devenir coordinateur·rice d'une prochaine promotion.</p>",
        "<p>Well done! Report what you did so the cohort's impact is counted. Tonight's "
        "closing session: what worked, what goes on, and how to become the coordinator of a "
        "next cohort.</p>",
    ),
]


def _days(lang: str) -> list:
    fr = lang == "fr"
    return [
        (
            "day",
            {
                "kind": kind,
                "title": title_fr if fr else title_en,
                "email_subject": subject_fr if fr else subject_en,
                "email_content": content_fr if fr else content_en,
                "action": action_fr if fr else action_en,
                "action_page": None,
                "daily_call": call,
                "group_chat": True,
            },
        )
        for (kind, title_fr, title_en, subject_fr, subject_en, action_fr, action_en, call), (
            content_fr,
            content_en,
        ) in zip(DAYS, CONTENT, strict=True)
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
    this_monday = week_start(timezone.localdate())
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
