"""load_demo builds the site from the seed and is idempotent."""

from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page, Revision

import pytest

from challenges.models import PartnerPage

pytestmark = pytest.mark.django_db

EXPERT_PARTNERS = {
    "La Cloche",
    "AP-HP",
    "Entoureo",
    "La Ruche qui dit Oui !",
    "Etika Mundi",
    "Miimosa",
}


def test_running_load_demo_twice_changes_nothing():
    pages, revisions, images = (
        Page.objects.count(),
        Revision.objects.count(),
        get_image_model().objects.count(),
    )
    call_command("load_demo", "--skip-index", verbosity=0)
    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions
    assert get_image_model().objects.count() == images


def test_demo_has_the_expert_partners_of_the_seed_in_both_languages(fr, en):
    for locale in (fr, en):
        names = set(
            PartnerPage.objects.live().filter(locale=locale).values_list("title", flat=True)
        )
        assert names == EXPERT_PARTNERS


def test_demo_images_are_drawn_locally_with_alt_text():
    images = get_image_model().objects.all()
    assert images.count() >= 10
    for image in images:
        assert image.description, image.title
        assert image.file.name.endswith(".png")


def test_expert_partners_appear_on_their_challenge_in_each_language(client):
    html = client.get("/fr/defis/agriculteurs-locaux/").content.decode()
    for name in ("Etika Mundi", "Miimosa"):
        assert name in html
    html = client.get("/en/challenges/homeless/").content.decode()
    assert "La Cloche" in html
    assert 'href="/en/partners/la-cloche/"' in html


def test_programme_page_has_the_seven_days_of_the_seed(page_by_path):
    programme = page_by_path("/accueil/programme/")
    kinds = [block.value["kind"] for block in programme.days]
    assert kinds == ["launch", "day", "day", "day", "day", "day", "closing"]
