from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "masa.accounts"
    label = "accounts"
