"""iCalendar (.ics) text for masa's events: meetings in personal calendar feeds and invitations,
training places in booking emails. Each app says what its events are; this module writes them."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from icalendar import Calendar, Event


@dataclass(frozen=True)
class CalendarEvent:
    uid: str  # stable, so a later copy (a change, a cancellation) replaces the first
    summary: str
    starts_at: datetime
    ends_at: datetime
    stamp: datetime
    url: str
    location: str = ""
    description: str = ""
    cancelled: bool = False


def calendar_text(product: str, events: Iterable[CalendarEvent]) -> str:
    """A published calendar of the events; `product` names the part of masa that made it."""
    calendar = Calendar()
    calendar.add("prodid", f"-//masa//{product}//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    for item in events:
        event = Event()
        event.add("uid", f"{item.uid}@masa")
        event.add("summary", item.summary)
        event.add("dtstart", item.starts_at)
        event.add("dtend", item.ends_at)
        event.add("dtstamp", item.stamp)
        if item.location:
            event.add("location", item.location)
        if item.description:
            event.add("description", item.description)
        event.add("url", item.url)
        event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical().decode()
