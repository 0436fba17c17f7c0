"""Urgent-need alerts: when an urgent need opens, every volunteer whose radius covers it and
whose challenges match (or who picked none) gets one email, in their language, with a link to
the need and a one-click link that mutes these alerts.

How "exactly once" holds
------------------------
1. **Fan-out** (``start_run``), idempotent. Phase 1, one transaction under a lock on the need:
   the need's ``AlertRun`` (one-to-one: a second run cannot exist) and one ``NeedAlert`` row per
   matching volunteer (unique on (need, volunteer); inserted with ``ignore_conflicts``).
   Phase 2, under a lock on the run: the run turns ``sending`` and its chunks (ranges of row
   ids) are computed, once; they are dispatched after that commit. A fan-out run again
   (retried, duplicated, redelivered) inserts nothing and dispatches nothing. Killed between
   the commit and the dispatch, its rows stay pending: the beat task re-dispatches them (4.).
2. **Chunks** (``send_chunk``). A chunk *claims* the rows of its range that are pending (or
   whose claim expired: the worker holding them died) with a fresh token, and commits the claim
   before any email leaves. The daily cap is decided in that transaction, under row locks on
   the volunteers (taken in id order: no deadlock), so two needs alerting the same volunteer at
   the same time cannot both pass the cap. Then each row is marked ``sending`` (committed and
   fenced by the token), its email handed to the backend, and the row marked ``sent`` (in the
   same commit as the next row's ``sending``). A retried or duplicated chunk finds the rows
   claimed or sent and sends nothing; rows claimed by a live chunk make it wait and retry.
3. **The one window** of a plain mail backend (SMTP): a worker killed after a row's ``sending``
   mark and before its ``sent`` mark. When that claim expires the row becomes ``uncertain`` and
   is never sent again automatically: at most one email per killed worker may be missing, none
   is ever sent twice. The run counts such rows; editors see them in the admin. With the
   transactional outbox backend (``EMAIL_BACKEND=portal.mail.OutboxEmailBackend``, the
   production setting) there is no window: each email and its row's ``sent`` mark commit
   together, so a killed worker loses and duplicates nothing.
4. **Worker killed**: the chunk's message is redelivered (``acks_late`` and
   ``reject_on_worker_lost``) and takes over the expired claims; the beat task
   ``matching.tasks.resume_urgent_alerts`` re-dispatches the rows of any run left behind.

Matching scales to 100,000 volunteers: one SQL query over the latitude/longitude box of the
largest radius, then exact great-circle distances in Python against each volunteer's radius.
"""

import datetime
import logging
import secrets
import smtplib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core import signing
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, Exists, F, Min, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matching import geo
from matching.models import (
    AlertRun,
    AlertRunStatus,
    Need,
    NeedAlert,
    NeedAlertStatus,
    NeedStatus,
    Urgency,
    VolunteerProfile,
)
from matching.models.volunteers import MAX_RADIUS_KM
from matching.services.nearest import challenge_page_ids
from matching.services.needs import localized_challenge
from portal import notify
from portal.i18n import absolute_reverse

logger = logging.getLogger(__name__)

MUTE_SALT = "matching.alerts.mute"
INSERT_BATCH = 2000
# Rows that take one of the volunteer's daily alerts.
COUNTED = (
    NeedAlertStatus.CLAIMED,
    NeedAlertStatus.SENDING,
    NeedAlertStatus.SENT,
    NeedAlertStatus.UNCERTAIN,
)
OPEN_ROWS = (NeedAlertStatus.PENDING, NeedAlertStatus.CLAIMED, NeedAlertStatus.SENDING)

Dispatch = Callable[[int, int, int], object]


@dataclass(frozen=True)
class ChunkResult:
    sent: int = 0
    # Rows of the range still to send by someone: held by a live claim, or released after the
    # mail server failed. The task retries after ``retry_in_s``.
    waiting: int = 0
    retry_in_s: int = 0


# --- Who is told ----------------------------------------------------------------------------


def claim_lease() -> datetime.timedelta:
    """A claim older than this belongs to a dead worker (a chunk of 500 takes well under a
    minute; settings.URGENT_ALERTS_CLAIM_LEASE_S)."""
    return datetime.timedelta(seconds=settings.URGENT_ALERTS_CLAIM_LEASE_S)


def is_alertable(need: Need) -> bool:
    return (
        need.status == NeedStatus.OPEN
        and need.urgency >= Urgency.HIGH
        and need.published_at is not None
        and need_point(need) is not None
        and need.is_open
        and need.quantity_remaining > 0
    )


def need_point(need: Need) -> geo.Point | None:
    """The place's exact point (server side only), else the need's public point."""
    place = need.place
    if place.has_point:
        return geo.Point(place.latitude, place.longitude)
    if need.latitude is not None and need.longitude is not None:
        return geo.Point(need.latitude, need.longitude)
    return None


def matching_volunteer_ids(need: Need) -> list[int]:
    """Volunteers to alert: located, alerts on, active with an email, whose radius covers the
    need and whose challenges include the need's (in any language) or who picked none."""
    point = need_point(need)
    if point is None:
        return []
    box = geo.bounding_box(point.latitude, point.longitude, MAX_RADIUS_KM)
    longitudes = Q()
    for west, east in box.longitude_ranges:
        longitudes |= Q(longitude__gte=west, longitude__lte=east)
    volunteers = (
        VolunteerProfile.objects.filter(
            longitudes,
            urgent_alerts=True,
            latitude__gte=box.min_latitude,
            latitude__lte=box.max_latitude,
            user__is_active=True,
        )
        .exclude(user__email="")
        .order_by()
    )
    if need.challenge_id is not None:
        picked = VolunteerProfile.challenges.through.objects.filter(
            volunteerprofile_id=OuterRef("pk")
        )
        shared = picked.filter(challengepage_id__in=challenge_page_ids(need.challenge))
        volunteers = volunteers.filter(Q(Exists(shared)) | ~Q(Exists(picked)))
    rows = volunteers.values_list("pk", "latitude", "longitude", "radius_km")
    lat, lon = point.latitude, point.longitude
    return sorted(
        pk
        for pk, latitude, longitude, radius_km in rows.iterator(chunk_size=5000)
        if geo.great_circle_km(lat, lon, latitude, longitude) <= radius_km
    )


# --- Fan-out --------------------------------------------------------------------------------


def start_run(need_id: int, *, dispatch: Dispatch) -> AlertRun | None:
    """Create the need's run and rows (once), then dispatch its chunks (once). Idempotent."""
    run = _prepare(need_id)
    if run is None:
        return None
    for first_id, last_id in _mark_sending(run):
        dispatch(need_id, first_id, last_id)
    return refresh_run(need_id)


@transaction.atomic
def _mark_sending(run: AlertRun) -> list[tuple[int, int]]:
    """The chunks to dispatch, once: the run turns 'sending' as they are computed."""
    run = AlertRun.objects.select_for_update().get(pk=run.pk)
    if run.status != AlertRunStatus.PREPARING:
        return []
    pending = NeedAlert.objects.filter(need_id=run.need_id, status=NeedAlertStatus.PENDING)
    ranges = chunk_ranges(pending.order_by("pk").values_list("pk", flat=True))
    run.status = AlertRunStatus.SENDING
    run.chunks = len(ranges)
    run.save(update_fields=["status", "chunks"])
    return ranges


@transaction.atomic
def _prepare(need_id: int) -> AlertRun | None:
    need = (
        Need.objects.select_for_update(of=("self",))
        .select_related("place", "challenge")
        .filter(pk=need_id)
        .first()
    )
    if need is None:
        return None
    run = AlertRun.objects.filter(need=need).first()
    if run is not None and run.status != AlertRunStatus.PREPARING:
        return run
    if run is None:
        if not is_alertable(need):
            return None
        run = AlertRun.objects.create(need=need)
    volunteer_ids = matching_volunteer_ids(need)
    NeedAlert.objects.bulk_create(
        (NeedAlert(need_id=need_id, volunteer_id=pk) for pk in volunteer_ids),
        batch_size=INSERT_BATCH,
        ignore_conflicts=True,
    )
    run.matched = NeedAlert.objects.filter(need_id=need_id).count()
    run.save(update_fields=["matched"])
    return run


def chunk_ranges(ids: Iterable[int], size: int | None = None) -> list[tuple[int, int]]:
    """(first id, last id) of consecutive groups of ``size`` ids (in increasing order)."""
    size = size or settings.URGENT_ALERTS_CHUNK_SIZE
    ranges, group = [], []
    for pk in ids:
        group.append(pk)
        if len(group) == size:
            ranges.append((group[0], group[-1]))
            group = []
    if group:
        ranges.append((group[0], group[-1]))
    return ranges


def stalled_chunks(*, now: datetime.datetime | None = None) -> list[tuple[int, int, int]]:
    """(need id, first id, last id) of the rows of unfinished runs that nobody holds: pending
    since longer than a lease, or claimed by a worker that died. For the beat task."""
    now = now or timezone.now()
    expired = now - claim_lease()
    chunks = []
    runs = AlertRun.objects.filter(status=AlertRunStatus.SENDING).values_list("need_id", flat=True)
    for need_id in runs:
        left = NeedAlert.objects.filter(need_id=need_id).filter(
            Q(status=NeedAlertStatus.PENDING, created_at__lt=expired)
            | Q(
                status__in=[NeedAlertStatus.CLAIMED, NeedAlertStatus.SENDING],
                claimed_at__lt=expired,
            )
        )
        ranges = chunk_ranges(left.order_by("pk").values_list("pk", flat=True))
        chunks += [(need_id, first_id, last_id) for first_id, last_id in ranges]
        if not ranges:
            refresh_run(need_id)
    return chunks


def stalled_preparations(*, now: datetime.datetime | None = None) -> list[int]:
    """Needs whose fan-out died before dispatching (run still 'preparing' after a lease)."""
    now = now or timezone.now()
    runs = AlertRun.objects.filter(
        status=AlertRunStatus.PREPARING, started_at__lt=now - claim_lease()
    )
    return list(runs.values_list("need_id", flat=True))


def refresh_run(need_id: int, *, handed_over: int = 0) -> AlertRun | None:
    """Recount the run from its rows (exact whatever the order chunks finish in)."""
    with transaction.atomic():
        run = AlertRun.objects.select_for_update().filter(need_id=need_id).first()
        if run is None:
            return None
        counts = dict(
            NeedAlert.objects.filter(need_id=need_id)
            .order_by()
            .values_list("status")
            .annotate(count=Count("pk"))
        )
        run.matched = sum(counts.values())
        run.sent = counts.get(NeedAlertStatus.SENT, 0)
        run.skipped_capped = counts.get(NeedAlertStatus.CAPPED, 0)
        run.skipped_muted = counts.get(NeedAlertStatus.MUTED, 0)
        run.uncertain = counts.get(NeedAlertStatus.UNCERTAIN, 0)
        run.refused = counts.get(NeedAlertStatus.REFUSED, 0)
        fields = ["matched", "sent", "skipped_capped", "skipped_muted", "uncertain", "refused"]
        if handed_over:
            run.messages_handed_over = F("messages_handed_over") + handed_over
            fields.append("messages_handed_over")
        still_open = sum(counts.get(status, 0) for status in OPEN_ROWS)
        if run.status == AlertRunStatus.SENDING and not still_open and run.finished_at is None:
            run.status = AlertRunStatus.DONE
            run.finished_at = timezone.now()
            fields += ["status", "finished_at"]
        run.save(update_fields=fields)
    run.refresh_from_db()
    return run


# --- Chunks ---------------------------------------------------------------------------------


def send_chunk(*, need_id: int, first_id: int, last_id: int) -> ChunkResult:
    """Send the alerts of one range of rows that nobody else holds; see the module docstring."""
    token = secrets.token_hex(16)
    alert_ids = _claim(need_id, first_id, last_id, token)
    sent, server_down = 0, False
    if alert_ids:
        sent, server_down = _deliver(need_id, alert_ids, token)
    refresh_run(need_id, handed_over=sent)
    held = NeedAlert.objects.filter(
        need_id=need_id, pk__gte=first_id, pk__lte=last_id, status__in=OPEN_ROWS
    ).aggregate(count=Count("pk"), oldest=Min("claimed_at"))
    if not held["count"]:
        return ChunkResult(sent=sent)
    if server_down:
        return ChunkResult(sent=sent, waiting=held["count"], retry_in_s=60)
    oldest = held["oldest"] or timezone.now()
    wait = max(5, int((oldest + claim_lease() - timezone.now()).total_seconds()) + 5)
    return ChunkResult(sent=sent, waiting=held["count"], retry_in_s=wait)


def _claim(need_id: int, first_id: int, last_id: int, token: str) -> list[int]:
    """Claim (and commit) the free rows of the range; decide the daily cap and late mutes."""
    now = timezone.now()
    expired = now - claim_lease()
    with transaction.atomic():
        rows = NeedAlert.objects.filter(need_id=need_id, pk__gte=first_id, pk__lte=last_id)
        rows.filter(status=NeedAlertStatus.SENDING, claimed_at__lt=expired).update(
            status=NeedAlertStatus.UNCERTAIN
        )
        rows.filter(
            Q(status=NeedAlertStatus.PENDING)
            | Q(status=NeedAlertStatus.CLAIMED, claimed_at__lt=expired)
        ).update(status=NeedAlertStatus.CLAIMED, claim_token=token, claimed_at=now)
        claimed = list(
            rows.filter(claim_token=token, status=NeedAlertStatus.CLAIMED).values_list(
                "pk", "volunteer_id"
            )
        )
        if not claimed:
            return []
        volunteer_ids = sorted({volunteer_id for _pk, volunteer_id in claimed})
        still_wanted = set(
            VolunteerProfile.objects.select_for_update(of=("self",))
            .filter(pk__in=volunteer_ids, urgent_alerts=True, user__is_active=True)
            .exclude(user__email="")
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        today = alerts_today(still_wanted, exclude_need_id=need_id, now=now)
        cap = settings.URGENT_ALERTS_DAILY_CAP
        muted = [pk for pk, volunteer_id in claimed if volunteer_id not in still_wanted]
        capped = [
            pk
            for pk, volunteer_id in claimed
            if volunteer_id in still_wanted and today.get(volunteer_id, 0) >= cap
        ]
        if muted:
            NeedAlert.objects.filter(pk__in=muted).update(status=NeedAlertStatus.MUTED)
        if capped:
            NeedAlert.objects.filter(pk__in=capped).update(status=NeedAlertStatus.CAPPED)
        skipped = set(muted) | set(capped)
    return [pk for pk, _volunteer_id in claimed if pk not in skipped]


def alerts_today(
    volunteer_ids: Iterable[int], *, exclude_need_id: int | None = None, now=None
) -> dict[int, int]:
    """Volunteer id -> alerts claimed for them since midnight (Paris time)."""
    now = now or timezone.now()
    midnight = timezone.localtime(now, ZoneInfo(settings.TIME_ZONE)).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    rows = NeedAlert.objects.filter(
        volunteer_id__in=list(volunteer_ids), claimed_at__gte=midnight, status__in=COUNTED
    )
    if exclude_need_id is not None:
        rows = rows.exclude(need_id=exclude_need_id)
    return dict(
        rows.order_by()
        .values_list("volunteer_id")
        .annotate(count=Count("pk"))
        .values_list("volunteer_id", "count")
    )


def _advance(previous_id: int | None, next_id: int | None, token: str) -> bool:
    """Mark the previous row sent and the next one sending, in one commit. False when our
    claim on the next row was taken over (we were too slow): stop sending."""
    now = timezone.now()
    with transaction.atomic():
        if previous_id is not None:
            NeedAlert.objects.filter(
                pk=previous_id, claim_token=token, status=NeedAlertStatus.SENDING
            ).update(status=NeedAlertStatus.SENT, sent_at=now)
        if next_id is None:
            return True
        return bool(
            NeedAlert.objects.filter(
                pk=next_id, claim_token=token, status=NeedAlertStatus.CLAIMED
            ).update(status=NeedAlertStatus.SENDING, claimed_at=now)
        )


def _deliver(need_id: int, alert_ids: list[int], token: str) -> tuple[int, bool]:
    """Send the claimed rows through one mail connection: (handed over, server down)."""
    need = Need.objects.select_related("place", "place__partner", "challenge").get(pk=need_id)
    alerts = (
        NeedAlert.objects.filter(pk__in=alert_ids).select_related("volunteer__user").order_by("pk")
    )
    connection = get_connection()
    if getattr(connection, "transactional", False):
        return _deliver_in_transactions(need, alerts, token, connection), False
    handed_over = 0
    server_down = False
    previous = None
    challenges: dict[str, object] = {}
    try:
        connection.open()
        for alert in alerts:
            language = alert.volunteer.language
            if language not in challenges:
                challenges[language] = localized_challenge(need.challenge, language)
            message = alert_message(alert, need, challenges[language], connection=connection)
            if not _advance(previous, alert.pk, token):
                break
            previous = None
            try:
                message.send()
            except smtplib.SMTPRecipientsRefused:
                logger.warning("Urgent alert %s refused by the mail server", alert.pk)
                NeedAlert.objects.filter(pk=alert.pk, claim_token=token).update(
                    status=NeedAlertStatus.REFUSED
                )
                continue
            except Exception:
                logger.exception("Urgent alert %s not sent: the chunk will be retried", alert.pk)
                server_down = True
                NeedAlert.objects.filter(pk=alert.pk, claim_token=token).update(
                    status=NeedAlertStatus.CLAIMED
                )
                break
            handed_over += 1
            previous = alert.pk
    except Exception:
        logger.exception("Urgent alerts of need %s: the mail server is unreachable", need_id)
        server_down = True
    finally:
        _advance(previous, None, token)
        # What this chunk could not send goes back to the pool at once.
        NeedAlert.objects.filter(
            pk__in=alert_ids, claim_token=token, status=NeedAlertStatus.CLAIMED
        ).update(status=NeedAlertStatus.PENDING, claim_token="", claimed_at=None)
        connection.close()
    return handed_over, server_down


def _deliver_in_transactions(need: Need, alerts, token: str, connection) -> int:
    """With a transactional mail backend (portal.mail.OutboxEmailBackend) each email and its
    row's ``sent`` mark commit together: a worker killed at any point leaves the row claimed,
    and the redelivered chunk sends it once. No ``uncertain`` row can arise."""
    handed_over = 0
    challenges: dict[str, object] = {}
    try:
        for alert in alerts:
            language = alert.volunteer.language
            if language not in challenges:
                challenges[language] = localized_challenge(need.challenge, language)
            with transaction.atomic():
                marked = NeedAlert.objects.filter(
                    pk=alert.pk, claim_token=token, status=NeedAlertStatus.CLAIMED
                ).update(status=NeedAlertStatus.SENT, sent_at=timezone.now())
                if not marked:  # our claim was taken over: stop here
                    break
                alert_message(alert, need, challenges[language], connection=connection).send()
            handed_over += 1
    finally:
        NeedAlert.objects.filter(
            pk__in=[alert.pk for alert in alerts], claim_token=token, status=NeedAlertStatus.CLAIMED
        ).update(status=NeedAlertStatus.PENDING, claim_token="", claimed_at=None)
    return handed_over


# --- The message and the mute link ---------------------------------------------------------


def mute_token(volunteer_id: int) -> str:
    return signing.Signer(salt=MUTE_SALT).sign(str(volunteer_id))


def read_mute_token(token: str) -> int | None:
    try:
        return int(signing.Signer(salt=MUTE_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None


def mute_url(volunteer_id: int, language: str) -> str:
    return absolute_reverse("matching:mute_alerts", language, mute_token(volunteer_id))


def alert_message(alert: NeedAlert, need: Need, challenge, *, connection=None) -> notify.Email:
    """One volunteer's email, in their language."""
    volunteer = alert.volunteer
    language = volunteer.language
    distance_km = None
    if volunteer.has_point and need.latitude is not None:
        distance_km = geo.great_circle_km(
            volunteer.latitude, volunteer.longitude, need.latitude, need.longitude
        )
    unmute = mute_url(volunteer.pk, language)
    return notify.message(
        to=volunteer.user.email,
        language=language,
        subject=_("Besoin urgent près de chez vous : %(title)s"),
        subject_params={"title": need.title},
        template="matching/email/urgent_need.txt",
        context={
            "first_name": volunteer.user.first_name,
            "need": need,
            "challenge": challenge,
            "distance_km": round(distance_km) if distance_km is not None else None,
            "need_url": absolute_reverse("matching:need_detail", language, need.pk),
            "mute_url": unmute,
        },
        connection=connection,
        headers={"List-Unsubscribe": f"<{unmute}>"},
    )


@transaction.atomic
def mute_alerts(volunteer_id: int) -> bool:
    """The volunteer stops receiving urgent alerts; False when the profile is gone."""
    return bool(
        VolunteerProfile.objects.filter(pk=volunteer_id).update(
            urgent_alerts=False, updated_at=timezone.now()
        )
    )
