"""Image tags parse their filter specs once per compiled template, not on every render
(core/images.py, applied when the app starts; these tests apply it to Wagtail's own
tag classes again, so they see it happen)."""

import pytest
from django.template import Template
from wagtail.images.templatetags.wagtailimages_tags import (
    ImageNode,
    PictureNode,
    SrcsetImageNode,
)

from site_project.core.images import keep_parsed_filters


@pytest.fixture
def wagtails_own_tags(monkeypatch):
    """The tag classes' methods as Wagtail defines them, restored afterwards."""
    for node_class, name in ((ImageNode, "get_filter"), (SrcsetImageNode, "get_filters")):
        monkeypatch.setattr(node_class, name, node_class.__dict__[name].__wrapped__)


def tag_nodes(source):
    template = Template("{% load wagtailimages_tags %}" + source)
    return [node for node in template.nodelist if isinstance(node, ImageNode)]


def test_each_image_tag_keeps_the_filters_it_parsed(wagtails_own_tags):
    keep_parsed_filters()
    image, srcset, picture, other = tag_nodes(
        "{% image img width-100 %}"
        "{% srcset_image img width-{100,200} %}"
        "{% picture img format-{avif,jpeg} width-300 %}"
        "{% image img fill-80x80 %}"
    )
    assert isinstance(picture, PictureNode)
    assert image.get_filter() is image.get_filter()
    assert srcset.get_filters() is srcset.get_filters()
    assert picture.get_filters() is picture.get_filters()
    # Each tag its own.
    assert [image.get_filter().spec, other.get_filter().spec] == ["width-100", "fill-80x80"]
    assert [f.spec for f in srcset.get_filters()] == ["width-100", "width-200"]
    assert [f.spec for f in picture.get_filters()] == [
        "format-avif|width-300",
        "format-jpeg|width-300",
    ]


def test_applying_it_again_leaves_the_tags_as_they_are(wagtails_own_tags):
    """The app applies it when it starts, which a test run or a reloading server may
    do more than once: each method is wrapped once, not once per start."""
    keep_parsed_filters()
    wrapped = ImageNode.__dict__["get_filter"], SrcsetImageNode.__dict__["get_filters"]
    keep_parsed_filters()
    assert (ImageNode.__dict__["get_filter"], SrcsetImageNode.__dict__["get_filters"]) == wrapped
