"""Background tasks (run by `manage.py db_worker`; immediately in tests)."""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task


@task()
def send_email(*, to: list[str], subject: str, body: str) -> None:
    """Email goes through the worker so a slow mail service never slows a page."""
    send_mail(subject=subject, message=body, from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=to)
