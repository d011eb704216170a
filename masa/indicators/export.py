"""The performance dataset as an Excel workbook: current values, the catalogue, targets and comparators.

Text cells are never formulas (masa.core.csv_safe); dates are real dates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from masa.core.spreadsheets import DATE_FORMAT, cell_value
from masa.indicators.models import Comparator, Indicator, IndicatorValue, Target, Unit, ValueSource
from masa.partnership.models import Partnership
from masa.returns.models import ReturnKind

BOLD = Font(bold=True)
VALUE_COLUMNS = [
    ("Indicator code", 24),
    ("Indicator", 45),
    ("Unit", 22),
    ("Period", 16),
    ("Period start", 14),
    ("Period end", 14),
    ("Numerator", 12),
    ("Denominator", 12),
    ("Value", 12),
    ("Why missing", 30),
    ("Source", 24),
    ("Source record", 40),
    ("Submitted or imported by", 28),
    ("Submitted or imported on", 18),
]
CATALOGUE_COLUMNS = [
    ("Code", 24),
    ("Title", 45),
    ("Definition", 60),
    ("Formula", 40),
    ("Unit", 22),
    ("Polarity", 18),
    ("Frequency", 12),
    ("Source agency", 36),
    ("Defined by the DfE", 10),
    ("Statutory return indicator", 24),
    ("Priorities", 40),
    ("Groups", 40),
]
TARGET_COLUMNS = [
    ("Indicator code", 24),
    ("Indicator", 45),
    ("Year", 10),
    ("Kind", 24),
    ("Value", 12),
    ("Tolerance", 12),
    ("Source", 40),
]


def _sheet(sheet: Any, columns: Sequence[tuple[str, int]], rows: Iterable[Sequence[object]]) -> None:
    """Write a sheet in openpyxl's write-only mode (streamed: fast and light on memory)."""
    for index, (_, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    header = []
    for title, _ in columns:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = BOLD
        header.append(cell)
    sheet.append(header)
    for row in rows:
        cells = []
        for value in row:
            value = cell_value(value)
            if isinstance(value, date | datetime):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = DATE_FORMAT
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)


VALUE_FIELDS = (
    "indicator__code",
    "indicator__title",
    "indicator__unit",
    "period__label",
    "period__start",
    "period__end",
    "numerator",
    "denominator",
    "value",
    "missing_reason",
    "source",
    "submission__agency__name",
    "submission__submitted_by__full_name",
    "submission__submitted_at",
    "return_import__kind",
    "return_import__year",
    "return_import__la_code",
    "return_import__imported_by__full_name",
    "return_import__created_at",
    "entered_by__full_name",
    "created_at",
)


def _value_row(row: tuple) -> list[object]:
    (code, title, unit, label, start, end, num, den, value, missing, source, agency, submitter, submitted_at,
     kind, year, la_code, importer, imported_at, enterer, created_at) = row  # fmt: skip
    if source == ValueSource.SUBMISSION and agency is not None:
        record, who, when = f"{agency}, data call {label}", submitter or "", submitted_at
    elif source == ValueSource.RETURN_IMPORT and kind is not None:
        record, who, when = f"{ReturnKind(kind).label} {year} (LA {la_code})", importer or "", imported_at
    else:
        record, who, when = "", enterer or "", created_at
    return [
        code,
        title,
        Unit(unit).label,
        label,
        start,
        end,
        num,
        den,
        value,
        missing,
        ValueSource(source).label,
        record,
        who,
        when,
    ]


def dataset_workbook(partnership: Partnership) -> bytes:
    # Plain rows, not models: the dataset runs to thousands of values.
    values = (
        IndicatorValue.objects.filter(partnership=partnership, is_current=True, indicator__is_active=True)
        .order_by("indicator__code", "period__frequency", "period__start")
        .values_list(*VALUE_FIELDS)
    )
    indicators = (
        Indicator.objects.filter(partnership=partnership, is_active=True)
        .select_related("source_agency")
        .prefetch_related("priorities", "groups")
        .order_by("code")
    )
    targets = Target.objects.filter(partnership=partnership).select_related("indicator")
    comparators = Comparator.objects.filter(partnership=partnership).select_related("indicator")

    def value_rows() -> Iterable[list[object]]:
        for row in values.iterator(chunk_size=2000):
            yield _value_row(row)

    catalogue = (
        [
            i.code,
            i.title,
            i.definition,
            i.formula,
            i.get_unit_display(),
            i.get_polarity_display(),
            i.get_frequency_display(),
            i.source_agency.name if i.source_agency else "",
            "Yes" if i.is_dfe_defined else "No",
            i.return_indicator,
            "; ".join(p.title for p in i.priorities.all()),
            "; ".join(g.name for g in i.groups.all()),
        ]
        for i in indicators
    )
    target_rows: list[list[object]] = [
        [t.indicator.code, t.indicator.title, t.year, "Target", t.value, t.tolerance, ""] for t in targets
    ]
    target_rows += [
        [c.indicator.code, c.indicator.title, c.year, c.get_kind_display(), c.value, None, c.source]
        for c in comparators
    ]
    target_rows.sort(key=lambda row: (str(row[0]), str(row[2]), str(row[3])))

    workbook = Workbook(write_only=True)
    _sheet(workbook.create_sheet("Values"), VALUE_COLUMNS, value_rows())
    _sheet(workbook.create_sheet("Catalogue"), CATALOGUE_COLUMNS, catalogue)
    _sheet(workbook.create_sheet("Targets and comparators"), TARGET_COLUMNS, target_rows)
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
