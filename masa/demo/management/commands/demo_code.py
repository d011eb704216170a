from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from masa.demo.loader import demo_totp_secret
from masa.demo.totp import current_code


class Command(BaseCommand):
    help = "Print the current TOTP code for a demo account (demo use only)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("email")

    def handle(self, *args, **options) -> None:
        if not (settings.DEBUG or settings.TESTING):
            raise CommandError("Only available with MASA_DEBUG=1.")
        self.stdout.write(current_code(demo_totp_secret(options["email"].lower())))
