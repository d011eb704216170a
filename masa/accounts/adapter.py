from allauth.account.adapter import DefaultAccountAdapter

from masa.core.tasks import record_sent


class MasaAccountAdapter(DefaultAccountAdapter):
    """No open sign-up: the business team invites every user."""

    def is_open_for_signup(self, request) -> bool:
        return False

    def render_mail(self, template_prefix: str, email: str, context: dict, headers: dict | None = None):
        """Sign-in emails (a password reset, a sign-in code) are recorded like every other email
        masa sends (masa.core.tasks.record_sent)."""
        message = super().render_mail(template_prefix, email, context, headers=headers)
        send = message.send

        def send_and_record(fail_silently: bool = False) -> int:
            sent = send(fail_silently)
            record_sent(message, category=f"account_{template_prefix.rsplit('/', 1)[-1]}")
            return sent

        message.send = send_and_record  # type: ignore[method-assign]
        return message
