"""Fixtures of the portal layer's tests."""

from wagtail.models import Site

import pytest

from home.models import StandardPage


@pytest.fixture
def standard_page(db):
    home = Site.objects.get(is_default_site=True).root_page
    page = StandardPage(title="Une page de passage", slug="page-de-passage")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
