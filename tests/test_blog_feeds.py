"""The essay feeds a reader subscribes to, pinned whole: the channel's title, link and
description, and each essay's title, address, summary and dates, for all essays and
for one topic with its sub-topics, in RSS and Atom."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page, PageViewRestriction, Site

from site_project.core.models import SiteSettings
from tests import builders

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DESCRIPTION = "New essays on community engagement in UK public services."


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return ET.fromstring(response.content)


def rss(client, url):
    channel = xml(client, url).find("channel")
    head = {name: channel.findtext(name) for name in ("title", "link", "description")}
    items = [
        {name: item.findtext(name) for name in ("title", "link", "description", "pubDate")}
        for item in channel.findall("item")
    ]
    return head, items


@pytest.fixture
def essays(sections):
    blog = sections["blog"]
    housing = builders.topic("Housing")
    repairs = builders.topic("Repairs", parent=housing)
    parks = builders.topic("Parks")
    winter = builders.essay(
        blog, "In winter", topics=[housing], date=datetime.date(2024, 1, 5), summary="Cold."
    )
    summer = builders.essay(
        blog, "In summer", topics=[repairs], date=datetime.date(2024, 6, 5), summary="Warm."
    )
    parks = builders.essay(blog, "On parks", topics=[parks], date=datetime.date(2024, 3, 1))
    builders.essay(blog, "A draft", topics=[housing], date=datetime.date(2024, 7, 1), live=False)
    private = builders.essay(blog, "A private one", topics=[housing])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.update_or_create(site=site, defaults={"site_name": "Civic Notes"})
    return {"winter": winter, "summer": summer, "parks": parks}


def test_the_rss_feed_of_all_essays(client, essays):
    head, items = rss(client, "/feeds/essays/rss/")
    assert head == {
        "title": "Civic Notes: essays",
        "link": "http://testserver/",
        "description": DESCRIPTION,
    }
    assert items == [
        {
            "title": "In summer",
            "link": "http://testserver" + essays["summer"].url,
            "description": "Warm.",
            # Nine in the morning on the essay's date, in the site's time zone (BST).
            "pubDate": "Wed, 05 Jun 2024 09:00:00 +0100",
        },
        {
            "title": "On parks",
            "link": "http://testserver" + essays["parks"].url,
            "description": "What On parks argues.",
            "pubDate": "Fri, 01 Mar 2024 09:00:00 +0000",
        },
        {
            "title": "In winter",
            "link": "http://testserver" + essays["winter"].url,
            "description": "Cold.",
            "pubDate": "Fri, 05 Jan 2024 09:00:00 +0000",
        },
    ]


def test_a_topic_feed_gathers_its_sub_topics_essays(client, essays):
    head, items = rss(client, "/feeds/topics/housing/rss/")
    assert head == {
        "title": "Civic Notes: essays on Housing",
        "link": "http://testserver/topics/housing/",
        "description": DESCRIPTION,
    }
    assert [item["title"] for item in items] == ["In summer", "In winter"]


@pytest.mark.parametrize(
    ("url", "title", "link", "titles"),
    [
        (
            "/feeds/essays/atom/",
            "Civic Notes: essays",
            "http://testserver/",
            ["In summer", "On parks", "In winter"],
        ),  # fmt: skip
        (
            "/feeds/topics/repairs/atom/",
            "Civic Notes: essays on Repairs",
            "http://testserver/topics/repairs/",
            ["In summer"],
        ),  # fmt: skip
    ],
)
def test_the_atom_feeds(client, essays, url, title, link, titles):
    feed = xml(client, url)
    assert feed.findtext(ATOM + "title") == title
    assert feed.find(ATOM + "link").get("href") == link
    assert feed.findtext(ATOM + "subtitle") == DESCRIPTION
    entries = feed.findall(ATOM + "entry")
    assert [entry.findtext(ATOM + "title") for entry in entries] == titles
    summer = entries[0]
    assert summer.findtext(ATOM + "published") == "2024-06-05T09:00:00+01:00"
    # Updated: when the essay was last published, which a feed reader uses to refetch it.
    updated = datetime.datetime.fromisoformat(summer.findtext(ATOM + "updated"))
    assert updated == essays["summer"].last_published_at


def test_a_feed_for_a_host_with_no_site_is_titled_essays(client, essays):
    Site.objects.update(is_default_site=False)
    head, _ = rss(client, "/feeds/essays/rss/")
    assert head["title"] == "Essays: essays"


def test_essays_of_the_same_date_are_listed_newest_written_first(client, sections):
    """A feed reader sees the same order on every fetch, not whatever the database
    returns for a tie."""
    same_day = datetime.date(2024, 5, 1)
    builders.essay(sections["blog"], "Zebra crossings", date=same_day)
    builders.essay(sections["blog"], "Allotments", date=same_day)
    builders.essay(sections["blog"], "Markets", date=same_day)
    _, items = rss(client, "/feeds/essays/rss/")
    assert [item["title"] for item in items] == ["Markets", "Allotments", "Zebra crossings"]


def test_an_essays_feed_address_keeps_the_readers_scheme_when_there_are_two_sites(client, essays):
    """With a second site on the same server, an essay's address in the feed is still
    the one the reader fetched the feed from (https here), not the site record's root
    (`http://localhost`)."""
    path = essays["summer"].url
    other_home = Page.get_first_root_node().add_child(
        instance=Page(title="Another site", slug="another-site")
    )
    Site.objects.create(hostname="other.example", root_page=other_home)
    response = client.get("/feeds/essays/rss/", secure=True)
    link = ET.fromstring(response.content).find("channel/item/link").text
    assert link == "https://testserver" + path
