"""The impact counters are refreshed by a Celery task, eagerly and through a real worker."""

import time

from django.core.cache import cache

from wagtail.models import Site

import pytest

from home.models.programme_goals import counters_cache_key
from home.tasks import refresh_impact_counters


@pytest.mark.django_db
def test_refresh_task_fills_the_counters_cache():
    site = Site.objects.get(is_default_site=True)
    cache.delete(counters_cache_key(site.pk))
    refresh_impact_counters.delay()
    counters = cache.get(counters_cache_key(site.pk))
    assert counters["partners"].value == 6
    assert counters["volunteers"].goal == 15_000


@pytest.mark.celery_worker
@pytest.mark.services
def test_refresh_task_runs_on_a_real_worker_through_the_broker():
    site = Site.objects.get(is_default_site=True)
    key = counters_cache_key(site.pk)
    cache.delete(key)
    refresh_impact_counters.delay()
    deadline = time.monotonic() + 30
    while cache.get(key) is None and time.monotonic() < deadline:
        time.sleep(0.2)
    counters = cache.get(key)
    assert counters is not None, "the worker did not refresh the counters within 30 s"
    assert counters["partners"].value == 6
