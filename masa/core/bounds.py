"""The bounds every date, number and piece of text given to masa must keep, in one place.

Pure Python (no Django): the web forms (``masa.core.forms``) and the API schemas
(``masa.api.types``) check against the same constants and helpers, so a value a form refuses
is refused by the API too, and no value reaches the database or the date arithmetic outside
the range they handle. Without them a date of 31/12/9999 plus a month, or a count of
99999999999999999999, is an OverflowError (a 500) instead of a plain answer.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from masa.core.dates import long_date

# Dates: a century either side is more than any safeguarding record needs (a child's date of
# birth, a review's milestones, a rule set's effective date), and keeps every clock, series and
# deadline well inside Python's date range (years 1 to 9999).
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2100, 12, 31)

# Counts: Django's IntegerField is a 32-bit integer on every database it supports
# (https://docs.djangoproject.com/en/5.2/ref/models/fields/#integerfield), so no count may
# be bigger than 2,147,483,647 (and none is below 0).
MAX_COUNT = 2_147_483_647
# Record ids (BigAutoField): 64-bit, https://docs.djangoproject.com/en/5.2/ref/models/fields/#bigautofield
MAX_ID = 9_223_372_036_854_775_807

# Paging: an offset is sliced into SQL's OFFSET (a 64-bit integer on SQLite and PostgreSQL);
# a million rows past the start is more than any list masa shows, and a limit caps one page.
MAX_OFFSET = 1_000_000
MAX_LIMIT = 500

# Decimals: indicator figures are DecimalField(max_digits=14, decimal_places=3), so a value
# must be below 100,000,000,000 either way.
DECIMAL_MAX_DIGITS = 14
DECIMAL_PLACES = 3
DECIMAL_LIMIT = Decimal("1e11")

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# Text: NUL and the other control characters (and lone surrogates, which no UTF-8 page can
# send) are refused; tab, line feed and carriage return are what a text area sends.
# Django's CharField refuses NUL with ProhibitNullCharactersValidator
# (https://docs.djangoproject.com/en/5.2/ref/validators/#prohibitnullcharactersvalidator);
# PostgreSQL cannot store it at all.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# The same rule as a JSON Schema pattern, so the API's OpenAPI schema says it too.
TEXT_PATTERN = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\ud800-\\udfff]*$"

# Free text: how long each kind of answer may be, in characters. A form's text area shows the
# GOV.UK character count for its limit (masa.core.forms.text_area), and services that keep the
# text in an unbounded TextField check the same limit (docs/security.md, "Input bounds and the API schema").
REASON_LENGTH = 500  # a reason, a note, a short comment
SUMMARY_LENGTH = 2_000  # a summary, a description, a finding
NARRATIVE_LENGTH = 10_000  # the long narratives: facts of a case, terms of reference, minutes


DATE_RANGE = f"between {long_date(MIN_DATE)} and {long_date(MAX_DATE)}"
ISO_DATE_RANGE = f"from {MIN_DATE.isoformat()} to {MAX_DATE.isoformat()}"


def date_out_of_range(day: date) -> bool:
    return not MIN_DATE <= day <= MAX_DATE


def date_message(label: str) -> str:
    """'The due date must be between 1 January 1900 and 31 December 2100'."""
    return f"The {label} must be {DATE_RANGE}"


def count_message(label: str, low: int = 0, high: int = MAX_COUNT) -> str:
    return f"The {label} must be a whole number from {low:,} to {high:,}"


def has_control_characters(text: str) -> bool:
    """True when the text holds a character no form would send (NUL, other controls, surrogates)."""
    return CONTROL_CHARACTERS.search(text) is not None


def text_message(label: str) -> str:
    return f"The {label} must not include control characters, like the null character"


def length_message(label: str, limit: int) -> str:
    """'The summary must be 500 characters or fewer' (GOV.UK character count wording)."""
    return f"The {label} must be {limit:,} characters or fewer"


def required_text(errors: dict[str, str], field: str, text: str, needed: str, label: str, limit: int) -> str:
    """The text stripped; `needed` under `field` in `errors` when it is empty, the length
    message when it is over `limit`."""
    text = (text or "").strip()
    if not text:
        errors[field] = needed
    elif len(text) > limit:
        errors[field] = length_message(label, limit)
    return text


def too_long(text: str, limit: int) -> bool:
    return len(text) > limit


def iso_date(text: str) -> date:
    """A date written exactly YYYY-MM-DD within the bounds; ValueError (with a plain message) if not."""
    if not ISO_DATE.fullmatch(text):
        raise ValueError("Enter a date like 2024-03-31")
    try:
        day = date.fromisoformat(text)
    except ValueError as error:
        raise ValueError("Enter a real date, like 2024-03-31") from error
    if date_out_of_range(day):
        raise ValueError(f"Enter a date {ISO_DATE_RANGE}")
    return day
