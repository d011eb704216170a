"""Imported statutory returns (CIN census, SSDA903), the 0-17 population, and pseudonym secrets.

Storage: one :class:`ReturnImport` per (partnership, LA, year, kind) upload, and one
:class:`ImportedRecord` row per CIN child or per 903 row it held, bulk-inserted. A record keeps
only what the indicators need, in a compact JSON payload, keyed by the child's pseudonym:
no names, postcodes, UPNs or LA child identifiers, and a date of birth only on 903 Header rows
(long-term stability needs the age at 31 March). Indicators are recomputed from these rows,
never from the original file, which is not kept.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models

from masa.core.actors import REASON_KEY
from masa.partnership.models import PartnershipOwned
from masa.returns.readers.cin import Assessment, CINChild, CINEpisode, CINPlan, CPPlan, Section47
from masa.returns.readers.leaving_out import left_out_text
from masa.returns.readers.ssda903 import ChildHeader, Episode, UASCRecord


class PseudonymSecret(PartnershipOwned):
    """The partnership's key for pseudonymising child identifiers (HMAC-SHA256).

    Generated at random on the first import and kept only in the database, so the same child
    gets the same key in every year's return without the identifier itself being stored.
    """

    secret = models.CharField(max_length=128, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership"], name="one_pseudonym_secret_per_partnership")
        ]

    def __str__(self) -> str:
        return f"Pseudonym secret for {self.partnership}"


class Population(PartnershipOwned):
    """The ONS mid-year estimate of children aged 0-17 in one LA, paired with a collection year."""

    la_code = models.CharField("DfE local authority code", max_length=3)
    year = models.CharField(max_length=7, help_text="Collection year, like 2023-24")
    children_0_17 = models.PositiveIntegerField()

    class Meta:
        ordering = ["la_code", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "la_code", "year"], name="one_population_per_la_and_year"
            )
        ]

    def __str__(self) -> str:
        return f"LA {self.la_code} {self.year}: {self.children_0_17} children aged 0-17"


class ReturnKind(models.TextChoices):
    CIN = "cin", "CIN census"
    SSDA903 = "ssda903", "SSDA903 (children looked after)"


class ImportStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    REPLACED = "replaced", "Replaced"


class ReturnImport(PartnershipOwned):
    """One accepted upload of a return. Replaced imports are kept, with their records."""

    la_code = models.CharField("DfE local authority code", max_length=3)
    year = models.CharField(max_length=7, help_text="Collection year, like 2023-24")
    kind = models.CharField(max_length=10, choices=ReturnKind.choices)
    file_names = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=ImportStatus.choices, default=ImportStatus.ACTIVE)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    #: Non-fatal problems (errors and warnings) found on reading, with child identifiers removed.
    problems = models.JSONField(default=list, blank=True)
    counts = models.JSONField(default=dict, blank=True)
    replaced_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replaces"
    )
    #: Children left out at the importer's request because of problems that would otherwise
    #: refuse the return (docs/decisions/0004-refusing-impossible-dates.md): one entry per child,
    #: ``{"child_key": pseudonym, "problems": [stored problems]}``; never an identifier or a name.
    children_left_out = models.JSONField(default=list, blank=True)
    children_left_out_count = models.PositiveIntegerField(default=0)
    children_left_out_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "la_code", "year", "kind"],
                condition=models.Q(status="active"),
                name="one_active_import_per_la_year_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year} for LA {self.la_code} ({self.status})"

    @property
    def children_left_out_text(self) -> str:
        """ "1 child left out", "3 children left out", or "" when none were."""
        return left_out_text(self.children_left_out_count) if self.children_left_out_count else ""

    def get_additional_data(self) -> dict:
        # The audit log says who chose to leave children out, and how many (docs/decisions/0004).
        data = super().get_additional_data()
        if self.children_left_out_count:
            data[REASON_KEY] = (
                f"{self.children_left_out_text} at the importer's request: their problems would "
                "otherwise have refused the return"
            )
        return data


class JobStatus(models.TextChoices):
    CONFIRM = "confirm", "Waiting for confirmation"
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Imported"
    REFUSED = "refused", "Refused"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"


FINISHED_STATUSES = frozenset({JobStatus.SUCCEEDED, JobStatus.REFUSED, JobStatus.FAILED, JobStatus.CANCELLED})


class ReturnImportJob(PartnershipOwned):
    """One upload through the browser or the API, imported by a background task.

    The files wait in the private upload area (never under MEDIA_ROOT) until the task has read
    them, and are deleted then, whatever the outcome, except after a refusal that could be set
    aside by leaving some children out: then they wait for the user's answer (a day, until the
    next upload). ``problems`` holds the refusal's problem
    list (or the import's warnings and errors), with child identifiers removed.
    """

    kind = models.CharField(max_length=10, choices=ReturnKind.choices)
    la_code = models.CharField("DfE local authority code", max_length=3)
    year = models.CharField(max_length=7)
    file_names = models.JSONField(default=list)
    replace = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True)
    return_import = models.ForeignKey(
        ReturnImport, on_delete=models.SET_NULL, null=True, blank=True, related_name="jobs"
    )
    problems = models.JSONField(default=list, blank=True)
    problem_count = models.PositiveIntegerField(default=0)
    #: On a refused job: how many children the return could be imported without (0 when a
    #: problem is about the file itself). The files are kept until the answer, or a day.
    children_to_leave_out = models.PositiveIntegerField(default=0)
    #: Import without the children whose problems would refuse the return, and who chose that.
    leave_out_children = models.BooleanField(default=False)
    left_out_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Upload of the {self.get_kind_display()} {self.year} for LA {self.la_code} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in FINISHED_STATUSES


class RecordType(models.TextChoices):
    CIN_CHILD = "cin_child", "CIN census child"
    EPISODE = "episode", "903 episode"
    HEADER = "header", "903 header"
    UASC = "uasc", "903 UASC"


def _d(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _p(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


class ImportedRecord(PartnershipOwned):
    """One pseudonymised record of an import, in a compact JSON payload (see the encoders)."""

    return_import = models.ForeignKey(ReturnImport, on_delete=models.CASCADE, related_name="records")
    record_type = models.CharField(max_length=10, choices=RecordType.choices)
    child_key = models.CharField(max_length=64, db_index=True)
    payload = models.JSONField()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_record_type_display()} {self.child_key[:8]}…"

    # -- encoding: plain lists of ISO dates and codes, decoded back into the reader's records --

    @staticmethod
    def encode_cin_child(child: CINChild) -> dict[str, Any]:
        return {
            "sex": child.sex,
            "age": child.age_at_reference,
            "unborn": child.unborn,
            "eps": [
                [
                    _d(ep.referral),
                    _d(ep.closure),
                    ep.nfa,
                    _d(ep.transfer_in_icpc),
                    [[_d(a.start), _d(a.authorised)] for a in ep.assessments],
                    [[_d(s.start), _d(s.icpc), s.icpc_not_required] for s in ep.section47s],
                    [
                        [_d(p.start), _d(p.end), p.initial_category, p.latest_category, p.previous_plans]
                        for p in ep.cp_plans
                    ],
                    [[_d(p.start), _d(p.end)] for p in ep.cin_plans],
                ]
                for ep in child.episodes
            ],
        }

    @staticmethod
    def encode_episode(ep: Episode) -> dict[str, Any]:
        return {
            "decom": _d(ep.decom),
            "rne": ep.rne,
            "ls": ep.ls,
            "place": ep.place,
            "provider": ep.place_provider,
            "dec": _d(ep.dec),
        }  # URN and postcodes are not kept: no indicator needs them

    @staticmethod
    def encode_header(header: ChildHeader) -> dict[str, Any]:
        return {"sex": header.sex, "dob": _d(header.dob)}

    @staticmethod
    def encode_uasc(record: UASCRecord) -> dict[str, Any]:
        return {"duc": _d(record.duc)}  # the date of birth is not needed

    def as_cin_child(self, position: int = 0) -> CINChild:
        p = self.payload
        episodes = tuple(
            CINEpisode(
                _p(ref),
                _p(closure),
                nfa,
                _p(transfer),
                tuple(Assessment(_p(a), _p(b)) for a, b in assessments),
                tuple(Section47(_p(a), _p(b), c) for a, b, c in s47s),
                tuple(CPPlan(_p(a), _p(b), c, d, e) for a, b, c, d, e in cpps),
                tuple(CINPlan(_p(a), _p(b)) for a, b in cin_plans),
            )
            for ref, closure, nfa, transfer, assessments, s47s, cpps, cin_plans in p["eps"]
        )
        return CINChild(
            key=self.child_key,
            position=position,
            sex=p.get("sex"),
            age_at_reference=p.get("age"),
            unborn=bool(p.get("unborn")),
            episodes=episodes,
        )

    def as_episode(self) -> Episode:
        p = self.payload
        decom = _p(p["decom"])
        assert decom is not None
        return Episode(self.child_key, decom, p["rne"], p["ls"], p["place"], p["provider"], _p(p["dec"]), "")

    def as_header(self) -> ChildHeader:
        return ChildHeader(self.child_key, self.payload.get("sex", ""), _p(self.payload.get("dob")))

    def as_uasc(self) -> UASCRecord:
        return UASCRecord(self.child_key, None, _p(self.payload.get("duc")))
