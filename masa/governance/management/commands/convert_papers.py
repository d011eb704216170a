"""Queue the conversion to PDF of every Word, Excel or PowerPoint paper not yet converted.

Papers uploaded since masa converts them are queued on upload; this catches up the papers
uploaded before, and any whose conversion failed (after LibreOffice was installed, say).
The task worker (`manage.py db_worker`) does the converting.
"""

from typing import Any

from django.core.management.base import BaseCommand

from masa.governance.conversion import CONVERTIBLE
from masa.governance.models import Paper, PdfStatus
from masa.governance.tasks import convert_paper


class Command(BaseCommand):
    help = "Queue Word, Excel and PowerPoint papers not yet converted to PDF for the agenda packs."

    def handle(self, *args: Any, **options: Any) -> None:
        waiting = Paper.objects.filter(file_type__in=CONVERTIBLE, is_deleted=False).exclude(
            pdf_status=PdfStatus.CONVERTED
        )
        ids = list(waiting.values_list("pk", flat=True))
        for paper_id in ids:
            convert_paper.enqueue(paper_id=paper_id)
        self.stdout.write(f"{len(ids)} paper{'' if len(ids) == 1 else 's'} queued for conversion to PDF")
