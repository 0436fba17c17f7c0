"""Every form of the site, found by crawling it (anonymous, as a volunteer, as a partner), posted
with hostile values for each of its fields: any Unicode, huge strings, NUL bytes, NaN, numbers
out of range, malformed dates, mixed with the field's own valid options. Never a 500."""

import os
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

from django.core.cache import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.crawl import crawl
from tests.hardening.strategies import hostile_text

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("HARDENING_MAX_EXAMPLES", "12"))
SKIPPED_ACTIONS = ("/admin/", "/i18n/", "deconnexion", "logout")


class FormParser(HTMLParser):
    """The POST forms of a page: action, and for each field its valid values (if it has any)."""

    def __init__(self, page_url: str):
        super().__init__()
        self.page_url, self.forms, self.current, self.select = page_url, [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            action = urljoin(self.page_url, attrs.get("action") or self.page_url)
            self.current = {"action": urlparse(action).path, "fields": {}}
            self.forms.append(self.current)
        elif self.current is not None and attrs.get("name"):
            name = attrs["name"]
            if name == "csrfmiddlewaretoken":
                return
            values = self.current["fields"].setdefault(name, [])
            if tag == "select":
                self.select = values
            elif attrs.get("value") is not None:
                values.append(attrs["value"])
        elif tag == "option" and self.select is not None and attrs.get("value") is not None:
            self.select.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None


def _forms(client, starts) -> list[dict]:
    found = {}
    for url, body in crawl(client, starts).items():
        parser = FormParser(url)
        parser.feed(body.decode("utf-8", "replace"))
        for form in parser.forms:
            if form["action"].startswith(SKIPPED_ACTIONS) or any(
                skipped in form["action"] for skipped in SKIPPED_ACTIONS
            ):
                continue
            # One of each kind: the pledge form of every need crawled is the same form.
            key = (re.sub(r"\d+", "N", form["action"]), tuple(sorted(form["fields"])))
            found.setdefault(key, form)
    return list(found.values())


def _values(options: list[str]):
    hostile = hostile_text()
    return st.one_of(hostile, st.sampled_from(options)) if options else hostile


def _fuzz(client, form):
    fields = st.fixed_dictionaries({name: _values(opts) for name, opts in form["fields"].items()})

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=fields)
    def post(data):
        cache.clear()  # a 429 must not hide a 500
        response = client.post(form["action"], data)
        assert response.status_code < 500, (form["action"], data)

    post()


def _sign_in(client, django_user_model, who: str):
    user = django_user_model.objects.create_user(
        f"fuzz-{who}@example.org", f"fuzz-{who}@example.org", "fuzz-password", first_name="Fuzz"
    )
    client.force_login(user)
    if who == "partner":
        from challenges.models import PartnerPage
        from partners.models import PartnerMember

        partner = PartnerPage.objects.filter(locale__language_code="fr").first()
        PartnerMember.objects.create(user=user, partner=partner, role="owner")
        return ["/fr/espace-partenaire/"]
    from matching.models import VolunteerProfile

    VolunteerProfile.objects.create(user=user, postcode="75011")
    return ["/fr/mon-espace/", "/fr/pres-de-chez-moi/?q=75011"]


@pytest.mark.parametrize("who", ["anonymous", "volunteer", "partner"])
def test_every_form_survives_hostile_values(client, django_user_model, who):
    client.raise_request_exception = False
    starts = ["/fr/", "/en/"] if who == "anonymous" else _sign_in(client, django_user_model, who)
    forms = _forms(client, starts)
    assert len(forms) >= {"anonymous": 4, "volunteer": 4, "partner": 4}[who], forms
    for form in forms:
        _fuzz(client, form)
