"""The arithmetic a quarter's restraint figures must satisfy, with no database (docs/domain.md,
"Restraint and use of force at HMYOI Feltham")."""

from collections.abc import Mapping


def figure_errors(
    *,
    incidents: int,
    injuries: int,
    children: int,
    by_type: Mapping[str, int],
    by_age: Mapping[str, int],
    by_ethnicity: Mapping[str, int],
) -> dict[str, str]:
    """Plain-English errors keyed by the field they are about; empty when the figures add up.

    Injuries cannot exceed incidents; the counts by type add up to the incidents; the counts by
    age band and by ethnicity each add up to the children involved. A sum's error names the
    first field of its breakdown.
    """
    errors: dict[str, str] = {}
    if injuries > incidents:
        errors["injuries"] = (
            f"The number of injuries ({injuries}) cannot be more than the number of incidents ({incidents})"
        )
    if incidents and not children:
        errors["children"] = "Enter how many children were involved: there were incidents in the quarter"
    if children and not incidents:
        errors["children"] = "There were no incidents in the quarter, so enter 0 children involved"
    for breakdown, total, noun, whole in (
        (by_type, incidents, "type of restraint", "incidents"),
        (by_age, children, "age band", "children involved"),
        (by_ethnicity, children, "ethnicity", "children involved"),
    ):
        added = sum(breakdown.values())
        if breakdown and added != total:
            first = next(iter(breakdown))
            errors[first] = (
                f"The counts by {noun} must add up to the number of {whole} ({total}): they add up to {added}"
            )
    return errors
