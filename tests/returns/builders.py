"""Small builders for hand-made CIN census XML and SSDA903 CSV test files."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

SECRET = "test-secret"
TODAY = date(2025, 1, 1)


def weekdays_between(start: date, end: date) -> int:
    """Working days d with start < d <= end, counting Monday-Friday only (no bank holidays)."""
    if end <= start:
        return 0
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += day.weekday() < 5
    return count


def _el(name: str, value: Any) -> str:
    return "" if value is None else f"<{name}>{value}</{name}>"


def episode_xml(
    referral: str | None,
    *,
    closure: str | None = None,
    nfa: str | None = "false",
    transfer_icpc: str | None = None,
    assessments: Sequence[tuple[str | None, str | None]] = (),
    s47s: Sequence[tuple[str | None, str | None, str | None]] = (),
    cpps: Sequence[tuple[str | None, str | None, int | None]] = (),
    cin_plans: Sequence[tuple[str | None, str | None]] = (),
) -> str:
    parts = [
        "<CINdetails>",
        _el("CINreferralDate", referral),
        "<ReferralSource>1A</ReferralSource><PrimaryNeedCode>N4</PrimaryNeedCode>",
        _el("CINclosureDate", closure),
        "<ReasonForClosure>RC1</ReasonForClosure>" if closure else "",
        _el("DateOfInitialCPC", transfer_icpc),
    ]
    for start, auth in assessments:
        parts.append(
            "<Assessments>"
            + _el("AssessmentActualStartDate", start)
            + _el("AssessmentAuthorisationDate", auth)
            + "<FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors>"
            "</FactorsIdentifiedAtAssessment></Assessments>"
        )
    for start, end in cin_plans:
        parts.append(
            "<CINPlanDates>" + _el("CINPlanStartDate", start) + _el("CINPlanEndDate", end) + "</CINPlanDates>"
        )
    for start, icpc, not_required in s47s:
        parts.append(
            "<Section47>"
            + _el("S47ActualStartDate", start)
            + _el("DateOfInitialCPC", icpc)
            + _el("ICPCnotRequired", not_required)
            + "</Section47>"
        )
    parts.append(_el("ReferralNFA", nfa))
    for start, end, previous in cpps:
        parts.append(
            "<ChildProtectionPlans>"
            + _el("CPPstartDate", start)
            + _el("CPPendDate", end)
            + "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>"
            "<LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>"
            + _el("NumberOfPreviousCPP", previous)
            + "</ChildProtectionPlans>"
        )
    parts.append("</CINdetails>")
    return "".join(parts)


def child_xml(
    la_id: str | None,
    episodes: list[str],
    *,
    birth: str | None = "2015-06-01",
    sex_element: str = "Sex",
    sex: str = "1",
) -> str:
    return (
        "<Child><ChildIdentifiers>"
        + _el("LAchildID", la_id)
        + "<UPNunknown>UN1</UPNunknown>"
        + _el("PersonBirthDate", birth)
        + f"<{sex_element}>{sex}</{sex_element}>"
        "</ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity>"
        "<Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>"
        + "".join(episodes)
        + "</Child>\n"
    )


def cin_xml(children: list[str], *, year: int = 2024, reference: str = "2024-03-31", lea: str = "201") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<Message><Header><CollectionDetails>'
        f"<Collection>CIN</Collection><Year>{year}</Year><ReferenceDate>{reference}</ReferenceDate>"
        f"</CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>{lea}</LEA>"
        "<SoftwareCode>Test</SoftwareCode><Release>1</Release><SerialNo>1</SerialNo>"
        "<DateTime>2024-05-01T10:00:00</DateTime></Source></Header>\n<Children>\n"
        + "".join(children)
        + "</Children></Message>\n"
    )


EPISODE_HEADER = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
)


def episodes_csv(rows: list[tuple[str, str, str, str, str, str]]) -> str:
    """rows: (CHILD, DECOM, RNE, LS, PLACE, DEC) with dates as dd/mm/yyyy."""
    lines = [EPISODE_HEADER]
    for child, decom, rne, ls, place, dec in rows:
        rec = "X1" if dec else ""
        lines.append(f"{child},{decom},{rne},{ls},N1,{place},PR1,{dec},{rec},,AB1 2CD,EF3 4GH,SC{child}")
    return "\n".join(lines) + "\n"


def header_csv(rows: list[tuple[str, str, str]]) -> str:
    """rows: (CHILD, SEX, DOB)."""
    lines = ["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"]
    lines += [f"{child},{sex},{dob},WBRI,A123456789012,," for child, sex, dob in rows]
    return "\n".join(lines) + "\n"


def uasc_csv(rows: list[tuple[str, str, str]]) -> str:
    """rows: (CHILD, DOB, DUC)."""
    lines = ["CHILD,SEX,DOB,DUC"] + [f"{child},1,{dob},{duc}" for child, dob, duc in rows]
    return "\n".join(lines) + "\n"
