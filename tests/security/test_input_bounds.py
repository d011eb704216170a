"""Every date, number and piece of text masa is given keeps masa.core.bounds, on pages and API alike.

One test per class of fault a probe of the running service found, each over every place the
fault could come in: out-of-range dates and numbers were OverflowErrors (500s), offsets were
unbounded, unreadable or oversized bodies were 500s, and the API stored NUL bytes the forms
refuse.
"""

import importlib
import inspect
import json
import pkgutil
from datetime import date

import pytest
from django import forms
from django.urls import reverse

import masa
from masa.api import errors
from masa.core import bounds
from masa.core.forms import BoundedForm, GovForm
from masa.governance.models import Meeting
from masa.returns.models import Population
from tests.module_db import module_transaction
from tests.security.api_world import BASE, build_api_world

CLOCK = "/api/v1/clocks/rapid_review"


@pytest.fixture(scope="module")
def _api_for_module(django_db_setup, django_db_blocker):
    """Built once for the module's hundred-odd tests; each test's changes roll back."""
    with module_transaction(django_db_blocker):
        yield build_api_world()


@pytest.fixture
def api(_api_for_module, db):
    return _api_for_module


# -- dates ----------------------------------------------------------------------------------------

DATE_PARAMS = [
    (CLOCK, "start"),
    (f"{BASE}/actions", "due_before"),
    (f"{BASE}/actions", "due_after"),
    (f"{BASE}/meetings", "from"),
    (f"{BASE}/meetings", "to"),
]
BAD_DATES = [
    *("9999-12-31", "1899-12-31", "2101-01-01"),  # out of range
    *("0", "1700000000", "2024-02-30", "20240131", "2024-1-5"),  # not a YYYY-MM-DD date
]


@pytest.mark.parametrize(("path", "param"), DATE_PARAMS)
@pytest.mark.parametrize("value", BAD_DATES)
def test_out_of_range_dates_refused_everywhere(client, api, path, param, value):
    response = client.get(path, {param: value}, **api.auth)
    assert response.status_code == 422, response.content[:300]
    problem = response.json()["detail"][0]
    assert problem["loc"] == ["query", param]
    # Both bounds of the range are accepted.
    for day in (bounds.MIN_DATE, bounds.MAX_DATE):
        assert client.get(path, {param: day.isoformat()}, **api.auth).status_code == 200


def _schedule_page(client, api):
    client.force_login(api.data.business)
    return reverse("governance:meeting_schedule", args=["alpha"])


@pytest.mark.parametrize(
    ("day", "frequency", "occurrences"),
    [
        (date(9999, 12, 31), "yearly", "12"),  # the probe's series: its second meeting is in year 10000
        (date(9999, 12, 31), "none", "1"),
        (date(1, 1, 1), "none", "1"),
        (date(2100, 12, 31), "quarterly", "4"),  # starts in range, runs past 2100
    ],
)
def test_out_of_range_dates_refused_by_forms(client, api, day, frequency, occurrences):
    url = _schedule_page(client, api)
    data = {
        "group": api.group.pk,
        "date_0": str(day.day),
        "date_1": str(day.month),
        "date_2": f"{day.year:04d}",
        "start_time": "10:00",
        "end_time": "12:00",
        "papers_deadline_days": "7",
        "frequency": frequency,
        "occurrences": occurrences,
    }
    response = client.post(url, data)
    assert response.status_code == 400  # the page again, with the error
    assert "must be between 1 January 1900 and 31 December 2100" in response.content.decode()
    assert not Meeting.objects.exists()
    # The action list's date filters (a GET form) say the same.
    page = client.get(
        reverse("actions:action_list", args=["alpha"]),
        {"due_before_0": "31", "due_before_1": "12", "due_before_2": "9999"},
    )
    assert page.status_code == 400
    assert bounds.date_message("due on or before") in page.content.decode()


def _form_classes() -> list[type[forms.Form]]:
    for module in pkgutil.walk_packages(masa.__path__, "masa."):
        if module.name.endswith(("forms", "_forms")):
            importlib.import_module(module.name)
    found, todo = [], list(forms.Form.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("masa."):
            found.append(cls)
    return found


# Forms whose files another part of the project owns; they join when those are next changed.


def test_every_form_keeps_the_bounds():
    """Every masa form is a BoundedForm (GovForm is one), so its fields get the shared bounds."""
    unbounded = {
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in _form_classes()
        if not issubclass(cls, BoundedForm) and not inspect.getmodule(cls).__name__.startswith("allauth")
    }
    assert unbounded == set()


def test_every_free_text_field_has_a_limit():
    """Every text field a masa form declares says how long the answer may be (docs/security.md,
    "Input bounds and the API schema"); text areas show it with the GOV.UK character count."""
    unlimited = {
        f"{cls.__module__}.{cls.__qualname__}.{name}"
        for cls in _form_classes()
        for name, field in cls.base_fields.items()
        if isinstance(field, forms.CharField)
        and not isinstance(field.widget, forms.PasswordInput | forms.HiddenInput)
        and not field.max_length
    }
    assert unlimited == set()


# -- counts and ids -------------------------------------------------------------------------------


@pytest.mark.parametrize("population", ["99999999999999999999", str(bounds.MAX_COUNT + 1), "-1"])
def test_counts_within_the_database_integer(client, api, population):
    client.force_login(api.data.business)
    url = reverse("returns:population_add", args=["alpha"])
    response = client.post(url, {"la_code": "313", "year": "2023-24", "children_0_17": population})
    assert response.status_code == 400, response.content[:300]
    assert "children aged 0 to 17" in response.content.decode().lower()
    assert not Population.objects.exists()
    # The largest count the database holds is taken.
    client.post(url, {"la_code": "313", "year": "2023-24", "children_0_17": str(bounds.MAX_COUNT)})
    assert Population.objects.get().children_0_17 == bounds.MAX_COUNT


@pytest.mark.parametrize("job_id", ["9223372036854775808", "99999999999999999999999", "0", "-1"])
def test_record_ids_within_the_database_integer(client, api, job_id):
    response = client.get(f"{BASE}/returns/jobs/{job_id}", **api.auth)
    assert response.status_code in (404, 422), response.content[:300]


class _IntegerForm(GovForm):
    count = forms.IntegerField(label="Count")
    small = forms.IntegerField(label="Small", min_value=1, max_value=12)
    amount = forms.DecimalField(label="Amount")


@pytest.mark.parametrize(
    ("field", "value", "ok"),
    [
        ("count", str(bounds.MAX_COUNT), True),
        ("count", str(bounds.MAX_COUNT + 1), False),
        ("count", "-1", False),
        ("small", "12", True),
        ("small", "13", False),
        ("amount", "99999999999.999", True),
        ("amount", "1e11", False),
        ("amount", "-1e20", False),
    ],
)
def test_form_numbers_within_the_database_columns(field, value, ok):
    data = {"count": "1", "small": "1", "amount": "1", field: value}
    form = _IntegerForm(data)
    assert form.is_valid() is ok, form.errors


# -- offsets and limits ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("offset", "9223372036854775808"),
        ("offset", str(bounds.MAX_OFFSET + 1)),
        ("offset", "-1"),
        ("limit", "0"),
        ("limit", str(bounds.MAX_LIMIT + 1)),
        ("limit", "9223372036854775808"),
    ],
)
def test_offsets_and_limits_capped(client, api, param, value):
    # The actions list is the API's paged list; every other list answers a partnership's few rows.
    response = client.get(f"{BASE}/actions", {param: value}, **api.auth)
    assert response.status_code == 422, response.content[:300]
    assert response.json()["detail"][0]["loc"] == ["query", param]
    edge = client.get(f"{BASE}/actions", {"offset": bounds.MAX_OFFSET, "limit": bounds.MAX_LIMIT}, **api.auth)
    assert edge.status_code == 200
    assert edge.json()["items"] == []


@pytest.mark.parametrize("page", ["9223372036854775808", "-5", "x"])
def test_list_pages_take_any_page_number(client, api, page):
    client.force_login(api.data.business)
    response = client.get(reverse("actions:action_list", args=["alpha"]), {"page": page})
    assert response.status_code == 200


# -- unreadable and oversized bodies ---------------------------------------------------------------


def _write_ops(api) -> dict[str, str]:
    return {
        "action update": f"{BASE}/actions/{api.action.uuid}/updates",
        "data call submission": api.submission_url(),
        "return upload": f"{BASE}/returns",
    }


JSON_OPS = ["action update", "data call submission"]
ALL_OPS = [*JSON_OPS, "return upload"]
BIG = object()  # a body just over DATA_UPLOAD_MAX_MEMORY_SIZE
# (content type, body, the operations that read such a body, the message they answer)
BODIES = {
    "json-3mb": ("application/json", BIG, JSON_OPS, errors.too_big()),
    "multipart-3mb": ("multipart/form-data; boundary=x", BIG, ALL_OPS, errors.too_big()),
    "multipart-no-boundary": ("multipart/form-data", b"--x\r\n", ["return upload"], errors.NO_BOUNDARY),
    "multipart-to-json-op": ("multipart/form-data", b"--x\r\n", JSON_OPS, errors.NOT_JSON),
    "truncated-json": ("application/json", b'{"text": ', JSON_OPS, errors.NOT_JSON),
    "not-utf8": ("application/json", b"\xff\xfe", JSON_OPS, errors.NOT_JSON),
}
CASES = [(name, op) for name, (_, _, ops, _) in BODIES.items() for op in ops]


@pytest.mark.parametrize(("case", "op"), CASES, ids=[f"{name}-{op}" for name, op in CASES])
def test_oversized_bodies_answer_400(client, api, settings, case, op):
    content_type, body, _, message = BODIES[case]
    size = settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1024 * 1024
    if body is BIG and content_type == "application/json":
        body = json.dumps({"text": "x" * size, "values": []}).encode()
    elif body is BIG:
        body = b'--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\n' + b"x" * size + b"\r\n--x--\r\n"
    response = client.generic("POST", _write_ops(api)[op], body, content_type=content_type, **api.auth)
    assert response.status_code == 400, response.content[:300]
    assert response.json() == {"detail": message}


def test_oversized_page_posts_answer_400(client, api, settings):
    """Django answers 400 itself for pages (RequestDataTooBig is a SuspiciousOperation)."""
    client.force_login(api.data.business)
    url = reverse("returns:population_add", args=["alpha"])
    big = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    assert client.post(url, {"la_code": big}).status_code == 400
    no_boundary = client.generic("POST", url, b"--x\r\n", content_type="multipart/form-data")
    assert no_boundary.status_code == 400


# -- text ------------------------------------------------------------------------------------------

CONTROL = ["\x00", "\x1b[31m", "\x7f", "\x85", "\ud800"]


def _text_inputs(api) -> list[tuple[str, str, dict]]:
    """(method, path, {field: value-template}) for every text the API takes."""
    return [
        ("json", f"{BASE}/actions/{api.action.uuid}/updates", {"text": "Done{c}"}),
        ("json", api.submission_url(), {"values": [{"indicator": "wait_days", "missing_reason": "No{c}"}]}),
        ("json", api.submission_url(), {"values": [{"indicator": "missing{c}", "value": 1}]}),
        ("form", f"{BASE}/returns", {"kind": "cin{c}", "la_code": "313", "year": "2023-24"}),
        ("form", f"{BASE}/returns", {"kind": "cin", "la_code": "31{c}", "year": "2023-24"}),
        ("get", f"{BASE}/indicators", {"year": "2023-24{c}"}),
        ("get", "/api/v1/clocks/rapid_review", {"start": "2024-01-01", "rule_set": "WT2023{c}"}),
    ]


def _fill(template, char):
    if isinstance(template, str):
        return template.replace("{c}", char)
    if isinstance(template, list):
        return [_fill(t, char) for t in template]
    if isinstance(template, dict):
        return {k: _fill(v, char) for k, v in template.items()}
    return template


# The kind of each of _text_inputs' entries. A query string or form is UTF-8 bytes, so it
# cannot hold a lone surrogate: that character is tried only in JSON bodies.
TEXT_INPUT_KINDS = ["json", "json", "json", "form", "form", "get", "get"]
CONTROL_CASES = [
    pytest.param(which, char, id=f"{which}-{name}")
    for which, kind in enumerate(TEXT_INPUT_KINDS)
    for char, name in zip(CONTROL, ["nul", "escape", "delete", "next-line", "surrogate"], strict=True)
    if kind == "json" or char != "\ud800"
]


@pytest.mark.parametrize(("which", "char"), CONTROL_CASES)
def test_control_characters_refused_by_api_like_forms(client, api, which, char):
    inputs = _text_inputs(api)
    assert [kind for kind, _, _ in inputs] == TEXT_INPUT_KINDS
    kind, path, template = inputs[which]
    payload = _fill(template, char)
    if kind == "json":
        body = json.dumps(payload).encode()  # \ud800 goes as the JSON escape a program would send
        response = client.generic("POST", path, body, content_type="application/json", **api.auth)
    elif kind == "form":
        response = client.post(path, {**payload, "files": []}, **api.auth)
    else:
        response = client.get(path, payload, **api.auth)
    assert response.status_code in (400, 422), response.content[:300]
    if response.status_code == 422 and isinstance(response.json()["detail"], list):
        assert any("control characters" in p["msg"] for p in response.json()["detail"])
    assert api.action.updates.count() == 0


@pytest.mark.parametrize("char", CONTROL[:4], ids=["nul", "escape", "delete", "next-line"])
def test_control_characters_refused_by_forms(client, api, char):
    client.force_login(api.data.business)
    url = reverse("actions:action_update", args=["alpha", api.action.uuid])
    response = client.post(url, {"text": f"Do{char}ne", "status": "in_progress"})
    assert response.status_code in (200, 400)
    assert "must not include control characters" in response.content.decode()
    assert api.action.updates.count() == 0
    # Tabs and new lines are what a text area sends.
    client.post(url, {"text": "Done\r\n\tand dusted", "status": "in_progress"})
    assert api.action.updates.get().text == "Done\r\n\tand dusted"
