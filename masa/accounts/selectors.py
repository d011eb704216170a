"""Reads about users and their memberships."""

from django.conf import settings
from django.db.models import QuerySet

from masa.accounts.models import ApiToken, Invitation, Membership, User
from masa.partnership.models import Partnership


def _role_map(user: User) -> dict[int, str]:
    # Cached on the user object so a request resolves memberships with one query.
    cached = getattr(user, "_masa_roles", None)
    if cached is None:
        cached = dict(
            Membership.objects.filter(user=user, is_active=True).values_list("partnership_id", "role")
        )
        user._masa_roles = cached  # type: ignore[attr-defined]
    return cached


def active_role(user: User, partnership: Partnership) -> str | None:
    return _role_map(user).get(partnership.pk)


def active_role_by_id(user: User, partnership_id: int) -> str | None:
    """The same, for a record that carries only its partnership's id."""
    return _role_map(user).get(partnership_id)


def roles_of(user: User) -> set[str]:
    return set(_role_map(user).values())


def partnerships_for_user(user: User) -> QuerySet[Partnership]:
    return Partnership.objects.filter(pk__in=list(_role_map(user))).order_by("name")


def partnership_for_user(user: User, slug: str) -> Partnership | None:
    """The partnership with this slug if the user is an active member of it, else None."""
    return partnerships_for_user(user).filter(slug=slug).first()


def membership_list(partnership: Partnership) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(partnership=partnership)
        .select_related("user", "agency")
        .order_by("-is_active", "user__full_name")
    )


def membership_get(partnership: Partnership, uuid: str) -> Membership | None:
    return membership_list(partnership).filter(uuid=uuid).first()


def invitation_list_open(partnership: Partnership) -> QuerySet[Invitation]:
    from django.utils import timezone

    return Invitation.objects.filter(
        partnership=partnership, accepted_at=None, revoked_at=None, expires_at__gt=timezone.now()
    ).select_related("invited_by", "agency")


def api_tokens_for_user(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user, revoked_at=None)


def invitation_get(invitation_id: int) -> Invitation | None:
    return Invitation.objects.select_related("invited_by", "partnership").filter(pk=invitation_id).first()


def user_needs_second_factor(user: User) -> bool:
    """True if the user's role requires TOTP and they have not set it up yet.

    Business team, LSPs, DSPs and scrutineers (MASA_MFA_ROLES) and administrators, who change
    what every partnership relies on, such as bank holidays. Pages, the API and token creation
    all ask this one question (docs/security.md, "Second factor").
    """
    if not user.is_superuser and not roles_of(user) & set(settings.MASA_MFA_ROLES):
        return False
    from allauth.mfa.models import Authenticator

    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
