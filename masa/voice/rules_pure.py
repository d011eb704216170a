"""Checks on what is written about children and families, with no database (docs/domain.md,
"Voice of children and families").

Who took part is recorded only as counts, and what they said must not name them. masa cannot
recognise every name, so it refuses what plainly identifies someone: a title followed by a
name ("Mrs Smith"), "my name is ...", an email address, a phone number. The
forms warn against names as well.
"""

import re

_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Master)\.?\s+[A-Z][a-z'-]+")
_INTRODUCED = re.compile(r"\b[Mm]y name is\s+[A-Z][a-z'-]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = re.compile(r"(?:\+44\s?|\b0)(?:\d\s?){9,10}\b")


def identifying_text(text: str) -> str | None:
    """What in `text` plainly identifies a person, as the user wrote it, or None."""
    for pattern in (_TITLE, _INTRODUCED, _EMAIL, _PHONE):
        match = pattern.search(text)
        if match:
            return match.group(0).strip()
    return None


def counts_problems(ages: dict[str, int], groups: dict[str, int]) -> dict[str, str]:
    """Field -> problem: a count below zero, no one taking part, or a group bigger than the total.

    `ages` are the counts by age band (they add up to the total), `groups` the counts of those
    who belong to a group (care-experienced, young carers): none may exceed the total.
    """
    problems: dict[str, str] = {}
    for field, value in {**ages, **groups}.items():
        if value < 0:
            problems[field] = "NEGATIVE"
    if problems:
        return problems
    total = sum(ages.values())
    if total == 0:
        problems[next(iter(ages))] = "NOBODY"
    for field, value in groups.items():
        if value > total:
            problems[field] = "MORE_THAN_TOTAL"
    return problems
