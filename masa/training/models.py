"""Multi-agency training (docs/domain.md, "21. Multi-agency training").

The training coordinator (the business team) asks each agency what training its staff need (a
training needs analysis), plans courses from the answers and the partnership's priorities, and
runs sessions of them. Practitioners book places (a full session takes them on a waiting list, in
the order they asked), the trainer takes the register, no-shows and late cancellations are charged
to the agency by the partnership's policy, attendees get a certificate and an evaluation form,
and some weeks later an impact follow-up asks them and their manager what changed in practice.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from masa.partnership.models import Agency, PartnershipOwned, Priority
from masa.reviews.models import Theme


class TrainingPolicy(PartnershipOwned):
    """The partnership's charging and follow-up policy: one per partnership."""

    cancellation_cutoff_days = models.PositiveSmallIntegerField(
        "cancellation cut-off (days before the session)",
        default=5,
        help_text="A place cancelled fewer than this many days before the session is charged",
    )
    no_show_charge = models.DecimalField(
        "charge for a no-show (£)", max_digits=7, decimal_places=2, default=Decimal("50.00")
    )
    late_cancellation_charge = models.DecimalField(
        "charge for a late cancellation (£)", max_digits=7, decimal_places=2, default=Decimal("25.00")
    )
    follow_up_weeks = models.PositiveSmallIntegerField(
        "weeks after the session to ask about impact",
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(26)],
    )
    invoice_contact = models.CharField("who agencies ask about charges", max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partnership"], name="one_training_policy")]

    def __str__(self) -> str:
        return f"Training policy for {self.partnership}"


class RegistrationDomain(PartnershipOwned):
    """A work email domain (example.nhs.uk) whose holders may register themselves as practitioners
    of the agency, to book training."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    domain = models.CharField(max_length=200)

    class Meta:
        ordering = ["domain"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "domain"], name="unique_registration_domain")
        ]

    def __str__(self) -> str:
        return self.domain


# Training needs analysis -------------------------------------------------------------------


class Level(models.TextChoices):
    """Levels of safeguarding training, from awareness for everyone to advanced for specialists."""

    FOUNDATION = "foundation", "Foundation (awareness)"
    INTERMEDIATE = "intermediate", "Intermediate (working together)"
    ADVANCED = "advanced", "Advanced (specialist and managers)"


class NeedsAnalysis(PartnershipOwned):
    """A survey asking each agency how many of its staff need training on each topic, by level."""

    title = models.CharField(max_length=200)
    opens_on = models.DateField()
    closes_on = models.DateField()
    introduction = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-opens_on"]
        verbose_name_plural = "needs analyses"

    def __str__(self) -> str:
        return self.title


class NeedsTopic(PartnershipOwned):
    analysis = models.ForeignKey(NeedsAnalysis, on_delete=models.CASCADE, related_name="topics")
    name = models.CharField(max_length=200)
    priority = models.ForeignKey(Priority, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["analysis", "name"], name="unique_needs_topic")]

    def __str__(self) -> str:
        return self.name


class NeedsResponse(PartnershipOwned):
    """One agency's answer to a needs analysis."""

    analysis = models.ForeignKey(NeedsAnalysis, on_delete=models.CASCADE, related_name="responses")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    comments = models.TextField("other needs or comments", blank=True)

    class Meta:
        ordering = ["agency__name"]
        constraints = [models.UniqueConstraint(fields=["analysis", "agency"], name="one_needs_response")]

    def __str__(self) -> str:
        return f"{self.agency} – {self.analysis}"


class NeedsAnswer(PartnershipOwned):
    """How many of the agency's staff need training on a topic at a level."""

    response = models.ForeignKey(NeedsResponse, on_delete=models.CASCADE, related_name="answers")
    topic = models.ForeignKey(NeedsTopic, on_delete=models.CASCADE, related_name="answers")
    level = models.CharField(max_length=20, choices=Level.choices)
    staff = models.PositiveIntegerField("number of staff")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "topic", "level"], name="unique_needs_answer")
        ]


# Courses and sessions ----------------------------------------------------------------------


class ChargePolicy(models.TextChoices):
    STANDARD = "standard", "Charged for no-shows and late cancellations"
    FREE = "free", "Never charged"


class Course(PartnershipOwned):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    summary = models.TextField(help_text="A short description for the calendar")
    level = models.CharField(max_length=20, choices=Level.choices)
    audience = models.CharField("who it is for", max_length=300)
    learning_outcomes = models.TextField(help_text="One outcome per line")
    priorities = models.ManyToManyField(Priority, blank=True, related_name="+")
    themes = models.ManyToManyField(Theme, blank=True, related_name="+")
    needs_topics = models.ManyToManyField(NeedsTopic, blank=True, related_name="courses")
    cpd_hours = models.DecimalField("CPD hours", max_digits=4, decimal_places=1)
    trainer = models.CharField(max_length=200, help_text="The trainer or training team")
    charge_policy = models.CharField(
        max_length=20, choices=ChargePolicy.choices, default=ChargePolicy.STANDARD
    )
    is_published = models.BooleanField(default=False)

    class Meta:
        ordering = ["title"]
        constraints = [models.UniqueConstraint(fields=["partnership", "slug"], name="unique_course_slug")]

    def __str__(self) -> str:
        return self.title

    @property
    def outcomes(self) -> list[str]:
        return [line.strip() for line in self.learning_outcomes.splitlines() if line.strip()]


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    CANCELLED = "cancelled", "Cancelled"


class TrainingSession(PartnershipOwned):
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    venue = models.CharField(max_length=300, blank=True)
    online_link = models.URLField(blank=True)
    capacity = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    trainer = models.CharField(max_length=200, blank=True, help_text="If not the course's usual trainer")
    status = models.CharField(max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED)
    # Counted under the booking lock (services/booking.py) so capacity is checked on one row.
    booked_count = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["partnership", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course} – {self.starts_at:%d %B %Y}"

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.booked_count, 0)


# Bookings and the register -----------------------------------------------------------------


class BookingStatus(models.TextChoices):
    BOOKED = "booked", "Booked"
    WAITLISTED = "waitlisted", "On the waiting list"
    CANCELLED = "cancelled", "Cancelled"


class Attendance(models.TextChoices):
    ATTENDED = "attended", "Attended"
    LATE = "late", "Attended, late"
    NO_SHOW = "no_show", "Did not attend"


class Booking(PartnershipOwned):
    session = models.ForeignKey(TrainingSession, on_delete=models.PROTECT, related_name="bookings")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training_bookings"
    )
    # The agency charged: the person's agency when they booked.
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        help_text="Who made the booking: the person, or their agency lead booking for them",
    )
    manager_email = models.EmailField("manager's email", blank=True, help_text="For the impact follow-up")
    status = models.CharField(max_length=20, choices=BookingStatus.choices)
    # The waiting list is in the order people asked; a promotion keeps the original time.
    requested_at = models.DateTimeField()
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attendance = models.CharField(max_length=20, choices=Attendance.choices, blank=True)
    attendance_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    attendance_at = models.DateTimeField(null=True, blank=True)
    # When the attendee was sent their certificate and the evaluation form (after the register).
    evaluation_invited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "pk"]
        constraints = [
            # One live booking (booked or waitlisted) per person per session.
            models.UniqueConstraint(
                fields=["session", "person"],
                condition=~models.Q(status="cancelled"),
                name="one_live_booking_per_person",
            ),
        ]
        indexes = [models.Index(fields=["session", "status", "requested_at"])]

    def __str__(self) -> str:
        return f"{self.person} – {self.session}"

    @property
    def attended(self) -> bool:
        return self.attendance in (Attendance.ATTENDED, Attendance.LATE)


class ChargeReason(models.TextChoices):
    NO_SHOW = "no_show", "Did not attend"
    LATE_CANCELLATION = "late_cancellation", "Cancelled inside the cut-off"


class Charge(PartnershipOwned):
    """What an agency is charged for a place not used. The amount is fixed when the charge is made
    (a later change of policy does not rewrite old invoices); a waiver keeps the charge, with why."""

    booking = models.OneToOneField(Booking, on_delete=models.PROTECT, related_name="charge")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(max_length=30, choices=ChargeReason.choices)
    amount = models.DecimalField(max_digits=7, decimal_places=2)
    charged_on = models.DateField()
    waived_at = models.DateTimeField(null=True, blank=True)
    waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    waiver_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["charged_on", "pk"]

    def __str__(self) -> str:
        return f"£{self.amount} to {self.agency} ({self.get_reason_display()})"


# After the session -------------------------------------------------------------------------


ONE_TO_FIVE = [MinValueValidator(1), MaxValueValidator(5)]


class Evaluation(PartnershipOwned):
    """An attendee's evaluation of a session: confidence before and after, usefulness (1 to 5)."""

    booking = models.OneToOneField(Booking, on_delete=models.PROTECT, related_name="evaluation")
    confidence_before = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    confidence_after = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    usefulness = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    best_thing = models.TextField("what was most useful", blank=True)
    improvements = models.TextField("what could be better", blank=True)

    def __str__(self) -> str:
        return f"Evaluation of {self.booking}"


class FollowUpRespondent(models.TextChoices):
    ATTENDEE = "attendee", "Attendee"
    MANAGER = "manager", "Manager"


class ImpactFollowUp(PartnershipOwned):
    """An impact question sent to an attendee or their manager some weeks after the session. The
    link carries a secret of which only the hash is kept; it works once."""

    booking = models.ForeignKey(Booking, on_delete=models.PROTECT, related_name="follow_ups")
    respondent = models.CharField(max_length=20, choices=FollowUpRespondent.choices)
    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    due_on = models.DateField()
    sent_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    practice_changed = models.TextField("what has changed in practice", blank=True)
    outcome_for_children = models.TextField("difference for children and families", blank=True)
    may_quote = models.BooleanField("may be quoted anonymously", default=False)

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["booking", "respondent"], name="one_follow_up_per_respondent")
        ]

    def __str__(self) -> str:
        return f"Impact follow-up ({self.get_respondent_display()}) for {self.booking}"
