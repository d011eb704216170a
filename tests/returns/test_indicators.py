"""Every indicator on a small hand-built LA with answers worked out by hand (year 2023-24).

Year: 1 Apr 2023 - 31 Mar 2024; population 0-17 = 20,000, so a rate is count / 2.
Working days are Monday-Friday (``weekdays_between``); none of the timed spans below crosses
an England bank holiday, so the platform calendar gives the same answers.

CIN children in the 2023-24 file (CIN ep = CINdetails):
  A  ep: ref 2023-05-02 open.  Assessments 05/06/23->07/08/23 (9 weeks = 45 wd, in time) and
         05/06/23->08/08/23 (46 wd, late). S47 Mon 05/06/23, ICPC Mon 26/06/23 (15 wd, in time).
         CPP 26/06/23, open, previous 0.
  B  ep1: ref 2023-07-03 NFA, closed same day.  ep2: ref 2023-09-04 (re-referral, 2 months after
         ep1), closed 31/03/24 (closed at 31 March). Assessment 04/09/23 same day (0 wd).
         S47 04/09/23, ICPC Tue 26/09/23 (16 wd, late). CPP 27/09/23-31/03/24, previous 1.
         Earlier plan (2022-23 file) 10/01/20-30/06/21: more than 2 years before 27/09/23.
  C  ep: ref 2022-01-10 open (was open on 1 April). CPP1 01/02/22-01/02/24 (ended in year,
         exactly 2 years). CPP2 01/03/24 open, previous 1 (CPP1 ended 1 month before).
         S47 25/03/24, no ICPC.
  D  ep: ref 2024-02-05 open. Assessment started 05/02/24, not authorised (open: excluded).
         S47 04/03/24, ICPCnotRequired true.
  E  ep1: ref 2023-03-31 (before the year), closed 20/04/23.  ep2: ref 2024-03-20 open:
         re-referral (31/03/23 is within 12 months). S47 20/03/24 with ICPC 19/03/24 (before the
         S47: counted as an ICPC, not timed). CINdetails DateOfInitialCPC 01/03/24 (transfer-in:
         not counted).
  F  ep: ref 2023-10-16 closed 01/12/23: re-referral (2022-11-15 in the 2022-23 file).
         Assessment 20/10/23 authorised 18/10/23 (before it started: excluded, error reported).
  G  ep: ref 2024-03-01 open: re-referral under "12 calendar months" (01/03/23 in the 2022-23
         file) but not under "365 days" (01/03/24 - 365 days = 02/03/23).
  H  ep: ref 2022-02-20 closed 29/02/24. CPP 01/03/22-29/02/24 (ended in year): short of the
         2-year anniversary (01/03/24), but exactly 730 days.
  I  ep: ref 2024-03-10, ReferralNFA "1" (true, with a warning), open: a referral, not in need.

  referrals in year: A1 B2 D1 E1 F1 G1 I1 = 8 -> rate 4.0
  re-referrals: B ep2, E ep2, F, G = 4/8 = 50.0% (365 days: B, E, F = 3/8 = 37.5%)
  assessments authorised in year: A in time, A late, B in time = 2/3 = 66.7% (F excluded)
  S47s started in year: A B C D E = 5 -> rate 2.5; with ICPC: A B E = 3/5 = 60.0%
      (ICPCnotRequired excluded: 3/4 = 75.0%)
  ICPCs in year: A B E = 3; timed: A (15, in) B (16, late) = 1/2 = 50.0%
  CP at 31 March: A, C = 2 -> rate 1.0 (B ended on 31 March; if that counts as open: 3)
  children starting a CPP in year: A, B, C; second or subsequent: B, C = 2/3 = 66.7%;
      within 2 years of an earlier plan's end: C only = 1/3 = 33.3%
  CPPs ended in year: B (6 months), C1 (2 years exactly), H (1 day short) = 1/3 = 33.3%
      (730 days: C1, H = 2/3 = 66.7%)
  CIN at 31 March: A, C, D, E, G = 5 -> rate 2.5 (B closed on 31 March, F and H closed, I NFA)

903 (episodes of 2022-23 and 2023-24 merged; DOB from Header):
  C1 born 01/05/2010: S 15/01/20 U1, P 10/01/21 U4, L 01/06/21 U4 open. In care on 1 April, no
     placement moves in year (1 placement). Continuous since 15/01/20 (<= 30/09/21), under 16;
     same placement since 10/01/21 (<= 31/03/22): stable.
  C2 born 01/01/2012: S 04/01/21 U1, P 01/05/23 U3, T 01/08/23 U4, B 02/01/24 U5 open.
     1 + 3 = 4 placements: 3 or more. Continuous since 04/01/21; placement since 02/01/24: not stable.
     The 2022-23 file had the S episode open (DEC blank): the 2023-24 row (DEC 01/05/23) wins.
  C3 born 01/01/2007 (17): S 01/06/23 J2 open. 1 placement. 16 or over: not in the stability cohort.
     UASC, DUC 31/12/24: UASC at 31 March.
  C4: S 01/01/23 V3 open: short breaks, not looked after.
  C5: S 01/01/22 C2, DEC 31/03/24: left on 31 March, not looked after at 31 March.
  C6 born 01/06/2015: S 01/01/19 U1, P 01/09/22 A5 (placed for adoption) open. Continuous since
     2019; adoptive placement since 01/09/22, but with the placement before it since 01/01/19:
     stable. UASC row with DUC 01/06/23: ceased, not counted.
  C7 born 02/02/2014: S 01/01/22 open: looked after < 2.5 years, not in the stability cohort.
  C8 (DOB blank): S 05/05/19 open: looked after, left out of the stability measure.

  CLA at 31 March: C1 C2 C3 C6 C7 C8 = 6 -> rate 3.0 (C5 too if 31 March counts as open: 7)
  3+ placements: C2 = 1/6 = 16.7%
  long-term stability: cohort C1 C2 C6, stable C1 C6 = 2/3 = 66.7%
  UASC at 31 March: C3 = 1
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from masa.returns.readers import (
    IndicatorOptions,
    combine,
    compute_indicators,
    hmac_pseudonymiser,
    read_903_years,
    read_cin,
)
from masa.returns.readers.indicators import INDICATORS, make_result

from .builders import (
    SECRET,
    TODAY,
    child_xml,
    cin_xml,
    episode_xml,
    episodes_csv,
    header_csv,
    uasc_csv,
    weekdays_between,
)

POPULATION = 20_000

CURRENT = [
    child_xml(
        "A",
        [
            episode_xml(
                "2023-05-02",
                assessments=[("2023-06-05", "2023-08-07"), ("2023-06-05", "2023-08-08")],
                s47s=[("2023-06-05", "2023-06-26", "false")],
                cpps=[("2023-06-26", None, 0)],
                cin_plans=[("2023-05-20", None)],
            )
        ],
    ),
    child_xml(
        "B",
        [
            episode_xml("2023-07-03", closure="2023-07-03", nfa="true"),
            episode_xml(
                "2023-09-04",
                closure="2024-03-31",
                assessments=[("2023-09-04", "2023-09-04")],
                s47s=[("2023-09-04", "2023-09-26", "false")],
                cpps=[("2023-09-27", "2024-03-31", 1)],
            ),
        ],
        sex_element="GenderCurrent",
        sex="2",
    ),
    child_xml(
        "C",
        [
            episode_xml(
                "2022-01-10",
                s47s=[("2024-03-25", None, "false")],
                cpps=[("2022-02-01", "2024-02-01", 0), ("2024-03-01", None, 1)],
            )
        ],
    ),
    child_xml(
        "D",
        [
            episode_xml(
                "2024-02-05",
                assessments=[("2024-02-05", None)],
                s47s=[("2024-03-04", None, "true")],
            )
        ],
    ),
    child_xml(
        "E",
        [
            episode_xml("2023-03-31", closure="2023-04-20"),
            episode_xml(
                "2024-03-20", transfer_icpc="2024-03-01", s47s=[("2024-03-20", "2024-03-19", "false")]
            ),
        ],
    ),
    child_xml(
        "F", [episode_xml("2023-10-16", closure="2023-12-01", assessments=[("2023-10-20", "2023-10-18")])]
    ),
    child_xml("G", [episode_xml("2024-03-01")]),
    child_xml("H", [episode_xml("2022-02-20", closure="2024-02-29", cpps=[("2022-03-01", "2024-02-29", 0)])]),
    child_xml("I", [episode_xml("2024-03-10", nfa="1")], birth=None),
]

PREVIOUS = [
    child_xml("B", [episode_xml("2019-12-01", closure="2022-05-01", cpps=[("2020-01-10", "2021-06-30", 0)])]),
    child_xml("C", [episode_xml("2022-01-10", cpps=[("2022-02-01", None, 0)])]),
    child_xml("F", [episode_xml("2022-11-15", closure="2023-01-15")]),
    child_xml("G", [episode_xml("2023-03-01", closure="2023-03-15")]),
]

EPISODES_2023 = [
    ("C1", "15/01/2020", "S", "C2", "U1", "10/01/2021"),
    ("C1", "10/01/2021", "P", "C2", "U4", "01/06/2021"),
    ("C1", "01/06/2021", "L", "C2", "U4", ""),
    ("C2", "04/01/2021", "S", "C2", "U1", ""),
    ("C5", "01/01/2022", "S", "C2", "U1", ""),
    ("C6", "01/01/2019", "S", "C2", "U1", "01/09/2022"),
    ("C6", "01/09/2022", "P", "E1", "A5", ""),
    ("C7", "01/01/2022", "S", "C2", "U1", ""),
    ("C8", "05/05/2019", "S", "C2", "U1", ""),
]
EPISODES_2024 = [
    ("C1", "15/01/2020", "S", "C2", "U1", "10/01/2021"),
    ("C1", "10/01/2021", "P", "C2", "U4", "01/06/2021"),
    ("C1", "01/06/2021", "L", "C2", "U4", ""),
    ("C2", "04/01/2021", "S", "C2", "U1", "01/05/2023"),
    ("C2", "01/05/2023", "P", "C2", "U3", "01/08/2023"),
    ("C2", "01/08/2023", "T", "C2", "U4", "02/01/2024"),
    ("C2", "02/01/2024", "B", "C2", "U5", ""),
    ("C3", "01/06/2023", "S", "J2", "U1", ""),
    ("C4", "01/01/2023", "S", "V3", "U1", ""),
    ("C5", "01/01/2022", "S", "C2", "U1", "31/03/2024"),
    ("C6", "01/01/2019", "S", "C2", "U1", "01/09/2022"),
    ("C6", "01/09/2022", "P", "E1", "A5", ""),
    ("C7", "01/01/2022", "S", "C2", "U1", ""),
    ("C8", "05/05/2019", "S", "C2", "U1", ""),
]
HEADER_2024 = [
    ("C1", "1", "01/05/2010"),
    ("C2", "2", "01/01/2012"),
    ("C3", "1", "01/01/2007"),
    ("C4", "1", "01/01/2015"),
    ("C5", "1", "01/01/2008"),
    ("C6", "2", "01/06/2015"),
    ("C7", "1", "02/02/2014"),
    ("C8", "1", ""),
]
UASC_2024 = [("C3", "01/01/2007", "31/12/2024"), ("C6", "01/06/2015", "01/06/2023")]

EXPECTED = {
    "referrals": (8, None, 8),
    "referrals_rate": (8, POPULATION, 4.0),
    "re_referrals_pct": (4, 8, 50.0),
    "assessments_45wd_pct": (2, 3, 66.7),
    "s47": (5, None, 5),
    "s47_rate": (5, POPULATION, 2.5),
    "icpc": (3, None, 3),
    "s47_to_icpc_pct": (3, 5, 60.0),
    "icpc_15wd_pct": (1, 2, 50.0),
    "cp_31mar": (2, None, 2),
    "cp_rate_31mar": (2, POPULATION, 1.0),
    "cp_second_pct": (2, 3, 66.7),
    "cp_second_2yrs_pct": (1, 3, 33.3),
    "cp_ended_2yrs_pct": (1, 3, 33.3),
    "cin_31mar": (5, None, 5),
    "cin_rate_31mar": (5, POPULATION, 2.5),
    "cla_31mar": (6, None, 6),
    "cla_rate_31mar": (6, POPULATION, 3.0),
    "placement_3plus_pct": (1, 6, 16.7),
    "long_term_stability_pct": (2, 3, 66.7),
    "uasc_31mar": (1, None, 1),
}


@pytest.fixture
def la(tmp_path: Path) -> dict:
    current = tmp_path / "cin_2024.xml"
    current.write_text(cin_xml(CURRENT))
    previous = tmp_path / "cin_2023.xml"
    previous.write_text(cin_xml(PREVIOUS, year=2023, reference="2023-03-31"))
    files = {
        "ep23.csv": episodes_csv(EPISODES_2023),
        "ep24.csv": episodes_csv(EPISODES_2024),
        "hd24.csv": header_csv(HEADER_2024),
        "uasc24.csv": uasc_csv(UASC_2024),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    pseudonymise = hmac_pseudonymiser(SECRET)
    cin = read_cin(current, pseudonymise=pseudonymise, today=TODAY)
    prev = read_cin(previous, pseudonymise=pseudonymise, today=TODAY)
    lac = read_903_years(
        [
            (2023, tmp_path / "ep23.csv"),
            (2024, tmp_path / "ep24.csv"),
            (2024, tmp_path / "hd24.csv"),
            (2024, tmp_path / "uasc24.csv"),
        ],
        pseudonymise=pseudonymise,
        today=TODAY,
    )
    return {"cin": cin, "previous": prev, "lac": lac}


def compute(la: dict, **kwargs) -> dict:
    lac = la["lac"]
    return compute_indicators(
        "2023-24",
        POPULATION,
        cin=la["cin"].children,
        previous_cin=la["previous"].children,
        episodes=lac.episodes,
        headers=lac.headers,
        uasc=lac.uasc,
        working_days_between=weekdays_between,
        **kwargs,
    )


def test_fixture_parses_with_only_the_planted_problems(la):
    assert not la["cin"].fatal and not la["previous"].fatal and not la["lac"].fatal
    assert len(la["cin"].children) == 9
    messages = [p.message for p in la["cin"].problems]
    assert any(
        "LAchildID F" in m and "AssessmentAuthorisationDate 18/10/2023 is before" in m for m in messages
    )
    assert any("LAchildID I" in m and "ReferralNFA is '1'; read as true" in m for m in messages)
    assert any("LAchildID E" in m and "the ICPC (19/03/2024) is before the S47" in m for m in messages)
    assert len(messages) == 3, messages
    assert la["lac"].problems == []


def test_every_indicator_has_the_hand_computed_answer(la):
    results = compute(la)
    assert set(results) == set(INDICATORS) == set(EXPECTED)
    got = {k: (v["numerator"], v["denominator"], v["value"]) for k, v in results.items()}
    assert got == EXPECTED
    assert all(v["reason"] is None for v in results.values())
    assert results["s47_to_icpc_pct"]["basis"] == "derived/local"


def test_the_platform_calendar_gives_the_same_answers(la):
    calendar = pytest.importorskip("masa.clocks.calendar")
    lac = la["lac"]
    results = compute_indicators(
        "2023-24",
        POPULATION,
        cin=la["cin"].children,
        previous_cin=la["previous"].children,
        episodes=lac.episodes,
        headers=lac.headers,
        uasc=lac.uasc,
        working_days_between=calendar.working_days_between,
    )
    assert results["assessments_45wd_pct"]["value"] == 66.7
    assert results["icpc_15wd_pct"]["value"] == 50.0


@pytest.mark.parametrize(
    ("options", "changes"),
    [
        (IndicatorOptions(re_referral_window="365_days"), {"re_referrals_pct": (3, 8, 37.5)}),
        (IndicatorOptions(two_years="730_days"), {"cp_ended_2yrs_pct": (2, 3, 66.7)}),
        (IndicatorOptions(exclude_icpc_not_required=True), {"s47_to_icpc_pct": (3, 4, 75.0)}),
        (
            IndicatorOptions(closed_on_reference_date_is_open=True),
            {
                "cp_31mar": (3, None, 3),
                "cp_rate_31mar": (3, POPULATION, 1.5),
                "cin_31mar": (6, None, 6),
                "cin_rate_31mar": (6, POPULATION, 3.0),
                "cla_31mar": (7, None, 7),
                "cla_rate_31mar": (7, POPULATION, 3.5),
                # C5 joins the cohort: 1 placement, and only 2 years in care.
                "placement_3plus_pct": (1, 7, 14.3),
            },
        ),
        # Counting T and U as continuing the placement does not change C2 (its last move is B).
        (IndicatorOptions(same_placement_rne=frozenset({"L", "T", "U"})), {}),
        # Continuing through B reaches C2's T move (01/08/23): still under 2 years, no change.
        (IndicatorOptions(same_placement_rne=frozenset({"L", "B"})), {}),
        (IndicatorOptions(adoption_place_codes=frozenset()), {"long_term_stability_pct": (1, 3, 33.3)}),
        (IndicatorOptions(placement_rne=frozenset({"S", "P"})), {"placement_3plus_pct": (0, 6, 0.0)}),
    ],
)
def test_documented_choices_change_only_their_indicators(la, options, changes):
    results = compute(la, options=options)
    expected = {**EXPECTED, **changes}
    assert {k: (v["numerator"], v["denominator"], v["value"]) for k, v in results.items()} == expected


def test_cin_children_are_read_once_so_a_streaming_reader_can_be_passed(tmp_path, la):
    from masa.returns.readers import CINReader

    path = tmp_path / "cin_2024.xml"
    reader = CINReader(path, secret=SECRET, today=TODAY)
    lac = la["lac"]
    results = compute_indicators(
        "2023-24",
        POPULATION,
        cin=iter(reader),
        previous_cin=la["previous"].children,
        episodes=lac.episodes,
        headers=lac.headers,
        uasc=lac.uasc,
        working_days_between=weekdays_between,
    )
    assert results["referrals"]["value"] == 8
    assert reader.children_read == 9


def test_missing_sources_give_none_with_a_reason(la):
    results = compute_indicators(
        "2023-24", None, cin=la["cin"].children, working_days_between=weekdays_between
    )
    assert results["referrals"]["value"] == 8
    assert results["referrals_rate"]["value"] is None
    assert "population" in results["referrals_rate"]["reason"]
    assert results["re_referrals_pct"]["value"] is None
    assert "previous year" in results["re_referrals_pct"]["reason"]
    assert results["cp_second_2yrs_pct"]["value"] is None
    assert results["cla_31mar"]["value"] is None
    assert "SSDA903" in results["cla_31mar"]["reason"]

    lac = la["lac"]
    results = compute_indicators("2023-24", POPULATION, episodes=lac.episodes)
    assert results["cla_31mar"]["value"] == 6
    assert results["long_term_stability_pct"]["value"] is None
    assert "Header" in results["long_term_stability_pct"]["reason"]
    assert results["uasc_31mar"]["value"] is None
    assert results["referrals"]["value"] is None and "CIN census" in results["referrals"]["reason"]


def test_zero_denominators_are_none_not_errors():
    results = compute_indicators(
        "2023-24",
        0,
        cin=[],
        previous_cin=[],
        episodes=[],
        headers=[],
        uasc=[],
        working_days_between=weekdays_between,
    )
    assert results["referrals"]["value"] == 0
    assert results["referrals_rate"]["value"] is None
    assert results["assessments_45wd_pct"]["value"] is None
    assert results["assessments_45wd_pct"]["reason"] == "the denominator is zero"
    assert results["uasc_31mar"]["value"] == 0


def test_combine_sums_numerators_and_denominators(la):
    one = compute(la)
    other = {
        i: make_result(
            i,
            *(
                (10, 80_000)
                if INDICATORS[i].kind == "rate"
                else (1, 1)
                if INDICATORS[i].kind == "pct"
                else (5, None)
            ),
        )
        for i in INDICATORS
    }
    both = combine([one, other])
    # Referrals: (8 + 10) / (20,000 + 80,000) x 10,000 = 1.8, not the mean of 4.0 and 1.25.
    assert (both["referrals_rate"]["numerator"], both["referrals_rate"]["denominator"]) == (18, 100_000)
    assert both["referrals_rate"]["value"] == 1.8
    # Assessments: (2 + 1) / (3 + 1) = 75.0%.
    assert both["assessments_45wd_pct"]["value"] == 75.0
    assert both["referrals"]["value"] == 13
    assert both["referrals"]["denominator"] is None

    no_903 = compute_indicators("2023-24", POPULATION, cin=[], working_days_between=weekdays_between)
    partial = combine([one, no_903])
    assert partial["cla_31mar"]["value"] is None
    assert "every local authority" in partial["cla_31mar"]["reason"]
    assert partial["referrals"]["value"] == 8


def test_collection_year_bounds():
    from masa.returns.readers import CollectionYear

    year = CollectionYear.parse("2023-24")
    assert (year.start, year.end, year.label) == (date(2023, 4, 1), date(2024, 3, 31), "2023-24")
    assert CollectionYear.parse("2023/2024") == year == CollectionYear.parse(2023)
    with pytest.raises(ValueError):
        CollectionYear.parse("2023-25")
