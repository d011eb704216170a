"""The effectiveness review's pages with the test client: forms, refusals, who may do what, downloads."""

import re
from datetime import timedelta
from html import unescape
from io import BytesIO

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from masa.actions.models import Action, ActionSource
from masa.effectiveness import services
from masa.effectiveness.models import EffectivenessReview, ResponseKind, ReviewStatus
from tests.effectiveness.test_services import TODAY
from tests.factories import SETUP


def url(name: str, world, *args) -> str:
    return reverse(f"effectiveness:{name}", args=[world.partnership.slug, *args])


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def date_fields(prefix: str, day) -> dict:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def publish(world) -> None:
    services.response_save(
        actor=SETUP,
        finding=world.recommendation,
        response=ResponseKind.ACCEPTED,
        response_text="The partnership will refresh its quality assurance framework",
        owner=world.owner,
        due_date=TODAY + timedelta(days=90),
    )
    services.review_publish(actor=SETUP, review=world.review)


def test_a_period_ending_before_it_starts_is_refused_and_the_answers_kept(client, alpha):
    client.force_login(alpha.business_team)
    response = client.post(
        url("review_create", alpha),
        {
            "title": "Effectiveness review 2025",
            **date_fields("period_start", TODAY),
            **date_fields("period_end", TODAY - timedelta(days=1)),
            "reviewer_name": "Independent reviewer",
        },
    )
    assert response.status_code == 400
    assert "The date the period ends must be on or after the date it starts" in text_of(response)
    assert 'value="Effectiveness review 2025"' in response.content.decode()
    assert not EffectivenessReview.objects.filter(title="Effectiveness review 2025").exists()


def test_business_team_opens_a_review_and_sees_the_figures_filled_in(client, alpha):
    client.force_login(alpha.business_team)
    response = client.post(
        url("review_create", alpha),
        {
            "title": "Effectiveness review 2023 to 2024",
            **date_fields("period_start", alpha.review.period_start),
            **date_fields("period_end", alpha.review.period_end),
        },
    )
    review = EffectivenessReview.objects.get(title="Effectiveness review 2023 to 2024")
    assert response.status_code == 302 and response["Location"] == url("review_detail", alpha, review.uuid)
    page = text_of(client.get(response["Location"]))
    assert f"{alpha.police.name} 3 3 100.0%" in page
    assert f"{alpha.board.name} 3 4 Not met" in page
    assert "Completed on time 1 (33.3%)" in page
    assert "Notify the Panel 5 working days 1 1 0 0" in page
    assert "Rapid review 15 working days 1 0 1 0" in page


def test_self_evaluation_form_refuses_an_empty_answer_and_saves_a_rating(client, alpha):
    client.force_login(alpha.business_team)
    target = url("assessment_save", alpha, alpha.review.uuid, alpha.principles[1].uuid)
    refused = client.post(target, {"narrative": "Early help is strong"})
    assert refused.status_code == 400
    assert "Select how well the partnership meets the principle" in text_of(refused)
    assert "Early help is strong" in refused.content.decode()
    answers = {"rating": "3", "narrative": "Early help is strong", "evidence": "Audit 2023"}
    saved = client.post(target, answers)
    assert saved.status_code == 302
    page = text_of(client.get(url("review_detail", alpha, alpha.review.uuid)))
    assert "Prevention 3: Established Early help is strong Evidence: Audit 2023" in page


def test_a_response_needs_text_and_an_accepted_recommendation_an_owner_and_due_date(client, alpha):
    client.force_login(alpha.lsp)
    target = url("response_save", alpha, alpha.review.uuid, alpha.recommendation.uuid)
    refused = client.post(target, {"response": ResponseKind.ACCEPTED, "response_text": ""})
    assert refused.status_code == 400
    body = text_of(refused)
    assert "Enter the partnership's response" in body
    refused = client.post(target, {"response": ResponseKind.ACCEPTED, "response_text": "We will"})
    body = text_of(refused)
    assert "Select who owns the action" in body and "Enter the date the action is due" in body
    assert "We will" in refused.content.decode()
    assert not Action.objects.filter(source=ActionSource.EFFECTIVENESS_FINDING).exists()
    saved = client.post(
        target,
        {
            "response": ResponseKind.ACCEPTED,
            "response_text": "We will",
            "owner": alpha.owner.pk,
            **date_fields("due_date", TODAY + timedelta(days=60)),
            "group": alpha.board.pk,
        },
        follow=True,
    )
    action = Action.objects.get(source=ActionSource.EFFECTIVENESS_FINDING)
    assert f"action {action.reference} added to the action tracker" in text_of(saved)
    assert f"Recorded by {alpha.lsp.full_name} on" in text_of(saved)
    # The action shows where it came from, linked back to the finding.
    detail = client.get(reverse("actions:action_detail", args=[alpha.partnership.slug, action.uuid]))
    assert url("review_detail", alpha, alpha.review.uuid) + "#finding-2" in detail.content.decode()
    assert "Effectiveness review recommendation 2" in text_of(detail)


def test_publishing_is_refused_while_a_recommendation_awaits_a_response(client, alpha):
    client.force_login(alpha.business_team)
    response = client.post(url("review_publish", alpha, alpha.review.uuid))
    assert response.status_code == 400
    assert "Record the partnership's response to recommendation 2 before publishing" in text_of(response)


def test_a_published_review_cannot_be_edited_until_reopened_with_a_reason(client, alpha):
    publish(alpha)
    client.force_login(alpha.business_team)
    page = text_of(client.get(url("review_detail", alpha, alpha.review.uuid)))
    assert "Reopen the review" in page and "Add a finding" not in page
    refused = client.post(
        url("review_edit", alpha, alpha.review.uuid),
        {
            "title": "Renamed",
            **date_fields("period_start", alpha.review.period_start),
            **date_fields("period_end", alpha.review.period_end),
        },
    )
    # An old change page sends the user back to the review, saying why, and changes nothing.
    assert refused.status_code == 302 and refused["Location"] == url(
        "review_detail", alpha, alpha.review.uuid
    )
    for name, args in (
        ("review_edit", ()),
        ("finding_edit", (alpha.recommendation.uuid,)),
        ("response_save", (alpha.recommendation.uuid,)),
    ):
        response = client.get(url(name, alpha, alpha.review.uuid, *args), follow=True)
        assert services.PUBLISHED in text_of(response) and "Save" not in text_of(response), name
    alpha.review.refresh_from_db()
    assert alpha.review.title != "Renamed"
    refused = client.post(url("review_reopen", alpha, alpha.review.uuid), {"reason": ""})
    assert refused.status_code == 400 and "Enter why the review is being reopened" in text_of(refused)
    client.post(url("review_reopen", alpha, alpha.review.uuid), {"reason": "A correction from the reviewer"})
    alpha.review.refresh_from_db()
    assert alpha.review.status == ReviewStatus.DRAFT


def test_a_practitioner_sees_the_published_summary_only(client, alpha):
    client.force_login(alpha.practitioner)
    assert client.get(url("review_detail", alpha, alpha.review.uuid)).status_code == 404
    assert client.get(url("review_list", alpha)).status_code == 200
    publish(alpha)
    page = text_of(client.get(url("review_detail", alpha, alpha.review.uuid)))
    assert "Improve quality assurance activity" in page
    assert "The partnership's response: accepted." in page
    assert "The figures masa holds" not in page and "Self-evaluation against the principles" not in page
    assert client.get(url("review_export", alpha, alpha.review.uuid)).status_code == 403
    assert client.get(url("finding_add", alpha, alpha.review.uuid)).status_code == 403


def test_the_scrutineer_reads_drafts_and_writes_nothing(client, alpha):
    client.force_login(alpha.scrutineer)
    page = text_of(client.get(url("review_detail", alpha, alpha.review.uuid)))
    assert "The figures masa holds" in page and "Record the response" not in page
    target = url("response_save", alpha, alpha.review.uuid, alpha.strength.uuid)
    assert client.post(target, {"response": "accepted", "response_text": "x"}).status_code == 403
    assert client.get(url("review_create", alpha)).status_code == 403
    assert client.get(url("review_publish", alpha, alpha.review.uuid)).status_code == 403


def test_a_member_of_another_partnership_gets_404(client, alpha, beta):
    client.force_login(beta.business_team)
    assert client.get(url("review_detail", alpha, alpha.review.uuid)).status_code == 404
    other = reverse("effectiveness:review_detail", args=[beta.partnership.slug, alpha.review.uuid])
    assert client.get(other).status_code == 404


def test_the_spreadsheet_is_formula_safe_and_holds_every_part(client, alpha):
    services.finding_save(actor=SETUP, review=alpha.review, kind="strength", text="=HYPERLINK(1)")
    publish(alpha)
    client.force_login(alpha.member_user)
    response = client.get(url("review_export", alpha, alpha.review.uuid))
    assert response.status_code == 200
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == [
        "Review",
        "Self-evaluation",
        "Attendance",
        "Cadence",
        "Actions",
        "Clocks",
        "Findings",
    ]
    findings = list(book["Findings"].iter_rows(values_only=True))
    assert findings[0][:5] == ("Number", "Kind", "Principle", "Finding", "Response")
    assert findings[2][4] == "Accepted" and findings[2][8] == alpha.owner.name
    assert findings[3][3] == "'=HYPERLINK(1)" and book["Findings"].cell(4, 4).data_type == "s"
    attendance = {row[0]: row for row in book["Attendance"].iter_rows(min_row=2, values_only=True)}
    assert attendance[alpha.police.name][1:] == (3, 3, 100)


def test_the_word_summary_for_board_papers(client, alpha):
    publish(alpha)
    client.force_login(alpha.lsp)
    response = client.get(url("review_summary", alpha, alpha.review.uuid))
    assert response.status_code == 200
    doc = Document(BytesIO(response.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Partnership Effectiveness Review 2023" in text
    assert "Findings and the partnership's response" in text and "Response: Accepted" in text
    assert f"{alpha.owner.name}, due" in text
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert alpha.police.name in cells and "Notify the Panel" in cells


def test_the_list_and_a_review_page_take_as_many_queries_however_many_findings(client, alpha):
    client.force_login(alpha.business_team)
    publish(alpha)

    def counted(target: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(target).status_code == 200
        return len(queries)

    counted(url("review_list", alpha))  # the first request of a session warms its caches
    list_before = counted(url("review_list", alpha))
    detail_before = counted(url("review_detail", alpha, alpha.review.uuid))
    services.review_reopen(actor=SETUP, review=alpha.review, reason="More findings")
    for n in range(3):
        finding = services.finding_save(
            actor=SETUP, review=alpha.review, kind="recommendation", text=f"More {n}"
        )
        services.response_save(
            actor=SETUP,
            finding=finding,
            response=ResponseKind.PARTLY_ACCEPTED,
            response_text="In part",
            owner=alpha.owner,
            due_date=TODAY + timedelta(days=10 + n),
        )
    services.review_publish(actor=SETUP, review=alpha.review)
    assert counted(url("review_list", alpha)) == list_before
    assert counted(url("review_detail", alpha, alpha.review.uuid)) == detail_before
