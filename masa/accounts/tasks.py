"""Tasks that carry secrets: given ids only, they make the secret themselves.

The task queue keeps every task's arguments and result in the database, so a link that signs
someone in must never be one of them (docs/security.md, "Secrets and the task queue").
"""

from django_tasks import task

from masa.accounts import selectors, services
from masa.core.actors import SystemActor
from masa.core.tasks import deliver_email

#: Who issues the link when the person who sent the invitation no longer has an account.
INVITATIONS = SystemActor("masa: invitation emails")


@task()
def send_invitation(*, invitation_id: int) -> None:
    """Issue the invitation's one-time link and email it; nothing if it was revoked meanwhile."""
    invitation = selectors.invitation_get(invitation_id)
    if invitation is None:
        return
    # The new secret is written on behalf of the person who sent the invitation.
    issued = services.invitation_issue_link(
        actor=invitation.invited_by or INVITATIONS, invitation_id=invitation_id
    )
    if issued is None:
        return
    invitation, link = issued
    subject, body = services.invitation_email(invitation, link)
    deliver_email(to=[invitation.email], subject=subject, body=body)
