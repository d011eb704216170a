"""The impact follow-up's email, which carries a one-use link (docs/domain.md, "21.5 Certificates,
evaluation and impact").

The task queue keeps every task's arguments in the database, so the task is given only the
follow-up's id and makes the secret itself; only the secret's hash is stored
(docs/security.md, "Secrets and the task queue").
"""

from django_tasks import task

from masa.core.actors import SystemActor
from masa.core.tasks import deliver_email
from masa.training.services.after import follow_up_email, follow_up_issue_link

FOLLOW_UPS = SystemActor("masa: training impact follow-ups")


@task()
def send_follow_up(*, follow_up_id: int) -> None:
    """Issue the follow-up's one-use link and email it; nothing if it was answered meanwhile."""
    issued = follow_up_issue_link(actor=FOLLOW_UPS, follow_up_id=follow_up_id)
    if issued is None:
        return
    follow_up, link = issued
    subject, body = follow_up_email(follow_up, link)
    deliver_email(
        to=[follow_up.email],
        subject=subject,
        body=body,
        category="training_follow_up",
        reference=str(follow_up.uuid),
    )
