"""The registry's rules for changing an action (masa/actions/rules.py), tested without a database."""

from types import SimpleNamespace

import pytest
import rules

from masa.accounts.models import Role
from masa.actions.rules import REOPEN_ACTION, UPDATE_ACTION

PARTNERSHIP_ID = 1


def me(role):
    """User 7 holding `role` in the action's partnership (the cached role map the rules read)."""
    roles = {PARTNERSHIP_ID: role} if role is not None else {}
    return SimpleNamespace(pk=7, is_authenticated=True, _masa_roles=roles)


def action(owner_user_id=None, chair_user_id=None, has_group=True):
    chair = SimpleNamespace(user_id=chair_user_id) if chair_user_id is not None else None
    group = SimpleNamespace(chair=chair, chair_id=1 if chair else None) if has_group else None
    return SimpleNamespace(
        partnership_id=PARTNERSHIP_ID,
        owner=SimpleNamespace(user_id=owner_user_id),
        owner_id=1,
        group=group,
        group_id=1 if has_group else None,
    )


def can_update(role, obj):
    return rules.has_perm(UPDATE_ACTION, me(role), obj)


def can_reopen(role, obj):
    return rules.has_perm(REOPEN_ACTION, me(role), obj)


@pytest.mark.parametrize("role", sorted(Role.values))
def test_owner_may_update_whatever_their_role(role):
    assert can_update(role, action(owner_user_id=7))


@pytest.mark.parametrize("role", sorted(set(Role.values) - {Role.BUSINESS_TEAM}))
def test_others_may_not_update(role):
    assert not can_update(role, action(owner_user_id=8, chair_user_id=7))
    assert not can_update(role, action(owner_user_id=None))


def test_business_team_may_update_and_reopen_anything():
    assert can_update(Role.BUSINESS_TEAM, action(owner_user_id=8))
    assert can_reopen(Role.BUSINESS_TEAM, action(has_group=False))


def test_no_role_no_rights():
    assert not can_update(None, action(owner_user_id=7))
    assert not can_reopen(None, action(chair_user_id=7))


@pytest.mark.parametrize("role", [Role.CHAIR, Role.MEMBER, Role.LSP, Role.AGENCY_LEAD])
def test_the_groups_chair_may_reopen(role):
    assert can_reopen(role, action(chair_user_id=7))


def test_owner_lead_or_other_chair_may_not_reopen():
    assert not can_reopen(Role.CHAIR, action(owner_user_id=7, chair_user_id=8))
    assert not can_reopen(Role.LSP, action(owner_user_id=7))  # group without a chair
    assert not can_reopen(Role.CHAIR, action(has_group=False))
