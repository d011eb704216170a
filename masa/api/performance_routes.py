"""API operations for performance (filled in by its owner)."""

from ninja import Router

router = Router()
