"""Changing several actions at once: the service (all or nothing), the pages and who may use them."""

import re
from datetime import timedelta
from html import unescape

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.urls import reverse

from masa.actions import services
from masa.actions.models import Action, ActionStatus, ActionUpdate
from masa.actions.selectors import with_extensions
from masa.core.dates import long_date
from tests.actions.conftest import TODAY, make_action, user_in_scope
from tests.factories import SETUP, member


def bulk_url(world, change: str | None = None, *actions: Action) -> str:
    query = "&".join([*(f"change={change}" for _ in [1] if change), *(f"actions={a.uuid}" for a in actions)])
    return reverse("actions:action_bulk", args=[world.partnership.slug]) + (f"?{query}" if query else "")


def snapshot(*actions: Action) -> list[tuple]:
    rows = Action.objects.filter(pk__in=[a.pk for a in actions]).order_by("pk")
    return [(a.owner_id, a.owner_agency_id, a.due_date, a.status) for a in rows]


@pytest.fixture
def manager(client, alpha):
    user = member(alpha.partnership, "business_team")
    client.force_login(user)
    return user


# The service ----------------------------------------------------------------------------------


def test_bulk_reassign_changes_each_action_with_its_own_history(alpha, manager):
    first, second = alpha.actions["mine"], alpha.actions["outsider"]
    count = services.action_bulk_change(
        actor=manager,
        actions=[first, second],
        change=services.BULK_OWNER,
        owner=alpha.colleague,
        reason="Owen has moved to another team",
    )
    assert count == 2
    for action, old_owner in ((first, alpha.owner), (second, alpha.outsider)):
        action.refresh_from_db()
        assert action.owner == alpha.colleague
        assert action.owner_agency == alpha.colleague.agency  # the new owner's own agency
        update = action.updates.get()
        assert update.text == "Owen has moved to another team" and update.author == manager
        assert {"field": "Owner", "from": old_owner.name, "to": alpha.colleague.name} in update.changes
        entry = LogEntry.objects.filter(object_pk=str(action.pk), content_type__model="action").latest("pk")
        assert entry.actor == manager and "owner" in entry.changes_dict


def test_bulk_reassign_can_name_another_agency(alpha, manager):
    action = alpha.actions["mine"]
    services.action_bulk_change(
        actor=manager,
        actions=[action],
        change=services.BULK_OWNER,
        owner=alpha.colleague,
        owner_agency=alpha.other_agency,
        reason="Seconded",
    )
    action.refresh_from_db()
    assert (action.owner, action.owner_agency) == (alpha.colleague, alpha.other_agency)


def test_bulk_due_date_move_counts_as_an_extension_for_each_action(alpha, manager):
    late = make_action(
        alpha, "Late one", due_date=TODAY - timedelta(days=40), today=TODAY - timedelta(days=90)
    )
    later = make_action(
        alpha, "Later one", due_date=TODAY - timedelta(days=30), today=TODAY - timedelta(days=90)
    )
    new_due = TODAY + timedelta(days=60)
    services.action_bulk_change(
        actor=manager,
        actions=[late, later],
        change=services.BULK_DUE_DATE,
        due_date=new_due,
        reason="Re-planned",
    )
    for action in (late, later):
        update = ActionUpdate.objects.get(action=action)
        assert update.is_extension and update.due_date_to == new_due
    extended = with_extensions(Action.objects.filter(pk__in=[late.pk, later.pk]))
    assert {a.pk: a.extensions for a in extended} == {late.pk: 1, later.pk: 1}


def test_bulk_withdraw_withdraws_each_action_with_the_reason(alpha, manager):
    actions = [alpha.actions["mine"], alpha.actions["colleague"]]
    assert (
        services.action_bulk_change(
            actor=manager, actions=actions, change=services.BULK_WITHDRAW, reason="Superseded by the new plan"
        )
        == 2
    )
    for action in actions:
        action.refresh_from_db()
        assert action.status == ActionStatus.WITHDRAWN
        update = action.updates.get()
        assert (update.status_to, update.text) == (ActionStatus.WITHDRAWN, "Superseded by the new plan")


def test_one_action_that_cannot_change_stops_them_all_and_is_named(alpha, manager):
    first, closed, last = alpha.actions["mine"], alpha.actions["colleague"], alpha.actions["outsider"]
    services.action_close(actor=SETUP, action=closed, impact="Done")
    before = snapshot(first, closed, last)
    updates = ActionUpdate.objects.count()
    with pytest.raises(ValidationError) as caught:
        services.action_bulk_change(
            actor=manager, actions=[first, closed, last], change=services.BULK_WITHDRAW, reason="Not needed"
        )
    assert caught.value.message_dict == {
        "actions": [services.BULK_NOT_OPEN.format(reference=closed.reference, status="closed")]
    }
    assert snapshot(first, closed, last) == before
    assert ActionUpdate.objects.count() == updates
    first.refresh_from_db()
    assert first.status == ActionStatus.OPEN


def test_every_refusal_is_listed_with_its_reference(alpha, manager):
    same, other = alpha.actions["mine"], alpha.actions["colleague"]
    with pytest.raises(ValidationError) as caught:
        services.action_bulk_change(
            actor=manager,
            actions=[same, other],
            change=services.BULK_OWNER,
            owner=alpha.colleague,
            reason="x",
        )
    assert caught.value.message_dict["actions"] == [
        services.BULK_SAME_OWNER.format(reference=other.reference)
    ]
    same.refresh_from_db()
    assert same.owner == alpha.owner  # the first action's change was rolled back
    day = same.due_date
    with pytest.raises(ValidationError) as caught:
        services.action_bulk_change(
            actor=manager, actions=[same, other], change=services.BULK_DUE_DATE, due_date=day, reason="x"
        )
    assert caught.value.message_dict["actions"] == [
        services.BULK_SAME_DUE_DATE.format(reference=reference, day=long_date(day))
        for reference in (same.reference, other.reference)
    ]


@pytest.mark.parametrize(
    ("change", "values", "field", "message"),
    [
        (services.BULK_DUE_DATE, {"due_date": TODAY - timedelta(days=1)}, "due_date", services.DUE_DATE_PAST),
        (services.BULK_DUE_DATE, {}, "due_date", services.BULK_DUE_DATE_MISSING),
        (services.BULK_OWNER, {}, "owner", services.BULK_OWNER_MISSING),
        (services.BULK_WITHDRAW, {"reason": " "}, "reason", services.BULK_WITHDRAW_NEEDS_REASON),
        (
            services.BULK_DUE_DATE,
            {"reason": "", "due_date": TODAY},
            "reason",
            services.BULK_CHANGE_NEEDS_REASON,
        ),
    ],
)
def test_bulk_change_refuses_bad_answers_before_touching_any_action(
    alpha, manager, change, values, field, message
):
    actions = list(alpha.actions.values())
    before = snapshot(*actions)
    with pytest.raises(ValidationError) as caught:
        services.action_bulk_change(
            actor=manager, actions=actions, change=change, **{"reason": "A reason", **values}
        )
    assert caught.value.message_dict[field] == [message]
    assert snapshot(*actions) == before and not ActionUpdate.objects.exists()


def test_bulk_change_needs_at_least_one_action(manager):
    with pytest.raises(ValidationError) as caught:
        services.action_bulk_change(actor=manager, actions=[], change=services.BULK_WITHDRAW, reason="x")
    assert caught.value.message_dict == {"actions": [services.BULK_NONE_SELECTED]}


# The pages ------------------------------------------------------------------------------------


def test_business_team_ticks_actions_and_reassigns_them(client, alpha, manager):
    first, second = alpha.actions["mine"], alpha.actions["outsider"]
    closed = make_action(alpha, "Closed already")
    services.action_close(actor=SETUP, action=closed, impact="Done")
    html = html_of(client.get(reverse("actions:action_list", args=["alpha"])))
    assert f'name="actions" type="checkbox" value="{first.uuid}"' in html
    assert f'id="select-{closed.uuid}"' not in html  # closed actions cannot be changed
    assert ">Reassign owner</button>" in html and ">Withdraw</button>" in html

    page = client.get(bulk_url(alpha, "owner", first, second))
    assert page.status_code == 200
    html = unescape(html_of(page))
    assert "<h1" in html and "Reassign actions" in html
    assert f"{first.reference}: {first.title} ({alpha.owner.name}, due {long_date(first.due_date)})" in html
    assert "due_date_0" not in html  # only the owner's questions

    response = client.post(
        bulk_url(alpha, "owner", first, second),
        {"actions": [str(first.uuid), str(second.uuid)], "owner": alpha.colleague.pk, "reason": "Owen left"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("actions:action_list", args=["alpha"])
    html = html_of(client.get(response["Location"]))
    assert "govuk-notification-banner--success" in html and "2 actions updated" in html
    assert {a.owner_id for a in Action.objects.filter(pk__in=[first.pk, second.pk])} == {alpha.colleague.pk}


def test_an_action_unticked_on_the_change_page_is_left_alone(client, alpha, manager):
    first, second = alpha.actions["mine"], alpha.actions["colleague"]
    new_due = TODAY + timedelta(days=90)
    response = client.post(
        bulk_url(alpha, "due_date", first, second),
        {
            "actions": [str(second.uuid)],
            "due_date_0": new_due.day,
            "due_date_1": new_due.month,
            "due_date_2": new_due.year,
            "reason": "Agreed at the Board",
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.due_date == new_due and first.due_date != new_due
    assert "1 action updated" in html_of(client.get(response["Location"]))


def test_refused_bulk_change_shows_every_problem_keeps_answers_and_saves_nothing(client, alpha, manager):
    first, closed = alpha.actions["mine"], alpha.actions["colleague"]
    services.action_withdraw(actor=SETUP, action=closed, reason="Gone")
    response = client.post(
        bulk_url(alpha, "withdraw", first, closed),
        {"actions": [str(first.uuid), str(closed.uuid)], "reason": "Replaced by the new plan"},
    )
    assert response.status_code == 400
    html = unescape(html_of(response))
    message = services.BULK_NOT_OPEN.format(reference=closed.reference, status="withdrawn")
    assert re.search(rf'<a href="#id_actions[^"]*">{re.escape(message)}</a>', html), html
    assert "Replaced by the new plan" in html
    assert re.search(r"<title>Error: Withdraw actions", html)
    first.refresh_from_db()
    assert first.status == ActionStatus.OPEN and not first.updates.exists()


def test_bulk_page_without_a_choice_shows_the_list_with_an_error(client, alpha, manager):
    response = client.get(bulk_url(alpha, "owner"))
    assert response.status_code == 400
    html = unescape(html_of(response))
    assert "Select the actions to change, then choose what to change" in html
    assert "<title>Error: Actions" in html
    assert client.get(bulk_url(alpha, None, alpha.actions["mine"])).status_code == 400
    assert client.get(bulk_url(alpha, "delete", alpha.actions["mine"])).status_code == 400


def test_bulk_page_with_a_bad_or_foreign_action_is_not_found(client, alpha, beta, manager):
    assert client.get(bulk_url(alpha, "owner") + "&actions=not-an-id").status_code == 404
    response = client.get(bulk_url(alpha, "owner", alpha.actions["mine"], beta.actions["mine"]))
    assert response.status_code == 404


@pytest.mark.parametrize("role", ["agency_lead", "practitioner", "chair", "lsp"])
def test_only_the_business_team_may_change_several_actions(client, alpha, role):
    user = user_in_scope(alpha, role)
    client.force_login(user)
    action = alpha.actions["colleague"]
    page = client.get(reverse("actions:action_list", args=["alpha"]))
    assert 'name="actions" type="checkbox"' not in html_of(page)
    before = snapshot(action)
    assert client.get(bulk_url(alpha, "withdraw", action)).status_code == 403
    response = client.post(
        bulk_url(alpha, "withdraw", action), {"actions": [str(action.uuid)], "reason": "x"}
    )
    assert response.status_code == 403
    assert snapshot(action) == before


def test_the_post_checks_each_action_against_the_rules(client, alpha, manager, monkeypatch):
    """Every ticked action is asked again: one refused by the rules refuses the whole change."""
    first, second = alpha.actions["mine"], alpha.actions["colleague"]
    original = type(manager).has_perm

    def has_perm(user, perm, obj=None):
        if perm == "actions.withdraw_action" and getattr(obj, "pk", None) == second.pk:
            return False
        return original(user, perm, obj)

    monkeypatch.setattr(type(manager), "has_perm", has_perm)
    response = client.post(
        bulk_url(alpha, "withdraw", first, second),
        {"actions": [str(first.uuid), str(second.uuid)], "reason": "x"},
    )
    assert response.status_code == 403
    assert snapshot(first, second) == [
        (a.owner_id, a.owner_agency_id, a.due_date, ActionStatus.OPEN) for a in (first, second)
    ]


def html_of(response) -> str:
    return response.content.decode()
