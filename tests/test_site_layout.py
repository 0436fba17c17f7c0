"""The layout every page shares: the near-me call to action (hero, menu, challenge and action
pages), the account menu per role, the footer's editable pages, messages, favicon, robots.txt."""

import re

from django.contrib import messages
from django.contrib.auth.models import Group, Permission
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.staticfiles import finders
from django.template import engines
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from wagtail.models import Site

import pytest

from actions.models import ActionPage
from challenges.models import ChallengeImpactMetric, ChallengePage, PartnerPage
from home.models import StandardPage
from home.services import impact_counters
from matching.models import VolunteerProfile
from partners.models import PartnerMember
from portal import account_menu
from portal.models import FooterLinks
from portal.templatetags.portal_tags import footer_links
from programme.models import Cohort
from sponsors.demo import CONTACT
from sponsors.models import SponsorPage

pytestmark = pytest.mark.django_db

NEAR_ME = {"fr": "/fr/pres-de-chez-moi/", "en": "/en/near-me/"}
CTA = {"fr": "Trouver un besoin près de chez moi", "en": "Find a need near me"}


def hrefs(html: str, selector_attribute: str) -> list[str]:
    return re.findall(rf'<a [^>]*href="([^"]+)"[^>]*{selector_attribute}', html)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_home_hero_and_menu_lead_to_the_near_me_search(client, lang):
    html = client.get(f"/{lang}/").content.decode()
    hero = html.split('<section class="hero">')[1].split("</section>")[0]
    assert f'href="{NEAR_ME[lang]}" data-cta="near-me">{CTA[lang]}</a>' in hero
    nav = html.split('class="site-nav"')[1].split("</nav>")[0]
    assert f'<a href="{NEAR_ME[lang]}">{CTA[lang]}</a>' in nav
    assert client.get(NEAR_ME[lang]).status_code == 200


def test_the_menu_marks_the_near_me_page_as_current(client):
    html = client.get(NEAR_ME["fr"]).content.decode()
    assert f'<a href="{NEAR_ME["fr"]}" aria-current="page">' in html


@pytest.mark.parametrize(("lang", "title"), [("fr", "Nos sponsors"), ("en", "Our sponsors")])
def test_the_sponsors_page_is_in_the_main_menu(client, lang, title):
    html = client.get(f"/{lang}/").content.decode()
    nav = html.split('class="site-nav"')[1].split("</nav>")[0]
    assert f">{title}</a>" in nav


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_challenge_page_links_to_its_needs_near_me(client, lang):
    challenges = ChallengePage.objects.live().filter(locale__language_code=lang)
    assert challenges.count() == 4
    for challenge in challenges:
        html = client.get(challenge.url).content.decode()
        (link,) = hrefs(html, "data-near-me-link")
        assert link == f"{NEAR_ME[lang]}?challenge={challenge.slug}"
        response = client.get(link.replace("&amp;", "&"))
        assert response.status_code == 200
        form = response.context["form"]
        assert form["challenge"].value() == challenge.slug  # the filter is preselected
        assert response.context["actions_challenge"] == challenge


def test_a_signed_in_volunteer_with_an_address_sees_that_challenges_needs_at_once(
    client, django_user_model
):
    user = django_user_model.objects.create_user("near@example.org", "near@example.org")
    VolunteerProfile.objects.create(
        user=user, postcode="75004", latitude=48.8566, longitude=2.3522, radius_km=50
    )
    client.force_login(user)
    caregivers = ChallengePage.objects.get(slug="soignants", locale__language_code="fr")
    response = client.get(f"{NEAR_ME['fr']}?challenge=soignants")
    assert response.status_code == 200 and response.context["searched"]
    assert response.context["matches"], "the demo has caregivers' needs around Paris"
    assert {match.need.challenge_id for match in response.context["matches"]} == {caregivers.pk}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_action_page_links_to_the_needs_near_me_of_its_challenge(client, lang):
    action = ActionPage.objects.live().filter(locale__language_code=lang, challenge__isnull=False)
    action = action.first()
    html = client.get(action.url).content.decode()
    (link,) = hrefs(html, "data-near-me-link")
    challenge = action.localized_challenge()
    assert challenge.locale.language_code == lang
    assert link == f"{NEAR_ME[lang]}?challenge={challenge.slug}"
    assert client.get(link).context["form"]["challenge"].value() == challenge.slug


def test_an_unknown_challenge_in_the_link_only_leaves_the_filter_empty(client):
    response = client.get(f"{NEAR_ME['fr']}?challenge=inconnu")
    assert response.status_code == 200
    assert response.context["actions_challenge"] is None


# -- the account menu ---------------------------------------------------------------------


def account_links(html: str) -> list[str]:
    menu = html.split('class="account-menu"')[1].split("</nav>")[0]
    return re.findall(r'data-account-link="([a-z]+)"', menu)


@pytest.fixture
def make_user(django_user_model):
    def make(email):
        return django_user_model.objects.create_user(email, email)

    return make


def test_an_anonymous_visitor_is_offered_to_sign_in(client):
    html = client.get("/fr/").content.decode()
    assert account_links(html) == []
    assert 'href="/fr/connexion/"' in html or reverse("login") in html


def test_a_volunteer_sees_only_their_space(client, make_user):
    client.force_login(make_user("vol@example.org"))
    assert account_links(client.get("/fr/").content.decode()) == ["space"]


def test_a_partner_member_sees_the_partner_space(client, make_user):
    user = make_user("staff@example.org")
    PartnerMember.objects.create(user=user, partner=PartnerPage.objects.first())
    client.force_login(user)
    html = client.get("/en/").content.decode()
    assert account_links(html)[:2] == ["space", "partner"]
    assert '<a href="/en/partner-space/" data-account-link="partner">Partner space</a>' in html


def test_a_coordinator_sees_the_coordination(client):
    coordinator = Cohort.objects.exclude(coordinator=None).first().coordinator.user
    client.force_login(coordinator)
    html = client.get("/fr/").content.decode()
    assert "coordination" in account_links(html)
    assert f'href="{reverse("programme:coordination")}"' in html


def test_a_sponsor_contact_sees_the_dashboard_of_their_sponsor_in_their_language(
    client, django_user_model
):
    contact = django_user_model.objects.get(username=CONTACT)
    client.force_login(contact)
    sponsor_en = SponsorPage.objects.get(slug="pharmacies-du-coeur", locale__language_code="en")
    html = client.get("/en/").content.decode()
    assert account_links(html) == ["space", "sponsor"]
    with translation.override("en"):
        dashboard = reverse("sponsors:dashboard", kwargs={"pk": sponsor_en.pk})
    assert f'href="{dashboard}" data-account-link="sponsor">Sponsor space</a>' in html
    assert client.get(dashboard).status_code == 200


def test_only_users_allowed_in_the_wagtail_admin_see_administration(client, make_user):
    editor = make_user("editor@example.org")
    group = Group.objects.create(name="Rédaction test")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client.force_login(editor)
    assert account_links(client.get("/fr/").content.decode()) == ["space", "admin"]
    client.force_login(make_user("not-editor@example.org"))
    assert "admin" not in account_links(client.get("/fr/").content.decode())


def test_the_account_links_are_computed_once_per_request_in_bounded_queries(
    make_user, django_assert_max_num_queries
):
    user = make_user("all@example.org")
    PartnerMember.objects.create(user=user, partner=PartnerPage.objects.first())
    request = RequestFactory().get("/fr/")
    request.user = user
    with django_assert_max_num_queries(len(account_menu.registered()) + 2):
        first = account_menu.links_for(request)
    with django_assert_max_num_queries(0):
        assert account_menu.links_for(request) is first
    assert [link["key"] for link in first][0] == "partner"


# -- footer, messages, favicon, robots.txt ---------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", ["Mentions légales", "Politique de confidentialité", "Travaillons ensemble"]),
        ("en", ["Legal notice", "Privacy policy", "Let's work together"]),
    ],
)
def test_the_footer_links_to_the_legal_pages_and_contact_in_the_visitors_language(
    client, lang, expected
):
    html = client.get(f"/{lang}/").content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    links = re.findall(r'<a href="([^"]+)" data-footer-link="[a-z_]+">', footer)
    assert len(links) == 3
    for link, title in zip(links, expected, strict=True):
        response = client.get(link)
        assert response.status_code == 200, link
        assert response.context["page"].title == title
        assert response.context["page"].locale.language_code == lang


def test_the_legal_pages_are_editable_standard_pages_in_both_languages(en):
    setting = FooterLinks.for_site(Site.objects.get(is_default_site=True))
    for page in (setting.legal_notice, setting.privacy_policy):
        page = page.specific
        assert isinstance(page, StandardPage) and page.body and page.live
        assert page.get_translation(en).specific.body


def test_an_untranslated_footer_page_is_linked_in_its_own_language(client, en):
    setting = FooterLinks.for_site(Site.objects.get(is_default_site=True))
    setting.privacy_policy.get_translation(en).delete()
    html = client.get("/en/").content.decode()
    assert f'href="{setting.privacy_policy.url}" data-footer-link="privacy_policy"' in html


def test_the_footer_costs_two_queries_whatever_its_links(client, django_assert_num_queries):
    client.get("/en/")
    request = RequestFactory().get("/en/")
    with translation.override("en"), django_assert_num_queries(3):  # site, setting, pages
        links = footer_links({"request": request})
    assert [link["key"] for link in links] == ["legal_notice", "privacy_policy", "contact"]


def test_messages_are_shown_as_a_styled_component(rf):
    request = rf.get("/fr/")
    request.session = {}
    storage = request._messages = FallbackStorage(request)
    messages.success(request, "Engagement enregistré.")
    messages.error(request, "Quantité invalide.")
    html = render_to_string("components/messages.html", {"messages": storage}, request=request)
    assert '<div class="message message--success" role="status">' in html
    assert '<div class="message message--error" role="alert">' in html
    assert "Erreur :" in html and "Engagement enregistré." in html


def test_the_favicon_is_linked_and_served(client):
    html = client.get("/fr/").content.decode()
    icons = re.findall(r'<link rel="icon" href="([^"]+)"', html)
    assert len(icons) == 2
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith(".png")
    assert finders.find("favicon.svg") and finders.find("favicon-32.png")


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_the_spaces(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    for path in (
        "/admin/",
        "/fr/mon-espace/",
        "/en/my-space/",
        "/fr/espace-partenaire/",
        "/en/partner-space/",
        "/fr/espace-sponsor/",
    ):
        assert f"Disallow: {path}\n" in text, path
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /fr/\n" not in text


# -- plural forms ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("fr", "promotion accompagnée", "promotions accompagnées"),
        ("en", "cohort supported", "cohorts supported"),
    ],
)
def test_home_counters_agree_with_their_number(lang, one, two):
    template = engines["django"].from_string(
        "{% load i18n %}{% blocktranslate count counter=n %}promotion accompagnée{% plural %}"
        "promotions accompagnées{% endblocktranslate %}"
    )  # the home page's own text
    with translation.override(lang):
        assert template.render({"n": 1}) == one
        assert template.render({"n": 2}) == two


def test_the_home_page_counters_use_the_plural_forms(client):
    html = client.get("/fr/").content.decode()
    assert "promotions accompagnées" in html or "promotion accompagnée" in html
    assert "partenaires du programme" in html  # 6 partners


@pytest.mark.parametrize(
    ("lang", "value", "label"),
    [
        ("fr", 1, "respirateur offert à l'AP-HP"),
        ("fr", 0, "respirateur offert à l'AP-HP"),
        ("fr", 2, "respirateurs offerts à l'AP-HP"),
        ("en", 1, "ventilator donated to AP-HP"),
        ("en", 0, "ventilators donated to AP-HP"),
        ("en", 2, "ventilators donated to AP-HP"),
    ],
)
def test_a_challenge_metric_label_agrees_with_its_value(lang, value, label):
    metric = ChallengeImpactMetric.objects.get(
        unit="respirateurs", page__locale__language_code=lang
    )
    metric.value = value
    with translation.override(lang):
        assert metric.shown_label == label


def test_the_challenge_page_shows_the_singular_for_one(client):
    metric = ChallengeImpactMetric.objects.get(
        unit="respirateurs", page__locale__language_code="fr"
    )
    metric.value = 1
    metric.save()
    html = client.get(metric.page.url).content.decode()
    assert '<span class="figure__label">respirateur offert à l&#x27;AP-HP</span>' in html


# -- goal bars ------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [("fr", "% de l'objectif"), ("en", "% of the goal")])
def test_each_goal_bar_shows_its_percentage(client, lang, text):
    counters = impact_counters(Site.objects.get(is_default_site=True))
    html = client.get(f"/{lang}/").content.decode()
    for key in ("volunteers", "actions"):
        counter = counters[key]
        assert f'aria-describedby="goal-{key}-percent"' in html
        shown = re.search(rf'id="goal-{key}-percent">([^<]+)<', html).group(1)
        assert shown.startswith(str(counter.percent)) and text in shown
