"""Reading time from a StreamField body, counted once at save time.

Only prose counts: rich text, and plain text and character fields. Choices, links,
numbers and dates are skipped, by walking the block definitions alongside the values."""

import math
import re

from django.utils.html import strip_tags
from wagtail import blocks

WORDS_PER_MINUTE = 230
_WORD = re.compile(r"\w+")


def _texts(block, value):
    """Yield every piece of prose inside a block value, however it nests."""
    if value is None:
        return
    if isinstance(block, blocks.RichTextBlock):
        yield strip_tags(value.source)
    elif isinstance(block, blocks.CharBlock | blocks.TextBlock):
        yield str(value)
    elif isinstance(block, blocks.StructBlock) and isinstance(value, blocks.StructValue):
        # (ImageBlock is a StructBlock too, but its value is an image: nothing to read.)
        for name, child_block in block.child_blocks.items():
            yield from _texts(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _texts(block.child_block, item)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _texts(child.block, child.value)


def count_words(stream_value):
    return sum(
        len(_WORD.findall(text))
        for child in stream_value
        for text in _texts(child.block, child.value)
    )


def reading_minutes(stream_value):
    words = count_words(stream_value)
    return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0
