"""Learning from reviews: serious incidents, the children in them and notifications to the Panel.

No names or dates of birth are kept: children are pseudonymous ("Child A") with an age band, sex
and a high-level ethnicity category only.
"""

from django.conf import settings
from django.db import models

from masa.clocks.rules import DEFAULT_RULE_SET
from masa.core.dates import long_date
from masa.incidents.pseudonyms import DEFAULT_REFERENCE_PATTERN, MAX_PATTERN_LENGTH
from masa.partnership.models import Agency, PartnershipOwned
from masa.reviews.models import Review

MAX_CHILDREN_PER_NOTIFICATION = 4
# The summary says what happened in a few lines, with no names (the narrative is the rapid review's).
INCIDENT_SUMMARY_LENGTH = 500


class IncidentCategory(models.TextChoices):
    DEATH = "death", "Death"
    SERIOUS_HARM = "serious_harm", "Serious harm"


class AgeBand(models.TextChoices):
    UNBORN = "unborn", "Unborn"
    UNDER_1 = "under_1", "Under 1"
    AGE_1_4 = "1_4", "1 to 4"
    AGE_5_9 = "5_9", "5 to 9"
    AGE_10_15 = "10_15", "10 to 15"
    AGE_16_17 = "16_17", "16 to 17"
    CARE_LEAVER_18_24 = "18_24_care_leaver", "18 to 24 (care leaver)"


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    NOT_KNOWN = "not_known", "Not known"


class Ethnicity(models.TextChoices):
    """The ONS high-level ethnic group categories (England and Wales)."""

    ASIAN = "asian", "Asian or Asian British"
    BLACK = "black", "Black, Black British, Caribbean or African"
    MIXED = "mixed", "Mixed or multiple ethnic groups"
    WHITE = "white", "White"
    OTHER = "other", "Other ethnic group"
    NOT_KNOWN = "not_known", "Not known"


class SeriousIncident(PartnershipOwned):
    """A serious incident: a child died or was seriously harmed and abuse or neglect is suspected."""

    reference = models.CharField(max_length=30, help_text='For example, "SI-2024-01"')
    category = models.CharField(max_length=20, choices=IncidentCategory.choices)
    date_aware = models.DateField("date the partnership became aware")
    agencies = models.ManyToManyField(Agency, blank=True, related_name="serious_incidents")
    care_leaver_death = models.BooleanField(
        default=False, help_text="A care leaver aged 18 to 24 died: notified, but no rapid review"
    )
    summary = models.CharField(
        max_length=INCIDENT_SUMMARY_LENGTH, blank=True, help_text="A short summary with no names"
    )
    case_team = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="case_team_incidents"
    )
    rule_set_id = models.CharField(max_length=40, default=DEFAULT_RULE_SET)
    rr_submitted_date = models.DateField("rapid review submitted", null=True, blank=True)

    class Meta:
        ordering = ["-date_aware", "-reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "reference"], name="unique_incident_reference_per_partnership"
            )
        ]

    def __str__(self) -> str:
        return self.reference


class IncidentSettings(PartnershipOwned):
    """A partnership's own choices for its serious incidents, set by the business team.

    The child reference pattern is the regular expression the partnership's references follow
    (masa/incidents/pseudonyms.py): a reference matching it is not taken for a name.
    """

    child_reference_pattern = models.CharField(
        "child reference pattern", max_length=MAX_PATTERN_LENGTH, default=DEFAULT_REFERENCE_PATTERN
    )

    class Meta:
        verbose_name_plural = "incident settings"
        constraints = [
            models.UniqueConstraint(fields=["partnership"], name="one_incident_settings_per_partnership")
        ]

    def __str__(self) -> str:
        return f"Incident settings of {self.partnership}"


class IncidentChild(PartnershipOwned):
    """A child in a serious incident, pseudonymous: no name, no date of birth."""

    incident = models.ForeignKey(SeriousIncident, on_delete=models.CASCADE, related_name="children")
    reference = models.CharField(max_length=30, help_text='For example, "Child A"')
    age_band = models.CharField(max_length=20, choices=AgeBand.choices)
    sex = models.CharField(max_length=10, choices=Sex.choices)
    ethnicity = models.CharField(max_length=10, choices=Ethnicity.choices)

    class Meta:
        ordering = ["reference"]
        verbose_name_plural = "incident children"
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "reference"], name="unique_child_reference_per_incident"
            )
        ]

    def __str__(self) -> str:
        return self.reference


class PanelNotification(PartnershipOwned):
    """A notification of the incident to the Child Safeguarding Practice Review Panel."""

    incident = models.ForeignKey(SeriousIncident, on_delete=models.CASCADE, related_name="notifications")
    children = models.ManyToManyField(IncidentChild, related_name="notifications")
    sent_date = models.DateField()

    class Meta:
        ordering = ["sent_date", "pk"]

    def __str__(self) -> str:
        return f"{self.incident} notified {long_date(self.sent_date)}"


# Rapid reviews ------------------------------------------------------------------------------


class LocalReviewChoice(models.TextChoices):
    """What the rapid review recommends, and what the partners decide (Working Together 2023 ch.5)."""

    LCSPR = "lcspr", "Hold a local child safeguarding practice review (LCSPR)"
    NO_LCSPR = "no_lcspr", "No LCSPR"
    OTHER_LEARNING = "other_learning", "No LCSPR, but other local learning"


class InformationRequest(PartnershipOwned):
    """A request to an agency for what it knew of the child and family, for the rapid review."""

    incident = models.ForeignKey(
        SeriousIncident, on_delete=models.CASCADE, related_name="information_requests"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    requested_on = models.DateField("date requested")
    due_on = models.DateField("due date")
    received_on = models.DateField("date received", null=True, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["requested_on", "pk"]

    def __str__(self) -> str:
        return f"{self.incident}: information from {self.agency}"


class RapidReview(Review):
    """The rapid review of a notified serious incident: meeting, report, sign-off, the Panel's
    response and the partners' decision on a local review.

    A rapid review is a learning review (Django multi-table inheritance): its reference, title,
    status, themes, findings, recommendations and briefings are the `reviews.Review` part, so the
    learning chain hangs on the same record as the report (docs/architecture.md, "One rapid
    review record"). The report follows the sections of the Panel's rapid review template. The
    day it was sent to the Panel stays on the incident (`SeriousIncident.rr_submitted_date`),
    which stops the clock.
    """

    meeting_date = models.DateField("date of the rapid review meeting", null=True, blank=True)
    facts = models.TextField("facts of the case", blank=True)
    immediate_actions = models.TextField("immediate safeguarding actions taken", blank=True)
    learning = models.TextField("learning identified", blank=True)
    recommendation = models.CharField(
        "recommendation on a local review", max_length=20, choices=LocalReviewChoice.choices, blank=True
    )
    recommendation_reasons = models.TextField("reasons for the recommendation", blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    panel_response_date = models.DateField("date the Panel's response was received", null=True, blank=True)
    panel_agreed = models.BooleanField("the Panel agreed with the recommendation", null=True, blank=True)
    panel_comments = models.TextField("the Panel's comments", blank=True)
    decision = models.CharField(
        "the partnership's decision", max_length=20, choices=LocalReviewChoice.choices, blank=True
    )
    # The decision's date is the Review's decision_date (the same question: hold a local review?).
    decision_reason = models.TextField(blank=True)

    REPORT_FIELDS = ("facts", "immediate_actions", "learning", "recommendation", "recommendation_reasons")

    def __str__(self) -> str:
        return f"Rapid review of {self.incident}"

    @property
    def is_signed_off(self) -> bool:
        return self.signed_off_at is not None

    @property
    def missing_sections(self) -> list[str]:
        """The report sections still empty, by their labels."""
        return [
            str(getattr(self._meta.get_field(name), "verbose_name", name))
            for name in self.REPORT_FIELDS
            if not str(getattr(self, name)).strip()
        ]
