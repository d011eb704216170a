"""Load the demo's voice of children and families (masa/demo/voice_data.py).

Everything goes through the voice services, so the counts and the free text are checked as for
any partnership; entries link existing tracker actions by their title. Idempotent: a partnership
that already has an engagement activity is left alone.
"""

from masa.actions.models import Action
from masa.core.actors import Actor
from masa.demo.actor import DEMO_LOADER
from masa.demo.structure_data import PARTNERSHIPS
from masa.demo.voice_data import VOICE
from masa.partnership.models import Partnership, Person
from masa.voice import services
from masa.voice.models import EngagementActivity


def load_voice_demo() -> None:
    for slug, activities in VOICE.items():
        partnership = Partnership.objects.filter(slug=slug).first()
        if (
            partnership is not None
            and not EngagementActivity.objects.filter(partnership=partnership).exists()
        ):
            _load(partnership, activities)


def _actor(partnership: Partnership) -> Actor:
    structure = next(p for p in PARTNERSHIPS if p["slug"] == partnership.slug)
    emails = [p["email"] for p in structure["people"] if p["key"] in ("psm", "business_manager")]
    manager = Person.objects.filter(partnership=partnership, email__in=emails, user__isnull=False).first()
    return manager.user if manager and manager.user else DEMO_LOADER


def _load(partnership: Partnership, activities: list[dict]) -> None:
    actor = _actor(partnership)
    live = Action.objects.filter(partnership=partnership, is_deleted=False)
    for spec in activities:
        activity = services.activity_save(
            actor=actor,
            partnership=partnership,
            title=spec["title"],
            held_on=spec["held_on"],
            kind=spec["kind"],
            forum=spec["forum"],
            counts=spec["counts"],
            what_they_said=spec["what_they_said"],
        )
        for item in spec["entries"]:
            entry = services.entry_save(
                actor=actor,
                activity=activity,
                you_said=item["you_said"],
                we_did=item["we_did"],
                status=item["status"],
                actions=live.filter(title__in=item["actions"]).order_by("number")[:1]
                if item["actions"]
                else [],
            )
            if item["published"]:
                services.entry_publish(actor=actor, entry=entry)
