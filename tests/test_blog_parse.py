"""Reading a WordPress export: every field an import uses, read whole from the export's
XML, with the fallbacks real exports need (missing dates, slugs, titles and authors)."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from blog.wordpress.parse import Author, Category, Export, Item, WXRError, read, split_url
from tests import wxr

UTC = datetime.UTC
LONDON = ZoneInfo("Europe/London")


def item(**fields):
    defaults = {
        "post_type": "post", "title": "A post", "link": "", "slug": "", "status": "publish",
        "date": None, "creator": "jane", "content": "<p>Some words.</p>",
        "excerpt": "",
    }  # fmt: skip
    return Item(**{**defaults, **fields})


def test_an_export_is_read_whole():
    data = wxr.export(
        authors=[
            wxr.author("jane", "Jane &amp; <b>Doe</b>"),
            wxr.author("raj", ""),
            wxr.author("", "Nobody"),
        ],  # fmt: skip
        categories=[
            wxr.category("policy", "Policy", term_id=2),
            wxr.category("caf%c3%a9", "Caf&amp;eacute;", "policy", term_id=3),
            wxr.category("no-name", "", term_id=4),
            wxr.category("", "No slug"),
        ],
        items=[
            wxr.item(
                101,
                "Tom &amp;amp; Jerry &lt;i&gt;again&lt;/i&gt;",
                "<p>Body</p>\n",
                slug="caf%c3%a9",
                excerpt=" An excerpt ",
                password="pw",
                sticky=True,
                parent=7,
                attachment_url=" https://x.example/a.jpg ",
                categories=[("policy", "Policy"), ("", "Named only"), ("", "")],
                coauthors=["raj", "raj"],
                meta=[("_thumbnail_id", " 12 "), ("", "ignored")],
                extra=[
                    '<category domain="author" nicename="cap-ann"></category>',
                    '<category domain="post_tag" nicename="tag">A tag</category>',
                    "<wp:post_modified_gmt>2023-07-01 10:00:00</wp:post_modified_gmt>",
                ],
            ),  # fmt: skip
            wxr.item(
                102,
                "Untitled?",
                post_type="page",
                status="draft",
                omit=(
                    "post_type",
                    "status",
                    "creator",
                    "post_id",
                    "title",
                    "post_name",
                    "link",
                    "post_parent",
                    "post_date_gmt",
                    "post_date",
                ),
            ),  # fmt: skip
        ],
    )
    assert read(data) == Export(
        title="Old blog & notes",
        base_url=wxr.SITE,
        wxr_version="1.2",
        authors={"jane": Author("jane", "Jane & Doe"), "raj": Author("raj", "raj")},
        categories={
            "policy": Category("policy", "Policy", "", 2),
            "café": Category("café", "Café", "policy", 3),  # escaped twice: decoded twice
            "no-name": Category("no-name", "no-name", "", 4),
        },
        items=[
            item(
                wp_id=101,
                title="Tom & Jerry again",
                link=f"{wxr.SITE}/2023/06/05/caf%c3%a9/",
                slug="café",
                date=datetime.datetime(2023, 6, 5, 9, tzinfo=UTC),
                content="<p>Body</p>\n",
                excerpt=" An excerpt ",
                password="pw",
                sticky=True,
                parent_id=7,
                attachment_url="https://x.example/a.jpg",
                categories=[("policy", "Policy"), ("", "Named only")],
                coauthors=["raj", "ann"],
                meta={"_thumbnail_id": "12"},
            ),
            item(wp_id=None, title="", creator=""),
        ],
    )


@pytest.mark.parametrize(
    ("gmt", "local", "pub_date", "expected"),
    [
        (
            "2023-06-05 09:00:00",
            "2023-06-05 10:00:00",
            "",
            datetime.datetime(2023, 6, 5, 9, tzinfo=UTC),
        ),
        (
            "0000-00-00 00:00:00",
            "2023-06-05 10:00:00",
            "",
            datetime.datetime(2023, 6, 5, 10, tzinfo=LONDON),
        ),  # fmt: skip
        ("not a date", "2023-01-05 10:00:00", "", datetime.datetime(2023, 1, 5, 10, tzinfo=LONDON)),
        # No GMT time at all: the local one, not the RSS date.
        (
            "",
            "2023-01-05 10:00:00",
            "Mon, 05 Jun 2023 09:00:00 +0000",
            datetime.datetime(2023, 1, 5, 10, tzinfo=LONDON),
        ),
        # Anything after the seconds (a fraction, a zone) is not read.
        ("2023-06-05 09:00:00.250Z", "", "", datetime.datetime(2023, 6, 5, 9, tzinfo=UTC)),
        ("", "", "Mon, 05 Jun 2023 09:00:00 +0000", datetime.datetime(2023, 6, 5, 9, tzinfo=UTC)),
        (
            "",
            "",
            "Mon, 05 Jun 2023 09:00:00 -0000",
            datetime.datetime(2023, 6, 5, 9, tzinfo=LONDON),
        ),  # fmt: skip
        ("", "0000-00-00 00:00:00", "Thu, 01 Jan 1970 00:00:00 +0000", None),
        ("", "", "Sat, 01 Jan 1971 00:00:00 +0000", datetime.datetime(1971, 1, 1, tzinfo=UTC)),
        ("", "", "garbage", None),
        ("", "", "", None),
    ],
)
def test_a_posts_moment_falls_back_from_gmt_to_local_time_to_the_rss_date(
    gmt, local, pub_date, expected
):
    extra = [f"<pubDate>{pub_date}</pubDate>"] if pub_date else []
    if gmt:
        extra.append(f"<wp:post_date_gmt>{gmt}</wp:post_date_gmt>")
    if local:
        extra.append(f"<wp:post_date>{local}</wp:post_date>")
    data = wxr.item(1, omit=("post_date_gmt", "post_date"), extra=extra)
    moment = read(wxr.export(items=[data])).items[0].date
    assert moment == expected
    if expected is not None:
        assert moment.utcoffset() == expected.utcoffset()


NOT_XML = "The file is not well-formed XML (no element found: line 1, column 14)."
NOT_WXR = "The file is XML but not a WordPress export (WXR): it has no <wp:wxr_version>."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"<rss><channel>",
            "The file is not well-formed XML (no element found: line 1, column 14).",
        ),
        (
            b"<feed/>",
            "The file is XML but not a WordPress export (WXR): it has no <wp:wxr_version>.",
        ),
        (
            b"<rss><item/></rss>",
            "The file is XML but not a WordPress export (WXR): it has no <wp:wxr_version>.",
        ),  # fmt: skip
        # A WordPress export's channel, but not inside <rss>.
        (
            b'<feed><channel><wp:wxr_version xmlns:wp="http://wordpress.org/export/1.2/">1.2'
            b"</wp:wxr_version></channel></feed>",
            "The file is XML but not a WordPress export (WXR): it has no <wp:wxr_version>.",
        ),
        # Even a harmless DTD: a WordPress export never declares one.
        (
            b'<?xml version="1.0"?><!DOCTYPE rss><rss/>',
            "The file was refused because it declares a DTD, entities or external references, "
            "which a WordPress export never does (it may be an XML attack).",
        ),
    ],
)
def test_files_that_are_not_exports_are_refused_in_one_sentence(data, message):
    with pytest.raises(WXRError) as refused:
        read(data)
    assert str(refused.value) == message


def test_a_missing_file_is_refused_in_one_sentence(tmp_path):
    with pytest.raises(WXRError) as refused:
        read(tmp_path / "nowhere.xml")
    assert str(refused.value) == "The file could not be read: No such file or directory."


def test_a_file_over_200_mb_is_refused_unread(tmp_path):
    path = tmp_path / "huge.xml"
    with open(path, "wb") as handle:
        handle.truncate(200 * 1024 * 1024 + 1)  # sparse: no time spent writing it
    with pytest.raises(WXRError) as refused:
        read(path)
    assert str(refused.value) == (
        "The file is larger than 200 MB, far more than a WordPress export."
    )


def test_a_file_of_exactly_200_mb_is_read(tmp_path):
    path = tmp_path / "large.xml"
    with open(path, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    with pytest.raises(WXRError) as refused:
        read(path)
    assert str(refused.value).startswith("The file is not well-formed XML")  # read, not refused


def test_the_blogs_own_address_is_its_base_else_the_channel_link():
    data = wxr.export(site="https://example.org")
    blog = data.replace(
        b"<wp:base_blog_url>https://example.org</wp:base_blog_url>",
        b"<wp:base_blog_url>https://example.org/words</wp:base_blog_url>",
    )
    assert read(blog).base_url == "https://example.org/words"
    without = data.replace(b"<wp:base_blog_url>https://example.org</wp:base_blog_url>", b"")
    assert (
        read(
            without.replace(
                b"<link>https://example.org</link>", b"<link>https://example.org/old</link>"
            )
        ).base_url
        == "https://example.org/old"
    )


def test_the_export_host_and_its_posts_links_ignore_www_and_case():
    export = read(wxr.export(site="https://WWW.Example.ORG/blog"))
    assert export.host == "example.org"
    assert export.base_url == "https://WWW.Example.ORG/blog"
    assert split_url("http://[broken/x").path == ""
