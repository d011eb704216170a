"""Writes for statutory returns: importing a CIN census or SSDA903 return, and the population.

An import is all or nothing (docs/indicators.md, "4. Problems in a return"): the files are read
with the pure readers in :mod:`masa.returns.readers`; any fatal problem refuses the whole
import with :class:`ImportRefused`, which carries the problem list, and nothing is saved. The one
exception is asked for explicitly: ``leave_out_children`` imports a return whose fatal problems
are all about particular children without those children, and lists them with the import
(docs/decisions/0004-refusing-impossible-dates.md). Non-fatal errors
and warnings (stray text, 0/1 booleans, unreadable dates) are kept on the import, with the
child identifiers removed. Dates in the future and anything ending before it starts are fatal
(see :mod:`masa.returns.readers.cin` and :mod:`masa.returns.readers.ssda903` for why).

The files are read before the database transaction opens, so a long read holds no locks and the
progress it reports (``progress(percent, message)``) can be saved and seen while it runs; the
check for an existing import is made again inside the transaction before anything is written.

Browser and API uploads go through :func:`return_upload_create`: the files are copied to a
private upload area (never under MEDIA_ROOT), a :class:`ReturnImportJob` records the request,
and :func:`return_job_run` (the background task in :mod:`masa.returns.tasks`) imports them
and deletes the files, except those of a return refused only because of particular children,
which wait for :func:`return_job_leave_out_children` or :func:`return_job_discard` (or go at
the first upload after a day).
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from auditlog.context import disable_auditlog
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from masa.core import bounds
from masa.core.actors import Actor, SystemActor, attributed, user_or_none
from masa.partnership.models import Partnership
from masa.returns.models import (
    ImportedRecord,
    ImportStatus,
    JobStatus,
    Population,
    PseudonymSecret,
    RecordType,
    ReturnImport,
    ReturnImportJob,
    ReturnKind,
)
from masa.returns.readers import CINReader, CollectionYear, ReturnProblem, read_903_years
from masa.returns.readers.common import Pseudonymiser, hmac_pseudonymiser
from masa.returns.readers.leaving_out import children_text, children_to_leave_out

BATCH_SIZE = 1000
DEFAULT_RETURN_UPLOAD_MAX_BYTES = 100 * 1024 * 1024
#: Problems kept on a job (a refused file can hold hundreds of thousands); the total is counted.
JOB_PROBLEMS_KEPT = 2000
#: Problems kept for each child left out of an import (the first ones say why).
LEFT_OUT_PROBLEMS_KEPT = 20
#: Who runs a queued import whose requester is not a person (or no longer exists).
RETURN_IMPORTS = SystemActor("masa: return imports")
#: ``progress(percent, message)`` as a return is read and saved.
ImportProgress = Callable[[int, str], None]
_LA_CODE = re.compile(r"^\d{3}$")
_IDENTIFIER_IN_MESSAGE = re.compile(r" \((?:LAchildID|CHILD) [^)]*\)")


class ImportRefused(Exception):
    """The return was not imported; ``problems`` says why, file by file."""

    def __init__(
        self, message: str, problems: Sequence[ReturnProblem] = (), children_to_leave_out: int = 0
    ) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems)
        #: How many children the return could be imported without (``leave_out_children``);
        #: 0 when a problem is about the file itself, or no child would be left to import.
        self.children_to_leave_out = children_to_leave_out
        #: The problems as kept on a job: child identifiers removed (see :func:`stored_problem`).
        self.stored = [stored_problem(p, _no_key) for p in self.problems[:JOB_PROBLEMS_KEPT]]


def _no_key(_child: str) -> str:
    return ""


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


def _pending_pseudonymiser(partnership: Partnership) -> tuple[Pseudonymiser, str | None]:
    """The partnership's keyed hash, and a new secret to save with the import if it has none yet.

    The new secret is only saved when an import is saved, so a refused first import leaves
    nothing behind.
    """
    found = PseudonymSecret.objects.filter(partnership=partnership).first()
    if found is not None:
        return hmac_pseudonymiser(found.secret), None
    secret = secrets.token_hex(32)
    return hmac_pseudonymiser(secret), secret


def _save_secret(partnership: Partnership, secret: str) -> None:
    try:
        with transaction.atomic(), disable_auditlog():
            PseudonymSecret.objects.create(partnership=partnership, secret=secret)
    except IntegrityError as error:  # another partnership import saved its secret first
        raise _refuse("Another import for this partnership finished at the same moment; try again") from error


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
        "fatal": problem.fatal,
    }


def _problems(n: int) -> str:
    return f"{n:,} problem{'' if n == 1 else 's'}"


def _must_be_corrected(fatal: int, others: int) -> str:
    """How a refusal counts its problems: those that stop the import, and the rest listed too."""
    text = f"{_problems(fatal)} must be corrected in the return first"
    if others:
        text += f" (the list below also has {_problems(others)} that would not stop it)"
    return text


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{n:,} bytes"


def return_upload_max_bytes() -> int:
    """The largest return file accepted (setting MASA_RETURN_UPLOAD_MAX_BYTES, default 100 MB)."""
    return int(getattr(settings, "MASA_RETURN_UPLOAD_MAX_BYTES", DEFAULT_RETURN_UPLOAD_MAX_BYTES))


def upload_root() -> Path:
    """The private upload area: beside MEDIA_ROOT, never inside it, so nothing there is served."""
    configured = getattr(settings, "MASA_RETURN_UPLOAD_DIR", None)
    return Path(configured) if configured else Path(settings.MEDIA_ROOT).resolve().parent / "return-uploads"


def size_text(n: int) -> str:
    return _size(n)


def _check_files(paths: Sequence[str | os.PathLike[str]]) -> list[str]:
    limit = return_upload_max_bytes()
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
    path: str | os.PathLike[str],
    la_code: str,
    year: CollectionYear,
    pseudonymise: Pseudonymiser,
    today: date,
    progress: Any = None,
) -> tuple[list[ImportedRecord], list[ReturnProblem], dict[str, Any]]:
    reader = CINReader(path, pseudonymise=pseudonymise, today=today, progress=progress)
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
    if not any(p.fatal and not p.child for p in problems):  # a child's problem does not hide these
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
    paths: Sequence[str | os.PathLike[str]],
    year: CollectionYear,
    pseudonymise: Pseudonymiser,
    today: date,
    progress: Any = None,
) -> tuple[list[ImportedRecord], list[ReturnProblem], dict[str, Any]]:
    merged = read_903_years(
        [(year.first_year, path) for path in paths], pseudonymise=pseudonymise, today=today, progress=progress
    )
    problems = list(merged.problems)
    if not any(p.fatal and not p.child for p in problems) and not merged.has("Episodes"):
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
        if table.table and not table.unreadable:
            tables[table.table] += table.rows
    counts = {
        "episodes": len(merged.episodes),
        "headers": len(merged.headers),
        "uasc": len(merged.uasc),
        "tables": dict(tables),
    }
    return records, problems, counts


def existing_message(year: str, la_code: str, how: str = "use --replace") -> str:
    return (
        f"Returns for {year} are already imported for LA {la_code}; {how} to replace them "
        "(the earlier import is kept in the history)"
    )


def _reading_progress(progress: ImportProgress | None, names: Sequence[str]) -> Any:
    """A reader's (bytes read, total) as whole percent 0-90 (saving is the last 10), when it moves."""
    if progress is None:
        return None
    last = [-1]
    label = ", ".join(names)

    def report(done: int, total: int) -> None:
        percent = min(90, done * 90 // max(total, 1))
        if percent != last[0]:
            last[0] = percent
            progress(percent, f"Reading {label}: {_size(done)} of {_size(total)}")

    return report


@attributed
def return_import(
    *,
    actor: Actor,
    partnership: Partnership,
    la_code: str,
    year: str,
    kind: str,
    paths: Sequence[str | os.PathLike[str]],
    replace: bool = False,
    population: int | None = None,
    today: date | None = None,
    progress: ImportProgress | None = None,
    replace_hint: str | None = None,
    leave_out_children: bool = False,
) -> ReturnImport:
    """Import one LA's return for one collection year, or refuse it and save nothing.

    ``paths`` is the single CIN census XML, or any number of SSDA903 CSV tables for the year
    (Episodes is required; Header and UASC are used when present), or the 903 XML export.
    Raises :class:`ImportRefused`. ``progress(percent, message)`` is called as the files are read
    and saved; ``replace_hint`` words how to confirm a replacement in the refusal message.

    ``leave_out_children`` is the importer's explicit choice to import a return refused only
    because of problems attached to particular children: those children's records are not
    saved, and the import lists them with their problems (by pseudonym and position, never by
    identifier). A problem about the file itself still refuses it (docs/decisions/0004).
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
    if population is not None and not 0 < population <= bounds.MAX_COUNT:
        raise _refuse(f"The 0-17 population must be a whole number from 1 to {bounds.MAX_COUNT:,}")
    file_names = _check_files(paths)
    today = today or timezone.localdate()
    how = "use --replace" if replace_hint is None else replace_hint
    if not replace and _active(partnership, la_code, cy.label, kind).exists():
        raise _refuse(existing_message(cy.label, la_code, how))
    pseudonymise, new_secret = _pending_pseudonymiser(partnership)
    reading = _reading_progress(progress, file_names)
    if kind == ReturnKind.CIN:
        records, problems, counts = _read_cin(paths[0], la_code, cy, pseudonymise, today, reading)
    else:
        records, problems, counts = _read_903(paths, cy, pseudonymise, today, reading)
    fatal = [p for p in problems if p.fatal]
    left_out: list[dict[str, Any]] = []
    if fatal:
        leaving = children_to_leave_out(fatal)
        left_keys = {pseudonymise(c.child) for c in leaving or ()}
        if leaving and not any(r.child_key not in left_keys for r in records):
            leaving = None  # every child has such a problem: there would be nothing to import
        if not (leave_out_children and leaving):
            others = [p for p in problems if not p.fatal]
            refused = ImportRefused(
                f"Nothing was imported: {_must_be_corrected(len(fatal), len(others))}",
                fatal + others,
                children_to_leave_out=len(leaving or ()),
            )
            refused.stored = [stored_problem(p, pseudonymise) for p in refused.problems[:JOB_PROBLEMS_KEPT]]
            raise refused
        left_out = [
            {
                "child_key": pseudonymise(child.child),
                "problems": [
                    stored_problem(p, pseudonymise) for p in child.problems[:LEFT_OUT_PROBLEMS_KEPT]
                ],
            }
            for child in leaving
        ]
        left_labels = {c.child for c in leaving}
        records = [r for r in records if r.child_key not in left_keys]
        problems = [p for p in problems if p.child not in left_labels]
        counts |= _record_counts(kind, records) | {"children_left_out": len(left_out)}
    severities = Counter(p.severity for p in problems)
    counts |= {"errors": severities["error"], "warnings": severities["warning"]}
    if progress is not None:
        progress(92, f"Saving {len(records):,} records")

    with transaction.atomic():
        existing = list(_active(partnership, la_code, cy.label, kind).select_for_update())
        if existing and not replace:
            raise _refuse(existing_message(cy.label, la_code, how))
        if new_secret is not None:
            _save_secret(partnership, new_secret)
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
                    imported_by=user_or_none(actor),
                    problems=[stored_problem(p, pseudonymise) for p in problems],
                    counts=counts,
                    children_left_out=left_out,
                    children_left_out_count=len(left_out),
                    children_left_out_by=user_or_none(actor) if left_out else None,
                )
        except IntegrityError as error:  # another import of the same return finished first
            raise _refuse(existing_message(cy.label, la_code, how)) from error
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
    if progress is not None:
        progress(100, "Imported")
    return new


def _record_counts(kind: str, records: Sequence[ImportedRecord]) -> dict[str, int]:
    """The counts of what is saved, once children have been left out (the tables' rows stay)."""
    if kind == ReturnKind.CIN:
        return {"children": len(records), "episodes": sum(len(r.payload["eps"]) for r in records)}
    types = Counter(r.record_type for r in records)
    return {
        "episodes": types[RecordType.EPISODE],
        "headers": types[RecordType.HEADER],
        "uasc": types[RecordType.UASC],
    }


def _active(partnership: Partnership, la_code: str, year: str, kind: str) -> Any:
    return ReturnImport.objects.filter(
        partnership=partnership, la_code=la_code, year=year, kind=kind, status=ImportStatus.ACTIVE
    )


def _bulk_create(records: Iterable[ImportedRecord]) -> None:
    # bulk_create sends no signals, so the records are not copied into the audit log; the
    # import itself (who, when, which files, counts) is.
    ImportedRecord.objects.bulk_create(records, batch_size=BATCH_SIZE)


class PopulationRefused(ValidationError, ValueError):
    """A population figure that cannot be saved (a ValidationError keyed by field)."""


@attributed
@transaction.atomic
def population_set(
    *, actor: Actor, partnership: Partnership, la_code: str, year: str, children_0_17: int
) -> Population:
    """Record (or correct) one LA's 0-17 mid-year population for a collection year.

    Refusals are :class:`PopulationRefused` (a ValidationError keyed by field), saving nothing.
    """
    errors: dict[str, str] = {}
    label = ""
    try:
        label = CollectionYear.parse(year).label
    except (ValueError, AttributeError):
        errors["year"] = "Enter the collection year like 2023-24"
    if not _LA_CODE.match(la_code or ""):
        errors["la_code"] = f"The LA code must be the 3-digit DfE code, like 313, not '{la_code}'"
    # masa.core.bounds: the column is a 32-bit integer; a bigger number overflowed the database.
    if not isinstance(children_0_17, int) or not 0 < children_0_17 <= bounds.MAX_COUNT:
        errors["children_0_17"] = bounds.count_message("0-17 population", 1)
    if errors:
        raise PopulationRefused(errors)
    found, _ = Population.objects.update_or_create(
        partnership=partnership, la_code=la_code, year=label, defaults={"children_0_17": children_0_17}
    )
    return found


# -- uploads through the browser and the API --------------------------------------------------


@attributed
def return_upload_create(
    *,
    actor: Actor,
    partnership: Partnership,
    kind: str,
    la_code: str,
    year: str,
    files: Sequence[UploadedFile],
    replace: bool = False,
    confirm_replace: bool = False,
    leave_out_children: bool = False,
) -> ReturnImportJob:
    """Keep uploaded return files in the private area and record a job to import them.

    Refuses (ValidationError keyed by field, nothing kept) a wrong kind, LA code or year, no
    files, several CIN files, or a file over the size limit, before any file is read. When the
    LA already has an active import of this kind and year and ``replace`` is not given, the job
    waits for confirmation (``confirm_replace`` refuses instead, for the API). Otherwise it is
    queued: start it with :func:`return_job_enqueue` once the transaction commits.
    ``leave_out_children`` chooses in advance to import without the children whose problems
    would refuse the return (see :func:`return_import`).
    """
    errors: dict[str, str] = {}
    if kind not in ReturnKind.values:
        errors["kind"] = "Select the kind of return"
    la_code = (la_code or "").strip()
    if not _LA_CODE.match(la_code):
        errors["la_code"] = "Enter the LA code as the 3-digit DfE code, like 313"
    label = ""
    try:
        label = CollectionYear.parse(year or "").label
    except ValueError:
        errors["year"] = "Enter the collection year like 2023-24, where the second year follows the first"
    limit = return_upload_max_bytes()
    if not files:
        errors["files"] = "Select the return file or files to upload"
    elif kind == ReturnKind.CIN and len(files) != 1:
        errors["files"] = "Select one CIN census file (one LA, one year)"
    else:
        for upload in files:
            if upload.size is not None and upload.size > limit:
                errors["files"] = (
                    f"The file {upload.name} is {_size(upload.size)}; a return file must be no bigger "
                    f"than {_size(limit)}"
                )
                break
            if not upload.size:
                errors["files"] = f"The file {upload.name} is empty"
                break
    if errors:
        raise ValidationError(errors)
    _cancel_abandoned(partnership)
    exists = _active(partnership, la_code, label, kind).exists()
    if exists and not replace and confirm_replace:
        raise ValidationError(
            {"replace": existing_message(label, la_code, "send replace=true")},
            code="exists",
        )
    job_uuid = uuid.uuid4()
    folder = upload_root() / str(job_uuid)
    folder.mkdir(parents=True, exist_ok=False)
    folder.chmod(0o700)
    names = []
    try:
        for number, upload in enumerate(files, start=1):
            # The name is only a label: the file on disk is numbered, so nothing the user sends
            # can choose or escape the path.
            name = os.path.basename((upload.name or f"file-{number}").replace("\\", "/"))[:200] or "file"
            with open(folder / f"{number:03d}", "wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            names.append(name)
        job = ReturnImportJob.objects.create(
            uuid=job_uuid,
            partnership=partnership,
            kind=kind,
            la_code=la_code,
            year=label,
            file_names=names,
            replace=replace,
            leave_out_children=leave_out_children,
            left_out_by=user_or_none(actor) if leave_out_children else None,
            status=JobStatus.CONFIRM if exists and not replace else JobStatus.QUEUED,
            message="Waiting for you to confirm the replacement" if exists and not replace else "Queued",
            requested_by=user_or_none(actor),
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return job


#: Uploads waiting for a confirmation longer than this are cancelled and their files deleted.
ABANDONED_AFTER = timedelta(days=1)


def _cancel_abandoned(partnership: Partnership) -> None:
    stale = ReturnImportJob.objects.filter(
        partnership=partnership, status=JobStatus.CONFIRM, created_at__lt=timezone.now() - ABANDONED_AFTER
    )
    for job in stale:
        shutil.rmtree(job_folder(job), ignore_errors=True)
    stale.update(
        status=JobStatus.CANCELLED,
        message="Cancelled: the replacement was not confirmed within a day",
        finished_at=timezone.now(),
    )
    # Files kept for leaving children out of a refused upload go after a day too.
    unanswered = ReturnImportJob.objects.filter(
        partnership=partnership,
        status=JobStatus.REFUSED,
        children_to_leave_out__gt=0,
        finished_at__lt=timezone.now() - ABANDONED_AFTER,
    )
    for job in unanswered:
        shutil.rmtree(job_folder(job), ignore_errors=True)
    unanswered.update(children_to_leave_out=0)


def job_folder(job: ReturnImportJob) -> Path:
    return upload_root() / str(job.uuid)


def return_job_enqueue(job: ReturnImportJob) -> None:
    """Start the background import.

    The database task backend stores the task in the same transaction as the job, so a worker
    never sees a task whose job is not yet saved; the immediate backend (tests) runs it now.
    """
    from masa.returns.tasks import run_return_import

    run_return_import.enqueue(job_id=str(job.pk))


@attributed
def return_job_confirm(*, actor: Actor, job: ReturnImportJob, replace: bool) -> ReturnImportJob:
    """The answer to "Replace the current import?": queue the job, or cancel it and delete its files."""
    if job.status != JobStatus.CONFIRM:
        raise ValidationError({"replace": "This upload is no longer waiting for an answer"})
    if replace:
        job.replace = True
        job.status = JobStatus.QUEUED
        job.message = "Queued"
        job.save(update_fields=["replace", "status", "message", "updated_at"])
        return_job_enqueue(job)
    else:
        job.status = JobStatus.CANCELLED
        job.message = "Cancelled: the current import was kept"
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "message", "finished_at", "updated_at"])
        shutil.rmtree(job_folder(job), ignore_errors=True)
    return job


def _job_update(job: ReturnImportJob, **fields: Any) -> None:
    # A queryset update: progress changes are frequent and are not copied into the audit log.
    ReturnImportJob.objects.filter(pk=job.pk).update(updated_at=timezone.now(), **fields)
    for name, value in fields.items():
        setattr(job, name, value)


def return_job_run(job_id: Any) -> ReturnImportJob | None:
    """Import a queued job's files (the background task). Always deletes the files afterwards.

    A refusal is recorded on the job with its problem list; an unexpected failure is recorded
    with a plain message (the details go to the log). Either way nothing of the return is saved.
    """
    job = (
        ReturnImportJob.objects.select_related("partnership", "requested_by", "left_out_by")
        .filter(pk=job_id)
        .first()
    )
    if job is None or job.status != JobStatus.QUEUED:
        return job
    folder = job_folder(job)
    keep_files = False
    _job_update(job, status=JobStatus.RUNNING, started_at=timezone.now(), progress=0, message="Starting")
    try:
        paths = [folder / f"{number:03d}" for number in range(1, len(job.file_names) + 1)]
        named: list[Path] = []
        for path, name in zip(paths, job.file_names, strict=True):
            # The readers name files in their messages: give each its uploaded name.
            target = folder / "named" / f"{len(named):03d}" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if path.exists():
                path.rename(target)
            named.append(target)

        def progress(percent: int, message: str) -> None:
            _job_update(job, progress=percent, message=message[:300])

        chooser = job.left_out_by if job.leave_out_children else None
        imported = return_import(
            actor=chooser or job.requested_by or RETURN_IMPORTS,
            partnership=job.partnership,
            la_code=job.la_code,
            year=job.year,
            kind=job.kind,
            paths=named,
            replace=job.replace,
            progress=progress,
            replace_hint="confirm the replacement",
            leave_out_children=job.leave_out_children,
        )
    except ImportRefused as refused:
        # Refused only because of particular children: the files wait (a day at most) in case
        # the user chooses to import without them, rather than upload the same files again.
        keep_files = bool(refused.children_to_leave_out) and not job.leave_out_children
        _job_update(
            job,
            status=JobStatus.REFUSED,
            message=f"{refused.message}. Nothing was saved.",
            problems=refused.stored,
            problem_count=len(refused.problems),
            children_to_leave_out=refused.children_to_leave_out if keep_files else 0,
            finished_at=timezone.now(),
        )
    except Exception:  # noqa: BLE001 - recorded on the job; the import's transaction rolled back
        import logging

        logging.getLogger(__name__).exception("Return import job %s failed", job.pk)
        _job_update(
            job,
            status=JobStatus.FAILED,
            message="The import failed unexpectedly and nothing was saved. Try again, or ask for help.",
            finished_at=timezone.now(),
        )
    else:
        _job_update(
            job,
            status=JobStatus.SUCCEEDED,
            progress=100,
            message=f"Imported without {children_text(imported.children_left_out_count)}"
            if imported.children_left_out_count
            else "Imported",
            return_import=imported,
            problems=imported.problems[:JOB_PROBLEMS_KEPT],
            problem_count=len(imported.problems),
            finished_at=timezone.now(),
        )
    finally:
        if not keep_files:
            shutil.rmtree(folder, ignore_errors=True)
    return job


@attributed
def return_job_leave_out_children(*, actor: Actor, job: ReturnImportJob) -> ReturnImportJob:
    """The user's choice to import a refused upload without the children whose problems refused it.

    Only for a job refused because of particular children, whose files are still kept. The job
    is queued again with the same files; start it with :func:`return_job_enqueue`. Who chose is
    kept on the job and on the import, and so in the audit log (docs/decisions/0004).
    """
    with transaction.atomic():
        # Locked, so that two people answering at once queue the import once.
        current = ReturnImportJob.objects.select_for_update().filter(pk=job.pk).first()
        if (
            current is None
            or current.status != JobStatus.REFUSED
            or not current.children_to_leave_out
            or not job_folder(current).exists()
        ):
            raise ValidationError(
                {"confirm": "This upload can no longer be imported without those children: upload it again"}
            )
        job.leave_out_children = True
        job.left_out_by = user_or_none(actor)
        job.status = JobStatus.QUEUED
        job.progress = 0
        job.message = f"Queued to import without {children_text(job.children_to_leave_out)}"
        job.finished_at = None
        job.save(
            update_fields=[
                "leave_out_children",
                "left_out_by",
                "status",
                "progress",
                "message",
                "finished_at",
                "updated_at",
            ]
        )
    return job


@attributed
def return_job_discard(*, actor: Actor, job: ReturnImportJob) -> ReturnImportJob:
    """Delete the files a refused upload kept for leaving children out; the refusal stays."""
    shutil.rmtree(job_folder(job), ignore_errors=True)
    if job.children_to_leave_out:
        job.children_to_leave_out = 0
        job.save(update_fields=["children_to_leave_out", "updated_at"])
    return job
