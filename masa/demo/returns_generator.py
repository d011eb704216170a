"""Writes Hounslow's made-up 2023-24 CIN census and SSDA903 return for the demo.

The files are synthetic: every LAchildID, date and postcode is invented by one seeded random
generator (``random.Random(2324)``), so the same files come out every time. They are sized so
that the indicators the performance dataset computes from them match the figures of the
Hounslow 2023-24 yearly report (docs/domain.md, "8. The demo data: Hounslow 2023-24"): about 2,500 referrals,
92% assessed, more than 1,000 S47 enquiries, 430 ICPCs, 250 children on a CP plan at 31 March
(301 new plans in year, 42 repeat), 290 children looked after at 31 March, 53 of them UASC.

Working days come from the platform calendar (England and Wales bank holidays), the same one
the indicators use, so the 45- and 15-working-day figures are what the generator intends.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from masa.clocks.calendar import default_calendar
from masa.returns.readers.ssda903 import TABLES

SEED = 2324
LA_CODE = "313"
YEAR = "2023-24"
YEAR_START = date(2023, 4, 1)
REF = date(2024, 3, 31)

# Targets (Hounslow 2023-24 yearly report).
REFERRALS = 2500
NOT_ASSESSED = 200  # 8%: 92% of referrals progressed to assessment
S47 = 1050
ICPC = 430
ICPC_WITHIN_15 = 344  # 80%
NEW_PLANS = 301
REPEAT_PLANS = 42
CP_OPEN = 250
CP_OPEN_FROM_EARLIER = 70  # plans started before 1 April 2023 and still open
CP_ENDED_FROM_EARLIER = 200
CIN_PLANS_FROM_EARLIER = 300
RE_REFERRED_CHILDREN = 150
CLA = 290
CLA_UASC = 53
CLA_THREE_PLUS = 29  # about 10% with 3 or more placements in the year
CLA_CEASED = 140
UASC_CEASED = 10

FOSTER = ("U1", "U3", "U4", "U6")
UASC_PLACES = ("U4", "U6", "H5", "K2")
OTHER_PLACES = ("K2", "P1", "R1", "H5")


@dataclass
class ReturnFiles:
    cin: Path
    ssda903: list[Path]


@dataclass
class _Section47:
    start: date
    icpc: date | None = None
    not_required: bool | None = None


@dataclass
class _Plan:
    start: date
    end: date | None
    previous: int
    reviews: tuple[date, ...] = ()


@dataclass
class _Episode:
    referral: date
    source: str
    need: str
    nfa: bool = False
    closure: date | None = None
    closure_reason: str = "RC1"
    assessments: list[tuple[date, date | None]] = field(default_factory=list)
    s47s: list[_Section47] = field(default_factory=list)
    plans: list[_Plan] = field(default_factory=list)
    cin_plans: list[tuple[date, date | None]] = field(default_factory=list)
    #: The CINdetails-level DateOfInitialCPC (the CIN reader keeps it as ``transfer_in_icpc``).
    transfer_icpc: date | None = None
    #: (element, value) pairs of the PreProceedingsandFGDM block (2025-26 layout onwards).
    pre_proceedings: tuple[tuple[str, str], ...] = ()


@dataclass
class _Child:
    la_id: str
    birth: date
    sex: str
    ethnicity: str
    episodes: list[_Episode] = field(default_factory=list)
    #: GenderCurrent in the layouts before 2023-24.
    sex_element: str = "Sex"
    expected_birth: date | None = None
    death: date | None = None


@dataclass
class _LAC:
    la_id: str
    birth: date
    sex: str
    ethnicity: str
    uasc: bool
    episodes: list[tuple[date, str, str, str, str, date | None, str]] = field(default_factory=list)
    # (DECOM, RNE, LS, PLACE, PLACE_PROVIDER, DEC, REC)


class _Generator:
    def __init__(self, seed: int = SEED, id_prefix: str = "HD") -> None:
        self.rng = random.Random(seed)  # noqa: S311 (demo data, not security)
        self.calendar = default_calendar()
        self.next_id = 4100
        self.id_prefix = id_prefix

    # -- helpers ---------------------------------------------------------------------------

    def new_id(self) -> str:
        self.next_id += self.rng.randint(1, 7)
        return f"{self.id_prefix}{self.next_id:06d}"

    def day_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def weekday_between(self, first: date, last: date) -> date:
        day = self.day_between(first, last)
        while not self.calendar.is_working_day(day) and day > first:
            day -= timedelta(days=1)
        return day

    def wd(self, start: date, n: int) -> date:
        return self.calendar.add_working_days(start, n)

    def birth_for_age(self, youngest: int, oldest: int, on: date = REF) -> date:
        days = self.rng.randint(youngest * 365 + 30, oldest * 365 + 360)
        return on - timedelta(days=days)

    def ethnicity(self) -> str:
        return self.rng.choice(
            ("WBRI", "WOTH", "ASIN", "APKN", "AOTH", "BAFR", "BCRB", "MOTH", "OOTH", "AIND")
        )

    def source(self) -> str:
        return self.rng.choice(("1A", "1B", "2A", "2B", "3A", "3B", "3E", "4", "5A", "5C", "6", "8", "10"))

    def need(self) -> str:
        return self.rng.choices(("N1", "N2", "N3", "N4", "N5", "N6", "N8", "N9"), (50, 5, 6, 20, 6, 3, 6, 4))[
            0
        ]

    # -- children in need --------------------------------------------------------------------

    def in_year_referrals(self, count: int) -> list[_Episode]:
        rng = self.rng
        dates = sorted(self.weekday_between(YEAR_START, REF) for _ in range(count))
        episodes = [_Episode(d, self.source(), self.need()) for d in dates]
        indices = list(range(count))
        not_assessed = set(rng.sample(indices, NOT_ASSESSED))
        assessed = [i for i in indices if i not in not_assessed]
        s47 = set(rng.sample([i for i in assessed if dates[i] <= date(2024, 3, 15)], S47))
        icpc = set(rng.sample(sorted(i for i in s47 if dates[i] <= date(2024, 2, 1)), ICPC))
        within_15 = set(rng.sample(sorted(icpc), ICPC_WITHIN_15))
        plans = rng.sample(sorted(icpc), NEW_PLANS)
        plan_set = set(plans)
        repeat = set(rng.sample(plans, REPEAT_PLANS))

        for i, ep in enumerate(episodes):
            if i in not_assessed:
                ep.nfa = True
                ep.need = "N9"
                ep.closure = min(REF, self.wd(ep.referral, rng.choice((0, 0, 1, 2))))
                ep.closure_reason = "RC8"
                continue
            start = self.wd(ep.referral, rng.randint(0, 3))
            duration = rng.randint(8, 45) if rng.random() < 0.87 else rng.randint(46, 70)
            authorised: date | None = self.wd(start, duration)
            if i in s47:
                s47_start = min(REF, self.wd(ep.referral, rng.randint(0, 4)))
                section = _Section47(s47_start)
                if i in icpc:
                    days = rng.randint(6, 15) if i in within_15 else rng.randint(16, 26)
                    section.icpc = self.wd(s47_start, days)
                    section.not_required = False
                else:
                    section.not_required = rng.random() < 0.85
                ep.s47s.append(section)
                # An assessment runs alongside the enquiry; it is authorised by the conference.
                if section.icpc is not None:
                    authorised = min(authorised or REF, section.icpc)
            if authorised is not None and authorised > REF:
                authorised = None  # still open at 31 March
            ep.assessments.append((start, authorised))
            outcome_from = authorised
            if i in plan_set:
                conference = ep.s47s[0].icpc
                assert conference is not None
                previous = (1 if rng.random() < 0.85 else 2) if i in repeat else 0
                ep.plans.append(_Plan(conference, None, previous))
                outcome_from = None
            elif i in icpc:
                outcome_from = ep.s47s[0].icpc
            self._after_assessment(ep, outcome_from, cin_plan_share=0.3 if i in s47 else 0.22)
        self._end_new_plans([ep for ep in episodes if ep.plans], NEW_PLANS - (CP_OPEN - CP_OPEN_FROM_EARLIER))
        return episodes

    def _after_assessment(self, ep: _Episode, outcome_from: date | None, cin_plan_share: float) -> None:
        """Close the episode after the assessment, or start a CIN plan; open assessments stay open."""
        rng = self.rng
        if outcome_from is None:
            return
        if rng.random() < cin_plan_share:
            plan_start = min(REF, self.wd(outcome_from, rng.randint(0, 8)))
            plan_end = plan_start + timedelta(days=rng.randint(90, 300))
            if plan_end < REF:
                ep.cin_plans.append((plan_start, plan_end))
                ep.closure = min(REF, plan_end + timedelta(days=rng.randint(0, 14)))
                ep.closure_reason = rng.choice(("RC1", "RC1", "RC2", "RC4", "RC7"))
            else:
                ep.cin_plans.append((plan_start, None))
            return
        closure = self.wd(outcome_from, rng.randint(0, 10))
        if closure <= REF:
            ep.closure = closure
            ep.closure_reason = rng.choice(("RC1", "RC1", "RC1", "RC8", "RC7", "RC4"))

    def _end_new_plans(self, with_plans: list[_Episode], to_end: int) -> None:
        rng = self.rng
        early = [ep for ep in with_plans if ep.plans[0].start <= date(2023, 12, 1)]
        for ep in rng.sample(early, to_end):
            plan = ep.plans[0]
            plan.end = self.day_between(plan.start + timedelta(days=90), REF - timedelta(days=1))
            self._after_plan(ep, plan.end)

    def _after_plan(self, ep: _Episode, ended: date) -> None:
        rng = self.rng
        if rng.random() < 0.55:
            cin_end = ended + timedelta(days=rng.randint(60, 270))
            ep.cin_plans.append((ended, cin_end if cin_end < REF else None))
            if cin_end < REF:
                ep.closure = cin_end
                ep.closure_reason = "RC1"
        else:
            ep.closure = ended
            ep.closure_reason = rng.choice(("RC1", "RC1", "RC3", "RC7"))

    def earlier_episode(self, referral: date) -> _Episode:
        """An episode that was open on 1 April 2023, with its assessment before the year."""
        ep = _Episode(referral, self.source(), self.need())
        start = self.wd(referral, self.rng.randint(0, 3))
        ep.assessments.append((start, self.wd(start, self.rng.randint(10, 44))))
        return ep

    def earlier_cp(self, stays_open: bool, long: bool = False) -> _Episode:
        rng = self.rng
        if long:
            plan_start = self.weekday_between(date(2021, 4, 1), date(2022, 1, 31))
        else:
            plan_start = self.weekday_between(date(2022, 4, 1), date(2023, 3, 24))
        referral = self.calendar.add_working_days(plan_start, -rng.randint(15, 30))
        ep = self.earlier_episode(referral)
        s47_start = self.wd(referral, rng.randint(0, 3))
        ep.s47s.append(_Section47(s47_start, plan_start, False))
        previous = 1 if rng.random() < 0.12 else 0
        plan = _Plan(plan_start, None, previous)
        ep.plans.append(plan)
        if not stays_open:
            floor = max(YEAR_START, plan_start + timedelta(days=120))
            if long:
                floor = max(floor, date(plan_start.year + 2, plan_start.month, 1) + timedelta(days=31))
            plan.end = self.day_between(floor, REF - timedelta(days=1))
            self._after_plan(ep, plan.end)
        return ep

    def earlier_cin_plan(self) -> _Episode:
        rng = self.rng
        referral = self.weekday_between(date(2021, 9, 1), date(2023, 2, 1))
        ep = self.earlier_episode(referral)
        plan_start = ep.assessments[0][1] or referral
        if rng.random() < 0.5:
            ep.cin_plans.append((plan_start, None))
        else:
            end = self.day_between(YEAR_START, REF - timedelta(days=1))
            ep.cin_plans.append((plan_start, end))
            ep.closure = end
            ep.closure_reason = rng.choice(("RC1", "RC2", "RC4", "RC7"))
        return ep

    def cin_children(self, lac: list[_LAC]) -> list[_Child]:
        rng = self.rng
        children: list[_Child] = []
        # Children looked after at 31 March are children in need: one open episode each.
        la_referrals: list[_Episode] = []
        for looked_after in lac:
            if looked_after.episodes[-1][5] is not None:
                continue
            first_decom = looked_after.episodes[0][0]
            referral = max(looked_after.birth, first_decom - timedelta(days=rng.randint(0, 60)))
            ep = _Episode(
                referral, "1A" if not looked_after.uasc else "8", "N1" if not looked_after.uasc else "N9"
            )
            start = referral
            authorised = self.wd(start, rng.randint(5, 40))
            ep.assessments.append((start, authorised if authorised <= REF else None))
            if referral >= YEAR_START:
                la_referrals.append(ep)
            children.append(
                _Child(looked_after.la_id, looked_after.birth, looked_after.sex, looked_after.ethnicity, [ep])
            )
        episodes = self.in_year_referrals(REFERRALS - len(la_referrals))
        # Some children are referred twice in the year: a later referral after an earlier closure.
        # Children with CP plans are left alone, so the plan counts stay as the report's.
        episodes_without_plans = [ep for ep in episodes if not ep.plans]
        closed = [
            ep for ep in episodes_without_plans if ep.closure is not None and ep.closure < date(2024, 1, 1)
        ]
        pairs: dict[int, list[_Episode]] = {}
        used: set[int] = set()
        for ep in rng.sample(closed, min(len(closed), RE_REFERRED_CHILDREN * 3)):
            if len(pairs) >= RE_REFERRED_CHILDREN:
                break
            assert ep.closure is not None
            later = [
                other
                for other in episodes_without_plans[-600:]
                if other.referral > ep.closure + timedelta(days=30) and id(other) not in used
            ]
            if later:
                follow = rng.choice(later)
                used.add(id(follow))
                used.add(id(ep))
                pairs[id(ep)] = [ep, follow]
        for ep in episodes:
            if id(ep) in used and id(ep) not in pairs:
                continue
            eps = pairs.get(id(ep), [ep])
            children.append(self._child(eps))
        for _ in range(CP_OPEN_FROM_EARLIER):
            children.append(self._child([self.earlier_cp(stays_open=True)]))
        for n in range(CP_ENDED_FROM_EARLIER):
            children.append(self._child([self.earlier_cp(stays_open=False, long=n % 25 == 0)]))
        for _ in range(CIN_PLANS_FROM_EARLIER):
            children.append(self._child([self.earlier_cin_plan()]))
        rng.shuffle(children)
        return children

    def _child(self, episodes: list[_Episode]) -> _Child:
        rng = self.rng
        first = episodes[0].referral
        if rng.random() < 0.03:
            birth = first + timedelta(days=rng.randint(0, 60))  # referred before birth
        else:
            birth = self.birth_for_age(0, 17, on=first)
        return _Child(self.new_id(), birth, rng.choice("12"), self.ethnicity(), episodes)

    # -- children looked after ----------------------------------------------------------------

    def looked_after(self) -> list[_LAC]:
        rng = self.rng
        children: list[_LAC] = []
        three_plus = set(rng.sample(range(CLA), CLA_THREE_PLUS))
        for n in range(CLA):
            uasc = n < CLA_UASC
            children.append(self._lac(uasc=uasc, at_ref=True, three_plus=n in three_plus))
        for n in range(CLA_CEASED):
            children.append(self._lac(uasc=n < UASC_CEASED, at_ref=False, three_plus=False))
        rng.shuffle(children)
        return children

    def _lac(self, *, uasc: bool, at_ref: bool, three_plus: bool) -> _LAC:
        rng = self.rng
        if uasc:
            birth = (
                self.birth_for_age(15, 17)
                if at_ref
                else date(2005, 4, 2) + timedelta(days=rng.randint(0, 360))
            )
            started_in_year = at_ref and rng.random() < 0.45
        else:
            birth = self.birth_for_age(0, 17)
            started_in_year = rng.random() < 0.33
        child = _LAC(self.new_id(), birth, rng.choice("12") if not uasc else "1", self.ethnicity(), uasc)
        # Children who leave care in the year have no new rows after mid-January.
        latest = date(2024, 3, 25) if at_ref else date(2024, 1, 15)
        earliest = max(birth + timedelta(days=3), date(2012, 4, 1))
        if uasc:
            earliest = max(earliest, birth + timedelta(days=14 * 365))
        if started_in_year or earliest >= YEAR_START:
            decom = self.day_between(max(earliest, YEAR_START), min(latest, date(2024, 2, 20)))
        else:
            decom = self.day_between(earliest, date(2023, 3, 20))
        ls = "V2" if uasc else rng.choices(("C2", "C1", "V2", "E1", "J2"), (55, 15, 20, 5, 5))[0]
        places = UASC_PLACES if uasc else FOSTER + FOSTER + OTHER_PLACES
        place = rng.choice(places)
        starts: list[tuple[date, str, str, str]] = [(decom, "S", ls, place)]
        if decom < YEAR_START and rng.random() < 0.4:
            move = self.day_between(decom + timedelta(days=20), date(2023, 3, 25))
            if move > decom:
                starts.append((move, "P", ls, rng.choice(places)))
        moves_in_year = 2 if three_plus else (1 if rng.random() < 0.25 and not (uasc and not at_ref) else 0)
        if ls == "C1" and decom < date(2023, 11, 1):
            # An interim care order becomes a full care order: a legal-status-only change.
            change = self.day_between(max(decom, YEAR_START) + timedelta(days=60), latest)
            starts.append((change, "L", "C2", starts[-1][3]))
        first_move = max(decom, YEAR_START) + timedelta(days=5)
        for _ in range(moves_in_year):
            starts.append((self.day_between(first_move, latest), "P", starts[-1][2], rng.choice(places)))
        starts.sort(key=lambda s: s[0])
        # Later rows keep the latest legal status; one row per date.
        unique: list[tuple[date, str, str, str]] = []
        for start in starts:
            if unique and start[0] <= unique[-1][0]:
                start = (unique[-1][0] + timedelta(days=1), *start[1:])
            unique.append(start)
        ceased = None
        if not at_ref:
            ceased = self.day_between(
                max(unique[-1][0] + timedelta(days=10), YEAR_START), REF - timedelta(days=1)
            )
            if uasc:  # leaves care at 18 (the date UASC status ceased)
                ceased = date(birth.year + 18, birth.month, min(birth.day, 28))
        for i, (decom_i, rne, ls_i, place_i) in enumerate(unique):
            last = i == len(unique) - 1
            dec = unique[i + 1][0] if not last else ceased
            rec = "X1" if not last else ("" if ceased is None else self._reason_ceased(uasc))
            provider = (
                "PR1" if place_i in FOSTER and rng.random() < 0.6 else rng.choice(("PR2", "PR4", "PR5"))
            )
            child.episodes.append((decom_i, rne, ls_i, place_i, provider, dec, rec))
        return child

    def _reason_ceased(self, uasc: bool) -> str:
        if uasc:
            return "E17"
        return self.rng.choice(("E4A", "E4A", "E11", "E41", "E13", "E15", "E8"))


# -- writers ----------------------------------------------------------------------------------------


def _el(name: str, value: object) -> str:
    return "" if value is None else f"<{name}>{escape(str(value))}</{name}>"


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _episode_xml(ep: _Episode) -> str:
    parts = [
        "<CINdetails>",
        _el("CINreferralDate", ep.referral.isoformat()),
        _el("ReferralSource", ep.source),
        _el("PrimaryNeedCode", ep.need),
    ]
    if ep.closure is not None:
        parts += [_el("CINclosureDate", ep.closure.isoformat()), _el("ReasonForClosure", ep.closure_reason)]
    parts.append(_el("DateOfInitialCPC", _iso(ep.transfer_icpc)))
    for start, authorised in ep.assessments:
        parts.append(
            "<Assessments>"
            + _el("AssessmentActualStartDate", start.isoformat())
            + _el("AssessmentAuthorisationDate", _iso(authorised))
            + "<FactorsIdentifiedAtAssessment><AssessmentFactors>3A</AssessmentFactors>"
            "<AssessmentFactors>2B</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>"
        )
    for plan_start, plan_end in ep.cin_plans:
        parts.append(
            "<CINPlanDates>"
            + _el("CINPlanStartDate", plan_start.isoformat())
            + _el("CINPlanEndDate", _iso(plan_end))
            + "</CINPlanDates>"
        )
    for s in ep.s47s:
        target = default_calendar().add_working_days(s.start, 15)
        not_required = None if s.not_required is None else ("true" if s.not_required else "false")
        parts.append(
            "<Section47>"
            + _el("S47ActualStartDate", s.start.isoformat())
            + _el("InitialCPCtarget", target.isoformat())
            + _el("DateOfInitialCPC", _iso(s.icpc))
            + _el("ICPCnotRequired", not_required)
            + "</Section47>"
        )
    parts.append(_el("ReferralNFA", "true" if ep.nfa else "false"))
    for plan in ep.plans:
        reviews = "".join(_el("CPPreviewDate", day.isoformat()) for day in plan.reviews)
        parts.append(
            "<ChildProtectionPlans>"
            + _el("CPPstartDate", plan.start.isoformat())
            + _el("CPPendDate", _iso(plan.end))
            + "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>"
            "<LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>"
            + _el("NumberOfPreviousCPP", plan.previous)
            + (f"<Reviews>{reviews}</Reviews>" if reviews else "")
            + "</ChildProtectionPlans>"
        )
    if ep.pre_proceedings:
        parts.append(
            "<PreProceedingsandFGDM>"
            + "".join(_el(name, value) for name, value in ep.pre_proceedings)
            + "</PreProceedingsandFGDM>"
        )
    parts.append("</CINdetails>")
    return "".join(parts)


def _child_xml(child: _Child) -> str:
    unborn = child.birth > child.episodes[0].referral
    birth = "" if unborn else _el("PersonBirthDate", child.birth.isoformat())
    return (
        "<Child><ChildIdentifiers>"
        + _el("LAchildID", child.la_id)
        + ("<UPNunknown>UN1</UPNunknown>" if unborn else "<UPNunknown>UN2</UPNunknown>")
        + birth
        + _el("ExpectedPersonBirthDate", _iso(child.expected_birth))
        + _el(child.sex_element, child.sex)
        + _el("PersonDeathDate", _iso(child.death))
        + "</ChildIdentifiers><ChildCharacteristics>"
        + _el("Ethnicity", child.ethnicity)
        + "<Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>"
        + "".join(_episode_xml(ep) for ep in child.episodes)
        + "</Child>\n"
    )


def write_cin(
    path: Path,
    children: list[_Child],
    *,
    lea: str = LA_CODE,
    reference: date = REF,
    made: str = "2024-05-15T09:30:00",
    child_xml: Callable[[_Child], str] = _child_xml,
) -> None:
    """A CIN census of ``children`` for LA ``lea``; ``made`` is the Header's DateTime."""
    header = (
        '<?xml version="1.0" encoding="utf-8"?>\n<Message><Header><CollectionDetails>'
        f"<Collection>CIN</Collection><Year>{reference.year}</Year>"
        f"<ReferenceDate>{reference.isoformat()}</ReferenceDate>"
        f"</CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>{lea}</LEA>"
        "<SoftwareCode>MASA demo</SoftwareCode><Release>1</Release><SerialNo>1</SerialNo>"
        f"<DateTime>{made}</DateTime></Source></Header>\n<Children>\n"
    )
    with path.open("w", encoding="utf-8") as out:
        out.write(header)
        for child in children:
            out.write(child_xml(child))
        out.write("</Children></Message>\n")


def _uk(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def ssda903_rows(children: list[_LAC]) -> dict[str, list[dict[str, str]]]:
    """The Header, Episodes and UASC rows of ``children``, each a dict of 903 column to value."""
    header: list[dict[str, str]] = []
    episodes: list[dict[str, str]] = []
    uasc: list[dict[str, str]] = []
    for child in children:
        common = {"CHILD": child.la_id, "SEX": child.sex, "DOB": _uk(child.birth)}
        header.append({**common, "ETHNIC": child.ethnicity, "UPN": "UN2", "MOTHER": "", "MC_DOB": ""})
        for decom, rne, ls, place, provider, dec, rec in child.episodes:
            urn = (
                "XXXXXXX"
                if place in FOSTER or place == "P1"
                else f"SC{int(child.la_id[2:]) % 900000 + 100000}"
            )
            episodes.append(
                {
                    "CHILD": child.la_id,
                    "DECOM": _uk(decom),
                    "RNE": rne,
                    "LS": ls,
                    "CIN": "N9" if child.uasc else "N1",
                    "PLACE": place,
                    "PLACE_PROVIDER": provider,
                    "DEC": _uk(dec),
                    "REC": rec,
                    "REASON_PLACE_CHANGE": "CARPL" if rne == "P" else "",
                    "HOME_POST": "TW3 1ZZ",
                    "PL_POST": "TW4 5ZZ",
                    "URN": urn,
                }
            )
        if child.uasc:
            eighteen = date(child.birth.year + 18, child.birth.month, min(child.birth.day, 28))
            uasc.append({**common, "DUC": _uk(eighteen)})
    return {"Header": header, "Episodes": episodes, "UASC": uasc}


def table_csv(table: str, rows: list[dict[str, str]], extra: tuple[str, ...] = ()) -> str:
    """One 903 table as CSV text: its header row, then ``rows`` (plus any ``extra`` columns)."""
    columns = (*TABLES[table], *extra)
    lines = [",".join(columns)] + [",".join(row.get(column, "") for column in columns) for row in rows]
    return "\n".join(lines) + "\n"


def write_903(directory: Path, children: list[_LAC]) -> list[Path]:
    rows = ssda903_rows(children)
    paths = []
    for table, name in (("Header", "header"), ("Episodes", "episodes"), ("UASC", "uasc")):
        path = directory / f"903_{name}_2024.csv"
        path.write_text(table_csv(table, rows[table]), encoding="utf-8")
        paths.append(path)
    return paths


def generate_returns(directory: str | Path) -> ReturnFiles:
    """Write the 2023-24 CIN census XML and the SSDA903 Header, Episodes and UASC CSVs."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    generator = _Generator()
    lac = generator.looked_after()
    cin = generator.cin_children(lac)
    cin_path = directory / f"cin_census_{LA_CODE}_2024.xml"
    write_cin(cin_path, cin)
    return ReturnFiles(cin=cin_path, ssda903=write_903(directory, lac))
