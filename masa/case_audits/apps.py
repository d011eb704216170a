from django.apps import AppConfig


class CaseAuditsConfig(AppConfig):
    name = "masa.case_audits"
    label = "case_audits"
    verbose_name = "Multi-agency audits"
