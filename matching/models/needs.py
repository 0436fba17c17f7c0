"""Needs: what a partner asks for at one of its places (kits, meals, calls, harvest help…)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from matching.models.choices import NeedStatus, PlaceKind, Skill, Urgency
from matching.models.places import Place
from portal.choice_labels import ChoiceLabels
from portal.plurals import agreeing

COUNTERS = ("quantity_pledged", "quantity_fulfilled")


class Need(ChoiceLabels, models.Model):
    place = models.ForeignKey(
        Place, verbose_name=_("lieu"), on_delete=models.PROTECT, related_name="needs"
    )
    challenge = models.ForeignKey(
        "challenges.ChallengePage",
        verbose_name=_("défi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The directory action this need puts into practice: each pledge marked done counts one
    # more completion of the action (programme.services.impact.count_pledge_for_its_action).
    action = models.ForeignKey(
        "actions.ActionPage",
        verbose_name=_("action du répertoire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("titre"), max_length=140)
    description = models.TextField(_("description"), blank=True)
    quantity_wanted = models.PositiveIntegerField(
        _("quantité souhaitée"), validators=[MinValueValidator(1)]
    )
    unit = models.CharField(
        _("unité"), max_length=40, help_text=_("Par exemple : kits, repas, appels, heures.")
    )
    unit_singular = models.CharField(
        _("unité au singulier"),
        max_length=40,
        blank=True,
        help_text=_("Montrée pour 1 (et 0 en français), par exemple : kit, repas, appel, heure."),
    )
    quantity_pledged = models.PositiveIntegerField(_("quantité promise"), default=0)
    quantity_fulfilled = models.PositiveIntegerField(_("quantité réalisée"), default=0)
    urgency = models.PositiveSmallIntegerField(
        _("urgence"), choices=Urgency.choices, default=Urgency.NORMAL
    )
    skill = models.CharField(
        _("compétence utile"), max_length=20, choices=Skill.choices, blank=True
    )
    starts_at = models.DateTimeField(_("à partir du"), null=True, blank=True)
    ends_at = models.DateTimeField(_("jusqu'au"), null=True, blank=True)
    status = models.CharField(
        _("statut"), max_length=20, choices=NeedStatus.choices, default=NeedStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    published_at = models.DateTimeField(
        _("publié le"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Première ouverture aux volontaires (après relecture le cas échéant)."),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    # Search columns copied from the place (its public point, rounded; its kind): the
    # nearest-needs index reads one table. Place.save() keeps them in step.
    latitude = models.FloatField(null=True, editable=False)
    longitude = models.FloatField(null=True, editable=False)
    grid_band = models.IntegerField(null=True, editable=False)
    place_kind = models.CharField(
        max_length=20, choices=PlaceKind.choices, blank=True, editable=False
    )

    # Not in Wagtail's reference index: a million needs would make every save and every
    # rebuild_references_index pay for it; nothing in the admin lists their usage.
    wagtail_reference_index_ignore = True

    panels = [
        FieldPanel("place"),
        FieldPanel("challenge"),
        FieldPanel("action"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel(
            [FieldPanel("quantity_wanted"), FieldPanel("unit"), FieldPanel("unit_singular")]
        ),
        FieldRowPanel([FieldPanel("urgency"), FieldPanel("skill")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])],
            heading=_("Période"),
        ),
        FieldPanel("status"),
    ]

    class Meta:
        verbose_name = _("besoin")
        verbose_name_plural = _("besoins")
        ordering = ["-id"]
        indexes = [
            # The nearest-needs index: one range scan per latitude band (see services.nearest).
            models.Index(
                fields=["grid_band", "longitude", "latitude"],
                name="matching_need_open_geo",
                condition=Q(status="open"),
            ),
            models.Index(fields=["status", "ends_at"], name="matching_need_status_end"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity_pledged__lte=F("quantity_wanted")),
                name="matching_need_pledged_lte_wanted",
                violation_error_message=_(
                    "La quantité souhaitée ne peut pas être inférieure à la quantité déjà promise."
                ),
            ),
            models.CheckConstraint(
                condition=Q(quantity_fulfilled__lte=F("quantity_pledged")),
                name="matching_need_fulfilled_lte_pledged",
                violation_error_message=_(
                    "La quantité réalisée ne peut pas dépasser la quantité promise."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Copy the place's search columns. An existing need never writes its counters back:
        only the pledging services change them (a form loaded before a pledge would undo it)."""
        if self.place_id is not None:
            for name, value in self.place.search_columns().items():
                setattr(self, name, value)
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name not in COUNTERS
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("matching:need_detail", kwargs={"pk": self.pk})

    def unit_for(self, quantity: int) -> str:
        """The unit agreeing with ``quantity``: « 1 sac », « 3 sacs »."""
        return agreeing(quantity, self.unit, self.unit_singular)

    def clean(self):
        super().clean()
        pledged = self.quantity_pledged or 0
        if self.pk is not None:
            stored = Need.objects.filter(pk=self.pk).values_list("quantity_pledged", flat=True)
            pledged = stored.first() or 0
        if self.quantity_wanted is not None and self.quantity_wanted < pledged:
            raise ValidationError(
                {
                    "quantity_wanted": _(
                        "%(pledged)s sont déjà promis : la quantité souhaitée ne peut pas être "
                        "inférieure à la quantité déjà promise."
                    )
                    % {"pledged": pledged}
                }
            )

    @property
    def quantity_remaining(self) -> int:
        return max(0, self.quantity_wanted - self.quantity_pledged)

    @property
    def is_open(self) -> bool:
        ended = self.ends_at is not None and self.ends_at <= timezone.now()
        return self.status == NeedStatus.OPEN and not ended
