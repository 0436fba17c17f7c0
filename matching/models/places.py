"""Places where partners post needs: a hospital, a care home, a farm, a collection point…"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from matching import geo
from matching.models.choices import GeocodingStatus, PlaceKind, PublicPrecision
from portal.choice_labels import ChoiceLabels

LATITUDE_VALIDATORS = [MinValueValidator(-90.0), MaxValueValidator(90.0)]
LONGITUDE_VALIDATORS = [MinValueValidator(-180.0), MaxValueValidator(180.0)]


class Place(ChoiceLabels, models.Model):
    partner = models.ForeignKey(
        "challenges.PartnerPage",
        verbose_name=_("partenaire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="places",
    )
    kind = models.CharField(_("type de lieu"), max_length=20, choices=PlaceKind.choices)
    name = models.CharField(_("nom"), max_length=160)
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    postcode = models.CharField(_("code postal"), max_length=10)
    town = models.CharField(_("commune"), max_length=120)
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=LATITUDE_VALIDATORS
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=LONGITUDE_VALIDATORS
    )
    public_precision = models.PositiveSmallIntegerField(
        _("précision publique"),
        choices=PublicPrecision.choices,
        default=PublicPrecision.STREET,
        help_text=_("Précision avec laquelle le lieu est montré au public et dans l'API."),
    )
    public_instructions = models.TextField(
        _("comment et quand venir"),
        blank=True,
        max_length=1000,
        help_text=_(
            "Montré au public et aux volontaires engagés : où déposer ou se présenter, horaires "
            "d'ouverture, accès. Par exemple : accueil du bâtiment B, du lundi au vendredi, "
            "9 h – 17 h."
        ),
    )
    public_contact = models.CharField(
        _("contact public"),
        max_length=200,
        blank=True,
        help_text=_(
            "Montré aux volontaires : le téléphone ou l'e-mail de l'accueil, pas celui d'une "
            "personne. Facultatif."
        ),
    )
    geocoding_status = models.CharField(
        _("géocodage"),
        max_length=20,
        choices=GeocodingStatus.choices,
        default=GeocodingStatus.PENDING,
        editable=False,
    )
    geocoding_source = models.CharField(_("source du géocodage"), max_length=20, blank=True)
    geocoding_message = models.CharField(_("message du géocodage"), max_length=255, blank=True)
    geocoded_at = models.DateTimeField(_("géocodé le"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    # Not in Wagtail's reference index: a million needs would make every save and every
    # rebuild_references_index pay for it; nothing in the admin lists their usage.
    wagtail_reference_index_ignore = True

    panels = [
        FieldPanel("partner"),
        FieldPanel("kind"),
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldRowPanel([FieldPanel("postcode"), FieldPanel("town")])],
            heading=_("Adresse"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Coordonnées (laissez vide : elles sont calculées depuis l'adresse)"),
        ),
        FieldPanel("public_precision"),
        FieldPanel("public_instructions"),
        FieldPanel("public_contact"),
    ]

    class Meta:
        verbose_name = _("lieu")
        verbose_name_plural = _("lieux")
        ordering = ["name"]
        indexes = [models.Index(fields=["geocoding_status"], name="matching_place_geocoding")]

    def __str__(self):
        return f"{self.name} ({self.postcode} {self.town})"

    def save(self, *args, **kwargs):
        """Ask for geocoding when the address changes; keep the needs' search columns in step."""
        loaded = getattr(self, "_loaded", None)
        current = self._tracked_values()
        address_changed = loaded is None or any(
            loaded[name] != current[name] for name in ("address", "postcode", "town")
        )
        point_changed = loaded is not None and any(
            loaded[name] != current[name] for name in ("latitude", "longitude")
        )
        if loaded is None:
            if self.has_point and self.geocoding_status == GeocodingStatus.PENDING:
                self.geocoding_status = GeocodingStatus.MANUAL
        elif point_changed and self.has_point:
            self.geocoding_status = GeocodingStatus.MANUAL
        elif address_changed or not self.has_point:
            self.geocoding_status = GeocodingStatus.PENDING
        super().save(*args, **kwargs)
        if loaded is not None and any(
            loaded[name] != current[name]
            for name in ("latitude", "longitude", "public_precision", "kind")
        ):
            self.needs.update(**self.search_columns())
        self._loaded = current

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance.remember_loaded()
        return instance

    def remember_loaded(self) -> None:
        """What ``save`` compares with to know what changed (set when loaded)."""
        self._loaded = self._tracked_values()

    def _tracked_values(self) -> dict:
        names = ("address", "postcode", "town", "latitude", "longitude", "public_precision", "kind")
        return {name: self.__dict__.get(name) for name in names}

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def geocoding_query(self) -> str:
        return ", ".join(part for part in (self.address, f"{self.postcode} {self.town}") if part)

    def public_point(self) -> tuple[float, float] | None:
        """The point shown to the public: rounded to the place's public precision."""
        if not self.has_point:
            return None
        decimals = int(self.public_precision)
        return round(self.latitude, decimals), round(self.longitude, decimals)

    def search_columns(self) -> dict:
        """What every need of this place copies for the nearest-needs index."""
        point = self.public_point()
        return {
            "latitude": point[0] if point else None,
            "longitude": point[1] if point else None,
            "grid_band": geo.latitude_band(point[0]) if point else None,
            "place_kind": self.kind,
        }
