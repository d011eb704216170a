"""Plain-English lines for the changes an audit log entry records.

django-auditlog stores three shapes in ``LogEntry.changes`` (docs/security.md, "Audit log"):
- a field change: ``{"title": ["old", "new"]}`` (on create the old value is "None", on delete the new);
- a many-to-many change: ``{"case_team": {"type": "m2m", "operation": "add" | "delete",
  "objects": ["Jo Bloggs", ...]}}`` (a cleared relation is logged as "delete" of every object);
- nothing at all, for a read (access) entry.
auditlog's own ``changes_str`` indexes every value as a pair, so it fails on the second shape;
these functions read every shape and never raise on what the database holds.

Pure Python: no Django imports, so it is tested without a database.
"""

from collections.abc import Mapping
from typing import Any

ARROW = " → "
NOTHING = "(none)"
M2M_VERBS = {"add": "added", "delete": "removed"}


def _label(field: str) -> str:
    return str(field).replace("_", " ")


def _value(value: Any) -> str:
    if value is None or value == "None" or value == "":
        return NOTHING
    if isinstance(value, list | tuple):
        return ", ".join(_value(v) for v in value) or NOTHING
    return str(value)


def change_lines(changes: Any) -> list[str]:
    """One line per changed field, e.g. "title: Draft → Final" or "case team: added Jo Bloggs"."""
    if not isinstance(changes, Mapping):
        return []
    lines = []
    for field, change in changes.items():
        label = _label(field)
        if isinstance(change, Mapping) and change.get("type") == "m2m":
            verb = M2M_VERBS.get(str(change.get("operation")), str(change.get("operation") or "changed"))
            objects = change.get("objects")
            names = _value(list(objects) if isinstance(objects, list | tuple) else objects)
            lines.append(f"{label}: {verb} {names}")
        elif isinstance(change, list | tuple) and len(change) == 2:
            lines.append(f"{label}: {_value(change[0])}{ARROW}{_value(change[1])}")
        else:
            lines.append(f"{label}: {_value(change)}")
    return lines


def changes_text(changes: Any, separator: str = "; ") -> str:
    return separator.join(change_lines(changes))
