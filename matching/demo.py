"""Demo data of the matching room: places all over France (overseas included) with needs from
the seed, and, with ``load_demo --needs N``, bulk needs clustered like the population.

Idempotent: the curated places are created once (looked up by name); bulk needs are added only
up to N needs in all.
"""

import datetime
import math
import random

from django.db import connection
from django.utils import timezone

from challenges.models import ChallengePage, PartnerPage
from matching.geocoding import OfflineGeocoder
from matching.models import (
    GeocodingStatus,
    Need,
    NeedStatus,
    Place,
    PlaceKind,
    Pledge,
    PublicPrecision,
)
from matching.models import Skill as S
from matching.population import KM_PER_DEGREE, population_points
from portal.demo import DemoContext

DROP_OFF = "Présentez-vous à l'accueil, du lundi au samedi de 9 h à 18 h."

# Real communes, by postcode (the gazetteer places them).
TOWNS = [
    "75011 Paris",
    "75013 Paris",
    "75018 Paris",
    "75015 Paris",
    "93100 Montreuil",
    "93200 Saint-Denis",
    "94000 Créteil",
    "78000 Versailles",
    "69003 Lyon",
    "69100 Villeurbanne",
    "13001 Marseille",
    "13013 Marseille",
    "31000 Toulouse",
    "06000 Nice",
    "44000 Nantes",
    "67000 Strasbourg",
    "34000 Montpellier",
    "33000 Bordeaux",
    "59000 Lille",
    "59100 Roubaix",
    "35000 Rennes",
    "51100 Reims",
    "42000 Saint-Étienne",
    "76600 Le Havre",
    "38000 Grenoble",
    "21000 Dijon",
    "49000 Angers",
    "30000 Nîmes",
    "63000 Clermont-Ferrand",
    "29200 Brest",
    "87000 Limoges",
    "37000 Tours",
    "80000 Amiens",
    "66000 Perpignan",
    "57000 Metz",
    "25000 Besançon",
    "45000 Orléans",
    "14000 Caen",
    "86000 Poitiers",
    "64000 Pau",
    "17000 La Rochelle",
    "20000 Ajaccio",
    "20200 Bastia",
    "15000 Aurillac",
    "23000 Guéret",
    "48000 Mende",
    "12100 Millau",
    "46100 Figeac",
    "22300 Lannion",
    "88100 Saint-Dié-des-Vosges",
    "97400 Saint-Denis",
    "97410 Saint-Pierre",
    "97110 Pointe-à-Pitre",
    "97200 Fort-de-France",
    "97300 Cayenne",
    "97600 Mamoudzou",
    "97500 Saint-Pierre",
    "98800 Nouméa",
    "98714 Papeete",
]
STREETS = [
    "rue de la République",
    "avenue Jean-Jaurès",
    "place de la Mairie",
    "rue Victor-Hugo",
    "boulevard Pasteur",
    "rue des Écoles",
    "chemin des Vignes",
    "rue du Général-de-Gaulle",
]

# challenge slug -> (partner slug, place kind, place name, precision, needs of the seed)
# each need: (title, description, unit, quantities, skill)
PROGRAMME = {
    "sans-abri": (
        "la-cloche",
        PlaceKind.COLLECTION_POINT,
        "Point de collecte solidaire",
        PublicPrecision.STREET,
        [
            (
                "Kits d'hygiène pour les personnes sans abri",
                "Savon, brosse à dents, dentifrice, protections périodiques, dans un sac fermé.",
                "kits",
                (20, 200),
                "",
            ),
            (
                "Vêtements chauds pour l'hiver",
                "Manteaux, bonnets, gants et chaussettes propres, tailles adultes.",
                "sacs",
                (10, 60),
                S.LOGISTICS,
            ),
            (
                "Bénévoles pour distribuer les kits",
                "Tournée du soir avec l'association, deux heures.",
                "tournées",
                (4, 20),
                S.DRIVING,
            ),
        ],
    ),
    "soignants": (
        "ap-hp",
        PlaceKind.HOSPITAL,
        "Centre hospitalier {town}",
        PublicPrecision.STREET,
        [
            (
                "Visières de protection pour les soignants",
                "Visières imprimées en 3D selon le modèle validé par l'hôpital.",
                "visières",
                (50, 500),
                S.PRINTING_3D,
            ),
            (
                "Repas pour les soignants de nuit",
                "Plats préparés et emballés, livrés avant 20 h.",
                "repas",
                (20, 150),
                S.COOKING,
            ),
            (
                "Blouses cousues pour le service de réanimation",
                "Patron fourni ; tissu lavable à 60 °C.",
                "blouses",
                (20, 100),
                S.SEWING,
            ),
        ],
    ),
    "seniors-isoles": (
        "entoureo",
        PlaceKind.CARE_HOME,
        "EHPAD Les Tilleuls",
        PublicPrecision.STREET,
        [
            (
                "Appels à des résidents isolés",
                "Un appel par semaine à un résident qui ne reçoit plus de visite.",
                "appels",
                (10, 80),
                S.PHONE,
            ),
            (
                "Courses pour les résidents",
                "Petites courses du quotidien, livrées à l'accueil.",
                "courses",
                (5, 40),
                S.DRIVING,
            ),
            (
                "Lettres et dessins pour les résidents",
                "Écrits à la main, en français.",
                "lettres",
                (20, 200),
                "",
            ),
        ],
    ),
    "agriculteurs-locaux": (
        "la-ruche-qui-dit-oui",
        PlaceKind.FARM,
        "Ferme des Quatre Saisons",
        PublicPrecision.NEIGHBOURHOOD,
        [
            (
                "Aide à la récolte",
                "Récolte de légumes de saison, le matin.",
                "demi-journées",
                (5, 40),
                S.MANUAL,
            ),
            (
                "Distribution de paniers de légumes",
                "Préparer et remettre les paniers aux habitants du quartier.",
                "paniers",
                (20, 120),
                S.LOGISTICS,
            ),
        ],
    ),
}
# Each unit above in the singular, shown for 1 (and 0 in French).
UNIT_SINGULAR = {
    "kits": "kit",
    "sacs": "sac",
    "tournées": "tournée",
    "visières": "visière",
    "repas": "repas",
    "blouses": "blouse",
    "appels": "appel",
    "courses": "course",
    "lettres": "lettre",
    "demi-journées": "demi-journée",
    "paniers": "panier",
}
BULK_BATCH = 20_000
NEEDS_PER_PLACE = 4


def load(ctx: DemoContext, **options) -> None:
    challenges = {page.slug: page for page in ChallengePage.objects.filter(locale=ctx.fr)}
    partners = {page.slug: page for page in PartnerPage.objects.filter(locale=ctx.fr)}
    made = load_curated(challenges, partners)
    if made:
        ctx.say(f"Matching: {made} demo needs in {len(TOWNS)} communes.")
    target = options.get("needs") or 0
    added = load_bulk(target, challenges, partners, stdout=ctx.stdout)
    if added:
        ctx.say(f"Matching: {added} bulk needs added ({Need.objects.count()} in all).")


def load_curated(challenges: dict, partners: dict) -> int:
    """Realistic places in real communes, each with needs from the seed; once."""
    rnd = random.Random("ré_action-matching-demo")
    split = random.Random("ré_action-matching-demo-pledges")  # leaves rnd's sequence as it was
    geocoder = OfflineGeocoder()
    now = timezone.now()
    made = 0
    for index, town_query in enumerate(TOWNS):
        town = geocoder.geocode(town_query)
        for slug, (partner_slug, kind, name, precision, needs) in PROGRAMME.items():
            if kind == PlaceKind.FARM and index % 3:
                continue
            place_name = name.format(town=_short_town(town.town))
            if Place.objects.filter(name=place_name, postcode=town.postcode).exists():
                continue
            lat, lon = _jitter(rnd, town.latitude, town.longitude, km=1.5)
            place = Place.objects.create(
                partner=partners.get(partner_slug),
                kind=kind,
                name=place_name,
                address=f"{rnd.randint(1, 120)} {rnd.choice(STREETS)}",
                postcode=town.postcode,
                town=town.town,
                latitude=round(lat, 5),
                longitude=round(lon, 5),
                public_precision=precision,
                public_instructions=DROP_OFF,
                geocoding_status=GeocodingStatus.OK,
                geocoding_source="gazetteer",
                geocoded_at=now,
            )
            for title, description, unit, (low, high), skill in rnd.sample(needs, 2):
                wanted = rnd.randint(low, high)
                pledged = _past_pledges(split, rnd.randint(0, wanted // 2))
                need = Need.objects.create(
                    place=place,
                    challenge=challenges.get(slug),
                    title=title,
                    description=description,
                    quantity_wanted=wanted,
                    quantity_pledged=sum(pledged),
                    unit=unit,
                    unit_singular=UNIT_SINGULAR[unit],
                    urgency=rnd.choice([1, 2, 2, 3, 4]),
                    skill=skill,
                    ends_at=now + datetime.timedelta(days=rnd.randint(7, 60)),
                    status=NeedStatus.OPEN,
                    published_at=now,
                )
                # Earlier volunteers, since gone (anonymous): counters and pledges agree.
                made_pledges = Pledge.objects.bulk_create(
                    [Pledge(need=need, quantity=quantity) for quantity in pledged]
                )
                Pledge.objects.filter(pk__in=[p.pk for p in made_pledges]).update(
                    created_at=now - datetime.timedelta(days=split.randint(2, 20))
                )
                made += 1
    return made


def _past_pledges(rnd: random.Random, total: int) -> list[int]:
    """``total`` split into one to three pledges (none when nothing is promised)."""
    if total == 0:
        return []
    cuts = sorted(rnd.sample(range(1, total), min(2, total - 1))) if total > 1 else []
    bounds = [0, *cuts, total]
    return [high - low for low, high in zip(bounds, bounds[1:], strict=False)]


def load_bulk(target: int, challenges: dict, partners: dict, *, stdout=None) -> int:
    """Add needs (and their places) in bulk until there are ``target`` needs in all."""
    missing = target - Need.objects.count()
    if missing <= 0:
        return 0
    rnd = random.Random(f"ré_action-bulk-{missing}")
    programme = [
        (challenges.get(slug), partners.get(spec[0]), spec) for slug, spec in PROGRAMME.items()
    ]
    points = population_points(missing // NEEDS_PER_PLACE + 1, seed=f"bulk-{missing}")
    now = timezone.now()
    added = 0
    for start in range(0, len(points), BULK_BATCH // NEEDS_PER_PLACE):
        chunk = points[start : start + BULK_BATCH // NEEDS_PER_PLACE]
        places = []
        for lat, lon, town in chunk:
            challenge, partner, spec = rnd.choice(programme)
            places.append(
                (
                    challenge,
                    spec,
                    Place(
                        partner=partner,
                        kind=spec[1],
                        name=f"{spec[2].format(town=_short_town(town))} n° {start + len(places)}",
                        postcode="",
                        town=town,
                        latitude=round(lat, 5),
                        longitude=round(lon, 5),
                        public_precision=spec[3],
                        geocoding_status=GeocodingStatus.MANUAL,
                    ),
                )
            )
        Place.objects.bulk_create([place for _c, _s, place in places])
        needs = []
        for challenge, spec, place in places:
            columns = place.search_columns()
            for _ in range(NEEDS_PER_PLACE):
                if added + len(needs) >= missing:
                    break
                title, description, unit, (low, high), skill = rnd.choice(spec[4])
                wanted = rnd.randint(low, high)
                fulfilled = rnd.random() < 0.1
                needs.append(
                    Need(
                        place=place,
                        challenge=challenge,
                        title=title,
                        description=description,
                        quantity_wanted=wanted,
                        quantity_pledged=wanted if fulfilled else rnd.randint(0, wanted // 2),
                        quantity_fulfilled=wanted if fulfilled else 0,
                        unit=unit,
                        unit_singular=UNIT_SINGULAR[unit],
                        urgency=rnd.choice([1, 2, 2, 3, 4]),
                        skill=skill,
                        ends_at=now + datetime.timedelta(days=rnd.randint(7, 90)),
                        status=NeedStatus.FULFILLED if fulfilled else NeedStatus.OPEN,
                        published_at=now,
                        **columns,
                    )
                )
        Need.objects.bulk_create(needs, batch_size=5000)
        added += len(needs)
        if stdout is not None:
            stdout.write(f"  {added}/{missing} needs")
        if added >= missing:
            break
    with connection.cursor() as cursor:  # fresh statistics for the planner after a bulk load
        for model in (Place, Need):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    return added


def _short_town(town: str) -> str:
    """'Paris 11e Arrondissement' -> 'Paris 11e' (for place names)."""
    return town.removesuffix(" Arrondissement")


def _jitter(rnd: random.Random, latitude: float, longitude: float, *, km: float):
    """A point 200 m to ``km`` away in a random direction (places of one town differ)."""
    bearing = math.radians(rnd.uniform(0, 360))
    distance = rnd.uniform(0.2, km)
    dlat = distance * math.cos(bearing) / KM_PER_DEGREE
    dlon = distance * math.sin(bearing) / (KM_PER_DEGREE * math.cos(math.radians(latitude)))
    return latitude + dlat, longitude + dlon
