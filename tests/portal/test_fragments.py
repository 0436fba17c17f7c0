"""HTML fragments kept by the cache and by each process (portal.fragments): a warm fragment
costs no trip to the cache, every fragment is served at most ``ttl`` after it was rendered,
and what a process keeps stays bounded."""

from django.core.cache import cache

import pytest

from portal import fragments


@pytest.fixture
def rendered():
    """The keys rendered, in order, by ``draw``."""
    return []


def draw(keys, rendered, *, ttl=60, text="card"):
    def render(missing):
        rendered.extend(missing)
        return [f"<li>{text} {key}</li>" for key in missing]

    return fragments.fragments(keys, lambda key: key, render, ttl=ttl)


@pytest.fixture
def cache_reads(monkeypatch):
    reads = []
    get_many = cache.get_many

    def counting(keys, *args, **kwargs):
        reads.append(list(keys))
        return get_many(keys, *args, **kwargs)

    monkeypatch.setattr(cache, "get_many", counting)
    return reads


def test_warm_fragments_are_read_from_the_process_without_the_cache(rendered, cache_reads):
    first = draw(["a", "b"], rendered)
    assert cache_reads == [["a", "b"]] and rendered == ["a", "b"]
    assert draw(["b", "a", "c"], rendered) == [
        "<li>card b</li>",
        "<li>card a</li>",
        "<li>card c</li>",
    ]
    assert first == ["<li>card a</li>", "<li>card b</li>"]
    assert cache_reads == [["a", "b"], ["c"]]  # only the one the process did not keep
    assert rendered == ["a", "b", "c"]


def test_another_process_reads_the_cache_and_renders_nothing(rendered, cache_reads):
    draw(["a", "b"], rendered)
    fragments.forget()  # as another process sees it
    assert draw(["a", "b"], rendered) == ["<li>card a</li>", "<li>card b</li>"]
    assert rendered == ["a", "b"] and cache_reads[-1] == ["a", "b"]


def test_no_fragment_is_served_longer_than_its_ttl(rendered, monkeypatch):
    now = 1_000_000.0
    monkeypatch.setattr(fragments.time, "time", lambda: now)
    draw(["a"], rendered, ttl=60)
    now += 59
    fragments.forget()  # read back from the cache by another process, 59 s later
    assert draw(["a"], rendered, ttl=60, text="new") == ["<li>card a</li>"]
    now += 2  # 61 s after it was rendered: the process's copy is over too
    assert draw(["a"], rendered, ttl=60, text="new") == ["<li>new a</li>"]
    assert rendered == ["a", "a"]


def test_without_a_ttl_every_fragment_is_rendered(rendered, cache_reads):
    for _ in range(2):
        draw(["a"], rendered, ttl=0)
    assert rendered == ["a", "a"] and cache_reads == []


def test_the_process_keeps_a_bounded_number_of_fragments(rendered, monkeypatch):
    monkeypatch.setattr(fragments, "LOCAL_ENTRIES", 3)
    draw(["a", "b"], rendered)
    draw(["c", "d"], rendered)
    assert len(fragments._local) <= 3
    assert draw(["a", "b", "c", "d"], rendered) == [f"<li>card {key}</li>" for key in "abcd"]
    assert rendered == ["a", "b", "c", "d"]  # read back from the cache, not rendered again
