"""Action tracker endpoints."""

from ninja import Router

router = Router(tags=["Actions"])
