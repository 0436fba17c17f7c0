"""A real portal server process for the browser suite, on its own fresh SQLite database."""

import ctypes
import hashlib
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SETTINGS_MODULE = "tests.e2e.server_settings"
READY_PATH = "/fr/"
START_TIMEOUT_S = 60
# Variables of the caller that would point the server at shared services or other settings.
INHERITED_OUT = (
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "CELERY_TASK_ALWAYS_EAGER",
    "EMAIL_BACKEND",
    "SEARCH_BACKEND",
    "SEARCH_URL",
    "MEDIA_STORAGE",
    "SECURE_SSL_REDIRECT",
    "DB_POOL_MAX_SIZE",
)
RESULT_MARK = "@@e2e-result@@"
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy
SCHEMA_CACHE_DIR = ROOT / ".cache" / "e2e"


class ServerError(RuntimeError):
    pass


@dataclass
class LiveServer:
    """A running ``manage.py runserver`` and the means to look into its database and mail."""

    url: str
    workdir: Path
    env: dict[str, str]
    process: subprocess.Popen | None = None

    @property
    def database_path(self) -> Path:
        return self.workdir / "db.sqlite3"

    @property
    def mail_dir(self) -> Path:
        return self.workdir / "mail"

    @property
    def log_path(self) -> Path:
        return self.workdir / "server.log"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def manage(self, *args: str, timeout_s: float = 180) -> str:
        """Run ``manage.py ARGS`` against this server's database; its stdout, or ServerError."""
        completed = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout_s,
            check=False,
        )
        if completed.returncode != 0:
            raise ServerError(
                f"manage.py {' '.join(args)} failed ({completed.returncode}):\n"
                f"{completed.stdout[-3000:]}\n{completed.stderr[-6000:]}"
            )
        return completed.stdout

    def run_python(self, code: str) -> Any:
        """Run Django code against this server's database; returns the JSON of its ``result``.

        ``server.run_python("from home.models import StoryPage\\n"
        "result = StoryPage.objects.count()")`` → 8
        """
        script = (
            f"result = None\n{code}\n"
            f"import json as _j\nprint({RESULT_MARK!r} + _j.dumps(result, default=str))"
        )
        output = self.manage("shell", "--no-imports", "-c", script)
        _, _, payload = output.rpartition(RESULT_MARK)
        return json.loads(payload)

    def query(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        """Read this server's database with SQL directly (fast; ``run_python`` for the ORM)."""
        uri = f"file:{self.database_path}?mode=ro"
        with sqlite3.connect(uri, uri=True, timeout=20) as connection:
            connection.row_factory = sqlite3.Row
            return connection.execute(sql, params).fetchall()

    def emails(self) -> list[EmailMessage]:
        """Every message the server has sent so far (the file backend's files, oldest first)."""
        messages = []
        if not self.mail_dir.exists():
            return messages
        separator = b"\n" + b"-" * 79 + b"\n"
        for path in sorted(self.mail_dir.iterdir(), key=lambda p: p.stat().st_mtime_ns):
            for chunk in path.read_bytes().split(separator):
                if chunk.strip():
                    messages.append(message_from_bytes(chunk, policy=policy.default))
        return messages

    def emails_containing(self, text: str) -> list[EmailMessage]:
        """The messages whose subject or plain-text body contains ``text``."""
        found = []
        for message in self.emails():
            body = message.get_body(preferencelist=("plain",))
            content = body.get_content() if body is not None else ""
            if text in content or text in str(message["Subject"]):
                found.append(message)
        return found

    def start(self) -> None:
        self.mail_dir.mkdir(parents=True, exist_ok=True)
        self._prepare_database()
        host_port = self.url.removeprefix("http://")
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "manage.py",
                    "runserver",
                    "--noreload",
                    "--skip-checks",
                    host_port,
                ],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent,
            )
        self._wait_until_ready()

    def _prepare_database(self) -> None:
        """Migrate (from a cached empty schema when the migrations are unchanged), load the demo."""
        schema = SCHEMA_CACHE_DIR / f"schema-{migrations_fingerprint()}.sqlite3"
        if schema.exists():
            shutil.copyfile(schema, self.database_path)
            self.run_python(
                "from django.core.management import call_command\n"
                "call_command('migrate', interactive=False, verbosity=0)\n"
                "call_command('load_demo', verbosity=0)"
            )
            return
        self.manage("migrate", "--noinput", "-v0")
        _keep_schema(self.database_path, schema)
        self.manage("load_demo", "-v0")

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"the server exited ({self.process.returncode}):\n{self.log()}")
            try:
                with _DIRECT.open(self.url + READY_PATH, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)
        self.stop()
        raise ServerError(f"the server did not answer within {START_TIMEOUT_S} s:\n{self.log()}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


try:
    _prctl = ctypes.CDLL(None, use_errno=True).prctl
except (OSError, AttributeError):  # not Linux
    _prctl = None
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In the child: end with pytest even when pytest is killed before its teardown (Linux)."""
    if _prctl is not None:
        _prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def migrations_fingerprint() -> str:
    """A digest of every project migration and every installed distribution's version."""
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    versions = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    digest.update("\n".join(versions).encode())
    return digest.hexdigest()[:16]


def _keep_schema(database: Path, schema: Path) -> None:
    """Cache the freshly migrated, still empty database (only when SQLite left no WAL behind)."""
    if Path(f"{database}-wal").exists():
        return
    SCHEMA_CACHE_DIR.mkdir(parents=True, exist_ok=True)
    for old in SCHEMA_CACHE_DIR.glob("schema-*.sqlite3"):
        old.unlink(missing_ok=True)
    partial = schema.with_suffix(f".{os.getpid()}.partial")
    shutil.copyfile(database, partial)
    os.replace(partial, schema)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(workdir: Path, url: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in INHERITED_OUT}
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
        DEBUG="1",
        SECRET_KEY="e2e-only-secret-key",  # noqa: S106
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        MEDIA_ROOT=str(workdir / "media"),
        E2E_MAIL_DIR=str(workdir / "mail"),
        SITE_BASE_URL=url,
        PYTHONUNBUFFERED="1",
    )
    return env


def start_live_server(workdir: Path) -> LiveServer:
    """Migrate a fresh database in ``workdir``, load the demo site, serve it on a free port."""
    url = f"http://127.0.0.1:{free_port()}"
    server = LiveServer(url=url, workdir=workdir, env=server_environment(workdir, url))
    server.start()
    return server
