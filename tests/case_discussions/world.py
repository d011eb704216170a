"""A partnership with a cases group (a member who records for it, and a member of another group),
the senior roles, a scrutineer, a practitioner, two themes, a meeting of the cases group, and
two discussions: one shared with practitioners, one not."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone

from masa.accounts.models import Role, User
from masa.case_discussions import services
from masa.case_discussions.models import CaseDiscussion, Decision
from masa.governance.models import Meeting
from masa.partnership.models import Agency, Group, Partnership, Person
from masa.reviews.models import Theme
from tests.factories import (
    SETUP,
    GroupFactory,
    GroupMemberFactory,
    PartnershipAgencyFactory,
    PartnershipFactory,
    PersonFactory,
    member,
)

TODAY = timezone.localdate()
DAY = TODAY - timedelta(days=30)


@dataclass
class DiscussionWorld:
    partnership: Partnership
    agency: Agency
    cases_group: Group
    other_group: Group
    business_team: User
    lsp: User
    recorder: User  # a group member who sits on the cases group
    recorder_person: Person
    outsider: User  # a group member who sits on another group only
    scrutineer: User
    practitioner: User
    themes: list[Theme]
    meeting: Meeting
    shared: CaseDiscussion  # shared with practitioners, theme 0, with the meeting
    private: CaseDiscussion  # not shared, theme 1


def seated(p: Partnership, group: Group, role: str, email: str) -> tuple[User, Person]:
    user = member(p, role, mfa=False, email=email)
    person = PersonFactory(partnership=p, user=user, name=f"Person {email}")
    GroupMemberFactory(group=group, person=person)
    return user, person


def make_world(slug: str) -> DiscussionWorld:
    p = PartnershipFactory(slug=slug)
    agency = PartnershipAgencyFactory(partnership=p).agency
    cases_group = GroupFactory(partnership=p, name="Cases Sub-Group")
    other_group = GroupFactory(partnership=p, name="Training Group")
    recorder, recorder_person = seated(p, cases_group, Role.MEMBER, f"cd-rec-{slug}@example.org")
    outsider, _ = seated(p, other_group, Role.MEMBER, f"cd-out-{slug}@example.org")
    themes = [
        Theme.objects.create(partnership=p, name="Online harm", slug="online-harm"),
        Theme.objects.create(partnership=p, name="Think family", slug="think-family"),
    ]
    starts = timezone.make_aware(datetime.combine(DAY, time(10)))
    meeting = Meeting.objects.create(
        partnership=p, group=cases_group, starts_at=starts, ends_at=starts + timedelta(hours=2)
    )
    shared = services.discussion_record(
        actor=SETUP,
        partnership=p,
        reference="Child A",
        group=cases_group,
        discussed_on=None,
        meeting=meeting,
        referring_agency=agency,
        decision=Decision.SINGLE_AGENCY,
        themes=[themes[0]],
        learning="Supporting young people to keep themselves safe online.",
        is_shareable=True,
    )
    private = services.discussion_record(
        actor=SETUP,
        partnership=p,
        reference="Child B",
        group=cases_group,
        discussed_on=DAY - timedelta(days=60),
        referring_agency=agency,
        decision=Decision.NO_FURTHER_ACTION,
        themes=[themes[1]],
        learning="Work with adult agencies to think family.",
    )
    return DiscussionWorld(
        partnership=p,
        agency=agency,
        cases_group=cases_group,
        other_group=other_group,
        business_team=member(p, Role.BUSINESS_TEAM, email=f"cd-bt-{slug}@example.org"),
        lsp=member(p, Role.LSP, email=f"cd-lsp-{slug}@example.org"),
        recorder=recorder,
        recorder_person=recorder_person,
        outsider=outsider,
        scrutineer=member(p, Role.SCRUTINEER, email=f"cd-scr-{slug}@example.org"),
        practitioner=member(p, Role.PRACTITIONER, mfa=False, email=f"cd-prac-{slug}@example.org"),
        themes=themes,
        meeting=meeting,
        shared=shared,
        private=private,
    )
