from allauth.account.adapter import DefaultAccountAdapter


class MasaAccountAdapter(DefaultAccountAdapter):
    """No open sign-up: the business team invites every user."""

    def is_open_for_signup(self, request) -> bool:
        return False
