"""Audit of reads: who opened which sensitive record, and when."""

import mimetypes

from auditlog.signals import accessed
from django.db.models import Model
from django.db.models.fields.files import FieldFile
from django.http import Http404, HttpResponse

from masa.core.actors import Actor, attributed
from masa.core.downloads import file_response


@attributed
def record_read(*, actor: Actor, instance: Model) -> None:
    """Write an 'access' entry for a sensitive record (actor comes from the request)."""
    accessed.send(sender=instance.__class__, instance=instance)


def uploaded_file_response(*, actor: Actor, instance: Model, file: FieldFile, name: str) -> HttpResponse:
    """Send a checked upload back, recording who read it. The type comes from the stored name (the
    type masa.core.uploads found in the content), never from the name people gave; a file missing
    from storage is "not found"."""
    try:
        stream = file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404("The file is missing") from error
    record_read(actor=actor, instance=instance)
    content_type = mimetypes.guess_type(file.name or "")[0] or "application/octet-stream"
    return file_response(stream, name, content_type)
