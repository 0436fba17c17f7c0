"""The fan-out at the scale of issue #9: 100,000 volunteers around an urgent need are matched
and cut into chunks in seconds (the emails themselves are the chunks' business)."""

import time

from django.utils import timezone

import pytest

from matching.models import AlertRun, AlertRunStatus, NeedAlert
from matching.services import alerts
from tests.matching.alert_factories import create_volunteers, draft_urgent_need

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

VOLUNTEERS = 100_000
BUDGET_S = 30


def test_a_fan_out_to_100000_volunteers_is_prepared_in_chunks_within_seconds(settings):
    create_volunteers(VOLUNTEERS)
    need = draft_urgent_need()
    need.status, need.published_at = "open", timezone.now()
    need.save()
    chunks = []

    started = time.monotonic()
    alerts.start_run(need.pk, dispatch=lambda *chunk: chunks.append(chunk))
    elapsed = time.monotonic() - started

    run = AlertRun.objects.get(need=need)
    assert run.matched == NeedAlert.objects.filter(need=need).count() == VOLUNTEERS
    assert run.status == AlertRunStatus.SENDING
    assert len(chunks) == run.chunks == VOLUNTEERS // settings.URGENT_ALERTS_CHUNK_SIZE
    assert elapsed < BUDGET_S, f"the fan-out took {elapsed:.1f} s"
    print(f"fan-out of {VOLUNTEERS} volunteers: {elapsed:.2f} s")
