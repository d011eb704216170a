"""Evidence documents on a return and the challenge session's moderated ratings
(docs/domain.md, "Assurance: Section 11 and Section 175")."""

from datetime import timedelta
from io import BytesIO

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from masa.assurance import selectors_section11 as selectors
from masa.assurance import services_section11 as services
from masa.assurance.models import Section11Evidence, Section11Rating
from tests.assurance.section11_world import TODAY, full_answers, make_s11_world
from tests.assurance.test_section11_views import date_fields, text_of, url
from tests.factories import SETUP
from tests.governance.files import pdf_bytes


@pytest.fixture
def w(db):
    return make_s11_world("s11c")


def _pdf(name: str = "policy.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def _submit(w, rating: int = 3) -> None:
    services.return_save(actor=w.lead, section11_return=w.ret, answers=full_answers(w, rating), submit=True)


def _standards(w):
    return list(w.standards_set.standards.order_by("number"))


# Evidence documents ------------------------------------------------------------------------------


def test_the_lead_uploads_downloads_and_removes_evidence(client, w, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(w.lead)
    first = _standards(w)[0]
    page = client.post(
        url("evidence_add", w, w.ret.uuid), {"file": _pdf("Safer recruitment"), "standard": first.pk}
    )
    assert page.status_code == 302
    evidence = Section11Evidence.objects.get(section11_return=w.ret)
    # The name people see ends with the type masa found in the content.
    assert evidence.original_name == "Safer recruitment.pdf" and evidence.standard == first
    text = text_of(client.get(url("return_detail", w, w.ret.uuid)))
    assert "Safer recruitment.pdf (standard 1)" in text
    download = client.get(url("evidence_download", w, w.ret.uuid, evidence.uuid))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS, object_pk=str(evidence.pk)).exists()
    stored = tmp_path / evidence.file.name
    assert stored.exists()
    removed = client.post(url("evidence_remove", w, w.ret.uuid, evidence.uuid))
    assert removed.status_code == 302 and not Section11Evidence.objects.exists()


def test_a_file_that_is_not_a_document_is_refused_and_nothing_saved(client, w, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(w.lead)
    bad = SimpleUploadedFile("policy.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf")
    page = client.post(url("evidence_add", w, w.ret.uuid), {"file": bad})
    assert page.status_code == 400
    assert "policy.pdf" in text_of(page) and "There is a problem" in text_of(page)
    assert not Section11Evidence.objects.exists() and not any(tmp_path.rglob("*.pdf"))
    empty = client.post(url("evidence_add", w, w.ret.uuid), {})
    assert "Select a file to upload" in text_of(empty)


def test_evidence_for_a_standard_of_another_set_is_refused(w):
    other = make_s11_world("s11c-other")
    with pytest.raises(ValidationError) as error:
        services.evidence_add(actor=SETUP, section11_return=w.ret, file=_pdf(), standard=_standards(other)[0])
    assert error.value.message_dict == {"standard": [services.EVIDENCE_STANDARD_FOREIGN]}


def test_a_submitted_return_takes_no_evidence_and_other_agencies_cannot_read_it(
    client, w, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    evidence = services.evidence_add(actor=SETUP, section11_return=w.ret, file=_pdf())
    _submit(w)
    with pytest.raises(ValidationError):
        services.evidence_add(actor=SETUP, section11_return=w.ret, file=_pdf())
    with pytest.raises(ValidationError):
        services.evidence_remove(actor=SETUP, evidence=evidence)
    client.force_login(w.lead)
    assert client.get(url("evidence_add", w, w.ret.uuid)).status_code == 403
    client.force_login(w.other_lead)
    assert client.get(url("evidence_download", w, w.ret.uuid, evidence.uuid)).status_code == 404


# The challenge session ---------------------------------------------------------------------------


def test_moderated_ratings_change_the_heat_map_and_need_a_reason(w):
    _submit(w, rating=4)
    first, second = _standards(w)[:2]
    with pytest.raises(ValidationError) as error:
        services.return_challenge(
            actor=w.business_team,
            section11_return=w.ret,
            challenged_on=TODAY,
            challenged_by="Police and health",
            summary="Training records did not show reach",
            moderated={first.pk: {"rating": 2, "note": ""}},
        )
    assert error.value.message_dict == {
        f"note_{first.pk}": ["Enter why standard 1 was moderated from 4 to 2"]
    }
    assert not Section11Rating.objects.filter(moderated_rating__isnull=False).exists()
    services.return_challenge(
        actor=w.business_team,
        section11_return=w.ret,
        challenged_on=TODAY,
        challenged_by="Police and health",
        summary="Training records did not show reach",
        moderated={first.pk: {"rating": 2, "note": "No training records"}, second.pk: {"rating": 4}},
    )
    rows = {r.standard_id: r for r in w.ret.ratings.all()}
    assert rows[first.pk].moderated_rating == 2 and rows[first.pk].agreed_rating == 2
    # The same rating as the agency's own is no change.
    assert rows[second.pk].moderated_rating is None
    result = selectors.cycle_results(w.cycle).rows[0]
    assert result.cells[:2] == [2, 4] and result.moderated[:2] == [True, False]
    assert result.average == round((2 + 4 * 7) / 8, 1)


def test_a_draft_cannot_be_challenged_and_bad_answers_are_named(w):
    with pytest.raises(ValidationError) as error:
        services.return_challenge(
            actor=SETUP,
            section11_return=w.ret,
            challenged_on=TODAY,
            challenged_by="x",
            summary="y",
            moderated={},
        )
    assert error.value.messages == [services.CHALLENGE_NOT_SUBMITTED]
    _submit(w)
    first = _standards(w)[0]
    with pytest.raises(ValidationError) as error:
        services.return_challenge(
            actor=SETUP,
            section11_return=w.ret,
            challenged_on=TODAY + timedelta(days=1),
            challenged_by=" ",
            summary="",
            moderated={first.pk: {"rating": 5, "note": "Too high"}},
        )
    assert error.value.message_dict == {
        "challenged_on": [services.CHALLENGE_DATE_FUTURE],
        "challenged_by": [services.CHALLENGE_WHO_NEEDED],
        "summary": [services.CHALLENGE_SUMMARY_NEEDED],
        f"moderated_{first.pk}": ["Select a rating from 1 to 4 for standard 1"],
    }


def test_the_business_team_records_the_challenge_on_the_page(client, w):
    _submit(w)
    first = _standards(w)[0]
    client.force_login(w.business_team)
    data = {**date_fields("challenged_on", TODAY), "challenged_by": "Peers", "summary": "Found gaps"}
    data[f"moderated_{first.pk}"] = "2"
    page = client.post(url("return_challenge", w, w.ret.uuid), data)
    assert page.status_code == 400
    text = text_of(page)
    assert "Enter why standard 1 was moderated from 3 to 2" in text
    assert 'value="Found gaps"' in page.content.decode() or "Found gaps" in text  # answers kept
    data[f"note_{first.pk}"] = "Policy out of date"
    assert client.post(url("return_challenge", w, w.ret.uuid), data).status_code == 302
    text = text_of(client.get(url("return_detail", w, w.ret.uuid)))
    assert "Moderated to 2 Requires improvement at the challenge session: Policy out of date" in text
    assert "Who took part Peers" in text
    html = client.get(url("cycle_detail", w, w.cycle.uuid)).content.decode()
    assert "Requires improvement, moderated" in html
    workbook = load_workbook(BytesIO(client.get(url("cycle_export", w, w.cycle.uuid)).content))
    header = [c.value for c in workbook.active[1]]
    row = [c.value for c in workbook.active[2]]
    assert row[header.index("Standards moderated")] == 1
    assert row[3] == 2  # standard 1's agreed rating


@pytest.mark.parametrize("who", ["lead", "other_lead"])
def test_agency_leads_cannot_record_a_challenge(client, w, who):
    _submit(w)
    client.force_login(getattr(w, who))
    assert client.get(url("return_challenge", w, w.ret.uuid)).status_code == 403
