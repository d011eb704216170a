"""Reader for the SSDA903 (children looked after) return: its CSV tables or its XML export.

Each file is one table, recognised by its header row (the csc-validator-be-903 column lists
in docs/indicators.md, "3.1 CSV tables"). Bytes are decoded as UTF-8 (with or without a BOM),
UTF-16 (with a BOM, or a NUL pattern that gives it away) or, failing both, Windows-1252. Dates
are dd/mm/yyyy.

Only Header, Episodes and UASC rows are turned into records; the other tables are recognised
and counted so an upload can be checked as complete. Postcodes (HOME_POST, PL_POST) and UPNs
are never read. CHILD is replaced by a pseudonymous key as soon as it is read.

903 episodes are longitudinal: each year's file carries the full history of the children in
it, so :func:`merge_episodes` de-duplicates on (CHILD, DECOM) with the latest year winning.

Dates in the future (except DUC, usually the 18th birthday) and an episode ending before it
starts (DEC before DECOM) are *fatal*: the whole return is refused with the rows named, because
the figures computed from it would be wrong (negative durations, children counted as looked after
on a day that has not come). Blank or unreadable dates stay non-fatal errors (the row is skipped).

The XML variant
---------------
Some case-management systems export the 903 as one XML file, read by :func:`read_903_xml`::

    <EXPSSDA903>
      <CHILD>
        <HEADER>
          <CHILDID>…</CHILDID><SEX>…</SEX><DOB>dd/mm/yyyy</DOB> <UPN/> <ETHNIC/> <MOTHER/> <MC_DOB/>
          <UASC>1</UASC><DUC>dd/mm/yyyy</DUC>          (UASC flag and date UASC status ceased)
          <AREVIEW><REVIEW/><REVIEW_CODE/></AREVIEW>…  (Reviews table)
          <AMISSING><MISSING/><MIS_START/><MIS_END/></AMISSING>…  (Missing table)
          <PERMANENCE>…</PERMANENCE> <OC2>…</OC2> <AD_PLACED>…</AD_PLACED>
          <IN_TOUCH/><ACTIV/><ACCOM/>                  (OC3, directly in HEADER)
          <DATE_INT/><DATE_MATCH/>…                    (AD1, directly in HEADER)
        </HEADER>
        <EPISODE><DECOM/><RNE/><LS/><CIN/><PL/><PLACE_PROVIDER/><DEC/><REC/>…</EPISODE>…
      </CHILD>…
    </EXPSSDA903>

Element names are the CSV column names except CHILDID (CSV CHILD) and PL (CSV PLACE). Each
CHILD gives one Header row, one Episodes row per EPISODE, and a UASC row when UASC is 1/true
or DUC is given, so the XML yields exactly the records the CSV tables would. The file is
streamed with ``lxml.etree.iterparse`` hardened as the CIN reader is: no DTD, no entity
resolution, no network access, ``huge_tree`` off; a file declaring a DTD is refused.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lxml import etree

from masa.clocks.calendar import today_in_england

from .common import (
    CountingFile,
    Progress,
    Pseudonymiser,
    ReturnProblem,
    hmac_pseudonymiser,
    parse_uk_date,
)

#: Exact column lists (docs/indicators.md, "3.1 CSV tables"; checked against
#: csc-validator-be-903 config.py).
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

    @property
    def unreadable(self) -> bool:
        """A fatal problem about the file itself, not about a particular child."""
        return any(p.fatal and not p.child for p in self.problems)


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
    progress: Progress | None = None,
) -> SSDA903Table:
    """Read one 903 CSV table. Problems are returned, never raised."""
    if pseudonymise is None:
        if secret is None:
            raise ValueError("read_903_table needs a pseudonymise callable or a secret")
        pseudonymise = hmac_pseudonymiser(secret)
    path = os.fspath(path)
    name = os.path.basename(path)
    today = today or today_in_england()
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
    if progress is not None:
        progress(len(data), len(data))
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
    rows = _RowReader(table, result, pseudonymise, today, problem)
    for line_no, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue

        def get(col: str, row: list[str] = row) -> str:
            i = index.get(col)
            return row[i].strip() if i is not None and i < len(row) else ""

        raw_child = get("CHILD")
        where = f"Row {line_no}" + (f" (CHILD {raw_child[:20]})" if raw_child else "")
        rows.take(get, where, raw_child or f"Row {line_no}")


class _RowReader:
    """Checks one table's rows (from a CSV line or an XML element) and keeps the records needed.

    Dates in the future (except DUC, usually the 18th birthday) and an episode ending before it
    starts are fatal: see the module docstring.
    """

    def __init__(
        self, table: str, result: SSDA903Table, pseudonymise: Pseudonymiser, today: date, problem: Any
    ) -> None:
        self.table, self.result, self.pseudonymise = table, result, pseudonymise
        self.today, self.problem = today, problem
        self.seen: dict[tuple[str, date], int] = {}

    def take(self, get: Any, where: str, label: str) -> None:
        problem, result, table = self.problem, self.result, self.table
        result.rows += 1
        raw_child = get("CHILD")

        def day(col: str, required: bool = False, future_ok: bool = False) -> tuple[date | None, bool]:
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
            if value > self.today and not future_ok:
                problem(label, col, f"{where}: {col} {value:%d/%m/%Y} is in the future", fatal=True)
            return value, True

        if not raw_child:
            problem(label, "CHILD", f"{where}: CHILD is blank; the row was skipped")
            return
        if table == "Episodes":
            decom, _ = day("DECOM", required=True)
            dec, ok2 = day("DEC")
            if decom is None or not ok2:
                problem(
                    label, None, f"{where}: the episode was skipped because its dates are unusable", "warning"
                )
                return
            if dec is not None and dec < decom:
                problem(
                    label, "DEC", f"{where}: DEC {dec:%d/%m/%Y} is before DECOM {decom:%d/%m/%Y}", fatal=True
                )
            key = self.pseudonymise(raw_child)
            if (key, decom) in self.seen:
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
            if (key, decom) in self.seen:
                result.episodes[self.seen[(key, decom)]] = episode
            else:
                self.seen[(key, decom)] = len(result.episodes)
                result.episodes.append(episode)
        elif table == "Header":
            dob, _ = day("DOB")
            result.headers.append(ChildHeader(self.pseudonymise(raw_child), get("SEX"), dob))
        elif table == "UASC":
            dob, _ = day("DOB")
            duc, _ = day("DUC", future_ok=True)  # DUC is usually the 18th birthday, often ahead
            result.uasc.append(UASCRecord(self.pseudonymise(raw_child), dob, duc))


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
        return any(t.table == table and not t.unreadable for t in self.tables)


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
    latest year winning. A file with a fatal problem about the file itself contributes nothing;
    one whose fatal problems are all about particular children keeps its rows, so that an
    importer that chose to leave those children out can import the rest (docs/decisions/0004).
    """
    progress: Progress | None = kwargs.pop("progress", None)
    files = list(files)
    sizes = [_size_of(path) for _, path in files]
    total = sum(sizes) or 1
    tables: list[SSDA903Table] = []
    by_year: dict[int, list[Episode]] = {}
    headers: dict[str, tuple[int, ChildHeader]] = {}
    uasc: dict[str, tuple[int, UASCRecord]] = {}
    problems: list[ReturnProblem] = []
    for number, (year, path) in enumerate(files):
        before = sum(sizes[:number])

        def report(done: int, _size: int, before: int = before) -> None:
            if progress is not None:
                progress(min(before + done, total), total)

        file_tables = read_903_file(path, progress=report, **kwargs)
        tables.extend(file_tables)
        for table in file_tables:
            problems.extend(table.problems)
        if any(table.unreadable for table in file_tables):
            continue
        for table in file_tables:
            _merge_table(year, table, by_year, headers, uasc)
    return SSDA903Return(
        episodes=merge_episodes(sorted(by_year.items())),
        headers={k: v for k, (_, v) in headers.items()},
        uasc={k: v for k, (_, v) in uasc.items()},
        tables=tables,
        problems=problems,
    )


def _size_of(path: str | os.PathLike[str]) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _merge_table(
    year: int,
    table: SSDA903Table,
    by_year: dict[int, list[Episode]],
    headers: dict[str, tuple[int, ChildHeader]],
    uasc: dict[str, tuple[int, UASCRecord]],
) -> None:
    by_year.setdefault(year, []).extend(table.episodes)
    for h in table.headers:
        if h.child not in headers or year >= headers[h.child][0]:
            headers[h.child] = (year, h)
    for u in table.uasc:
        if u.child not in uasc or year >= uasc[u.child][0]:
            uasc[u.child] = (year, u)


def read_903_file(path: str | os.PathLike[str], **kwargs: Any) -> list[SSDA903Table]:
    """One 903 file: a CSV table, or the XML export (recognised by its first character)."""
    if _looks_like_xml(path):
        return read_903_xml(
            path,
            pseudonymise=kwargs.get("pseudonymise"),
            secret=kwargs.get("secret"),
            today=kwargs.get("today"),
            progress=kwargs.get("progress"),
        )
    return [read_903_table(path, **kwargs)]


def _looks_like_xml(path: str | os.PathLike[str]) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(512)
    except OSError:
        return False
    text, _ = decode_bytes(head)
    return text.lstrip("\ufeff \t\r\n").startswith("<")


#: XML element names that differ from the CSV column names.
_XML_COLUMNS = {"CHILDID": "CHILD", "PL": "PLACE"}
#: Repeated HEADER sub-elements and the table each is a row of (only counted).
_XML_HEADER_TABLES = {
    "AREVIEW": "Reviews",
    "AMISSING": "Missing",
    "PERMANENCE": "PrevPerm",
    "OC2": "OC2",
    "AD_PLACED": "PlacedAdoption",
}
#: Tables whose fields sit directly in HEADER: present when this field is.
_XML_FLAT_TABLES = {"IN_TOUCH": "OC3", "DATE_INT": "AD1"}


def _xml_local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _xml_fields(elem: Any) -> dict[str, str]:
    """The element's simple children as CSV column -> stripped text."""
    found: dict[str, str] = {}
    for sub in elem:
        name = _xml_local(sub.tag)
        if name and len(sub) == 0:
            found[_XML_COLUMNS.get(name, name)] = (sub.text or "").strip()
    return found


def read_903_xml(
    path: str | os.PathLike[str],
    *,
    pseudonymise: Pseudonymiser | None = None,
    secret: bytes | str | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> list[SSDA903Table]:
    """Read the 903 XML export into the tables it holds (see the module docstring).

    Problems are returned on the first table, never raised.
    """
    if pseudonymise is None:
        if secret is None:
            raise ValueError("read_903_xml needs a pseudonymise callable or a secret")
        pseudonymise = hmac_pseudonymiser(secret)
    path = os.fspath(path)
    name = os.path.basename(path)
    today = today or today_in_england()
    tables = {table: SSDA903Table(path, table, "xml") for table in ("Header", "Episodes", "UASC")}
    counted: dict[str, SSDA903Table] = {}
    problems = tables["Header"].problems

    def problem(
        child: str | None, element: str | None, message: str, severity: str = "error", fatal: bool = False
    ) -> None:
        problems.append(
            ReturnProblem(
                name, child, element, message, "warning" if severity == "warning" else "error", fatal
            )
        )

    def refused(message: str) -> list[SSDA903Table]:
        failed = SSDA903Table(path, None, "xml")
        failed.problems.append(ReturnProblem(name, None, None, message, "error", fatal=True))
        return [failed]

    rows = {
        table: _RowReader(table, result, pseudonymise, today, problem) for table, result in tables.items()
    }
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed in the finally below
    except OSError as exc:
        return refused(f"The file {name} could not be opened: {exc.strerror or exc}")
    try:
        context = etree.iterparse(
            CountingFile(handle, os.fstat(handle.fileno()).st_size, progress),
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            huge_tree=False,
            load_dtd=False,
            remove_comments=True,
            remove_pis=True,
        )
        seen_root = False
        position = 0
        for event, elem in context:
            if not seen_root:
                root = elem.getroottree().getroot()
                if _xml_local(root.tag) != "EXPSSDA903":
                    return refused(
                        f"The file {name} is not an SSDA903 return: its root element is "
                        f"<{_xml_local(root.tag)}>, not <EXPSSDA903>"
                    )
                if elem.getroottree().docinfo.internalDTD is not None:
                    return refused(
                        f"The file {name} declares a DTD (<!DOCTYPE>). SSDA903 files never do, and entity "
                        "declarations can be used to attack the importer, so the file was refused."
                    )
                seen_root = True
                continue
            if event != "end" or _xml_local(elem.tag) != "CHILD" or elem.getparent() is not root:
                continue
            position += 1
            _read_xml_child(elem, position, rows, counted, path, problem)
            elem.clear(keep_tail=True)
            while elem.getprevious() is not None:
                del root[0]
    except etree.XMLSyntaxError as exc:
        detail = str(exc.msg if getattr(exc, "msg", None) else exc)
        line = getattr(exc, "lineno", None)
        where = f" (line {line})" if line else ""
        if "amplification" in detail or "entity" in detail.lower():
            return refused(
                f"The file {name} uses XML entities in a way that could exhaust memory and was "
                f"refused{where}: {detail}"
            )
        return refused(
            f"The file {name} is not well-formed XML and may be truncated or damaged{where}: {detail}"
        )
    except (etree.LxmlError, ValueError, MemoryError, RecursionError) as exc:
        return refused(f"The file {name} could not be read: {exc}")
    finally:
        handle.close()
    if not seen_root:
        return refused(f"The file {name} is not an SSDA903 return: it has no root element")
    if position == 0:
        problem(None, "CHILD", f"The file {name} has no <CHILD> records", "warning")
    return [*tables.values(), *counted.values()]


def _read_xml_child(
    elem: Any,
    position: int,
    rows: dict[str, _RowReader],
    counted: dict[str, SSDA903Table],
    path: str,
    problem: Any,
) -> None:
    header = next((sub for sub in elem if _xml_local(sub.tag) == "HEADER"), None)
    fields = _xml_fields(header) if header is not None else {}
    raw_child = fields.get("CHILD", "")
    who = f"Child {position}" + (f" (CHILD {raw_child[:20]})" if raw_child else "")
    label = raw_child or f"Child {position}"
    if header is None:
        problem(label, "HEADER", f"{who}: has no HEADER, so the child was skipped")
        return

    def get_from(values: dict[str, str]) -> Any:
        def get(col: str) -> str:
            return raw_child if col == "CHILD" else values.get(col, "")

        return get

    rows["Header"].take(get_from(fields), who, label)
    flag = fields.get("UASC", "").lower()
    if flag in {"1", "true", "y"} or fields.get("DUC"):
        rows["UASC"].take(get_from(fields), who, label)
    for sub in header:
        table = _XML_HEADER_TABLES.get(_xml_local(sub.tag))
        if table:
            counted.setdefault(table, SSDA903Table(path, table, "xml")).rows += 1
    for field_name, table in _XML_FLAT_TABLES.items():
        if fields.get(field_name):
            counted.setdefault(table, SSDA903Table(path, table, "xml")).rows += 1
    number = 0
    for sub in elem:
        if _xml_local(sub.tag) == "EPISODE":
            number += 1
            rows["Episodes"].take(get_from(_xml_fields(sub)), f"{who} episode {number}", label)
