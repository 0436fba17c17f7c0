"""Django's ModelBackend (passwords, permissions, active accounts), its user read with a query
compiled once per process: every signed-in request reads its user after its session."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend

from portal.compiled_query import CompiledQuery

_USERS = CompiledQuery(get_user_model()._default_manager.all(), "pk")


class ModelBackend(DjangoModelBackend):
    def get_user(self, user_id):
        """The active user of this id (the session's), or None."""
        user = _USERS.first(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
