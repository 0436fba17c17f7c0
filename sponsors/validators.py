"""Validation of the email domains a sponsor's employees sign up with."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
# Public mailbox providers: a domain anyone can get an address in proves nothing.
PUBLIC_PROVIDERS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.fr",
        "outlook.com",
        "outlook.fr",
        "live.fr",
        "yahoo.com",
        "yahoo.fr",
        "orange.fr",
        "free.fr",
        "sfr.fr",
        "laposte.net",
        "wanadoo.fr",
        "icloud.com",
        "protonmail.com",
        "proton.me",
        "gmx.fr",
    }
)


def normalise_domains(value: str) -> list[str]:
    """``"Acme.fr, @acme.com"`` → ``["acme.fr", "acme.com"]`` (lower case, no duplicates)."""
    domains = []
    for part in (value or "").replace(";", ",").split(","):
        domain = part.strip().lower().removeprefix("@")
        if domain and domain not in domains:
            domains.append(domain)
    return domains


def validate_domains(value: str) -> None:
    for domain in normalise_domains(value):
        if not DOMAIN_RE.match(domain):
            raise ValidationError(
                _("« %(domain)s » n'est pas un nom de domaine valide (exemple : entreprise.fr).")
                % {"domain": domain}
            )
        if domain in PUBLIC_PROVIDERS:
            raise ValidationError(
                _(
                    "« %(domain)s » est une messagerie ouverte à tous : elle ne prouve pas "
                    "l'appartenance à l'entreprise."
                )
                % {"domain": domain}
            )


def email_domain(email: str) -> str:
    return (email or "").rpartition("@")[2].strip().lower()
