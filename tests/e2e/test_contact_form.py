"""The contact form in a real browser: errors next to the fields, storage, the staff email."""

import json
import uuid

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browser import problems_of

pytestmark = pytest.mark.browser

FIELDS = {
    "fr": {
        "name": "votre_nom",
        "email": "votre_adresse_e_mail",
        "organisation": "organisation",
        "request": "votre_demande",
        "message": "votre_message",
    },
    "en": {
        "name": "your_name",
        "email": "your_email_address",
        "organisation": "organisation",
        "request": "your_request",
        "message": "your_message",
    },
}
CONTACT_PATH = {"fr": "/fr/contact/", "en": "/en/contact/"}
THANK_YOU = {
    "fr": "L'équipe partenariats vous répond rapidement.",
    "en": "The partnerships team will reply soon.",
}


def field(page: Page, lang: str, key: str):
    return page.locator(f"#id_{FIELDS[lang][key]}")


def field_error(page: Page, lang: str, key: str):
    """The error list inside the same form group as the field's input."""
    group = page.locator(".field", has=field(page, lang, key))
    return group.locator(".errorlist")


def submit(page: Page) -> None:
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()


def fill_valid(page: Page, lang: str, marker: str) -> dict[str, str]:
    values = {
        "name": f"Camille Martin {marker}",
        "email": "camille@example.org",
        "organisation": "Boulangerie du coin",
        "message": f"Nous aimerions engager notre équipe de 40 personnes. {marker}",
    }
    for key, value in values.items():
        field(page, lang, key).fill(value)
    request = field(page, lang, "request")
    values["request"] = request.locator("option").nth(1).get_attribute("value")
    request.select_option(values["request"])
    return values


def stored_submissions(server, marker: str) -> list[dict]:
    """The form submissions on the server's database whose data mention ``marker``."""
    rows = server.query(
        "SELECT s.form_data, l.language_code, c.to_address"
        " FROM wagtailforms_formsubmission s"
        " JOIN wagtailcore_page p ON p.id = s.page_id"
        " JOIN wagtailcore_locale l ON l.id = p.locale_id"
        " LEFT JOIN home_contactformpage c ON c.page_ptr_id = p.id"
        " WHERE s.form_data LIKE ? ORDER BY s.id",
        (f"%{marker}%",),
    )
    return [
        {
            "lang": row["language_code"],
            "to": row["to_address"],
            "data": json.loads(row["form_data"]),
        }
        for row in rows
    ]


def test_empty_form_shows_a_message_next_to_each_required_field_and_keeps_typed_values(
    page, live_server_process, assert_no_serious_axe_violations
):
    marker = uuid.uuid4().hex
    page.goto(CONTACT_PATH["fr"])
    field(page, "fr", "organisation").fill(f"Boulangerie {marker}")
    submit(page)

    expect(page.locator("main [role=alert]")).to_be_visible()
    for key in ("name", "email", "message"):
        input_ = field(page, "fr", key)
        error = field_error(page, "fr", key)
        expect(error).to_be_visible()
        expect(error).not_to_be_empty()
        expect(input_).to_have_attribute("aria-invalid", "true")
        expect(input_).to_have_css("border-top-width", "2px")  # shown, not only announced
        error_id = error.get_attribute("id")
        assert error_id in (input_.get_attribute("aria-describedby") or "").split()
    expect(field_error(page, "fr", "organisation")).to_have_count(0)
    expect(field(page, "fr", "organisation")).to_have_value(f"Boulangerie {marker}")
    assert problems_of(page) == []
    assert stored_submissions(live_server_process, marker) == []
    assert live_server_process.emails_containing(marker) == []
    assert_no_serious_axe_violations(page)


def test_invalid_email_is_refused_with_a_message_next_to_it_and_nothing_is_stored(
    page, live_server_process
):
    marker = uuid.uuid4().hex
    page.goto(CONTACT_PATH["fr"])
    values = fill_valid(page, "fr", marker)
    field(page, "fr", "email").fill("pas-une-adresse")
    submit(page)

    expect(page.locator("main [role=alert]")).to_be_visible()
    expect(field_error(page, "fr", "email")).to_be_visible()
    expect(field(page, "fr", "email")).to_have_attribute("aria-invalid", "true")
    for key in ("name", "request", "message"):
        expect(field_error(page, "fr", key)).to_have_count(0)
        expect(field(page, "fr", key)).to_have_value(values[key])
    expect(field(page, "fr", "email")).to_have_value("pas-une-adresse")
    assert stored_submissions(live_server_process, marker) == []
    assert live_server_process.emails_containing(marker) == []


@pytest.mark.parametrize(
    ("lang", "javascript"), [("fr", True), ("en", True), ("fr", False)], ids=["fr", "en", "fr-nojs"]
)
def test_valid_submission_thanks_the_visitor_is_stored_and_emailed_to_the_staff(
    new_page, live_server_process, assert_no_serious_axe_violations, lang, javascript
):
    page = new_page(javascript=javascript)
    marker = uuid.uuid4().hex
    page.goto(CONTACT_PATH[lang])
    values = fill_valid(page, lang, marker)
    submit(page)

    expect(page.locator("main")).to_contain_text(THANK_YOU[lang])
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("form.form")).to_have_count(0)
    assert problems_of(page) == []

    [submission] = stored_submissions(live_server_process, marker)
    assert submission["lang"] == lang
    assert {submission["data"][FIELDS[lang][key]] for key in values} == set(values.values())
    [email] = live_server_process.emails_containing(marker)
    assert email["To"] == submission["to"]
    body = email.get_body(preferencelist=("plain",)).get_content()
    assert values["name"] in body
    assert values["message"] in body
    assert_no_serious_axe_violations(page)
