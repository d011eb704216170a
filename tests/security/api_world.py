"""A partnership with data behind every API operation, and a business-team member's API token.

The member has set up TOTP (as every business-team member must) and signs the API in with a
personal token, as a program would.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from masa.accounts import services as account_services
from masa.actions import services as action_services
from masa.actions.models import Action, ActionSource
from masa.assurance import services as assurance_services
from masa.partnership.models import Group
from tests.factories import SETUP, GroupFactory, PersonFactory
from tests.indicators.datacall_world import World, build_world

BASE = "/api/v1/partnerships/alpha"


@dataclass
class ApiWorld:
    data: World
    group: Group
    action: Action
    token: str

    @property
    def auth(self) -> dict[str, str]:
        """Django test client keyword arguments."""
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token}"}

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def submission_url(self) -> str:
        return f"{BASE}/data-calls/{self.data.call.uuid}/submissions/{self.data.police.uuid}"


def build_api_world() -> ApiWorld:
    data = build_world("alpha")
    partnership = data.partnership
    group = GroupFactory(partnership=partnership, name="Board")
    owner = PersonFactory(partnership=partnership, agency=data.police)
    action = action_services.action_create(
        actor=SETUP,
        partnership=partnership,
        title="Audit the front door",
        owner=owner,
        due_date=timezone.localdate() + timedelta(days=30),
        source=ActionSource.ESCALATION,
        group=group,
    )
    inspection = assurance_services.inspection_save(
        actor=SETUP,
        partnership=partnership,
        kind="ofsted_ilacs",
        title="Ofsted ILACS inspection",
        start_date=timezone.localdate() - timedelta(days=60),
        overall_judgement="Good",
    )
    assurance_services.judgement_save(actor=SETUP, inspection=inspection, area="Leadership", judgement="Good")
    assurance_services.finding_save(
        actor=SETUP,
        inspection=inspection,
        kind="recommendation",
        text="Strengthen return home interviews",
        owner=owner,
        due_date=timezone.localdate() + timedelta(days=90),
    )
    _, secret = account_services.api_token_create(actor=data.business, name="security checks")
    return ApiWorld(data, group, action, secret)
