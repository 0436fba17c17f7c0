"""No volunteer's personal data leaves the server through public pages, the public API or the
logs: a volunteer with distinctive data pledges, reports a need and has a profile; then every
page reachable from both home pages (links followed) and every public API answer is read, and
none of it holds their email, names, phone, postcode or precise point."""

import json
import logging
import re
from collections import deque
from urllib.parse import urldefrag, urlparse

from django.contrib.auth import get_user_model

import pytest

from matching import services
from matching.models import ContactChannel, GeocodingStatus, Need, NeedReport, VolunteerProfile

pytestmark = pytest.mark.django_db

EMAIL = "zebulon.confidentiel@volunteer.example"
FIRST_NAME = "Zébulonix"
LAST_NAME = "Confidentielovitch"
PHONE = "+33 6 98 76 54 32"
POSTCODE = "97133"  # Saint-Barthélemy: no place of the demo uses it
POINT = (17.897123, -62.849876)
MAX_PAGES = 600
SKIPPED_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/", "/i18n/", "/django-admin/")
SKIPPED_SUFFIXES = (".css", ".js", ".png", ".jpg", ".jpeg", ".svg", ".webp", ".ico", ".woff2")


@pytest.fixture
def secret_volunteer():
    user = get_user_model().objects.create_user(
        username=EMAIL, email=EMAIL, first_name=FIRST_NAME, last_name=LAST_NAME, password="x"
    )
    profile = VolunteerProfile.objects.create(user=user, postcode=POSTCODE, phone=PHONE)
    VolunteerProfile.objects.filter(pk=profile.pk).update(
        latitude=POINT[0], longitude=POINT[1], geocoding_status=GeocodingStatus.OK
    )
    needs = list(Need.objects.filter(status="open", quantity_wanted__gt=5).order_by("pk")[:3])
    for need, channel in zip(needs, ContactChannel.values, strict=False):
        services.pledge(volunteer=profile, need_id=need.pk, quantity=1, contact_channel=channel)
    NeedReport.objects.create(need=needs[0], reporter=user, reason="wrong", message=PHONE)
    return user


def _secrets() -> list[str]:
    lat, lon = POINT
    return [
        EMAIL,
        EMAIL.replace("@", "&#64;"),
        FIRST_NAME,
        LAST_NAME,
        PHONE,
        PHONE.replace(" ", ""),
        POSTCODE,
        f"{lat:.4f}",
        f"{lon:.4f}",
    ]


def _links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def _internal(url: str) -> str | None:
    url = urldefrag(url)[0].replace("&amp;", "&")
    parsed = urlparse(url)
    if parsed.scheme not in ("", "http", "https") or parsed.netloc not in ("", "testserver"):
        return None
    path = parsed.path
    if not path.startswith("/") or path.startswith(SKIPPED_PREFIXES):
        return None
    if path.endswith(SKIPPED_SUFFIXES) or "deconnexion" in path or "logout" in path:
        return None
    return path + (f"?{parsed.query}" if parsed.query else "")


def _crawl(client, starts: list[str]) -> dict[str, bytes]:
    seen, queue, bodies = set(starts), deque(starts), {}
    while queue and len(bodies) < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url, follow=True)
        assert response.status_code < 500, url
        bodies[url] = response.content
        if "html" not in response.get("Content-Type", ""):
            continue
        for link in _links(response.content.decode("utf-8", "replace")):
            internal = _internal(link)
            if internal and internal not in seen:
                seen.add(internal)
                queue.append(internal)
    return bodies


def _api_answers(client, volunteer) -> dict[str, bytes]:
    need_ids = list(volunteer.volunteer_profile.pledges.values_list("need_id", flat=True))
    urls = [
        "/api/v1/schema/",
        "/api/v1/actions/",
        "/api/v1/needs/?postcode=75011&radius_km=200&limit=100",
        f"/api/v1/needs/?lat={POINT[0]}&lon={POINT[1]}&radius_km=200&limit=100",
        f"/api/v1/geocode/?q={POSTCODE}",
        "/api/v1/cms/pages/?limit=100",
        *[f"/fr/besoins/{need_id}/" for need_id in need_ids],
        *[f"/en/needs/{need_id}/" for need_id in need_ids],
    ]
    answers = {url: client.get(url, follow=True).content for url in urls}
    pages = json.loads(answers["/api/v1/cms/pages/?limit=100"]).get("items", [])
    for page in pages:
        url = f"/api/v1/cms/pages/{page['id']}/"
        answers[url] = client.get(url).content
    return answers


def test_no_public_page_or_api_answer_shows_a_volunteers_personal_data(
    client, secret_volunteer, caplog
):
    caplog.set_level(logging.DEBUG)
    bodies = _crawl(client, ["/fr/", "/en/"])
    bodies.update(_api_answers(client, secret_volunteer))
    assert len(bodies) > 50, "the crawl should reach the whole demo site"
    leaks = [
        (url, secret)
        for url, body in bodies.items()
        for secret in _secrets()
        if secret != POSTCODE or "/geocode/" not in url  # the query echoed back is the asker's
        if secret.encode() in body
    ]
    assert leaks == []
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert [secret for secret in _secrets() if secret in logged] == []
