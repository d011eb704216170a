"""Governance rules that need no database: quorum, cadence and attendance arithmetic."""

from dataclasses import dataclass
from datetime import date, timedelta

from masa.clocks.calendar import add_months
from masa.core.dates import financial_year_start


def is_quorate(voting_present: int, quorum: int) -> bool:
    """A meeting is quorate when at least `quorum` voting members (or their deputies) attend."""
    return voting_present >= quorum


def can_still_be_quorate(voting_members: int, apologies: int, quorum: int) -> bool:
    """Before a meeting: whether the voting members who have not sent apologies can make the quorum."""
    return voting_members - apologies >= quorum


def quarter_of(day: date) -> tuple[int, int]:
    """(financial year starting April, quarter 1-4) as partnerships report them."""
    fy = financial_year_start(day)
    return fy, (day.month - 4) % 12 // 3 + 1


@dataclass(frozen=True)
class CadenceFinding:
    message: str


def cadence_findings(
    *, group_name: str, kind: str, min_per_year: int, meeting_days: list[date], year_start: date, today: date
) -> list[CadenceFinding]:
    """Warnings when a group meets less often than its terms of reference require.

    The Board must meet at least quarterly and the LSPs at least twice a year (docs/domain.md,
    "7. The partnership's structure").
    Only periods that have ended, or the current one once it has, are judged.
    """
    findings: list[CadenceFinding] = []
    year_end = add_months(year_start, 12)
    held = [d for d in meeting_days if year_start <= d < year_end and d <= today]
    if kind == "board":
        for q in range(4):
            q_start, q_end = add_months(year_start, 3 * q), add_months(year_start, 3 * (q + 1))
            if q_end <= today and not any(q_start <= d < q_end for d in held):
                last_day = q_end - timedelta(days=1)
                findings.append(
                    CadenceFinding(
                        f"{group_name} did not meet in quarter {q + 1} ({q_start:%B} to {last_day:%B %Y})"
                    )
                )
    elif year_end <= today and len(held) < min_per_year:
        findings.append(
            CadenceFinding(
                f"{group_name} met {len(held)} time{'s' if len(held) != 1 else ''} in the year from "
                f"{year_start:%B %Y}; its terms of reference require at least {min_per_year}"
            )
        )
    return findings


def attendance_rate(attended: int, expected: int) -> float | None:
    """Share of expected attendances that happened (a deputy counts), or None if none expected."""
    return None if expected == 0 else round(100 * attended / expected, 1)
