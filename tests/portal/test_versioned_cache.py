"""portal.versioned_cache: within a request a family's version is read from the cache once,
then remembered until the request ends; outside a request every call reads the cache."""

from django.core.cache import cache
from django.core.signals import request_finished, request_started

import pytest

from portal import page_cache, versioned_cache

KEY = "test-versioned-family"

# The request signals close old database connections, as they do for every request.
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_family():
    cache.delete(KEY)
    yield
    cache.delete(KEY)
    request_finished.send(sender=None)  # no test leaves a request open


@pytest.fixture
def reads(monkeypatch):
    """The keys read from the cache, in order."""
    keys = []
    original = cache.get

    def counting_get(key, *args, **kwargs):
        keys.append(key)
        return original(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting_get)
    return keys


def test_outside_a_request_each_call_reads_the_cache(reads):
    versioned_cache.version(KEY)
    cache.incr(KEY)  # another process publishes
    assert versioned_cache.version(KEY) == 2
    assert reads.count(KEY) >= 3  # the first read (missing, added, read back) and the second


def test_within_a_request_the_version_is_read_once_and_kept_until_it_ends(reads):
    versioned_cache.version(KEY)  # exists before the request
    request_started.send(sender=None)
    reads.clear()
    assert versioned_cache.version(KEY) == 1
    cache.incr(KEY)  # another process publishes while this request is served
    assert versioned_cache.version(KEY) == 1
    assert versioned_cache.version(KEY) == 1
    assert reads == [KEY]
    request_finished.send(sender=None)
    assert versioned_cache.version(KEY) == 2


def test_a_bump_during_the_request_moves_its_remembered_version(reads):
    request_started.send(sender=None)
    assert versioned_cache.version(KEY) == 1
    versioned_cache.bump(KEY)
    assert versioned_cache.version(KEY) == 2
    cache.delete(KEY)  # evicted: the bump starts again at 2
    versioned_cache.bump(KEY)
    assert versioned_cache.version(KEY) == 2
    assert cache.get(KEY) == 2


def test_each_request_reads_the_version_afresh():
    request_started.send(sender=None)
    assert versioned_cache.version(KEY) == 1
    request_finished.send(sender=None)
    cache.incr(KEY)
    request_started.send(sender=None)
    assert versioned_cache.version(KEY) == 2


def test_a_directory_page_reads_the_page_version_once(client, reads):
    client.get("/fr/actions/")  # warm: routes, options, facets
    reads.clear()
    response = client.get("/fr/actions/?sort=most-done")
    assert response.status_code == 200
    assert reads.count(page_cache.VERSION_KEY) == 1
