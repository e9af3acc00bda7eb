"""Reading time from a StreamField body, counted once at save time."""

import math
import re

from django.utils.html import strip_tags

WORDS_PER_MINUTE = 230
_WORD = re.compile(r"\w+")


def _texts(value):
    """Yield every piece of text inside a block value, however it nests."""
    if value is None:
        return
    if hasattr(value, "source"):  # RichText
        yield strip_tags(value.source)
    elif isinstance(value, str):
        yield value
    elif isinstance(value, dict) or hasattr(value, "items"):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list | tuple) or hasattr(value, "__iter__"):
        for item in value:
            yield from _texts(getattr(item, "value", item))


def count_words(stream_value):
    return sum(len(_WORD.findall(text)) for child in stream_value for text in _texts(child.value))


def reading_minutes(stream_value):
    words = count_words(stream_value)
    return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0
