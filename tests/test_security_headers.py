"""Every public page carries a Content-Security-Policy that forbids inline script."""

import re

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db


def test_every_public_page_has_a_strict_csp_and_no_inline_script(client):
    for page in Page.objects.live().filter(depth__gt=1):
        response = client.get(page.url)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy
        assert "unsafe-inline" not in policy
        html = response.content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), page.url
        assert " style=" not in html, page.url
        assert response["X-Frame-Options"] == "SAMEORIGIN"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_the_admin_is_outside_the_public_policy(admin_client):
    assert "Content-Security-Policy" not in admin_client.get("/admin/")
