"""Background tasks (run by `manage.py db_worker`; immediately in tests)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks import task

from masa.core.models import SentEmail


@task()
def send_email(
    *,
    to: list[str],
    subject: str,
    body: str,
    attachments: list[list[str]] | None = None,
    category: str = "",
    reference: str = "",
) -> None:
    """Email goes through the worker so a slow mail service never slows a page.

    attachments: [filename, text content, mimetype] (JSON-serialisable for the task queue).
    The queue stores these arguments: never pass a secret (a sign-in or invitation link) here;
    give a task of your own an id and let it build the message (docs/security.md).
    """
    deliver_email(
        to=to, subject=subject, body=body, attachments=attachments, category=category, reference=reference
    )


def deliver_email(
    *,
    to: list[str],
    subject: str,
    body: str,
    attachments: list[list[str]] | None = None,
    category: str = "",
    reference: str = "",
) -> None:
    """Send now, from inside a task, and record that it was sent (masa.core.models.SentEmail)."""
    message = EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to)
    for name, content, mimetype in attachments or []:
        message.attach(name, content, mimetype)
    message.send()
    record_sent(message, category=category, reference=reference)


def record_sent(message: EmailMessage, *, category: str = "", reference: str = "") -> None:
    """Keep who was sent what, and when, but not the body (docs/architecture.md, "Every email
    masa sends is recorded")."""
    SentEmail.objects.create(
        to="\n".join(message.to),
        subject=str(message.subject)[:300],
        category=category[:60],
        reference=reference[:100],
        attachments=", ".join(_attachment_name(a) for a in message.attachments)[:500],
    )


def _attachment_name(attachment: object) -> str:
    name = getattr(attachment, "filename", None)
    if name is None and isinstance(attachment, tuple):
        name = attachment[0]
    return str(name or "attachment")
