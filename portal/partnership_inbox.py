"""The partnership inbox: the form page where the team reads partnership requests, stored as
its submissions and emailed to its recipients by the page itself.

The room that owns that page (``home``, its contact form page) answers the
``partnership_inbox`` hook with the live page in a language, so the rooms that post to it
(``sponsors``) import none of its models: they fill any Wagtail form page
(``AbstractEmailForm``).
"""

from wagtail import hooks


def partnership_inbox(language_code: str):
    """The live inbox page in ``language_code`` (or the default language), or None."""
    for inbox in hooks.get_hooks("partnership_inbox"):
        page = inbox(language_code)
        if page is not None:
            return page
    return None
