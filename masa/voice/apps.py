from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "masa.voice"
    label = "voice"
    verbose_name = "Voice of children and families"
