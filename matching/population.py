"""Where people live in France, roughly: points drawn like the population, for demo data at
scale and for the benchmark's query mix.

Two thirds of the points fall in urban areas (INSEE's largest "aires d'attraction des villes",
rounded populations, overseas included), spread around their centre with a width growing
with the population; the last third is rural, scattered around random postcodes of the
gazetteer (every commune's postcode is equally likely).
"""

import math
import random

from matching.geocoding import gazetteer

# (name, latitude, longitude, population in thousands)
URBAN_AREAS = [
    ("Paris", 48.8566, 2.3522, 13064),
    ("Lyon", 45.7640, 4.8357, 2281),
    ("Marseille", 43.2965, 5.3698, 1879),
    ("Lille", 50.6292, 3.0573, 1511),
    ("Toulouse", 43.6047, 1.4442, 1454),
    ("Bordeaux", 44.8378, -0.5792, 1363),
    ("Nantes", 47.2184, -1.5536, 1011),
    ("Strasbourg", 48.5734, 7.7521, 853),
    ("Montpellier", 43.6108, 3.8767, 801),
    ("Rennes", 48.1173, -1.6778, 749),
    ("Grenoble", 45.1885, 5.7245, 714),
    ("Rouen", 49.4432, 1.0999, 706),
    ("Nice", 43.7102, 7.2620, 620),
    ("Toulon", 43.1242, 5.9280, 580),
    ("Tours", 47.3941, 0.6848, 500),
    ("Nancy", 48.6921, 6.1844, 510),
    ("Clermont-Ferrand", 45.7772, 3.0870, 500),
    ("Saint-Étienne", 45.4397, 4.3872, 520),
    ("Caen", 49.1829, -0.3707, 470),
    ("Orléans", 47.9030, 1.9093, 450),
    ("Angers", 47.4784, -0.5632, 430),
    ("Dijon", 47.3220, 5.0415, 390),
    ("Metz", 49.1193, 6.1757, 390),
    ("Reims", 49.2583, 4.0317, 330),
    ("Avignon", 43.9493, 4.8055, 330),
    ("Brest", 48.3904, -4.4861, 320),
    ("Le Mans", 48.0061, 0.1996, 350),
    ("Perpignan", 42.6887, 2.8948, 330),
    ("Bayonne", 43.4929, -1.4748, 320),
    ("Amiens", 49.8941, 2.2958, 300),
    ("Limoges", 45.8336, 1.2611, 300),
    ("Besançon", 47.2378, 6.0241, 290),
    ("Pau", 43.2951, -0.3708, 320),
    ("Poitiers", 46.5802, 0.3404, 270),
    ("Nîmes", 43.8367, 4.3601, 270),
    ("Annecy", 45.8992, 6.1294, 250),
    ("La Rochelle", 46.1603, -1.1511, 230),
    ("Le Havre", 49.4944, 0.1079, 330),
    ("Mulhouse", 47.7508, 7.3359, 290),
    ("Valence", 44.9334, 4.8924, 190),
    ("Ajaccio", 41.9192, 8.7386, 90),
    ("Bastia", 42.6970, 9.4509, 100),
    ("Saint-Denis (La Réunion)", -20.8823, 55.4504, 330),
    ("Saint-Pierre (La Réunion)", -21.3393, 55.4781, 230),
    ("Pointe-à-Pitre", 16.2410, -61.5331, 250),
    ("Fort-de-France", 14.6161, -61.0588, 240),
    ("Cayenne", 4.9224, -52.3135, 150),
    ("Mamoudzou", -12.7806, 45.2279, 150),
    ("Nouméa", -22.2758, 166.4580, 180),
    ("Papeete", -17.5516, -149.5585, 140),
    ("Saint-Pierre (Saint-Pierre-et-Miquelon)", 46.7811, -56.1764, 6),
]
URBAN_SHARE = 2 / 3
KM_PER_DEGREE = 111.2


def area_spread_km(population_thousands: int) -> float:
    """Standard deviation of an urban area's points: 2 km plus 4 km per sqrt(million)."""
    return 2.0 + 4.0 * math.sqrt(population_thousands / 1000)


def _offset(rnd: random.Random, latitude: float, longitude: float, sigma_km: float):
    lat = latitude + rnd.gauss(0, sigma_km) / KM_PER_DEGREE
    lon = longitude + rnd.gauss(0, sigma_km) / (KM_PER_DEGREE * math.cos(math.radians(latitude)))
    lat = max(-89.9, min(89.9, lat))
    return lat, (lon + 180.0) % 360.0 - 180.0


def population_points(count: int, *, seed: str = "ré_action") -> list[tuple[float, float, str]]:
    """``count`` (latitude, longitude, town) points drawn like France's population."""
    rnd = random.Random(seed)
    weights = [area[3] for area in URBAN_AREAS]
    postcodes = sorted(gazetteer().postcodes.values(), key=lambda p: p.code)
    points = []
    for _ in range(count):
        if rnd.random() < URBAN_SHARE:
            name, lat, lon, population = rnd.choices(URBAN_AREAS, weights)[0]
            points.append((*_offset(rnd, lat, lon, area_spread_km(population)), name))
        else:
            postcode = rnd.choice(postcodes)
            point = _offset(rnd, postcode.latitude, postcode.longitude, 2.0)
            points.append((*point, postcode.label_name))
    return points
