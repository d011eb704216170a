"""The follow-up's one-use link never sits in the task queue's stored arguments
(docs/security.md, "Secrets and the task queue"): the task is given the follow-up's id and makes
the secret itself."""

import json
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from masa.accounts.models import hash_secret
from masa.training.models import ImpactFollowUp
from masa.training.services.after import send_training_follow_ups
from tests.factories import SETUP
from tests.training.after_helpers import attended_booking, session_weeks_ago
from tests.training.world import make_world

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_the_follow_up_link_is_in_the_email_and_not_in_the_task_table(client):
    w = make_world("tr-secrets")
    booking = attended_booking(w, w.practitioner, session_weeks_ago(w, 6), manager_email="boss@example.org")
    booking.evaluation_invited_at = booking.session.ends_at  # only the follow-ups go out
    booking.save()
    with override_settings(TASKS=DATABASE_TASKS):
        send_training_follow_ups(actor=SETUP)
        assert mail.outbox == []  # queued, not sent yet
        stored = [row.args_kwargs for row in DBTaskResult.objects.all()]
        ids = sorted(ImpactFollowUp.objects.values_list("pk", flat=True))
        assert sorted(row["kwargs"]["follow_up_id"] for row in stored) == ids
        assert all(
            row == {"args": [], "kwargs": {"follow_up_id": row["kwargs"]["follow_up_id"]}} for row in stored
        )
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        token = re.search(r"/training/follow-up/([^/\s]+)/", message.body).group(1)
        assert ImpactFollowUp.objects.get(email=message.to[0]).token_hash == hash_secret(token)
        stored = json.dumps(list(DBTaskResult.objects.values("args_kwargs", "return_value")), default=str)
        assert token not in stored
        assert (
            client.get(re.search(r"https?://\S+/follow-up/[^/\s]+/", message.body).group(0)).status_code
            == 200
        )
