"""Every write about users: invitations, memberships and API tokens."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from masa.accounts.models import (
    ApiToken,
    Invitation,
    Membership,
    User,
    hash_secret,
    new_secret,
)
from masa.accounts.rules import USER_MANAGER_ROLES, role_manages_users
from masa.accounts.selectors import user_needs_second_factor
from masa.core.actors import Actor, attributed, user_or_none
from masa.partnership.models import Agency, Partnership

INVITATION_DAYS = 7
ALREADY_MEMBER = "This person already has an account in this partnership"
INVITATION_INVALID = "This invitation link is not valid. It may have expired or been used already"
LAST_BUSINESS_TEAM = "The partnership must keep at least one active business team member"
NOT_A_PERSON = "Only a person can hold an API token"
SECOND_FACTOR_FIRST = "Set up your authenticator app before you create an API token"
EMAIL_IN_USE = "An account with this email address already exists. Sign in to accept the invitation"


@attributed
@transaction.atomic
def invitation_create(
    *, actor: Actor, partnership: Partnership, email: str, full_name: str, role: str, agency: Agency | None
) -> Invitation:
    """Invite someone to a partnership; the email with the one-time link is sent by the worker.

    The link is a bearer secret, so it never goes into the task queue's stored arguments
    (docs/security.md, "Secrets and the task queue"): the task is given the invitation's id and
    issues the secret itself. Until then the invitation holds the hash of a secret nobody has.
    """
    email = email.strip().lower()
    if Membership.objects.filter(partnership=partnership, user__email__iexact=email, is_active=True).exists():
        raise ValidationError({"email": ALREADY_MEMBER})
    invitation = Invitation(
        partnership=partnership,
        email=email,
        full_name=full_name,
        role=role,
        agency=agency,
        token_hash=hash_secret(new_secret()),
        invited_by=user_or_none(actor),
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    # No one is named as the inviter when masa invites on its own (registering with a work email).
    invitation.full_clean(exclude=["invited_by"])
    invitation.save()
    from masa.accounts.tasks import send_invitation

    transaction.on_commit(lambda: send_invitation.enqueue(invitation_id=invitation.pk))
    return invitation


@attributed
@transaction.atomic
def invitation_issue_link(*, actor: Actor, invitation_id: int) -> tuple[Invitation, str] | None:
    """Give an open invitation a new one-time secret; returns it with the link (None if closed)."""
    invitation = (
        # Lock only the invitation: PostgreSQL cannot lock the nullable side of a join.
        Invitation.objects.select_for_update(of=("self",))
        .select_related("partnership", "invited_by")
        .filter(pk=invitation_id)
    ).first()
    if invitation is None or not invitation.is_open:
        return None
    token = new_secret()
    invitation.token_hash = hash_secret(token)
    invitation.save(update_fields=["token_hash", "updated_at"])
    return invitation, settings.SITE_URL + reverse("accounts:invitation_accept", args=[token])


def invitation_email(invitation: Invitation, link: str) -> tuple[str, str]:
    """The invitation email's subject and body."""
    partnership = invitation.partnership
    body = (
        f"{invitation.invited_by or 'The partnership business team'} has invited you to "
        f"{partnership.name} on masa as {invitation.get_role_display().lower()}.\n\n"
        f"Accept the invitation within {INVITATION_DAYS} days: {link}\n"
    )
    return f"You have been invited to {partnership.name} on masa", body


def invitation_get_open(token: str) -> Invitation | None:
    invitation = (
        Invitation.objects.filter(token_hash=hash_secret(token)).select_related("partnership").first()
    )
    return invitation if invitation and invitation.is_open else None


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User | None, password: str = "") -> User:
    """Accept an invitation: create the account (or use the signed-in one) and the membership."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValidationError(INVITATION_INVALID)
    if user is None:
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise ValidationError(EMAIL_IN_USE)
        user = User(email=invitation.email, full_name=invitation.full_name)
        validate_password(password, user)
        user.set_password(password)
        user.save()
    Membership.objects.update_or_create(
        user=user,
        partnership=invitation.partnership,
        defaults={"role": invitation.role, "agency": invitation.agency, "is_active": True},
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at", "updated_at"])
    return user


@attributed
@transaction.atomic
def invitation_revoke(*, actor: Actor, invitation: Invitation) -> None:
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at", "updated_at"])


def _would_leave_no_business_team(membership: Membership, role: str, is_active: bool) -> bool:
    if not role_manages_users(membership.role) or (role_manages_users(role) and is_active):
        return False
    others = Membership.objects.filter(
        partnership=membership.partnership, role__in=USER_MANAGER_ROLES, is_active=True
    ).exclude(pk=membership.pk)
    return not others.exists()


@attributed
@transaction.atomic
def membership_update(
    *, actor: Actor, membership: Membership, role: str, agency: Agency | None, is_active: bool
) -> Membership:
    if _would_leave_no_business_team(membership, role, is_active):
        raise ValidationError({"role": LAST_BUSINESS_TEAM})
    membership.role = role
    membership.agency = agency
    membership.is_active = is_active
    membership.full_clean()
    membership.save()
    return membership


@attributed
@transaction.atomic
def api_token_create(*, actor: Actor, name: str) -> tuple[ApiToken, str]:
    """Create a personal API token. The secret is returned once and stored only as a hash.

    A token signs in without a second factor, so only someone who has met the second-factor
    rule may create one.
    """
    if not isinstance(actor, User):
        raise PermissionDenied(NOT_A_PERSON)
    if user_needs_second_factor(actor):
        raise PermissionDenied(SECOND_FACTOR_FIRST)
    secret = "masa_" + new_secret()
    token = ApiToken(
        user=actor,
        name=name,
        prefix=secret[5:13],
        token_hash=hash_secret(secret),
        expires_at=timezone.now() + settings.API_TOKEN_TTL,
    )
    token.full_clean()
    token.save()
    return token, secret


@attributed
@transaction.atomic
def api_token_revoke(*, actor: Actor, token: ApiToken) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at", "updated_at"])


def api_token_authenticate(secret: str) -> User | None:
    """The active user owning this token, if it is valid; records when it was last used."""
    now = timezone.now()
    token = (
        ApiToken.objects.filter(token_hash=hash_secret(secret), revoked_at=None, expires_at__gt=now)
        .select_related("user")
        .first()
    )
    if token is None or not token.user.is_active or user_needs_second_factor(token.user):
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
