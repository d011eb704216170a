from masa.actions.models import Action, ActionEvidence, ActionSource, ActionStatus, ActionUpdate
from masa.demo.reviews_loader import MENTAL_HEALTH_QUESTIONS, load_reviews_demo
from masa.partnership.models import Partnership
from masa.reviews.models import (
    DEFAULT_THEMES,
    Assurance,
    Finding,
    NationalRecommendation,
    Recommendation,
    Review,
    ReviewKind,
    ReviewQuestion,
    Theme,
)

SEED_QUESTIONS = [
    "Does our focus shift when a young person turns 18?",
    "Is the Working Together 2023 revision from January 2024 on reporting deaths of care leavers up to 25 "
    "years, going to impact on our service?",
    "Impact of UASC numbers on services and PA allocations?",
    "Issue of capacity and consent post 18?",
    "Thresholds into adults' services – are they fit for purpose?",
    "How do we promote contact with family beyond 18 years?",
]


def _snapshot(partnership):
    models = (Theme, Review, ReviewQuestion, NationalRecommendation, Finding, Recommendation)
    rows = {
        m.__name__: sorted(m.objects.filter(partnership=partnership).values_list("pk", "updated_at"))
        for m in models
    }
    for model in (Action, ActionEvidence, ActionUpdate):
        rows[model.__name__] = model.objects.filter(partnership=partnership).count()
    return rows


def test_hounslow_reviews_demo(demo):
    hounslow = Partnership.objects.get(slug="hounslow")
    rapid = Review.objects.filter(
        partnership=hounslow, kind=ReviewKind.RAPID_REVIEW, incident__reference="SI-2023-02"
    ).first()
    rapid_had_findings = rapid is not None and rapid.findings.exists()
    load_reviews_demo(hounslow)
    assert {t.slug for t in Theme.objects.filter(partnership=hounslow)} >= {
        slug for slug, _ in DEFAULT_THEMES
    }

    llr = Review.objects.get(partnership=hounslow, title="Local Learning Review on Mental Health & Suicide")
    assert llr.kind == ReviewKind.LOCAL_LEARNING
    assert llr.start_date.year == 2024 and llr.start_date.month == 3
    assert {t.slug for t in llr.themes.all()} == {"mental-health", "adolescents", "online-harm"}
    assert [q.text for q in llr.questions.all()] == SEED_QUESTIONS == MENTAL_HEALTH_QUESTIONS
    assert [q.number for q in llr.questions.all()] == [1, 2, 3, 4, 5, 6]
    assert llr.group.name == "Effective Practice Group"

    actions = Action.objects.filter(review_recommendation__review=llr)
    assert all(a.source == ActionSource.REVIEW_RECOMMENDATION for a in actions)
    closed = [a for a in actions if a.status == ActionStatus.CLOSED]
    assert closed and all(a.impact and a.evidence.exists() for a in closed)
    assert any(a.status != ActionStatus.CLOSED for a in actions)

    national = Review.objects.get(partnership=hounslow, kind=ReviewKind.NATIONAL)
    assert "True to Us" in national.title and "Child Delta" in national.title
    assert national.source_organisation.startswith("Brighton & Hove Safeguarding Children")
    assessed = {n.text: n.assurance for n in national.national_recommendations.all()}
    for area in ("Assessments completed by", "Pre-birth practice", "Trauma informed training"):
        assert any(text.startswith(area) and a == Assurance.ASSURED for text, a in assessed.items()), area
    assert any(a == Assurance.NOT_ASSURED for a in assessed.values())
    assert all(n.assessed_on and n.assessed_by for n in national.national_recommendations.all())
    assert national.themes.filter(slug="child-sexual-abuse").exists()

    if rapid is not None and not rapid_had_findings:
        # The pre-birth learning of the 2023-24 rapid review (the yearly report's "Theme 2: Pre-Birth
        # Practice").
        assert rapid.findings.filter(themes__slug="pre-birth").count() == 2
        assert Action.objects.filter(review_recommendation__review=rapid).exclude(impact="").exists()

    before = _snapshot(hounslow)
    load_reviews_demo(hounslow)
    assert _snapshot(hounslow) == before
