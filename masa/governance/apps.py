from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "masa.governance"
    label = "governance"
