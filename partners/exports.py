"""CSV exports of a partner's needs and pledges.

Format, chosen for spreadsheet users in France: UTF-8 with a byte-order mark (so Excel reads the
accents), ``;`` as the separator (Excel's default in French locales, where ``,`` is the decimal
mark), one header row, dates as ``YYYY-MM-DD HH:MM`` in the site's time zone. Rows are streamed
from a database iterator, so a partner with many pledges never holds the whole file in memory.

Cells a spreadsheet would run as a formula (starting with ``= + - @``, tab or carriage return)
are prefixed with ``'``. Pledges carry the same privacy rule as the pages: the volunteer's first
name and only the contact they chose to share for that pledge (partners.pledge_contact).

Callers pass querysets from partners.selectors: the export never sees another partner's rows.
"""

import csv
from collections.abc import Callable, Iterable, Iterator

from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from partners import pledge_contact

DELIMITER = ";"
BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK_SIZE = 1000


def safe_cell(value) -> object:
    """A cell a spreadsheet shows as text, never runs: formula-like strings get a quote."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _date(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


class _Echo:
    """A file-like object whose write() hands the line back, for csv.writer."""

    def write(self, value):
        return value


def csv_lines(header: list[str], rows: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=DELIMITER)
    yield BOM + writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        yield writer.writerow([safe_cell(cell) for cell in row])


def _streaming_csv(
    filename: str, header: list[str], rows: Iterable, to_row: Callable[[object], list]
) -> StreamingHttpResponse:
    language = translation.get_language()

    def lines():
        # The body is produced after the view returned: keep the request's language.
        with translation.override(language):
            yield from csv_lines(header, (to_row(row) for row in rows))

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def need_header() -> list[str]:
    return [
        _("Identifiant"),
        _("Titre"),
        _("Lieu"),
        _("Code postal"),
        _("Commune"),
        _("Statut"),
        _("Urgence"),
        _("Quantité souhaitée"),
        _("Quantité promise"),
        _("Quantité réalisée"),
        _("Unité"),
        _("À partir du"),
        _("Jusqu'au"),
        _("Créé le"),
        _("Publié le"),
    ]


def need_row(need) -> list:
    return [
        need.pk,
        need.title,
        need.place.name,
        need.place.postcode,
        need.place.town,
        need.get_status_display(),
        need.get_urgency_display(),
        need.quantity_wanted,
        need.quantity_pledged,
        need.quantity_fulfilled,
        need.unit,
        _date(need.starts_at),
        _date(need.ends_at),
        _date(need.created_at),
        _date(need.published_at),
    ]


def pledge_header() -> list[str]:
    return [
        _("Identifiant"),
        _("Besoin (identifiant)"),
        _("Besoin"),
        _("Lieu"),
        _("Volontaire (prénom)"),
        _("Quantité"),
        _("Unité"),
        _("Statut"),
        _("Contact"),
        _("Promis le"),
        _("Réalisé le"),
        _("Annulé le"),
    ]


def pledge_row(pledge) -> list:
    return [
        pledge.pk,
        pledge.need_id,
        pledge.need.title,
        pledge.need.place.name,
        pledge_contact.volunteer_first_name(pledge),
        pledge.quantity,
        pledge.need.unit,
        pledge.get_status_display(),
        pledge_contact.shared_contact(pledge),
        _date(pledge.created_at),
        _date(pledge.done_at),
        _date(pledge.cancelled_at),
    ]


def needs_csv_response(needs: QuerySet) -> StreamingHttpResponse:
    rows = needs.order_by("-id").iterator(chunk_size=CHUNK_SIZE)
    return _streaming_csv("besoins.csv", need_header(), rows, need_row)


def pledges_csv_response(pledges: QuerySet) -> StreamingHttpResponse:
    rows = pledges.order_by("-id").iterator(chunk_size=CHUNK_SIZE)
    return _streaming_csv("engagements.csv", pledge_header(), rows, pledge_row)
