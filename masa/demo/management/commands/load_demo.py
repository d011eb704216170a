from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from masa.accounts.models import Role
from masa.demo.loader import DEMO_PASSWORD, DemoLogin, load_demo


class Command(BaseCommand):
    help = "Load the Hounslow, Ealing and Hillingdon demo partnerships (idempotent)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--quiet", action="store_true", help="Do not print the demo logins.")
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load demo accounts even though MASA_DEBUG is off (never on a live service).",
        )

    def handle(self, *args, **options) -> None:
        if not (settings.DEBUG or settings.TESTING or options["allow_production"]):
            raise CommandError("Demo accounts have a published password: set MASA_DEBUG=1 to load them.")
        logins = load_demo()
        if options["quiet"]:
            return
        self.stdout.write("Demo loaded. One login per role in Hounslow (all share the password below):")
        first_per_role: dict[str, DemoLogin] = {}
        for login in logins:
            if login.partnership == "hounslow":
                first_per_role.setdefault(login.role, login)
        for role in Role.values:
            if role not in first_per_role:
                continue
            login = first_per_role[role]
            mfa = f"  TOTP secret {login.totp_secret}" if login.totp_secret else ""
            self.stdout.write(f"  {login.role:<14} {login.email}{mfa}")
        self.stdout.write(f"Password: {DEMO_PASSWORD}")
        self.stdout.write(
            "Roles marked with a TOTP secret need a code: add the secret to an authenticator app, "
            "or run `uv run python manage.py demo_code EMAIL`."
        )
