"""Sponsors in a real browser, in French and English: the branded page themed by its own
stylesheet (CSP allows no inline style) with zero serious/critical axe violations, the index
and the enquiry form, an employee signing up with the company domain (and an outsider refused),
and the dashboard of the sponsor's contact.

The server is the suite's own (demo data: Pharmacies du Cœur is the thematic sponsor, its
employees use @pharmacies-du-coeur.example and its contact is direction@…).
"""

import re
import uuid

from django.urls import reverse
from django.utils import translation

import pytest
from playwright.sync_api import Page, expect

from tests.e2e import axe
from tests.e2e.browser import problems_of

pytestmark = pytest.mark.browser

SPONSOR = "Pharmacies du Cœur"
BRANDED = {"fr": "/fr/sponsors/pharmacies-du-coeur/", "en": "/en/sponsors/pharmacies-du-coeur/"}
INDEX = {"fr": ("/fr/sponsors/", "Nos sponsors"), "en": ("/en/sponsors/", "Our sponsors")}
CONTACT = "direction@pharmacies-du-coeur.example"
PASSWORD = "Une-phrase-de-passe-e2e-solide"
YELLOW = "rgb(255, 209, 102)"  # #ffd166, the sponsor's brand colour


def path_in(lang: str, name: str, *args) -> str:
    with translation.override(lang):
        return reverse(name, args=args)


def sponsor_pk(server, lang: str) -> int:
    rows = server.query(
        "SELECT p.id FROM wagtailcore_page p JOIN wagtailcore_locale l ON l.id = p.locale_id"
        " WHERE p.slug = 'pharmacies-du-coeur' AND l.language_code = ?",
        (lang,),
    )
    return rows[0]["id"]


def check_axe(page: Page) -> None:
    if axe.AXE_JS.exists():
        axe.assert_no_serious_axe_violations(page)


def submit(page: Page) -> None:
    page.locator("main form.form button[type=submit]").first.click()
    page.wait_for_load_state()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_branded_page_is_themed_accessible_and_leads_employees_to_sign_up(
    page, assert_no_serious_axe_violations, lang
):
    response = page.goto(BRANDED[lang])
    assert response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_have_text(SPONSOR)
    expect(page.locator(".sponsor-banner")).to_have_css("background-color", YELLOW)
    expect(page.locator(".sponsor-banner img")).to_have_attribute("alt", re.compile(SPONSOR))
    expect(page.locator(".sponsor-figures li")).not_to_have_count(0)
    expect(page.locator("[style]")).to_have_count(0)
    page.locator("main a.button").first.click()
    page.wait_for_load_state()
    expect(page.locator(".sponsor-banner")).to_have_css("background-color", YELLOW)
    expect(page.locator("#id_company_code")).to_be_visible()
    assert problems_of(page) == []  # no CSP refusal, no failed stylesheet
    page.goto(BRANDED[lang])
    assert_no_serious_axe_violations(page)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_index_and_the_enquiry_form_pass_axe(page, assert_no_serious_axe_violations, lang):
    path, title = INDEX[lang]
    assert page.goto(path).status == 200
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator("main .card")).to_have_count(3)
    check_axe(page)
    page.locator("main a.button").last.click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("#id_organisation")).to_be_visible()
    assert problems_of(page) == []
    assert_no_serious_axe_violations(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_an_employee_signs_up_with_the_company_domain_and_an_outsider_is_refused(
    new_page, live_server_process, javascript
):
    server = live_server_process
    page = new_page(javascript=javascript)
    run = uuid.uuid4().hex[:8]
    page.goto(path_in("fr", "sponsors:employee_sign_up", sponsor_pk(server, "fr")))
    page.locator("#id_first_name").fill("Léa")
    page.locator("#id_email").fill(f"outsider-{run}@example.org")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("input[name=challenge]").first.check()
    page.locator("#id_consent").check()
    submit(page)
    error = page.locator(".field", has=page.locator("#id_company_code")).locator(".errorlist")
    expect(error).to_contain_text("réservé aux salarié·es")
    email = f"employee-{run}@pharmacies-du-coeur.example"
    page.locator("#id_email").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    submit(page)
    expect(page).to_have_url(re.compile(re.escape(path_in("fr", "account_sent"))))
    stored = server.run_python(
        "from programme.models import Membership\n"
        f"m = Membership.objects.select_related('sponsor_link').get(user__email={email!r})\n"
        "result = m.sponsor_link.sponsor_key"
    )
    assert stored
    # The refused attempt answered 400 on purpose; nothing else went wrong.
    assert [p for p in problems_of(page) if not p.startswith("HTTP 400 POST")] == []


def test_the_contact_sees_the_dashboard_and_downloads_the_csv(
    page, live_server_process, assert_no_serious_axe_violations
):
    server = live_server_process
    server.run_python(
        "from django.contrib.auth import get_user_model\n"
        f"user = get_user_model().objects.get(username={CONTACT!r})\n"
        f"user.set_password({PASSWORD!r})\n"
        "user.save()\n"
    )
    dashboard = path_in("fr", "sponsors:dashboard", sponsor_pk(server, "fr"))
    page.goto(f"{path_in('fr', 'login')}?next={dashboard}")
    page.locator("input[name=username]").fill(CONTACT)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()
    page.wait_for_load_state()
    expect(page).to_have_url(re.compile(re.escape(dashboard) + "$"))
    expect(page.locator("h1")).to_contain_text(SPONSOR)
    expect(page.locator("main table")).to_be_visible()
    with page.expect_download() as download:
        page.locator("main a[download]").click()
    assert download.value.suggested_filename.endswith(".csv")
    assert problems_of(page) == []
    assert_no_serious_axe_violations(page)
