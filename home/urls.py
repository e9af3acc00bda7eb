from django.urls import path, re_path
from wagtail.contrib.sitemaps.views import sitemap

from . import views

urlpatterns = [
    path("topics/", views.topic_list, name="topic_list"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("search/", views.search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    re_path(r"^methods/(?P<rest>(?:compare/|spectrum/)?)$", views.methods_shortcut),
]
