"""Placing volunteers: open cohorts with room, new cohorts when a trained coordinator is free,
else the waiting list of their pool.

A *pool* is (challenge, language, area, start date, sponsor key): a sponsor's employees fill
the sponsor's dedicated cohorts (``Cohort.sponsor_key``), never the public ones, and the other
way round (see ``sponsorship``). Everyone confirmed joins the back of their
pool's queue, then the queue drains in order into cohorts with room and into new cohorts, one per
free trained coordinator: nobody overtakes a person already waiting. Every change to a pool runs
inside a transaction holding the pool's lock (a PostgreSQL advisory lock; SQLite serialises
writers already), so capacities and waiting positions stay exact under concurrent sign-ups.
Waiting positions are 1..n without gaps in every pool. Someone whose département has no place
that week is placed in a remote cohort of the week with room: a person waits only when no
cohort that matches (local or remote) has a place and no local coordinator is free.
"""

import datetime
import zlib
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from portal import mail
from programme.areas import REMOTE
from programme.models import (
    Cohort,
    CohortStatus,
    Coordinator,
    Membership,
    MembershipStatus,
)
from programme.services import emails, sponsorship
from programme.services.impact import bump_counter

ADVISORY_LOCK_NAMESPACE = 6006
MAX_CAPACITY = 50  # Cohort.capacity's validator


@dataclass(frozen=True)
class Pool:
    challenge_id: int
    language: str
    area: str
    start_date: datetime.date
    sponsor_key: str = ""

    @classmethod
    def of(cls, obj: Membership | Cohort) -> "Pool":
        key = obj.sponsor_key if isinstance(obj, Cohort) else sponsorship.sponsor_key_of(obj)
        return cls(obj.challenge_id, obj.language, obj.area, obj.start_date, key)

    def lookup(self) -> dict:
        """The fields cohorts and memberships share (the sponsor is filtered apart)."""
        return {
            "challenge_id": self.challenge_id,
            "language": self.language,
            "area": self.area,
            "start_date": self.start_date,
        }

    def cohorts(self) -> QuerySet:
        return Cohort.objects.filter(**self.lookup(), sponsor_key=self.sponsor_key)

    def memberships(self) -> QuerySet:
        return Membership.objects.filter(**self.lookup()).filter(
            sponsorship.in_pool_of(self.sponsor_key)
        )

    def remote(self) -> "Pool":
        """The same week online: where someone goes when their département has no place."""
        return Pool(self.challenge_id, self.language, REMOTE, self.start_date, self.sponsor_key)


def lock_pool(pool: Pool) -> None:
    """Serialise changes to one pool until the end of the current transaction."""
    if connection.vendor != "postgresql":
        return  # SQLite: transactions are IMMEDIATE, writers are already serialised.
    key = zlib.crc32(repr(pool).encode()) - 2**31
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [ADVISORY_LOCK_NAMESPACE, key])


def available_coordinators(pool: Pool) -> QuerySet:
    """Trained coordinators of the pool's challenge and language, free that week.

    A département cohort needs a coordinator of that département; a remote cohort (all online)
    can be led by any of them, those who chose "remote" first. A sponsor's pool takes the
    sponsor's own internal mobilisers first. Editors may still book anyone by hand in the admin.
    """
    # A cohort cancelled that week still counts: its coordinator could not lead it.
    busy = Cohort.objects.filter(coordinator=OuterRef("pk"), start_date=pool.start_date)
    coordinators = (
        Coordinator.objects.filter(
            language=pool.language,
            trainings__challenge_id=pool.challenge_id,
            trainings__completed_on__isnull=False,
        )
        .exclude(Exists(busy))
        .annotate(
            other_area=Case(
                When(area=pool.area, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .select_related("user")
        .order_by("other_area", "trainings__completed_on", "pk")
    )
    if pool.sponsor_key:
        coordinators = coordinators.annotate(
            own_mobiliser=sponsorship.is_mobiliser_of(pool.sponsor_key)
        ).order_by("-own_mobiliser", "other_area", "trainings__completed_on", "pk")
    if pool.area != REMOTE:
        coordinators = coordinators.filter(area=pool.area)
    return coordinators


def cohorts_with_room(pool: Pool) -> QuerySet:
    return (
        pool.cohorts()
        .filter(status=CohortStatus.FORMING)
        .annotate(
            members=Count("memberships", filter=Q(memberships__status=MembershipStatus.PLACED))
        )
        .filter(members__lt=F("capacity"))
        .order_by("created_at", "pk")
    )


def waiting_list(pool: Pool) -> QuerySet:
    return pool.memberships().filter(status=MembershipStatus.WAITING).order_by("waiting_position")


def _open_cohort(pool: Pool) -> Cohort | None:
    """A new cohort led by the first free trained coordinator, or None when nobody is free."""
    for coordinator in available_coordinators(pool)[:20]:
        try:
            with transaction.atomic():
                cohort = Cohort.objects.create(
                    coordinator=coordinator, **pool.lookup(), sponsor_key=pool.sponsor_key
                )
        except IntegrityError:
            continue  # booked for that week by a concurrent placement in another pool
        mail.after_commit(lambda c=cohort: emails.send_cohort_opened(c))
        return cohort
    return None


def _fill(cohort: Cohort, queue: list, members: int, now, quiet: set) -> list:
    """Move the head of ``queue`` into ``cohort`` up to its capacity; returns who moved."""
    moving, queue[:] = (
        queue[: cohort.capacity - members],
        queue[cohort.capacity - members :],
    )
    if not moving:
        return []
    Membership.objects.filter(pk__in=[m.pk for m in moving]).update(
        status=MembershipStatus.PLACED, cohort=cohort, waiting_position=None, placed_at=now
    )
    if members + len(moving) >= cohort.capacity:
        cohort.status = CohortStatus.FULL
        cohort.filled_at = now
        cohort.save(update_fields=["status", "filled_at"])
        mail.after_commit(lambda c=cohort: emails.send_cohort_full(c))
    for membership in moving:
        if membership.pk not in quiet:
            mail.after_commit(lambda m=membership.pk: emails.send_placed(m))
    return moving


def drain(pool: Pool, *, now=None, quiet: frozenset = frozenset()) -> int:
    """Place the head of the pool's waiting list into cohorts with room, then into new cohorts
    while trained coordinators are free. Returns how many were placed. Call under lock_pool.

    The usual case (a cohort has room, one person waits) costs a handful of queries; free
    coordinators are only looked for when people wait beyond the existing room.
    """
    now = now or timezone.now()
    quiet = set(quiet)
    with_room = list(cohorts_with_room(pool))
    room = sum(c.capacity - c.members for c in with_room)
    placed = 0
    if room:
        queue = list(waiting_list(pool).select_related("user")[:room])
        for cohort in with_room:
            placed += len(_fill(cohort, queue, cohort.members, now, quiet))
    while True:
        head = list(waiting_list(pool).select_related("user")[:MAX_CAPACITY])
        if not head:
            break
        cohort = _open_cohort(pool)
        if cohort is None:
            break
        placed += len(_fill(cohort, head, 0, now, quiet))
    if placed:
        waiting_list(pool).update(waiting_position=F("waiting_position") - placed)
    return placed


def _close_gap(pool: Pool, position: int | None) -> None:
    """Someone left the waiting list at ``position``: those behind move up one place."""
    if position:
        waiting_list(pool).filter(waiting_position__gt=position).update(
            waiting_position=F("waiting_position") - 1
        )


def _append_to_waiting_list(membership: Membership, pool: Pool) -> None:
    last = (
        waiting_list(pool)
        .order_by("-waiting_position")
        .values_list("waiting_position", flat=True)
        .first()
    )
    membership.status = MembershipStatus.WAITING
    membership.cohort = None
    membership.waiting_position = (last or 0) + 1
    membership.save(update_fields=["status", "cohort", "waiting_position", "confirmed_at"])


@transaction.atomic
def confirm_and_place(membership: Membership, *, now=None, notify: bool = False) -> Membership:
    """A confirmed volunteer joins their pool: a cohort with room, a new cohort, the week's
    remote cohorts when their département has no place (``moved_to_remote`` is then True), or
    the waiting list when every matching cohort is full (their position is ``waiting_position``).
    """
    now = now or timezone.now()
    pool = Pool.of(membership)
    lock_pool(pool)
    first_time = not Membership.objects.filter(
        user_id=membership.user_id, confirmed_at__isnull=False
    ).exists()
    membership.confirmed_at = membership.confirmed_at or now
    quiet = frozenset() if notify else frozenset({membership.pk})
    _append_to_waiting_list(membership, pool)
    drain(pool, now=now, quiet=quiet)
    membership.refresh_from_db()
    membership.moved_to_remote = False
    if membership.status == MembershipStatus.WAITING and pool.area != REMOTE:
        membership.moved_to_remote = _move_to_remote(membership, pool, now=now, quiet=quiet)
    if first_time:
        bump_counter("volunteers", 1)
    return membership


def _move_to_remote(membership: Membership, pool: Pool, *, now, quiet) -> bool:
    """The département has no place and nobody there can open a cohort: the person joins a
    remote cohort of the week that has room (else they keep their local position). Remote
    cohorts are opened by remote sign-ups only, so no département loses its coordinators."""
    remote = pool.remote()
    lock_pool(remote)
    if not cohorts_with_room(remote).exists():
        return False
    _close_gap(pool, membership.waiting_position)
    membership.area = REMOTE
    membership.save(update_fields=["area"])
    _append_to_waiting_list(membership, remote)
    drain(remote, now=now, quiet=quiet)
    membership.refresh_from_db()
    return True


@transaction.atomic
def cancel_membership(membership: Membership, *, now=None) -> None:
    """Leave the week: frees a place (taken by the first waiting) or a waiting position."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.status == MembershipStatus.CANCELLED:
        return
    pool = Pool.of(membership)
    lock_pool(pool)
    previous, position, cohort = membership.status, membership.waiting_position, membership.cohort
    membership.status = MembershipStatus.CANCELLED
    membership.waiting_position = None
    membership.save(update_fields=["status", "waiting_position"])
    if previous == MembershipStatus.WAITING:
        _close_gap(pool, position)
    elif previous == MembershipStatus.PLACED and cohort and cohort.status == CohortStatus.FULL:
        cohort.status = CohortStatus.FORMING
        cohort.save(update_fields=["status"])
    if previous == MembershipStatus.PLACED and cohort and cohort.status == CohortStatus.FORMING:
        drain(pool, now=now)


@transaction.atomic
def after_cohort_saved(cohort: Cohort, *, now=None) -> int:
    """An editor created or changed a cohort: it takes the head of its pool's waiting list."""
    pool = Pool.of(cohort)
    lock_pool(pool)
    if cohort.status == CohortStatus.CANCELLED:
        return _cancel_cohort(cohort, pool)
    return drain(pool, now=now)


def _cancel_cohort(cohort: Cohort, pool: Pool) -> int:
    """Members of a cancelled cohort go back to the front of the waiting list, in order."""
    members = list(
        cohort.memberships.filter(status=MembershipStatus.PLACED).order_by("placed_at", "pk")
    )
    if not members:
        return 0
    waiting_list(pool).update(waiting_position=F("waiting_position") + len(members))
    for position, membership in enumerate(members, start=1):
        membership.status = MembershipStatus.WAITING
        membership.cohort = None
        membership.waiting_position = position
    Membership.objects.bulk_update(members, ["status", "cohort", "waiting_position"])
    drain(pool)
    return len(members)


def open_cohorts_for_coordinator(
    coordinator: Coordinator, *, today=None, now=None
) -> Cohort | None:
    """A newly trained (or freed) coordinator opens a cohort for the earliest upcoming week
    whose waiting list they can take (longest waiting list first); returns it, or None."""
    today = today or timezone.localdate()
    trained = coordinator.trainings.filter(completed_on__isnull=False).values("challenge_id")
    pools = (
        Membership.objects.filter(
            status=MembershipStatus.WAITING,
            start_date__gt=today,
            language=coordinator.language,
            challenge_id__in=trained,
        )
        .filter(Q(area=coordinator.area) | Q(area=REMOTE))
        .values("challenge_id", "language", "area", "start_date", sponsorship.KEY_LOOKUP)
        .annotate(waiting=Count("pk"))
        .order_by("start_date", "-waiting")
    )
    for row in pools:
        pool = Pool(
            row["challenge_id"],
            row["language"],
            row["area"],
            row["start_date"],
            row[sponsorship.KEY_LOOKUP] or "",
        )
        with transaction.atomic():
            lock_pool(pool)
            if not available_coordinators(pool).filter(pk=coordinator.pk).exists():
                continue
            drain(pool, now=now)
            cohort = pool.cohorts().filter(coordinator=coordinator).first()
        if cohort is not None:
            return cohort
    return None
