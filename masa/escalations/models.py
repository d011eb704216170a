"""Professional escalations (docs/domain.md, "Professional escalations").

When professionals of different agencies cannot agree about a child's care, the partnership's
escalation policy (the arrangements, "Professional Escalation") asks them to resolve it locally in
up to three stages: between the practitioners, then their managers, then the agencies' senior
managers and safeguarding leads, with the partnership's help. masa records who raised it (their
agency and role: the raising user is kept for permissions but shown to no one else), the
agencies involved, the child's pseudonymised reference if any, the stage reached and the date
each stage started, the resolution and the themes; the Board sees the counts and the time taken.
"""

from django.conf import settings
from django.db import models

from masa.partnership.models import Agency, PartnershipOwned


class Stage(models.IntegerChoices):
    PRACTITIONERS = 1, "Stage 1: between the practitioners"
    MANAGERS = 2, "Stage 2: between the managers"
    SENIOR = 3, "Stage 3: senior managers and safeguarding leads, with the partnership"


class Escalation(PartnershipOwned):
    raised_on = models.DateField("date raised")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    raised_by_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="escalations_raised", verbose_name="raising agency"
    )
    raised_by_role = models.CharField("raiser's role", max_length=100)
    agencies = models.ManyToManyField(Agency, related_name="escalations", verbose_name="agencies involved")
    child_reference = models.CharField("child's reference", max_length=100, blank=True)
    concern = models.TextField("what the disagreement is about")
    stage = models.PositiveSmallIntegerField(choices=Stage.choices, default=Stage.PRACTITIONERS)
    stage2_on = models.DateField("date stage 2 started", null=True, blank=True)
    stage3_on = models.DateField("date stage 3 started", null=True, blank=True)
    resolution = models.TextField(blank=True)
    resolved_on = models.DateField("date resolved", null=True, blank=True)
    themes = models.ManyToManyField("reviews.Theme", related_name="escalations", blank=True)
    action = models.OneToOneField(
        "actions.Action",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="escalation_record",
    )

    class Meta:
        ordering = ["-raised_on", "-created_at"]
        indexes = [models.Index(fields=["partnership", "raised_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(stage__gte=1, stage__lte=3), name="escalation_stage_range"
            ),
            models.CheckConstraint(
                condition=models.Q(resolved_on__isnull=True)
                | models.Q(resolved_on__gte=models.F("raised_on")),
                name="escalation_resolved_after_raised",
            ),
        ]

    def __str__(self) -> str:
        return f"Escalation raised {self.raised_on:%d %B %Y}"

    @property
    def is_resolved(self) -> bool:
        return self.resolved_on is not None

    @property
    def days_to_resolve(self) -> int | None:
        return (self.resolved_on - self.raised_on).days if self.resolved_on else None

    def stage_started(self, stage: int):
        return {1: self.raised_on, 2: self.stage2_on, 3: self.stage3_on}.get(stage)

    @property
    def stage_dates(self) -> list[tuple[int, str, object]]:
        """(stage, label, date started) for each stage reached."""
        return [(s.value, s.label, self.stage_started(s.value)) for s in Stage if s.value <= self.stage]
