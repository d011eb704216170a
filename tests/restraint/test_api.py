"""GET /api/v1/partnerships/{slug}/restraint: the same permissions and scope as the pages."""

from masa.restraint import services
from tests.factories import SETUP


def _get(client, w):
    return client.get(f"/api/v1/partnerships/{w.partnership.slug}/restraint")


def test_the_groups_member_reads_the_figures_and_reviews(client, w):
    services.review_save(
        actor=SETUP, establishment=w.establishment, year=2023, summary="Fell", actions=[w.action]
    )
    client.force_login(w.group_member)
    response = _get(client, w)
    assert response.status_code == 200
    [feltham] = response.json()
    assert feltham["name"] == w.establishment.name and feltham["group"] == w.group.name
    [quarter] = feltham["quarters"]
    assert (quarter["incidents"], quarter["injuries"], quarter["children"]) == (10, 2, 6)
    assert {c["label"]: c["count"] for c in quarter["by_type"]}["Guiding hold"] == 5
    assert sum(c["count"] for c in quarter["by_ethnicity"]) == 6
    assert feltham["reviews"][0]["actions"] == [str(w.action.uuid)]


def test_others_are_refused(client, w, other):
    client.force_login(w.other_member)
    assert _get(client, w).status_code == 403
    client.force_login(other.business_team)
    assert _get(client, w).status_code == 404
    assert _get(client, other).json()[0]["name"] == other.establishment.name
