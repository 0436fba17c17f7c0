"""portal.notify: one email rendered in its recipient's language, and the only module (with the
outbox backend, portal.mail) that builds emails: every email of the project goes through it."""

import ast
import datetime
from email import message_from_bytes
from email.header import decode_header, make_header
from pathlib import Path

from django.conf import settings
from django.core import mail
from django.core.mail import BadHeaderError
from django.test import override_settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy

import pytest

from portal import notify

ROOT = Path(__file__).resolve().parents[2]
APPS = (
    "portal",
    "home",
    "challenges",
    "actions",
    "matching",
    "programme",
    "partners",
    "volunteers",
    "sponsors",
)
ALLOWED = {"portal/notify.py", "portal/mail.py"}
EMAIL_CLASSES = {"send_mail", "send_mass_mail", "EmailMessage", "EmailMultiAlternatives"}

TEMPLATES = {
    "notify/cohort.txt": '{% load i18n %}{% translate "Votre promotion est complète" %}'
    " — {{ day }}",
    "notify/cohort.html": '{% load i18n %}<p>{% translate "Votre promotion est complète" %}</p>',
}
LOCMEM_TEMPLATES = override_settings(
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {"loaders": [("django.template.loaders.locmem.Loader", TEMPLATES)]},
        }
    ]
)
FIRST_OF_JUNE = datetime.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def _templates():
    with LOCMEM_TEMPLATES:
        yield


def cohort_full(**overrides):
    """The 'cohort full' email to Léa in French, but for ``overrides``."""
    return notify.message(
        **{
            "to": "lea@example.org",
            "language": "fr",
            "subject": gettext_lazy("Votre promotion est complète"),
            "template": "notify/cohort.txt",
            "context": {"day": 3},
        }
        | overrides
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [("fr", "Votre promotion est complète"), ("en", "Your cohort is full")],
)
def test_the_subject_and_body_are_in_the_recipients_language(language, text):
    email = cohort_full(language=language)
    assert email.subject == text
    assert email.body == f"{text} — 3"


def test_an_empty_language_means_the_sites_default():
    assert cohort_full(language="").subject == "Votre promotion est complète"


def test_a_lazy_subject_is_formatted_with_its_params_in_the_language():
    email = cohort_full(
        language="en",
        subject=gettext_lazy("Une place s'est libérée : %(title)s"),
        subject_params={"title": "Maraude"},
    )
    assert email.subject == "A place freed up: Maraude"


def test_a_subject_without_params_keeps_its_percent_signs():
    assert cohort_full(subject="100 % présents").subject == "100 % présents"


def test_callables_are_evaluated_in_the_recipients_language():
    email = cohort_full(
        language="en",
        subject="%(day)s",
        subject_params=lambda: {"day": date_format(FIRST_OF_JUNE, "j F Y")},
        context=lambda: {"day": gettext("Votre promotion est complète")},
    )
    assert email.subject == "1 June 2026"
    assert email.body == "Your cohort is full — Your cohort is full"


def test_a_plain_body_may_stand_for_the_template():
    email = cohort_full(
        language="en", template=None, body=lambda: gettext("Votre promotion est complète")
    )
    assert email.body == "Your cohort is full"
    with pytest.raises(ValueError, match="either a template or a body"):
        cohort_full(template=None)
    with pytest.raises(ValueError, match="either a template or a body"):
        cohort_full(body="Bonjour")


def test_the_html_template_is_attached_as_an_alternative():
    email = cohort_full(language="en", html_template="notify/cohort.html")
    assert email.alternatives == [("<p>Your cohort is full</p>", "text/html")]
    assert not cohort_full(language="en").alternatives


def test_one_address_or_several():
    assert cohort_full().to == ["lea@example.org"]
    several = cohort_full(to=("lea@example.org", "ben@example.org"))
    assert several.to == ["lea@example.org", "ben@example.org"]


def test_headers_reply_to_and_connection_are_the_callers():
    connection = object()
    email = cohort_full(
        headers={"List-Unsubscribe": "<https://example.org/stop/>"},
        reply_to=["coordinatrice@example.org"],
        connection=connection,
    )
    assert email.extra_headers == {"List-Unsubscribe": "<https://example.org/stop/>"}
    assert email.reply_to == ["coordinatrice@example.org"]
    assert email.connection is connection


def test_send_hands_the_message_to_the_email_backend():
    assert notify.send(
        to="lea@example.org",
        language="en",
        subject=gettext_lazy("Votre promotion est complète"),
        template="notify/cohort.txt",
        context={"day": 5},
    )
    [sent] = mail.outbox
    assert (sent.to, sent.subject, sent.body) == (
        ["lea@example.org"],
        "Your cohort is full",
        "Your cohort is full — 5",
    )


def test_to_staff_goes_to_the_team_in_the_sites_language():
    with translation.override("en"):  # whoever's request it follows
        email = notify.to_staff(
            subject=gettext_lazy("Votre promotion est complète"), template="notify/cohort.txt"
        )
    assert email.to == [settings.STAFF_EMAIL]
    assert email.subject == "Votre promotion est complète"


# --- Every email goes through notify -------------------------------------------------------


def _email_classes_used(tree: ast.AST) -> set[str]:
    """The names of EMAIL_CLASSES a module takes from django.core.mail: imported by name, or
    read as an attribute of the module imported whole."""
    modules, used = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "django.core.mail" or node.module.startswith("django.core.mail."):
                used |= {alias.name for alias in node.names} & EMAIL_CLASSES
            if node.module == "django.core":
                modules |= {a.asname or a.name for a in node.names if a.name == "mail"}
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("django.core.mail"):
                    modules.add(alias.asname or alias.name)
    used |= {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr in EMAIL_CLASSES
        and ast.unparse(node.value) in modules
    }
    return used


def test_the_walk_sees_every_way_of_taking_an_email_class():
    source = (
        "from django.core.mail.message import EmailMessage\n"
        "from django.core import mail as m\n"
        "import django.core.mail\n"
        "from portal import mail\n"
        "m.send_mail()\n"
        "django.core.mail.send_mass_mail()\n"
        "mail.after_commit()\n"
    )
    assert _email_classes_used(ast.parse(source)) == {
        "EmailMessage",
        "send_mail",
        "send_mass_mail",
    }


def test_no_module_but_notify_builds_emails():
    offenders = {}
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            used = _email_classes_used(ast.parse(path.read_text(encoding="utf-8")))
            if used and name not in ALLOWED:
                offenders[name] = sorted(used)
    assert offenders == {}, "send emails through portal.notify"
    assert _email_classes_used(ast.parse((ROOT / "portal/notify.py").read_text()))


# --- headers encoded in one pass -------------------------------------------------------------

LONG_SUBJECT = "Votre engagement pour « Blouses cousues pour le service de réanimation — 2ᵉ étage »"


def parsed(email: notify.Email):
    raw = email.message().as_bytes()
    message = message_from_bytes(raw)
    return raw, lambda name: str(make_header(decode_header(message[name])))


@override_settings(DEFAULT_FROM_EMAIL="ré_action <bonjour@reaction.example>")
def test_a_french_subject_and_sender_name_read_back_whole_on_lines_of_at_most_78():
    email = notify.message(to="a@example.org", language="fr", subject=LONG_SUBJECT, body="Merci")
    raw, header = parsed(email)
    assert header("Subject") == LONG_SUBJECT
    assert header("From") == "ré_action <bonjour@reaction.example>"
    assert raw.isascii()
    assert max(len(line) for line in raw.split(b"\n\n", 1)[0].splitlines()) <= 78
    assert email.subject == LONG_SUBJECT  # the email itself keeps what was given


def test_ascii_subjects_stay_as_written_and_newlines_are_still_refused():
    email = notify.message(to="a@example.org", language="fr", subject="Merci", body="Merci")
    assert email.message()["Subject"] == "Merci"
    injected = notify.message(
        to="a@example.org", language="fr", subject="Été\nBcc: x@example.org", body="Merci"
    )
    with pytest.raises(BadHeaderError):
        injected.message()


@pytest.mark.parametrize("text", ["é" * 60, "a" * 44 + "€" * 10, "🌱" * 30, "ré"])
def test_encoded_words_cut_between_characters(text):
    encoded = notify.encoded_words(text)
    assert str(make_header(decode_header(encoded))) == text
    assert all(len(word) <= 75 for word in encoded.split(" "))
