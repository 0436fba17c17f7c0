"""Fixtures of the shared layer's tests."""

from django.core.cache import cache

import pytest

from portal import publication_memo


@pytest.fixture
def memo_on(settings):
    """Values kept per process and publication, as in production (tests run with the memo off)."""
    settings.PUBLICATION_MEMO_SECONDS = 300
    publication_memo.clear()
    cache.clear()
    yield
    publication_memo.clear()
