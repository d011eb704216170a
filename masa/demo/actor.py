from masa.core.actors import SystemActor

#: Who writes the demo data where no demo person stands behind the write.
DEMO_LOADER = SystemActor("masa: demo loader")
