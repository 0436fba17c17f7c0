"""The browser suite's own tools catch what they are meant to catch."""

import pytest

from tests.e2e.browser import problems_of

pytestmark = pytest.mark.browser

UNLABELLED_IMAGE = "() => document.querySelector('main').append(document.createElement('img'))"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_axe_check_fails_on_a_critical_violation(
    new_page, assert_no_serious_axe_violations, javascript
):
    page = new_page(javascript=javascript)
    page.goto("/fr/")
    assert_no_serious_axe_violations(page)
    page.evaluate(UNLABELLED_IMAGE)
    with pytest.raises(AssertionError, match=r"\[critical\] image-alt"):
        assert_no_serious_axe_violations(page)


def test_pages_are_watched_for_http_errors(page):
    page.goto("/fr/cette-page-n-existe-pas/")
    assert any(problem.startswith("HTTP 404 GET") for problem in problems_of(page))


def test_the_server_database_and_mail_are_reachable(live_server_process):
    titles = live_server_process.run_python(
        "from home.models import HomePage\n"
        "result = sorted(HomePage.objects.values_list('locale__language_code', flat=True))"
    )
    assert titles == ["en", "fr"]
    assert live_server_process.mail_dir.is_dir()
