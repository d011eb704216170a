"""Who may change one action, on top of the page permission and the need-to-know scope.

Pure: decided from the user, their role in the action's partnership and the action's loaded
owner and group (no queries when `owner` and `group__chair` are selected with the action).
"""

from masa.accounts.models import Role


def can_update(user, role: str | None, action) -> bool:
    """Post an update, add evidence or close: the action's owner or the business team."""
    if role is None:
        return False
    if role == Role.BUSINESS_TEAM:
        return True
    owner_user_id = action.owner.user_id if action.owner_id else None
    return owner_user_id is not None and owner_user_id == user.pk


def can_reopen(user, role: str | None, action) -> bool:
    """Reopen a closed action: the chair of the action's group or the business team."""
    if role is None:
        return False
    if role == Role.BUSINESS_TEAM:
        return True
    chair = action.group.chair if action.group_id and action.group.chair_id else None
    return chair is not None and chair.user_id is not None and chair.user_id == user.pk
