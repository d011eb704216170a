"""API operations for indicator (filled in by its owner)."""

from ninja import Router

router = Router()
