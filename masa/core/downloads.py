"""Every file masa sends back (Word, PDF, spreadsheets, CSV, calendars, uploaded evidence and
papers) goes through ``file_response``, so each carries the same safe headers.

The name a person gave an upload may hold quotes, path separators, line breaks or letters
outside ASCII; ``content_disposition`` writes it so that no browser reads it as another header,
another parameter or a path: a plain-ASCII ``filename`` for every browser and, when the name
needed changing, the exact name in ``filename*`` (RFC 6266).
"""

from __future__ import annotations

import os
import unicodedata
from typing import IO, cast
from urllib.parse import quote

from django.http import FileResponse, HttpResponse

FALLBACK_NAME = "download"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def safe_filename(name: str) -> str:
    """The last part of ``name`` without control characters: no path, no line breaks."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip()
    return name if name.strip(".") else FALLBACK_NAME


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "".join("_" if c in '"\\' else c for c in plain)


def _ascii_name(name: str) -> str:
    """An ASCII stand-in: accents dropped (é to e), quotes and backslashes become "_", and a
    name with nothing left keeps its extension (日本語.pdf: download.pdf)."""
    stem, extension = os.path.splitext(name)
    stem, extension = _ascii(stem).strip(), _ascii(extension)
    if not stem.strip("._ "):
        stem = FALLBACK_NAME
    return stem + (extension if extension.strip(".") else "")


def content_disposition(filename: str, *, attachment: bool = True) -> str:
    name = safe_filename(filename)
    plain = _ascii_name(name)
    header = f'{"attachment" if attachment else "inline"}; filename="{plain}"'
    if plain != name:
        header += f"; filename*=UTF-8''{quote(name, safe='')}"
    return header


def file_response(
    content: bytes | str | IO[bytes], filename: str | None, content_type: str | None = None
) -> HttpResponse:
    """A reply carrying a file: the bytes (or text) built for it, or an open file to stream.

    ``filename`` is offered for saving (``Content-Disposition: attachment``); None sends no
    name (a calendar feed read in place). Without ``content_type`` a streamed file's type is
    guessed from ``filename``. Cache headers are the caller's and the middleware's.
    """
    response: HttpResponse
    if isinstance(content, bytes | str):
        response = HttpResponse(content, content_type=content_type)
    else:
        # Streamed in blocks rather than read into memory. FileResponse is a
        # StreamingHttpResponse, which the views' declared HttpResponse does not include.
        response = cast(
            HttpResponse, FileResponse(content, filename=filename or "", content_type=content_type)
        )
        del response["Content-Disposition"]
    if filename is not None:
        response["Content-Disposition"] = content_disposition(filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response
