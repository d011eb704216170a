"""The heat map's cells, built in Python: a cycle of 300 agencies and 40 standards has 12,000 of
them, and an included template per cell took most of a second (bench/section11.py)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from masa.assurance.models import Rating
from masa.assurance.selectors_section11 import ResultRow

register = template.Library()

LABELS = dict(Rating.choices)
UNRATED = mark_safe(
    '<td class="govuk-table__cell masa-rating masa-rating--none">–<span class="govuk-visually-hidden"> '
    "Not rated</span></td>"
)
MODERATED_MARK = mark_safe('<span aria-hidden="true"> M</span>')


def _cell(value: int, moderated: bool) -> SafeString:
    """A rating's cell: the number and colour for the eye, the words for a screen reader, and an M
    where the challenge session moderated it."""
    return format_html(
        '<td class="govuk-table__cell masa-rating masa-rating--{}">{}{}'
        '<span class="govuk-visually-hidden"> {}{}</span></td>',
        value,
        value,
        MODERATED_MARK if moderated else "",
        LABELS.get(value, ""),
        ", moderated" if moderated else "",
    )


# Every cell is one of nine: a rating 1-4, moderated or not, or none. Built once, not per cell.
CELLS = {(value, moderated): _cell(value, moderated) for value in LABELS for moderated in (False, True)}


@register.filter
def rating_cells(row: ResultRow) -> SafeString:
    """One agency's row of heat map cells, in standard order."""
    return mark_safe(  # noqa: S308 - joins the escaped cells above, nothing else
        "".join(CELLS[value, moderated] if value else UNRATED for value, moderated in row.shown_cells)
    )
