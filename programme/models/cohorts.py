"""Cohorts ("promotions") of about 15 volunteers for one week, their coordinators and members.

A cohort belongs to one challenge (the page in the default language: translations are matched by
``translation_key``), one language and one area (a département code or "remote"), and starts on a
Monday. Memberships are created, confirmed, placed and cancelled only through
``programme.services.placement``, which keeps capacities and waiting-list positions exact.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from portal.i18n import in_default_language
from programme.areas import AREA_CHOICES, REMOTE, area_label


def canonical_challenge(page):
    """The challenge's page in the default language: cohorts, trainings, memberships and
    reports all point to it, whichever translation an editor or a volunteer picked."""
    return in_default_language(page)


def _point_to_canonical_challenge(instance, update_fields) -> None:
    if instance.challenge_id and (update_fields is None or "challenge" in update_fields):
        instance.challenge = canonical_challenge(instance.challenge)


DEFAULT_CAPACITY = 15
DEFAULT_SEND_HOUR = 8
DAYS_IN_PROGRAMME = 7


class Coordinator(ClusterableModel):
    """A citizen coordinator: a user who leads cohorts of the challenges they were trained for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        on_delete=models.CASCADE,
        related_name="programme_coordinator",
    )
    language = models.CharField(
        _("langue d'animation"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    area = models.CharField(
        _("territoire"),
        max_length=6,
        choices=AREA_CHOICES,
        default=REMOTE,
        help_text=_(
            "Département où la personne anime des promotions ; elle peut aussi animer des "
            "promotions à distance."
        ),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    panels = [
        FieldPanel("user"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("area")]),
        InlinePanel("trainings", label=_("Formations suivies")),
    ]

    class Meta:
        verbose_name = _("coordinateur·rice")
        verbose_name_plural = _("coordinateur·rices")
        ordering = ["user__first_name", "user__email"]

    def __str__(self):
        return self.user.get_full_name() or self.user.email or self.user.get_username()


class CoordinatorTraining(models.Model):
    """The training of a coordinator for one challenge; completed once ``completed_on`` is set."""

    coordinator = ParentalKey(Coordinator, on_delete=models.CASCADE, related_name="trainings")
    challenge = models.ForeignKey(
        "challenges.ChallengePage",
        verbose_name=_("défi"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    completed_on = models.DateField(
        _("formation terminée le"),
        null=True,
        blank=True,
        help_text=_("Laisser vide tant que la formation n'est pas terminée."),
    )

    panels = [FieldPanel("challenge"), FieldPanel("completed_on")]

    class Meta:
        verbose_name = _("formation")
        verbose_name_plural = _("formations")
        constraints = [
            models.UniqueConstraint(
                fields=["coordinator", "challenge"], name="programme_one_training_per_challenge"
            )
        ]

    def __str__(self):
        return f"{self.coordinator} — {self.challenge}"

    def save(self, *args, **kwargs):
        _point_to_canonical_challenge(self, kwargs.get("update_fields"))
        super().save(*args, **kwargs)


class CohortStatus(models.TextChoices):
    FORMING = "forming", _("En constitution")
    FULL = "full", _("Complète")
    RUNNING = "running", _("En cours")
    FINISHED = "finished", _("Terminée")
    CANCELLED = "cancelled", _("Annulée")


OPEN_STATUSES = (CohortStatus.FORMING, CohortStatus.FULL, CohortStatus.RUNNING)


class Cohort(models.Model):
    challenge = models.ForeignKey(
        "challenges.ChallengePage",
        verbose_name=_("défi"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    language = models.CharField(_("langue"), max_length=8, choices=settings.LANGUAGES)
    area = models.CharField(_("territoire"), max_length=6, choices=AREA_CHOICES)
    start_date = models.DateField(_("début (un lundi)"))
    capacity = models.PositiveSmallIntegerField(
        _("places"),
        default=DEFAULT_CAPACITY,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    coordinator = models.ForeignKey(
        Coordinator,
        verbose_name=_("coordinateur·rice"),
        on_delete=models.PROTECT,
        related_name="cohorts",
    )
    call_url = models.URLField(_("lien de l'appel quotidien"), blank=True)
    chat_url = models.URLField(_("lien du groupe de discussion"), blank=True)
    send_hour = models.PositiveSmallIntegerField(
        _("heure d'envoi des mails"),
        default=DEFAULT_SEND_HOUR,
        validators=[MaxValueValidator(23)],
        help_text=_("Heure de Paris (0 à 23)."),
    )
    status = models.CharField(
        _("statut"), max_length=12, choices=CohortStatus.choices, default=CohortStatus.FORMING
    )
    sponsor_key = models.CharField(
        _("sponsor"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_("Promotion dédiée d'un sponsor : clé de la page du sponsor (facultatif)."),
    )
    days_sent = models.PositiveSmallIntegerField(
        _("mails du programme traités"), default=0, editable=False
    )
    created_at = models.DateTimeField(_("ouverte le"), auto_now_add=True)
    filled_at = models.DateTimeField(_("complète le"), null=True, blank=True, editable=False)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("challenge"),
                FieldRowPanel([FieldPanel("language"), FieldPanel("area")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("capacity")]),
                FieldPanel("coordinator"),
            ],
            heading=_("Promotion"),
        ),
        MultiFieldPanel(
            [FieldPanel("call_url"), FieldPanel("chat_url"), FieldPanel("send_hour")],
            heading=_("Animation"),
        ),
        FieldPanel("status"),
        FieldPanel("sponsor_key"),
    ]

    class Meta:
        verbose_name = _("promotion")
        verbose_name_plural = _("promotions")
        ordering = ["-start_date", "pk"]
        indexes = [
            models.Index(
                fields=["challenge", "language", "area", "start_date", "status"],
                name="programme_cohort_pool",
            ),
            models.Index(fields=["status", "start_date"], name="programme_cohort_schedule"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["coordinator", "start_date"],
                condition=~Q(status="cancelled"),
                name="programme_one_cohort_per_coordinator_week",
            ),
            models.CheckConstraint(
                condition=Q(send_hour__lte=23), name="programme_cohort_send_hour_valid"
            ),
        ]

    def __str__(self):
        return _("Promotion n°%(number)s — %(challenge)s — %(area)s — %(date)s (%(language)s)") % {
            "number": self.pk,
            "challenge": self.challenge.title if self.challenge_id else "?",
            "area": area_label(self.area),
            "date": self.start_date.strftime("%d/%m/%Y") if self.start_date else "?",
            "language": self.language,
        }

    def save(self, *args, **kwargs):
        _point_to_canonical_challenge(self, kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.start_date and self.start_date.weekday() != 0:
            raise ValidationError({"start_date": _("Une promotion commence un lundi.")})

    @property
    def end_date(self) -> datetime.date:
        return self.start_date + datetime.timedelta(days=DAYS_IN_PROGRAMME - 1)

    def day_date(self, day: int) -> datetime.date:
        return self.start_date + datetime.timedelta(days=day)


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Adresse à confirmer")
    WAITING = "waiting", _("Liste d'attente")
    PLACED = "placed", _("Dans une promotion")
    CANCELLED = "cancelled", _("Annulée")


class Membership(models.Model):
    """A volunteer's enrolment for one week: the pool they chose, then their cohort or their
    place on the pool's waiting list (1 = next to be placed)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("volontaire"),
        on_delete=models.CASCADE,
        related_name="programme_memberships",
    )
    challenge = models.ForeignKey(
        "challenges.ChallengePage",
        verbose_name=_("défi"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    language = models.CharField(_("langue"), max_length=8, choices=settings.LANGUAGES)
    area = models.CharField(_("territoire"), max_length=6, choices=AREA_CHOICES)
    start_date = models.DateField(_("semaine du"))
    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("promotion"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
    )
    status = models.CharField(
        _("statut"),
        max_length=12,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
    )
    waiting_position = models.PositiveIntegerField(
        _("position sur la liste d'attente"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("inscrit·e le"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmé·e le"), null=True, blank=True)
    placed_at = models.DateTimeField(_("placé·e le"), null=True, blank=True)

    panels = [FieldPanel("status")]

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["start_date", "waiting_position", "pk"]
        indexes = [
            models.Index(
                fields=["challenge", "language", "area", "start_date", "status"],
                name="programme_membership_pool",
            ),
            models.Index(fields=["cohort", "status"], name="programme_membership_cohort"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "start_date"],
                condition=~Q(status="cancelled"),
                name="programme_one_membership_per_week",
            ),
            models.CheckConstraint(
                condition=Q(status="placed", cohort__isnull=False) | ~Q(status="placed"),
                name="programme_placed_membership_has_cohort",
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.start_date}"
