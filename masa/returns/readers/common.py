"""Shared pieces of the statutory-return readers: problems, dates, collection years, pseudonyms.

Pure Python: no Django imports, so the readers can run in a worker, a test or a benchmark.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO, Literal

Severity = Literal["error", "warning"]
Pseudonymiser = Callable[[str], str]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_YEAR_LABEL = re.compile(r"^(\d{4})\s*[-/]\s*(\d{2}|\d{4})$")


@dataclass(frozen=True, slots=True)
class ReturnProblem:
    """One thing wrong with a return, in words a data officer can act on.

    ``child`` is the LAchildID (or 903 CHILD) when known, else the 1-based position ("Child 12").
    ``fatal`` problems mean the file as a whole must not be imported.
    """

    file: str
    child: str | None
    element: str | None
    message: str
    severity: Severity = "error"
    fatal: bool = False

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


@dataclass(frozen=True, slots=True)
class CollectionYear:
    """A statutory collection year, 1 April to 31 March inclusive ("2023-24")."""

    first_year: int

    @classmethod
    def parse(cls, label: str | int | CollectionYear) -> CollectionYear:
        """Accepts "2023-24", "2023/24", "2023-2024", or the first year as an int."""
        if isinstance(label, CollectionYear):
            return label
        if isinstance(label, int):
            return cls(label)
        match = _YEAR_LABEL.match(label.strip())
        if not match:
            raise ValueError(f"{label!r} is not a collection year like '2023-24'")
        first = int(match.group(1))
        second = match.group(2)
        if int(second) % 100 != (first + 1) % 100:
            raise ValueError(f"{label!r}: the second year must follow the first")
        return cls(first)

    @property
    def start(self) -> date:
        return date(self.first_year, 4, 1)

    @property
    def end(self) -> date:
        """The reference date: 31 March at the end of the year."""
        return date(self.first_year + 1, 3, 31)

    @property
    def label(self) -> str:
        return f"{self.first_year}-{(self.first_year + 1) % 100:02d}"

    def contains(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def __str__(self) -> str:
        return self.label


def parse_iso_date(text: str) -> date | None:
    """YYYY-MM-DD only; returns None when the text is not a real date."""
    text = text.strip()
    if not _ISO_DATE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def parse_uk_date(text: str) -> date | None:
    """dd/mm/yyyy (the 903 CSV layout); returns None when the text is not a real date."""
    match = _UK_DATE.match(text.strip())
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def hmac_pseudonymiser(secret: bytes | str) -> Pseudonymiser:
    """Keyed HMAC-SHA256 of the LA's child identifier, as 64 hex characters.

    The same secret gives the same key for the same identifier, so years can be linked;
    without the secret the key cannot be reversed or recomputed from a guessed identifier.
    """
    key = secret.encode() if isinstance(secret, str) else secret
    if not key:
        raise ValueError("a non-empty secret is needed to pseudonymise child identifiers")

    def pseudonymise(la_child_id: str) -> str:
        return hmac.new(key, la_child_id.strip().encode(), hashlib.sha256).hexdigest()

    return pseudonymise


#: ``progress(bytes_read, total_bytes)``: how far a reader has got through its file.
Progress = Callable[[int, int], None]


class CountingFile:
    """A read-only binary file that reports how many bytes have been read, for progress bars.

    lxml's ``iterparse`` reads a file object in chunks, so the count moves as the parse does.
    """

    def __init__(self, handle: BinaryIO, total: int, progress: Progress | None) -> None:
        self.handle = handle
        self.total = total
        self.progress = progress
        self.done = 0

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.done += len(data)
        if self.progress is not None and data:
            self.progress(self.done, self.total)
        return data
