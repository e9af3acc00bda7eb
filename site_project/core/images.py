"""Image template tags parse their filter specs once, not on every render.

Wagtail's {% image %}, {% srcset_image %} and {% picture %} tags make new Filter
objects each time they render, and a Filter parses its spec into operations (checking
each operation's arguments with `inspect`) the first time it is asked for a rendition:
an essay's hero picture, in three formats and three widths, parsed nine specs on
every request. A tag's specs are fixed when its template is compiled (and compiled
templates are cached), so each tag keeps the Filters it made. A Filter holds nothing
but its spec and the operations parsed from it, so sharing one between renders changes
nothing else."""

import functools

from wagtail.images.templatetags.wagtailimages_tags import ImageNode, SrcsetImageNode


def _kept(method):
    name = f"_kept_{method.__name__}"

    @functools.wraps(method)
    def kept(self):
        try:
            return self.__dict__[name]
        except KeyError:
            value = self.__dict__[name] = method(self)
            return value

    kept.kept = True
    return kept


def keep_parsed_filters():
    """Make each image tag node keep its filters (PictureNode inherits SrcsetImageNode's)."""
    for node_class, method in ((ImageNode, "get_filter"), (SrcsetImageNode, "get_filters")):
        if not getattr(getattr(node_class, method), "kept", False):
            setattr(node_class, method, _kept(getattr(node_class, method)))
