"""Daily: remind owners of actions due soon or overdue, and escalate long-overdue ones to the chair."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masa.actions.services import action_send_reminders
from masa.core.actors import SystemActor

ACTOR = SystemActor("masa: nightly reminders")


class Command(BaseCommand):
    help = "Email action owners before the due date and when overdue; escalate to the group's chair."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="Run as if today were this date (YYYY-MM-DD)")

    def handle(self, *args: object, **options: object) -> None:
        today = None
        if options.get("date"):
            try:
                today = date.fromisoformat(str(options["date"]))
            except ValueError as error:
                raise CommandError("Enter the date in the format YYYY-MM-DD, like 2024-03-31") from error
        counts = action_send_reminders(actor=ACTOR, today=today)
        self.stdout.write(
            f"Due soon reminders: {counts['due_soon']}\n"
            f"Overdue reminders: {counts['overdue']}\n"
            f"Escalated to chairs: {counts['escalated']}"
        )
