"""The stories app's signal handlers, connected by StoriesConfig.ready(): the purge map (stories/purging.py) for
every page type and the snippets pages show."""

from stories import purging


def connect():
    purging.connect()
