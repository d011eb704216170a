"""Checks that a child's reference in a serious incident is pseudonymous (pure Python, no Django).

masa never receives the identity of a child in a serious incident: the reference is a
pseudonym such as "Child A" (docs/decisions/0003-pseudonymisation.md). These checks refuse
the two slips seen in practice: a date (usually a date of birth) and a personal name. Each
partnership may set a pattern its own references follow; a reference that matches it is not
taken for a name, but a date is refused whatever the pattern says (docs/domain.md, "4. Who
may see what").
"""

from __future__ import annotations

import re
from datetime import date

# "Child A", "Child B2", "Child AB": the references masa has always suggested.
DEFAULT_REFERENCE_PATTERN = r"Child [A-Z]{1,2}[0-9]{0,2}"
MAX_PATTERN_LENGTH = 200

EXAMPLE = "use a pseudonymised reference such as Child A"
CONTAINS_DATE = f"The reference must not contain a date: {EXAMPLE}"
LOOKS_LIKE_NAME = f"The reference must not contain a name: {EXAMPLE}"
PATTERN_INVALID = "The reference pattern must be a valid regular expression"
PATTERN_TOO_LONG = f"The reference pattern must be {MAX_PATTERN_LENGTH} characters or fewer"
PATTERN_NESTED_REPEAT = (
    "The reference pattern must not repeat a group that repeats itself, like (A+)+, "
    "because checking it could take too long"
)

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
# Numbers with separators: day-month-year (or month-day-year) and year-month-day.
_DAY_MONTH_YEAR = re.compile(
    r"(?<![0-9])([0-9]{1,2})\s*[/.\-]\s*([0-9]{1,2})\s*[/.\-]\s*([0-9]{4}|[0-9]{2})(?![0-9])"
)
_YEAR_MONTH_DAY = re.compile(r"(?<![0-9])([0-9]{4})\s*[/.\-]\s*([0-9]{1,2})\s*[/.\-]\s*([0-9]{1,2})(?![0-9])")
# Eight digits written together: 12032012 or 20120312.
_EIGHT_DIGITS = re.compile(r"(?<![0-9])([0-9]{8})(?![0-9])")
# Months in words: "12 March 2012", "12th of Mar", "March 12, 2012", "March 2012".
_WORDS = re.compile(
    rf"(?<![0-9a-z])[0-9]{{1,2}}{_ORDINAL}\s+(?:of\s+)?(?:{_MONTHS})\.?(?![a-z])"
    rf"|(?<![a-z])(?:{_MONTHS})\.?\s+[0-9]{{1,2}}{_ORDINAL}(?![0-9a-z])"
    rf"|(?<![a-z])(?:{_MONTHS})\.?,?\s+[0-9]{{4}}(?![0-9])",
    re.IGNORECASE,
)
# A pattern that repeats a group which repeats inside: (a+)+, (\w*)*, (x{1,3})+ ...
_NESTED_REPEAT = re.compile(
    r"\((?:[^()\\]|\\.)*(?:[+*]|\{[0-9,]+\})(?:[^()\\]|\\.)*\)\s*(?:[+*]|\{[0-9,]+\})"
)


def _real(year: int, month: int, day: int) -> bool:
    if year < 100:
        year += 2000
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def contains_date(reference: str) -> bool:
    """Whether the reference holds a date in any common written form."""
    if _WORDS.search(reference):
        return True
    for first, second, year in _DAY_MONTH_YEAR.findall(reference):
        a, b, y = int(first), int(second), int(year)
        if _real(y, b, a) or _real(y, a, b):  # 12/03/2012 or, written the American way, 03/12/2012
            return True
    for year, month, day in _YEAR_MONTH_DAY.findall(reference):
        if _real(int(year), int(month), int(day)):
            return True
    for digits in _EIGHT_DIGITS.findall(reference):
        as_day_first = (int(digits[4:]), int(digits[2:4]), int(digits[:2]))
        as_year_first = (int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        if any(1900 <= y <= 2100 and _real(y, m, d) for y, m, d in (as_day_first, as_year_first)):
            return True
    return False


def _is_name_word(word: str) -> bool:
    """A word of letters that starts with a capital and goes on in small letters: Jayden, O'Neill, McKay."""
    letters = word.replace("'", "").replace("’", "").replace("-", "")
    return letters.isalpha() and word[:1].isupper() and any(c.islower() for c in letters[1:])


def looks_like_name(reference: str) -> bool:
    """Whether the reference has two or more capitalised words in a row, as "Jayden Smith" has.

    "Child A" does not: "A" is a letter, not a word in small letters.
    """
    run = 0
    for word in reference.split():
        run = run + 1 if _is_name_word(word.strip(",.;:()[]")) else 0
        if run >= 2:
            return True
    return False


def matches_pattern(reference: str, pattern: str) -> bool:
    """Whether the whole reference follows the partnership's pattern (an invalid one matches nothing)."""
    try:
        return re.fullmatch(pattern, reference) is not None
    except re.error:
        return False


def reference_problem(reference: str, pattern: str = DEFAULT_REFERENCE_PATTERN) -> str | None:
    """Why the reference is not pseudonymous, in plain English, or None when it is."""
    if contains_date(reference):
        return CONTAINS_DATE
    if not matches_pattern(reference, pattern) and looks_like_name(reference):
        return LOOKS_LIKE_NAME
    return None


def pattern_problem(pattern: str) -> str | None:
    """Why a partnership's reference pattern cannot be used, or None when it can."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        return PATTERN_TOO_LONG
    try:
        re.compile(pattern)
    except re.error:
        return PATTERN_INVALID
    if _NESTED_REPEAT.search(pattern):
        return PATTERN_NESTED_REPEAT
    return None
