"""Writes for statutory returns: importing a CIN census or SSDA903 return, and the population.

An import is all or nothing (DESIGN.md "Nothing lost"): the files are read with the pure
readers in :mod:`masa.performance.returns`; any fatal problem refuses the whole import with
:class:`ImportRefused`, which carries the problem list, and nothing is saved. Non-fatal errors
and warnings (stray text, 0/1 booleans, dates in the future, an episode ending before it
starts) are kept on the import, with the child identifiers removed.
"""

from __future__ import annotations

import os
import re
import secrets
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from auditlog.context import disable_auditlog
from django.conf import settings
from django.db import IntegrityError, transaction

from masa.partnership.models import Partnership
from masa.performance.models import (
    ImportedRecord,
    ImportStatus,
    Population,
    PseudonymSecret,
    RecordType,
    ReturnImport,
    ReturnKind,
)
from masa.performance.returns import CINReader, CollectionYear, ReturnProblem, read_903_years
from masa.performance.returns.common import Pseudonymiser, hmac_pseudonymiser

BATCH_SIZE = 1000
_LA_CODE = re.compile(r"^\d{3}$")
_IDENTIFIER_IN_MESSAGE = re.compile(r" \((?:LAchildID|CHILD) [^)]*\)")


class ImportRefused(Exception):
    """The return was not imported; ``problems`` says why, file by file."""

    def __init__(self, message: str, problems: Sequence[ReturnProblem] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems)


def _refuse(message: str, file: str = "", element: str | None = None) -> ImportRefused:
    return ImportRefused(message, [ReturnProblem(file, None, element, message, "error", fatal=True)])


def pseudonymiser_for(partnership: Partnership) -> Pseudonymiser:
    """The partnership's keyed hash, creating its random secret on first use.

    The secret is created without an audit log entry, so it is not copied into the log.
    """
    found = PseudonymSecret.objects.filter(partnership=partnership).first()
    if found is None:
        try:
            with transaction.atomic(), disable_auditlog():
                found = PseudonymSecret.objects.create(partnership=partnership, secret=secrets.token_hex(32))
        except IntegrityError:  # created at the same moment by another import
            found = PseudonymSecret.objects.get(partnership=partnership)
    return hmac_pseudonymiser(found.secret)


def stored_problem(problem: ReturnProblem, pseudonymise: Pseudonymiser) -> dict[str, Any]:
    """A problem as kept on the import: the child's position stays, its identifier does not."""
    message = _IDENTIFIER_IN_MESSAGE.sub("", problem.message)
    child = problem.child
    child_key = None
    if child and not re.match(r"^(Child|Row) \d+$", child):
        child_key = pseudonymise(child)
        if len(child) >= 3:
            message = message.replace(child, "[identifier removed]")
        child = None
    return {
        "file": problem.file,
        "child": child,
        "child_key": child_key,
        "element": problem.element,
        "message": message,
        "severity": problem.severity,
    }


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{n:,} bytes"


def _check_files(paths: Sequence[str | os.PathLike[str]]) -> list[str]:
    limit = settings.MASA_MAX_UPLOAD_BYTES
    names = []
    for path in paths:
        name = os.path.basename(os.fspath(path))
        if not os.path.isfile(path):
            raise _refuse(f"The file {name} was not found or is not a file", name)
        size = os.path.getsize(path)
        if size > limit:
            raise _refuse(
                f"The file {name} is {_size(size)}, over the {_size(limit)} limit for a return, "
                "so it was not read",
                name,
            )
        names.append(name)
    return names


def _read_cin(
    path: str | os.PathLike[str], la_code: str, year: CollectionYear, pseudonymise: Pseudonymiser, today: date
) -> tuple[list[ImportedRecord], list[ReturnProblem], dict[str, Any]]:
    reader = CINReader(path, pseudonymise=pseudonymise, today=today)
    records = [
        ImportedRecord(
            record_type=RecordType.CIN_CHILD,
            child_key=child.key,
            payload=ImportedRecord.encode_cin_child(child),
        )
        for child in reader
    ]
    problems = list(reader.problems)
    header = reader.header
    if not reader.fatal:
        if header.lea and header.lea != la_code:
            problems.append(
                ReturnProblem(
                    reader.name,
                    None,
                    "LEA",
                    f"The file {reader.name} is the return of LA {header.lea} (Header/Source/LEA), "
                    f"not LA {la_code}",
                    fatal=True,
                )
            )
        if header.reference_date and header.reference_date != year.end:
            problems.append(
                ReturnProblem(
                    reader.name,
                    None,
                    "ReferenceDate",
                    f"The file {reader.name} has the reference date {header.reference_date:%d/%m/%Y}, "
                    f"so it is not the {year.label} census (reference date {year.end:%d/%m/%Y})",
                    fatal=True,
                )
            )
    counts = {
        "children": len(records),
        "episodes": sum(len(r.payload["eps"]) for r in records),
    }
    return records, problems, counts


def _read_903(
    paths: Sequence[str | os.PathLike[str]], year: CollectionYear, pseudonymise: Pseudonymiser, today: date
) -> tuple[list[ImportedRecord], list[ReturnProblem], dict[str, Any]]:
    merged = read_903_years(
        [(year.first_year, path) for path in paths], pseudonymise=pseudonymise, today=today
    )
    problems = list(merged.problems)
    if not merged.fatal and not merged.has("Episodes"):
        names = ", ".join(os.path.basename(os.fspath(path)) for path in paths)
        problems.append(
            ReturnProblem(
                names,
                None,
                None,
                f"None of the files ({names}) is the SSDA903 Episodes table (its header row starts "
                "CHILD,DECOM,RNE), so there is nothing to count",
                fatal=True,
            )
        )
    records: list[ImportedRecord] = []
    records += [
        ImportedRecord(
            record_type=RecordType.EPISODE, child_key=ep.child, payload=ImportedRecord.encode_episode(ep)
        )
        for ep in merged.episodes
    ]
    records += [
        ImportedRecord(
            record_type=RecordType.HEADER, child_key=h.child, payload=ImportedRecord.encode_header(h)
        )
        for h in merged.headers.values()
    ]
    records += [
        ImportedRecord(record_type=RecordType.UASC, child_key=u.child, payload=ImportedRecord.encode_uasc(u))
        for u in merged.uasc.values()
    ]
    tables = Counter[str]()
    for table in merged.tables:
        if table.table and not table.fatal:
            tables[table.table] += table.rows
    counts = {
        "episodes": len(merged.episodes),
        "headers": len(merged.headers),
        "uasc": len(merged.uasc),
        "tables": dict(tables),
    }
    return records, problems, counts


def existing_message(year: str, la_code: str) -> str:
    return (
        f"Returns for {year} are already imported for LA {la_code}; use --replace to replace them "
        "(the earlier import is kept in the history)"
    )


def return_import(
    *,
    actor: Any,
    partnership: Partnership,
    la_code: str,
    year: str,
    kind: str,
    paths: Sequence[str | os.PathLike[str]],
    replace: bool = False,
    population: int | None = None,
    today: date | None = None,
) -> ReturnImport:
    """Import one LA's return for one collection year, or refuse it and save nothing.

    ``paths`` is the single CIN census XML, or any number of SSDA903 CSV tables for the year
    (Episodes is required; Header and UASC are used when present). Raises :class:`ImportRefused`.
    """
    if kind not in ReturnKind.values:
        raise _refuse(f"The kind of return must be one of {', '.join(ReturnKind.values)}, not '{kind}'")
    try:
        cy = CollectionYear.parse(year)
    except ValueError as error:
        raise _refuse(f"The year must be a collection year like 2023-24: {error}") from error
    la_code = (la_code or "").strip()
    if not _LA_CODE.match(la_code):
        raise _refuse(f"The LA code must be the 3-digit DfE code, like 313, not '{la_code}'")
    if not paths:
        raise _refuse("Give at least one file to import")
    if kind == ReturnKind.CIN and len(paths) != 1:
        raise _refuse("Import one CIN census file at a time (one LA, one year)")
    if population is not None and population <= 0:
        raise _refuse("The 0-17 population must be a positive whole number")
    file_names = _check_files(paths)
    today = today or date.today()

    with transaction.atomic():
        existing = list(
            ReturnImport.objects.select_for_update().filter(
                partnership=partnership, la_code=la_code, year=cy.label, kind=kind, status=ImportStatus.ACTIVE
            )
        )
        if existing and not replace:
            raise _refuse(existing_message(cy.label, la_code))
        pseudonymise = pseudonymiser_for(partnership)
        if kind == ReturnKind.CIN:
            records, problems, counts = _read_cin(paths[0], la_code, cy, pseudonymise, today)
        else:
            records, problems, counts = _read_903(paths, cy, pseudonymise, today)
        fatal = [p for p in problems if p.fatal]
        if fatal:
            others = [p for p in problems if not p.fatal]
            raise ImportRefused(
                f"Nothing was imported: {len(fatal)} problem(s) mean the return cannot be read",
                fatal + others,
            )
        severities = Counter(p.severity for p in problems)
        counts |= {"errors": severities["error"], "warnings": severities["warning"]}
        for old in existing:
            old.status = ImportStatus.REPLACED
            old.save(update_fields=["status", "updated_at"])
        try:
            with transaction.atomic():
                new = ReturnImport.objects.create(
                    partnership=partnership,
                    la_code=la_code,
                    year=cy.label,
                    kind=kind,
                    file_names=file_names,
                    imported_by=actor if getattr(actor, "pk", None) else None,
                    problems=[stored_problem(p, pseudonymise) for p in problems],
                    counts=counts,
                )
        except IntegrityError as error:  # another import of the same return finished first
            raise _refuse(existing_message(cy.label, la_code)) from error
        for old in existing:
            old.replaced_by = new
            old.save(update_fields=["replaced_by", "updated_at"])
        for record in records:
            record.partnership = partnership
            record.return_import = new
        _bulk_create(records)
        if population is not None:
            population_set(
                actor=actor, partnership=partnership, la_code=la_code, year=cy.label, children_0_17=population
            )
    return new


def _bulk_create(records: Iterable[ImportedRecord]) -> None:
    # bulk_create sends no signals, so the records are not copied into the audit log; the
    # import itself (who, when, which files, counts) is.
    ImportedRecord.objects.bulk_create(records, batch_size=BATCH_SIZE)


@transaction.atomic
def population_set(
    *, actor: Any, partnership: Partnership, la_code: str, year: str, children_0_17: int
) -> Population:
    """Record (or correct) one LA's 0-17 mid-year population for a collection year."""
    label = CollectionYear.parse(year).label
    if not _LA_CODE.match(la_code or ""):
        raise ValueError(f"The LA code must be the 3-digit DfE code, like 313, not '{la_code}'")
    if children_0_17 <= 0:
        raise ValueError("The 0-17 population must be a positive whole number")
    found, _ = Population.objects.update_or_create(
        partnership=partnership, la_code=la_code, year=label, defaults={"children_0_17": children_0_17}
    )
    return found
