"""The partner space in a real browser: an invited partner accepts the emailed invitation, signs
in, creates a place from a postcode, publishes a need; a volunteer (another browser) pledges to
it sharing their email; the partner sees the pledge arrive and marks it done. Every partner page
on the way passes axe-core.

The server is the suite's own (demo data). The invitation is made on the server's database
through ``live_server_process.run_python`` (as an editor would in the admin) and its link read
from the email the server sent; stored data is checked there too.
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

PARTNER_SLUG = "la-cloche"
PASSWORD = "Une-phrase-de-passe-solide-42"


def path(name: str, lang: str = "fr", **kwargs) -> str:
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


def invite(server, email: str) -> str:
    """An editor's invitation to La Cloche (not moderated here); the link from its email."""
    server.run_python(
        "from challenges.models import PartnerPage\n"
        "from partners import services\n"
        f"partner = PartnerPage.objects.get(locale__language_code='fr', slug={PARTNER_SLUG!r})\n"
        "partner.review_first_needs = 0\n"
        "partner.save_revision().publish()\n"
        f"services.invite(partner=partner, email={email!r}, role='owner', language='fr')\n"
    )
    messages = [m for m in server.emails() if m["To"] == email]
    assert len(messages) == 1
    body = messages[0].get_body(preferencelist=("plain",)).get_content()
    url = re.search(r"https?://\S+/espace-partenaire/invitation/\S+/", body).group(0)
    return url.removeprefix(server.url)


def make_volunteer(server, username: str) -> None:
    server.run_python(
        "from django.contrib.auth import get_user_model\n"
        "User = get_user_model()\n"
        f"user, _ = User.objects.get_or_create(username={username!r}, "
        f"defaults={{'email': '{username}@example.org', 'first_name': 'Ninon', "
        "'last_name': 'Secret'})\n"
        f"user.set_password({PASSWORD!r})\n"
        "user.save()\n"
    )


def sign_in(page: Page, username: str, next_path: str) -> None:
    page.goto(f"{path('login')}?next={next_path}")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()
    page.wait_for_load_state()


def submit(page: Page, selector: str = "main form.form button[type=submit]") -> None:
    page.locator(selector).first.click()
    page.wait_for_load_state()


def test_an_invited_partner_publishes_a_need_and_confirms_a_volunteers_pledge(
    new_page, live_server_process, assert_no_serious_axe_violations
):
    server = live_server_process
    run = uuid.uuid4().hex[:8]
    email = f"accueil-{run}@la-cloche.example.org"
    place_name = f"Halte de nuit {run}"
    need_title = f"Sacs de couchage {run}"

    def check_axe(page: Page) -> None:
        """axe-core on the page as it is now (without axe-core, only the last check skips)."""
        if axe.AXE_JS.exists():
            axe.assert_no_serious_axe_violations(page)

    # The partner accepts the invitation: their account is created and signed in.
    invitation = new_page(javascript=True)
    invitation.goto(invite(server, email))
    expect(invitation.locator("h1")).to_contain_text("Rejoindre l'espace partenaire")
    check_axe(invitation)
    invitation.locator("#id_first_name").fill("Jeanne")
    invitation.locator("#id_password1").fill(PASSWORD)
    invitation.locator("#id_password2").fill(PASSWORD)
    submit(invitation)
    assert invitation.url.endswith(path("partners:home"))
    expect(invitation.locator(".messages")).to_contain_text("Bienvenue")
    invitation.context.close()

    # Later, they sign in with their email address as user name... or the one the account got.
    username = server.run_python(
        "from django.contrib.auth import get_user_model\n"
        f"result = get_user_model().objects.get(email={email!r}).get_username()"
    )
    partner = new_page(javascript=True)
    sign_in(partner, username, path("partners:home"))
    assert partner.url.endswith(path("partners:home"))
    expect(partner.locator("h1")).to_contain_text("Espace partenaire")
    check_axe(partner)

    # A place from a postcode: the town and the point are found by the server.
    partner.goto(path("partners:place_create"))
    check_axe(partner)
    partner.locator("#id_name").fill(place_name)
    partner.locator("#id_kind").select_option("shelter")
    partner.locator("#id_postcode").fill("75011")
    submit(partner)
    expect(partner.locator("h1")).to_have_text(place_name)
    # The place's map is drawn on the offline basemap of France (the shared map script).
    expect(partner.locator("#place-map")).to_have_attribute("data-ready", "true")
    expect(partner.locator("#place-map")).to_have_attribute("data-basemap", "ready")
    place = server.run_python(
        "from matching.models import Place\n"
        f"p = Place.objects.get(name={place_name!r})\n"
        "result = {'partner': p.partner.slug, 'town': p.town, 'lat': p.latitude}"
    )
    assert place["partner"] == PARTNER_SLUG and place["town"] and place["lat"] is not None
    check_axe(partner)

    # A need at that place, published at once.
    partner.get_by_role("link", name="Publier un besoin à ce lieu").click()
    partner.wait_for_load_state()
    check_axe(partner)
    partner.locator("#id_title").fill(need_title)
    partner.locator("#id_quantity_wanted").fill("6")
    partner.locator("#id_unit").fill("sacs")
    submit(partner, "main form.form button[name=publish]")
    expect(partner.locator(".messages")).to_contain_text("Besoin publié")
    need_id = server.run_python(
        "from matching.models import Need\n"
        f"n = Need.objects.get(title={need_title!r})\n"
        "result = [n.pk, n.status]"
    )
    assert need_id[1] == "open"
    need_id = need_id[0]
    check_axe(partner)

    # The pledges page: nobody yet.
    partner.goto(path("partners:need_pledges", pk=need_id))
    expect(partner.locator("main")).to_contain_text("Personne ne s'est encore engagé")
    check_axe(partner)

    # A volunteer, in another browser, pledges 2 and shares their email address.
    volunteer_name = f"benevole-{run}"
    make_volunteer(server, volunteer_name)
    volunteer = new_page(javascript=False)
    need_path = path("matching:need_detail", pk=need_id)
    sign_in(volunteer, volunteer_name, need_path)
    assert volunteer.url.endswith(need_path)
    volunteer.locator("#id_quantity").fill("2")
    volunteer.locator("input[name=contact_channel][value=email]").check()
    submit(volunteer, ".need-detail__pledge button[type=submit]")
    expect(volunteer.locator(".messages")).to_contain_text("engagement")

    # The partner sees the pledge arrive: first name and the shared email, nothing else.
    partner.reload()
    row = partner.locator("table.pledge-table tbody tr").first
    expect(row).to_contain_text("Ninon")
    expect(row).to_contain_text(f"{volunteer_name}@example.org")
    expect(row).to_contain_text("Promis")
    expect(partner.locator("main")).not_to_contain_text("Secret")
    check_axe(partner)

    # ...and marks it done.
    row.get_by_role("button", name=re.compile("Marquer comme réalisé")).click()
    partner.wait_for_load_state()
    expect(partner.locator(".messages")).to_contain_text("réalisé")
    expect(partner.locator("table.pledge-table tbody tr").first).to_contain_text("Réalisé")
    stored = server.run_python(
        "from matching.models import Need\n"
        f"n = Need.objects.get(pk={need_id})\n"
        "p = n.pledges.get()\n"
        "result = [p.status, p.quantity, n.quantity_fulfilled]"
    )
    assert stored == ["done", 2, 2]
    check_axe(partner)

    # All pledges, and the list of needs, as the partner sees them.
    partner.goto(path("partners:pledges"))
    expect(partner.locator("main")).to_contain_text(need_title)
    check_axe(partner)
    partner.goto(path("partners:needs"))
    check_axe(partner)
    assert problems_of(partner) == []
    assert_no_serious_axe_violations(partner)  # skips here, at the end, without axe-core
