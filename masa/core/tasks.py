"""Background tasks (run by `manage.py db_worker`; immediately in tests)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks import task


@task()
def send_email(*, to: list[str], subject: str, body: str, attachments: list[list[str]] | None = None) -> None:
    """Email goes through the worker so a slow mail service never slows a page.

    attachments: [filename, text content, mimetype] (JSON-serialisable for the task queue).
    The queue stores these arguments: never pass a secret (a sign-in or invitation link) here;
    give a task of your own an id and let it build the message (docs/security.md).
    """
    deliver_email(to=to, subject=subject, body=body, attachments=attachments)


def deliver_email(
    *, to: list[str], subject: str, body: str, attachments: list[list[str]] | None = None
) -> None:
    """Send now, from inside a task."""
    message = EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to)
    for name, content, mimetype in attachments or []:
        message.attach(name, content, mimetype)
    message.send()
