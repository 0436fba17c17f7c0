"""A new organisation's whole way in, in a real browser: it applies on « Devenir partenaire »,
an editor approves it in the Wagtail admin, the contact accepts the emailed invitation, creates
a place and publishes a need linked to a directory action; a volunteer pledges; the partner
marks the pledge done; the action's done count and the home page's "actions done" counter move.

French and English, phone and desktop widths, with and without JavaScript for the public and
partner-space pages (the admin step runs at desktop width with JavaScript: it is Wagtail's).
axe-core checks the pages the project owns. Helpers come from the partner-space journey.
"""

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from tests.e2e import axe
from tests.e2e.browser import problems_of
from tests.e2e.screens import VIEWPORTS
from tests.e2e.test_partner_space import PASSWORD, make_volunteer, path, sign_in, submit

pytestmark = pytest.mark.browser

CASES = [
    ("fr", "phone", True),
    ("en", "desktop", False),
    ("fr", "desktop", False),
    ("en", "phone", True),
]
IDS = [f"{lang}-{width}-{'js' if js else 'nojs'}" for lang, width, js in CASES]
ACTION_SLUG_FR = "collecter-kits-hygiene"
APPLY_LINK = {"fr": "Devenir partenaire", "en": "Become a partner"}
APPLIED = {"fr": "Candidature envoyée", "en": "Application sent"}
WELCOME = {"fr": "Bienvenue", "en": "Welcome"}
DONE = {"fr": "Déjà réalisée", "en": "Already done"}
EDITOR = "editrice-onboarding"


def check_axe(page: Page) -> None:
    if axe.AXE_JS.exists():
        axe.assert_no_serious_axe_violations(page)


def lookups(server, lang: str) -> dict:
    """Where the journey goes in ``lang``: the partner index, the action and its challenge."""
    return server.run_python(
        "from actions.models import ActionPage\n"
        "from challenges.models import PartnerIndexPage\n"
        f"fr = ActionPage.objects.get(slug={ACTION_SLUG_FR!r}, locale__language_code='fr')\n"
        f"action = fr.get_translation(fr.locale.__class__.objects.get(language_code={lang!r}))\n"
        "challenge = action.localized_challenge()\n"
        f"index = PartnerIndexPage.objects.get(locale__language_code={lang!r})\n"
        "result = {'index': index.url, 'action': action.pk, 'action_url': action.url,\n"
        "          'challenge': challenge.pk, 'times_done': fr.times_done}"
    )


def make_editor(server) -> None:
    server.run_python(
        "from django.contrib.auth import get_user_model\n"
        f"user, _ = get_user_model().objects.get_or_create(username={EDITOR!r}, "
        "defaults={'email': 'editrice@example.org'})\n"
        "user.is_superuser = user.is_staff = True\n"
        f"user.set_password({PASSWORD!r})\n"
        "user.save()\n"
    )


def actions_done_on_home(page: Page, server, lang: str) -> int:
    """The home counter as the beat task leaves it: the refresh task runs, then a signed-in
    page (never served from the anonymous page cache) reads it."""
    server.run_python("from home.tasks import refresh_impact_counters\nrefresh_impact_counters()")
    page.goto(f"/{lang}/")
    return int(page.locator("#goal-actions").get_attribute("value"))


def apply(page: Page, lang: str, where: dict, organisation: str, email: str) -> None:
    page.goto(where["index"])
    page.get_by_role("link", name=APPLY_LINK[lang]).first.click()
    page.wait_for_load_state()
    assert page.url.endswith(path("partners:apply", lang))
    check_axe(page)
    # A first try without consent: a clear message, nothing typed is lost.
    page.locator("#id_organisation_name").fill(organisation)
    page.locator("#id_organisation_kind").select_option("care_home")
    page.locator(f"input[name=challenges][value='{where['challenge']}']").check()
    page.locator("#id_postcode").fill("69003")
    page.locator("#id_town").fill("Lyon")
    page.locator("#id_contact_name").fill("Nadia Benali")
    page.locator("#id_email").fill(email)
    page.locator("#id_phone").fill("04 72 00 00 00")
    page.locator("#id_message").fill("Nos résidents aimeraient des appels.")
    submit(page)
    expect(page.locator("#id_consent").locator("xpath=..")).to_have_class(
        re.compile("field--error")
    )
    expect(page.locator("#id_organisation_name")).to_have_value(organisation)
    check_axe(page)
    page.locator("#id_consent").check()
    submit(page)
    expect(page.locator("h1")).to_have_text(APPLIED[lang])
    check_axe(page)


def approve_in_admin(page: Page, organisation: str) -> None:
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(EDITOR)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state()
    page.goto("/admin/snippets/partners/partnerapplication/")
    page.get_by_role("link", name=organisation).first.click()
    page.wait_for_load_state()
    page.locator("select[name=kind]").select_option("institutional")
    page.locator("button[name=approve]").click()
    page.wait_for_load_state()
    expect(page.locator("body")).to_contain_text("Candidature acceptée")


def invitation_path(server, email: str, lang: str) -> str:
    messages = [m for m in server.emails() if m["To"] == email]
    invitations = [m.get_body(preferencelist=("plain",)).get_content() for m in messages]
    prefix = path("partners:home", lang)
    for body in invitations:
        found = re.search(rf"https?://[^/\s]+({re.escape(prefix)}invitation/\S+/)", body)
        if found:
            return found.group(1)
    raise AssertionError(f"no invitation to {email} among {len(messages)} emails")


@pytest.mark.parametrize(("lang", "width", "javascript"), CASES, ids=IDS)
def test_an_organisation_applies_is_approved_and_its_first_need_counts_in_the_directory(
    new_page, live_server_process, assert_no_serious_axe_violations, lang, width, javascript
):
    server = live_server_process
    run = uuid.uuid4().hex[:8]
    organisation = f"EHPAD Les Tilleuls {run}"
    email = f"contact-{run}@tilleuls.example.org"
    need_title = f"Appels aux résidents {run}"
    where = lookups(server, lang)
    viewport = VIEWPORTS[width]

    # The organisation applies on the public form.
    applicant = new_page(javascript=javascript, viewport=viewport)
    apply(applicant, lang, where, organisation, email)
    applicant.context.close()
    stored = server.run_python(
        "from partners.models import PartnerApplication\n"
        f"a = PartnerApplication.objects.get(email={email!r})\n"
        "result = [a.status, a.language]"
    )
    assert stored == ["pending", lang]
    assert server.emails_containing(organisation)  # the editors were told

    # An editor approves it in the admin (Wagtail's pages: desktop, JavaScript).
    make_editor(server)
    editor = new_page(javascript=True, viewport=VIEWPORTS["desktop"])
    approve_in_admin(editor, organisation)
    editor.context.close()

    # The contact accepts the emailed invitation and lands in the partner space.
    partner = new_page(javascript=javascript, viewport=viewport)
    partner.goto(invitation_path(server, email, lang))
    check_axe(partner)
    partner.locator("#id_first_name").fill("Nadia")
    partner.locator("#id_password1").fill(PASSWORD)
    partner.locator("#id_password2").fill(PASSWORD)
    submit(partner)
    assert partner.url.endswith(path("partners:home", lang))
    expect(partner.locator(".messages")).to_contain_text(WELCOME[lang])
    check_axe(partner)

    # A place, then a need linked to the directory action, published at once.
    partner.goto(path("partners:place_create", lang))
    partner.locator("#id_name").fill(f"Résidence {run}")
    partner.locator("#id_kind").select_option("care_home")
    partner.locator("#id_postcode").fill("69003")
    submit(partner)
    partner.goto(path("partners:need_create", lang))
    check_axe(partner)
    partner.locator("#id_title").fill(need_title)
    partner.locator("#id_quantity_wanted").fill("5")
    partner.locator("#id_unit").fill("kits")
    partner.locator("#id_challenge").select_option(str(where["challenge"]))
    partner.locator("#id_action").select_option(str(where["action"]))
    submit(partner, "main form.form button[name=publish]")
    need = server.run_python(
        "from matching.models import Need\n"
        f"n = Need.objects.get(title={need_title!r})\n"
        "result = [n.pk, n.status, n.action_id, n.place.partner.title]"
    )
    need_id = need[0]
    assert need[1:] == ["open", where["action"], organisation]

    # A volunteer pledges to it (signed in: the home counters read below are not cached).
    volunteer_name = f"benevole-{run}"
    make_volunteer(server, volunteer_name)
    volunteer = new_page(javascript=javascript, viewport=viewport)
    need_path = path("matching:need_detail", lang, pk=need_id)
    sign_in(volunteer, volunteer_name, need_path)
    home_before = actions_done_on_home(volunteer, server, lang)
    volunteer.goto(need_path)
    volunteer.locator("#id_quantity").fill("2")
    submit(volunteer, ".need-detail__pledge button[type=submit]")
    pledges = server.run_python(
        "from matching.models import Pledge\n"
        f"result = list(Pledge.objects.filter(need_id={need_id}).values_list('status', flat=True))"
    )
    assert pledges == ["pledged"]

    # The partner marks it done.
    partner.goto(path("partners:need_pledges", lang, pk=need_id))
    check_axe(partner)
    partner.locator(
        "table.pledge-table tbody tr form[action*='/'] button[type=submit]"
    ).first.click()
    partner.wait_for_load_state()
    expect(partner.locator(".messages")).to_be_visible()
    check_axe(partner)

    # The action counts one more completion, on its page and on the home page.
    volunteer.goto(where["action_url"])
    expected = where["times_done"] + 1
    done = volunteer.locator("dt", has_text=DONE[lang]).locator("xpath=following-sibling::dd[1]")
    expect(done).to_contain_text(str(expected))
    check_axe(volunteer)
    assert actions_done_on_home(volunteer, server, lang) == home_before + 1
    for page in (partner, volunteer):
        assert problems_of(page) == []
    assert_no_serious_axe_violations(partner)
