"""Assurance: what inspectorates and the partnership's own checks found, and what was done about it.

The inspections register comes first: each inspection of the area or of one of its agencies
(Ofsted ILACS, JTAI, HMICFRS, HMIP, CQC, area SEND), its judgements area by area, and its
findings. Causes of concern and recommendations become actions in the one tracker
(`Action.inspection_finding`, source "Inspection recommendation"), which need evidence to close;
their status is the inspection's progress. Section 11 and Section 175 cycles and assurance requests
sit beside it in this app; multi-agency audits (`masa.case_audits`) and the effectiveness review
(`masa.effectiveness`) have apps of their own.
"""

from datetime import date

from django.conf import settings
from django.db import models

from masa.core.dates import financial_year_start
from masa.partnership.models import Agency, PartnershipOwned


class InspectionKind(models.TextChoices):
    OFSTED_ILACS = "ofsted_ilacs", "Ofsted inspection of local authority children's services (ILACS)"
    JTAI = "jtai", "Joint targeted area inspection (JTAI)"
    HMICFRS = "hmicfrs", "HMICFRS (police)"
    HMIP = "hmip", "HMI Prisons (prisons and youth custody)"
    CQC = "cqc", "Care Quality Commission (CQC)"
    AREA_SEND = "area_send", "Ofsted and CQC area SEND inspection"
    OTHER = "other", "Other inspection"


# The judgements most frameworks use; anything else ("Level 1", "Not sufficiently good") is typed
# as it was published. A per-framework list would have to follow every framework's changes.
COMMON_JUDGEMENTS = (
    "Outstanding",
    "Good",
    "Requires improvement to be good",
    "Inadequate",
    "Not graded",
)


class Inspection(PartnershipOwned):
    kind = models.CharField(max_length=20, choices=InspectionKind.choices)
    title = models.CharField(max_length=200)
    inspected_body = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inspections",
        help_text="The agency inspected; none for an inspection of the whole area",
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    published_date = models.DateField(null=True, blank=True)
    overall_judgement = models.CharField(max_length=100, blank=True)
    report_url = models.URLField("published report", max_length=500, blank=True)
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["-start_date", "-created_at"]
        indexes = [models.Index(fields=["partnership", "kind", "start_date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="inspection_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def year_label(self) -> str:
        """The financial (reporting) year it started in, as "2023 to 2024"."""
        start = financial_year_start(self.start_date)
        return f"{start} to {start + 1}"


class InspectionJudgement(PartnershipOwned):
    """The judgement for one area of an inspection ("Leadership: Outstanding")."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    area = models.CharField(max_length=200)
    judgement = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.area}: {self.judgement}"


class FindingKind(models.TextChoices):
    CAUSE_OF_CONCERN = "cause_of_concern", "Cause of concern"
    AREA_FOR_IMPROVEMENT = "area_for_improvement", "Area for improvement"
    RECOMMENDATION = "recommendation", "Recommendation"


# A cause of concern or a recommendation must be answered by an owned action with a due date;
# an area for improvement may be.
ACTION_REQUIRED_KINDS = (FindingKind.CAUSE_OF_CONCERN, FindingKind.RECOMMENDATION)


class InspectionFinding(PartnershipOwned):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(max_length=30, choices=FindingKind.choices)
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The agency that answers for it",
    )

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "number"], name="unique_inspection_finding_number"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    @property
    def needs_action(self) -> bool:
        return self.kind in ACTION_REQUIRED_KINDS


# Section 11 and Section 175 self-assessments ----------------------------------------------------
# docs/domain.md, "12. Assurance: Section 11 and Section 175". A standards set is data the business
# team keeps; a cycle asks agencies (or schools) to rate themselves against it by a deadline; each
# agency's answers are its return, and its improvement actions become actions in the tracker.


class ResponseKind(models.TextChoices):
    """The partnership's response to a reviewer's or the independent scrutineer's finding."""

    ACCEPTED = "accepted", "Accepted"
    PARTLY_ACCEPTED = "partly_accepted", "Partly accepted"
    NOT_ACCEPTED = "not_accepted", "Not accepted"


# A finding accepted in whole or in part is answered by an owned action with a due date.
ACTION_RESPONSES = (ResponseKind.ACCEPTED, ResponseKind.PARTLY_ACCEPTED)


class StandardsKind(models.TextChoices):
    SECTION_11 = "section_11", "Section 11 (Children Act 2004)"
    SECTION_175 = "section_175", "Section 175 (Education Act 2002): schools"


class Rating(models.IntegerChoices):
    INADEQUATE = 1, "Inadequate"
    REQUIRES_IMPROVEMENT = 2, "Requires improvement"
    GOOD = 3, "Good"
    OUTSTANDING = 4, "Outstanding"


class StandardsSet(PartnershipOwned):
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=StandardsKind.choices)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Standard(PartnershipOwned):
    """One standard of a set, with what each rating looks like against it."""

    standards_set = models.ForeignKey(StandardsSet, on_delete=models.CASCADE, related_name="standards")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    descriptor_1 = models.TextField("what inadequate looks like")
    descriptor_2 = models.TextField("what requires improvement looks like")
    descriptor_3 = models.TextField("what good looks like")
    descriptor_4 = models.TextField("what outstanding looks like")

    class Meta:
        ordering = ["number", "pk"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def descriptor(self, rating: int) -> str:
        return str(getattr(self, f"descriptor_{rating}"))


class Section11Cycle(PartnershipOwned):
    """One round of self-assessment against a standards set, by a deadline."""

    standards_set = models.ForeignKey(StandardsSet, on_delete=models.PROTECT, related_name="cycles")
    title = models.CharField(max_length=200)
    opens_on = models.DateField()
    deadline = models.DateField()

    class Meta:
        ordering = ["-opens_on", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(deadline__gte=models.F("opens_on")), name="s11_cycle_deadline_after_open"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ReturnStatus(models.TextChoices):
    DRAFT = "draft", "Not submitted"
    SUBMITTED = "submitted", "Submitted"


class Section11Return(PartnershipOwned):
    """One agency's (or school's) self-assessment in a cycle."""

    cycle = models.ForeignKey(Section11Cycle, on_delete=models.CASCADE, related_name="returns")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="section11_returns")
    status = models.CharField(max_length=20, choices=ReturnStatus.choices, default=ReturnStatus.DRAFT)
    submitted_on = models.DateField(null=True, blank=True)
    is_late = models.BooleanField(default=False)
    last_reminded_on = models.DateField(null=True, blank=True)
    escalated_on = models.DateField(null=True, blank=True)
    # The challenge session: peers question the return and the moderated ratings are agreed
    # (docs/domain.md, "Assurance: Section 11 and Section 175").
    challenged_on = models.DateField("date of the challenge session", null=True, blank=True)
    challenged_by = models.CharField("who took part", max_length=500, blank=True)
    challenge_summary = models.TextField("what the challenge found", blank=True)

    class Meta:
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "agency"], name="one_section11_return_per_agency"),
        ]

    def __str__(self) -> str:
        return f"{self.agency} – {self.cycle}"

    @property
    def is_submitted(self) -> bool:
        return self.status == ReturnStatus.SUBMITTED


class Section11Rating(PartnershipOwned):
    section11_return = models.ForeignKey(Section11Return, on_delete=models.CASCADE, related_name="ratings")
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="ratings")
    rating = models.PositiveSmallIntegerField(choices=Rating.choices, null=True, blank=True)
    evidence = models.TextField(blank=True)
    link = models.URLField("link to evidence", max_length=500, blank=True)
    # Agreed at the challenge session when it differs from the agency's own rating.
    moderated_rating = models.PositiveSmallIntegerField(choices=Rating.choices, null=True, blank=True)
    moderation_note = models.TextField(blank=True)

    class Meta:
        ordering = ["standard__number"]
        constraints = [
            models.UniqueConstraint(fields=["section11_return", "standard"], name="one_rating_per_standard"),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=4),
                name="section11_rating_1_to_4",
            ),
            models.CheckConstraint(
                condition=models.Q(moderated_rating__isnull=True)
                | models.Q(moderated_rating__gte=1, moderated_rating__lte=4),
                name="section11_moderated_rating_1_to_4",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.standard}: {self.rating}"

    @property
    def agreed_rating(self) -> int | None:
        """The rating the results use: the moderated one where the challenge changed it."""
        return self.moderated_rating or self.rating


class Section11Evidence(PartnershipOwned):
    """A document the agency gives as evidence, for one standard or for the whole return."""

    section11_return = models.ForeignKey(
        Section11Return, on_delete=models.CASCADE, related_name="evidence_files"
    )
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    file = models.FileField(upload_to="assurance/section11/%Y/%m/")
    original_name = models.CharField(max_length=255)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["standard__number", "created_at"]

    def __str__(self) -> str:
        return self.original_name


class Section11Improvement(PartnershipOwned):
    """An improvement the agency commits to; it becomes a tracker action when the return is submitted."""

    section11_return = models.ForeignKey(
        Section11Return, on_delete=models.CASCADE, related_name="improvements"
    )
    text = models.TextField()
    due_date = models.DateField()
    owner = models.ForeignKey("partnership.Person", on_delete=models.PROTECT, related_name="+")
    action = models.OneToOneField(
        "actions.Action",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="section11_improvement",
    )

    class Meta:
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


# Assurance requests ----------------------------------------------------------------------------


class RequestStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    REPORT_RECEIVED = "report_received", "Report received"
    JUDGED = "judged", "Judged"
    WITHDRAWN = "withdrawn", "Withdrawn"


# A request is open (it can be changed, answered or withdrawn) until it is judged or withdrawn.
OPEN_REQUEST_STATUSES = (RequestStatus.REQUESTED, RequestStatus.REPORT_RECEIVED)


class AssuranceLevel(models.TextChoices):
    ASSURED = "assured", "Assured"
    PARTLY_ASSURED = "partly_assured", "Partly assured"
    NOT_ASSURED = "not_assured", "Not assured"


class AssuranceRequest(PartnershipOwned):
    """A group asks an agency for assurance: "report on this to us by that date" (AR-n).

    The agency answers with a report (a checked file, a link or text), and the group judges it:
    assured, partly assured or not assured, with its reasons. Follow-up actions go into the one
    action tracker (`Action.assurance_request`, source "Assurance request").
    """

    number = models.PositiveIntegerField()
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="assurance_requests")
    subject = models.CharField(max_length=200)
    asked = models.TextField("what is asked")
    group = models.ForeignKey(
        "partnership.Group", on_delete=models.PROTECT, related_name="assurance_requests"
    )
    meeting = models.ForeignKey(
        "governance.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assurance_requests",
        help_text="The meeting of the group at which the request was agreed",
    )
    lead = models.ForeignKey(
        "partnership.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The person at the agency who answers",
    )
    requested_on = models.DateField(help_text="The day the group asked")
    due_date = models.DateField()
    status = models.CharField(max_length=20, choices=RequestStatus.choices, default=RequestStatus.REQUESTED)
    report_file = models.FileField(upload_to="assurance/reports/%Y/%m/", blank=True)
    report_name = models.CharField(max_length=255, blank=True)
    report_link = models.URLField(max_length=500, blank=True)
    report_text = models.TextField(blank=True)
    received_on = models.DateField(null=True, blank=True)
    judgement = models.CharField(max_length=20, choices=AssuranceLevel.choices, blank=True)
    judgement_reasons = models.TextField(blank=True)
    judged_on = models.DateField(null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True)
    withdrawn_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        indexes = [models.Index(fields=["partnership", "status", "due_date"])]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "number"], name="unique_assurance_request_number"),
            models.CheckConstraint(
                condition=~models.Q(status="judged")
                | (
                    ~models.Q(judgement="")
                    & ~models.Q(judgement_reasons="")
                    & models.Q(judged_on__isnull=False)
                ),
                name="judged_request_has_judgement",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="withdrawn") | ~models.Q(withdrawn_reason=""),
                name="withdrawn_request_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.subject}"

    @property
    def reference(self) -> str:
        return f"AR-{self.number}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REQUEST_STATUSES

    def is_overdue_on(self, today: date) -> bool:
        """Past its due date with no report yet."""
        return self.status == RequestStatus.REQUESTED and self.due_date < today
