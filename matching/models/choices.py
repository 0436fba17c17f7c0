"""The fixed vocabularies of the matching room."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlaceKind(models.TextChoices):
    HOSPITAL = "hospital", _("Hôpital")
    CARE_HOME = "care_home", _("EHPAD / maison de retraite")
    FARM = "farm", _("Ferme")
    COLLECTION_POINT = "collection_point", _("Point de collecte")
    SHELTER = "shelter", _("Centre d'hébergement")
    SHOP = "shop", _("Commerce")
    OTHER = "other", _("Autre lieu")


class PublicPrecision(models.IntegerChoices):
    """How precisely a place is shown on public pages and in the API (decimals of degrees)."""

    EXACT = 5, _("Adresse exacte (1 m)")
    STREET = 3, _("Rue (environ 100 m)")
    NEIGHBOURHOOD = 2, _("Quartier (environ 1 km)")
    TOWN = 1, _("Commune (environ 10 km)")


class GeocodingStatus(models.TextChoices):
    PENDING = "pending", _("À géocoder")
    OK = "ok", _("Géocodé")
    APPROXIMATE = "approximate", _("Approché (centre de la commune)")
    FAILED = "failed", _("Échec : à vérifier")
    MANUAL = "manual", _("Saisi à la main")


class NeedStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    REVIEW = "review", _("En attente de relecture")
    OPEN = "open", _("Ouvert")
    PAUSED = "paused", _("En pause")
    FULFILLED = "fulfilled", _("Satisfait")
    EXPIRED = "expired", _("Expiré")
    CLOSED = "closed", _("Fermé")


class Urgency(models.IntegerChoices):
    LOW = 1, _("Peut attendre")
    NORMAL = 2, _("Normale")
    HIGH = 3, _("Urgent")
    CRITICAL = 4, _("Très urgent")


class Skill(models.TextChoices):
    DRIVING = "driving", _("Conduite (permis B)")
    SEWING = "sewing", _("Couture")
    PRINTING_3D = "printing_3d", _("Impression 3D")
    COOKING = "cooking", _("Cuisine")
    PHONE = "phone", _("Écoute au téléphone")
    MANUAL = "manual", _("Travaux manuels, récoltes")
    LOGISTICS = "logistics", _("Logistique, tri, collecte")
    DIGITAL = "digital", _("Numérique")


class Availability(models.TextChoices):
    WEEKDAYS = "weekdays", _("En semaine, en journée")
    EVENINGS = "evenings", _("En soirée")
    WEEKENDS = "weekends", _("Le week-end")
    REMOTE = "remote", _("À distance uniquement")


class PledgeStatus(models.TextChoices):
    PLEDGED = "pledged", _("Promis")
    DONE = "done", _("Réalisé")
    CANCELLED = "cancelled", _("Annulé")


class ContactChannel(models.TextChoices):
    """What a volunteer agrees to share with the partner of a need they pledge to."""

    NONE = "none", _("Rien : le partenaire me contacte via ré_action")
    EMAIL = "email", _("Mon adresse e-mail")
    PHONE = "phone", _("Mon numéro de téléphone")


class NeedReportReason(models.TextChoices):
    WRONG = "wrong", _("Informations fausses ou périmées")
    ABUSIVE = "abusive", _("Contenu abusif ou dangereux")
    OTHER = "other", _("Autre raison")


class NeedReportStatus(models.TextChoices):
    OPEN = "open", _("À traiter")
    DISMISSED = "dismissed", _("Classé sans suite")
    ACTIONED = "actioned", _("Besoin retiré ou corrigé")
