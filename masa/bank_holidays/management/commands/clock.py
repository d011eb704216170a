"""`python manage.py clock RULE START [--rule-set ID]`: print a statutory clock's due date.

Working days count the one-off bank holidays administrators have added (masa.bank_holidays).
"""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masa.bank_holidays.selectors import current_calendar
from masa.clocks import DEFAULT_RULE_SET, UnknownRule, UnknownRuleSet, due_date
from masa.core import bounds


class Command(BaseCommand):
    help = "Print the due date (YYYY-MM-DD) of a statutory clock RULE started on START."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("rule", help="rule id, e.g. panel_notification")
        parser.add_argument("start", help="start date, e.g. 2024-03-31")
        parser.add_argument(
            "--rule-set", default=DEFAULT_RULE_SET, help=f"rule set id (default {DEFAULT_RULE_SET})"
        )

    def handle(self, *args, **options) -> None:
        try:
            start = bounds.iso_date(options["start"].strip())
        except ValueError:
            raise CommandError(f"START must be a date like 2024-03-31, {bounds.ISO_DATE_RANGE}") from None
        try:
            due = due_date(options["rule"], start, options["rule_set"], current_calendar())
        except (UnknownRule, UnknownRuleSet) as e:
            raise CommandError(str(e)) from None
        self.stdout.write(due.isoformat())
