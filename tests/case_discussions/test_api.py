"""GET /api/v1/partnerships/{slug}/case-discussions: the same scope as the pages; references only
for those who read a discussion in full; the shared learning alone for practitioners."""

import pytest

from tests.assurance.test_api import auth_for
from tests.case_discussions.world import make_world
from tests.module_db import module_transaction

URL = "/api/v1/partnerships/{}/case-discussions"


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        yield make_world("cd-api")


@pytest.fixture
def w(_world, db):
    return _world


def _items(client, w, user, **params):
    response = client.get(URL.format(w.partnership.slug), params, **auth_for(user))
    assert response.status_code == 200
    return response.json()


def test_the_business_team_sees_references(client, w):
    body = _items(client, w, w.business_team)
    assert body["count"] == 2
    assert [i["reference"] for i in body["items"]] == ["Child A", "Child B"]
    assert (
        body["items"][0]["themes"] == ["Online harm"]
        and body["items"][0]["decision"] == "single_agency_learning"
    )


def test_the_scrutineer_sees_no_references(client, w):
    body = _items(client, w, w.scrutineer)
    assert {i["reference"] for i in body["items"]} == {None}
    assert {i["access"] for i in body["items"]} == {"anonymised"}
    assert "Child" not in str(body)


def test_a_practitioner_sees_the_shared_learning_only(client, w):
    body = _items(client, w, w.practitioner)
    assert body["count"] == 1
    (item,) = body["items"]
    assert item["access"] == "learning" and item["reference"] is None
    assert item["referring_agency"] is None and item["decision"] is None and item["discussed_on"] is None
    assert "safe online" in item["learning"]


def test_paging_and_bad_input(client, w):
    body = _items(client, w, w.lsp, limit=1, offset=1)
    assert [i["reference"] for i in body["items"]] == ["Child B"]
    response = client.get(URL.format(w.partnership.slug), {"limit": 0}, **auth_for(w.lsp))
    assert response.status_code in (400, 422)
    response = client.get(URL.format("nowhere"), **auth_for(w.lsp))
    assert response.status_code == 404
