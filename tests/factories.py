"""factory-boy factories for masa's records."""

from datetime import date

import factory
from allauth.mfa.totp.internal.auth import TOTP

from masa.accounts.models import Membership, User
from masa.core.actors import SystemActor
from masa.incidents.models import RapidReview, SeriousIncident
from masa.partnership.models import (
    Agency,
    Group,
    GroupMember,
    Partnership,
    PartnershipAgency,
    Person,
)

TEST_PASSWORD = "correct-horse-battery-staple"
TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    slug = factory.Sequence(lambda n: f"partnership-{n}")
    name = factory.Sequence(lambda n: f"Borough {n} Safeguarding Children Partnership")
    short_name = "BSCP"
    local_authority = factory.Sequence(lambda n: f"London Borough {n}")
    vision = "Every child is safe."


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Agency {n}")
    agency_type = "health"


class PartnershipAgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnershipAgency

    partnership = factory.SubFactory(PartnershipFactory)
    agency = factory.SubFactory(AgencyFactory)
    status = "relevant_agency"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Person {n}")
    job_title = "Safeguarding lead"
    agency = factory.LazyAttribute(lambda o: PartnershipAgencyFactory(partnership=o.partnership).agency)
    email = factory.Sequence(lambda n: f"person{n}@example.org")


#: The actor of records a test sets up before the behaviour it checks.
SETUP = SystemActor("masa: test setup")


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Group {n}")
    purpose = "To assure the partnership."
    people = "Senior leaders from each agency."
    process = "Meets quarterly."


class SeriousIncidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SeriousIncident

    partnership = factory.SubFactory(PartnershipFactory)
    reference = factory.Sequence(lambda n: f"SI-2023-{n:02d}")
    category = "serious_harm"
    date_aware = date(2023, 11, 1)


class RapidReviewFactory(factory.django.DjangoModelFactory):
    """A rapid review (a learning review of kind rapid review) of its own serious incident."""

    class Meta:
        model = RapidReview

    partnership = factory.SubFactory(PartnershipFactory)
    incident = factory.SubFactory(SeriousIncidentFactory, partnership=factory.SelfAttribute("..partnership"))
    kind = "rapid_review"
    reference = factory.LazyAttribute(lambda review: f"RR-{review.incident.reference}")
    title = factory.LazyAttribute(lambda review: f"Rapid review {review.incident.reference}")
    status = "completed"


class GroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMember

    group = factory.SubFactory(GroupFactory)
    partnership = factory.SelfAttribute("group.partnership")
    person = factory.LazyAttribute(lambda o: PersonFactory(partnership=o.group.partnership))
    member_type = "voting"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


def member(partnership: Partnership, role: str, *, mfa: bool = True, **user_fields) -> User:
    """A user with a role in the partnership (with TOTP set up, unless mfa=False)."""
    user = UserFactory(**user_fields)
    Membership.objects.create(user=user, partnership=partnership, role=role)
    if mfa:
        TOTP.activate(user, TEST_TOTP_SECRET)
    return user
