"""A volunteer's matching profile. Its postcode and point are private: they never leave the
server (no page, API or export shows them)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from matching.models.choices import Availability, GeocodingStatus, Skill
from matching.models.fields import ChoiceListField

MAX_RADIUS_KM = 200


class VolunteerProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        on_delete=models.CASCADE,
        related_name="volunteer_profile",
    )
    postcode = models.CharField(_("code postal"), max_length=10, blank=True)
    latitude = models.FloatField(null=True, blank=True, editable=False)
    longitude = models.FloatField(null=True, blank=True, editable=False)
    geocoding_status = models.CharField(
        _("géocodage"),
        max_length=20,
        choices=GeocodingStatus.choices,
        default=GeocodingStatus.PENDING,
        editable=False,
    )
    radius_km = models.PositiveSmallIntegerField(
        _("rayon (km)"),
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_RADIUS_KM)],
    )
    challenges = models.ManyToManyField(
        "challenges.ChallengePage", verbose_name=_("défis"), blank=True, related_name="+"
    )
    skills = ChoiceListField(_("compétences"), item_choices=Skill.choices)
    availability = ChoiceListField(_("disponibilités"), item_choices=Availability.choices)
    phone = models.CharField(
        _("téléphone"),
        max_length=20,
        blank=True,
        help_text=_(
            "Partagé avec un partenaire seulement si vous le choisissez pour un engagement."
        ),
    )
    urgent_alerts = models.BooleanField(
        _("recevoir les besoins urgents près de chez moi"), default=True
    )
    language = models.CharField(
        _("langue"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    data_consent_at = models.DateTimeField(
        _("consentement au traitement des données le"), null=True, blank=True
    )
    contact_consent_at = models.DateTimeField(
        _("accord pour être contacté le"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    # Not in Wagtail's reference index: a million needs would make every save and every
    # rebuild_references_index pay for it; nothing in the admin lists their usage.
    wagtail_reference_index_ignore = True

    panels = [
        FieldPanel("user"),
        FieldPanel("postcode"),
        FieldPanel("radius_km"),
        FieldPanel("challenges"),
        FieldPanel("skills"),
        FieldPanel("availability"),
        FieldPanel("phone"),
        FieldPanel("urgent_alerts"),
        FieldPanel("language"),
        MultiFieldPanel(
            [FieldPanel("data_consent_at"), FieldPanel("contact_consent_at")],
            heading=_("Consentements"),
        ),
    ]

    class Meta:
        verbose_name = _("profil de volontaire")
        verbose_name_plural = _("profils de volontaires")

    def __str__(self):
        return str(self.user)

    def save(self, *args, **kwargs):
        """A changed postcode is geocoded again (matching.signals queues the task)."""
        if getattr(self, "_loaded_postcode", None) != self.postcode or not self.has_point:
            self.geocoding_status = GeocodingStatus.PENDING
            if not self.postcode:
                self.latitude = self.longitude = None
        super().save(*args, **kwargs)
        self._loaded_postcode = self.postcode

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_postcode = instance.__dict__.get("postcode")
        return instance
