"""Every public page carries a Content-Security-Policy that forbids inline script."""

import re

from wagtail.models import Page

import pytest

from tests.crawl import crawl

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


def _strict_policy(url, response):
    if "html" not in response.get("Content-Type", ""):
        return
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy, url
    html = response.content.decode()
    # Scripts load from files; JSON data blocks (Wagtail's user bar) are not executed.
    assert not re.search(r"<script(?![^>]*\b(src=|type=\"application/json\"))[^>]*>", html), url
    assert " style=" not in html, url


@pytest.mark.parametrize("who", ["anonymous", "volunteer", "partner"])
def test_every_page_reachable_from_home_or_a_personal_space_has_the_strict_policy(
    client, django_user_model, who
):
    """Crawled from both home pages and, signed in, from the volunteer or partner space: the
    non-page views (directory, near-me, spaces, forms) as well as Wagtail's pages."""
    starts = ["/fr/", "/en/"]
    if who != "anonymous":
        user = django_user_model.objects.create_user(f"{who}@example.org", f"{who}@example.org")
        client.force_login(user)
        if who == "partner":
            from challenges.models import PartnerPage
            from partners.models import PartnerMember

            partner = PartnerPage.objects.filter(locale__language_code="fr").first()
            PartnerMember.objects.create(user=user, partner=partner, role="owner")
            starts = ["/fr/espace-partenaire/", "/en/partner-space/"]
        else:
            from matching.models import VolunteerProfile

            VolunteerProfile.objects.create(user=user)
            starts = ["/fr/mon-espace/", "/en/my-space/"]
    pages = crawl(client, starts, check=_strict_policy)
    assert len(pages) > (50 if who == "anonymous" else 10)
