"""`python manage.py add_bank_holiday YYYY-MM-DD "Name"`: add a one-off England-and-Wales bank holiday."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from masa.bank_holidays.services import bank_holiday_add
from masa.core import bounds
from masa.core.actors import SystemActor

ACTOR = SystemActor("masa: command add_bank_holiday")


class Command(BaseCommand):
    help = "Add a one-off bank holiday in England and Wales; every clock counts it from now on."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("date", help="the day, e.g. 2030-05-06")
        parser.add_argument("name", help='its name, e.g. "Coronation of King Charles III"')

    def handle(self, *args, **options) -> None:
        try:
            day = bounds.iso_date(options["date"].strip())
        except ValueError:
            raise CommandError(f"DATE must be a date like 2030-05-06, {bounds.ISO_DATE_RANGE}") from None
        try:
            holiday = bank_holiday_add(actor=ACTOR, day=day, name=options["name"])
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(f"Added {holiday.name} on {holiday.date.isoformat()}")
