"""The actions of the programme's document (shared/seed), in French and English.

Each action: its challenge (French slug), vouching partners, practical facts, the week it joined
the directory (weeks before the current one) and its step-by-step guide in both languages.
"""

from actions.models import ActionDuration, ActionMode

POSTER = "poster"
SHOP_LETTER = "shop-letter"
BARRIER_SHEET = "barrier-sheet"

DOCUMENTS = {
    POSTER: {
        "title": "Affiche — collecte de kits d'hygiène",
        "file": "affiche-collecte-kits-hygiene.pdf",
        "colour": "#6b3fa0",
        "lines": [
            "COLLECTE",
            "Kits d'hygiène",
            "pour les personnes sans abri",
            "Savon, brosse à dents, dentifrice,",
            "protections périodiques, chaussettes",
            "Déposez-les ici",
        ],
    },
    SHOP_LETTER: {
        "title": "Lettre aux commerçants — devenir point de collecte",
        "file": "lettre-commercants-point-de-collecte.pdf",
        "colour": "#4a2a75",
        "lines": [
            "Madame, Monsieur,",
            "Votre commerce peut devenir",
            "un point de collecte",
            "de kits d'hygiène",
            "pour les personnes sans abri.",
            "Un carton, une affiche : c'est tout.",
        ],
    },
    BARRIER_SHEET: {
        "title": "Fiche — les gestes barrières en images",
        "file": "fiche-gestes-barrieres.pdf",
        "colour": "#0b5d4b",
        "lines": [
            "Gestes barrières",
            "Se laver les mains",
            "Tousser dans son coude",
            "Mouchoir à usage unique",
            "Garder ses distances",
            "Porter un masque",
        ],
    },
}


ACTIONS = [
    {
        "slug": ("collecter-kits-hygiene", "collect-hygiene-kits"),
        "challenge": "sans-abri",
        "partners": ["la-cloche"],
        "mode": ActionMode.ON_SITE,
        "duration": ActionDuration.SEVERAL_DAYS,
        "group": (1, 15),
        "impact_unit": "kits-hygiene",
        "weeks_ago": 3,
        "times_done": 48,
        "document": POSTER,
        "fr": {
            "title": "Collecter des kits d'hygiène avec ses voisins et les pharmacies",
            "summary": "Organiser la collecte de kits d'hygiène pour les personnes sans domicile "
            "en mobilisant son immeuble, ses voisins et les pharmacies du quartier.",
            "impact_unit_label": "kits d'hygiène",
            "materials": "Affiche de collecte\nCartons ou grands sacs\nSacs de congélation "
            "pour composer les kits\nGants et gel hydroalcoolique",
            "safety_notes": "Respectez les gestes barrières à chaque dépôt. Mettez les dons en "
            "quarantaine 24 heures avant de composer les kits. Ne collectez ni médicaments ni "
            "produits entamés.",
            "steps": [
                (
                    "Afficher la collecte",
                    "Imprimez l'affiche de collecte et collez-la dans le hall de votre "
                    "immeuble, avec la date de fin et l'endroit du dépôt.",
                ),
                (
                    "Mobiliser voisins et pharmacies",
                    "Glissez un petit mot sous les paillassons et demandez aux pharmacies "
                    "proches des échantillons et des produits d'hygiène.",
                ),
                (
                    "Composer les kits",
                    "Dans un sac : savon, brosse à dents, dentifrice, protections "
                    "périodiques, chaussettes. Notez le nombre de kits constitués.",
                ),
            ],
            "tip": "Les pharmacies donnent volontiers leurs échantillons : passez en semaine, "
            "en dehors des heures d'affluence.",
            "checklist": (
                "Le kit type",
                ["Savon", "Brosse à dents", "Dentifrice", "Protections périodiques", "Chaussettes"],
            ),
            "document_label": "Télécharger l'affiche de collecte",
        },
        "en": {
            "title": "Collect hygiene kits with neighbours and pharmacies",
            "summary": "Organise a collection of hygiene kits for homeless people by "
            "mobilising your building, your neighbours and local pharmacies.",
            "impact_unit_label": "hygiene kits",
            "materials": "Collection poster\nBoxes or large bags\nFreezer bags to make up the "
            "kits\nGloves and hand sanitiser",
            "safety_notes": "Follow barrier gestures at every drop-off. Quarantine donations "
            "for 24 hours before making up the kits. Collect no medicines and no opened "
            "products.",
            "steps": [
                (
                    "Put up the collection",
                    "Print the collection poster and put it up in your building's hall, with "
                    "the end date and where to drop donations.",
                ),
                (
                    "Mobilise neighbours and pharmacies",
                    "Slip a note under doormats and ask nearby pharmacies for samples and "
                    "hygiene products.",
                ),
                (
                    "Make up the kits",
                    "In one bag: soap, toothbrush, toothpaste, period products, socks. Count "
                    "the kits you make.",
                ),
            ],
            "tip": "Pharmacies gladly give their samples: drop by on a weekday, outside busy "
            "hours.",
            "checklist": (
                "The standard kit",
                ["Soap", "Toothbrush", "Toothpaste", "Period products", "Socks"],
            ),
            "document_label": "Download the collection poster",
        },
    },
    {
        "slug": ("commercants-points-de-collecte", "shops-as-collection-points"),
        "challenge": "sans-abri",
        "partners": ["la-cloche"],
        "mode": ActionMode.ON_SITE,
        "duration": ActionDuration.HALF_DAY,
        "group": (1, 3),
        "impact_unit": "points-collecte",
        "weeks_ago": 2,
        "times_done": 23,
        "document": SHOP_LETTER,
        "fr": {
            "title": "Inciter les commerçants à devenir points de collecte des kits",
            "summary": "Convaincre les boulangeries, supérettes et pharmacies de son quartier "
            "d'accueillir un carton de collecte de kits d'hygiène.",
            "impact_unit_label": "points de collecte ouverts",
            "materials": "Lettre aux commerçants\nAffiche de collecte\nUn carton décoré",
            "safety_notes": "Passez aux heures creuses, gardez vos distances au comptoir et "
            "portez un masque.",
            "steps": [
                (
                    "Repérer les commerces",
                    "Listez cinq commerces de proximité très fréquentés : boulangerie, "
                    "supérette, pharmacie, tabac.",
                ),
                (
                    "Présenter la démarche",
                    "Laissez la lettre aux commerçants et expliquez en deux minutes : un "
                    "carton, une affiche, une collecte par semaine.",
                ),
                (
                    "Passer relever le carton",
                    "Convenez d'un jour de passage et apportez les dons à la personne qui "
                    "compose les kits.",
                ),
            ],
            "tip": "Un commerçant convaincu en convainc souvent un autre : demandez-lui qui "
            "pourrait suivre.",
            "checklist": (
                "Avant de partir",
                ["Lettres imprimées", "Affiches", "Un carton par commerce", "Vos coordonnées"],
            ),
            "document_label": "Télécharger la lettre aux commerçants",
        },
        "en": {
            "title": "Encourage shopkeepers to become kit collection points",
            "summary": "Convince your neighbourhood's bakeries, grocers and pharmacies to host "
            "a hygiene-kit collection box.",
            "impact_unit_label": "collection points opened",
            "materials": "Letter to shopkeepers\nCollection poster\nA decorated box",
            "safety_notes": "Go at quiet times, keep your distance at the counter and wear a mask.",
            "steps": [
                (
                    "Spot the shops",
                    "List five busy local shops: bakery, grocer, pharmacy, newsagent.",
                ),
                (
                    "Present the idea",
                    "Leave the letter to shopkeepers and explain in two minutes: one box, one "
                    "poster, one pick-up a week.",
                ),
                (
                    "Pick up the box",
                    "Agree on a pick-up day and bring the donations to whoever makes up the kits.",
                ),
            ],
            "tip": "A shopkeeper who says yes often convinces another: ask who might follow.",
            "checklist": (
                "Before you go",
                ["Printed letters", "Posters", "One box per shop", "Your contact details"],
            ),
            "document_label": "Download the letter to shopkeepers",
        },
    },
    {
        "slug": ("distribuer-kits-associations", "distribute-kits-with-associations"),
        "challenge": "sans-abri",
        "partners": ["la-cloche"],
        "mode": ActionMode.ON_SITE,
        "duration": ActionDuration.HALF_DAY,
        "group": (2, 6),
        "impact_unit": "kits-hygiene",
        "weeks_ago": 1,
        "times_done": 31,
        "fr": {
            "title": "Distribuer les kits via des associations et créer du lien",
            "summary": "Remettre les kits d'hygiène aux associations d'aide aux personnes "
            "sans abri, ou les distribuer soi-même dans le respect des consignes, pour créer "
            "du lien.",
            "impact_unit_label": "kits d'hygiène distribués",
            "materials": "Kits d'hygiène\nMasques et gel hydroalcoolique\nListe des "
            "associations du quartier",
            "safety_notes": "Distribuez en binôme, masqué·es, sans contact prolongé. Suivez "
            "les consignes de l'association partenaire.",
            "steps": [
                (
                    "Contacter une association",
                    "Appelez une association d'aide aux personnes sans abri de votre quartier "
                    "et demandez ses besoins et ses horaires.",
                ),
                (
                    "Remettre les kits",
                    "Déposez les kits à l'association ou accompagnez une maraude si elle "
                    "l'accepte.",
                ),
                (
                    "Prendre le temps d'échanger",
                    "Un bonjour, un prénom, quelques mots : le kit est aussi une occasion de "
                    "créer du lien.",
                ),
            ],
            "tip": "Demandez à l'association ce qui manque le plus cette semaine : les "
            "besoins changent vite.",
            "checklist": (
                "Pour une distribution",
                ["Kits comptés", "Masques", "Gel", "Un binôme", "Le contact de l'association"],
            ),
        },
        "en": {
            "title": "Distribute the kits through associations and build ties",
            "summary": "Hand hygiene kits to associations helping homeless people, or "
            "distribute them yourself following the guidelines, to build ties.",
            "impact_unit_label": "hygiene kits distributed",
            "materials": "Hygiene kits\nMasks and hand sanitiser\nList of local associations",
            "safety_notes": "Distribute in pairs, masked, without prolonged contact. Follow "
            "the partner association's guidelines.",
            "steps": [
                (
                    "Contact an association",
                    "Call an association helping homeless people near you and ask about its "
                    "needs and opening hours.",
                ),
                (
                    "Hand over the kits",
                    "Drop the kits at the association or join an outreach round if it agrees.",
                ),
                (
                    "Take time to talk",
                    "A hello, a first name, a few words: the kit is also a chance to build ties.",
                ),
            ],
            "tip": "Ask the association what is most lacking this week: needs change fast.",
            "checklist": (
                "For a distribution",
                ["Counted kits", "Masks", "Sanitiser", "A partner", "The association's contact"],
            ),
        },
    },
    {
        "slug": ("sensibiliser-gestes-barrieres", "share-barrier-gestures"),
        "challenge": "sans-abri",
        "partners": ["la-cloche"],
        "mode": ActionMode.ON_SITE,
        "duration": ActionDuration.UNDER_AN_HOUR,
        "group": (1, 4),
        "impact_unit": "",
        "weeks_ago": 0,
        "times_done": 12,
        "document": BARRIER_SHEET,
        "fr": {
            "title": "Sensibiliser les personnes sans abri aux gestes barrières",
            "summary": "Expliquer simplement les gestes barrières aux personnes à la rue, "
            "avec une fiche illustrée et des masques à remettre.",
            "impact_unit_label": "",
            "materials": "Fiches illustrées\nMasques\nPetits flacons de gel",
            "safety_notes": "Gardez un mètre de distance, masque sur le nez, et proposez "
            "sans jamais imposer.",
            "steps": [
                (
                    "Préparer les fiches",
                    "Imprimez la fiche des gestes barrières en images, compréhensible sans "
                    "savoir lire le français.",
                ),
                (
                    "Aller à la rencontre",
                    "Présentez-vous, proposez un masque et un flacon de gel, montrez la fiche.",
                ),
            ],
            "tip": "Les dessins valent mieux que de longues phrases : laissez la fiche à la "
            "personne.",
            "checklist": ("À emporter", ["Fiches", "Masques", "Gel", "Sac-poubelle"]),
            "document_label": "Télécharger la fiche des gestes barrières",
        },
        "en": {
            "title": "Share barrier gestures with homeless people",
            "summary": "Explain barrier gestures simply to people living on the street, with "
            "an illustrated sheet and masks to give.",
            "impact_unit_label": "",
            "materials": "Illustrated sheets\nMasks\nSmall bottles of sanitiser",
            "safety_notes": "Keep one metre away, mask over your nose, and offer without ever "
            "insisting.",
            "steps": [
                (
                    "Prepare the sheets",
                    "Print the barrier gestures sheet, understandable without reading French.",
                ),
                (
                    "Go and meet people",
                    "Introduce yourself, offer a mask and a bottle of sanitiser, show the sheet.",
                ),
            ],
            "tip": "Pictures beat long sentences: leave the sheet with the person.",
            "checklist": ("To take", ["Sheets", "Masks", "Sanitiser", "Bin bag"]),
            "document_label": "Download the barrier gestures sheet",
        },
    },
    {
        "slug": ("aider-soignants-au-quotidien", "help-caregivers-day-to-day"),
        "challenge": "soignants",
        "partners": ["ap-hp"],
        "mode": ActionMode.ON_SITE,
        "duration": ActionDuration.SEVERAL_DAYS,
        "group": (1, 15),
        "impact_unit": "",
        "weeks_ago": 3,
        "times_done": 37,
        "fr": {
            "title": "Aider les soignants dans leur vie de tous les jours",
            "summary": "Faire les courses, trouver un logement près de l'hôpital ou garder "
            "les enfants des soignants en première ligne.",
            "impact_unit_label": "soignants aidés",
            "materials": "Un téléphone\nUne liste de contacts de l'hôpital",
            "safety_notes": "Livrez sans contact, lavez-vous les mains avant et après chaque "
            "service. Pour la garde d'enfants, suivez les consignes sanitaires de la famille.",
            "steps": [
                (
                    "Recueillir les besoins",
                    "Passez par les plateformes de l'hôpital ou un cadre de santé : courses, "
                    "logement, garde d'enfants.",
                ),
                (
                    "Proposer un service précis",
                    "Un créneau, un service, une personne : les soignants n'ont pas le temps "
                    "de coordonner.",
                ),
                (
                    "Tenir dans la durée",
                    "Organisez un roulement avec d'autres volontaires pour que le service "
                    "continue.",
                ),
            ],
            "tip": "Des hôtes de location courte durée ont mis leur logement à disposition : "
            "demandez autour de vous.",
            "checklist": (
                "Avant de proposer",
                ["Vos disponibilités", "Votre zone", "Le service proposé", "Un remplaçant"],
            ),
        },
        "en": {
            "title": "Help caregivers in their daily lives",
            "summary": "Do the shopping, find housing near the hospital or look after the "
            "children of frontline caregivers.",
            "impact_unit_label": "caregivers helped",
            "materials": "A phone\nA list of hospital contacts",
            "safety_notes": "Deliver without contact, wash your hands before and after each "
            "service. For childcare, follow the family's health guidelines.",
            "steps": [
                (
                    "Gather the needs",
                    "Go through the hospital's platforms or a head nurse: shopping, housing, "
                    "childcare.",
                ),
                (
                    "Offer a precise service",
                    "One slot, one service, one person: caregivers have no time to coordinate.",
                ),
                (
                    "Keep it going",
                    "Set up a rota with other volunteers so the service continues.",
                ),
            ],
            "tip": "Short-term rental hosts have lent their flats: ask around you.",
            "checklist": (
                "Before offering",
                ["Your availability", "Your area", "The service offered", "A stand-in"],
            ),
        },
    },
    {
        "slug": ("besoins-pressants-hopitaux", "urgent-hospital-needs"),
        "challenge": "soignants",
        "partners": ["ap-hp"],
        "mode": ActionMode.REMOTE,
        "duration": ActionDuration.SEVERAL_DAYS,
        "group": (1, 15),
        "impact_unit": "visieres",
        "weeks_ago": 2,
        "times_done": 54,
        "fr": {
            "title": "Répondre aux besoins pressants des hôpitaux",
            "summary": "Trouver des masques, des visières, des imprimantes 3D ou des blouses "
            "pour un hôpital, en mettant en relation fournisseurs, fab-labs et services.",
            "impact_unit_label": "visières livrées",
            "materials": "Un téléphone et un ordinateur\nLa liste des besoins de l'hôpital",
            "safety_notes": "Ne livrez que du matériel conforme aux demandes de l'hôpital ; "
            "remettez-le au point de réception indiqué, jamais directement dans un service.",
            "steps": [
                (
                    "Collecter un besoin précis",
                    "Avec le service logistique : quoi, combien, pour quand, où livrer.",
                ),
                (
                    "Trouver qui peut produire",
                    "Fab-labs, usines, entreprises : une visière se fabrique en quelques "
                    "heures avec une imprimante 3D.",
                ),
                (
                    "Organiser la livraison",
                    "Fixez un créneau de livraison avec l'hôpital et comptez ce qui est livré.",
                ),
            ],
            "tip": "65 visières ont été livrées à l'hôpital Cochin le lendemain d'un simple "
            "appel à un fab-lab.",
            "checklist": (
                "Un besoin bien décrit",
                ["Matériel", "Quantité", "Date limite", "Adresse de livraison", "Contact"],
            ),
        },
        "en": {
            "title": "Answer hospitals' urgent needs",
            "summary": "Find masks, face shields, 3D printers or gowns for a hospital by "
            "connecting suppliers, fab labs and wards.",
            "impact_unit_label": "face shields delivered",
            "materials": "A phone and a computer\nThe hospital's list of needs",
            "safety_notes": "Only deliver equipment matching the hospital's request; hand it "
            "to the stated reception point, never directly to a ward.",
            "steps": [
                (
                    "Collect a precise need",
                    "With the logistics department: what, how many, by when, where to deliver.",
                ),
                (
                    "Find who can make it",
                    "Fab labs, factories, companies: a face shield takes a few hours on a 3D "
                    "printer.",
                ),
                (
                    "Organise the delivery",
                    "Set a delivery slot with the hospital and count what is delivered.",
                ),
            ],
            "tip": "65 face shields reached Cochin hospital the day after a single call to a "
            "fab lab.",
            "checklist": (
                "A well-described need",
                ["Equipment", "Quantity", "Deadline", "Delivery address", "Contact"],
            ),
        },
    },
    {
        "slug": ("appeler-seniors-isoles", "call-isolated-seniors"),
        "challenge": "seniors-isoles",
        "partners": ["entoureo"],
        "mode": ActionMode.REMOTE,
        "duration": ActionDuration.UNDER_AN_HOUR,
        "group": (1, 1),
        "impact_unit": "ehpad-contactes",
        "weeks_ago": 1,
        "times_done": 96,
        "fr": {
            "title": "Passer du temps au téléphone avec des seniors isolés",
            "summary": "Appeler régulièrement des personnes âgées isolées, en EHPAD, en "
            "résidence ou chez elles, pour parler, écouter et rompre la solitude.",
            "impact_unit_label": "appels passés",
            "materials": "Un téléphone\nUn carnet pour noter les sujets qui comptent",
            "safety_notes": "Ne demandez jamais d'informations bancaires ou personnelles. En "
            "cas d'inquiétude pour la santé de la personne, prévenez l'établissement ou les "
            "secours.",
            "steps": [
                (
                    "Se faire présenter",
                    "Passez par l'établissement ou l'association : elle vous présente la "
                    "personne et ses habitudes.",
                ),
                (
                    "Appeler à heure fixe",
                    "Un rendez-vous régulier rassure : même jour, même heure, chaque semaine.",
                ),
                (
                    "Écouter plus que parler",
                    "Souvenirs, nouvelles de la famille, programme de la semaine : laissez la "
                    "personne guider.",
                ),
            ],
            "tip": "Notez ce dont on vous a parlé : demander des nouvelles la fois suivante "
            "montre que vous avez écouté.",
            "checklist": (
                "Avant l'appel",
                ["Un moment calme", "Le prénom de la personne", "Votre carnet", "30 minutes"],
            ),
        },
        "en": {
            "title": "Spend time on the phone with isolated seniors",
            "summary": "Call isolated older people regularly, in care homes, residences or at "
            "home, to talk, listen and break their loneliness.",
            "impact_unit_label": "calls made",
            "materials": "A phone\nA notebook for the topics that matter",
            "safety_notes": "Never ask for bank or personal details. If you worry about the "
            "person's health, tell the care home or call the emergency services.",
            "steps": [
                (
                    "Get introduced",
                    "Go through the care home or association: it introduces you to the person "
                    "and their habits.",
                ),
                (
                    "Call at a set time",
                    "A regular appointment is reassuring: same day, same time, every week.",
                ),
                (
                    "Listen more than you talk",
                    "Memories, family news, the week's plans: let the person lead.",
                ),
            ],
            "tip": "Write down what you were told: asking for news next time shows you listened.",
            "checklist": (
                "Before the call",
                ["A quiet moment", "The person's first name", "Your notebook", "30 minutes"],
            ),
        },
    },
    {
        "slug": ("courses-seniors-isoles", "shopping-for-isolated-seniors"),
        "challenge": "seniors-isoles",
        "partners": ["entoureo"],
        "mode": ActionMode.ON_SITE,
        "duration": ActionDuration.UNDER_AN_HOUR,
        "group": (1, 2),
        "impact_unit": "",
        "weeks_ago": 0,
        "times_done": 61,
        "fr": {
            "title": "Faire les courses pour des seniors isolés",
            "summary": "Faire chaque semaine les courses d'une personne âgée isolée de son "
            "quartier et les déposer à sa porte.",
            "impact_unit_label": "courses livrées",
            "materials": "Sacs réutilisables\nMasque et gel\nLa liste de courses",
            "safety_notes": "Livrez sans contact, sur le palier. Gardez les tickets de caisse "
            "et convenez du remboursement avec la personne ou sa famille.",
            "steps": [
                (
                    "Prendre la liste",
                    "Par téléphone, la veille : marques préférées, quantités, produits de "
                    "remplacement.",
                ),
                (
                    "Faire les courses",
                    "Gardez le ticket de caisse et notez les produits manquants.",
                ),
                (
                    "Livrer et prendre des nouvelles",
                    "Sonnez, reculez, attendez que la personne ouvre : quelques mots sur le "
                    "palier comptent autant que les courses.",
                ),
            ],
            "tip": "Proposez un jour fixe : la personne s'organise et attend votre passage.",
            "checklist": ("À la porte", ["Ticket de caisse", "Monnaie", "Masque", "Gel"]),
        },
        "en": {
            "title": "Do the shopping for isolated seniors",
            "summary": "Do the weekly shopping of an isolated older neighbour and leave it at "
            "their door.",
            "impact_unit_label": "shopping deliveries",
            "materials": "Reusable bags\nMask and sanitiser\nThe shopping list",
            "safety_notes": "Deliver without contact, on the landing. Keep the receipts and "
            "agree on repayment with the person or their family.",
            "steps": [
                (
                    "Take the list",
                    "By phone, the day before: favourite brands, quantities, substitutes.",
                ),
                ("Do the shopping", "Keep the receipt and note any missing products."),
                (
                    "Deliver and ask for news",
                    "Ring, step back, wait for the door to open: a few words on the landing "
                    "matter as much as the shopping.",
                ),
            ],
            "tip": "Offer a set day: the person can plan and look forward to your visit.",
            "checklist": ("At the door", ["Receipt", "Change", "Mask", "Sanitiser"]),
        },
    },
    {
        "slug": ("partenariats-nouveaux-etablissements", "new-care-home-partnerships"),
        "challenge": "seniors-isoles",
        "partners": ["entoureo"],
        "mode": ActionMode.REMOTE,
        "duration": ActionDuration.DAY,
        "group": (1, 3),
        "impact_unit": "ehpad-contactes",
        "weeks_ago": 2,
        "times_done": 18,
        "fr": {
            "title": "Trouver des partenariats avec de nouveaux établissements",
            "summary": "Contacter les EHPAD et résidences seniors de sa ville pour leur "
            "proposer des appels et des visites de volontaires.",
            "impact_unit_label": "EHPAD contactés",
            "materials": "La liste des établissements de votre ville\nUn téléphone\nUn modèle "
            "d'e-mail de présentation",
            "safety_notes": "Respectez les règles de visite de chaque établissement ; ne "
            "promettez pas de visites quand elles sont suspendues.",
            "steps": [
                (
                    "Lister les établissements",
                    "EHPAD, résidences autonomie, foyers-logements : notez le nom de "
                    "l'animateur ou de la direction.",
                ),
                (
                    "Présenter le programme",
                    "Un appel, puis un e-mail : des volontaires formés, des appels réguliers, "
                    "aucun coût pour l'établissement.",
                ),
                (
                    "Mettre en relation",
                    "Dès qu'un établissement accepte, présentez-lui le ou la coordinatrice "
                    "de votre promotion.",
                ),
            ],
            "tip": "Appelez l'animateur ou l'animatrice plutôt que l'accueil : c'est la "
            "personne qui organise les échanges.",
            "checklist": (
                "Pour chaque établissement",
                ["Nom du contact", "Date de l'appel", "Réponse", "Prochaine étape"],
            ),
        },
        "en": {
            "title": "Find partnerships with new care homes",
            "summary": "Contact your town's care homes and senior residences to offer calls "
            "and visits from volunteers.",
            "impact_unit_label": "care homes contacted",
            "materials": "The list of care homes in your town\nA phone\nAn introduction email "
            "template",
            "safety_notes": "Follow each care home's visiting rules; do not promise visits "
            "while they are suspended.",
            "steps": [
                (
                    "List the care homes",
                    "Nursing homes, assisted living, sheltered housing: note the activity "
                    "leader's or manager's name.",
                ),
                (
                    "Present the programme",
                    "A call, then an email: trained volunteers, regular calls, no cost to the "
                    "care home.",
                ),
                (
                    "Connect people",
                    "As soon as a care home agrees, introduce it to your cohort's coordinator.",
                ),
            ],
            "tip": "Call the activity leader rather than reception: they organise the exchanges.",
            "checklist": (
                "For each care home",
                ["Contact name", "Date of the call", "Answer", "Next step"],
            ),
        },
    },
    {
        "slug": ("reseau-local-distribution", "local-distribution-network"),
        "challenge": "agriculteurs-locaux",
        "partners": ["la-ruche-qui-dit-oui", "etika-mundi"],
        "mode": ActionMode.ON_SITE,
        "duration": ActionDuration.SEVERAL_DAYS,
        "group": (3, 15),
        "impact_unit": "producteurs-soutenus",
        "weeks_ago": 1,
        "times_done": 9,
        "fr": {
            "title": "Soutenir ou créer un réseau local de distribution",
            "summary": "Aider les producteurs locaux à écouler leur production en soutenant "
            "ou en créant un point de distribution dans son quartier.",
            "impact_unit_label": "producteurs soutenus",
            "materials": "Un lieu de distribution (cour, local associatif)\nTables et "
            "cagettes\nUne liste d'acheteurs",
            "safety_notes": "Organisez un sens de circulation, des créneaux de retrait et une "
            "distance d'un mètre dans la file.",
            "steps": [
                (
                    "Trouver les producteurs",
                    "Avec les réseaux partenaires, repérez les fermes proches qui ont perdu "
                    "leurs débouchés.",
                ),
                (
                    "Trouver un lieu",
                    "Une cour d'immeuble, un local associatif, le parking d'un commerce.",
                ),
                (
                    "Réunir les acheteurs",
                    "Commandes groupées à l'avance, retrait sur créneaux : le producteur sait "
                    "quoi apporter.",
                ),
            ],
            "tip": "Commencez petit : dix foyers réguliers valent mieux que cent curieux.",
            "checklist": (
                "Le jour de la distribution",
                ["Liste des commandes", "Tables", "Gel", "Fléchage", "Sacs"],
            ),
        },
        "en": {
            "title": "Support or create a local distribution network",
            "summary": "Help local producers sell their produce by supporting or creating a "
            "distribution point in your neighbourhood.",
            "impact_unit_label": "producers supported",
            "materials": "A distribution place (courtyard, community room)\nTables and "
            "crates\nA list of buyers",
            "safety_notes": "Set up a one-way flow, pick-up slots and one metre between people "
            "in the queue.",
            "steps": [
                (
                    "Find the producers",
                    "With the partner networks, spot nearby farms that lost their outlets.",
                ),
                (
                    "Find a place",
                    "A building's courtyard, a community room, a shop's car park.",
                ),
                (
                    "Bring buyers together",
                    "Group orders in advance, pick-up slots: the producer knows what to bring.",
                ),
            ],
            "tip": "Start small: ten regular households beat a hundred curious ones.",
            "checklist": (
                "On distribution day",
                ["Order list", "Tables", "Sanitiser", "Signs", "Bags"],
            ),
        },
    },
    {
        "slug": ("promouvoir-producteurs-locaux", "promote-local-producers"),
        "challenge": "agriculteurs-locaux",
        "partners": ["la-ruche-qui-dit-oui", "miimosa"],
        "mode": ActionMode.REMOTE,
        "duration": ActionDuration.UNDER_AN_HOUR,
        "group": (1, 15),
        "impact_unit": "producteurs-soutenus",
        "weeks_ago": 0,
        "times_done": 27,
        "fr": {
            "title": "Promouvoir les producteurs locaux dans ses achats et son entourage",
            "summary": "Acheter local et faire connaître les producteurs de sa région à sa "
            "famille, ses voisins et ses collègues.",
            "impact_unit_label": "producteurs soutenus",
            "materials": "Les coordonnées de trois producteurs proches",
            "safety_notes": "Pour les retraits à la ferme, respectez les créneaux et les "
            "consignes du producteur.",
            "steps": [
                (
                    "Repérer trois producteurs",
                    "Maraîcher, éleveur, boulanger paysan : notez ce qu'ils vendent et comment.",
                ),
                (
                    "Acheter et partager",
                    "Commandez, puis partagez vos adresses dans le groupe de l'immeuble ou de "
                    "l'entreprise.",
                ),
            ],
            "tip": "Une photo du panier de la semaine convainc mieux qu'un long message.",
            "checklist": (
                "Pour chaque producteur",
                ["Produits", "Jours de vente", "Mode de commande", "Adresse"],
            ),
        },
        "en": {
            "title": "Promote local producers in your shopping and around you",
            "summary": "Buy local and introduce your region's producers to your family, "
            "neighbours and colleagues.",
            "impact_unit_label": "producers supported",
            "materials": "The details of three nearby producers",
            "safety_notes": "For farm pick-ups, follow the producer's slots and guidelines.",
            "steps": [
                (
                    "Spot three producers",
                    "Market gardener, breeder, farm baker: note what they sell and how.",
                ),
                (
                    "Buy and share",
                    "Order, then share the addresses in your building's or workplace's group.",
                ),
            ],
            "tip": "A photo of this week's basket convinces better than a long message.",
            "checklist": (
                "For each producer",
                ["Products", "Selling days", "How to order", "Address"],
            ),
        },
    },
    {
        "slug": ("contribuer-aux-recoltes", "help-with-harvests"),
        "challenge": "agriculteurs-locaux",
        "partners": ["miimosa", "etika-mundi"],
        "mode": ActionMode.ON_SITE,
        "duration": ActionDuration.DAY,
        "group": (2, 10),
        "impact_unit": "producteurs-soutenus",
        "weeks_ago": 0,
        "times_done": 5,
        "fr": {
            "title": "Contribuer aux travaux de récolte des agriculteurs",
            "summary": "Prêter main-forte à une exploitation agricole proche pendant la "
            "récolte, quand les saisonniers manquent.",
            "impact_unit_label": "journées de récolte",
            "materials": "Tenue de travail et bottes\nGants\nGourde et pique-nique",
            "safety_notes": "Suivez les consignes de sécurité de l'exploitant (outils, "
            "machines), protégez-vous du soleil et gardez vos distances entre rangs.",
            "steps": [
                (
                    "Trouver une exploitation",
                    "Par les réseaux partenaires ou la chambre d'agriculture : qui a besoin "
                    "de bras, quand, pour combien de temps.",
                ),
                (
                    "S'organiser en groupe",
                    "Covoiturage, horaires, repas : un petit groupe régulier aide plus qu'une "
                    "seule grande journée.",
                ),
                (
                    "Récolter",
                    "Écoutez les consignes du producteur : chaque culture a ses gestes.",
                ),
            ],
            "tip": "Les matinées sont plus fraîches et souvent plus productives : arrivez tôt.",
            "checklist": ("Dans le sac", ["Gants", "Chapeau", "Eau", "Crème solaire"]),
        },
        "en": {
            "title": "Help farmers with the current harvest",
            "summary": "Lend a hand to a nearby farm during the harvest, when seasonal "
            "workers are lacking.",
            "impact_unit_label": "harvest days",
            "materials": "Work clothes and boots\nGloves\nWater bottle and packed lunch",
            "safety_notes": "Follow the farmer's safety rules (tools, machines), protect "
            "yourself from the sun and keep your distance between rows.",
            "steps": [
                (
                    "Find a farm",
                    "Through the partner networks or the chamber of agriculture: who needs "
                    "hands, when, for how long.",
                ),
                (
                    "Organise as a group",
                    "Car-sharing, hours, meals: a small regular group helps more than one big day.",
                ),
                ("Harvest", "Listen to the farmer's instructions: each crop has its gestures."),
            ],
            "tip": "Mornings are cooler and often more productive: arrive early.",
            "checklist": ("In your bag", ["Gloves", "Hat", "Water", "Sun cream"]),
        },
    },
]
