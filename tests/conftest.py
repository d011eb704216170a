import os

import pytest

from tests.demo_copy import DemoCopy
from tests.module_db import module_transaction

os.environ.setdefault("MASA_TESTING", "1")
# Playwright's sync API runs an event loop in the test thread; Django's live server is fine with it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Tests that need a real commit (a live server for the browser, or transaction=True) load the
# demo afresh; every other test that asks for it shares one load per test module.
TRANSACTIONAL_FIXTURES = {"live_server", "transactional_db", "django_db_serialized_rollback"}


def _is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    wants_transaction = bool(marker and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)))
    return wants_transaction or bool(TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A module-scoped fixture is set up before any test's own database transaction, so the
    # demo loaded in it sits under every test's savepoint and each test's changes roll back.
    for item in items:
        names = getattr(item, "fixturenames", None)
        if names is not None and "demo" in names and not _is_transactional(item):
            names.insert(0, "_demo_for_module")


# The demo is built once per test process (each xdist worker) and copied into the database for
# each module that asks for it: building runs every service (about 20 seconds), copying the rows
# back takes a fraction of that.
_demo_copy: DemoCopy | None = None


@pytest.fixture(scope="module")
def _demo_for_module(django_db_setup, django_db_blocker):
    """The demo partnerships, in a transaction kept open for the module: built once per process,
    copied in for every later module."""
    global _demo_copy
    from masa.demo.loader import load_demo

    with module_transaction(django_db_blocker):
        if _demo_copy is None:
            _demo_copy = DemoCopy(load_demo)
            yield _demo_copy.logins
        else:
            yield _demo_copy.paste()


@pytest.fixture
def demo(request, db):
    """The three demo partnerships, loaded as `make demo` loads them."""
    global _demo_copy
    if "_demo_for_module" in request.fixturenames:
        return request.getfixturevalue("_demo_for_module")
    # A test that commits (a browser test) gets the copy pasted too; its rows are flushed after it.
    if _demo_copy is None:
        from masa.demo.loader import load_demo

        _demo_copy = DemoCopy(load_demo)
        return _demo_copy.logins
    return _demo_copy.paste()


@pytest.fixture(autouse=True)
def _page_check(monkeypatch):
    """Every full HTML page a test receives through the test client passes tests/page_check.py."""
    from django.test import Client

    from tests.page_check import check_response

    original = Client.request

    def request_and_check(self, **request):
        response = original(self, **request)
        check_response(response)
        return response

    monkeypatch.setattr(Client, "request", request_and_check)
