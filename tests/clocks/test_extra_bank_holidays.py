"""One-off bank holidays added without a release: the administrators' page, `manage.py
add_bank_holiday`, and every clock (pages, API, `manage.py clock`) counting them at once."""

from datetime import date
from io import StringIO

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from masa.accounts.models import Role, User
from masa.bank_holidays import services
from masa.bank_holidays.models import ExtraBankHoliday
from masa.bank_holidays.selectors import current_calendar
from tests.factories import SETUP, TEST_TOTP_SECRET, member
from tests.incidents.conftest import make_incident, make_world

MONDAY = date(2024, 1, 8)
START = date(2024, 1, 2)  # + 5 working days: Tue 9 January, or Wed 10 January if 8 January is a holiday

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db) -> User:
    user = User.objects.create_superuser("admin@example.org", "a long test password 1")
    TOTP.activate(user, TEST_TOTP_SECRET)  # administrators must use a second factor
    return user


def _date(prefix, d):
    return {f"{prefix}_0": d.day, f"{prefix}_1": d.month, f"{prefix}_2": d.year}


def _clock_command(*args: str) -> str:
    out = StringIO()
    call_command("clock", *args, stdout=out)
    return out.getvalue().strip()


def test_current_calendar_counts_stored_and_environment_holidays_and_is_rebuilt_on_change(monkeypatch):
    monkeypatch.setenv("MASA_EXTRA_BANK_HOLIDAYS", "2031-06-02")
    first = current_calendar()
    assert first is current_calendar()  # cached while nothing changes
    assert first.is_working_day(MONDAY)
    assert not first.is_working_day(date(2031, 6, 2))
    holiday = services.bank_holiday_add(actor=SETUP, day=MONDAY, name="Test holiday")
    second = current_calendar()
    assert second is not first
    assert not second.is_working_day(MONDAY)
    assert not second.is_working_day(date(2031, 6, 2))
    assert second.holiday_name(date(2023, 5, 8))  # the coronation stays a holiday
    services.bank_holiday_remove(actor=SETUP, holiday=holiday)
    assert current_calendar().is_working_day(MONDAY)


def test_saving_a_holiday_drops_the_cached_calendar(monkeypatch):
    from masa.bank_holidays import selectors

    current_calendar()
    assert selectors._cached is not None
    ExtraBankHoliday.objects.create(date=MONDAY, name="Saved directly")
    assert selectors._cached is None
    current_calendar()
    ExtraBankHoliday.objects.all().delete()
    assert selectors._cached is None


@pytest.mark.parametrize(
    ("day", "name", "field", "message"),
    [
        (
            date(2024, 1, 6),
            "A Saturday",
            "day",
            "A bank holiday must fall on a weekday: 6 January 2024 is a Saturday",
        ),
        (date(2023, 12, 25), "Again", "day", "25 December 2023 is already a bank holiday: Christmas Day"),
        (MONDAY, "  ", "name", services.NAME_NEEDED),
    ],
)
def test_bad_holidays_are_refused(day, name, field, message):
    with pytest.raises(ValidationError) as error:
        services.bank_holiday_add(actor=SETUP, day=day, name=name)
    assert error.value.message_dict == {field: [message]}
    assert not ExtraBankHoliday.objects.exists()


def test_holiday_added_twice_is_refused():
    services.bank_holiday_add(actor=SETUP, day=MONDAY, name="Once")
    with pytest.raises(ValidationError) as error:
        services.bank_holiday_add(actor=SETUP, day=MONDAY, name="Twice")
    assert error.value.message_dict == {"day": ["8 January 2024 is already recorded as a bank holiday"]}
    assert ExtraBankHoliday.objects.count() == 1


# Pages -------------------------------------------------------------------------------------------


def test_only_administrators_may_use_the_pages(client, admin):
    holiday = services.bank_holiday_add(actor=admin, day=MONDAY, name="Test holiday")
    urls = [
        reverse("bank_holidays:holiday_list"),
        reverse("bank_holidays:holiday_add"),
        reverse("bank_holidays:holiday_remove", args=[holiday.uuid]),
    ]
    for url in urls:
        assert client.get(url).status_code == 302  # to sign in
    partnership = make_world("alpha").partnership
    for role in (Role.BUSINESS_TEAM, Role.LSP, Role.MEMBER):
        client.force_login(member(partnership, role))
        for url in urls:
            assert client.get(url).status_code == 403
        assert client.post(urls[2]).status_code == 403
    assert ExtraBankHoliday.objects.count() == 1
    client.force_login(admin)
    for url in urls:
        assert client.get(url).status_code == 200
    other = "00000000-0000-0000-0000-000000000000"
    assert client.get(reverse("bank_holidays:holiday_remove", args=[other])).status_code == 404


def test_administrator_adds_and_removes_a_holiday_and_every_clock_moves(client, admin):
    world = make_world("alpha")
    incident = make_incident(world.partnership, world.business_team, "SI-2024-01", aware=START)
    incident_url = reverse("incidents:incident_detail", args=[world.partnership.slug, incident.uuid])
    api = "/api/v1/clocks/panel_notification"

    def due_everywhere() -> set[str]:
        client.force_login(world.business_team)
        page = client.get(incident_url).content.decode()
        on_page = {d for d in ("9 January 2024", "10 January 2024") if d in page}
        assert len(on_page) == 1, on_page
        by_api = client.get(api, {"start": START.isoformat()}).json()["due"]
        by_command = _clock_command("panel_notification", START.isoformat())
        assert by_api == by_command
        return {*on_page, by_api}

    assert due_everywhere() == {"9 January 2024", "2024-01-09"}

    client.force_login(admin)
    add = reverse("bank_holidays:holiday_add")
    response = client.post(add, {"name": "Weekend", **_date("day", date(2024, 1, 6))})
    assert response.status_code == 400
    assert "must fall on a weekday" in response.content.decode()
    assert 'value="Weekend"' in response.content.decode()
    response = client.post(add, {"name": "One-off test holiday", **_date("day", MONDAY)})
    assert response.status_code == 302
    holiday = ExtraBankHoliday.objects.get()
    assert (holiday.date, holiday.name, holiday.added_by) == (MONDAY, "One-off test holiday", admin)
    assert "One-off test holiday" in client.get(reverse("bank_holidays:holiday_list")).content.decode()

    assert due_everywhere() == {"10 January 2024", "2024-01-10"}

    client.force_login(admin)
    response = client.post(reverse("bank_holidays:holiday_remove", args=[holiday.uuid]))
    assert response.status_code == 302
    assert not ExtraBankHoliday.objects.exists()
    assert due_everywhere() == {"9 January 2024", "2024-01-09"}


# Command -----------------------------------------------------------------------------------------


def test_add_bank_holiday_command_moves_the_clock_command():
    assert _clock_command("panel_notification", "2024-01-02") == "2024-01-09"
    out = StringIO()
    call_command("add_bank_holiday", "2024-01-08", "One-off test holiday", stdout=out)
    assert "Added One-off test holiday on 2024-01-08" in out.getvalue()
    assert ExtraBankHoliday.objects.get().added_by is None
    assert _clock_command("panel_notification", "2024-01-02") == "2024-01-10"
    with pytest.raises(CommandError, match="already recorded as a bank holiday"):
        call_command("add_bank_holiday", "2024-01-08", "Again")
    with pytest.raises(CommandError, match="DATE must be a date like 2030-05-06"):
        call_command("add_bank_holiday", "08/01/2024", "Bad")
    assert ExtraBankHoliday.objects.count() == 1


def test_an_administrator_without_a_second_factor_is_sent_to_set_one_up(client):
    user = User.objects.create_superuser("new-admin@example.org", "a long test password 1")
    client.force_login(user)
    response = client.get(reverse("bank_holidays:holiday_list"))
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    assert not ExtraBankHoliday.objects.exists()
