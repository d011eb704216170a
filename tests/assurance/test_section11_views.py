"""The self-assessment pages with the Django test client: opening a cycle, answering a return,
bad input kept on the page, who may see which return, the results and their spreadsheet."""

import re
from datetime import timedelta
from html import unescape
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from masa.accounts.models import Role
from masa.actions.models import Action, ActionSource
from masa.assurance import selectors_section11 as selectors
from masa.assurance import services_section11 as services
from masa.assurance.models import ReturnStatus, Section11Improvement, Section11Rating
from masa.core import bounds
from tests.assurance.section11_world import TODAY, full_answers, make_s11_world
from tests.factories import SETUP, PartnershipAgencyFactory, member


@pytest.fixture
def w(db):
    return make_s11_world("s11v")


def url(name: str, world, *args) -> str:
    return reverse(f"assurance:{name}", args=[world.partnership.slug, *args])


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def date_fields(prefix: str, day) -> dict:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def form_answers(world, rating: int | str | None = 3, skip: int | None = None) -> dict:
    data = {}
    for s in world.standards_set.standards.all():
        if s.number != skip and rating is not None:
            data[f"rating_{s.pk}"] = str(rating)
        data[f"evidence_{s.pk}"] = f"Evidence for {s.number}"
        data[f"link_{s.pk}"] = ""
    return data


def test_business_team_opens_a_cycle(client, w):
    client.force_login(w.business_team)
    response = client.post(
        url("cycle_open", w),
        {
            "standards_set": w.standards_set.pk,
            "title": "Section 11 audit 2025",
            "agencies": [w.agencies[0].pk, w.agencies[2].pk],
            **date_fields("opens_on", TODAY),
            **date_fields("deadline", TODAY + timedelta(days=30)),
        },
    )
    assert response.status_code == 302
    cycle = w.partnership.section11cycle_set.get(title="Section 11 audit 2025")
    assert cycle.returns.count() == 2
    page = client.get(response["Location"])
    assert "0 of 2 returned (0%), none late" in text_of(page)


def test_an_empty_cycle_form_gives_gov_uk_errors(client, w):
    client.force_login(w.business_team)
    response = client.post(url("cycle_open", w), {"title": "Kept"})
    assert response.status_code == 400
    text = text_of(response)
    assert "Select the agencies or schools asked to complete a return" in text
    assert "Enter the deadline for returns" in text
    assert 'value="Kept"' in response.content.decode()


def test_the_lead_saves_a_draft_then_submits(client, w):
    client.force_login(w.lead)
    page = client.get(url("return_detail", w, w.ret.uuid))
    assert page.status_code == 200
    assert "What good looks like" not in text_of(page)  # the descriptor itself is shown instead
    assert "A named senior lead champions safeguarding" in text_of(page)
    response = client.post(url("return_detail", w, w.ret.uuid), {**form_answers(w, skip=2), "save_draft": ""})
    assert response.status_code == 302
    assert Section11Rating.objects.filter(section11_return=w.ret, rating=3).count() == 7
    response = client.post(url("return_detail", w, w.ret.uuid), {**form_answers(w), "submit_return": ""})
    assert response.status_code == 302
    w.ret.refresh_from_db()
    assert w.ret.status == ReturnStatus.SUBMITTED
    page = client.get(url("return_detail", w, w.ret.uuid))
    assert "Submit the return" not in text_of(page) and "3 Good" in text_of(page)
    assert client.post(url("return_detail", w, w.ret.uuid), form_answers(w, 1)).status_code == 403


def test_submitting_unrated_keeps_the_answers(client, w):
    client.force_login(w.lead)
    response = client.post(
        url("return_detail", w, w.ret.uuid), {**form_answers(w, skip=4), "submit_return": ""}
    )
    assert response.status_code == 400
    assert "Select a rating for standard 4" in text_of(response)
    assert "Evidence for 4" in response.content.decode()
    assert not Section11Rating.objects.exists()


@pytest.mark.parametrize("rating", ["0", "5", "x"])
def test_a_rating_outside_1_to_4_is_refused_on_the_page(client, w, rating):
    client.force_login(w.lead)
    data = form_answers(w)
    first = w.standards_set.standards.order_by("number").first()
    data[f"rating_{first.pk}"] = rating
    response = client.post(url("return_detail", w, w.ret.uuid), {**data, "save_draft": ""})
    assert response.status_code == 400
    assert "Select a rating from 1 to 4" in text_of(response)
    assert not Section11Rating.objects.exists()


def test_evidence_over_the_limit_is_refused_on_the_page(client, w):
    client.force_login(w.lead)
    data = form_answers(w)
    first = w.standards_set.standards.order_by("number").first()
    data[f"evidence_{first.pk}"] = "x" * (bounds.SUMMARY_LENGTH + 1)
    response = client.post(url("return_detail", w, w.ret.uuid), {**data, "save_draft": ""})
    assert response.status_code == 400
    assert "The evidence for standard 1 must be 2,000 characters or fewer" in text_of(response)
    assert not Section11Rating.objects.exists()


def test_an_improvement_without_owner_or_with_a_past_date_is_refused(client, w):
    client.force_login(w.lead)
    response = client.post(
        url("improvement_add", w, w.ret.uuid),
        {"text": "Refresh training", **date_fields("due_date", TODAY - timedelta(days=2))},
    )
    assert response.status_code == 400
    text = text_of(response)
    assert "Select who owns the improvement action" in text
    assert "must be today or in the future" in text
    assert "Refresh training" in text
    assert not Section11Improvement.objects.exists()
    response = client.post(
        url("improvement_add", w, w.ret.uuid),
        {
            "text": "Refresh training",
            "owner": w.lead_person.pk,
            **date_fields("due_date", TODAY + timedelta(days=9)),
        },
    )
    assert response.status_code == 302
    client.post(url("return_detail", w, w.ret.uuid), {**form_answers(w), "submit_return": ""})
    assert Action.objects.get(source=ActionSource.SECTION11_IMPROVEMENT).owner == w.lead_person


def test_an_agency_lead_sees_only_their_own_return(client, w):
    client.force_login(w.other_lead)
    assert client.get(url("return_detail", w, w.ret.uuid)).status_code == 404
    assert client.get(url("improvement_add", w, w.ret.uuid)).status_code == 404
    assert client.get(url("return_detail", w, w.other_ret.uuid)).status_code == 200
    assert client.get(url("cycle_detail", w, w.cycle.uuid)).status_code == 403
    home = text_of(client.get(url("section11_home", w)))
    assert w.agencies[1].name in home and w.agencies[0].name not in home


@pytest.mark.parametrize("role", [Role.LSP, Role.DSP, Role.SCRUTINEER])
def test_senior_roles_read_results_and_returns_but_do_not_answer(client, w, role):
    services.return_save(actor=w.lead, section11_return=w.ret, answers=full_answers(w), submit=True)
    client.force_login(member(w.partnership, role))
    assert client.get(url("cycle_detail", w, w.cycle.uuid)).status_code == 200
    assert client.get(url("return_detail", w, w.other_ret.uuid)).status_code == 200
    assert client.get(url("improvement_add", w, w.other_ret.uuid)).status_code == 403
    assert client.get(url("return_reopen", w, w.ret.uuid)).status_code == 403


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.CHAIR, Role.MEMBER])
def test_others_see_nothing(client, w, role):
    client.force_login(member(w.partnership, role))
    assert client.get(url("section11_home", w)).status_code == 403
    assert client.get(url("return_detail", w, w.ret.uuid)).status_code == 403


def test_business_team_reopens_a_return(client, w):
    services.return_save(actor=w.lead, section11_return=w.ret, answers=full_answers(w), submit=True)
    client.force_login(w.business_team)
    assert client.post(url("return_reopen", w, w.ret.uuid), {"reason": ""}).status_code == 400
    response = client.post(url("return_reopen", w, w.ret.uuid), {"reason": "Evidence missing"})
    assert response.status_code == 302
    w.ret.refresh_from_db()
    assert w.ret.status == ReturnStatus.DRAFT


def test_the_cycle_page_shows_the_rate_heat_map_and_change(client, w):
    services.return_save(actor=w.lead, section11_return=w.ret, answers=full_answers(w, 2), submit=True)
    services.return_save(
        actor=w.other_lead,
        section11_return=w.other_ret,
        answers=full_answers(w, 4),
        submit=True,
        today=w.cycle.deadline + timedelta(days=1),
    )
    later = services.cycle_open(
        actor=SETUP,
        partnership=w.partnership,
        standards_set=w.standards_set,
        title="Second round",
        agencies=w.agencies[:2],
        opens_on=TODAY,
        deadline=TODAY + timedelta(days=40),
    )
    first, second = (later.returns.get(agency=a) for a in w.agencies[:2])
    services.return_save(actor=w.lead, section11_return=first, answers=full_answers(w, 3), submit=True)
    services.return_save(actor=w.other_lead, section11_return=second, answers=full_answers(w, 4), submit=True)
    client.force_login(w.business_team)
    text = text_of(client.get(url("cycle_detail", w, w.cycle.uuid)))
    assert "2 of 3 returned (67%), 1 late" in text
    assert w.agencies[2].name in text  # not returned
    page = client.get(url("cycle_detail", w, later.uuid))
    html = page.content.decode()
    assert 'masa-rating masa-rating--3">3<span class="govuk-visually-hidden"> Good' in html
    text = text_of(page)
    assert "Up (from 2.0)" in text and "Same (from 4.0)" in text
    assert "1 Inadequate" in text and "4 Outstanding" in text  # the key in words


def _fill(world, extra_agencies: int) -> None:
    for _ in range(extra_agencies):
        agency = PartnershipAgencyFactory(partnership=world.partnership).agency
        ret = world.cycle.returns.create(partnership=world.partnership, agency=agency)
        services.return_save(actor=SETUP, section11_return=ret, answers=full_answers(world), submit=True)


def test_the_heat_map_takes_the_same_queries_for_twice_the_agencies(w):
    _fill(w, 3)
    with CaptureQueriesContext(connection) as small:
        results = selectors.cycle_results(w.cycle)
    assert len(results.rows) == 3
    _fill(w, 6)
    with CaptureQueriesContext(connection) as large:
        results = selectors.cycle_results(w.cycle)
    assert len(results.rows) == 9
    assert len(large) == len(small)


def test_the_results_spreadsheet_is_formula_safe(client, w):
    w.agencies[0].name = '=HYPERLINK("http://evil")'
    w.agencies[0].save()
    services.return_save(actor=w.lead, section11_return=w.ret, answers=full_answers(w, 2), submit=True)
    client.force_login(w.business_team)
    response = client.get(url("cycle_export", w, w.cycle.uuid))
    assert response.status_code == 200
    sheet = load_workbook(
        BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    ).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Agency", "Submitted", "Late", "1. Senior management commitment to safeguarding")
    by_name = {r[0]: r for r in rows[1:]}
    bad = next(name for name in by_name if "HYPERLINK" in name)
    assert bad.startswith("'")
    assert by_name[bad][3:11] == (2,) * 8
    assert any(r[2] == "Not returned" for r in rows[1:])
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"


def test_business_team_copies_a_default_set_and_edits_it(client, w):
    client.force_login(w.business_team)
    response = client.post(url("set_from_default", w), {"kind": "section_175"})
    assert response.status_code == 302
    schools = w.partnership.standardsset_set.get(kind="section_175")
    page = client.get(response["Location"])
    assert "Designated safeguarding lead" in text_of(page) and "Move down" in text_of(page)
    response = client.post(
        url("standard_add", w, schools.uuid),
        {
            "title": "Attendance",
            "descriptor_1": "a",
            "descriptor_2": "b",
            "descriptor_3": "c",
            "descriptor_4": "d",
        },
    )
    assert response.status_code == 302
    added = schools.standards.get(title="Attendance")
    assert added.number == 9
    client.post(url("standard_move", w, schools.uuid, added.uuid), {"direction": "up"})
    added.refresh_from_db()
    assert added.number == 8


def test_a_set_in_use_shows_no_changes_and_refuses_them(client, w):
    client.force_login(w.business_team)
    page = client.get(url("set_detail", w, w.standards_set.uuid))
    assert "A cycle uses this set" in text_of(page) and "Move down" not in text_of(page)
    standard = w.standards_set.standards.first()
    response = client.post(
        url("standard_edit", w, w.standards_set.uuid, standard.uuid),
        {
            "title": "Changed",
            "descriptor_1": "a",
            "descriptor_2": "b",
            "descriptor_3": "c",
            "descriptor_4": "d",
        },
    )
    assert response.status_code == 400
    assert "used by a cycle" in text_of(response)
    standard.refresh_from_db()
    assert standard.title != "Changed"
