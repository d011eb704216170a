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


def _value(value: Any, limit: int | None = None) -> str:
    if value is None or value == "None" or value == "":
        return NOTHING
    text = (", ".join(_value(v) for v in value) or NOTHING) if isinstance(value, list | tuple) else str(value)
    if limit is not None and len(text) > limit:
        return text[: limit - 1].rstrip() + "…"
    return text


def change_lines(changes: Any, value_limit: int | None = None) -> list[str]:
    """One line per changed field, in the order of the fields' names (auditlog stores them in no
    fixed order), e.g. "title: Draft → Final" or "case team: added Jo Bloggs". With
    `value_limit`, each old and new value is cut to that many characters, so a long text does
    not hide the other fields changed with it."""
    if not isinstance(changes, Mapping):
        return []
    lines = []
    for field, change in sorted(changes.items(), key=lambda item: str(item[0])):
        label = _label(field)
        if isinstance(change, Mapping) and change.get("type") == "m2m":
            verb = M2M_VERBS.get(str(change.get("operation")), str(change.get("operation") or "changed"))
            objects = change.get("objects")
            names = _value(list(objects) if isinstance(objects, list | tuple) else objects, value_limit)
            lines.append(f"{label}: {verb} {names}")
        elif isinstance(change, list | tuple) and len(change) == 2:
            lines.append(f"{label}: {_value(change[0], value_limit)}{ARROW}{_value(change[1], value_limit)}")
        else:
            lines.append(f"{label}: {_value(change, value_limit)}")
    return lines


def changes_text(changes: Any, separator: str = "; ", value_limit: int | None = None) -> str:
    return separator.join(change_lines(changes, value_limit))
