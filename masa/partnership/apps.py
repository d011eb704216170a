from django.apps import AppConfig


class PartnershipConfig(AppConfig):
    name = "masa.partnership"
    label = "partnership"
