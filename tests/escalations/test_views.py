"""The professional escalation pages with the Django test client: raising one (a practitioner
can), bad input kept on the page, moving it on and resolving it, the follow-up action, who sees
which record (404 otherwise), the scrutineer's anonymised view, the figures and the downloads."""

import re
from datetime import date
from html import unescape
from io import BytesIO

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from masa.actions.models import ActionSource
from masa.escalations import services
from masa.escalations.models import Escalation
from tests.escalations.world import TODAY, make_world
from tests.factories import SETUP
from tests.module_db import module_transaction


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        yield make_world("es-v")


@pytest.fixture
def w(_world, db):
    _world.escalation.refresh_from_db()
    return _world


def url(name: str, world, *args) -> str:
    return reverse(f"escalations:{name}", args=[world.partnership.slug, *args])


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def date_fields(prefix: str, day) -> dict:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def test_a_practitioner_raises_an_escalation(client, w):
    client.force_login(w.other_practitioner)
    form = client.get(url("escalation_raise", w))
    assert form.status_code == 200 and "Raise a professional escalation" in text_of(form)
    data = {
        **date_fields("raised_on", date(2024, 1, 10)),
        "raised_by_agency": w.agencies[0].pk,
        "raised_by_role": "School nurse",
        "agencies": [w.agencies[2].pk],
        "child_reference": "Child B",
        "concern": "Disagreement about a referral's threshold.",
        "themes": [w.themes[1].pk],
    }
    response = client.post(url("escalation_raise", w), data)
    assert response.status_code == 302
    created = Escalation.objects.get(partnership=w.partnership, child_reference="Child B")
    assert created.raised_by == w.other_practitioner and created.stage == 1
    assert response.url == url("escalation_detail", w, created.uuid)
    page = text_of(client.get(response.url))
    assert "You raised this escalation" in page and "School nurse" in page


def test_bad_input_is_shown_against_the_field_and_kept(client, w):
    client.force_login(w.practitioner)
    before = Escalation.objects.count()
    response = client.post(
        url("escalation_raise", w),
        {
            **date_fields("raised_on", date(2024, 1, 10)),
            "raised_by_agency": w.agencies[0].pk,
            "raised_by_role": "Health visitor",
            "agencies": [w.agencies[1].pk],
            "child_reference": "Jayden Smith",
            "concern": "Kept text",
        },
    )
    assert response.status_code == 400
    page = text_of(response)
    assert "The reference must not contain a name" in page
    assert "Kept text" in response.content.decode() and 'value="Jayden Smith"' in response.content.decode()
    assert Escalation.objects.count() == before


def test_who_sees_the_record(client, w):
    detail = url("escalation_detail", w, w.escalation.uuid)
    for user, status in (
        (w.business_team, 200),
        (w.lead, 200),
        (w.practitioner, 200),
        (w.scrutineer, 200),
        (w.other_practitioner, 404),
        (w.outside_lead, 404),
        (w.lsp, 404),
    ):
        client.force_login(user)
        assert client.get(detail).status_code == status, user.email


def test_others_see_the_raiser_s_role_not_their_name_and_the_read_is_logged(client, w):
    client.force_login(w.lead)
    page = text_of(client.get(url("escalation_detail", w, w.escalation.uuid)))
    assert "Health visitor, " + w.agencies[0].name in page and "Child A" in page
    assert w.practitioner.full_name not in page and w.practitioner.email not in page
    assert LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, object_pk=str(w.escalation.pk), actor=w.lead
    ).exists()


def test_the_scrutineer_reads_it_anonymised_and_changes_nothing(client, w):
    client.force_login(w.scrutineer)
    page = text_of(client.get(url("escalation_detail", w, w.escalation.uuid)))
    assert "Child A" not in page and "Health visitor" not in page
    assert "Move to the next stage" not in page
    listing = text_of(client.get(url("escalation_list", w)))
    assert "without the child's reference" in listing
    assert client.get(url("escalation_advance", w, w.escalation.uuid)).status_code == 403
    assert client.get(url("escalation_raise", w)).status_code == 403


def test_moving_on_refuses_a_stage_backwards_and_resolving_before_raised(client, w):
    client.force_login(w.lead)
    advance = url("escalation_advance", w, w.escalation.uuid)
    ok = client.post(advance, {"stage": 2, **date_fields("started_on", date(2023, 6, 1))})
    assert ok.status_code == 302
    back = client.post(advance, {"stage": 2, **date_fields("started_on", date(2023, 6, 2))})
    assert back.status_code == 400
    assert "it is at stage 2, so it cannot move to stage 2" in text_of(back)
    resolve = url("escalation_resolve", w, w.escalation.uuid)
    early = client.post(resolve, {**date_fields("resolved_on", date(2023, 4, 1)), "resolution": "Agreed"})
    assert early.status_code == 400
    assert "The date resolved must be on or after 2 May 2023" in text_of(early)
    done = client.post(
        resolve, {**date_fields("resolved_on", date(2023, 6, 20)), "resolution": "Agreed a plan"}
    )
    assert done.status_code == 302
    page = text_of(client.get(url("escalation_detail", w, w.escalation.uuid)))
    assert "Resolved on 20 June 2023, after 49 days" in page


def test_a_follow_up_action_links_both_ways(client, w):
    client.force_login(w.business_team)
    response = client.post(
        url("follow_up_add", w, w.escalation.uuid),
        {
            "text": "Brief staff on the escalation policy",
            "owner": w.owner.pk,
            **date_fields("due_date", timezone.localdate()),
        },
    )
    assert response.status_code == 302
    w.escalation.refresh_from_db()
    action = w.escalation.action
    assert action.source == ActionSource.ESCALATION
    page = text_of(client.get(reverse("actions:action_detail", args=[w.partnership.slug, action.uuid])))
    assert "Professional escalation raised 2 May 2023" in page


def test_the_figures_page_with_chart_and_table_and_a_bad_year(client, w):
    services.escalation_resolve(
        actor=SETUP, escalation=w.escalation, resolved_on=date(2023, 5, 12), resolution="Agreed", today=TODAY
    )
    client.force_login(w.lsp)
    page = client.get(url("escalation_figures", w))
    text = text_of(page)
    assert "Escalation figures and trends for 2023-24" in text and "<svg" in page.content.decode()
    assert "Figures in the chart: escalations by reporting year" in text
    assert "Median days to resolve 10" in text
    assert client.get(url("escalation_figures", w) + "?year=2023-25").status_code == 404
    client.force_login(w.practitioner)
    assert client.get(url("escalation_figures", w)).status_code == 403


def test_the_downloads(client, w):
    client.force_login(w.business_team)
    register = client.get(url("register_export", w))
    sheet = load_workbook(BytesIO(register.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Raised" and rows[1][4] == "Child A" and rows[1][2] == "Health visitor"
    assert LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, object_pk=str(w.partnership.pk), actor=w.business_team
    ).exists()
    client.force_login(w.scrutineer)
    assert client.get(url("register_export", w)).status_code == 403
    figures = client.get(url("figures_export", w) + "?year=2023-24")
    book = load_workbook(BytesIO(figures.content))
    assert book.sheetnames == ["2023-24 totals", "By highest stage", "By agency", "By theme", "By year"]
    assert list(book["By theme"].iter_rows(values_only=True))[1] == ("Neglect", 1)


def test_a_formula_in_the_concern_stays_text(client, w):
    services.escalation_raise(
        actor=SETUP,
        partnership=w.partnership,
        raised_on=date(2023, 8, 1),
        raised_by_agency=w.agencies[1],
        raised_by_role='=HYPERLINK("x")',
        agencies=[w.agencies[0]],
        concern="=1+1",
        today=TODAY,
    )
    client.force_login(w.business_team)
    sheet = load_workbook(BytesIO(client.get(url("register_export", w)).content)).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert not any(v.startswith("=") for v in values)
