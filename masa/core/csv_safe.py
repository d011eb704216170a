"""CSV output that spreadsheet programs cannot execute (formula injection)."""

import csv
from collections.abc import Iterable
from io import StringIO

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    # OWASP: a leading quote makes Excel and LibreOffice treat the cell as text.
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def csv_text(header: list[str], rows: Iterable[Iterable[object]]) -> str:
    out = StringIO()
    writer = csv.writer(out)
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()
