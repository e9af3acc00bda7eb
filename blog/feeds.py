"""RSS and Atom feeds of live essays: all of them, or those on one topic."""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from wagtail.models import Site

from site_project.core.models import SiteSettings
from site_project.core.visibility import visible
from site_project.taxonomy.models import Topic, tagged_with

from .models import EssayPage

FEED_LENGTH = 20


@dataclass
class FeedSource:
    """What one feed request is about. Feed instances are shared between requests,
    so per-request state travels here rather than on `self`."""

    request: object
    topic: Topic | None = None

    @property
    def site_name(self):
        site = Site.find_for_request(self.request)
        return SiteSettings.for_site(site).site_name if site else "Essays"


class EssayFeed(Feed):
    def get_object(self, request, *args, **kwargs):
        return FeedSource(request)

    def title(self, obj):
        return f"{obj.site_name}: essays"

    def link(self, obj):
        return "/"

    def description(self, obj):
        return "New essays on community engagement in UK public services."

    def items(self, obj):
        essays = visible(EssayPage.objects.all(), obj.request).order_by("-date", "-pk")
        if obj.topic is not None:
            essays = tagged_with(essays, obj.topic.family_ids())
        return [(essay, obj.request) for essay in essays[:FEED_LENGTH]]

    def item_title(self, item):
        return item[0].title

    def item_description(self, item):
        return item[0].summary

    def item_link(self, item):
        essay, request = item
        return essay.get_url(request)

    def item_pubdate(self, item):
        # The essay's own publication date, which editors may set, as listed on the site.
        essay = item[0]
        if essay.date:
            return timezone.make_aware(datetime.datetime.combine(essay.date, datetime.time(9)))
        return essay.first_published_at

    def item_updateddate(self, item):
        return item[0].last_published_at


class EssayAtomFeed(EssayFeed):
    feed_type = Atom1Feed
    subtitle = EssayFeed.description


class TopicEssayFeed(EssayFeed):
    def get_object(self, request, slug):
        return FeedSource(request, get_object_or_404(Topic, slug=slug))

    def title(self, obj):
        return f"{obj.site_name}: essays on {obj.topic.name}"

    def link(self, obj):
        return obj.topic.get_absolute_url()


class TopicEssayAtomFeed(TopicEssayFeed):
    feed_type = Atom1Feed
    subtitle = TopicEssayFeed.description
