import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document

from masa.partnership.models import Group, GroupMember
from tests.factories import GroupFactory, GroupMemberFactory, PartnershipFactory, member


@pytest.fixture
def manager(client, demo):
    from masa.accounts.models import User

    user = User.objects.filter(
        memberships__partnership__slug="hounslow", memberships__role="business_team"
    ).first()
    client.force_login(user)
    return user


def _board():
    return Group.objects.get(partnership__slug="hounslow", kind="board")


def test_group_edit_with_missing_purpose_keeps_answers_and_shows_error(client, manager):
    board = _board()
    url = reverse("structure:group_edit", args=["hounslow", board.uuid])
    response = client.post(
        url,
        {
            "name": "HSCP Board",
            "kind": "board",
            "purpose": "",
            "people": "New people text",
            "process": "Quarterly",
            "quorum": "4",
            "min_meetings_per_year": "4",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter the purpose" in html
    assert 'href="#id_purpose"' in html  # the error summary links to the field
    assert "New people text" in html  # the user's answers are kept
    board.refresh_from_db()
    assert board.people != "New people text"


def test_group_edit_saves_terms_of_reference_and_publishes_them(client, manager):
    board = _board()
    url = reverse("structure:group_edit", args=["hounslow", board.uuid])
    response = client.post(
        url,
        {
            "name": board.name,
            "kind": "board",
            "purpose": "Hold partners to account for outcomes.",
            "people": board.people,
            "process": board.process,
            "quorum": "4",
            "min_meetings_per_year": "4",
            "chair": board.chair_id,
            "reports_to": board.reports_to_id or "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    public = client.get(reverse("structure:arrangements", args=["hounslow"]))
    assert "Hold partners to account for outcomes." in public.content.decode()


def test_group_edit_rejects_bad_numbers(client, manager):
    board = _board()
    response = client.post(
        reverse("structure:group_edit", args=["hounslow", board.uuid]),
        {
            "name": "X",
            "kind": "board",
            "purpose": "p",
            "people": "p",
            "process": "p",
            "quorum": "zero",
            "min_meetings_per_year": "99",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "The quorum must be a whole number" in html
    assert "Minimum meetings a year must be 52 or fewer" in html


def test_group_member_remove_asks_then_removes(client, manager):
    board = _board()
    m = board.members.first()
    url = reverse("structure:group_member_remove", args=["hounslow", board.uuid, m.uuid])
    assert client.get(url).status_code == 200
    assert GroupMember.objects.filter(pk=m.pk).exists()
    assert client.post(url).status_code == 302
    assert not GroupMember.objects.filter(pk=m.pk).exists()


def test_unknown_statement_kind_is_404_not_500(client, manager):
    assert client.get("/p/hounslow/widgets/add/").status_code == 404


def test_arrangements_page_shows_structure_from_records(client, demo):
    response = client.get(reverse("structure:arrangements", args=["hounslow"]))
    html = response.content.decode()
    assert response.status_code == 200
    for text in ("Effective Practice Group", "Strategic Insights Group", "Relevant agencies", "<svg"):
        assert text in html
    # Nested list: subgroups sit inside the Board's list item.
    assert html.index("HSCP Board") < html.index("Effective Practice Group")


def test_arrangements_docx_matches_the_records(client, demo):
    response = client.get(reverse("structure:arrangements_docx", args=["hounslow"]))
    assert response.status_code == 200
    doc = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    group_names = Group.objects.filter(partnership__slug="hounslow", is_active=True).values_list(
        "name", flat=True
    )
    for name in group_names:
        assert name in text
    assert "Purpose" in text and "Process" in text


def test_arrangements_for_unknown_partnership_is_404(client, db):
    assert client.get("/partnerships/nowhere/arrangements/").status_code == 404


def _queries(client, url):
    client.get(url)  # warm up: the first request of a session also writes the session
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _grow(partnership, n):
    for _ in range(n):
        group = GroupFactory(partnership=partnership)
        for _ in range(3):
            GroupMemberFactory(group=group)


@pytest.mark.parametrize(
    "name,public",
    [
        ("dashboards:home", False),
        ("structure:structure", False),
        ("structure:group_list", False),
        ("structure:agency_list", False),
        ("structure:person_list", False),
        ("structure:plan_list", False),
        ("structure:arrangements", True),
    ],
)
def test_structure_pages_make_a_constant_number_of_queries(client, db, name, public):
    partnership = PartnershipFactory(slug="grow")
    if not public:
        client.force_login(member(partnership, "business_team"))
    url = reverse(name, args=["grow"])
    _grow(partnership, 5)
    before = _queries(client, url)
    _grow(partnership, 10)  # more than double the data
    after = _queries(client, url)
    assert after == before, f"{name}: {before} queries with 5 groups, {after} with 15"


def test_objective_can_be_changed(client, manager):
    from masa.partnership.models import Objective

    objective = Objective.objects.filter(partnership__slug="hounslow").first()
    url = reverse("structure:objective_edit", args=["hounslow", objective.uuid])
    assert client.get(url).status_code == 200
    empty = client.post(url, {"text": "", "order": "1"})
    assert empty.status_code == 400
    assert "Enter the objective" in empty.content.decode()
    assert client.post(url, {"text": "Reduce repeat CP plans", "order": "1"}).status_code == 302
    objective.refresh_from_db()
    assert objective.text == "Reduce repeat CP plans"


def test_home_shows_the_users_actions_meetings_and_cadence_warnings(client, manager):
    html = client.get(reverse("dashboards:home", args=["hounslow"])).content.decode()
    assert "Your actions" in html
    assert "past the escalation threshold" in html
    assert "not keeping to the terms of reference" in html  # the demo has no 2025-26 meetings


def test_practitioner_home_has_no_meeting_or_board_information(client, demo):
    from masa.accounts.models import User

    practitioner = User.objects.filter(
        memberships__partnership__slug="hounslow", memberships__role="practitioner"
    ).first()
    client.force_login(practitioner)
    html = client.get(reverse("dashboards:home", args=["hounslow"])).content.decode()
    assert "Your actions" in html
    assert "escalation threshold" not in html
    assert "terms of reference:" not in html
    assert "Your next meetings" not in html


def test_group_page_offers_the_workplan_only_to_those_who_may_open_it(client, db):
    partnership = PartnershipFactory(slug="alpha")
    group = GroupFactory(partnership=partnership)
    page = reverse("structure:group_detail", args=[partnership.slug, group.uuid])
    workplan = reverse("governance:workplan", args=[partnership.slug, group.uuid])
    client.force_login(member(partnership, "member", mfa=False))
    assert client.get(workplan).status_code == 404
    assert workplan not in client.get(page).content.decode()
    client.force_login(member(partnership, "business_team"))
    assert client.get(workplan).status_code == 200
    assert workplan in client.get(page).content.decode()
