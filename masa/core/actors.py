"""Who did it: every write in masa names its actor.

An actor is either a signed-in person (a :class:`~masa.accounts.models.User`, from a page or an
API token) or a named part of masa itself (a :class:`SystemActor`: a management command, a
nightly task, the demo loader). Every service that writes takes ``actor: Actor`` and is wrapped
in :func:`attributed`, which makes each audit log entry written inside it name that actor: a
user as the entry's actor, a system actor with no user (actor NULL) and its name kept in the
entry's ``additional_data["system_actor"]`` (docs/architecture.md, "Who did it: the actor").

A system actor is never a member of any partnership and holds no permission; a field that
stores the user who did something (``created_by``, ``signed_off_by``) stores NULL for it
(:func:`user_or_none`).
"""

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ParamSpec, TypeAlias, TypeVar, cast

from django.contrib.auth.base_user import AbstractBaseUser

if TYPE_CHECKING:  # core sits below accounts; at run time any Django user is a user
    from masa.accounts.models import User

#: Key of a log entry's ``additional_data`` that holds a system actor's name.
SYSTEM_ACTOR_KEY = "system_actor"
#: Key of a log entry's ``additional_data`` that holds why a user made the change, where the
#: service asks (a child of a serious incident changed or removed).
REASON_KEY = "reason"


@dataclass(frozen=True)
class SystemActor:
    """A named part of masa that writes on no one's behalf, e.g. "masa: nightly reminders"."""

    name: str

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("A system actor needs a name")

    def __str__(self) -> str:
        return self.name


if TYPE_CHECKING:
    Actor: TypeAlias = User | SystemActor
else:  # the same union at run time, without importing accounts
    Actor = AbstractBaseUser | SystemActor

P = ParamSpec("P")
R = TypeVar("R")

_current_actor: ContextVar[Actor | None] = ContextVar("masa_actor", default=None)


def user_or_none(actor: Actor) -> "User | None":
    """The user to store in a "done by" field: the user, or NULL for a system actor."""
    return actor if isinstance(actor, AbstractBaseUser) else None


def current_actor() -> Actor | None:
    """The actor of the service running now, if any."""
    return _current_actor.get()


def _check(actor: object, where: str) -> Actor:
    if not isinstance(actor, AbstractBaseUser | SystemActor):
        raise TypeError(f"{where} needs actor= a User or a SystemActor, not {actor!r}")
    return cast("Actor", actor)  # masa's only user model is accounts.User


@contextmanager
def acting_as(actor: Actor) -> Iterator[None]:
    """Every audit log entry written inside names ``actor``; nests, and restores on the way out."""
    token = _current_actor.set(_check(actor, "acting_as"))
    try:
        yield
    finally:
        _current_actor.reset(token)


def attributed(service: Callable[P, R]) -> Callable[P, R]:
    """Wrap a service so that the audit log entries it writes name its ``actor`` keyword."""

    @functools.wraps(service)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        actor = _check(kwargs.get("actor"), service.__qualname__)
        with acting_as(actor):
            return service(*args, **kwargs)

    return wrapper


def attribute_entry(entry: Any, actor: Actor) -> None:
    """Name ``actor`` on an audit log entry about to be saved."""
    if isinstance(actor, AbstractBaseUser):
        entry.actor = actor
        entry.actor_email = actor.email
        return
    entry.actor = None
    entry.actor_email = None
    entry.additional_data = {**(entry.additional_data or {}), SYSTEM_ACTOR_KEY: actor.name}
