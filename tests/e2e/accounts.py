"""Creating an account in the browser, the way a person does: the volunteer sign-up form,
then the confirmation link of the email (read from the live server's mail folder).

``create_account(page, server, email)`` fills the sign-up form the page shows (reached from a
need's "create an account" link, it carries ``next``), submits it, opens the emailed link and
confirms: the page is then wherever ``next`` pointed (the need), signed in.
"""

import re

from playwright.sync_api import Page, expect

PASSWORD = "Une-phrase-de-passe-solide"


def confirmation_link(server, email: str) -> str:
    """The path of the link in the one email sent to ``email``."""
    messages = [m for m in server.emails() if m["To"] == email]
    assert len(messages) == 1, [m["Subject"] for m in messages]
    body = messages[0].get_body(preferencelist=("plain",)).get_content()
    return re.search(r"https?://[^/\s]+(/\S+)", body).group(1)


def confirm_by_email(page: Page, server, email: str) -> None:
    """Open the confirmation link emailed to ``email`` and press its button."""
    page.goto(confirmation_link(server, email))
    expect(page.locator("h1")).to_have_count(1)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def create_account(
    page: Page, server, email: str, *, password: str = PASSWORD, postcode: str = "69007"
) -> None:
    """Fill and submit the volunteer sign-up form shown, then confirm from the email."""
    page.locator("#id_first_name").fill("Ana")
    page.locator("#id_email").fill(email)
    page.locator("#id_password1").fill(password)
    page.locator("#id_password2").fill(password)
    page.locator("#id_postcode").fill(postcode)
    page.locator("#id_data_consent").check()
    page.locator("main form.form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text(email)  # "check your inbox"
    confirm_by_email(page, server, email)
