"""Create (once) the demo administrator and print its login.

The password comes from DEMO_ADMIN_PASSWORD, else is generated once and kept in var/ so that
every ``make run`` prints the same login.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create the demo administrator if missing and print its login."

    def handle(self, *args, **options):
        password_file = settings.VAR_DIR / "demo-admin-password"
        password = os.environ.get("DEMO_ADMIN_PASSWORD")
        if not password and password_file.exists():
            password = password_file.read_text().strip()
        if not password:
            password = secrets.token_urlsafe(12)
        password_file.parent.mkdir(parents=True, exist_ok=True)
        password_file.write_text(password)
        password_file.chmod(0o600)

        user, _created = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"email": "admin@reaction.example"}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: {settings.SITE_BASE_URL}/admin/  login: {USERNAME}  password: {password}"
            )
        )
