"""Two journeys of the one account, in a real browser (French and English, phone and desktop,
with and without JavaScript):

- programme sign-up in an area that has no cohort of its own but a remote one: the form lists
  the cohorts before submitting, the person confirms their address from the email and is
  placed in the remote cohort, and told so in their (one) space;
- a visitor on a need page creates an account (or signs in) and comes back to that need,
  signed in.

The demo has remote cohorts next week (French "soignants", English "seniors isolés") and no
cohort nor coordinator in the Rhône (69) for those challenges.
"""

import uuid

from django.urls import reverse
from django.utils import translation

import pytest
from playwright.sync_api import expect

from tests.e2e.accounts import PASSWORD, confirm_by_email, create_account
from tests.e2e.browser import problems_of
from tests.e2e.screens import VIEWPORTS, save_screenshot

pytestmark = pytest.mark.browser

# (language, viewport, JavaScript): every language, width and mode at least once.
CASES = [("fr", "phone", True), ("en", "desktop", True), ("fr", "desktop", False)]
CASES += [("en", "phone", False)]
IDS = [f"{lang}-{width}-{'js' if js else 'nojs'}" for lang, width, js in CASES]
REMOTE_WORD = {"fr": "à distance", "en": "remote"}


def path_in(lang: str, name: str) -> str:
    with translation.override(lang):
        return reverse(name)


def remote_cohort(server, lang: str) -> dict:
    """The demo's public remote cohort in ``lang`` next week: its challenge's title in the
    page's language, its week."""
    return server.run_python(
        "from programme.models import Cohort\n"
        "from programme.services.content import challenge_in_language\n"
        f"c = Cohort.objects.filter(area='remote', language={lang!r}, sponsor_key='')"
        ".order_by('start_date').first()\n"
        "result = {'pk': c.pk, 'week': c.start_date.isoformat(),\n"
        f"          'title': challenge_in_language(c.challenge, {lang!r}).title}}"
    )


def membership_of(server, email: str) -> dict:
    return server.run_python(
        "from programme.models import Membership\n"
        f"m = Membership.objects.select_related('cohort', 'user').get(user__email={email!r})\n"
        "result = {'status': m.status, 'area': m.area, 'cohort': m.cohort_id,\n"
        "          'active': m.user.is_active}"
    )


@pytest.mark.parametrize(("lang", "width", "javascript"), CASES, ids=IDS)
def test_a_volunteer_of_an_area_without_a_cohort_sees_the_remote_one_and_is_placed_in_it(
    new_page, live_server_process, assert_no_serious_axe_violations, lang, width, javascript
):
    server = live_server_process
    cohort = remote_cohort(server, lang)
    page = new_page(javascript=javascript, viewport=VIEWPORTS[width])
    email = f"e2e-remote-{uuid.uuid4().hex[:10]}@example.org"

    page.goto(path_in(lang, "programme:sign_up"))
    page.get_by_role("radio", name=cohort["title"], exact=True).check()
    page.locator("#id_area").select_option("69")
    page.locator("main form.cohort-finder button[type=submit]").click()
    page.wait_for_load_state()

    offer = page.locator("main .cohort-offer")
    expect(offer).to_contain_text(cohort["title"])
    expect(offer.locator("li").first).to_contain_text(REMOTE_WORD[lang])
    save_screenshot(page, f"programme-sign-up-cohorts-{'js' if javascript else 'nojs'}")
    assert_no_serious_axe_violations(page)

    page.locator("#id_start_date").select_option(cohort["week"])
    page.locator(f"input[name=language][value={lang}]").check()
    page.locator("#id_first_name").fill("Lou")
    page.locator("#id_email").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_consent").check()
    page.locator("main form.form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url.endswith(path_in(lang, "account_sent"))
    expect(page.locator("main")).to_contain_text(email)

    confirm_by_email(page, server, email)
    assert page.url.endswith(path_in(lang, "volunteers:space"))
    stored = membership_of(server, email)
    assert stored == {"status": "placed", "area": "remote", "cohort": cohort["pk"], "active": True}
    expect(page.locator("main")).to_contain_text(REMOTE_WORD[lang])
    assert problems_of(page) == []
    page.reload()  # the flash messages are consumed: the space itself is checked
    expect(page.locator("main .membership")).to_contain_text(cohort["title"])
    save_screenshot(page, f"volunteer-space-remote-cohort-{'js' if javascript else 'nojs'}")
    assert_no_serious_axe_violations(page)


def open_need(server) -> str:
    return server.run_python(
        "from matching.models import Need\n"
        "result = Need.objects.filter(status='open').order_by('pk').first().pk"
    )


@pytest.mark.parametrize(
    ("lang", "width", "javascript"), [CASES[0], CASES[3]], ids=[IDS[0], IDS[3]]
)
def test_signing_up_from_a_need_brings_the_person_back_to_it_signed_in(
    new_page, live_server_process, assert_no_serious_axe_violations, lang, width, javascript
):
    server = live_server_process
    with translation.override(lang):
        need_path = reverse("matching:need_detail", kwargs={"pk": open_need(server)})
    page = new_page(javascript=javascript, viewport=VIEWPORTS[width])
    email = f"e2e-need-{uuid.uuid4().hex[:10]}@example.org"

    page.goto(need_path)
    page.locator(f"main a[href^='{path_in(lang, 'volunteers:signup')}?next=']").first.click()
    page.wait_for_load_state()
    create_account(page, server, email)
    assert page.url.endswith(need_path)
    response = page.request.get(path_in(lang, "volunteers:space"), max_redirects=0)
    assert response.status == 200  # signed in

    # Signed out, the sign-in link of the need brings them back too (email as the login).
    page.context.clear_cookies()
    page.goto(need_path)
    page.locator(f"main a[href^='{path_in(lang, 'login')}?next=']").first.click()
    page.wait_for_load_state()
    expect(page.get_by_label("Adresse e-mail" if lang == "fr" else "Email address")).to_be_visible()
    page.locator("#id_username").fill(email.upper())
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url.endswith(need_path)
    assert problems_of(page) == []
    assert_no_serious_axe_violations(page)
