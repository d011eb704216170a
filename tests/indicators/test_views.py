"""The catalogue and data call pages: what they show, what they save, who may use them."""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from masa.accounts.models import Role
from masa.indicators import services
from masa.indicators.models import Comparator, Indicator, IndicatorValue, Period, Submission
from tests.factories import SETUP, GroupFactory, member
from tests.indicators.datacall_world import build_world, indicator, police_answers, police_indicators


@pytest.fixture
def world(db):
    return build_world()


def _url(name, world, *args):
    return reverse(f"indicators:{name}", args=[world.partnership.slug, *args])


def _post_police_form(client, world, action, **fields):
    sub = world.submission(world.police)
    data = {
        "action": action,
        "missing_episodes__value": "12",
        "arrests_pct__numerator": "3",
        "arrests_pct__denominator": "4",
        "visits_rate__numerator": "25",
        "visits_rate__denominator": "68630",
        "wait_days__missing": "yes",
        "wait_days__missing_reason": "System outage",
        **fields,
    }
    return client.post(_url("submission_detail", world, sub.uuid), data)


def test_catalogue_lists_and_filters(client, world):
    group = GroupFactory(partnership=world.partnership, name="Strategic Insights Group")
    world.indicators["arrests_pct"].groups.add(group)
    services.dfe_indicators_add(actor=world.business, partnership=world.partnership)
    client.force_login(world.health_lead)
    page = client.get(_url("indicator_list", world)).content.decode()
    assert "Arrests charged" in page and "Referrals per 10,000 children" in page
    assert "Add an indicator" not in page
    page = client.get(_url("indicator_list", world), {"group": str(group.uuid)}).content.decode()
    assert "Arrests charged" in page and "Health checks" not in page
    page = client.get(_url("indicator_list", world), {"origin": "local"}).content.decode()
    assert "Health checks" in page and "Referrals per 10,000" not in page
    page = client.get(_url("indicator_list", world), {"agency": str(world.health.uuid)}).content.decode()
    assert "Health checks" in page and "Arrests charged" not in page


def test_add_indicator_and_errors_keep_answers(client, world):
    client.force_login(world.business)
    data = {
        "code": "Bad Code",
        "title": "School exclusions",
        "definition": "Permanent exclusions",
        "unit": "count",
        "polarity": "lower",
        "frequency": "yearly",
        "is_active": "on",
    }
    response = client.post(_url("indicator_create", world), data)
    assert response.status_code == 400
    assert "The id must only use lower case letters, numbers and underscores" in response.content.decode()
    assert 'value="School exclusions"' in response.content.decode()
    response = client.post(_url("indicator_create", world), {**data, "code": "wait_days"})
    assert services.CODE_TAKEN in response.content.decode()
    response = client.post(_url("indicator_create", world), {**data, "code": "exclusions"})
    created = Indicator.objects.get(partnership=world.partnership, code="exclusions")
    assert response.status_code == 302 and response["Location"] == _url(
        "indicator_detail", world, created.uuid
    )
    response = client.post(
        _url("indicator_edit", world, created.uuid), {**data, "code": "exclusions", "title": "Exclusions"}
    )
    assert response.status_code == 302
    assert Indicator.objects.get(pk=created.pk).title == "Exclusions"


def test_targets_comparators_and_import_pages(client, world):
    client.force_login(world.business)
    ind = world.indicators["arrests_pct"]
    assert (
        client.post(
            _url("target_add", world, ind.uuid), {"year": "2023-24", "value": "80", "tolerance": "5"}
        ).status_code
        == 302
    )
    response = client.post(_url("target_add", world, ind.uuid), {"year": "2023", "value": "80"})
    assert services.YEAR_FORMAT in response.content.decode()
    assert (
        client.post(
            _url("comparator_add", world, ind.uuid),
            {"year": "2023-24", "kind": "england", "value": "70.2", "source": "DfE"},
        ).status_code
        == 302
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile(
        "comp.csv", b"indicator code,year,kind,value,source\narrests_pct,2023-24,London,lots,\n"
    )
    response = client.post(_url("comparators_import", world), {"file": bad})
    assert "comp.csv, row 2, column Value: must be a number" in response.content.decode()
    good = SimpleUploadedFile(
        "comp.csv", b"indicator code,year,kind,value,source\narrests_pct,2023-24,London,71,LG Inform\n"
    )
    assert client.post(_url("comparators_import", world), {"file": good}).status_code == 302
    page = client.get(_url("indicator_detail", world, ind.uuid)).content.decode()
    assert "70.2" in page and "71" in page and "LG Inform" in page and "80" in page
    assert Comparator.objects.count() == 2


def test_dfe_button_adds_the_catalogue(client, world):
    client.force_login(world.business)
    assert client.get(_url("dfe_add", world)).status_code == 200
    response = client.post(_url("dfe_add", world), {})
    assert response.status_code == 302
    assert Indicator.objects.filter(partnership=world.partnership, is_dfe_defined=True).count() == 19
    assert Indicator.objects.filter(partnership=world.partnership, return_indicator__gt="").count() == 21


def test_period_and_data_call_pages(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.business)
    response = client.post(
        _url("period_create", world),
        {
            "frequency": "quarterly",
            "start_0": "1",
            "start_1": "7",
            "start_2": "2023",
            "end_0": "30",
            "end_1": "9",
            "end_2": "2023",
        },
    )
    assert response.status_code == 302
    period = Period.objects.get(partnership=world.partnership, label="2023-24 Q2")
    response = client.post(
        _url("period_create", world),
        {
            "frequency": "quarterly",
            "start_0": "1",
            "start_1": "8",
            "start_2": "2023",
            "end_0": "1",
            "end_1": "7",
            "end_2": "2023",
        },
    )
    assert services.PERIOD_END_BEFORE_START in response.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _url("data_call_create", world),
            {
                "period": period.pk,
                "due_0": "31",
                "due_date_0": "31",
                "due_date_1": "10",
                "due_date_2": "2023",
            },
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    page = client.get(response["Location"]).content.decode()
    assert "alpha police" in page and "alpha health" in page and "Not started" in page
    assert client.get(_url("data_call_list", world)).status_code == 200


def test_agency_lead_fills_the_form_and_business_team_approves(client, world):
    client.force_login(world.police_lead)
    sub = world.submission(world.police)
    page = client.get(_url("submission_detail", world, sub.uuid)).content.decode()
    assert "Missing episodes" in page and "Health checks" not in page
    # Bad input: the error names the indicator and field, the answers stay, nothing is saved.
    response = _post_police_form(
        client, world, "submit", missing_episodes__value="1.5", arrests_pct__numerator="9"
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert 'href="#id_missing_episodes__value">Missing episodes: value must be a whole number' in text
    assert "Arrests charged: numerator must not be more than the denominator" in text
    assert 'value="1.5"' in text and 'value="System outage"' in text
    assert IndicatorValue.objects.count() == 0
    # Draft, then submit.
    assert _post_police_form(client, world, "draft").status_code == 302
    assert Submission.objects.get(pk=sub.pk).status == "draft"
    assert 'value="12"' in client.get(_url("submission_detail", world, sub.uuid)).content.decode()
    assert _post_police_form(client, world, "submit").status_code == 302
    assert Submission.objects.get(pk=sub.pk).status == "submitted"
    # The lead cannot approve.
    assert client.get(_url("submission_approve", world, sub.uuid)).status_code == 403
    client.force_login(world.business)
    response = client.post(_url("submission_approve", world, sub.uuid), {})
    assert response.status_code == 302
    value = IndicatorValue.objects.get(is_current=True, indicator__code="arrests_pct")
    assert value.value == Decimal("75.0") and value.submission_id == sub.pk
    page = client.get(_url("indicator_detail", world, value.indicator.uuid)).content.decode()
    assert _url("submission_detail", world, sub.uuid) in page
    assert "Submission from alpha police" in page
    # Locked: later edits refused.
    client.force_login(world.police_lead)
    response = _post_police_form(client, world, "submit", missing_episodes__value="13")
    assert response.status_code == 400
    assert "This submission was approved on" in response.content.decode()
    assert "and is locked" in response.content.decode()


def test_return_shows_the_note_to_the_lead_and_reopen(client, world):
    services.submission_save(
        actor=world.police_lead,
        submission=world.submission(world.police),
        indicators=police_indicators(world),
        answers=police_answers(),
        submit=True,
    )
    sub = world.submission(world.police)
    client.force_login(world.business)
    response = client.post(_url("submission_return", world, sub.uuid), {"note": ""})
    assert response.status_code == 400 and "Enter what needs to change" in response.content.decode()
    assert (
        client.post(_url("submission_return", world, sub.uuid), {"note": "Check the arrests"}).status_code
        == 302
    )
    client.force_login(world.police_lead)
    page = client.get(_url("submission_detail", world, sub.uuid)).content.decode()
    assert "Returned for changes" in page and "Check the arrests" in page
    assert _post_police_form(client, world, "submit").status_code == 302
    client.force_login(world.business)
    client.post(_url("submission_approve", world, sub.uuid), {})
    assert client.post(_url("submission_reopen", world, sub.uuid), {"note": "New figures"}).status_code == 302
    assert Submission.objects.get(pk=sub.pk).status == "returned"


def test_another_agency_submission_is_404(client, world):
    health = world.submission(world.health)
    client.force_login(world.police_lead)
    for name in ("submission_detail", "submission_template", "submission_upload"):
        assert client.get(_url(name, world, health.uuid)).status_code == 404
    page = client.get(_url("data_call_detail", world, world.call.uuid)).content.decode()
    assert "alpha police" in page and "alpha health" not in page


def test_close_the_call(client, world):
    client.force_login(world.business)
    assert client.post(_url("data_call_close", world, world.call.uuid), {}).status_code == 302
    assert client.get(_url("data_call_close", world, world.call.uuid)).status_code == 404
    client.force_login(world.police_lead)
    response = _post_police_form(client, world, "draft")
    assert services.CALL_CLOSED in response.content.decode()


# -- query counts -------------------------------------------------------------------------------


def _grow(world, n):
    groups = [GroupFactory(partnership=world.partnership) for _ in range(3)]
    for i in range(n):
        ind = indicator(world.partnership, f"extra_{i}", "count", world.police if i % 2 else world.health)
        ind.groups.set(groups)


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    # The session is written on the first request and then once a minute: not the page's work.
    return len([q for q in ctx.captured_queries if "django_session" not in q["sql"]])


def test_catalogue_query_count_is_constant(client, world, django_assert_max_num_queries):
    client.force_login(world.business)
    url = _url("indicator_list", world)
    _grow(world, 5)
    client.get(url)
    with django_assert_max_num_queries(14):
        five = _queries(client, url)
    _grow_more(world, 45, world.police)
    assert _queries(client, url) == five


def _grow_more(world, n, agency, unit="count"):
    for i in range(n):
        indicator(world.partnership, f"more_{i}", unit, agency)


def test_indicator_page_query_count_is_constant(client, world, django_assert_max_num_queries):
    ind = world.indicators["missing_episodes"]
    for year in ("2021-22", "2022-23", "2023-24"):
        services.target_set(actor=SETUP, indicator=ind, year=year, value=Decimal(10))
        services.comparator_set(actor=SETUP, indicator=ind, year=year, kind="england", value=Decimal(9))
    client.force_login(world.business)
    url = _url("indicator_detail", world, ind.uuid)
    for version in range(2):
        sub = world.submission(world.police)
        if version:
            services.submission_reopen(actor=world.business, submission=sub, note="again")
        services.submission_save(
            actor=world.police_lead,
            submission=sub,
            indicators=police_indicators(world),
            answers=police_answers(),
            submit=True,
        )
        services.submission_approve(actor=world.business, submission=sub)
        if not version:
            client.get(url)
            with django_assert_max_num_queries(14):
                one = _queries(client, url)
    assert _queries(client, url) == one


def test_data_call_pages_query_count_is_constant(client, db, django_assert_max_num_queries):
    from masa.partnership.models import Agency

    world = build_world(open_call=False)
    for i in range(5):
        indicator(
            world.partnership,
            f"extra_{i}",
            "count",
            Agency.objects.create(name=f"Agency {i}", agency_type="health"),
        )
    call = services.data_call_open(
        actor=world.business, partnership=world.partnership, period=world.period, due_date=date(2023, 7, 31)
    )
    client.force_login(world.business)
    detail, listing = _url("data_call_detail", world, call.uuid), _url("data_call_list", world)
    client.get(detail)
    with django_assert_max_num_queries(28):
        counts = (_queries(client, detail), _queries(client, listing))
    from masa.indicators.models import Submission as S

    for i in range(45):
        agency = Agency.objects.create(name=f"Agency more {i}", agency_type="health")
        S.objects.create(partnership=world.partnership, data_call=call, agency=agency)
    assert (_queries(client, detail), _queries(client, listing)) == counts


def test_submission_page_query_count_is_constant(client, world, django_assert_max_num_queries):
    client.force_login(world.police_lead)
    url = _url("submission_detail", world, world.submission(world.police).uuid)
    _grow_more(world, 5, world.police, "percent")
    client.get(url)
    with django_assert_max_num_queries(16):
        five = _queries(client, url)
    for i in range(45):
        indicator(world.partnership, f"extra_{i}", "percent", world.police)
    assert _queries(client, url) == five


def test_practitioner_is_refused(client, world):
    user = member(world.partnership, Role.PRACTITIONER)
    client.force_login(user)
    assert client.get(_url("indicator_list", world)).status_code == 403
    assert client.get(_url("data_call_list", world)).status_code == 403


def test_comparators_import_from_xlsx(client, world):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Indicator code", "Year", "Kind", "Value", "Source"])
    ws.append(["arrests_pct", "2022-23", "Statistical neighbours", 64.2, "LG Inform"])
    ws.append(["visits_rate", "2022-23", "England", "=A1", ""])
    out = io.BytesIO()
    wb.save(out)
    client.force_login(world.business)
    response = client.post(
        _url("comparators_import", world), {"file": SimpleUploadedFile("sn.xlsx", out.getvalue())}
    )
    assert response.status_code == 400
    assert "sn.xlsx, row 3, column Value: must be a number, not a formula" in response.content.decode()
    assert Comparator.objects.count() == 0
    ws["D3"] = 512.5
    out = io.BytesIO()
    wb.save(out)
    response = client.post(
        _url("comparators_import", world), {"file": SimpleUploadedFile("sn.xlsx", out.getvalue())}
    )
    assert response.status_code == 302
    assert sorted(Comparator.objects.values_list("kind", "value")) == [
        ("england", Decimal("512.5")),
        ("statistical_neighbours", Decimal("64.2")),
    ]
    pdf = SimpleUploadedFile("sn.pdf", b"%PDF-1.4 hello")
    response = client.post(_url("comparators_import", world), {"file": pdf})
    assert "The selected file sn.pdf must be a CSV or Excel (XLSX) file" in response.content.decode()
