"""Current TOTP code for a secret, using allauth's own implementation (demo and tests)."""

import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

TOTP_PERIOD = 30


def current_code(secret: str, at: float | None = None) -> str:
    counter = int((at if at is not None else time.time()) // TOTP_PERIOD)
    return format_hotp_value(hotp_value(secret, counter))
