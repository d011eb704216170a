"""Every file masa sends carries the same safe headers, whatever name a person gave it."""

import io
from urllib.parse import unquote

from masa.core.downloads import content_disposition, file_response, safe_filename


def test_built_file_keeps_its_name_and_type_and_is_not_sniffed():
    response = file_response(b"PK\x03\x04", "hounslow-actions.xlsx", "application/vnd.ms-excel")
    assert response.content == b"PK\x03\x04"
    assert response["Content-Type"] == "application/vnd.ms-excel"
    assert response["Content-Disposition"] == 'attachment; filename="hounslow-actions.xlsx"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_text_content_is_sent_as_given():
    response = file_response("When,Who\r\n", "audit-log.csv", "text/csv; charset=utf-8")
    assert response.content == b"When,Who\r\n"
    assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_quotes_cannot_end_the_filename_parameter():
    header = content_disposition('report "final"; filename=evil.exe')
    assert header.startswith('attachment; filename="report _final_; filename=evil.exe"')
    assert header.count('"') == 2
    # The exact name survives, percent-encoded, for browsers that read filename*.
    encoded = header.split("filename*=UTF-8''", 1)[1]
    assert unquote(encoded) == 'report "final"; filename=evil.exe'


def test_non_ascii_name_has_an_ascii_fallback_and_the_exact_name():
    header = content_disposition("Évaluation – Ealing.pdf")
    assert header == (
        'attachment; filename="Evaluation  Ealing.pdf"; '
        "filename*=UTF-8''%C3%89valuation%20%E2%80%93%20Ealing.pdf"
    )


def test_paths_and_line_breaks_are_removed():
    assert safe_filename("../../etc/passwd") == "passwd"
    assert safe_filename("C:\\Users\\me\\minutes.docx") == "minutes.docx"
    assert safe_filename("notes\r\nSet-Cookie: x=1.txt") == "notesSet-Cookie: x=1.txt"
    assert safe_filename("..") == "download"
    assert content_disposition("日本語.pdf") == (
        "attachment; filename=\"download.pdf\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E.pdf"
    )


def test_open_file_is_streamed_with_the_given_type():
    response = file_response(io.BytesIO(b"%PDF-1.7"), "paper.pdf", "application/pdf")
    assert response.streaming
    assert b"".join(response.streaming_content) == b"%PDF-1.7"  # type: ignore[attr-defined]
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="paper.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_open_file_without_a_type_is_typed_from_its_name():
    response = file_response(io.BytesIO(b"PK"), "LCSPR-2024-01.docx")
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response["Content-Type"] == docx


def test_no_name_means_no_disposition():
    response = file_response("BEGIN:VCALENDAR\r\n", None, "text/calendar; charset=utf-8")
    assert "Content-Disposition" not in response
    assert response["X-Content-Type-Options"] == "nosniff"
