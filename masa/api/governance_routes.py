"""Meeting endpoints."""

from ninja import Router

router = Router(tags=["Meetings"])
