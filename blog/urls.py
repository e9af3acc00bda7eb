from django.urls import path

from . import feeds

urlpatterns = [
    path("feeds/essays/rss/", feeds.EssayFeed(), name="essay_feed_rss"),
    path("feeds/essays/atom/", feeds.EssayAtomFeed(), name="essay_feed_atom"),
    path("feeds/topics/<slug:slug>/rss/", feeds.TopicEssayFeed(), name="topic_feed_rss"),
    path("feeds/topics/<slug:slug>/atom/", feeds.TopicEssayAtomFeed(), name="topic_feed_atom"),
]
