"""The local case discussions on a theme's page (masa/reviews/theme_sections.py), each shown as
far as the user may see it (masa/case_discussions/rules.py)."""

from typing import Any

from masa.case_discussions import selectors
from masa.case_discussions.rules import VIEW_DISCUSSIONS
from masa.reviews.models import Theme
from masa.reviews.theme_sections import ThemeSection, register


@register
def discussions_with_theme(user: Any, theme: Theme) -> ThemeSection | None:
    if not user.has_perm(VIEW_DISCUSSIONS, theme.partnership):
        return None
    return ThemeSection(
        "case_discussions/_theme_section.html",
        {"discussions": selectors.theme_discussions(user, theme)},
    )
