"""The menu as data: every entry with its label, URL name and the permission that shows it.

The context processor (`masa.accounts.context_processors.navigation`) keeps the entries the
signed-in user holds the permission for, and base.html renders what is left, with no role logic
of its own. Permissions are named as strings because each is registered by the app that owns
the page (masa/<app>/rules.py), above accounts in the layers; tests/security checks that each
name is registered and that the menu every role sees is unchanged.
"""

from dataclasses import dataclass

import rules
from django.urls import reverse

from masa.core.access import SIGNED_IN
from masa.partnership.models import Partnership


@dataclass(frozen=True)
class MenuEntry:
    label: str
    url_name: str
    permission: str
    # True: a page of the partnership being worked in, at /p/<slug>/..., checked against it.
    in_partnership: bool = True


MENU: tuple[MenuEntry, ...] = (
    MenuEntry("Home", "dashboards:home", "partnership.view_home"),
    MenuEntry("Structure", "structure:structure", "partnership.view_structure"),
    MenuEntry("Meetings", "governance:meeting_list", "governance.view_meetings"),
    MenuEntry("Actions", "actions:action_list", "actions.view_actions"),
    MenuEntry("Performance", "dashboards:index", "indicators.view_indicators"),
    MenuEntry("Learning", "reviews:review_list", "reviews.view_reviews"),
    # Practitioners' "Learning" is the published briefings and reviews (docs/domain.md, "10.").
    MenuEntry("Learning", "briefings:learning", "briefings.learning_menu"),
    MenuEntry("Inspections", "assurance:inspection_list", "assurance.view_inspections"),
    MenuEntry("Assurance requests", "assurance:request_list", "assurance.view_assurance_requests"),
    MenuEntry("Data calls", "indicators:data_call_list", "indicators.submit_indicators"),
    MenuEntry("Statutory returns", "returns:return_list", "returns.manage_returns"),
    MenuEntry("Users", "accounts:user_list", "accounts.manage_users"),
    MenuEntry("Audit log", "audit:log", "audit.view_log"),
    MenuEntry(
        "Bank holidays", "bank_holidays:holiday_list", "bank_holidays.administer", in_partnership=False
    ),
    MenuEntry("My actions", "actions:my_actions", SIGNED_IN, in_partnership=False),
    MenuEntry("Your account", "accounts:profile", SIGNED_IN, in_partnership=False),
)


@dataclass(frozen=True)
class MenuLink:
    label: str
    url: str


def menu_for(user, partnership: Partnership | None) -> list[MenuLink]:
    """The entries this signed-in user may see, inside `partnership` if they are working in one.

    The registry is asked directly (`rules.has_perm`) so the menu follows the user's role in the
    partnership; an administrator's superuser status opens pages but does not add menu entries.
    """
    links = []
    for entry in MENU:
        if entry.in_partnership:
            if partnership is None or not rules.has_perm(entry.permission, user, partnership):
                continue
            url = reverse(entry.url_name, args=[partnership.slug])
        else:
            if entry.permission != SIGNED_IN and not rules.has_perm(entry.permission, user, None):
                continue
            url = reverse(entry.url_name)
        links.append(MenuLink(entry.label, url))
    return links
