"""The charging policy, charges and waivers (docs/domain.md, "21.4 The register and charges"):
the services with their refusals, the charges page for the coordinator and an agency lead, and
the downloads (the XLSX report's totals and the PDF invoice lines checked against the rows)."""

import re
from datetime import date
from decimal import Decimal
from html import unescape
from io import BytesIO

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from masa.training.models import Charge, ChargeReason, TrainingPolicy
from masa.training.selectors.charges import quarter_bounds, quarter_slug
from masa.training.services.charges import charge_booking, policy_save, waive_charge
from tests.factories import SETUP
from tests.training.test_register import book

Q4 = "2023-24 Q4"  # January to March 2024
Q1 = "2024-25 Q1"  # April to June 2024


def url(name: str, w, *args) -> str:
    return reverse(f"training:{name}", args=[w.partnership.slug, *args])


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def charge(w, person, agency, on: date, reason=ChargeReason.NO_SHOW) -> Charge:
    made = charge_booking(actor=SETUP, booking=book(w, w.past, person, agency), reason=reason, on=on)
    assert made is not None
    return made


@pytest.fixture
def charges(w):
    """Two charges to `agency` in 2023-24 Q4 (one a late cancellation), one in 2024-25 Q1, and
    one to `other_agency` in 2023-24 Q4."""
    return [
        charge(w, w.practitioner, w.agency, date(2024, 3, 15)),
        charge(w, w.colleague, w.agency, date(2024, 2, 1), ChargeReason.LATE_CANCELLATION),
        charge(w, w.agency_lead, w.agency, date(2024, 4, 2)),
        charge(w, w.other_practitioner, w.other_agency, date(2024, 3, 20)),
    ]


def policy(**changes) -> dict:
    return {
        "cancellation_cutoff_days": 5,
        "no_show_charge": Decimal("60.00"),
        "late_cancellation_charge": Decimal("30.00"),
        "follow_up_weeks": 8,
        "invoice_contact": "training@example.org",
        **changes,
    }


# The rules and services --------------------------------------------------------------------


def test_a_quarter_label_names_its_days():
    assert quarter_bounds(Q4) == (date(2024, 1, 1), date(2024, 3, 31))
    assert quarter_bounds("2024-25-q1") == (date(2024, 4, 1), date(2024, 6, 30))
    assert quarter_bounds("2024-25 Q3") == (date(2024, 10, 1), date(2024, 12, 31))
    assert quarter_slug(Q4) == "2023-24-q4"
    for bad in ("2024-26 Q1", "2024-25 Q5", "Q1", "", "2024-25-q1;drop"):
        assert quarter_bounds(bad) is None


def test_changing_the_policy_never_changes_charges_already_made(w, charges):
    policy_save(actor=w.business_team, partnership_id=w.partnership.pk, **policy())
    saved = TrainingPolicy.objects.get(partnership=w.partnership)
    assert (saved.no_show_charge, saved.follow_up_weeks, saved.invoice_contact) == (
        Decimal("60.00"),
        8,
        "training@example.org",
    )
    assert Charge.objects.get(pk=charges[0].pk).amount == Decimal("50.00")
    later = charge(w, w.other_agency_lead, w.other_agency, date(2024, 3, 21))
    assert later.amount == Decimal("60.00")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("no_show_charge", Decimal("-1"), "The charge for a no-show must be between £0 and £1,000"),
        ("late_cancellation_charge", Decimal("1000.01"), "must be between £0 and £1,000"),
        ("no_show_charge", Decimal("12.345"), "must be in pounds and pence, like 50 or 42.50"),
        ("follow_up_weeks", 0, "must be from 1 to 26"),
        ("follow_up_weeks", 27, "must be from 1 to 26"),
        ("cancellation_cutoff_days", -1, "from 0 to 90"),
        ("invoice_contact", "x" * 201, "200 characters or fewer"),
    ],
)
def test_a_policy_out_of_bounds_is_refused_and_nothing_changes(w, field, value, message):
    with pytest.raises(ValidationError) as refused:
        policy_save(actor=w.business_team, partnership_id=w.partnership.pk, **policy(**{field: value}))
    assert message in refused.value.message_dict[field][0]
    assert TrainingPolicy.objects.get(partnership=w.partnership).no_show_charge == Decimal("50.00")


def test_a_waiver_needs_a_reason_and_is_made_once(w, charges):
    first = charges[0]
    with pytest.raises(ValidationError) as refused:
        waive_charge(actor=w.business_team, charge=first, reason=" ")
    assert refused.value.message_dict == {"reason": ["Enter why the charge is waived"]}
    waive_charge(actor=w.business_team, charge=first, reason="Off sick on the day")
    first.refresh_from_db()
    assert (first.waived_by, first.waiver_reason) == (w.business_team, "Off sick on the day")
    assert first.amount == Decimal("50.00")  # the charge is kept, shown as waived
    with pytest.raises(ValidationError) as refused:
        waive_charge(actor=w.business_team, charge=first, reason="Again")
    assert "was already waived on" in refused.value.message_dict["reason"][0]
    first.refresh_from_db()
    assert first.waiver_reason == "Off sick on the day"
    entry = LogEntry.objects.get_for_object(first).order_by("-timestamp").first()
    assert entry.additional_data["reason"] == "Off sick on the day"


# The pages ---------------------------------------------------------------------------------


def test_who_may_open_the_charges(client, w, other, charges):
    for user in (w.practitioner, w.lsp, w.chair, w.scrutineer):
        client.force_login(user)
        assert client.get(url("charge_list", w)).status_code == 403
    client.force_login(other.business_team)
    assert client.get(url("charge_list", w)).status_code == 404
    client.force_login(w.agency_lead)
    for page in (url("policy_edit", w), url("charge_waive", w, charges[0].uuid)):
        assert client.get(page).status_code == 403
    client.force_login(w.business_team)
    assert client.get(url("charge_waive", w, other.past.uuid)).status_code == 404


def test_the_coordinator_sees_every_agency_and_an_agency_lead_only_their_own(client, w, charges):
    client.force_login(w.business_team)
    text = text_of(client.get(url("charge_list", w)))
    for person in (w.practitioner, w.colleague, w.other_practitioner):
        assert str(person) in text
    assert "Change the charging policy" in text
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=w.business_team).exists()

    client.force_login(w.agency_lead)
    page = client.get(url("charge_list", w))
    text = text_of(page)
    assert str(w.practitioner) in text and str(w.other_practitioner) not in text
    assert w.other_agency.name not in text and "Waive the charge" not in text
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=w.agency_lead).count() == 1


def test_charges_are_totalled_per_agency_per_quarter_with_waived_apart(client, w, charges):
    waive_charge(actor=w.business_team, charge=charges[1], reason="Course moved at short notice")
    client.force_login(w.business_team)
    page = client.get(url("charge_list", w), {"quarter": Q4, "agency": str(w.agency.uuid)})
    assert page.status_code == 200
    totals = page.content.decode().split('id="totals"')[1].split("</table>")[0]
    rows = [
        " ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in re.findall(r"<tr.*?</tr>", totals, re.S)
    ]
    rows = rows[1:]  # after the header
    assert rows == [
        f"{w.agency.name} {Q4} £50.00 (1) £25.00 (1) Invoice lines (PDF) for {w.agency.name}, {Q4}"
    ]
    text = text_of(page)
    assert "Course moved at short notice" in text and str(w.agency_lead) not in text
    bad = client.get(url("charge_list", w), {"quarter": "2099-00 Q9", "agency": "not-an-agency"})
    assert bad.status_code == 400
    assert "Select a quarter from the list" in text_of(bad) and "Select a agency" not in text_of(bad)


def test_the_coordinator_waives_a_charge_with_a_reason(client, w, charges):
    client.force_login(w.business_team)
    page = url("charge_waive", w, charges[0].uuid)
    assert client.get(page).status_code == 200
    response = client.post(page, {"reason": ""})
    assert response.status_code == 400 and "Enter why the charge is waived" in text_of(response)
    response = client.post(page, {"reason": "Trainer cancelled the morning"})
    assert response.status_code == 302
    assert f"The charge of £50.00 to {w.agency.name} is waived" in text_of(client.get(response.url))
    again = client.post(page, {"reason": "Twice"})
    assert again.status_code == 400 and "was already waived on" in text_of(again)


def test_the_policy_page_refuses_bad_amounts_and_keeps_the_answers(client, w, charges):
    client.force_login(w.business_team)
    answers = {
        "cancellation_cutoff_days": "7",
        "no_show_charge": "fifty",
        "late_cancellation_charge": "-5",
        "follow_up_weeks": "30",
        "invoice_contact": "Training team, 020 8583 0000",
    }
    response = client.post(url("policy_edit", w), answers)
    assert response.status_code == 400
    text = text_of(response)
    assert "The charge for a no-show must be in pounds and pence, like 50 or 42.50" in text
    assert "The charge for a late cancellation must be between £0 and £1,000" in text
    assert "The weeks after the session to ask about impact must be from 1 to 26" in text
    assert 'value="Training team, 020 8583 0000"' in response.content.decode()
    assert TrainingPolicy.objects.get(pk=w.policy.pk).cancellation_cutoff_days == 5
    answers.update(no_show_charge="75.50", late_cancellation_charge="0", follow_up_weeks="6")
    response = client.post(url("policy_edit", w), answers)
    assert response.status_code == 302
    saved = TrainingPolicy.objects.get(pk=w.policy.pk)
    assert (saved.no_show_charge, saved.late_cancellation_charge) == (Decimal("75.50"), Decimal("0.00"))
    assert Charge.objects.get(pk=charges[0].pk).amount == Decimal("50.00")


def test_the_report_totals_add_up_to_its_rows(client, w, charges):
    waive_charge(actor=w.business_team, charge=charges[0], reason="Off sick")
    client.force_login(w.business_team)
    response = client.get(url("charge_report", w))
    assert response.status_code == 200
    book_ = load_workbook(BytesIO(response.content))
    totals = list(book_["Totals by agency and quarter"].iter_rows(values_only=True))
    rows = list(book_["Charges"].iter_rows(values_only=True))
    assert totals[0] == (
        "Agency",
        "Quarter",
        "Charges",
        "Amount charged (£)",
        "Charges waived",
        "Amount waived (£)",
    )
    assert len(rows) == 1 + len(charges)
    header = rows[0]
    for agency, quarter, count, amount, waived, waived_amount in totals[1:]:
        mine = [dict(zip(header, r, strict=True)) for r in rows[1:] if r[0] == agency and r[1] == quarter]
        assert count == sum(1 for r in mine if not r["Waived on"])
        assert waived == sum(1 for r in mine if r["Waived on"])
        assert amount == sum(r["Amount due (£)"] for r in mine)
        assert waived_amount == sum(r["Amount (£)"] for r in mine if r["Waived on"])
    assert (w.agency.name, Q4, 1, 25, 1, 50) in totals
    # Formula-safe: a waiver reason starting with "=" is text.
    waive_charge(actor=w.business_team, charge=charges[1], reason="=HYPERLINK(1)")
    sheet = load_workbook(BytesIO(client.get(url("charge_report", w)).content))["Charges"]
    assert "'=HYPERLINK(1)" in [c.value for c in sheet["J"]]

    client.force_login(w.agency_lead)
    lead_rows = list(
        load_workbook(BytesIO(client.get(url("charge_report", w)).content))["Charges"].iter_rows(
            values_only=True
        )
    )
    assert {r[0] for r in lead_rows[1:]} == {w.agency.name}


def test_invoice_lines_list_each_charge_the_waived_at_nothing_and_the_total(client, w, charges):
    TrainingPolicy.objects.filter(pk=w.policy.pk).update(invoice_contact="training@example.org")
    waive_charge(actor=w.business_team, charge=charges[1], reason="Course moved at short notice")
    client.force_login(w.business_team)
    response = client.get(url("invoice_pdf", w, w.agency.uuid, quarter_slug(Q4)))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert w.partnership.name in text and w.agency.name in text and Q4 in text
    assert str(w.practitioner) in text and "Recognising and responding to neglect" in text
    assert "Did not attend" in text and "£50.00" in text
    assert "Course moved at short notice" in text and "£0.00" in text
    assert "Total £50.00" in text
    assert "training@example.org" in text
    assert str(w.other_practitioner) not in text and str(w.agency_lead) not in text
    assert reader.trailer["/Root"].get("/MarkInfo") is not None  # tagged (PDF/UA-1)


def test_an_agency_lead_downloads_only_their_own_agencys_invoice(client, w, charges):
    client.force_login(w.agency_lead)
    assert client.get(url("invoice_pdf", w, w.agency.uuid, quarter_slug(Q4))).status_code == 200
    assert client.get(url("invoice_pdf", w, w.other_agency.uuid, quarter_slug(Q4))).status_code == 404
    assert client.get(url("invoice_pdf", w, w.agency.uuid, "2023-24-q9")).status_code == 404
    client.force_login(w.business_team)
    assert client.get(url("invoice_pdf", w, w.other_agency.uuid, quarter_slug(Q4))).status_code == 200
