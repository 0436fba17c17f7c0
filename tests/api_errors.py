"""The JSON API's one error format, checked by the API tests of every room."""


def assert_the_api_error_format(body: dict) -> None:
    """{"detail": the first message, naming its field, "errors": {field: [messages]}}."""
    field, messages = next(iter(body["errors"].items()))
    expected = messages[0] if field == "non_field_errors" else f"{field} : {messages[0]}"
    assert body["detail"] == expected, body
