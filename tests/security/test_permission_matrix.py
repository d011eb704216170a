"""The permission matrix: every URL pattern and every API operation, for every role, a member
of another partnership, an anonymous visitor and an administrator.

PAGES and API below are the table: one row per URL pattern (by name) and per API operation,
one expected status code per column (COLUMNS in matrix_world.py). A page is fetched with GET;
a POST-only page answers 405 to whoever passes its permission check and 403 to the others, so
no page writes. The API's writes run inside a transaction that is rolled back. A URL pattern
or API operation without a row fails the test, and so does a row for one that no longer
exists. Object URLs name real records of the small world (matrix_world.py); a few name no
record (NO_RECORD), where a role with the permission gets 404 and one without it 403.

To print the table as the code now answers (after a deliberate change), run this module
with MASA_MATRIX_RECORD=1 and -s; then check each changed row against docs/domain.md.
"""

import json
import os

import pytest
from django.db import transaction

from tests.security.matrix_world import (
    COLUMNS,
    api_operations,
    api_url,
    build_matrix_world,
    page_patterns,
    page_url,
)

RECORD = bool(os.environ.get("MASA_MATRIX_RECORD"))

# Columns: business_team, lsp, dsp, chair, member, agency_lead, practitioner, scrutineer,
# other (a member of another partnership), anonymous, administrator.
PAGES: dict[str, tuple[int, ...]] = {
    "core:healthz": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "core:accessibility": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 302),
    "core:privacy": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 302),
    "api_docs": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "structure:structure": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "structure:agency_list": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "structure:agency_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "structure:agency_edit": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "structure:person_list": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "structure:person_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "structure:person_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "structure:group_list": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "structure:group_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "structure:group_detail": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "structure:group_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "structure:group_member_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "structure:group_member_remove": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "structure:vision_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "structure:statement_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "structure:statement_edit": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "structure:plan_list": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "structure:plan_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "structure:plan_edit": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "structure:priority_add": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "structure:priority_edit": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "structure:objective_add": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "structure:objective_edit": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "structure:arrangements": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 302),
    "structure:arrangements_docx": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 302),
    "accounts:section": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "accounts:user_list": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "accounts:invite": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "accounts:membership_edit": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "accounts:invitation_revoke": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 302),
    "accounts:invitation_accept": (404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404),
    "accounts:profile": (200, 200, 200, 200, 200, 200, 200, 200, 200, 302, 302),
    "accounts:api_token_create": (200, 200, 200, 200, 200, 200, 200, 200, 200, 302, 302),
    "accounts:api_token_revoke": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 302),
    "audit:log": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "audit:log_csv": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "governance:meeting_list": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "governance:meeting_schedule": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "governance:compliance": (200, 200, 200, 200, 200, 403, 403, 200, 404, 302, 302),
    "governance:meeting_detail": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "governance:meeting_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "governance:meeting_invite": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "governance:minutes_docx": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "governance:agenda_pack": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "governance:attendance": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "governance:minutes_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "governance:apologies_send": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "governance:apologies_withdraw": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 302),
    "governance:guest_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "governance:guest_remove": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 302),
    "governance:minutes_approve": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 302),
    "governance:item_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "governance:item_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "governance:item_move": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 302),
    "governance:item_remove": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "governance:paper_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "governance:decision_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "governance:action_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "governance:paper_download": (404, 404, 404, 404, 404, 404, 404, 404, 404, 302, 302),
    "governance:workplan": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "governance:workplan_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "governance:workplan_edit": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "governance:forward_plan": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "governance:calendar_feed": (404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 302),
    "governance:calendar_settings": (200, 200, 200, 200, 200, 200, 200, 200, 200, 302, 302),
    "actions:my_actions": (200, 200, 200, 200, 200, 200, 200, 200, 200, 302, 302),
    "actions:action_list": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "actions:action_log_xlsx": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "actions:overdue": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "actions:action_bulk": (400, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "actions:action_import": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "actions:action_import_template": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "actions:action_settings": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "actions:group_actions": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "actions:action_detail": (200, 200, 200, 404, 404, 404, 403, 200, 404, 302, 302),
    "actions:action_update": (200, 403, 403, 404, 404, 404, 403, 403, 404, 302, 302),
    "actions:action_evidence": (200, 403, 403, 404, 404, 404, 403, 403, 404, 302, 302),
    "actions:action_close": (200, 403, 403, 404, 404, 404, 403, 403, 404, 302, 302),
    "actions:action_reopen": (200, 403, 403, 404, 404, 404, 403, 403, 404, 302, 302),
    "actions:action_change": (200, 403, 403, 404, 404, 404, 403, 403, 404, 302, 302),
    "actions:action_withdraw": (200, 403, 403, 404, 404, 404, 403, 403, 404, 302, 302),
    "actions:evidence_download": (404, 404, 404, 404, 404, 404, 403, 404, 404, 302, 302),
    "incidents:incident_list": (200, 200, 200, 200, 200, 403, 403, 200, 404, 302, 302),
    "incidents:incident_create": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "incidents:clocks": (200, 200, 200, 200, 200, 403, 403, 200, 404, 302, 302),
    "incidents:incident_detail": (200, 200, 200, 200, 200, 403, 403, 200, 404, 302, 302),
    "incidents:incident_settings": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "incidents:child_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "incidents:child_change": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "incidents:child_remove": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "incidents:notify": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "incidents:case_team": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "incidents:rapid_review": (200, 200, 200, 200, 200, 403, 403, 200, 404, 302, 302),
    "incidents:information_request_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "incidents:information_request_received": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "incidents:rapid_review_meeting": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "incidents:rapid_review_report": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "incidents:rapid_review_sign_off": (200, 200, 200, 200, 200, 403, 403, 403, 404, 302, 302),
    "incidents:rapid_review_submitted": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "incidents:panel_response": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "incidents:decision": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "returns:return_list": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "returns:return_upload": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "returns:import_detail": (404, 404, 404, 404, 404, 404, 403, 404, 404, 302, 302),
    "returns:job_detail": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "returns:job_confirm": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "returns:job_status": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "returns:population_list": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "returns:population_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "returns:population_change": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "reviews:review_list": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "reviews:review_create": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "reviews:review_detail": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "reviews:review_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "reviews:review_report": (404, 404, 404, 404, 404, 404, 403, 404, 404, 302, 302),
    "reviews:milestone_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "reviews:milestone_edit": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "reviews:question_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "reviews:question_edit": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "reviews:national_add": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "reviews:national_edit": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "reviews:finding_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "reviews:finding_edit": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "reviews:recommendation_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "reviews:recommendation_edit": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "reviews:action_add": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "reviews:theme_list": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "reviews:theme_create": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "reviews:theme_add_defaults": (405, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "reviews:theme_detail": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "reviews:theme_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "assurance:inspection_list": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "assurance:inspection_export": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "assurance:inspection_summary": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "assurance:inspection_create": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "assurance:inspection_detail": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "assurance:inspection_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "assurance:judgement_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "assurance:judgement_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "assurance:finding_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "assurance:finding_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    # Self-assessment: the matrix's agency lead leads no agency, so no return is theirs (404).
    "assurance:section11_home": (200, 200, 200, 403, 403, 200, 403, 200, 404, 302, 302),
    "assurance:set_from_default": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "assurance:set_detail": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "assurance:standard_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "assurance:standard_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "assurance:standard_move": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 302),
    "assurance:cycle_open": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "assurance:cycle_detail": (200, 200, 200, 403, 403, 403, 403, 200, 404, 302, 302),
    "assurance:cycle_export": (200, 200, 200, 403, 403, 403, 403, 200, 404, 302, 302),
    "assurance:cycle_summary": (200, 200, 200, 403, 403, 403, 403, 200, 404, 302, 302),
    "assurance:return_detail": (200, 200, 200, 403, 403, 404, 403, 200, 404, 302, 302),
    "assurance:improvement_add": (403, 403, 403, 403, 403, 404, 403, 403, 404, 302, 302),
    "assurance:improvement_remove": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 302),
    "assurance:return_reopen": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    # The world's return is not submitted yet, so the business team is sent back to it.
    "assurance:return_challenge": (302, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "assurance:evidence_add": (403, 403, 403, 403, 403, 404, 403, 403, 404, 302, 302),
    "assurance:evidence_download": (200, 200, 200, 403, 403, 404, 403, 200, 404, 302, 302),
    "assurance:evidence_remove": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 302),
    # Assurance requests: the object pages name a request of the group every role sits on, to
    # the agency the agency lead leads, whose chair is the chair (so each role's rule decides).
    "assurance:request_list": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "assurance:request_export": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "assurance:request_summary": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "assurance:request_create": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "assurance:request_detail": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "assurance:request_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "assurance:request_report": (200, 403, 403, 403, 403, 200, 403, 403, 404, 302, 302),
    "assurance:request_report_download": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "assurance:request_judgement": (200, 403, 403, 200, 403, 403, 403, 403, 404, 302, 302),
    "assurance:request_withdraw": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    # Restraint and use of force (docs/domain.md, "Restraint and use of force at HMYOI Feltham"):
    # the business team, the senior roles and the overseeing group's members and chair read; the
    # business team and the group's chair record.
    "restraint:home": (200, 200, 200, 200, 200, 403, 403, 200, 404, 302, 302),
    "restraint:establishment_detail": (200, 200, 200, 200, 200, 403, 403, 200, 404, 302, 302),
    "restraint:figures_export": (200, 200, 200, 200, 200, 403, 403, 200, 404, 302, 302),
    "restraint:quarter_detail": (200, 200, 200, 200, 200, 403, 403, 200, 404, 302, 302),
    "restraint:review_detail": (200, 200, 200, 200, 200, 403, 403, 200, 404, 302, 302),
    "restraint:review_export": (200, 200, 200, 200, 200, 403, 403, 200, 404, 302, 302),
    "restraint:quarter_add": (200, 403, 403, 200, 403, 403, 403, 403, 404, 302, 302),
    "restraint:quarter_edit": (200, 403, 403, 200, 403, 403, 403, 403, 404, 302, 302),
    "restraint:review_add": (200, 403, 403, 200, 403, 403, 403, 403, 404, 302, 302),
    "restraint:review_edit": (200, 403, 403, 200, 403, 403, 403, 403, 404, 302, 302),
    "restraint:type_list": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    # Training: the register and charges (NO_RECORD sessions, bookings, charges and agencies).
    "training:register_list": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "training:register": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "training:attendance_correct": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "training:policy_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "training:charge_list": (200, 403, 403, 403, 403, 200, 403, 403, 404, 302, 302),
    "training:charge_report": (200, 403, 403, 403, 403, 200, 403, 403, 404, 302, 302),
    "training:invoice_pdf": (404, 403, 403, 403, 403, 404, 403, 403, 404, 302, 302),
    "training:charge_waive": (404, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    # Training booking (docs/domain.md, "21.3 Booking, the waiting list and registering"): every
    # member books; agency leads and the business team book staff; the business team keeps the
    # email domains; anyone may ask to register. The session is of a published course.
    "training:session": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "training:session_book": (405, 405, 405, 405, 405, 405, 405, 405, 404, 302, 302),
    "training:booking_cancel": (405, 405, 405, 405, 405, 405, 405, 405, 404, 302, 302),
    "training:my_bookings": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "training:staff_book": (200, 403, 403, 403, 403, 200, 403, 403, 404, 302, 302),
    "training:staff_bookings": (200, 403, 403, 403, 403, 200, 403, 403, 404, 302, 302),
    "training:registration_domains": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "training:registration_domain_remove": (405, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "training:self_register": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 302),
    # The effectiveness review (docs/domain.md, "15."): a published review in the world, so its
    # change pages send those who may change a draft back to the review (302).
    "effectiveness:review_list": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "effectiveness:review_create": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "effectiveness:review_detail": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "effectiveness:review_edit": (302, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "effectiveness:review_export": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "effectiveness:review_summary": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "effectiveness:assessment_save": (302, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "effectiveness:finding_add": (302, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "effectiveness:finding_edit": (302, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "effectiveness:response_save": (302, 302, 302, 403, 403, 403, 403, 403, 404, 302, 302),
    "effectiveness:review_publish": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "effectiveness:review_reopen": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    # The voice of children and families (docs/domain.md, "Voice of children and families"): an
    # activity with a published entry, so agency leads and practitioners read it; only the
    # governance and the scrutineer download the register; the public page is open to all.
    "voice:activity_list": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "voice:activity_create": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "voice:voice_export": (200, 200, 200, 200, 200, 403, 403, 200, 404, 302, 302),
    "voice:activity_detail": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "voice:activity_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "voice:entry_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "voice:entry_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "voice:entry_publish": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "voice:entry_withdraw": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "voice:public_page": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 302),
    # Independent scrutiny and the statement of assurance (docs/domain.md, "Independent scrutiny and
    # the statement of assurance"): the scrutineer alone writes the scrutiny records; the business
    # team and the lead safeguarding partners respond; each lead safeguarding partner signs off.
    "scrutiny:overview": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "scrutiny:plan_create": (403, 403, 403, 403, 403, 403, 403, 200, 404, 302, 302),
    "scrutiny:plan_detail": (200, 200, 200, 403, 403, 403, 403, 200, 404, 302, 302),
    "scrutiny:plan_edit": (403, 403, 403, 403, 403, 403, 403, 200, 404, 302, 302),
    "scrutiny:plan_export": (200, 200, 200, 403, 403, 403, 403, 200, 404, 302, 302),
    "scrutiny:activity_add": (403, 403, 403, 403, 403, 403, 403, 200, 404, 302, 302),
    "scrutiny:activity_edit": (403, 403, 403, 403, 403, 403, 403, 200, 404, 302, 302),
    "scrutiny:finding_add": (403, 403, 403, 403, 403, 403, 403, 200, 404, 302, 302),
    "scrutiny:finding_edit": (403, 403, 403, 403, 403, 403, 403, 200, 404, 302, 302),
    "scrutiny:response_save": (200, 200, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "scrutiny:comment_add": (403, 403, 403, 403, 403, 403, 403, 200, 404, 302, 302),
    "scrutiny:comment_edit": (403, 403, 403, 403, 403, 403, 403, 200, 404, 302, 302),
    "scrutiny:statement_list": (200, 200, 200, 200, 403, 403, 403, 200, 404, 302, 302),
    "scrutiny:statement_create": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "scrutiny:statement_detail": (200, 200, 200, 200, 403, 403, 403, 200, 404, 302, 302),
    "scrutiny:statement_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "scrutiny:statement_sign_off": (403, 200, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "scrutiny:statement_export": (200, 200, 200, 200, 403, 403, 403, 200, 404, 302, 302),
    # Training: certificates, evaluations, impact (a booking the practitioner attended).
    "training:certificate_list": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "training:certificate_download": (200, 404, 404, 404, 404, 404, 200, 404, 404, 302, 302),
    "training:evaluation": (404, 404, 404, 404, 404, 404, 200, 404, 404, 302, 302),
    "training:course_impact": (200, 200, 200, 403, 403, 403, 403, 200, 404, 302, 302),
    "training:follow_up_answer": (404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 302),
    # Multi-agency audits: the agency lead's column answers for a part of their own agency; the
    # matrix audit is in moderation, so those who see only published summaries get 404.
    "case_audits:audit_list": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "case_audits:register_export": (200, 200, 200, 403, 403, 403, 403, 200, 404, 302, 302),
    "case_audits:audit_open": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "case_audits:tool_create": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "case_audits:tool_detail": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "case_audits:question_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "case_audits:question_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "case_audits:grade_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "case_audits:part_detail": (200, 200, 200, 403, 403, 200, 403, 200, 404, 302, 302),
    "case_audits:part_reopen": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "case_audits:audit_detail": (200, 200, 200, 404, 404, 200, 404, 200, 404, 302, 302),
    "case_audits:audit_export": (200, 200, 200, 403, 403, 403, 403, 200, 404, 302, 302),
    "case_audits:audit_summary": (200, 200, 200, 404, 404, 403, 404, 200, 404, 302, 302),
    "case_audits:case_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "case_audits:case_remove": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 302),
    "case_audits:case_moderate": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "case_audits:audit_advance": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 302),
    "case_audits:finding_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "case_audits:finding_remove": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 302),
    "case_audits:audit_complete": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    # Professional escalations: the matrix escalation involves the agency lead's agency and was
    # raised by none of the matrix users; the scrutineer reads it anonymised and changes nothing.
    "escalations:escalation_list": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "escalations:escalation_raise": (200, 200, 200, 200, 200, 200, 200, 403, 404, 302, 302),
    "escalations:register_export": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "escalations:escalation_figures": (200, 200, 200, 403, 403, 403, 403, 200, 404, 302, 302),
    "escalations:figures_export": (200, 200, 200, 403, 403, 403, 403, 200, 404, 302, 302),
    "escalations:escalation_detail": (200, 404, 404, 404, 404, 200, 404, 200, 404, 302, 302),
    "escalations:escalation_advance": (200, 404, 404, 404, 404, 200, 404, 403, 404, 302, 302),
    "escalations:escalation_resolve": (200, 404, 404, 404, 404, 200, 404, 403, 404, 302, 302),
    "escalations:follow_up_add": (200, 404, 404, 404, 404, 200, 404, 403, 404, 302, 302),
    "case_discussions:discussion_list": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "case_discussions:register_export": (200, 200, 200, 403, 403, 403, 403, 200, 404, 302, 302),
    "case_discussions:discussion_record": (200, 403, 403, 200, 200, 200, 403, 403, 404, 302, 302),
    "case_discussions:discussion_detail": (200, 200, 200, 200, 200, 200, 404, 200, 404, 302, 302),
    "case_discussions:discussion_edit": (200, 403, 403, 200, 200, 200, 404, 403, 404, 302, 302),
    "case_discussions:action_add": (200, 403, 403, 200, 200, 200, 404, 403, 404, 302, 302),
    "briefings:briefing_list": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "briefings:briefing_create": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "briefings:briefing_detail": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "briefings:briefing_edit": (302, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "briefings:briefing_preview": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "briefings:briefing_publish": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "briefings:briefing_withdraw": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "briefings:briefing_docx": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "briefings:briefing_pdf": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "briefings:dissemination": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "briefings:dissemination_confirm": (200, 403, 403, 403, 403, 200, 403, 403, 404, 302, 302),
    "briefings:learning": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "briefings:learning_briefing": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "briefings:learning_briefing_read": (405, 405, 405, 405, 405, 405, 405, 405, 404, 302, 302),
    "briefings:learning_review": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "briefings:learning_review_read": (405, 405, 405, 405, 405, 405, 405, 405, 404, 302, 302),
    "briefings:read_counts": (200, 200, 200, 200, 403, 403, 403, 200, 404, 302, 302),
    "briefings:public_learning": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 302),
    "briefings:public_briefing": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 302),
    "briefings:public_briefing_docx": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 302),
    "briefings:public_briefing_pdf": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 302),
    "briefings:public_review_report": (404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 302),
    # Training: the public calendar, course pages and brochure; every member's training home; the
    # business team's courses and sessions.
    "training:calendar": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 302),
    "training:course": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 302),
    "training:brochure": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 302),
    "training:home": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "training:course_list": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "training:course_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "training:course_detail": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "training:course_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "training:course_publish": (405, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "training:session_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "training:session_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "training:session_cancel": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "indicators:indicator_list": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "indicators:indicator_create": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "indicators:dfe_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "indicators:comparators_import": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "indicators:indicator_detail": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "indicators:indicator_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "indicators:target_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "indicators:comparator_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "indicators:data_call_list": (200, 403, 403, 403, 403, 200, 403, 403, 404, 302, 302),
    "indicators:period_create": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "indicators:data_call_create": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "indicators:data_call_detail": (200, 403, 403, 403, 403, 200, 403, 403, 404, 302, 302),
    "indicators:data_call_close": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "indicators:submission_detail": (200, 403, 403, 403, 403, 404, 403, 403, 404, 302, 302),
    "indicators:submission_template": (200, 403, 403, 403, 403, 404, 403, 403, 404, 302, 302),
    "indicators:submission_upload": (200, 403, 403, 403, 403, 404, 403, 403, 404, 302, 302),
    "indicators:submission_approve": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "indicators:submission_return": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "indicators:submission_reopen": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "dashboards:start": (200, 200, 200, 200, 200, 200, 200, 200, 302, 200, 302),
    "dashboards:home": (200, 200, 200, 200, 200, 200, 200, 200, 404, 302, 302),
    "dashboards:index": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "dashboards:export": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "dashboards:priority": (404, 404, 404, 404, 404, 404, 403, 404, 404, 302, 302),
    "dashboards:group": (404, 404, 404, 404, 404, 404, 403, 404, 404, 302, 302),
    "dashboards:indicator_chart": (200, 200, 200, 200, 200, 200, 403, 200, 404, 302, 302),
    "dashboards:commentary_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "search:search": (200, 200, 200, 200, 200, 200, 200, 200, 200, 302, 302),
    "bank_holidays:holiday_list": (403, 403, 403, 403, 403, 403, 403, 403, 403, 302, 302),
    "bank_holidays:holiday_add": (403, 403, 403, 403, 403, 403, 403, 403, 403, 302, 302),
    "bank_holidays:holiday_remove": (403, 403, 403, 403, 403, 403, 403, 403, 403, 302, 302),
    # Training figures for the yearly report (docs/domain.md, "21.6 Figures for the yearly report"):
    # the business team and the senior roles.
    "training:figures": (200, 200, 200, 403, 403, 403, 403, 200, 404, 302, 302),
    # The training needs analysis (docs/domain.md, "21.1 The training needs analysis"): the
    # business team runs it and answers for any agency, the agency lead for their own agency (the
    # one the answer page names); the business team and the senior roles read the results.
    "training:needs_list": (200, 403, 403, 403, 403, 200, 403, 403, 404, 302, 302),
    "training:needs_add": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "training:needs_detail": (200, 403, 403, 403, 403, 200, 403, 403, 404, 302, 302),
    "training:needs_edit": (200, 403, 403, 403, 403, 403, 403, 403, 404, 302, 302),
    "training:needs_close": (405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 302),
    "training:needs_answer": (200, 403, 403, 403, 403, 200, 403, 403, 404, 302, 302),
    "training:needs_results": (200, 200, 200, 403, 403, 403, 403, 200, 404, 302, 302),
    "training:needs_results_xlsx": (200, 200, 200, 403, 403, 403, 403, 200, 404, 302, 302),
    "account_login": (302, 302, 302, 302, 302, 302, 302, 302, 302, 200, 302),
    "account_logout": (200, 200, 200, 200, 200, 200, 200, 200, 200, 302, 200),
    "account_inactive": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "account_signup": (302, 302, 302, 302, 302, 302, 302, 302, 302, 200, 302),
    "account_reauthenticate": (200, 200, 200, 200, 200, 200, 200, 200, 200, 302, 200),
    "account_email": (200, 200, 200, 200, 200, 200, 200, 200, 200, 302, 200),
    "account_email_verification_sent": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "account_change_password": (200, 200, 200, 200, 200, 200, 200, 200, 200, 302, 200),
    "account_set_password": (302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302),
    "account_reset_password": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "account_confirm_login_code": (302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302),
    "account_confirm_email": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "account_reset_password_from_key_done": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "account_reset_password_from_key": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "account_reset_password_done": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "mfa_index": (200, 200, 200, 200, 200, 200, 200, 200, 200, 302, 200),
    "mfa_authenticate": (302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302),
    "mfa_reauthenticate": (200, 200, 200, 200, 200, 200, 200, 200, 200, 302, 302),
    "mfa_activate_totp": (302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302),
    "mfa_deactivate_totp": (302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 404),
    "mfa_view_recovery_codes": (404, 404, 404, 404, 404, 404, 404, 404, 404, 302, 404),
    "mfa_generate_recovery_codes": (302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302),
    "mfa_download_recovery_codes": (404, 404, 404, 404, 404, 404, 404, 404, 404, 302, 404),
}
API: dict[str, tuple[int, ...]] = {
    "GET /api/v1/partnerships": (200, 200, 200, 200, 200, 200, 200, 200, 200, 401, 401),
    "GET /api/v1/partnerships/{slug}/agencies": (200, 200, 200, 200, 200, 200, 200, 200, 404, 401, 401),
    "GET /api/v1/partnerships/{slug}/groups": (200, 200, 200, 200, 200, 200, 200, 200, 404, 401, 401),
    "GET /api/v1/partnerships/{slug}/plans": (200, 200, 200, 200, 200, 200, 200, 200, 404, 401, 401),
    "GET /api/v1/partnerships/{slug}/actions": (200, 200, 200, 200, 200, 200, 403, 200, 404, 401, 401),
    "POST /api/v1/partnerships/{slug}/actions": (201, 403, 403, 403, 403, 403, 403, 403, 404, 401, 401),
    "GET /api/v1/partnerships/{slug}/actions/{uuid}": (200, 200, 200, 404, 404, 404, 403, 200, 404, 401, 401),
    "PATCH /api/v1/partnerships/{slug}/actions/{uuid}": (
        200,
        403,
        403,
        404,
        404,
        404,
        403,
        403,
        404,
        401,
        401,
    ),
    "POST /api/v1/partnerships/{slug}/actions/{uuid}/updates": (
        201,
        403,
        403,
        404,
        404,
        404,
        403,
        403,
        404,
        401,
        401,
    ),
    "GET /api/v1/partnerships/{slug}/meetings": (200, 200, 200, 200, 200, 200, 200, 200, 404, 401, 401),
    "GET /api/v1/partnerships/{slug}/meetings/{uuid}": (
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        404,
        401,
        401,
    ),
    "GET /api/v1/clocks/{rule}": (200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
    "POST /api/v1/partnerships/{slug}/returns": (422, 422, 422, 422, 422, 422, 422, 422, 422, 401, 401),
    "GET /api/v1/partnerships/{slug}/returns/jobs/{job_id}": (
        404,
        403,
        403,
        403,
        403,
        403,
        403,
        403,
        404,
        401,
        401,
    ),
    "GET /api/v1/partnerships/{slug}/indicators": (200, 200, 200, 200, 200, 200, 403, 200, 404, 401, 401),
    "GET /api/v1/partnerships/{slug}/effectiveness-reviews": (
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        404,
        401,
        401,
    ),
    "GET /api/v1/partnerships/{slug}/engagement-activities": (
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        404,
        401,
        401,
    ),
    "GET /api/v1/partnerships/{slug}/scrutiny/findings": (
        200,
        200,
        200,
        403,
        403,
        403,
        403,
        200,
        404,
        401,
        401,
    ),
    "GET /api/v1/partnerships/{slug}/restraint": (200, 200, 200, 200, 200, 403, 403, 200, 404, 401, 401),
    "GET /api/v1/partnerships/{slug}/inspections": (200, 200, 200, 200, 200, 200, 403, 200, 404, 401, 401),
    "GET /api/v1/partnerships/{slug}/assurance-requests": (
        200,
        200,
        200,
        200,
        200,
        200,
        403,
        200,
        404,
        401,
        401,
    ),
    "GET /api/v1/partnerships/{slug}/audits": (200, 200, 200, 200, 200, 200, 200, 200, 404, 401, 401),
    "GET /api/v1/partnerships/{slug}/escalations/summary": (
        200,
        200,
        200,
        403,
        403,
        403,
        403,
        200,
        404,
        401,
        401,
    ),
    "GET /api/v1/partnerships/{slug}/training/figures": (
        200,
        200,
        200,
        403,
        403,
        403,
        403,
        200,
        404,
        401,
        401,
    ),
    "GET /api/v1/partnerships/{slug}/case-discussions": (
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        404,
        401,
        401,
    ),
    "GET /api/v1/partnerships/{slug}/section11-cycles": (
        200,
        200,
        200,
        403,
        403,
        403,
        403,
        200,
        404,
        401,
        401,
    ),
    "GET /api/v1/partnerships/{slug}/data-calls": (200, 403, 403, 403, 403, 200, 403, 403, 404, 401, 401),
    "POST /api/v1/partnerships/{slug}/data-calls/{call_id}/submissions/{agency_id}": (
        422,
        422,
        422,
        422,
        422,
        422,
        422,
        422,
        422,
        401,
        401,
    ),
}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once per module inside a transaction kept open for it (as tests/conftest.py does
    for the demo); each test's own savepoint rolls back what it changes."""
    from django.test import override_settings

    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build_matrix_world()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _client_for(client, world, column):
    user = world.users[column]
    if user is not None:
        client.force_login(user)
    return client


def _pages(client, world, column):
    found = {}
    for _, name, params in page_patterns():
        response = client.get(page_url(world, name, params))
        found[name] = response.status_code
    return found


def _api(client, world, column):
    found = {}
    for method, path in api_operations():
        url = api_url(world, path)
        if method == "GET":
            status = client.get(url).status_code
        else:
            body = world.values["api_bodies"].get(f"{method} {path}", {"text": "Checked"})
            with transaction.atomic():
                reply = client.generic(method, url, json.dumps(body), content_type="application/json")
                status = reply.status_code
                transaction.set_rollback(True)
        found[f"{method} {path}"] = status
    return found


def test_every_url_pattern_and_api_operation_has_a_row():
    names = {name for _, name, _ in page_patterns()}
    operations = {f"{m} {p}" for m, p in api_operations()}
    if RECORD:
        pytest.skip("recording")
    assert sorted(names - set(PAGES)) == [], "URL patterns without a row in PAGES"
    assert sorted(set(PAGES) - names) == [], "rows in PAGES for URL patterns that no longer exist"
    assert sorted(operations - set(API)) == [], "API operations without a row in API"
    assert sorted(set(API) - operations) == [], "rows in API for operations that no longer exist"
    assert all(len(row) == len(COLUMNS) for row in [*PAGES.values(), *API.values()])


_RECORDED: dict[str, dict[str, dict[str, int]]] = {"pages": {}, "api": {}}


@pytest.mark.django_db
@pytest.mark.parametrize("column", COLUMNS)
def test_permission_matrix(client, world, column):
    client = _client_for(client, world, column)
    index = COLUMNS.index(column)
    pages, api = _pages(client, world, column), _api(client, world, column)
    if RECORD:
        _RECORDED["pages"][column], _RECORDED["api"][column] = pages, api
        if len(_RECORDED["pages"]) == len(COLUMNS):
            _print_table()
        return
    wrong = [
        f"{name}: expected {PAGES[name][index]}, got {status}"
        for name, status in pages.items()
        if name in PAGES and PAGES[name][index] != status
    ]
    wrong += [
        f"{op}: expected {API[op][index]}, got {status}"
        for op, status in api.items()
        if op in API and API[op][index] != status
    ]
    assert wrong == [], f"{column}:\n" + "\n".join(wrong)


def _print_table():
    for table, title in (("pages", "PAGES"), ("api", "API")):
        print(f"\n{title} = {{")
        for key in _RECORDED[table][COLUMNS[0]]:
            row = ", ".join(str(_RECORDED[table][c][key]) for c in COLUMNS)
            print(f'    "{key}": ({row}),')
        print("}")


def test_inactive_membership_has_no_access(client, db):
    from django.urls import reverse

    from masa.accounts.models import Role
    from tests.factories import PartnershipFactory, member

    partnership = PartnershipFactory()
    user = member(partnership, Role.BUSINESS_TEAM)
    user.memberships.update(is_active=False)
    client.force_login(user)
    assert client.get(reverse("dashboards:home", args=[partnership.slug])).status_code == 404
