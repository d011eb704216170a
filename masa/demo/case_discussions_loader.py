"""Load Hounslow's local case discussions of 2023-24 (masa/demo/case_discussions_data.py).

Through the services the Cases Sub-Group uses: the themes the partnership has none for are
added as the business team would, each discussion is recorded at its meeting, and the actions
that meeting agreed on the case are held by it (not added to the tracker twice). Idempotent: a
discussion already recorded is left alone.
"""

from masa.actions.models import Action
from masa.case_discussions import services
from masa.case_discussions.models import CaseDiscussion
from masa.demo.actor import DEMO_LOADER
from masa.demo.case_audits_loader import _Directory
from masa.demo.case_discussions_data import GROUP, HOUNSLOW_DISCUSSIONS, NEW_THEMES, THEME_MAP
from masa.governance.models import Meeting
from masa.partnership.models import Partnership
from masa.reviews import services as review_services
from masa.reviews.models import DEFAULT_THEMES, Theme


def _themes(partnership: Partnership) -> dict[str, Theme]:
    themes = {t.slug: t for t in Theme.objects.filter(partnership=partnership)}
    for slug, name in DEFAULT_THEMES:
        if slug not in themes:
            themes[slug] = review_services.theme_create(
                actor=DEMO_LOADER, partnership=partnership, name=name, slug=slug
            )
    for slug, name, description in NEW_THEMES:
        if slug not in themes:
            themes[slug] = review_services.theme_create(
                actor=DEMO_LOADER, partnership=partnership, name=name, slug=slug, description=description
            )
    return themes


def _learning(data: dict) -> str:
    lines = "\n".join(f"- {theme}" for theme in data["themes"])
    return f"Learning themes identified:\n{lines}\n\n{data['closing']}"


def load_case_discussions_demo() -> list[CaseDiscussion]:
    partnership = Partnership.objects.filter(slug="hounslow").first()
    if partnership is None:
        return []
    directory = _Directory(partnership)
    group = directory.groups[GROUP]
    themes = _themes(partnership)
    discussions = []
    for data in HOUNSLOW_DISCUSSIONS:
        found = CaseDiscussion.objects.filter(
            partnership=partnership, reference=data["reference"], discussed_on=data["discussed_on"]
        ).first()
        if found is not None:
            discussions.append(found)
            continue
        meeting = Meeting.objects.filter(
            group=group, starts_at__date=data["discussed_on"], is_deleted=False
        ).first()
        slugs = dict.fromkeys(slug for theme in data["themes"] for slug in THEME_MAP[theme])
        discussion = services.discussion_record(
            actor=DEMO_LOADER,
            partnership=partnership,
            reference=data["reference"],
            group=group,
            discussed_on=data["discussed_on"],
            meeting=meeting,
            referring_agency=directory.agencies[data["agency"]],
            decision=data["decision"],
            themes=[themes[slug] for slug in slugs],
            learning=_learning(data),
            is_shareable=True,
        )
        for title in data["actions"]:
            action = Action.objects.get(partnership=partnership, meeting_item__meeting=meeting, title=title)
            services.action_link(actor=DEMO_LOADER, discussion=discussion, action=action)
        discussions.append(discussion)
    return discussions
