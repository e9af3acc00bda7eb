"""RSS and Atom feeds of live essays: all of them, or those on one topic."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from wagtail.models import Site

from site_project.core.models import SiteSettings
from site_project.taxonomy.models import Topic

from .models import EssayPage

FEED_LENGTH = 20


class EssayFeed(Feed):
    description_template = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def title(self, obj):
        return f"{self._site_name()}: essays"

    def link(self, obj):
        return "/"

    def description(self, obj):
        return "New essays on community engagement in UK public services."

    def _site_name(self):
        site = Site.find_for_request(self.request)
        return SiteSettings.for_site(site).site_name if site else "Essays"

    def essays(self):
        return EssayPage.objects.live().public().order_by("-date", "-pk")

    def items(self, obj):
        return self.essays()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class EssayAtomFeed(EssayFeed):
    feed_type = Atom1Feed
    subtitle = EssayFeed.description


class TopicEssayFeed(EssayFeed):
    def get_object(self, request, slug):
        self.request = request
        return get_object_or_404(Topic, slug=slug)

    def title(self, obj):
        return f"{self._site_name()}: essays on {obj.name}"

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return self.essays().filter(topics__in=obj.family_ids()).distinct()[:FEED_LENGTH]


class TopicEssayAtomFeed(TopicEssayFeed):
    feed_type = Atom1Feed
    subtitle = TopicEssayFeed.description
