"""Safeguarding indicators from CIN census and SSDA903 data.

Definitions: docs/indicators.md, "1. Conventions" and "5. Indicator definitions".

:func:`compute_indicators` takes one LA's data for one collection year and returns, for every
indicator id in :data:`INDICATORS`, a dict ``{"numerator", "denominator", "value", "reason",
"notes"}``. Rates are per 10,000 children aged 0-17 (the population is passed in: it is in no
return); percentages are 0-100; both are rounded to 1 decimal place. Counts have
``denominator`` None. When the data needed is missing, ``value`` is None and ``reason`` says
why. ``notes`` name the configurable choices that shaped the figure, to be shown beside it.

The CIN children are consumed in one pass, so a reader can be passed straight in. Partnership
figures come from :func:`combine` (sum of numerators over sum of denominators, never an average
of rates).

Unverified points are :class:`IndicatorOptions` fields; the defaults are documented there.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from masa.clocks.calendar import add_months

from .cin import CINChild
from .common import CollectionYear
from .ssda903 import ChildHeader, Episode, UASCRecord

WorkingDaysBetween = Callable[[date, date], int]
Kind = Literal["rate", "pct", "count"]


@dataclass(frozen=True)
class IndicatorSpec:
    kind: Kind
    title: str
    basis: Literal["DfE-defined", "derived/local"]


INDICATORS: dict[str, IndicatorSpec] = {
    "referrals": IndicatorSpec("count", "Referrals in year", "DfE-defined"),
    "referrals_rate": IndicatorSpec("rate", "Referrals per 10,000 children", "DfE-defined"),
    "re_referrals_pct": IndicatorSpec("pct", "Re-referrals within 12 months (%)", "DfE-defined"),
    "assessments_45wd_pct": IndicatorSpec(
        "pct", "Assessments completed within 45 working days (%)", "DfE-defined"
    ),
    "s47": IndicatorSpec("count", "Section 47 enquiries started in year", "DfE-defined"),
    "s47_rate": IndicatorSpec("rate", "Section 47 enquiries per 10,000 children", "DfE-defined"),
    "icpc": IndicatorSpec("count", "Initial child protection conferences in year", "DfE-defined"),
    "s47_to_icpc_pct": IndicatorSpec("pct", "Section 47 enquiries leading to an ICPC (%)", "derived/local"),
    "icpc_15wd_pct": IndicatorSpec("pct", "ICPCs within 15 working days of the S47 start (%)", "DfE-defined"),
    "cp_31mar": IndicatorSpec("count", "Children on a CP plan at 31 March", "DfE-defined"),
    "cp_rate_31mar": IndicatorSpec("rate", "Children on a CP plan per 10,000 at 31 March", "DfE-defined"),
    "cp_second_pct": IndicatorSpec("pct", "CP plans that are second or subsequent (%)", "DfE-defined"),
    "cp_second_2yrs_pct": IndicatorSpec(
        "pct", "CP plans second or subsequent within 2 years (%)", "derived/local"
    ),
    "cp_ended_2yrs_pct": IndicatorSpec(
        "pct", "CP plans ended in year that lasted 2 years or more (%)", "DfE-defined"
    ),
    "cin_31mar": IndicatorSpec("count", "Children in need at 31 March", "DfE-defined"),
    "cin_rate_31mar": IndicatorSpec("rate", "Children in need per 10,000 at 31 March", "DfE-defined"),
    "cla_31mar": IndicatorSpec("count", "Children looked after at 31 March", "DfE-defined"),
    "cla_rate_31mar": IndicatorSpec("rate", "Children looked after per 10,000 at 31 March", "DfE-defined"),
    "placement_3plus_pct": IndicatorSpec(
        "pct", "Children looked after with 3 or more placements in year (%)", "DfE-defined"
    ),
    "long_term_stability_pct": IndicatorSpec("pct", "Long-term placement stability (%)", "DfE-defined"),
    "uasc_31mar": IndicatorSpec(
        "count", "Unaccompanied asylum-seeking children looked after at 31 March", "DfE-defined"
    ),
}
CIN_IDS = tuple(k for k in INDICATORS if not k.startswith(("cla", "placement", "long_term", "uasc")))
CLA_IDS = tuple(k for k in INDICATORS if k not in CIN_IDS)


@dataclass(frozen=True)
class IndicatorOptions:
    """Choices where the official definitions leave room (docs/indicators.md, "6. Configurable
    choices"). Defaults in brackets.

    - ``re_referral_window`` ["12_calendar_months"]: an earlier referral on or after the same
      day 12 calendar months before counts; "365_days" uses a 365-day look-back instead.
    - ``two_years`` ["anniversary"]: "2 years" is the calendar anniversary (29 Feb clamps to
      28 Feb); "730_days" uses 730 days. Used by cp_second_2yrs_pct, cp_ended_2yrs_pct and the
      long-term stability durations.
    - ``closed_on_reference_date_is_open`` [False]: a CPP end, CIN closure or 903 DEC dated
      31 March means closed at 31 March (unverified against DfE text).
    - ``assessment_clock_start`` ["assessment_start"]: DfE times assessments from
      AssessmentActualStartDate; "referral" times from CINreferralDate (Working Together).
    - ``exclude_icpc_not_required`` [False]: keep S47s flagged ICPCnotRequired in the
      s47_to_icpc_pct denominator, as the formula says.
    - ``placement_rne`` [S, P, T, B, U]: RNE codes that start a new placement (12a).
    - ``same_placement_rne`` [L]: RNE codes that continue the previous placement, for
      long-term stability (add T and U to read "same carer" more loosely; unverified).
    - ``adoption_place_codes`` [A3-A6]: placed-for-adoption PLACE codes; such a placement is
      joined with the placement before it for long-term stability.
    - ``short_break_ls`` [V3, V4]: legal statuses excluded from the looked-after counts.
    - ``cp_second_rule`` ["any"]: a child who starts several plans in the year counts as
      "second or subsequent" if any of them had NumberOfPreviousCPP ≥ 1; "first" looks only at
      the child's first plan in the year.
    """

    re_referral_window: Literal["12_calendar_months", "365_days"] = "12_calendar_months"
    two_years: Literal["anniversary", "730_days"] = "anniversary"
    closed_on_reference_date_is_open: bool = False
    assessment_clock_start: Literal["assessment_start", "referral"] = "assessment_start"
    exclude_icpc_not_required: bool = False
    placement_rne: frozenset[str] = frozenset({"S", "P", "T", "B", "U"})
    same_placement_rne: frozenset[str] = frozenset({"L"})
    adoption_place_codes: frozenset[str] = frozenset({"A3", "A4", "A5", "A6"})
    short_break_ls: frozenset[str] = frozenset({"V3", "V4"})
    cp_second_rule: Literal["any", "first"] = "any"

    def minus_two_years(self, day: date) -> date:
        return add_months(day, -24) if self.two_years == "anniversary" else day - timedelta(days=730)

    def plus_two_years(self, day: date) -> date:
        return add_months(day, 24) if self.two_years == "anniversary" else day + timedelta(days=730)


DEFAULT_OPTIONS = IndicatorOptions()


def default_working_days_between() -> WorkingDaysBetween:
    """The platform calendar (England and Wales bank holidays), imported only when needed."""
    module = importlib.import_module("masa.clocks.calendar")
    return module.working_days_between  # type: ignore[no-any-return]


# -- result helpers ---------------------------------------------------------------------------

Result = dict[str, Any]


def _value(kind: Kind, numerator: int, denominator: int | None) -> float | int | None:
    if kind == "count":
        return numerator
    if not denominator:
        return None
    scale = 10_000 if kind == "rate" else 100
    return round(numerator * scale / denominator, 1)


def make_result(
    ind_id: str,
    numerator: int | None,
    denominator: int | None,
    reason: str | None = None,
    notes: Iterable[str] = (),
) -> Result:
    kind = INDICATORS[ind_id].kind
    value = None
    if numerator is not None and (kind == "count" or denominator is not None):
        value = _value(kind, numerator, denominator)
        if value is None and reason is None:
            reason = "the denominator is zero" if kind == "pct" else "the population is zero"
    elif reason is None:
        reason = "not computed"
    return {
        "numerator": numerator,
        "denominator": denominator,
        "value": value,
        "reason": reason,
        "notes": list(notes),
        "kind": kind,
        "basis": INDICATORS[ind_id].basis,
        # Children left out of the return at the importer's request (docs/decisions/0004).
        "children_left_out": 0,
    }


def _unavailable(ids: Iterable[str], reason: str) -> dict[str, Result]:
    return {i: make_result(i, None, None, reason) for i in ids}


def combine(results: Iterable[Mapping[str, Result]]) -> dict[str, Result]:
    """Partnership figures: Σ numerators ÷ Σ denominators for each indicator.

    If any LA lacks a figure the partnership figure is None too, with that LA's reason.
    """
    results = list(results)
    combined: dict[str, Result] = {}
    for ind_id in INDICATORS:
        parts = [r.get(ind_id) for r in results]
        if not parts:
            combined[ind_id] = make_result(ind_id, None, None, "no local authority figures to combine")
            continue
        combined[ind_id] = _combine_one(ind_id, parts)
        combined[ind_id]["children_left_out"] = sum(p.get("children_left_out", 0) for p in parts if p)
    return combined


def _combine_one(ind_id: str, parts: list[Result | None]) -> Result:
    """One indicator across the LAs (see :func:`combine`)."""
    missing = next(
        (
            p
            for p in parts
            if p is None
            or p["numerator"] is None
            or (INDICATORS[ind_id].kind != "count" and p["denominator"] is None)
        ),
        "ok",
    )
    if missing != "ok":
        why = missing["reason"] if isinstance(missing, Mapping) else "absent"
        return make_result(ind_id, None, None, f"not available for every local authority ({why})")
    numerator = sum(p["numerator"] for p in parts if p is not None)
    denominator = None
    if INDICATORS[ind_id].kind != "count":
        denominator = sum(p["denominator"] for p in parts if p is not None)
    notes = sorted({n for p in parts if p is not None for n in p.get("notes", [])})
    return make_result(ind_id, numerator, denominator, notes=notes)


# -- CIN ----------------------------------------------------------------------------------------


@dataclass
class _History:
    referrals: set[date] = field(default_factory=set)
    plans: dict[date, date | None] = field(default_factory=dict)


def _history(children: Iterable[CINChild]) -> dict[str, _History]:
    found: dict[str, _History] = {}
    for child in children:
        h = found.setdefault(child.key, _History())
        for ep in child.episodes:
            if ep.referral:
                h.referrals.add(ep.referral)
            for p in ep.cp_plans:
                if p.start:
                    h.plans[p.start] = p.end if p.end is not None else h.plans.get(p.start)
    return found


def _cin_indicators(
    year: CollectionYear,
    population: int | None,
    children: Iterable[CINChild],
    previous: Iterable[CINChild] | None,
    options: IndicatorOptions,
    wd: WorkingDaysBetween,
) -> dict[str, Result]:
    ref = year.end
    history = _history(previous) if previous is not None else None

    def open_at_ref(end: date | None) -> bool:
        return end is None or end > ref or (options.closed_on_reference_date_is_open and end == ref)

    def rereferral_floor(day: date) -> date:
        if options.re_referral_window == "365_days":
            return day - timedelta(days=365)
        return add_months(day, -12)

    referrals = rereferrals = 0
    assess_den = assess_num = assess_excluded = 0
    s47 = s47_den = s47_icpc = 0
    icpc = icpc_den = icpc_num = icpc_before_s47 = 0
    # Sets of keys, so a child recorded twice in the file (a data error) is still one child.
    cp_open: set[str] = set()
    cin_open: set[str] = set()
    cp_started: set[str] = set()
    cp_second: set[str] = set()
    cp_second_2y: set[str] = set()
    cp_unknown_prev: set[str] = set()
    cp_ended = cp_ended_long = 0

    for child in children:
        prior = history.get(child.key) if history is not None else None
        referral_dates = {ep.referral for ep in child.episodes if ep.referral}
        plans: dict[date, date | None] = {}
        if prior is not None:
            referral_dates |= prior.referrals
            plans.update(prior.plans)
        for ep in child.episodes:
            for p in ep.cp_plans:
                if p.start:
                    plans[p.start] = p.end
        child_in_need = child_on_cp = False
        starts_in_year: list[tuple[date, int | None]] = []
        for ep in child.episodes:
            if year.contains(ep.referral):
                assert ep.referral is not None
                referrals += 1
                floor = rereferral_floor(ep.referral)
                if any(floor <= d < ep.referral for d in referral_dates):
                    rereferrals += 1
            if ep.referral and ep.referral <= ref and open_at_ref(ep.closure) and ep.nfa is not True:
                child_in_need = True
            for a in ep.assessments:
                if not year.contains(a.authorised):
                    continue
                assert a.authorised is not None
                start = a.start if options.assessment_clock_start == "assessment_start" else ep.referral
                if start is None or a.authorised < start:
                    assess_excluded += 1
                    continue
                assess_den += 1
                if wd(start, a.authorised) <= 45:
                    assess_num += 1
            for s in ep.section47s:
                if year.contains(s.start):
                    s47 += 1
                    if not (options.exclude_icpc_not_required and s.icpc_not_required):
                        s47_den += 1
                        if s.icpc is not None:
                            s47_icpc += 1
                if year.contains(s.icpc):
                    assert s.icpc is not None
                    icpc += 1
                    if s.start is not None and s.icpc >= s.start:
                        icpc_den += 1
                        if wd(s.start, s.icpc) <= 15:
                            icpc_num += 1
                    else:
                        icpc_before_s47 += 1
            for p in ep.cp_plans:
                if p.start and p.start <= ref and open_at_ref(p.end):
                    child_on_cp = True
                if year.contains(p.start):
                    assert p.start is not None
                    starts_in_year.append((p.start, p.previous_plans))
                if year.contains(p.end):
                    cp_ended += 1
                    if p.start and p.end and p.end >= options.plus_two_years(p.start):
                        cp_ended_long += 1
        if child_in_need:
            cin_open.add(child.key)
        if child_on_cp:
            cp_open.add(child.key)
        if starts_in_year:
            cp_started.add(child.key)
            starts_in_year.sort()
            considered = starts_in_year if options.cp_second_rule == "any" else starts_in_year[:1]
            if any(prev is not None and prev >= 1 for _, prev in considered):
                cp_second.add(child.key)
            elif all(prev is None for _, prev in considered):
                cp_unknown_prev.add(child.key)
            for start, _ in considered:
                floor = options.minus_two_years(start)
                if any(s < start and e is not None and floor <= e <= start for s, e in plans.items()):
                    cp_second_2y.add(child.key)
                    break

    pop_reason = None if population else "no 0-17 population figure for this LA and year"
    results: dict[str, Result] = {}
    results["referrals"] = make_result("referrals", referrals, None)
    results["referrals_rate"] = make_result(
        "referrals_rate", referrals if population else None, population or None, pop_reason
    )
    window = "12 calendar months" if options.re_referral_window == "12_calendar_months" else "365 days"
    if history is None:
        results["re_referrals_pct"] = make_result(
            "re_referrals_pct",
            None,
            None,
            "needs the previous year's CIN census: earlier referrals closed before 1 April are not "
            "in this one",
        )
    else:
        results["re_referrals_pct"] = make_result(
            "re_referrals_pct", rereferrals, referrals, notes=[f"look-back: {window}; not linked across LAs"]
        )
    clock = (
        "AssessmentActualStartDate"
        if options.assessment_clock_start == "assessment_start"
        else "CINreferralDate"
    )
    results["assessments_45wd_pct"] = make_result(
        "assessments_45wd_pct",
        assess_num,
        assess_den,
        notes=[
            f"timed from {clock}",
            f"{assess_excluded} authorised assessment(s) excluded (no start date "
            "or authorised before it started)",
        ],
    )
    results["s47"] = make_result("s47", s47, None)
    results["s47_rate"] = make_result("s47_rate", s47 if population else None, population or None, pop_reason)
    results["icpc"] = make_result(
        "icpc",
        icpc,
        None,
        notes=["Section47 DateOfInitialCPC only; CINdetails-level (transfer-in) conferences excluded"],
    )
    results["s47_to_icpc_pct"] = make_result(
        "s47_to_icpc_pct",
        s47_icpc,
        s47_den,
        notes=[
            "cohort: S47s started in year",
            "ICPCnotRequired S47s " + ("excluded" if options.exclude_icpc_not_required else "included"),
        ],
    )
    results["icpc_15wd_pct"] = make_result(
        "icpc_15wd_pct",
        icpc_num,
        icpc_den,
        notes=[
            "timed from S47ActualStartDate",
            f"{icpc_before_s47} ICPC(s) with no S47 start or dated before it counted in the total "
            "but not timed",
        ],
    )
    closed_rule = (
        "an end dated 31 March counts as open"
        if options.closed_on_reference_date_is_open
        else "an end dated 31 March counts as closed"
    )
    results["cp_31mar"] = make_result("cp_31mar", len(cp_open), None, notes=[closed_rule])
    results["cp_rate_31mar"] = make_result(
        "cp_rate_31mar",
        len(cp_open) if population else None,
        population or None,
        pop_reason,
        notes=[closed_rule],
    )
    results["cp_second_pct"] = make_result(
        "cp_second_pct",
        len(cp_second),
        len(cp_started),
        notes=[
            f"children starting a plan in year; rule '{options.cp_second_rule}'",
            f"{len(cp_unknown_prev)} child(ren) with no NumberOfPreviousCPP counted as first plans",
        ],
    )
    years = "anniversary" if options.two_years == "anniversary" else "730 days"
    if history is None:
        results["cp_second_2yrs_pct"] = make_result(
            "cp_second_2yrs_pct",
            None,
            None,
            "needs earlier CIN census returns: plans that ended before 1 April are not in this one",
        )
    else:
        results["cp_second_2yrs_pct"] = make_result(
            "cp_second_2yrs_pct",
            len(cp_second_2y),
            len(cp_started),
            notes=[f"2 years = {years}", "plans in other LAs are not seen"],
        )
    results["cp_ended_2yrs_pct"] = make_result(
        "cp_ended_2yrs_pct", cp_ended_long, cp_ended, notes=[f"2 years = {years}", "counts plans"]
    )
    results["cin_31mar"] = make_result(
        "cin_31mar", len(cin_open), None, notes=[closed_rule, "NFA referrals excluded"]
    )
    results["cin_rate_31mar"] = make_result(
        "cin_rate_31mar",
        len(cin_open) if population else None,
        population or None,
        pop_reason,
        notes=[closed_rule],
    )
    return results


# -- SSDA903 ------------------------------------------------------------------------------------


def _cla_indicators(
    year: CollectionYear,
    population: int | None,
    episodes: Iterable[Episode],
    headers: Iterable[ChildHeader] | Mapping[str, ChildHeader] | None,
    uasc: Iterable[UASCRecord] | Mapping[str, UASCRecord] | None,
    options: IndicatorOptions,
) -> dict[str, Result]:
    ref, start = year.end, year.start
    by_child: dict[str, list[Episode]] = {}
    for ep in episodes:
        if ep.ls not in options.short_break_ls:
            by_child.setdefault(ep.child, []).append(ep)

    def open_at(ep: Episode, day: date) -> bool:
        if ep.decom > day:
            return False
        return ep.dec is None or ep.dec > day or (options.closed_on_reference_date_is_open and ep.dec == day)

    dobs: dict[str, date | None] | None = None
    if headers is not None:
        items = headers.values() if isinstance(headers, Mapping) else headers
        dobs = {h.child: h.dob for h in items}
    uasc_map: dict[str, UASCRecord] | None = None
    if uasc is not None:
        uasc_map = dict(uasc) if isinstance(uasc, Mapping) else {u.child: u for u in uasc}

    cla = three_plus = 0
    lts_den = lts_num = lts_no_dob = 0
    uasc_count = 0
    cutoff_continuous = add_months(ref, -30)
    cutoff_placement = options.minus_two_years(ref)
    for child, eps in by_child.items():
        eps.sort(key=lambda e: e.decom)
        current = [e for e in eps if open_at(e, ref)]
        if not current:
            continue
        cla += 1
        in_care_1_april = any(e.decom < start and (e.dec is None or e.dec >= start) for e in eps)
        placements = int(in_care_1_april) + sum(
            1 for e in eps if year.contains(e.decom) and e.rne in options.placement_rne
        )
        if placements >= 3:
            three_plus += 1
        if uasc_map is not None:
            record = uasc_map.get(child)
            if record is not None and (record.duc is None or record.duc > ref):
                uasc_count += 1
        if dobs is not None:
            dob = dobs.get(child)
            if dob is None:
                lts_no_dob += 1
                continue
            if add_months(dob, 16 * 12) <= ref:  # 16 or over at 31 March
                continue
            index = eps.index(current[-1])
            # Continuous care: chain back while the previous episode ends the day this one starts.
            first = index
            while first > 0 and eps[first - 1].dec == eps[first].decom:
                first -= 1
            if eps[first].decom > cutoff_continuous:
                continue
            lts_den += 1
            placement = index
            while placement > first and eps[placement].rne in options.same_placement_rne:
                placement -= 1
            if eps[index].place in options.adoption_place_codes and placement > first:
                placement -= 1  # the placement before the adoptive one counts towards the 2 years
                while placement > first and eps[placement].rne in options.same_placement_rne:
                    placement -= 1
            if eps[placement].decom <= cutoff_placement:
                lts_num += 1

    pop_reason = None if population else "no 0-17 population figure for this LA and year"
    closed_rule = (
        "a DEC dated 31 March counts as open"
        if options.closed_on_reference_date_is_open
        else "a DEC dated 31 March counts as closed"
    )
    breaks = ", ".join(sorted(options.short_break_ls))
    results: dict[str, Result] = {
        "cla_31mar": make_result("cla_31mar", cla, None, notes=[closed_rule, f"{breaks} excluded"]),
        "cla_rate_31mar": make_result(
            "cla_rate_31mar",
            cla if population else None,
            population or None,
            pop_reason,
            notes=[closed_rule, f"{breaks} excluded"],
        ),
        "placement_3plus_pct": make_result(
            "placement_3plus_pct",
            three_plus,
            cla,
            notes=["new placement RNE codes: " + ", ".join(sorted(options.placement_rne))],
        ),
    }
    if dobs is None:
        results["long_term_stability_pct"] = make_result(
            "long_term_stability_pct", None, None, "needs the 903 Header table for dates of birth"
        )
    else:
        results["long_term_stability_pct"] = make_result(
            "long_term_stability_pct",
            lts_num,
            lts_den,
            notes=[
                "same placement continues through RNE " + ", ".join(sorted(options.same_placement_rne)),
                f"2 years = {'anniversary' if options.two_years == 'anniversary' else '730 days'}",
                f"{lts_no_dob} looked-after child(ren) without a date of birth left out",
            ],
        )
    if uasc_map is None:
        results["uasc_31mar"] = make_result("uasc_31mar", None, None, "needs the 903 UASC table")
    else:
        results["uasc_31mar"] = make_result("uasc_31mar", uasc_count, None)
    return results


# -- entry point ---------------------------------------------------------------------------------


def compute_indicators(
    year: str | int | CollectionYear,
    population: int | None,
    *,
    cin: Iterable[CINChild] | None = None,
    previous_cin: Iterable[CINChild] | None = None,
    episodes: Iterable[Episode] | None = None,
    headers: Iterable[ChildHeader] | Mapping[str, ChildHeader] | None = None,
    uasc: Iterable[UASCRecord] | Mapping[str, UASCRecord] | None = None,
    options: IndicatorOptions = DEFAULT_OPTIONS,
    working_days_between: WorkingDaysBetween | None = None,
) -> dict[str, Result]:
    """Every indicator in :data:`INDICATORS` for one LA and collection year.

    ``cin`` is this year's CIN census children (an iterator is fine: it is read once);
    ``previous_cin`` is the children of earlier years' returns for the same LA (needed for
    re-referrals and the 2-year repeat-plan measure). ``episodes`` are the merged 903 episodes
    (:func:`~masa.returns.readers.ssda903.merge_episodes`), ``headers`` and ``uasc`` the
    903 Header and UASC rows, all keyed with the same pseudonymiser.
    """
    cy = CollectionYear.parse(year)
    if population is not None and population < 0:
        raise ValueError("population cannot be negative")
    results: dict[str, Result] = {}
    if cin is None:
        results.update(_unavailable(CIN_IDS, f"no CIN census loaded for {cy.label}"))
    else:
        wd = working_days_between or default_working_days_between()
        results.update(_cin_indicators(cy, population, cin, previous_cin, options, wd))
    if episodes is None:
        results.update(_unavailable(CLA_IDS, f"no SSDA903 episodes loaded for {cy.label}"))
    else:
        results.update(_cla_indicators(cy, population, episodes, headers, uasc, options))
    return {k: results[k] for k in INDICATORS}
