"""Loads the demo partnerships idempotently: running it again changes nothing."""

import base64
import hashlib
from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from auditlog.context import disable_auditlog
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from masa.accounts.models import Membership, User
from masa.demo.assurance_loader import load_assurance_demo
from masa.demo.assurance_requests_loader import load_assurance_requests_demo
from masa.demo.briefings_loader import load_briefings_demo
from masa.demo.case_audits_loader import load_case_audits_demo
from masa.demo.case_discussions_loader import load_case_discussions_demo
from masa.demo.effectiveness_loader import load_effectiveness_demo
from masa.demo.escalations_loader import load_escalations_demo
from masa.demo.governance_loader import load_governance_demo
from masa.demo.incidents_loader import load_learning_demo
from masa.demo.indicators_loader import load_all_indicators_demo
from masa.demo.load_day import move_live_dates
from masa.demo.restraint_loader import load_restraint_demo
from masa.demo.returns_loader import load_returns_demo
from masa.demo.reviews_loader import load_reviews_demo
from masa.demo.scrutiny_loader import load_scrutiny_demo
from masa.demo.section11_loader import load_section11_demo
from masa.demo.structure_data import PARTNERSHIPS
from masa.demo.training_loader import load_training_demo
from masa.demo.voice_loader import load_voice_demo
from masa.governance.models import Meeting
from masa.partnership.models import (
    Agency,
    Group,
    GroupMember,
    Objective,
    Partnership,
    PartnershipAgency,
    Person,
    Principle,
    Priority,
    StrategicPlan,
    Value,
)

# Demo accounts only: printed by `make demo`, refused outside debug/test settings.
DEMO_PASSWORD = "masa-demo-password"  # noqa: S105


def demo_totp_secret(email: str) -> str:
    """A TOTP secret derived from the email, so the demo can print it and stay idempotent."""
    digest = hashlib.sha256(f"masa-demo:{email}".encode()).digest()[:20]
    return base64.b32encode(digest).decode()


@dataclass
class DemoLogin:
    partnership: str
    role: str
    email: str
    totp_secret: str | None


def _upsert(model, lookup: dict, values: dict):
    """Create or update a row; save only when something changed (keeps re-runs quiet)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = [k for k, v in values.items() if getattr(obj, k) != v]
    if changed:
        for k in changed:
            setattr(obj, k, values[k])
        obj.save(update_fields=[*changed, "updated_at"] if hasattr(obj, "updated_at") else changed)
    return obj


def _user_for(person: dict, role: str, mfa_roles: set[str], password_hash: str) -> User:
    user = User.objects.filter(email=person["email"]).first()
    if user is None:
        # Hash the shared demo password once, not once per user (hashing is slow by design).
        user = User.objects.create(email=person["email"], full_name=person["name"], password=password_hash)
    if (
        role in mfa_roles
        and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    ):
        TOTP.activate(user, demo_totp_secret(user.email))
        RecoveryCodes.activate(user)
    return user


def _load_partnership(data: dict, mfa_roles: set[str], password_hash: str) -> list[DemoLogin]:
    partnership = _upsert(
        Partnership,
        {"slug": data["slug"]},
        {
            "name": data["name"],
            "short_name": data["short_name"],
            "local_authority": data["local_authority"],
            "la_code": data["la_code"],
            "vision": data["vision"],
        },
    )
    owned = {"partnership": partnership}
    for order, item in enumerate(data["values"], start=1):
        _upsert(
            Value, {**owned, "title": item["title"]}, {"description": item["description"], "order": order}
        )
    for order, item in enumerate(data["principles"], start=1):
        _upsert(
            Principle, {**owned, "title": item["title"]}, {"description": item["description"], "order": order}
        )

    agencies: dict[str, Agency] = {}
    for item in data["agencies"]:
        agency = _upsert(Agency, {"name": item["name"]}, {"agency_type": item["type"]})
        agencies[item["key"]] = agency
        _upsert(
            PartnershipAgency,
            {**owned, "agency": agency},
            {"status": item["status"], "description": item["description"]},
        )

    people: dict[str, Person] = {}
    logins: list[DemoLogin] = []
    for item in data["people"]:
        user = None
        if item["role"]:
            user = _user_for(item, item["role"], mfa_roles, password_hash)
            _upsert(
                Membership,
                {"user": user, "partnership": partnership},
                {"role": item["role"], "agency": agencies[item["agency"]], "is_active": True},
            )
            logins.append(
                DemoLogin(
                    partnership=partnership.slug,
                    role=item["role"],
                    email=user.email,
                    totp_secret=demo_totp_secret(user.email) if item["role"] in mfa_roles else None,
                )
            )
        people[item["key"]] = _upsert(
            Person,
            {**owned, "email": item["email"]},
            {
                "name": item["name"],
                "job_title": item["job_title"],
                "agency": agencies[item["agency"]],
                "user": user,
            },
        )

    groups: dict[str, Group] = {}
    for order, item in enumerate(data["groups"], start=1):
        groups[item["key"]] = _upsert(
            Group,
            {**owned, "name": item["name"]},
            {
                "short_name": item["short_name"],
                "kind": item["kind"],
                "purpose": item["purpose"],
                "people": item["people"],
                "process": item["process"],
                "chair": people.get(item["chair"]),
                "quorum": item["quorum"],
                "min_meetings_per_year": item["min_meetings_per_year"],
                "order": order,
            },
        )
    for item in data["groups"]:
        group = groups[item["key"]]
        _upsert(Group, {"pk": group.pk}, {"reports_to": groups.get(item["reports_to"] or "")})
        for person_key, member_type in item["members"]:
            _upsert(
                GroupMember,
                {**owned, "group": group, "person": people[person_key]},
                {"member_type": member_type},
            )

    for item in data["plans"]:
        plan = _upsert(
            StrategicPlan,
            {**owned, "start_year": item["start_year"]},
            {"title": item["title"], "end_year": item["end_year"]},
        )
        for order, pr in enumerate(item["priorities"], start=1):
            priority = _upsert(
                Priority,
                {**owned, "plan": plan, "order": order},
                {"title": pr["title"], "description": pr["description"]},
            )
            for obj_order, text in enumerate(pr["objectives"], start=1):
                _upsert(Objective, {**owned, "priority": priority, "order": obj_order}, {"text": text})
    return logins


def load_demo() -> list[DemoLogin]:
    """Load all demo partnerships. Returns the demo logins (all roles, all partnerships)."""
    mfa_roles = set(settings.MASA_MFA_ROLES)
    logins: list[DemoLogin] = []
    password_hash = make_password(DEMO_PASSWORD)
    loaded_at = timezone.now()
    # Demo loading is not a user's action: keep it out of the audit log.
    with transaction.atomic(), disable_auditlog():
        first_load = not Meeting.objects.filter(partnership__slug="hounslow").exists()
        for data in PARTNERSHIPS:
            logins.extend(_load_partnership(data, mfa_roles, password_hash))
        load_governance_demo()
        load_returns_demo()
        # After the returns, so the dataset includes the figures computed from them.
        load_all_indicators_demo()
        load_learning_demo()
        hounslow = Partnership.objects.filter(slug="hounslow").first()
        if hounslow is not None:
            load_reviews_demo(hounslow)
            # After the reviews, so each briefing can link to the review it came from.
            load_briefings_demo(hounslow)
        # After the reviews (so their actions keep their numbers), before the live dates move.
        load_assurance_demo()
        # The Section 11 self-assessments of 2023-24, after the inspections' actions.
        load_section11_demo()
        load_assurance_requests_demo()
        # Hounslow's effectiveness review of 2023: its figures are frozen from the history above.
        load_effectiveness_demo()
        # Multi-agency audits: Hounslow's of 2020 and 2023, Ealing's and Hillingdon's.
        load_case_audits_demo()
        # The voice of children and families: Hounslow's Youth Council and Corporate Parenting
        # Board, after the actions their entries link to.
        load_voice_demo()
        # Hounslow's professional escalations of 2023-24.
        load_escalations_demo()
        # Restraint and use of force at HMYOI Feltham in 2023-24 (Hounslow only).
        load_restraint_demo()
        # Hounslow's four local case discussions of 2023-24, after the meetings and the themes.
        load_case_discussions_demo()
        # Hounslow's independent scrutiny of 2024-25 and its 2023-24 statement of assurance.
        load_scrutiny_demo()
        # Hounslow's multi-agency training: the needs analysis of November 2023, the programme
        # launched in March 2024, and the coming term's sessions.
        load_training_demo()
        if hounslow is not None and first_load:
            move_live_dates(hounslow, load_day=timezone.localdate(loaded_at), loaded_at=loaded_at)
    return logins
