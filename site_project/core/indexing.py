"""Bulk loads (the demo content, a WordPress import) save each page several times;
indexing it for search after every save costs more than the load's own work. They
pause the search index's updates for their models and index what they saved once,
at the end."""

import contextlib

from django.db.models.signals import post_save
from modelsearch.signal_handlers import post_save_signal_handler


@contextlib.contextmanager
def search_index_updates_paused(*models):
    """Saves of `models` inside leave the search index alone (modelsearch's handler,
    disconnected and connected again). Deletions still remove their entries."""
    paused = [model for model in models if post_save.disconnect(post_save_signal_handler, model)]
    try:
        yield
    finally:
        for model in paused:
            post_save.connect(post_save_signal_handler, sender=model)


def index_for_search(objects):
    """Index `objects` as saving them would have (through the task queue, as the
    paused handler does)."""
    for instance in objects:
        post_save_signal_handler(instance=instance)
