"""The programme in a real browser, in French and English, with and without JavaScript:
sign up for a week, confirm the address from the email, see one's place, report an action.

The server is the suite's own (demo data; nobody coordinates the local farmers challenge, so a
new volunteer lands on its waiting list with a position). Stored data is checked on the
server's database through ``live_server_process.run_python``.
"""

import re
import uuid

from django.urls import reverse
from django.utils import translation

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browser import problems_of

pytestmark = pytest.mark.browser

FARMERS = {"fr": "Donnons la pêche à nos fermier·es", "en": "Let's back our farmers"}
FARMERS_METRIC = {"fr": "producteurs soutenus", "en": "producers supported"}
CASES = [("fr", True), ("en", True), ("fr", False), ("en", False)]
IDS = ["fr", "en", "fr-nojs", "en-nojs"]


def url_in(lang: str, name: str) -> str:
    """The page's path in that language (English paths come from the catalogue)."""
    with translation.override(lang):
        return reverse(name)


def path_in(lang: str, name: str) -> str:
    return url_in(lang, f"programme:{name}")


def submit(page: Page) -> None:
    page.locator("main form.form button[type=submit]").click()
    page.wait_for_load_state()


def confirmation_path(server, email: str) -> str:
    messages = [m for m in server.emails() if m["To"] == email]
    assert len(messages) == 1, [m["Subject"] for m in messages]
    body = messages[0].get_body(preferencelist=("plain",)).get_content()
    return re.search(r"https?://[^/\s]+(/\S+)", body).group(1)


def stored(server, email: str) -> dict:
    return server.run_python(
        "from django.contrib.auth import get_user_model\n"
        "from programme.models import ImpactReport, Membership\n"
        f"user = get_user_model().objects.get(email={email!r})\n"
        "m = Membership.objects.get(user=user)\n"
        "result = {'active': user.is_active, 'status': m.status, 'position': m.waiting_position,\n"
        "          'language': m.language, 'area': m.area,\n"
        "          'challenge_lang': m.challenge.locale.language_code,\n"
        "          'reports': list(ImpactReport.objects.filter(user=user)\n"
        "                          .values_list('unit', 'quantity'))}"
    )


def sign_up(page: Page, server, lang: str, email: str, assert_axe) -> None:
    page.goto(f"/{lang}/programme/")
    page.locator("main .join-cta a.button").click()
    page.wait_for_load_state()
    assert page.url.endswith(path_in(lang, "sign_up"))
    expect(page.locator("h1")).to_have_count(1)
    assert_axe(page)

    page.get_by_role("radio", name=FARMERS[lang]).check()
    page.locator("#id_area").select_option("69")
    page.locator("main form.cohort-finder button[type=submit]").click()
    page.wait_for_load_state()
    page.locator("#id_start_date").select_option(index=2)
    page.locator(f"input[name=language][value={lang}]").check()
    page.locator("#id_first_name").fill("Camille")
    page.locator("#id_email").fill(email)
    page.locator("#id_password").fill("Une-phrase-de-passe-solide")
    page.locator("#id_consent").check()
    submit(page)

    assert page.url.endswith(url_in(lang, "account_sent"))
    expect(page.locator("main")).to_contain_text(email)
    assert stored(server, email)["active"] is False

    page.goto(confirmation_path(server, email))
    expect(page.locator("h1")).to_have_count(1)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url.endswith(url_in(lang, "volunteers:space"))


@pytest.mark.parametrize(("lang", "javascript"), CASES, ids=IDS)
def test_a_volunteer_signs_up_confirms_and_sees_their_waiting_position(
    new_page, live_server_process, assert_no_serious_axe_violations, lang, javascript
):
    page = new_page(javascript=javascript)
    email = f"e2e-{uuid.uuid4().hex[:10]}@example.org"
    sign_up(page, live_server_process, lang, email, assert_no_serious_axe_violations)

    data = stored(live_server_process, email)
    assert data["active"] is True
    assert (data["status"], data["language"], data["area"]) == ("waiting", lang, "69")
    assert data["challenge_lang"] == "fr"  # the same pool whatever the page's language
    expect(page.locator("main")).to_contain_text(FARMERS[lang])
    expect(page.locator("main .badge--waiting")).to_contain_text(str(data["position"]))
    assert problems_of(page) == []
    # The flash messages of base.html (<ul role="status">) fail axe's "listitem" rule: reported
    # to the lead (shared template); the space itself is checked once they are consumed.
    page.reload()
    assert_no_serious_axe_violations(page)


@pytest.mark.parametrize(("lang", "javascript"), CASES, ids=IDS)
def test_a_volunteer_reports_an_action_and_a_wrong_quantity_is_explained_next_to_the_field(
    new_page, live_server_process, assert_no_serious_axe_violations, lang, javascript
):
    page = new_page(javascript=javascript)
    email = f"e2e-{uuid.uuid4().hex[:10]}@example.org"
    sign_up(page, live_server_process, lang, email, lambda _page: None)

    page.locator(f"main a[href='{path_in(lang, 'report')}']").first.click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_count(1)
    metric = page.locator("#id_metric")
    metric.select_option(label=f"{FARMERS[lang]} — {FARMERS_METRIC[lang]}")
    page.locator("#id_quantity").fill("0")
    submit(page)

    quantity = page.locator("#id_quantity")
    expect(quantity).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".field", has=quantity).locator(".errorlist")).to_be_visible()
    expect(metric).to_have_value(metric.input_value())
    assert stored(live_server_process, email)["reports"] == []
    assert_no_serious_axe_violations(page)

    quantity.fill("3")
    submit(page)
    assert page.url.endswith(url_in(lang, "volunteers:space"))
    expect(page.locator("main .messages")).to_contain_text(FARMERS_METRIC[lang])
    expect(page.locator("main table")).to_contain_text(FARMERS_METRIC[lang])
    assert stored(live_server_process, email)["reports"] == [["producteurs-soutenus", 3]]
    assert [p for p in problems_of(page) if "HTTP 400" not in p] == []
