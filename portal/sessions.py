"""Sessions kept in the database as Django's ``db`` engine keeps them (same table, same
rows), read with a query compiled once per process: every signed-in request reads its
session first (SESSION_ENGINE = "portal.sessions")."""

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from portal.compiled_query import CompiledQuery

_BY_KEY = CompiledQuery(Session.objects.all(), "session_key")


class SessionStore(DatabaseSessionStore):
    def _get_session_from_db(self):
        """The session of this key if it has not expired (else None, and a new key will be
        given), as Django's ``db`` engine reads it."""
        session = _BY_KEY.first(self.session_key) if self.session_key else None
        if session is None or session.expire_date <= timezone.now():
            self._session_key = None
            return None
        return session
