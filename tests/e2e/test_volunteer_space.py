"""A volunteer with many pledges reads them a page at a time in their space, at a phone and a
desktop width, without JavaScript: the latest first, page links that keep the reader at the
list's heading, no sideways scrolling, and axe-core satisfied on both pages.

Screenshots (var/screenshots/): volunteer-space-pages, first and second page, at both widths.
"""

import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e import axe
from tests.e2e.browser import problems_of
from tests.e2e.screens import VIEWPORTS, save_screenshot
from tests.e2e.test_partner_space import PASSWORD, path, sign_in

pytestmark = pytest.mark.browser

PLEDGES = 13  # ten on the first page, three on the second


def volunteer_with_pledges(server, run: str) -> str:
    server.run_python(
        "from django.contrib.auth import get_user_model\n"
        "from matching.models import Need, NeedStatus, VolunteerProfile\n"
        "from matching.services import pledge\n"
        f"user = get_user_model().objects.create_user('space-{run}', 'space-{run}@example.org', "
        f"{PASSWORD!r}, first_name='Lou')\n"
        "profile = VolunteerProfile.objects.create(user=user, postcode='69007')\n"
        "needs = Need.objects.filter(status=NeedStatus.OPEN).order_by('pk')\n"
        "taken = 0\n"
        "for need in needs:\n"
        f"    if taken == {PLEDGES}:\n"
        "        break\n"
        "    if need.quantity_wanted - need.quantity_pledged >= 1:\n"
        "        pledge(volunteer=profile, need_id=need.pk, quantity=1)\n"
        "        taken += 1\n"
        "result = taken"
    )
    return f"space-{run}"


@pytest.mark.parametrize("width", list(VIEWPORTS))
def test_the_space_lists_many_pledges_a_page_at_a_time(
    new_page, live_server_process, width, assert_no_serious_axe_violations
):
    server = live_server_process
    username = volunteer_with_pledges(server, uuid.uuid4().hex[:8])
    page = new_page(javascript=False, viewport=VIEWPORTS[width])
    space = path("volunteers:space")
    sign_in(page, username, space)
    assert page.url.endswith(space)

    cards = page.locator(".pledge-list > li")
    expect(cards).to_have_count(10)
    expect(page.locator("#pledges-title")).to_contain_text("page 1 sur 2")
    pages = page.get_by_role("navigation", name="Pages de mes engagements")
    expect(pages).to_contain_text("Page 1 sur 2")
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px"
    if axe.AXE_JS.exists():
        axe.assert_no_serious_axe_violations(page)
    save_screenshot(page, "volunteer-space-pages-1")

    pages.get_by_role("link", name="Page suivante").click()
    page.wait_for_load_state()
    assert page.url.endswith("?page=2#pledges-title")
    expect(cards).to_have_count(PLEDGES - 10)
    expect(page.locator("#pledges-title")).to_contain_text("page 2 sur 2")
    expect(pages.get_by_role("link", name="Page précédente")).to_have_count(1)
    expect(pages.get_by_role("link", name="Page suivante")).to_have_count(0)
    save_screenshot(page, "volunteer-space-pages-2")
    assert problems_of(page) == []
    assert_no_serious_axe_violations(page)
