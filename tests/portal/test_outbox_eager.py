"""portal.outbox.dispatch on the embedded default (Celery eager): the task runs in-process
as Celery's eager apply would run it, without Celery's per-call tracer."""

import pytest
from celery import shared_task
from celery.exceptions import Retry
from kombu.exceptions import EncodeError

from portal import outbox

ATTEMPTS = []


@shared_task(bind=True, max_retries=2, name="tests.portal.flaky")
def flaky(self, label, *, succeed_at=None):
    ATTEMPTS.append((label, self.request.retries, self.request.is_eager))
    if succeed_at is not None and self.request.retries >= succeed_at:
        return "done"
    raise self.retry(exc=ValueError(label), countdown=60)


@shared_task(name="tests.portal.fails")
def fails(label):
    raise KeyError(label)


@pytest.fixture(autouse=True)
def attempts():
    ATTEMPTS.clear()
    return ATTEMPTS


def test_the_task_runs_at_once_with_an_eager_request(attempts):
    assert flaky.app.conf.task_always_eager
    assert outbox.dispatch(flaky, "a", succeed_at=0) is True
    assert attempts == [("a", 0, True)]


@pytest.mark.parametrize("succeed_at", [None, 1])
def test_a_task_asking_to_be_retried_raises_retry_as_under_celerys_eager_apply(
    attempts, succeed_at
):
    with pytest.raises(Retry) as ours:
        outbox.dispatch(flaky, "ours", succeed_at=succeed_at)
    with pytest.raises(Retry) as celerys:
        flaky.apply_async(("celery's",), {"succeed_at": succeed_at})
    assert attempts == [("ours", 0, True), ("celery's", 0, True)]
    assert ours.value.when == celerys.value.when == 60
    assert str(ours.value.exc) == "ours"


def test_its_errors_propagate_and_nothing_is_kept_for_them():
    with pytest.raises(KeyError):
        outbox.dispatch(fails, "d")


def test_arguments_a_worker_could_not_read_are_refused_as_on_a_worker():
    with pytest.raises(EncodeError):
        outbox.dispatch(fails, object())
