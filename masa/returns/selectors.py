"""Reads for statutory returns: the indicators recomputed from the stored, pseudonymised records."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from masa.partnership.models import Partnership
from masa.returns.models import (
    ImportedRecord,
    ImportStatus,
    Population,
    RecordType,
    ReturnImport,
    ReturnImportJob,
    ReturnKind,
)
from masa.returns.readers import (
    DEFAULT_OPTIONS,
    CollectionYear,
    IndicatorOptions,
    combine,
    compute_indicators,
)
from masa.returns.readers.cin import CINChild
from masa.returns.readers.indicators import CIN_IDS, Result, WorkingDaysBetween
from masa.returns.readers.leaving_out import left_out_text
from masa.returns.readers.ssda903 import ChildHeader, Episode, UASCRecord, merge_episodes

CHUNK = 2000


def active_imports(partnership: Partnership) -> list[ReturnImport]:
    return list(
        ReturnImport.objects.filter(partnership=partnership, status=ImportStatus.ACTIVE).order_by(
            "la_code", "year", "kind"
        )
    )


def la_codes_for(partnership: Partnership, year: str) -> list[str]:
    """The LAs with an active return of either kind for the year."""
    label = CollectionYear.parse(year).label
    return sorted(
        set(
            ReturnImport.objects.filter(
                partnership=partnership, status=ImportStatus.ACTIVE, year=label
            ).values_list("la_code", flat=True)
        )
    )


def _records(return_import: ReturnImport) -> Any:
    return (
        ImportedRecord.objects.filter(return_import=return_import)
        .only("child_key", "record_type", "payload")
        .order_by("id")
        .iterator(chunk_size=CHUNK)
    )


def _cin_children(imports: list[ReturnImport]) -> list[CINChild]:
    return [
        record.as_cin_child(position)
        for return_import in imports
        for position, record in enumerate(_records(return_import), start=1)
    ]


def _lac(imports: list[ReturnImport]) -> tuple[list[Episode], dict[str, ChildHeader], dict[str, UASCRecord]]:
    """903 data from several years' imports: episodes latest-year-wins, Header and UASC likewise."""
    by_year: dict[int, list[Episode]] = defaultdict(list)
    headers: dict[str, ChildHeader] = {}
    uasc: dict[str, UASCRecord] = {}
    for return_import in sorted(imports, key=lambda i: i.year):  # oldest first, so later years win
        first_year = CollectionYear.parse(return_import.year).first_year
        for record in _records(return_import):
            if record.record_type == RecordType.EPISODE:
                by_year[first_year].append(record.as_episode())
            elif record.record_type == RecordType.HEADER:
                headers[record.child_key] = record.as_header()
            elif record.record_type == RecordType.UASC:
                uasc[record.child_key] = record.as_uasc()
    return merge_episodes(sorted(by_year.items())), headers, uasc


def la_indicators(
    partnership: Partnership,
    la_code: str,
    year: str,
    options: IndicatorOptions | None = None,
    working_days_between: WorkingDaysBetween | None = None,
) -> dict[str, Result]:
    """Every indicator for one LA and year, from its stored imports.

    The CIN census of the year is used with every earlier year's census as history (re-referrals,
    repeat plans). 903 episodes of this and every earlier year are merged, latest year winning;
    the Header and UASC tables are needed in at least one of those years for stability and UASC.
    """
    cy = CollectionYear.parse(year)
    imports = [i for i in active_imports(partnership) if i.la_code == la_code and i.year <= cy.label]
    cin_now = [i for i in imports if i.kind == ReturnKind.CIN and i.year == cy.label]
    cin_before = [i for i in imports if i.kind == ReturnKind.CIN and i.year < cy.label]
    lac = [i for i in imports if i.kind == ReturnKind.SSDA903]
    kwargs: dict[str, Any] = {}
    if cin_now:
        kwargs["cin"] = _cin_children(cin_now)
        kwargs["previous_cin"] = _cin_children(cin_before) if cin_before else None
    if any(i.year == cy.label for i in lac):
        episodes, headers, uasc = _lac(lac)
        has_header = any(i.counts.get("tables", {}).get("Header") is not None for i in lac)
        has_uasc = any(i.counts.get("tables", {}).get("UASC") is not None for i in lac)
        kwargs["episodes"] = episodes
        kwargs["headers"] = headers if has_header else None
        kwargs["uasc"] = uasc if has_uasc else None
    population = (
        Population.objects.filter(partnership=partnership, la_code=la_code, year=cy.label)
        .values_list("children_0_17", flat=True)
        .first()
    )
    results = compute_indicators(
        cy,
        population,
        options=options or DEFAULT_OPTIONS,
        working_days_between=working_days_between,
        **kwargs,
    )
    # Every figure says how many children its year's return was imported without
    # (docs/decisions/0004-refusing-impossible-dates.md).
    left_out = {
        kind: sum(i.children_left_out_count for i in imports if i.kind == kind and i.year == cy.label)
        for kind in ReturnKind.values
    }
    for ind_id, result in results.items():
        count = left_out[ReturnKind.CIN if ind_id in CIN_IDS else ReturnKind.SSDA903]
        if count:
            result["children_left_out"] = count
            result["notes"] = [*result.get("notes", []), left_out_text(count)]
    return results


def indicators_for(
    partnership: Partnership,
    year: str,
    options: IndicatorOptions | None = None,
    working_days_between: WorkingDaysBetween | None = None,
) -> dict[str, Result]:
    """Every indicator for the partnership and year: Σ numerators ÷ Σ denominators across its LAs.

    With one LA the LA's own figures (and reasons) are returned unchanged.
    """
    per_la = [
        la_indicators(partnership, la_code, year, options, working_days_between)
        for la_code in la_codes_for(partnership, year)
    ]
    if len(per_la) == 1:
        return per_la[0]
    return combine(per_la)


# -- pages: imports, upload jobs and the population table ---------------------------------------


def import_history(partnership: Partnership) -> list[ReturnImport]:
    """Every import, active and replaced, newest year first (one query)."""
    return list(
        ReturnImport.objects.filter(partnership=partnership)
        .select_related("imported_by", "replaced_by")
        .order_by("-year", "kind", "la_code", "-created_at")
    )


def import_get(partnership: Partnership, uuid: Any) -> ReturnImport | None:
    return (
        ReturnImport.objects.filter(partnership=partnership, uuid=uuid)
        .select_related("imported_by", "replaced_by")
        .first()
    )


def recent_jobs(partnership: Partnership, limit: int = 20) -> list[ReturnImportJob]:
    return list(
        ReturnImportJob.objects.filter(partnership=partnership)
        .select_related("requested_by", "return_import")
        .order_by("-created_at")[:limit]
    )


def job_get(partnership: Partnership, job_uuid: Any) -> ReturnImportJob | None:
    """The partnership's upload job, or None (another partnership's job is not found)."""
    return (
        ReturnImportJob.objects.filter(partnership=partnership, uuid=job_uuid)
        .select_related("requested_by", "return_import")
        .first()
    )


def job_by_id(partnership: Partnership, job_id: int) -> ReturnImportJob | None:
    return (
        ReturnImportJob.objects.filter(partnership=partnership, pk=job_id)
        .select_related("requested_by", "return_import")
        .first()
    )


def population_list(partnership: Partnership) -> list[Population]:
    return list(Population.objects.filter(partnership=partnership).order_by("la_code", "-year"))


def population_get(partnership: Partnership, population_uuid: Any) -> Population | None:
    return Population.objects.filter(partnership=partnership, uuid=population_uuid).first()
