"""Review and theme pages beyond the role x page table (tests/security/test_permission_matrix.py)."""

import pytest
from django.urls import reverse

from masa.accounts.models import Role
from masa.reviews import services
from masa.reviews.models import ReviewKind
from tests.factories import SETUP, member
from tests.reviews.conftest import make_review

ALL = set(Role.values)
BT = {Role.BUSINESS_TEAM}
READERS = {Role.BUSINESS_TEAM, Role.LSP, Role.DSP, Role.CHAIR, Role.MEMBER, Role.SCRUTINEER, Role.AGENCY_LEAD}

MATRIX = {
    "reviews:review_list": READERS,
    "reviews:review_detail": READERS,
    "reviews:review_create": BT,
    "reviews:review_edit": BT,
    "reviews:milestone_add": BT,
    "reviews:milestone_edit": BT,
    "reviews:question_add": BT,
    "reviews:question_edit": BT,
    "reviews:national_add": BT,
    "reviews:national_edit": BT,
    "reviews:finding_add": BT,
    "reviews:finding_edit": BT,
    "reviews:recommendation_add": BT,
    "reviews:recommendation_edit": BT,
    "reviews:action_add": BT,
    "reviews:theme_list": READERS,
    "reviews:theme_detail": READERS,
    "reviews:theme_create": BT,
    "reviews:theme_edit": BT,
}


def _args(name: str, objects: dict) -> list:
    review = objects["national"] if name.startswith("reviews:national") else objects["review"]
    item = {
        "reviews:milestone_edit": objects["milestone"],
        "reviews:question_edit": objects["question"],
        "reviews:national_edit": objects["national_item"],
        "reviews:finding_edit": objects["finding"],
        "reviews:recommendation_edit": objects["recommendation"],
        "reviews:action_add": objects["recommendation"],
    }.get(name)
    if name in ("reviews:theme_detail", "reviews:theme_edit"):
        return [objects["theme"].slug]
    if name.endswith(("_list", "_create")):
        return []
    return [review.uuid] + ([item.uuid] if item is not None else [])


def _url(name: str, partnership, objects: dict) -> str:
    return reverse(name, args=[partnership.slug, *_args(name, objects)])


@pytest.fixture
def world(alpha, beta):
    worlds = {}
    for w in (alpha, beta):
        national = make_review(w, "NAT-1", kind=ReviewKind.NATIONAL)
        worlds[w.partnership.slug] = {
            "partnership": w.partnership,
            "review": w.review,
            "finding": w.finding,
            "recommendation": w.recommendation,
            # A theme only this partnership has, so its address under the other one is unknown.
            "theme": services.theme_create(
                actor=SETUP, partnership=w.partnership, name=f"Only in {w.partnership.slug}"
            ),
            "national": national,
            "national_item": services.national_recommendation_save(
                actor=SETUP, review=national, text="Learn"
            ),
            "milestone": services.milestone_save(
                actor=SETUP, review=w.review, title="Panel", due_date=w.review.start_date
            ),
            "question": services.question_save(actor=SETUP, review=w.review, text="Does focus shift at 18?"),
        }
    return worlds


def test_standard_themes_button_is_for_the_business_team(client, world):
    client.force_login(member(world["alpha"]["partnership"], Role.MEMBER))
    assert client.post(reverse("reviews:theme_add_defaults", args=["alpha"])).status_code == 403
