"""Settings refuse an unsafe production start; the printed admin login opens the admin."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _import_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    return subprocess.run(
        [sys.executable, "-c", "import portal.settings"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = _import_settings(DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_secret_key():
    assert _import_settings(DEBUG="0", SECRET_KEY="x" * 50).returncode == 0


@pytest.mark.django_db
def test_printed_admin_login_opens_the_admin(client, capsys, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("ensure_demo_admin")
    printed = capsys.readouterr().out
    password = printed.split("password: ")[1].split()[0]
    assert client.login(username="admin", password=password)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_admin_login_is_stable_across_runs(capsys, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("ensure_demo_admin")
    first = capsys.readouterr().out
    call_command("ensure_demo_admin")
    assert capsys.readouterr().out == first


@pytest.mark.django_db  # requests are atomic on PostgreSQL
def test_openapi_schema_is_served(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    assert b"openapi" in response.content


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    """`manage.py check --deploy` in a process of its own with the production profile's
    variables (DEBUG off, a strong secret key, a real host name)."""
    import secrets
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "reaction.example",
        "CSRF_TRUSTED_ORIGINS": "https://reaction.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
