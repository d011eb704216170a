"""Reader for the SSDA903 (children looked after) CSV tables.

Each file is one table, recognised by its header row (the csc-validator-be-903 column lists
in INDICATORS.md §2). Bytes are decoded as UTF-8 (with or without a BOM), UTF-16 (with a BOM,
or a NUL pattern that gives it away) or, failing both, Windows-1252. Dates are dd/mm/yyyy.

Only Header, Episodes and UASC rows are turned into records; the other tables are recognised
and counted so an upload can be checked as complete. Postcodes (HOME_POST, PL_POST) and UPNs
are never read. CHILD is replaced by a pseudonymous key as soon as it is read.

903 episodes are longitudinal: each year's file carries the full history of the children in
it, so :func:`merge_episodes` de-duplicates on (CHILD, DECOM) with the latest year winning.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .common import Pseudonymiser, ReturnProblem, hmac_pseudonymiser, parse_uk_date

#: Exact column lists, from INDICATORS.md §2 (checked against csc-validator-be-903 config.py).
TABLES: dict[str, tuple[str, ...]] = {
    "Header": ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
    "Episodes": (
        "CHILD",
        "DECOM",
        "RNE",
        "LS",
        "CIN",
        "PLACE",
        "PLACE_PROVIDER",
        "DEC",
        "REC",
        "REASON_PLACE_CHANGE",
        "HOME_POST",
        "PL_POST",
        "URN",
    ),
    "Reviews": ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
    "UASC": ("CHILD", "SEX", "DOB", "DUC"),
    "OC2": (
        "CHILD",
        "DOB",
        "SDQ_SCORE",
        "SDQ_REASON",
        "CONVICTED",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ),
    "OC3": ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
    "AD1": ("CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"),
    "PlacedAdoption": ("CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"),
    "PrevPerm": ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
    "Missing": ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
    "SWEpisodes": ("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
    "DoLo": ("CHILD", "DOB", "DOLO_START", "DOLO_END"),
}
_BY_HEADER = {cols: name for name, cols in TABLES.items()}


@dataclass(frozen=True, slots=True)
class Episode:
    child: str
    decom: date
    rne: str
    ls: str
    place: str
    place_provider: str
    dec: date | None
    urn: str


@dataclass(frozen=True, slots=True)
class ChildHeader:
    child: str
    sex: str
    dob: date | None


@dataclass(frozen=True, slots=True)
class UASCRecord:
    child: str
    dob: date | None
    duc: date | None


@dataclass
class SSDA903Table:
    path: str
    table: str | None
    encoding: str | None
    rows: int = 0
    episodes: list[Episode] = field(default_factory=list)
    headers: list[ChildHeader] = field(default_factory=list)
    uasc: list[UASCRecord] = field(default_factory=list)
    problems: list[ReturnProblem] = field(default_factory=list)

    @property
    def fatal(self) -> bool:
        return any(p.fatal for p in self.problems)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name): UTF-8 (BOM or not), UTF-16 (BOM or NUL pattern), else cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    sample = data[:200]
    if len(sample) >= 4 and sample.count(b"\x00") * 3 >= len(sample):
        le = sample[1::2].count(0) > sample[0::2].count(0)
        codec = "utf-16-le" if le else "utf-16-be"
        return data.decode(codec, errors="replace"), codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _normalise_header(row: list[str]) -> tuple[str, ...]:
    cols = [c.strip().strip('"').upper() for c in row]
    while cols and not cols[-1]:
        cols.pop()
    return tuple(cols)


def identify_table(columns: tuple[str, ...], strict: bool = False) -> tuple[str | None, tuple[str, ...]]:
    """The table whose header this is, and any extra columns.

    An exact match always wins. Unless ``strict``, a header that holds every column of a known
    table plus extra columns (the liia-tools sample adds TEST_COLUMN) is that table, with the
    extras reported; the largest such table is chosen.
    """
    if columns in _BY_HEADER:
        return _BY_HEADER[columns], ()
    if strict:
        return None, ()
    present = set(columns)
    best = None
    for name, cols in TABLES.items():
        if set(cols) <= present and (best is None or len(cols) > len(TABLES[best])):
            best = name
    if best is None:
        return None, ()
    return best, tuple(c for c in columns if c not in TABLES[best])


def read_903_table(
    path: str | os.PathLike[str],
    *,
    pseudonymise: Pseudonymiser | None = None,
    secret: bytes | str | None = None,
    today: date | None = None,
    strict_headers: bool = False,
    data: bytes | None = None,
) -> SSDA903Table:
    """Read one 903 CSV table. Problems are returned, never raised."""
    if pseudonymise is None:
        if secret is None:
            raise ValueError("read_903_table needs a pseudonymise callable or a secret")
        pseudonymise = hmac_pseudonymiser(secret)
    path = os.fspath(path)
    name = os.path.basename(path)
    today = today or date.today()
    result = SSDA903Table(path, None, None)

    def problem(
        child: str | None, element: str | None, message: str, severity: str = "error", fatal: bool = False
    ) -> None:
        result.problems.append(
            ReturnProblem(
                name, child, element, message, "warning" if severity == "warning" else "error", fatal
            )
        )

    if data is None:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            problem(None, None, f"The file {name} could not be opened: {exc.strerror or exc}", fatal=True)
            return result
    text, encoding = decode_bytes(data)
    result.encoding = encoding
    if encoding == "cp1252":
        problem(None, None, f"The file {name} is not UTF-8; it was read as Windows-1252 (cp1252)", "warning")
    if "\x00" in text:
        text = text.replace("\x00", "")
        problem(None, None, f"The file {name} contains NUL characters, which were removed", "warning")
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        first = next(reader, None)
        if first is None:
            problem(None, None, f"The file {name} is empty", fatal=True)
            return result
        columns = _normalise_header(first)
        table, extras = identify_table(columns, strict=strict_headers)
        if table is None:
            shown = ",".join(columns)[:200]
            problem(
                None,
                None,
                f"The file {name} is not a known SSDA903 table: its header row is '{shown}'",
                fatal=True,
            )
            return result
        result.table = table
        if extras:
            problem(
                None,
                None,
                f"The file {name} is the {table} table with extra columns "
                f"{', '.join(extras)}, which were ignored",
                "warning",
            )
        index = {col: i for i, col in enumerate(columns)}
        _read_rows(reader, table, index, result, pseudonymise, today, problem)
    except csv.Error as exc:
        problem(None, None, f"The file {name} is not a readable CSV file: {exc}", fatal=True)
    return result


def _read_rows(
    reader: Any,
    table: str,
    index: dict[str, int],
    result: SSDA903Table,
    pseudonymise: Pseudonymiser,
    today: date,
    problem: Any,
) -> None:
    seen: dict[tuple[str, date], int] = {}
    for line_no, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        result.rows += 1

        def get(col: str, row: list[str] = row) -> str:
            i = index.get(col)
            return row[i].strip() if i is not None and i < len(row) else ""

        raw_child = get("CHILD")
        where = f"Row {line_no}" + (f" (CHILD {raw_child[:20]})" if raw_child else "")
        label = raw_child or f"Row {line_no}"

        def day(
            col: str, required: bool = False, future_ok: bool = False, where: str = where, label: str = label
        ) -> tuple[date | None, bool]:
            text = get(col)
            if not text:
                if required:
                    problem(label, col, f"{where}: {col} is blank")
                    return None, False
                return None, True
            value = parse_uk_date(text)
            if value is None:
                problem(label, col, f"{where}: {col} '{text[:30]}' is not a real date (dd/mm/yyyy)")
                return None, False
            if value > today and not future_ok:
                problem(label, col, f"{where}: {col} {value:%d/%m/%Y} is in the future")
            return value, True

        if not raw_child:
            problem(label, "CHILD", f"{where}: CHILD is blank; the row was skipped")
            continue
        if table == "Episodes":
            decom, ok1 = day("DECOM", required=True)
            dec, ok2 = day("DEC")
            if decom is None or not ok2:
                problem(
                    label, None, f"{where}: the episode was skipped because its dates are unusable", "warning"
                )
                continue
            if dec is not None and dec < decom:
                problem(label, "DEC", f"{where}: DEC {dec:%d/%m/%Y} is before DECOM {decom:%d/%m/%Y}")
            key = pseudonymise(raw_child)
            if (key, decom) in seen:
                problem(
                    label,
                    "DECOM",
                    f"{where}: a second episode for this child starts on "
                    f"{decom:%d/%m/%Y}; the later row was kept",
                    "warning",
                )
            episode = Episode(
                key,
                decom,
                get("RNE").upper(),
                get("LS").upper(),
                get("PLACE").upper(),
                get("PLACE_PROVIDER").upper(),
                dec,
                get("URN"),
            )
            if (key, decom) in seen:
                result.episodes[seen[(key, decom)]] = episode
            else:
                seen[(key, decom)] = len(result.episodes)
                result.episodes.append(episode)
        elif table == "Header":
            dob, _ = day("DOB")
            result.headers.append(ChildHeader(pseudonymise(raw_child), get("SEX"), dob))
        elif table == "UASC":
            dob, _ = day("DOB")
            duc, _ = day("DUC", future_ok=True)  # DUC is usually the 18th birthday, often ahead
            result.uasc.append(UASCRecord(pseudonymise(raw_child), dob, duc))


@dataclass
class SSDA903Return:
    """Several years' 903 tables, merged."""

    episodes: list[Episode]
    headers: dict[str, ChildHeader]
    uasc: dict[str, UASCRecord]
    tables: list[SSDA903Table]
    problems: list[ReturnProblem]

    @property
    def fatal(self) -> bool:
        return any(p.fatal for p in self.problems)

    def has(self, table: str) -> bool:
        return any(t.table == table and not t.fatal for t in self.tables)


def merge_episodes(years: Iterable[tuple[int, Iterable[Episode]]]) -> list[Episode]:
    """De-duplicate episodes on (CHILD, DECOM) across years; the latest year's row wins."""
    merged: dict[tuple[str, date], tuple[int, Episode]] = {}
    for year, episodes in years:
        for ep in episodes:
            key = (ep.child, ep.decom)
            current = merged.get(key)
            if current is None or year >= current[0]:
                merged[key] = (year, ep)
    return sorted((ep for _, ep in merged.values()), key=lambda e: (e.child, e.decom))


def read_903_years(
    files: Iterable[tuple[int, str | os.PathLike[str]]],
    **kwargs: Any,
) -> SSDA903Return:
    """Read (year, path) pairs of any 903 tables and merge them.

    Episodes are merged with :func:`merge_episodes`. Header and UASC rows are merged per child,
    latest year winning. A file with a fatal problem contributes nothing.
    """
    tables: list[SSDA903Table] = []
    by_year: dict[int, list[Episode]] = {}
    headers: dict[str, tuple[int, ChildHeader]] = {}
    uasc: dict[str, tuple[int, UASCRecord]] = {}
    problems: list[ReturnProblem] = []
    for year, path in files:
        table = read_903_table(path, **kwargs)
        tables.append(table)
        problems.extend(table.problems)
        if table.fatal:
            continue
        by_year.setdefault(year, []).extend(table.episodes)
        for h in table.headers:
            if h.child not in headers or year >= headers[h.child][0]:
                headers[h.child] = (year, h)
        for u in table.uasc:
            if u.child not in uasc or year >= uasc[u.child][0]:
                uasc[u.child] = (year, u)
    return SSDA903Return(
        episodes=merge_episodes(sorted(by_year.items())),
        headers={k: v for k, (_, v) in headers.items()},
        uasc={k: v for k, (_, v) in uasc.items()},
        tables=tables,
        problems=problems,
    )
