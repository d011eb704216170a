"""An establishment's quarterly restraint figures as an Excel workbook (masa.core.spreadsheets):
text is never a formula, headers are bold and frozen with filters."""

from datetime import date

from masa.core.spreadsheets import Column, register_workbook
from masa.restraint.models import AGE_BANDS, ETHNICITIES, RestraintQuarter, RestraintType


def _type_count(quarter: RestraintQuarter, kind: RestraintType) -> int:
    return next((c.count for c in quarter.type_counts.all() if c.restraint_type_id == kind.pk), 0)


def figures_workbook(
    rows: list[RestraintQuarter], restraint_types: list[RestraintType], *, today: date
) -> bytes:
    columns: list[Column] = [
        ("Quarter", 24, lambda q, today: q.label),
        ("Reporting year", 14, lambda q, today: f"{q.year} to {q.year + 1}"),
        ("Incidents", 10, lambda q, today: q.incidents),
        ("Injuries to children", 10, lambda q, today: q.injuries),
        ("Children involved", 10, lambda q, today: q.children),
        *((f"Type: {t.name}", 14, lambda q, today, t=t: _type_count(q, t)) for t in restraint_types),
        *(
            (f"Aged {label}", 10, lambda q, today, key=key: int(q.by_age.get(key, 0)))
            for key, label in AGE_BANDS
        ),
        *(
            (label, 14, lambda q, today, key=key: int(q.by_ethnicity.get(key, 0)))
            for key, label in ETHNICITIES
        ),
        ("Themes", 50, lambda q, today: q.themes),
        ("Concerns", 50, lambda q, today: q.concerns),
    ]
    return register_workbook("Restraint figures", columns, rows, today=today)
