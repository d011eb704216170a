"""Class of fault: a secret (a link that signs someone in) stored in the task queue's table.

The queue keeps each task's arguments and result; masa's tasks that carry a secret are given
an id and make the secret themselves (docs/security.md, "Secrets and the task queue").
"""

import json
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from masa.accounts.models import Invitation, hash_secret
from tests.factories import PartnershipFactory, member

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_invitation_link_never_stored_in_the_task_table(client):
    with override_settings(TASKS=DATABASE_TASKS):
        alpha = PartnershipFactory(slug="alpha")
        client.force_login(member(alpha, "business_team"))
        response = client.post(
            reverse("accounts:invite", args=["alpha"]),
            {"full_name": "Pat Practitioner", "email": "pat@example.org", "role": "practitioner"},
        )
        assert response.status_code == 302
        assert mail.outbox == []  # queued, not sent by the page
        queued = DBTaskResult.objects.get()
        assert queued.args_kwargs == {"args": [], "kwargs": {"invitation_id": Invitation.objects.get().pk}}
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    assert len(mail.outbox) == 1
    token = re.search(r"/invitations/([^/\s]+)/", mail.outbox[0].body).group(1)
    assert Invitation.objects.get().token_hash == hash_secret(token)
    stored = json.dumps([list(DBTaskResult.objects.values("args_kwargs", "return_value"))], default=str)
    assert token not in stored
    # The emailed link works.
    client.logout()
    assert client.get(reverse("accounts:invitation_accept", args=[token])).status_code == 200


@pytest.mark.django_db
def test_revoked_before_the_worker_runs_sends_nothing(django_capture_on_commit_callbacks):
    from masa.accounts.tasks import send_invitation

    alpha = PartnershipFactory(slug="alpha")
    inviter = member(alpha, "business_team")
    from masa.accounts.services import invitation_create

    with django_capture_on_commit_callbacks(execute=False):
        invitation = invitation_create(
            actor=inviter, partnership=alpha, email="x@example.org", full_name="X", role="member", agency=None
        )
    Invitation.objects.filter(pk=invitation.pk).update(revoked_at=invitation.created_at)
    send_invitation.call(invitation_id=invitation.pk)
    assert mail.outbox == []
