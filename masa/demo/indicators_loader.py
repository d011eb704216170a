"""Loads the performance dataset demo: a catalogue of indicators and 2021-24 figures from the partners.

Hounslow gets about 30 indicators across its partners (police, health and CAMHS, education,
children's social care, early help, private fostering, training), linked to the 2021-24
priorities and to its groups, with quarterly figures from 2021-22 Q1 to 2023-24 Q4 and yearly
figures for 2021-22 to 2023-24, each submitted by its agency to an approved data call. The
2023-24 yearly figures are those of the Hounslow yearly report 2023-24 (docs/domain.md, "8. The
demo data: Hounslow 2023-24"): 21,400
contacts; 2,500 referrals of which 92% progressed to assessment; 1,050 S47 enquiries; 430 ICPCs;
250 children on a CP plan; 290 looked after, 53 of them UASC; attendance 93.6%, persistent
absence 18.2%; CAMHS referrals 588, 395, 706 and 953 in the calendar years 2020 to 2023 (the years
the report gives). Quarterly figures are plausible splits that add up to the yearly ones
(flows) or end on them (figures at the end of a period). Ealing and Hillingdon get a lighter set.

Deterministic (one seeded random generator per partnership) and idempotent: a partnership that
already has the catalogue gets no second copy. If Hounslow's 2023-24 statutory returns are
imported, their figures are added too (masa.indicators.from_returns), keeping the agencies'
figures as history where the return gives a different one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction

from masa.accounts.models import Membership, Role
from masa.demo.actor import DEMO_LOADER
from masa.demo.structure_data import PARTNERSHIPS
from masa.indicators.from_returns import values_from_returns
from masa.indicators.models import (
    Commentary,
    Comparator,
    DataCall,
    DataCallStatus,
    Frequency,
    Indicator,
    IndicatorValue,
    Period,
    Submission,
    SubmissionStatus,
    Target,
    ValueSource,
)
from masa.indicators.rag import ratio_value
from masa.partnership.models import Agency, Group, Partnership, Priority
from masa.returns.models import ImportStatus, ReturnImport

LONDON = ZoneInfo("Europe/London")
YEARS = (2021, 2022, 2023)  # financial years 2021-22 to 2023-24
CAMHS_YEARS = (2020, 2021, 2022, 2023)  # calendar years, as the yearly report gives them
RETURNS_YEAR = "2023-24"

# kind: "flow" (quarters add up to the year), "stock" (a figure at the end of the period),
# "flow_ratio" / "stock_ratio" (numerator and denominator, flows or at the end of the period).
# years: first year of the financial year -> total (count) or (numerator, denominator).


@dataclass
class Spec:
    code: str
    title: str
    definition: str
    unit: str
    polarity: str
    agency: str
    kind: str
    years: dict[int, Any]
    formula: str = ""
    dfe: bool = False
    ret: str = ""
    priorities: tuple[int, ...] = ()
    groups: tuple[str, ...] = ()
    frequency: str = Frequency.QUARTERLY
    targets: dict[int, tuple[str, str]] = field(default_factory=dict)
    comparators: tuple[str, str, str] | None = None  # 2023-24: statistical neighbours, London, England


# How the yearly report carries the 2021-24 priorities into the 2024-27 plan: neglect (2) and
# child sexual abuse (1) were concluded and moved to monitoring through core assurance (2024-27
# priority 5, continuous assurance); safeguarding adolescents (3) and vulnerable children in
# education (4) continue as 2024-27 priorities 1 and 2. The mental health figures also serve the
# new priority 3 (mental health, self-harm and suicide prevention).
CARRIED_INTO_2024_27 = {1: 5, 2: 5, 3: 1, 4: 2}
MENTAL_HEALTH_2024_27 = 3
MENTAL_HEALTH_CODES = frozenset({"camhs_referrals", "camhs_18wk_pct", "self_harm_ae"})


def priorities_2024_27(spec: Spec) -> list[int]:
    orders = {CARRIED_INTO_2024_27[o] for o in spec.priorities if o in CARRIED_INTO_2024_27}
    if spec.code in MENTAL_HEALTH_CODES:
        orders.add(MENTAL_HEALTH_2024_27)
    return sorted(orders)


SIG = "strategic_insights"
BOARD = "board"
ASG = "adolescent_safeguarding"
EDU = "education_safeguarding"
PDG = "practice_development"
EPG = "effective_practice"
CHILDREN = 68_630  # children in Hounslow (yearly report 2023-24)


def _pop(n: int) -> tuple[int, int]:
    return n, CHILDREN


HOUNSLOW: list[Spec] = [
    Spec(
        "contacts",
        "Contacts to the Front Door",
        "Contacts about a child received by the Front Door (MASH).",
        "count",
        "neither",
        "lb_hounslow",
        "flow",
        {2021: 18_940, 2022: 20_150, 2023: 21_400},
        groups=(SIG, BOARD),
        priorities=(2,),
    ),
    Spec(
        "referrals",
        "Referrals to children's social care",
        "Contacts that became a referral to children's social care.",
        "count",
        "neither",
        "lb_hounslow",
        "flow",
        {2021: 2_290, 2022: 2_380, 2023: 2_500},
        dfe=True,
        ret="referrals",
        groups=(SIG, BOARD),
        priorities=(2,),
    ),
    Spec(
        "referrals_assessed_pct",
        "Referrals progressing to assessment",
        "Referrals that led to a child and family assessment.",
        "percent",
        "higher",
        "lb_hounslow",
        "flow_ratio",
        {2021: (2_061, 2_290), 2022: (2_165, 2_380), 2023: (2_300, 2_500)},
        formula="Referrals leading to an assessment / referrals",
        groups=(SIG,),
        priorities=(2,),
        targets={2021: ("90", "3"), 2022: ("90", "3"), 2023: ("90", "3")},
        comparators=("89.5", "90.1", "91.3"),
    ),
    Spec(
        "re_referrals_pct",
        "Re-referrals within 12 months",
        "Referrals of a child referred in the 12 months before.",
        "percent",
        "lower",
        "lb_hounslow",
        "flow_ratio",
        {2021: (481, 2_290), 2022: (452, 2_380), 2023: (450, 2_500)},
        dfe=True,
        formula="Re-referrals / referrals",
        groups=(SIG,),
        priorities=(2,),
        targets={2021: ("18", "2"), 2022: ("18", "2"), 2023: ("18", "2")},
        comparators=("19.8", "17.9", "22.4"),
    ),
    Spec(
        "assessments_45wd_pct",
        "Assessments completed within 45 working days",
        "Child and family assessments completed within 45 working days of the referral.",
        "percent",
        "higher",
        "lb_hounslow",
        "flow_ratio",
        {2021: (1_760, 2_061), 2022: (1_905, 2_165), 2023: (2_047, 2_300)},
        dfe=True,
        formula="Assessments within 45 working days / assessments completed",
        groups=(SIG, EPG),
        priorities=(2,),
        targets={2021: ("90", "5"), 2022: ("90", "5"), 2023: ("90", "5")},
        comparators=("84.0", "86.2", "82.9"),
    ),
    Spec(
        "s47",
        "Section 47 enquiries",
        "Child protection enquiries (Children Act 1989 s.47) started.",
        "count",
        "neither",
        "lb_hounslow",
        "flow",
        {2021: 940, 2022: 985, 2023: 1_050},
        dfe=True,
        ret="s47",
        groups=(SIG, BOARD),
        priorities=(1, 2),
    ),
    Spec(
        "icpc",
        "Initial child protection conferences",
        "Initial child protection conferences held.",
        "count",
        "neither",
        "lb_hounslow",
        "flow",
        {2021: 392, 2022: 407, 2023: 430},
        dfe=True,
        ret="icpc",
        groups=(SIG,),
        priorities=(1, 2),
    ),
    Spec(
        "icpc_15wd_pct",
        "ICPCs within 15 working days",
        "ICPCs held within 15 working days of the "
        "strategy discussion that started the S47 enquiry (Working Together 2023).",
        "percent",
        "higher",
        "lb_hounslow",
        "flow_ratio",
        {2021: (298, 392), 2022: (322, 407), 2023: (344, 430)},
        dfe=True,
        formula="ICPCs within 15 working days / ICPCs",
        groups=(SIG, EPG),
        priorities=(1, 2),
        targets={2021: ("85", "5"), 2022: ("85", "5"), 2023: ("85", "5")},
        comparators=("78.1", "80.6", "78.0"),
    ),
    Spec(
        "cp_plans",
        "Children on a child protection plan",
        "Children subject to a child protection plan at the end of the period.",
        "count",
        "neither",
        "lb_hounslow",
        "stock",
        {2020: 262, 2021: 271, 2022: 258, 2023: 250},
        dfe=True,
        ret="cp_31mar",
        groups=(SIG, BOARD),
        priorities=(1, 2),
    ),
    Spec(
        "cp_rate",
        "Child protection plan rate",
        "Children on a child protection plan per 10,000 children.",
        "rate_10k",
        "neither",
        "lb_hounslow",
        "stock_ratio",
        {2020: _pop(262), 2021: _pop(271), 2022: _pop(258), 2023: _pop(250)},
        dfe=True,
        formula="Children on a plan x 10,000 / children aged 0-17",
        groups=(SIG,),
        priorities=(2,),
        comparators=("35.2", "33.8", "41.6"),
    ),
    Spec(
        "cp_repeat_pct",
        "Second or subsequent child protection plans",
        "New child protection plans for a child who had a plan before.",
        "percent",
        "lower",
        "lb_hounslow",
        "flow_ratio",
        {2021: (46, 318), 2022: (44, 309), 2023: (42, 301)},
        dfe=True,
        formula="Repeat plans / new plans",
        groups=(SIG, EPG),
        priorities=(2,),
        targets={2021: ("15", "3"), 2022: ("15", "3"), 2023: ("15", "3")},
        comparators=("21.0", "19.4", "23.6"),
    ),
    Spec(
        "cla",
        "Children looked after",
        "Children looked after at the end of the period.",
        "count",
        "neither",
        "lb_hounslow",
        "stock",
        {2020: 301, 2021: 297, 2022: 305, 2023: 290},
        dfe=True,
        ret="cla_31mar",
        groups=(SIG, BOARD),
        priorities=(3,),
    ),
    Spec(
        "uasc",
        "Unaccompanied asylum-seeking children looked after",
        "Children looked after who are unaccompanied asylum-seeking children, at the end of the period.",
        "count",
        "neither",
        "lb_hounslow",
        "stock",
        {2020: 41, 2021: 47, 2022: 58, 2023: 53},
        dfe=True,
        ret="uasc_31mar",
        groups=(SIG, ASG),
        priorities=(3,),
    ),
    Spec(
        "cla_rate",
        "Children looked after rate",
        "Children looked after per 10,000 children.",
        "rate_10k",
        "neither",
        "lb_hounslow",
        "stock_ratio",
        {2020: _pop(301), 2021: _pop(297), 2022: _pop(305), 2023: _pop(290)},
        dfe=True,
        formula="Children looked after x 10,000 / children aged 0-17",
        groups=(SIG,),
        priorities=(3,),
        comparators=("45.0", "47.0", "71.0"),
    ),
    Spec(
        "early_help_assessments",
        "Early help assessments started",
        "Early help assessments started by any agency.",
        "count",
        "higher",
        "lb_hounslow",
        "flow",
        {2021: 1_310, 2022: 1_420, 2023: 1_535},
        groups=(SIG,),
        priorities=(2,),
    ),
    Spec(
        "private_fostering",
        "Private fostering notifications",
        "New private fostering arrangements notified to the local authority.",
        "count",
        "neither",
        "lb_hounslow",
        "flow",
        {2021: 7, 2022: 6, 2023: 5},
        groups=(SIG, EPG),
    ),
    Spec(
        "attendance_pct",
        "School attendance",
        "Sessions attended as a share of possible sessions, all school-aged children in Hounslow schools.",
        "percent",
        "higher",
        "hounslow_education",
        "flow_ratio",
        {2021: (4_095_000, 4_420_000), 2022: (4_150_400, 4_460_000), 2023: (4_193_280, 4_480_000)},
        formula="Sessions attended / possible sessions",
        groups=(SIG, EDU),
        priorities=(4,),
        targets={2021: ("94", "1"), 2022: ("94", "1"), 2023: ("94", "1")},
        comparators=("93.3", "93.4", "92.9"),
    ),
    Spec(
        "persistent_absence_pct",
        "Persistent absence",
        "Pupils missing 10% or more of possible sessions.",
        "percent",
        "lower",
        "hounslow_education",
        "stock_ratio",
        {2020: (9_250, 43_900), 2021: (9_430, 44_050), 2022: (8_790, 44_150), 2023: (8_044, 44_200)},
        formula="Persistently absent pupils / pupils",
        groups=(SIG, EDU),
        priorities=(4,),
        targets={2021: ("17", "2"), 2022: ("17", "2"), 2023: ("17", "2")},
        comparators=("18.5", "17.9", "20.7"),
    ),
    Spec(
        "ehe_children",
        "Children electively home educated",
        "Children known to be electively home educated at the end of the period.",
        "count",
        "neither",
        "hounslow_education",
        "stock",
        {2020: 402, 2021: 455, 2022: 491, 2023: 538},
        groups=(EDU,),
        priorities=(4,),
    ),
    Spec(
        "cme_referrals",
        "Children missing education referrals",
        "Referrals of children missing education.",
        "count",
        "neither",
        "hounslow_education",
        "flow",
        {2021: 598, 2022: 649, 2023: 672},
        groups=(EDU,),
        priorities=(4,),
    ),
    Spec(
        "missing_episodes",
        "Missing episodes reported to the police",
        "Episodes of children reported missing to the police.",
        "count",
        "lower",
        "met_police_west",
        "flow",
        {2021: 1_180, 2022: 1_245, 2023: 1_210},
        groups=(ASG, SIG),
        priorities=(3,),
    ),
    Spec(
        "da_incidents_children",
        "Domestic abuse incidents with children present",
        "Domestic abuse incidents attended by the police at which a child was present.",
        "count",
        "neither",
        "met_police_west",
        "flow",
        {2021: 1_640, 2022: 1_702, 2023: 1_688},
        groups=(SIG,),
        priorities=(2,),
    ),
    Spec(
        "police_strategy_pct",
        "Police attendance at strategy meetings",
        "Strategy meetings a police officer attended.",
        "percent",
        "higher",
        "met_police_west",
        "flow_ratio",
        {2021: (1_105, 1_190), 2022: (1_170, 1_240), 2023: (1_262, 1_310)},
        formula="Strategy meetings with police / strategy meetings",
        groups=(SIG, EPG),
        priorities=(1, 2),
        targets={2021: ("95", "3"), 2022: ("95", "3"), 2023: ("95", "3")},
    ),
    Spec(
        "exploitation_referrals",
        "Child exploitation (MACE) referrals",
        "Children referred to the multi-agency child exploitation panel.",
        "count",
        "neither",
        "met_police_west",
        "flow",
        {2021: 96, 2022: 118, 2023: 131},
        groups=(ASG,),
        priorities=(3,),
    ),
    Spec(
        "camhs_referrals",
        "CAMHS referrals",
        "Referrals to the Child and Adolescent Mental Health Service, by calendar year.",
        "count",
        "neither",
        "west_london_nhs_trust",
        "flow",
        {2020: 588, 2021: 395, 2022: 706, 2023: 953},
        frequency=Frequency.YEARLY,
        groups=(SIG, BOARD),
        priorities=(3,),
    ),
    Spec(
        "camhs_18wk_pct",
        "CAMHS seen within 18 weeks",
        "Children and young people seen by CAMHS within 18 weeks of referral.",
        "percent",
        "higher",
        "west_london_nhs_trust",
        "flow_ratio",
        {2021: (270, 372), 2022: (452, 662), 2023: (672, 901)},
        formula="Seen within 18 weeks / first seen",
        groups=(SIG,),
        priorities=(3,),
        targets={2021: ("80", "10"), 2022: ("80", "10"), 2023: ("80", "10")},
    ),
    Spec(
        "new_birth_visits_pct",
        "New birth visits within 14 days",
        "New birth visits by a health visitor within 14 days of birth.",
        "percent",
        "higher",
        "hrch",
        "flow_ratio",
        {2021: (3_310, 3_640), 2022: (3_395, 3_590), 2023: (3_420, 3_560)},
        formula="Visits within 14 days / births",
        groups=(SIG,),
        priorities=(2,),
        targets={2021: ("90", "5"), 2022: ("90", "5"), 2023: ("90", "5")},
        comparators=("88.0", "86.1", "81.4"),
    ),
    Spec(
        "self_harm_ae",
        "A&E attendances for self-harm, under 18",
        "Attendances at West Middlesex A&E of children and young people after self-harm.",
        "count",
        "lower",
        "chelwest",
        "flow",
        {2021: 188, 2022: 214, 2023: 203},
        groups=(SIG, ASG),
        priorities=(3,),
    ),
    Spec(
        "training_attendees",
        "Practitioners trained",
        "Practitioners who attended partnership training.",
        "count",
        "higher",
        "lb_hounslow",
        "flow",
        {2021: 1_020, 2022: 1_240, 2023: 1_395},
        groups=(PDG,),
    ),
    Spec(
        "training_attendance_pct",
        "Booked training places attended",
        "Booked places on partnership training that were attended.",
        "percent",
        "higher",
        "lb_hounslow",
        "flow_ratio",
        {2021: (1_020, 1_310), 2022: (1_240, 1_530), 2023: (1_395, 1_650)},
        formula="Places attended / places booked",
        groups=(PDG,),
        targets={2021: ("85", "5"), 2022: ("85", "5"), 2023: ("85", "5")},
    ),
]


def _light(la: str, edu: str, children: int, scale: float, group: str) -> list[Spec]:
    """A smaller set for the neighbouring partnerships: a few headline indicators."""

    def n(x: int) -> int:
        return round(x * scale)

    return [
        Spec(
            "contacts",
            "Contacts to the Front Door",
            "Contacts about a child received by the Front Door.",
            "count",
            "neither",
            la,
            "flow",
            {y: n(v) for y, v in {2021: 18_940, 2022: 20_150, 2023: 21_400}.items()},
            groups=(group,),
            priorities=(2,),
        ),
        Spec(
            "referrals",
            "Referrals to children's social care",
            "Contacts that became a referral.",
            "count",
            "neither",
            la,
            "flow",
            {y: n(v) for y, v in {2021: 2_290, 2022: 2_380, 2023: 2_500}.items()},
            dfe=True,
            groups=(group,),
            priorities=(2,),
        ),
        Spec(
            "referrals_assessed_pct",
            "Referrals progressing to assessment",
            "Referrals that led to a child and family assessment.",
            "percent",
            "higher",
            la,
            "flow_ratio",
            {2021: (n(2_010), n(2_290)), 2022: (n(2_140), n(2_380)), 2023: (n(2_275), n(2_500))},
            groups=(group,),
            targets={2023: ("90", "3")},
            comparators=("89.5", "90.1", "91.3"),
        ),
        Spec(
            "cp_plans",
            "Children on a child protection plan",
            "Children on a plan at the end of the period.",
            "count",
            "neither",
            la,
            "stock",
            {2020: n(262), 2021: n(271), 2022: n(258), 2023: n(266)},
            dfe=True,
            groups=(group,),
            priorities=(1,),
        ),
        Spec(
            "cla_rate",
            "Children looked after rate",
            "Children looked after per 10,000 children.",
            "rate_10k",
            "neither",
            la,
            "stock_ratio",
            {y: (n(v), children) for y, v in {2020: 300, 2021: 310, 2022: 322, 2023: 318}.items()},
            groups=(group,),
            comparators=("45.0", "47.0", "71.0"),
        ),
        Spec(
            "attendance_pct",
            "School attendance",
            "Sessions attended as a share of possible sessions.",
            "percent",
            "higher",
            edu,
            "flow_ratio",
            {
                y: (n(a), n(b))
                for y, (a, b) in {
                    2021: (4_080_000, 4_420_000),
                    2022: (4_130_000, 4_460_000),
                    2023: (4_180_000, 4_480_000),
                }.items()
            },
            groups=(group,),
            priorities=(3,),
            targets={2023: ("94", "1")},
        ),
        Spec(
            "persistent_absence_pct",
            "Persistent absence",
            "Pupils missing 10% or more of sessions.",
            "percent",
            "lower",
            edu,
            "stock_ratio",
            {
                y: (n(a), n(b))
                for y, (a, b) in {
                    2020: (9_400, 44_000),
                    2021: (9_600, 44_100),
                    2022: (8_950, 44_200),
                    2023: (8_400, 44_300),
                }.items()
            },
            groups=(group,),
            priorities=(3,),
            targets={2023: ("17", "2")},
        ),
    ]


EALING = _light("lb_ealing", "ealing_education", 79_500, 1.12, "ESCP Partnership Board")
HILLINGDON = _light(
    "lb_hillingdon",
    "hillingdon_education",
    80_200,
    1.05,
    "Hillingdon Safeguarding Children Partnership Executive Board",
)
SPECS = {"hounslow": HOUNSLOW, "ealing": EALING, "hillingdon": HILLINGDON}
SEEDS = {"hounslow": 2124, "ealing": 2125, "hillingdon": 2126}

COMMENTARIES = {
    "contacts": (
        "Contacts rose again, to 21,400 in the year. Over half came from schools, with more from health. "
        "Schools in the SHEL programme made 10% fewer contacts.",
        "The Front Door now separates safeguarding from early help contacts; the Family Help service brings "
        "early help and Front Door social workers together.",
    ),
    "attendance_pct": (
        "Attendance is 93.6%, just short of the 94% target but better than last year and than England.",
        "Every school has a School Attendance Support Service contact and an attendance toolkit.",
    ),
    "persistent_absence_pct": (
        "18.2% of pupils were persistently absent: lower than last year, still above our target.",
        "The Education Safeguarding Group tracks the most vulnerable pupils with the Attendance and EHE "
        "teams.",
    ),
    "camhs_referrals": (
        "Referrals rose from 395 in 2021 to 953 in 2023; waiting times fell by a few months despite this.",
        "Extra investment in CAMHS; the rise in need is shaping the SEND offer across the system.",
    ),
    "icpc_15wd_pct": (
        "Four in five ICPCs were held within 15 working days, below the 85% target.",
        "Conference scheduling is reviewed weekly with the Child Protection Chairs.",
    ),
}


def _quarters(year: int) -> list[tuple[str, date, date]]:
    starts = [date(year, 4, 1), date(year, 7, 1), date(year, 10, 1), date(year + 1, 1, 1)]
    ends = [date(year, 6, 30), date(year, 9, 30), date(year, 12, 31), date(year + 1, 3, 31)]
    return [
        (f"{year}-{(year + 1) % 100:02d} Q{i + 1}", s, e)
        for i, (s, e) in enumerate(zip(starts, ends, strict=True))
    ]


def _fy(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


def _split(total: int, rng: random.Random, parts: int = 4) -> list[int]:
    """Split a yearly total into quarters that add up to it exactly."""
    weights = [1 + rng.uniform(-0.08, 0.08) for _ in range(parts)]
    shares = [round(total * w / sum(weights)) for w in weights[:-1]]
    return [*shares, total - sum(shares)]


def _path(start: int, end: int, rng: random.Random) -> list[int]:
    """Figures at the end of each quarter, from last year's end figure to this year's."""
    steps = [
        round(start + (end - start) * (i + 1) / 4 + (end or 1) * rng.uniform(-0.03, 0.03)) for i in range(3)
    ]
    return [*steps, end]


def _quarter_figures(spec: Spec, year: int, rng: random.Random) -> list[tuple[int, int | None]]:
    this = spec.years[year]
    if spec.kind == "flow":
        return [(q, None) for q in _split(this, rng)]
    if spec.kind == "stock":
        return [(q, None) for q in _path(spec.years.get(year - 1, this), this, rng)]
    numerator, denominator = this
    if spec.kind == "flow_ratio":
        dens = _split(denominator, rng)
        nums = [round(d * numerator / denominator * (1 + rng.uniform(-0.015, 0.015))) for d in dens[:-1]]
        nums.append(numerator - sum(nums))
        return list(zip(nums, dens, strict=True))
    before = spec.years.get(year - 1, this)
    nums = _path(before[0], numerator, rng)
    dens = _path(before[1], denominator, rng)
    return list(zip(nums, dens, strict=True))


def _value_fields(spec: Spec, numerator: int, denominator: int | None) -> dict[str, Any]:
    num = Decimal(numerator)
    den = Decimal(denominator) if denominator is not None else None
    return {"numerator": num, "denominator": den, "value": ratio_value(num, den, spec.unit)}


def _at(day: date) -> datetime:
    return datetime.combine(day, time(10, 0), tzinfo=LONDON)


class _Builder:
    def __init__(self, partnership: Partnership, specs: list[Spec]) -> None:
        self.partnership = partnership
        self.owned = {"partnership": partnership}
        self.specs = specs
        self.rng = random.Random(SEEDS.get(partnership.slug, 2124))  # noqa: S311 - demo data
        structure = next(p for p in PARTNERSHIPS if p["slug"] == partnership.slug)
        agency_names = {a["key"]: a["name"] for a in structure["agencies"]}
        by_name = {a.name: a for a in Agency.objects.filter(name__in=agency_names.values())}
        self.agencies = {key: by_name[name] for key, name in agency_names.items() if name in by_name}
        group_names = {g["key"]: g["name"] for g in structure["groups"]}
        groups = {g.name: g for g in Group.objects.filter(partnership=partnership)}
        self.groups = {key: groups[name] for key, name in group_names.items() if name in groups}
        self.groups.update(groups)  # the lighter sets name their group directly
        plans = sorted(
            {
                p.plan.start_year
                for p in Priority.objects.filter(partnership=partnership).select_related("plan")
            }
        )
        # Hounslow's figures are for its 2021-24 plan; the neighbours link to the plan they have.
        plan_year = 2021 if 2021 in plans else (plans[0] if plans else None)
        self.priorities = (
            {p.order: p for p in Priority.objects.filter(partnership=partnership, plan__start_year=plan_year)}
            if plan_year is not None
            else {}
        )
        # Hounslow's indicators also serve its 2024-27 plan, as the yearly report carries its
        # priorities forward (docs/domain.md, "8. The demo data: Hounslow 2023-24").
        self.next_priorities = (
            {p.order: p for p in Priority.objects.filter(partnership=partnership, plan__start_year=2024)}
            if plan_year == 2021
            else {}
        )
        members = Membership.objects.filter(partnership=partnership, is_active=True).select_related("user")
        business = members.filter(role=Role.BUSINESS_TEAM).first()
        self.business = business.user if business else None
        self.leads = {
            m.agency_id: m.user for m in members.filter(role=Role.AGENCY_LEAD, agency__isnull=False)
        }

    def build(self) -> None:
        periods = self._periods()
        indicators = self._catalogue()
        figures = [(spec, key, num, den) for spec in self.specs for key, num, den in self._figures(spec)]
        calls = {
            key: DataCall(
                **self.owned,
                period=period,
                due_date=period.end + timedelta(days=30),
                status=DataCallStatus.CLOSED,
                created_by=self.business,
            )
            for key, period in periods.items()
            if any(f[1] == key for f in figures)
        }
        DataCall.objects.bulk_create(calls.values())
        submissions: dict[tuple[str, str], Submission] = {}
        for spec, key, _, _ in figures:
            if (key, spec.agency) in submissions:
                continue
            agency = self.agencies[spec.agency]
            end = calls[key].period.end
            submissions[(key, spec.agency)] = Submission(
                **self.owned,
                data_call=calls[key],
                agency=agency,
                status=SubmissionStatus.APPROVED,
                submitted_by=self.leads.get(agency.pk, self.business),
                submitted_at=_at(end + timedelta(days=18)),
                reviewed_by=self.business,
                reviewed_at=_at(end + timedelta(days=25)),
            )
        Submission.objects.bulk_create(submissions.values())
        # Values of an approved submission carry the approval time where the model records it.
        approved = "approved_at" in {f.name for f in IndicatorValue._meta.get_fields()}
        values = []
        for spec, key, numerator, denominator in figures:
            submission = submissions[(key, spec.agency)]
            extra = {"approved_at": submission.reviewed_at} if approved else {}
            values.append(
                IndicatorValue(
                    **self.owned,
                    indicator=indicators[spec.code],
                    period=periods[key],
                    source=ValueSource.SUBMISSION,
                    submission=submission,
                    **_value_fields(spec, numerator, denominator),
                    **extra,
                )
            )
        IndicatorValue.objects.bulk_create(values)
        self._targets_and_comparators(indicators)
        self._commentaries(indicators, periods)

    def _periods(self) -> dict[str, Period]:
        wanted: list[tuple[str, str, date, date]] = []
        for year in YEARS:
            wanted += [(label, Frequency.QUARTERLY, s, e) for label, s, e in _quarters(year)]
            wanted.append((_fy(year), Frequency.YEARLY, date(year, 4, 1), date(year + 1, 3, 31)))
        if any(spec.frequency == Frequency.YEARLY for spec in self.specs):
            wanted += [(str(y), Frequency.YEARLY, date(y, 1, 1), date(y, 12, 31)) for y in CAMHS_YEARS]
        existing = {(p.frequency, p.start): p for p in Period.objects.filter(**self.owned)}
        periods = {}
        for label, frequency, start, end in wanted:
            period = existing.get((frequency, start))
            if period is None:
                period = Period.objects.create(
                    **self.owned, label=label, frequency=frequency, start=start, end=end
                )
            periods[label] = period
        return periods

    def _catalogue(self) -> dict[str, Indicator]:
        indicators = {}
        for spec in self.specs:
            indicator = Indicator.objects.create(
                **self.owned,
                code=spec.code,
                title=spec.title,
                definition=spec.definition,
                formula=spec.formula,
                unit=spec.unit,
                polarity=spec.polarity,
                frequency=spec.frequency,
                source_agency=self.agencies[spec.agency],
                is_dfe_defined=spec.dfe,
                return_indicator=spec.ret,
            )
            indicator.priorities.set(
                [self.priorities[o] for o in spec.priorities if o in self.priorities]
                + [self.next_priorities[o] for o in priorities_2024_27(spec) if o in self.next_priorities]
            )
            indicator.groups.set([self.groups[g] for g in spec.groups if g in self.groups])
            indicators[spec.code] = indicator
        return indicators

    def _figures(self, spec: Spec) -> list[tuple[str, int, int | None]]:
        """(period label, numerator, denominator) for every period the indicator has figures for."""
        figures: list[tuple[str, int, int | None]] = []
        if spec.frequency == Frequency.YEARLY:
            return [(str(y), v, None) for y, v in sorted(spec.years.items())]
        for year in YEARS:
            quarters = _quarter_figures(spec, year, self.rng)
            for (label, _, _), (numerator, denominator) in zip(_quarters(year), quarters, strict=True):
                figures.append((label, numerator, denominator))
            this = spec.years[year]
            numerator, denominator = (this, None) if isinstance(this, int) else this
            figures.append((_fy(year), numerator, denominator))
        return figures

    def _targets_and_comparators(self, indicators: dict[str, Indicator]) -> None:
        targets, comparators = [], []
        for spec in self.specs:
            indicator = indicators[spec.code]
            for year, (value, tolerance) in spec.targets.items():
                targets.append(
                    Target(
                        **self.owned,
                        indicator=indicator,
                        year=_fy(year),
                        value=Decimal(value),
                        tolerance=Decimal(tolerance),
                    )
                )
            if spec.comparators:
                for kind, value in zip(
                    ("statistical_neighbours", "london", "england"), spec.comparators, strict=True
                ):
                    comparators.append(
                        Comparator(
                            **self.owned,
                            indicator=indicator,
                            year="2023-24",
                            kind=kind,
                            value=Decimal(value),
                            source="DfE LAIT and published statistics, 2023-24 (demo)",
                        )
                    )
        Target.objects.bulk_create(targets)
        Comparator.objects.bulk_create(comparators)

    def _commentaries(self, indicators: dict[str, Indicator], periods: dict[str, Period]) -> None:
        rows = []
        for code, (tells, doing) in COMMENTARIES.items():
            if code not in indicators:
                continue
            spec = next(s for s in self.specs if s.code == code)
            label = "2023" if spec.frequency == Frequency.YEARLY else "2023-24 Q4"
            rows.append(
                Commentary(
                    **self.owned,
                    indicator=indicators[code],
                    period=periods[label],
                    what_it_tells_us=tells,
                    what_we_are_doing=doing,
                    author=self.business,
                )
            )
        Commentary.objects.bulk_create(rows)


def load_indicators_demo(partnership: Partnership) -> None:
    """Load the performance dataset demo for one demo partnership (hounslow, ealing, hillingdon)."""
    specs = SPECS.get(partnership.slug)
    if specs is None:
        return
    with transaction.atomic():
        if not Indicator.objects.filter(partnership=partnership, code=specs[0].code).exists():
            _Builder(partnership, specs).build()
        has_returns = ReturnImport.objects.filter(
            partnership=partnership, year=RETURNS_YEAR, status=ImportStatus.ACTIVE
        ).exists()
        if has_returns:
            values_from_returns(actor=DEMO_LOADER, partnership=partnership, year=RETURNS_YEAR)


def load_all_indicators_demo() -> None:
    for partnership in Partnership.objects.filter(slug__in=list(SPECS)):
        load_indicators_demo(partnership)
