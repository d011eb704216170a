"""The Word summaries for Board papers: the inspections register and a self-assessment cycle's
results, read back with python-docx."""

from datetime import timedelta
from io import BytesIO

import pytest
from docx import Document

from masa.accounts.models import Role
from masa.assurance import services, services_section11
from masa.assurance.models import InspectionKind
from tests.assurance.conftest import TODAY
from tests.assurance.section11_world import full_answers, make_s11_world
from tests.assurance.test_views import url
from tests.factories import SETUP, member


def _text(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def _table(doc, index: int) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in doc.tables[index].rows]


def test_the_inspections_summary_lists_each_inspection_its_findings_and_actions(client, alpha):
    services.inspection_save(
        actor=SETUP,
        partnership=alpha.partnership,
        kind=InspectionKind.HMIP,
        title="HMYOI inspection",
        start_date=TODAY - timedelta(days=400),
        overall_judgement="",
    )
    client.force_login(alpha.business_team)
    response = client.get(url("inspection_summary", alpha))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.docx"')
    doc = Document(BytesIO(response.content))
    text = _text(doc)
    assert "Summary at" in text and "2 inspections." in text
    assert "Recommendation 1" in text and "Improve the timeliness of return home interviews" in text
    assert f"{alpha.action.reference}:" in text
    rows = _table(doc, 0)
    assert rows[0] == ["Inspection", "Started", "Overall judgement", "Actions closed", "Open", "Overdue"]
    assert ["Ofsted ILACS inspection", "2 October 2023", "Good", "0", "1", "0"] in rows
    assert rows[1][2] == "None given"  # the newer HMIP row: no overall judgement
    assert _table(doc, 1)[0] == ["Area", "Judgement"] and ["Leadership", "Outstanding"] in _table(doc, 1)


def test_the_inspections_summary_follows_the_filters_and_refuses_practitioners(client, alpha):
    client.force_login(alpha.business_team)
    doc = Document(
        BytesIO(client.get(url("inspection_summary", alpha), {"kind": InspectionKind.HMIP}).content)
    )
    assert "0 inspections." in _text(doc)
    practitioner = member(alpha.partnership, Role.PRACTITIONER, email="p@example.org")
    client.force_login(practitioner)
    assert client.get(url("inspection_summary", alpha)).status_code == 403


@pytest.fixture
def w(db):
    return make_s11_world("s11doc")


def test_the_cycle_summary_gives_the_rate_averages_and_weak_standards(client, w):
    answers = full_answers(w, 3)
    first = min(answers)
    answers[first]["rating"] = 1
    services_section11.return_save(actor=SETUP, section11_return=w.ret, answers=answers, submit=True)
    services_section11.return_save(
        actor=SETUP,
        section11_return=w.other_ret,
        answers=full_answers(w, 4),
        submit=True,
        today=w.cycle.deadline + timedelta(days=1),
    )
    client.force_login(w.business_team)
    response = client.get(url("cycle_summary", w, w.cycle.uuid))
    assert response.status_code == 200
    doc = Document(BytesIO(response.content))
    text = _text(doc)
    assert "2 of 3 returned (67%), 1 late." in text
    assert f"Not returned: {w.agencies[2].name}." in text
    agencies = _table(doc, 0)
    assert [w.ret.agency.name, str(round((1 + 3 * 7) / 8, 1)), "None", "No earlier return", "0"] in agencies
    assert agencies[2][0] == f"{w.other_ret.agency.name} (late)"
    standards = _table(doc, 1)
    assert standards[1][1:] == ["2.5", "1"]  # standard 1: ratings 1 and 4, one agency at 1 or 2
    client.force_login(w.lead)
    assert client.get(url("cycle_summary", w, w.cycle.uuid)).status_code == 403
