"""Sections other apps add to a theme's page ("where have we seen this before").

The apps that tag records with the partnership's themes sit above reviews in the layers, so
reviews never imports them: each registers a provider here from its AppConfig.ready(). A
provider is asked for the user and the theme and answers with a section to show (its template
and context, already scoped to what the user may see) or None.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from masa.reviews.models import Theme


@dataclass(frozen=True)
class ThemeSection:
    template: str
    context: dict[str, Any] = field(default_factory=dict)


Provider = Callable[[Any, Theme], ThemeSection | None]
_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def sections(user: Any, theme: Theme) -> list[ThemeSection]:
    return [section for provider in _providers if (section := provider(user, theme)) is not None]
