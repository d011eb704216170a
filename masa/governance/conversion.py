"""Word, Excel and PowerPoint papers as PDF, converted by LibreOffice with no screen.

Run only from the task worker (`masa.governance.tasks.convert_paper`): a conversion can take
tens of seconds. Each run has its own temporary folder and its own LibreOffice profile
(`-env:UserInstallation`), so conversions running at once never share a profile or a lock, and
a run that goes past the time limit is killed with every process it started. External
relationships (linked pictures, templates, data sources) are taken out of the file first, so
LibreOffice does not fetch them (docs/security.md, "Uploads").
LibreOffice comes from Debian's packages (`make system-packages`).
"""

import io
import os
import re
import shutil
import signal
import subprocess
import tempfile
import zipfile
from pathlib import Path

CONVERTIBLE = ("docx", "xlsx", "pptx")
TIMEOUT_SECONDS = 120


# A relationship to something outside the file: a linked picture, template, data source or
# external workbook. LibreOffice would fetch it while converting (a request from the server to
# wherever the uploader chose); hyperlinks are only written into the PDF, so they stay.
EXTERNAL_RELATIONSHIP = re.compile(
    rb"<(?:\w+:)?Relationship\b[^>]*\bTargetMode\s*=\s*[\"']External[\"'][^>]*?(?:/>|>.*?</(?:\w+:)?Relationship>)",
    re.DOTALL,
)
HYPERLINK_TYPE = re.compile(rb"/relationships/hyperlink[\"']")


class ConversionError(Exception):
    """The paper could not be turned into a PDF (damaged, too slow, or LibreOffice is missing)."""


def without_external_links(content: bytes) -> bytes:
    """The Office file with every external relationship but hyperlinks removed.

    The upload check (`masa.core.uploads.check_document`) has already bounded the zip's parts
    and sizes, so reading each relationships part here is safe.
    """

    def keep_hyperlinks(match: re.Match[bytes]) -> bytes:
        return match.group(0) if HYPERLINK_TYPE.search(match.group(0)) else b""

    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(content)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith(".rels"):
                data = EXTERNAL_RELATIONSHIP.sub(keep_hyperlinks, data)
            copy.writestr(info, data)
    return out.getvalue()


def soffice() -> str:
    return shutil.which("soffice") or "/usr/bin/soffice"


def convert_to_pdf(content: bytes, file_type: str, *, timeout: int = TIMEOUT_SECONDS) -> bytes:
    """The document as PDF bytes, or ConversionError."""
    if file_type not in CONVERTIBLE:
        raise ConversionError(f"Cannot convert a {file_type} file")
    with tempfile.TemporaryDirectory(prefix="masa-convert-") as folder:
        work = Path(folder)
        source = work / f"paper.{file_type}"
        try:
            source.write_bytes(without_external_links(content))
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise ConversionError(f"The {file_type} file could not be read: {error}") from error
        out = work / "out"
        command = [
            soffice(),
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(source),
        ]
        try:
            process = subprocess.Popen(  # noqa: S603 - a fixed command; the paper is a file we named
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=folder,
                env={**os.environ, "HOME": folder},
                start_new_session=True,
            )
        except OSError as error:
            raise ConversionError(f"LibreOffice could not be started: {error}") from error
        try:
            _, errors = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as error:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise ConversionError(f"LibreOffice took longer than {timeout} seconds") from error
        result = out / "paper.pdf"
        if process.returncode != 0 or not result.exists() or not result.stat().st_size:
            raise ConversionError(
                f"LibreOffice could not convert the paper: {errors.decode(errors='replace')[-300:]}"
            )
        return result.read_bytes()
