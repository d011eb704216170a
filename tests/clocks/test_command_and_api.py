"""`manage.py clock` and GET /api/v1/clocks/{rule}."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

# The command and the API count the one-off bank holidays stored in the database (bank_holidays).
pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("clock", *args, stdout=out)
    return out.getvalue().strip()


def test_command_prints_the_due_date():
    assert run("panel_notification", "2023-12-22") == "2024-01-03"
    assert run("rcpc_first", "2022-11-30") == "2023-02-28"
    assert run("rapid_review", "2023-12-22", "--rule-set", "WT2023-RR-AWARENESS") == "2024-01-17"


def test_command_unknown_rule_names_the_valid_rules():
    with pytest.raises(CommandError) as excinfo:
        run("rapid_reveiw", "2024-03-31")
    assert "rapid_review" in str(excinfo.value) and "panel_notification" in str(excinfo.value)


def test_command_unknown_rule_set():
    with pytest.raises(CommandError, match="WT2023"):
        run("icpc", "2024-03-31", "--rule-set", "WT2018")


@pytest.mark.parametrize("bad", ["31/03/2024", "2024-02-30", "tomorrow"])
def test_command_bad_date(bad):
    with pytest.raises(CommandError, match="START must be a date like 2024-03-31"):
        run("icpc", bad)


# -- API --------------------------------------------------------------------------------------------


def test_api_returns_the_due_date_without_signing_in(client, db):
    response = client.get("/api/v1/clocks/panel_notification", {"start": "2023-12-22"})
    assert response.status_code == 200
    assert response.json() == {
        "rule": "panel_notification",
        "start": "2023-12-22",
        "due": "2024-01-03",
        "unit": "working_days",
        "rule_set": "WT2023",
        "source": "Working Together 2023 ch.5; Panel guidance",
        "due_is_working_day": True,
    }


def test_api_calendar_rule_and_rule_set(client, db):
    body = client.get("/api/v1/clocks/private_fostering_visit_first_year?start=2024-11-14").json()
    assert body["due"] == "2024-12-26" and body["unit"] == "weeks" and body["due_is_working_day"] is False
    body = client.get("/api/v1/clocks/rapid_review?start=2023-12-22&rule_set=WT2023-RR-AWARENESS").json()
    assert body["due"] == "2024-01-17" and body["rule_set"] == "WT2023-RR-AWARENESS"


def test_api_unknown_rule_is_404_listing_rules(client, db):
    response = client.get("/api/v1/clocks/nonsense", {"start": "2024-01-01"})
    assert response.status_code == 404
    body = response.json()
    assert "panel_notification" in body["rules"] and len(body["rules"]) == 12
    assert "nonsense" in body["detail"]


def test_api_unknown_rule_set_is_404_listing_rule_sets(client, db):
    response = client.get("/api/v1/clocks/icpc", {"start": "2024-01-01", "rule_set": "WT2018"})
    assert response.status_code == 404
    assert "WT2023" in response.json()["rule_sets"]


@pytest.mark.parametrize("query", [{}, {"start": ""}, {"start": "31/03/2024"}, {"start": "2024-02-30"}])
def test_api_bad_or_missing_start_is_422_naming_start(client, db, query):
    response = client.get("/api/v1/clocks/icpc", query)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail[0]["loc"] == ["query", "start"]
    assert "start" in detail[0]["msg"]


def test_api_operation_is_public_in_the_schema():
    from masa.api.api import api

    operation = api.get_openapi_schema()["paths"]["/api/v1/clocks/{rule}"]["get"]
    assert not operation.get("security")
