"""Shortcuts that make an uncached page cheaper to render, and must change nothing a
reader sees: image tags keep their parsed filters, a page's share image is worked out
once per request."""

import pytest
from django.db import connection
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from tests import builders

PICTURE = (
    "{% load wagtailimages_tags %}"
    '{% picture img format-{webp,jpeg} width-{100,200} alt="" %}'
    "{% image img fill-50x50 %}"
)


@pytest.mark.django_db
def test_image_tags_parse_their_filters_once_and_render_the_same():
    from wagtail.images.templatetags.wagtailimages_tags import ImageNode, PictureNode

    template = engines["django"].from_string(PICTURE)
    image = builders.image("Teal")
    first = template.render({"img": image})
    nodes = [n for n in template.template.nodelist if isinstance(n, ImageNode)]
    picture = next(n for n in nodes if isinstance(n, PictureNode))
    plain = next(n for n in nodes if not isinstance(n, PictureNode))
    assert picture.get_filters() is picture.get_filters()
    assert plain.get_filter() is plain.get_filter()
    assert [f.spec for f in picture.get_filters()] == [
        "format-webp|width-100",
        "format-webp|width-200",
        "format-jpeg|width-100",
        "format-jpeg|width-200",
    ]
    assert template.render({"img": image}) == first
    assert first.count("<source") == 1 and "<img" in first


@pytest.mark.django_db
def test_a_pages_share_image_is_found_once_per_request(sections):
    from site_project.core.templatetags.site_tags import share_image

    hero = builders.image("Hero")
    essay = builders.essay(sections["blog"], "On juries", hero_image=hero)
    context = {"request": RequestFactory().get("/")}
    first = share_image(context, essay)
    with CaptureQueriesContext(connection) as queries:
        assert share_image(context, essay) is first
    assert len(queries) == 0
    assert first.image_id == hero.pk
    assert first.filter_spec == "fill-1200x630|format-jpeg|jpegquality-80"
    assert share_image(context, "") is None  # outside a page: the site default, none here
