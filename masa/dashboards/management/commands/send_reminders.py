"""Daily: every reminder masa sends about something due (docs/domain.md, "3.5 Reminders").

Action owners before the due date and when overdue, with escalation to the group's chair; agency
leads before, on and after a data call's due date, and a Section 11 or Section 175 return's
deadline, with escalation to the business team. It lives here, above those apps, so one scheduled
command covers them.
"""

from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from masa.actions.services import action_send_reminders
from masa.assurance.services_section11 import section11_send_reminders
from masa.core.actors import SystemActor
from masa.indicators.services import data_call_send_reminders
from masa.training.services.after import send_training_follow_ups

ACTOR = SystemActor("masa: nightly reminders")


class Command(BaseCommand):
    help = "Send the day's reminders about actions, data calls and self-assessments; escalate late ones."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="Run as if today were this date (YYYY-MM-DD)")

    def handle(self, *args: object, **options: object) -> None:
        today = None
        if options.get("date"):
            try:
                today = date.fromisoformat(str(options["date"]))
            except ValueError as error:
                raise CommandError("Enter the date in the format YYYY-MM-DD, like 2024-03-31") from error
        actions = action_send_reminders(actor=ACTOR, today=today)
        site_url = settings.SITE_URL.rstrip("/")
        calls = data_call_send_reminders(actor=ACTOR, today=today, site_url=site_url)
        returns = section11_send_reminders(actor=ACTOR, today=today, site_url=site_url)
        training = send_training_follow_ups(actor=ACTOR, today=today)
        self.stdout.write(
            f"Due soon reminders: {actions['due_soon']}\n"
            f"Overdue reminders: {actions['overdue']}\n"
            f"Escalated to chairs: {actions['escalated']}\n"
            f"Data call reminders: {calls['due_soon'] + calls['due_today'] + calls['overdue']}\n"
            f"Data calls escalated to the business team: {calls['escalated']}\n"
            f"Self-assessment reminders: {returns['due_soon'] + returns['due_today'] + returns['overdue']}\n"
            f"Self-assessment returns escalated to the business team: {returns['escalated']}\n"
            f"Training certificate emails: {training['invited']}\n"
            f"Training impact follow-ups: {training['attendees'] + training['managers']}"
        )
