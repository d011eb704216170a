"""When a data call, and an agency's submission to it, is overdue."""

from datetime import date, timedelta

from django.utils import timezone

from masa.indicators.models import DataCall, DataCallStatus, Submission, SubmissionStatus

DUE = date(2026, 12, 3)
AFTER = DUE + timedelta(days=1)


def test_an_open_call_is_overdue_after_its_due_date_and_a_closed_one_never():
    assert not DataCall(status=DataCallStatus.OPEN, due_date=DUE).is_overdue_on(DUE)
    assert DataCall(status=DataCallStatus.OPEN, due_date=DUE).is_overdue_on(AFTER)
    assert not DataCall(status=DataCallStatus.CLOSED, due_date=DUE).is_overdue_on(AFTER)


def test_a_submission_is_overdue_until_the_agency_submits():
    call = DataCall(status=DataCallStatus.OPEN, due_date=DUE)
    overdue = {
        status: Submission(data_call=call, status=status).is_overdue_on(AFTER)
        for status in SubmissionStatus.values
    }
    assert overdue == {
        SubmissionStatus.NOT_STARTED: True,
        SubmissionStatus.DRAFT: True,
        SubmissionStatus.SUBMITTED: False,
        SubmissionStatus.RETURNED: True,
        SubmissionStatus.APPROVED: False,
    }
    assert not Submission(data_call=call, status=SubmissionStatus.DRAFT).is_overdue_on(DUE)


def test_is_overdue_counts_from_today():
    call = DataCall(status=DataCallStatus.OPEN, due_date=timezone.localdate() - timedelta(days=1))
    assert call.is_overdue
    assert Submission(data_call=call, status=SubmissionStatus.DRAFT).is_overdue
