"""Governance rules without a database: quorum, cadence and attendance arithmetic."""

from datetime import date

import pytest

from masa.governance.rules_pure import attendance_rate, cadence_findings, is_quorate, quarter_of


def test_quorum_is_reached_at_the_quorum():
    assert is_quorate(3, 3)
    assert is_quorate(4, 3)
    assert not is_quorate(2, 3)


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2024, 4, 1), (2024, 1)), (date(2024, 12, 31), (2024, 3)), (date(2025, 3, 31), (2024, 4))],
)
def test_quarters_follow_the_reporting_year(day, expected):
    assert quarter_of(day) == expected


YEAR = date(2023, 4, 1)


def board(days, today):
    return cadence_findings(
        group_name="Board", kind="board", min_per_year=4, meeting_days=days, year_start=YEAR, today=today
    )


def test_board_missing_a_quarter_is_found():
    days = [date(2023, 5, 10), date(2023, 9, 12), date(2024, 2, 6)]  # none October to December
    findings = board(days, today=date(2024, 6, 1))
    assert [f.message for f in findings] == ["Board did not meet in quarter 3 (October to December 2023)"]


def test_board_meeting_every_quarter_has_no_finding():
    days = [date(2023, 5, 10), date(2023, 9, 12), date(2023, 11, 7), date(2024, 2, 6)]
    assert board(days, today=date(2024, 6, 1)) == []


def test_quarters_not_yet_ended_are_not_judged():
    assert [f.message for f in board([], today=date(2023, 8, 1))] == [
        "Board did not meet in quarter 1 (April to June 2023)"
    ]
    # A meeting planned for later in the quarter is not counted until it has happened.
    assert board([date(2023, 6, 20)], today=date(2023, 6, 10)) == []


def lsp(days, today):
    return cadence_findings(
        group_name="LSPs", kind="lsp", min_per_year=2, meeting_days=days, year_start=YEAR, today=today
    )


def test_lsps_meeting_once_in_a_year_is_found():
    findings = lsp([date(2023, 7, 3)], today=date(2024, 4, 2))
    assert [f.message for f in findings] == [
        "LSPs met 1 time in the year from April 2023; its terms of reference require at least 2"
    ]


def test_lsps_meeting_twice_is_enough_and_an_unfinished_year_is_not_judged():
    assert lsp([date(2023, 7, 3), date(2024, 1, 15)], today=date(2024, 4, 2)) == []
    assert lsp([], today=date(2024, 3, 1)) == []


def test_attendance_rate():
    assert attendance_rate(0, 0) is None
    assert attendance_rate(2, 3) == 66.7
    assert attendance_rate(4, 4) == 100.0
