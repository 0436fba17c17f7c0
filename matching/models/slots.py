"""Time slots of a need ("Saturday 9:00–12:00, 6 people"), the places volunteers take in them
and their waiting lists. Taken, cancelled, completed and offered only through
matching.services.slots, which keeps ``places_taken`` exact under concurrency (a CHECK
constraint stands behind it)."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from matching.models.needs import Need
from matching.models.volunteers import VolunteerProfile

MAX_PLACES = 500


class Slot(models.Model):
    need = models.ForeignKey(
        Need, verbose_name=_("besoin"), on_delete=models.CASCADE, related_name="slots"
    )
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"))
    places = models.PositiveSmallIntegerField(
        _("places"), validators=[MinValueValidator(1), MaxValueValidator(MAX_PLACES)]
    )
    places_taken = models.PositiveSmallIntegerField(_("places prises"), default=0, editable=False)
    # Slots made together by one weekly pattern share a series id (a random hex string).
    series = models.CharField(_("série"), max_length=32, blank=True, db_index=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("créneau")
        verbose_name_plural = _("créneaux")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["need", "starts_at"], name="matching_slot_need_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(places_taken__lte=F("places")), name="matching_slot_taken_lte_places"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="matching_slot_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.need} — {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def places_left(self) -> int:
        return max(0, self.places - self.places_taken)

    @property
    def hours(self) -> Decimal:
        seconds = (self.ends_at - self.starts_at).total_seconds()
        return (Decimal(seconds) / Decimal(3600)).quantize(Decimal("0.01"))


class SlotBookingStatus(models.TextChoices):
    BOOKED = "booked", _("Place prise")
    DONE = "done", _("Réalisé")
    CANCELLED = "cancelled", _("Annulé")


class SlotBooking(models.Model):
    slot = models.ForeignKey(
        Slot, verbose_name=_("créneau"), on_delete=models.PROTECT, related_name="bookings"
    )
    # Null once the volunteer deleted their account: a done booking stays, anonymous, so the
    # hours figures do not change.
    volunteer = models.ForeignKey(
        VolunteerProfile,
        verbose_name=_("volontaire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="slot_bookings",
    )
    status = models.CharField(
        _("statut"),
        max_length=12,
        choices=SlotBookingStatus.choices,
        default=SlotBookingStatus.BOOKED,
    )
    hours = models.DecimalField(
        _("heures"), max_digits=5, decimal_places=2, default=Decimal("0"), editable=False
    )
    from_waiting_list = models.BooleanField(_("venu de la liste d'attente"), default=False)
    created_at = models.DateTimeField(_("prise le"), auto_now_add=True)
    done_at = models.DateTimeField(_("réalisé le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulé le"), null=True, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("place sur un créneau")
        verbose_name_plural = _("places sur les créneaux")
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "volunteer"],
                condition=~Q(status="cancelled"),
                name="matching_one_booking_per_slot",
            )
        ]

    def __str__(self):
        return f"{self.slot} — {self.get_status_display()}"


class WaitlistStatus(models.TextChoices):
    WAITING = "waiting", _("En attente")
    OFFERED = "offered", _("Place attribuée")
    LEFT = "left", _("Sortie de la liste")


class SlotWaitlistEntry(models.Model):
    """A volunteer waiting for a place in a full slot; served first come, first served."""

    slot = models.ForeignKey(
        Slot, verbose_name=_("créneau"), on_delete=models.CASCADE, related_name="waitlist"
    )
    volunteer = models.ForeignKey(
        VolunteerProfile,
        verbose_name=_("volontaire"),
        on_delete=models.CASCADE,
        related_name="slot_waitlist",
    )
    status = models.CharField(
        _("statut"), max_length=10, choices=WaitlistStatus.choices, default=WaitlistStatus.WAITING
    )
    created_at = models.DateTimeField(_("inscrit·e le"), auto_now_add=True)
    offered_at = models.DateTimeField(_("place attribuée le"), null=True, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("inscription sur liste d'attente")
        verbose_name_plural = _("inscriptions sur listes d'attente")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "volunteer"],
                condition=Q(status="waiting"),
                name="matching_one_wait_per_slot",
            )
        ]

    def __str__(self):
        return f"{self.slot} — {self.volunteer_id}"
