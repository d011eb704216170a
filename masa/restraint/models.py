"""Restraint and use of force at a young offender institution (docs/domain.md, "Restraint and
use of force at HMYOI Feltham").

The partnership records, for each establishment in its area, who oversees it (a group of the
arrangements: Hounslow's FYOI Group oversees HMYOI Feltham), the figures of each quarter (incidents
of restraint or use of force by type, injuries to children, the children involved by age band and
by ethnicity, themes and concerns), and the group's yearly review of restraint to the Board, linked
to the tracker actions that follow it. The types of restraint are the partnership's own list.
"""

from django.conf import settings
from django.db import models

from masa.partnership.models import Group, PartnershipOwned


class Establishment(PartnershipOwned):
    """A secure establishment for children in the partnership's area, and the group overseeing it."""

    name = models.CharField(max_length=200)
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="unique_establishment_name"),
        ]

    def __str__(self) -> str:
        return self.name


class RestraintType(PartnershipOwned):
    """A type of restraint or use of force the partnership counts (its own list)."""

    name = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="unique_restraint_type_name"),
        ]

    def __str__(self) -> str:
        return self.name


# The children involved by age band and by ethnicity (the census's five high-level groups, and
# "Not known"). The keys are stored in each quarter's counts.
AGE_BANDS = [
    ("14_under", "14 and under"),
    ("15", "15"),
    ("16", "16"),
    ("17", "17"),
    ("18_over", "18 and over"),
]
ETHNICITIES = [
    ("asian", "Asian or Asian British"),
    ("black", "Black, Black British, Caribbean or African"),
    ("mixed", "Mixed or multiple ethnic groups"),
    ("white", "White"),
    ("other", "Other ethnic group"),
    ("not_known", "Not known"),
]
QUARTER_MONTHS = {1: "April to June", 2: "July to September", 3: "October to December", 4: "January to March"}


def quarter_label(year: int, quarter: int) -> str:
    """ "April to June 2023" for the first quarter of the year starting April 2023."""
    return f"{QUARTER_MONTHS[quarter]} {year + 1 if quarter == 4 else year}"


def year_label(year: int) -> str:
    """ "2023 to 2024" for the reporting year starting April 2023."""
    return f"{year} to {year + 1}"


class RestraintQuarter(PartnershipOwned):
    """One quarter's restraint and use-of-force figures for an establishment."""

    establishment = models.ForeignKey(Establishment, on_delete=models.PROTECT, related_name="quarters")
    # The reporting year (1 April to 31 March) by the calendar year it starts in, and its quarter.
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField(choices=[(q, f"Quarter {q}") for q in QUARTER_MONTHS])
    incidents = models.PositiveIntegerField()
    injuries = models.PositiveIntegerField()
    children = models.PositiveIntegerField()
    by_age = models.JSONField(default=dict, blank=True)
    by_ethnicity = models.JSONField(default=dict, blank=True)
    themes = models.TextField(blank=True)
    concerns = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["year", "quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["establishment", "year", "quarter"], name="one_return_per_quarter"
            ),
            models.CheckConstraint(
                condition=models.Q(injuries__lte=models.F("incidents")), name="injuries_within_incidents"
            ),
            models.CheckConstraint(condition=models.Q(quarter__gte=1, quarter__lte=4), name="quarter_1_to_4"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return quarter_label(self.year, self.quarter)

    @property
    def short_label(self) -> str:
        return f"Q{self.quarter} {self.year}-{(self.year + 1) % 100:02d}"


class RestraintTypeCount(PartnershipOwned):
    quarter_return = models.ForeignKey(RestraintQuarter, on_delete=models.CASCADE, related_name="type_counts")
    restraint_type = models.ForeignKey(RestraintType, on_delete=models.PROTECT, related_name="+")
    count = models.PositiveIntegerField()

    class Meta:
        ordering = ["restraint_type__order", "restraint_type__name"]
        constraints = [
            models.UniqueConstraint(fields=["quarter_return", "restraint_type"], name="one_count_per_type"),
        ]

    def __str__(self) -> str:
        return f"{self.restraint_type}: {self.count}"


class RestraintReview(PartnershipOwned):
    """The overseeing group's yearly review of restraint to the Board, for a reporting year."""

    establishment = models.ForeignKey(Establishment, on_delete=models.PROTECT, related_name="reviews")
    year = models.PositiveSmallIntegerField()
    summary = models.TextField()
    themes = models.TextField(blank=True)
    concerns = models.TextField(blank=True)
    recommendations = models.TextField(blank=True)
    presented_on = models.DateField(null=True, blank=True)
    actions = models.ManyToManyField("actions.Action", blank=True, related_name="restraint_reviews")

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["establishment", "year"], name="one_review_per_year"),
        ]

    def __str__(self) -> str:
        return f"Review of restraint {self.year_label}"

    @property
    def year_label(self) -> str:
        return year_label(self.year)
