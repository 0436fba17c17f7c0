"""The JSON API's one error format. Every error answers {"detail": message}; invalid input
answers 400 with {"detail": its first message, naming its field, "errors": {field: [messages]}}.
Set as DRF's exception handler in settings; views that answer a 400 themselves use
``bad_request``."""

from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

NON_FIELD = "non_field_errors"


def exception_handler(exc, context):
    """DRF's handler, with invalid input in the API's format."""
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, ValidationError):
        response.data = error_body(response.data)
    return response


def bad_request(errors) -> Response:
    """A 400 in the API's format; ``errors``: {field: [messages]}, or one message."""
    return Response(error_body(errors), status=status.HTTP_400_BAD_REQUEST)


def error_body(errors) -> dict:
    if not isinstance(errors, dict):
        errors = {NON_FIELD: errors if isinstance(errors, list) else [errors]}
    field, messages = next(iter(errors.items()), (NON_FIELD, []))
    first = _first_message(messages)
    return {"detail": first if field == NON_FIELD else f"{field} : {first}", "errors": errors}


def _first_message(messages) -> str:
    """The first message of a field's errors (nested lists and dicts for nested fields)."""
    while isinstance(messages, (list, dict)):
        if not messages:
            return ""
        messages = messages[0] if isinstance(messages, list) else next(iter(messages.values()))
    return str(messages)
