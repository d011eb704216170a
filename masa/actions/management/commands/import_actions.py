"""Import an earlier action log (an XLSX file) into a partnership's tracker, all or nothing.

The same checks and the same service as the "Import an action log" page (docs/domain.md,
"9. The action tracker"); the audit log names the command as the actor.
"""

import os
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from masa.actions.services import action_import
from masa.actions.xlsx import ActionLogError, read_log_file
from masa.core.actors import SystemActor
from masa.partnership.models import Partnership

ACTOR = SystemActor("masa: command import_actions")


class Command(BaseCommand):
    help = (
        "Import the actions of an earlier action log (an Excel XLSX file in the columns of masa's "
        "template) into a partnership. If any row has a problem, nothing is imported."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("partnership", help="The partnership's slug")
        parser.add_argument("path", help="The action log (.xlsx)")

    def handle(self, *args: Any, **options: Any) -> None:
        partnership = Partnership.objects.filter(slug=options["partnership"]).first()
        if partnership is None:
            raise CommandError(f"There is no partnership with the slug '{options['partnership']}'")
        path = options["path"]
        try:
            with open(path, "rb") as stream:
                rows = read_log_file(os.path.basename(path), stream, os.path.getsize(path))
            count = action_import(actor=ACTOR, partnership=partnership, rows=rows)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        except (ActionLogError, ValidationError) as error:
            for message in error.messages:
                self.stderr.write(message)
            raise CommandError("Nothing was imported.") from error
        self.stdout.write(f"{count} action{'s' if count != 1 else ''} imported into {partnership.name}.")
