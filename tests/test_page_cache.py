"""The whole-page cache: anonymous readers get stored pages, everyone else fresh ones,
and no change an editor makes is ever hidden behind a stale copy."""

import datetime
import gzip
import importlib.util
import io
import logging
import uuid

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import path
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction, ReferenceIndex, Site

from home.affected import affected_paths
from home.models import StandardPage
from site_project.core import invalidation, pagecache
from site_project.core.models import Person, SiteSettings
from tests import builders


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code in (200, 404), (url, response.status_code)
    return response


def is_hit(client, url):
    return client.get(url).get("X-Cache") == "hit"


def warm(client, *urls):
    for url in urls:
        get(client, url)
        assert is_hit(client, url), f"{url} was not cached"


# ---------- What is cached, and for whom ----------


@pytest.mark.django_db
def test_an_anonymous_repeat_request_is_served_from_the_cache_without_sql(client, site, page_cache):
    url = site["essay"].url
    first = get(client, url)
    assert first["X-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = get(client, url)
    assert second["X-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content


@pytest.mark.django_db
def test_query_string_variants_are_cached_separately(client, site, page_cache):
    index = site["blog"].url
    get(client, index)
    filtered = get(client, index + "?topic=health-and-care")
    assert filtered["X-Cache"] == "miss"
    assert "On surveys" in filtered.content.decode()
    assert "On prevention" in get(client, index).content.decode()


@pytest.mark.django_db
def test_logged_in_editors_always_get_a_fresh_private_page(
    client, site, page_cache, django_user_model
):
    url = site["essay"].url
    warm(client, url)
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw-123456789")
    client.force_login(editor)
    response = get(client, url)
    assert "X-Cache" not in response
    assert response["Cache-Control"] == "private, no-store"
    assert "wagtail-userbar" in response.content.decode()
    assert "X-Cache" not in get(client, url)


@pytest.mark.django_db
def test_admin_and_previews_are_never_cached(client, site, page_cache, django_user_model):
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw-123456789")
    client.force_login(editor)
    draft = client.get(f"/admin/pages/{site['essay'].pk}/view_draft/")
    assert draft.status_code == 200
    for response in (client.get("/admin/"), draft):
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_password_protected_pages_are_never_cached(client, site, page_cache):
    essay = site["essay"]
    PageViewRestriction.objects.create(page=essay, restriction_type="password", password="s3cret")
    for _ in range(2):
        response = get(client, essay.url)
        assert "X-Cache" not in response
        assert "no-store" in response["Cache-Control"]
        assert "What On prevention argues" not in response.content.decode()


@pytest.mark.django_db
def test_post_requests_are_never_cached(client, site, page_cache):
    response = client.post("/search/", {"q": "prevention"})
    assert "X-Cache" not in response
    assert response["Cache-Control"] == "private, no-store"


def sets_a_cookie(request):
    from django.http import HttpResponse

    response = HttpResponse("<p>Hello</p>" * 50)
    response.set_cookie("seen", "yes")
    return response


def fails(request):
    raise RuntimeError("boom")


urlpatterns = [path("cookie/", sets_a_cookie), path("fails/", fails)]


@pytest.mark.django_db
@pytest.mark.urls("tests.test_page_cache")
def test_responses_that_set_cookies_are_never_stored(client, page_cache):
    for _ in range(2):
        response = client.get("/cookie/")
        assert "X-Cache" not in response
        assert "seen" in response.cookies


@pytest.mark.django_db
@pytest.mark.urls("tests.test_page_cache")
def test_server_errors_are_never_stored(client, page_cache):
    client.raise_request_exception = False
    for _ in range(2):
        response = client.get("/fails/")
        assert response.status_code == 500
        assert "X-Cache" not in response
        assert response["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_not_found_pages_are_cached_until_a_page_is_published_there(
    client, site, page_cache, commit
):
    url = site["blog"].url + "on-listening/"
    warm(client, url)
    assert get(client, url).status_code == 404
    essay = builders.essay(site["blog"], "On listening", live=False)
    essay.slug = "on-listening"
    commit(builders.publish, essay)
    response = get(client, url)
    assert response.status_code == 200
    assert "On listening" in response.content.decode()


@pytest.mark.django_db
def test_a_new_redirect_replaces_a_cached_not_found(client, site, page_cache, commit):
    warm(client, "/old-blog/on-prevention/")
    commit(
        Redirect.objects.create,
        old_path="/old-blog/on-prevention",
        redirect_page=site["essay"],
        is_permanent=True,
    )
    response = client.get("/old-blog/on-prevention/")
    assert response.status_code == 301
    assert response["Location"].endswith(site["essay"].url)


# ---------- HTTP caching headers and compression ----------


@pytest.mark.django_db
def test_public_pages_tell_browsers_and_shared_caches_how_long_to_keep_them(
    client, site, page_cache
):
    page = get(client, site["essay"].url)
    assert page["Cache-Control"] == (
        f"public, max-age={settings.CACHE_MAX_AGE}, s-maxage={settings.CACHE_S_MAXAGE}"
    )
    # A CDN cannot be told about every filter combination: those expire like a browser's.
    filtered = get(client, site["blog"].url + "?topic=prevention")
    assert filtered["Cache-Control"] == (
        f"public, max-age={settings.CACHE_MAX_AGE}, s-maxage={settings.CACHE_MAX_AGE}"
    )


@pytest.mark.django_db
def test_pages_are_sent_gzipped_to_browsers_that_accept_it(client, site, page_cache):
    url = site["essay"].url
    plain = get(client, url)
    for _ in range(2):  # the miss, then the hit
        zipped = get(client, url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert zipped["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in zipped["Vary"]
        assert gzip.decompress(zipped.content) == plain.content
        assert int(zipped["Content-Length"]) == len(zipped.content) < len(plain.content) / 2
    assert "Content-Encoding" not in get(client, url)


@pytest.mark.django_db
def test_admin_pages_are_compressed_too(client, page_cache, django_user_model):
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw-123456789")
    client.force_login(editor)
    response = client.get("/admin/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"


@pytest.mark.django_db
def test_a_browser_revalidating_an_unchanged_page_gets_304(client, site, page_cache):
    url = site["essay"].url
    etag = get(client, url)["ETag"]
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert "Content-Type" not in response  # a 304 describes no body
    assert response["ETag"] == etag
    # What a cache needs to keep using its copy, and nothing about a body.
    sent = {name.lower() for name in response.headers}
    assert {"cache-control", "vary", "etag", "x-cache"} <= sent
    assert not sent & {"content-length", "content-encoding", "content-language"}
    assert response["Cache-Control"] == get(client, url)["Cache-Control"]


@pytest.mark.django_db
def test_the_compressed_copy_has_a_weak_etag_and_the_plain_one_a_strong_one(
    client, site, page_cache
):
    url = site["essay"].url
    get(client, url)
    compressed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get(url)
    assert compressed["Content-Encoding"] == "gzip"
    assert compressed["ETag"].startswith('W/"') and plain["ETag"].startswith('"')
    assert compressed["ETag"] == "W/" + plain["ETag"]


# ---------- Never stale ----------


@pytest.mark.django_db
def test_a_published_essay_shows_everywhere_on_the_next_request(client, site, page_cache, commit):
    """The issue's acceptance test: with the cache warm, publish an essay; its page,
    home, the essay index, its topic pages and feed, and the methods it discusses all
    show it on the next anonymous request."""
    jury, prevention, care = site["jury"], site["prevention"], site["care"]
    listings = [
        "/",
        site["blog"].url,
        f"/topics/{prevention.slug}/",
        f"/topics/{care.slug}/",
        f"/feeds/topics/{prevention.slug}/rss/",
        "/feeds/essays/atom/",
        jury.url,
        site["principle"].url,
    ]
    warm(client, *listings, "/topics/", "/sitemap.xml")
    new = commit(
        builders.essay,
        site["blog"],
        "On deliberation at scale",
        methods=[jury],
        principles=[site["principle"]],
        topics=[prevention],
        date=datetime.date(2025, 1, 1),
    )
    warm(client, new.url)
    for url in listings:
        body = get(client, url).content.decode()
        assert "On deliberation at scale" in body, url
    assert new.url in get(client, "/sitemap.xml").content.decode()
    assert not is_hit(client, "/topics/")  # its counts changed


@pytest.mark.django_db
def test_a_changed_title_reaches_every_page_that_shows_it(client, site, page_cache, commit):
    essay = site["essay"]
    showing = [
        essay.url,
        "/",
        site["blog"].url,
        site["jury"].url,
        site["principle"].url,
        f"/topics/{site['prevention'].slug}/",
        "/feeds/essays/rss/",
        site["older"].url,  # links to it as the newer essay
    ]
    warm(client, *showing)
    essay.title = "On prevention, revisited"
    commit(builders.publish, essay)
    for url in showing:
        assert "On prevention, revisited" in get(client, url).content.decode(), url


@pytest.mark.django_db
def test_an_unrelated_page_stays_cached(client, site, page_cache, commit):
    unrelated = builders.method(site["finder"], "Street stall")
    warm(client, unrelated.url)
    essay = site["essay"]
    essay.title = "On prevention, again"
    commit(builders.publish, essay)
    assert unrelated.url not in affected_paths(essay)
    assert is_hit(client, unrelated.url)


@pytest.mark.django_db
def test_an_address_without_a_path_makes_the_home_page_stale(client, site, page_cache):
    # The site's address as an operator or a setting gives it, with no slash after the
    # host, names the same page as `/`.
    warm(client, "/", site["essay"].url)
    assert pagecache.invalidate_paths(["http://testserver"]) == 1
    assert not is_hit(client, "/")
    assert is_hit(client, site["essay"].url)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["essay", "jury", "principle"])
def test_every_affected_path_is_refreshed_and_the_rest_stay_cached(
    client, site, page_cache, commit, name
):
    page = site[name]
    affected = affected_paths(page)
    assert page.url in affected
    candidates = {
        "/",
        "/topics/",
        site["blog"].url,
        site["finder"].url,
        site["essay"].url,
        site["older"].url,
        site["jury"].url,
        site["survey"].url,
        site["principle"].url,
    }
    warm(client, *candidates)
    page.title = page.title + " (updated)"
    commit(builders.publish, page)
    for url in candidates:
        assert is_hit(client, url) == (url not in affected), url


@pytest.mark.django_db
def test_an_unpublished_essay_disappears_from_every_listing(client, site, page_cache, commit):
    essay = site["essay"]
    showing = [
        "/",
        site["blog"].url,
        site["jury"].url,
        f"/topics/{site['prevention'].slug}/",
        "/feeds/essays/rss/",
    ]
    warm(client, essay.url, *showing)
    commit(essay.unpublish)
    assert get(client, essay.url).status_code == 404
    for url in showing:
        assert "On prevention" not in get(client, url).content.decode(), url


@pytest.mark.django_db
def test_a_method_no_longer_discussed_drops_the_essay(client, site, page_cache, commit):
    essay, jury = site["essay"], site["jury"]
    warm(client, jury.url)
    assert "On prevention" in get(client, jury.url).content.decode()
    essay.method_links.set([])
    commit(builders.publish, essay)
    assert "On prevention" not in get(client, jury.url).content.decode()


@pytest.mark.django_db
def test_a_changed_slug_sends_the_old_address_to_the_new_one(client, site, page_cache, commit):
    essay = site["essay"]
    old_url = essay.url
    warm(client, old_url)
    essay.slug = "on-prevention-and-care"
    commit(builders.publish, essay)
    moved = client.get(old_url)
    assert moved.status_code == 301  # Wagtail records a redirect for the old slug
    assert moved["Location"].endswith("/on-prevention-and-care/")
    assert get(client, essay.url).status_code == 200


@pytest.mark.django_db
def test_a_deleted_essay_leaves_every_listing(client, site, page_cache, commit):
    essay = site["essay"]
    warm(client, site["blog"].url, site["jury"].url, "/")
    commit(essay.delete)
    for url in (site["blog"].url, site["jury"].url, "/"):
        assert "On prevention" not in get(client, url).content.decode(), url


@pytest.mark.django_db
def test_a_scheduled_essay_appears_when_it_goes_live(client, site, page_cache, commit, monkeypatch):
    blog = site["blog"]
    warm(client, blog.url)
    essay = builders.essay(blog, "On timing", live=False)
    essay.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    commit(essay.save_revision().publish)
    assert "On timing" not in get(client, blog.url).content.decode()
    # Two hours later the scheduler (a cron job running publish_scheduled) publishes it.
    later = timezone.now() + datetime.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    commit(call_command, "publish_scheduled", verbosity=0)
    assert "On timing" in get(client, blog.url).content.decode()


@pytest.mark.django_db
def test_saving_a_draft_changes_nothing_readers_see(client, site, page_cache, commit):
    essay = site["essay"]
    warm(client, essay.url)
    essay.title = "A draft title"
    commit(essay.save_revision)
    response = get(client, essay.url)
    assert response["X-Cache"] == "hit"
    assert "A draft title" not in response.content.decode()


@pytest.mark.django_db
def test_a_renamed_section_shows_in_every_menu_and_breadcrumb(client, site, page_cache, commit):
    warm(client, "/", site["essay"].url, site["jury"].url)
    blog = site["blog"]
    blog.title = "Writing"
    commit(builders.publish, blog)
    for url in ("/", site["essay"].url, site["jury"].url):
        assert ">Writing</a>" in get(client, url).content.decode(), url


@pytest.mark.django_db
def test_an_authors_new_name_shows_on_their_essays(client, site, page_cache, commit):
    from blog.models import EssayAuthor

    essay = site["essay"]
    person = Person.objects.create(name="Sam Writer")
    essay.authors.add(EssayAuthor(person=person))
    builders.publish(essay)
    warm(client, essay.url)
    person.name = "Sam Q. Writer"
    commit(person.save)
    assert "Sam Q. Writer" in get(client, essay.url).content.decode()


@pytest.mark.django_db
def test_a_renamed_framework_shows_on_its_principles(client, site, page_cache, commit):
    principle = site["principle"]
    warm(client, principle.url)
    framework = site["framework"]
    framework.name = "The Gunning principles (1985)"
    commit(framework.save)
    assert "The Gunning principles (1985)" in get(client, principle.url).content.decode()


@pytest.mark.django_db
def test_an_images_new_description_shows_where_it_is_used(client, site, page_cache, commit):
    essay = site["essay"]
    image = builders.image("Hero")
    essay.hero_image = image
    builders.publish(essay)
    warm(client, essay.url, site["blog"].url)
    image.description = "A town hall meeting, seen from the back"
    commit(image.save)
    assert "seen from the back" in get(client, essay.url).content.decode()
    assert not is_hit(client, site["blog"].url)  # its cards show the image too


@pytest.mark.django_db
def test_a_renamed_topic_shows_on_every_page(client, site, page_cache, commit):
    warm(client, site["essay"].url, site["finder"].url, "/topics/")
    care = site["care"]
    care.name = "Health, care and wellbeing"
    commit(care.save)
    for url in (site["finder"].url, "/topics/"):
        assert "Health, care and wellbeing" in get(client, url).content.decode(), url


@pytest.mark.django_db
def test_a_new_site_name_shows_on_every_page(client, site, page_cache, commit):
    warm(client, "/", site["essay"].url)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.site_name = "Engaging Communities Online"
    commit(site_settings.save)
    for url in ("/", site["essay"].url):
        assert "Engaging Communities Online" in get(client, url).content.decode(), url


@pytest.mark.django_db
def test_making_a_page_private_takes_it_out_of_cached_listings(client, site, page_cache, commit):
    warm(client, site["blog"].url)
    commit(
        PageViewRestriction.objects.create,
        page=site["essay"],
        restriction_type="login",
    )
    assert "On prevention" not in get(client, site["blog"].url).content.decode()


@pytest.mark.django_db
def test_clear_page_cache_command_empties_it(client, site, page_cache, commit):
    warm(client, "/")
    commit(call_command, "clear_page_cache", verbosity=0)
    assert not is_hit(client, "/")


@pytest.mark.django_db
def test_clear_page_cache_says_what_it_did_unless_asked_to_be_quiet(page_cache):
    said = io.StringIO()
    call_command("clear_page_cache", stdout=said)
    assert said.getvalue() == "Page cache cleared.\n"
    quiet = io.StringIO()
    call_command("clear_page_cache", verbosity=0, stdout=quiet)
    assert quiet.getvalue() == ""


REVALIDATIONS = [  # (If-None-Match, whether the page is sent again)
    ('"{etag}"', False),
    ('W/"{etag}"', False),  # a weak validator, as proxies that compress may send
    ('"older", "{etag}"', False),  # any of a list
    (' W/"older" ,W/"{etag}" ', False),
    ("*", False),
    ('"older"', True),
    ('"older", "W/"', True),
    ('"{etag}x"', True),
    ("", True),
]


@pytest.mark.django_db
def test_revalidation_answers_304_only_when_a_listed_tag_matches(
    client, site, page_cache, subtests
):
    url = site["essay"].url
    etag = get(client, url)["ETag"].removeprefix("W/").strip('"')
    for if_none_match, modified in REVALIDATIONS:
        with subtests.test(if_none_match=if_none_match):
            response = client.get(url, HTTP_IF_NONE_MATCH=if_none_match.format(etag=etag))
            assert response.status_code == (200 if modified else 304)


@pytest.mark.django_db
def test_a_cache_that_is_down_does_not_take_the_site_with_it(client, site, settings):
    settings.PAGE_CACHE = True
    settings.CACHES = {
        **settings.CACHES,
        settings.PAGE_CACHE_ALIAS: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens on the discard port
        },
    }
    response = client.get(site["essay"].url)
    assert response.status_code == 200
    assert "On prevention" in response.content.decode()
    assert "X-Cache" not in response


# ---------- The front cache (CDN or proxy) is told the same ----------


@pytest.mark.django_db
def test_a_publish_purges_the_same_urls_from_the_front_cache(site, front_cache, commit):
    essay = site["essay"]
    essay.title = "On prevention, purged"
    commit(builders.publish, essay)
    expected = {iri_to_uri(path) for path in affected_paths(essay)}
    assert set(front_cache.paths) == expected
    assert {essay.url, site["jury"].url, site["blog"].url, "/"} <= set(front_cache.paths)


@pytest.mark.django_db
def test_a_site_wide_change_purges_every_public_url(site, front_cache, commit):
    care = site["care"]
    care.name = "Health and social care"
    commit(care.save)
    for page in (site["essay"], site["older"], site["jury"], site["principle"]):
        assert page.url in front_cache.paths
    assert f"/topics/{site['prevention'].slug}/" in front_cache.paths
    # Search results and the sitemap list any page; the essay feeds list every essay.
    assert {"/search/", "/sitemap.xml", "/feeds/essays/rss/", "/feeds/essays/atom/"} <= set(
        front_cache.paths
    )


def test_front_caches_are_configured_from_the_environment(monkeypatch):
    monkeypatch.setenv("FRONTEND_CACHE_PURGE_URLS", "http://10.0.0.5:8081, http://10.0.0.6:8081")
    monkeypatch.setenv("CLOUDFLARE_ZONE_ID", "zone")
    monkeypatch.setenv("CLOUDFLARE_API_TOKEN", "token")
    configured = fresh_settings("site_project.settings.base").WAGTAILFRONTENDCACHE
    assert {name: cache["BACKEND"].rsplit(".", 1)[1] for name, cache in configured.items()} == {
        "cloudflare": "CloudflareBackend",
        "proxy-1": "HTTPBackend",
        "proxy-2": "HTTPBackend",
    }
    assert configured["proxy-2"]["LOCATION"] == "http://10.0.0.6:8081"
    assert configured["cloudflare"]["ZONEID"] == "zone"
    assert configured["cloudflare"]["BEARER_TOKEN"] == "token"


def fresh_settings(name):
    """The settings module run afresh, with the environment as it is now (the one this
    test run has loaded stays as it is)."""
    spec = importlib.util.find_spec(name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.django_db
def test_a_page_made_private_is_purged_from_the_front_cache(site, front_cache, commit):
    commit(PageViewRestriction.objects.create, page=site["essay"], restriction_type="login")
    assert site["essay"].url in front_cache.paths


@pytest.mark.django_db
def test_a_moved_section_purges_its_old_addresses_from_the_front_cache(site, front_cache, commit):
    blog, essay = site["blog"], site["essay"]
    old_url = essay.url
    blog.slug = "writing"
    commit(builders.publish, blog)
    assert old_url in front_cache.paths
    assert essay.url.replace("/essays/", "/writing/") in front_cache.paths


@pytest.mark.django_db
def test_a_renamed_topics_old_address_is_purged_from_the_front_cache(site, front_cache, commit):
    care = site["care"]
    care.slug = "health-and-social-care"
    commit(care.save)
    assert "/topics/health-and-care/" in front_cache.paths
    assert "/feeds/topics/health-and-care/rss/" in front_cache.paths


@pytest.mark.django_db
def test_neighbours_are_refreshed_around_a_private_essay(client, site, page_cache, commit):
    """Previous/next skip private essays; changing the next public one still reaches
    the essay that links to it."""
    blog, older, essay = site["blog"], site["older"], site["essay"]
    private = builders.essay(blog, "Members only", date=datetime.date(2022, 1, 1))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    warm(client, older.url)
    assert "On prevention" in get(client, older.url).content.decode()  # its newer essay
    essay.title = "On prevention, renamed"
    commit(builders.publish, essay)
    assert "On prevention, renamed" in get(client, older.url).content.decode()


@pytest.mark.django_db
def test_a_replaced_documents_new_link_shows_on_pages_linking_it(client, site, page_cache, commit):
    document = get_document_model().objects.create(
        title="Board minutes", file=ContentFile(b"minutes", name="minutes-2024.txt")
    )
    essay = site["essay"]
    essay.body = [
        ("paragraph", f'<p>Read <a linktype="document" id="{document.pk}">the minutes</a>.</p>')
    ]
    builders.publish(essay)
    warm(client, essay.url)
    old_url = document.url
    assert old_url in get(client, essay.url).content.decode()
    document.file = ContentFile(b"minutes, corrected", name="minutes-2025.txt")
    commit(document.save)
    page = get(client, essay.url).content.decode()
    assert document.url in page
    assert old_url not in page


@pytest.mark.django_db
def test_when_working_out_a_change_fails_everything_is_cleared(
    client, site, page_cache, commit, caplog
):
    warm(client, "/", site["jury"].url)

    def broken():
        raise RuntimeError("reference index unavailable")

    with caplog.at_level(logging.INFO, logger="site_project.core.invalidation"):
        commit(invalidation.invalidate, then=broken)
    assert not is_hit(client, "/")
    assert not is_hit(client, site["jury"].url)
    # The operator's log says why, with the error, and what was done about it.
    said = [
        (r.levelname, r.getMessage(), bool(r.exc_info))
        for r in caplog.records
        if r.name == "site_project.core.invalidation"
    ]
    assert said == [
        ("ERROR", "Could not work out what a change touched; clearing everything", True),
        ("INFO", "Page cache: cleared everything", False),
    ]


@pytest.mark.django_db
def test_instances_on_another_release_never_share_pages(client, site, page_cache):
    warm(client, "/")
    page_cache.PAGE_CACHE_RELEASE = "next-release"
    pagecache.release.cache_clear()
    try:
        assert not is_hit(client, "/")
    finally:
        pagecache.release.cache_clear()


# ---------- Exactly which pages a change touches (home/affected.py) ----------


@pytest.mark.django_db
def test_a_changed_essay_refreshes_its_two_neighbours_and_no_essay_further_along(
    client, sections, page_cache, commit
):
    """Older/newer links go by date, then by the order essays were added; with five
    essays on one day the changed one's neighbours are the next ones added either side.
    Essays two along, or nearer in the order added but on another day, stay cached."""
    blog, day = sections["blog"], datetime.date(2024, 1, 1)
    later_added_first = builders.essay(blog, "Later, added first", date=datetime.date(2024, 6, 1))
    two_before, before = (builders.essay(blog, f"Same day {n}", date=day) for n in (1, 2))
    changed = builders.essay(blog, "The changed essay", date=day)
    after, two_after = (builders.essay(blog, f"Same day {n}", date=day) for n in (4, 5))
    earlier_added_last = builders.essay(blog, "Earlier, added last", date=datetime.date(2019, 1, 1))
    others = [later_added_first, two_before, before, after, two_after, earlier_added_last]
    warm(client, *(essay.url for essay in others))
    changed.title = "The changed essay, renamed"
    commit(builders.publish, changed)
    for neighbour in (before, after):
        assert "The changed essay, renamed" in get(client, neighbour.url).content.decode()
    for essay in (later_added_first, two_before, two_after, earlier_added_last):
        assert is_hit(client, essay.url), essay.title


@pytest.mark.django_db
def test_a_changed_essay_refreshes_the_essays_that_list_it_as_related(
    client, sections, page_cache, commit
):
    blog, care = sections["blog"], builders.topic("Care")
    related = builders.essay(blog, "Shares a topic", topics=[care], date=datetime.date(2020, 1, 1))
    builders.essay(blog, "In between", date=datetime.date(2022, 1, 1))  # the neighbour
    changed = builders.essay(blog, "On care", topics=[care], date=datetime.date(2024, 1, 1))
    warm(client, related.url)
    changed.title = "On care, renamed"
    commit(builders.publish, changed)
    assert "On care, renamed" in get(client, related.url).content.decode()


@pytest.mark.django_db
def test_a_menu_page_without_sub_pages_reaches_every_page_through_the_menu(
    client, site, page_cache, commit
):
    about = builders.add(
        builders.home(), StandardPage(title="About", slug="about", show_in_menus=True)
    )
    assert not about.numchild
    warm(client, "/", site["jury"].url)
    about.title = "About us"
    commit(builders.publish, about)
    for url in ("/", site["jury"].url):
        assert ">About us</a>" in get(client, url).content.decode(), url


@pytest.mark.django_db
def test_a_changed_image_reaches_pages_through_the_people_shown_with_it(site):
    """An image refers on: a person's photo shows on the essays they wrote, as well as
    on the pages that use the image themselves."""
    image = builders.image("Portrait")
    author = builders.person("Ada Author", photo=image)
    written = builders.essay(site["blog"], "By Ada", authors=[author])
    site["survey"].promote_image = image
    builders.publish(site["survey"])
    paths = affected_paths(image)
    assert {written.url, site["survey"].url} <= paths
    assert site["jury"].url not in paths


@pytest.mark.django_db
def test_references_left_by_a_removed_model_are_skipped(site):
    """A model whose app was removed leaves its rows in Wagtail's reference index; the
    pages that really use the image are still found."""
    image = builders.image("Portrait")
    gone = ContentType.objects.create(app_label="retired_app", model="gallery")
    ReferenceIndex.objects.create(
        content_type=gone,
        base_content_type=gone,
        object_id="1",
        to_content_type=ContentType.objects.get_for_model(image),
        to_object_id=str(image.pk),
        model_path="cover",
        content_path="cover",
        content_path_hash=uuid.uuid4(),
    )
    site["survey"].promote_image = image
    builders.publish(site["survey"])
    assert site["survey"].url in affected_paths(image)


@pytest.mark.django_db
def test_a_page_published_and_deleted_in_one_transaction_leaves_the_rest_cached(
    client, site, page_cache, commit
):
    warm(client, site["survey"].url)

    def publish_then_delete():
        builders.essay(site["blog"], "Here and gone").delete()

    commit(publish_then_delete)
    assert is_hit(client, site["survey"].url)


@pytest.mark.django_db
def test_changes_in_bulk_are_not_worked_out_page_by_page(site, settings, commit):
    """Loaders and imports (invalidation.bulk) mark everything stale once at the end:
    with the page cache on, a bulk change costs no more queries than with it off."""

    def rename_in_bulk(essay, title):
        essay.title = title
        with CaptureQueriesContext(connection) as queries, invalidation.bulk():
            commit(builders.publish, essay)
        return len(queries)

    settings.PAGE_CACHE = False
    rename_in_bulk(site["essay"], "On prevention, first")  # warms per-process caches
    without_cache = rename_in_bulk(site["essay"], "On prevention, again")
    settings.PAGE_CACHE = True
    assert rename_in_bulk(site["essay"], "On prevention, once more") == without_cache


# ---------- What is kept of a response ----------

PAGE_TEXT = b"<!doctype html><title>Essay</title>" + b"<p>Engagement words.</p>" * 200


def kept(content, **headers):
    response = HttpResponse(content, content_type="text/html; charset=utf-8")
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return pagecache.CachedPage(response)


def answer_headers(page, accept_gzip):
    meta = {"HTTP_ACCEPT_ENCODING": "gzip, br"} if accept_gzip else {}
    status, headers, body = page.answer(meta, "hit")
    return status, headers, body


def test_a_page_is_kept_compressed_once_and_served_either_way():
    page = kept(PAGE_TEXT)
    _, zipped_headers, zipped = answer_headers(page, accept_gzip=True)
    _, plain_headers, plain = answer_headers(page, accept_gzip=False)
    assert gzip.decompress(zipped) == plain == PAGE_TEXT
    assert ("Content-Encoding", "gzip") in zipped_headers
    assert ("Vary", "Accept-Encoding") in plain_headers


def test_a_tiny_body_that_compression_would_grow_is_kept_plain():
    page = kept(b"ok")
    _, headers, body = answer_headers(page, accept_gzip=True)
    assert body == b"ok"
    assert not any(name.lower() == "content-encoding" for name, _ in headers)


def test_a_response_already_compressed_is_not_compressed_again():
    page = kept(gzip.compress(PAGE_TEXT), Content_Encoding="gzip")
    _, _, zipped = answer_headers(page, accept_gzip=True)
    _, _, plain = answer_headers(page, accept_gzip=False)
    assert gzip.decompress(zipped) == PAGE_TEXT
    assert plain == PAGE_TEXT


def test_the_responses_own_length_etag_and_encoding_are_replaced_not_repeated():
    page = kept(PAGE_TEXT, Content_Length="1", ETag='"from-django"', X_Cache="stale")
    for accept_gzip in (True, False):
        _, headers, body = answer_headers(page, accept_gzip)
        names = [name.lower() for name, _ in headers]
        for name in ("content-length", "etag", pagecache.CACHE_STATUS_HEADER.lower()):
            assert names.count(name) == 1, (name, headers)
        assert dict(headers)["Content-Length"] == str(len(body))


def test_every_instance_gives_the_same_page_the_same_etag(monkeypatch):
    """Compression stamps no time, so instances (and restarts) agree on the ETag and a
    reader's revalidation works whichever instance answers it."""
    monkeypatch.setattr("time.time", lambda: 1_700_000_000.0)
    first = kept(PAGE_TEXT).etag
    monkeypatch.setattr("time.time", lambda: 1_800_000_000.0)
    assert kept(PAGE_TEXT).etag == first


@pytest.mark.parametrize(
    "vary, sent",
    [
        (None, ["Accept-Encoding"]),
        ("Cookie", ["Cookie, Accept-Encoding"]),  # added to what Django varies on
        ("Cookie, accept-encoding", ["Cookie, accept-encoding"]),  # not twice
        ("Accept-Encoding, Cookie", ["Accept-Encoding, Cookie"]),  # wherever it stands
        ("Cookie,Accept-Encoding", ["Cookie,Accept-Encoding"]),
        ("*", ["*"]),
    ],
)
def test_a_compressed_page_varies_on_accept_encoding_once(vary, sent):
    page = kept(PAGE_TEXT, **({"Vary": vary} if vary else {}))
    for accept_gzip in (True, False):
        _, headers, _ = answer_headers(page, accept_gzip)
        assert [v for n, v in headers if n.lower() == "vary"] == sent


def test_a_page_kept_plain_does_not_vary_on_accept_encoding():
    _, headers, _ = answer_headers(kept(b"ok"), accept_gzip=False)
    assert not any(n.lower() == "vary" for n, _ in headers)


def test_different_pages_have_different_etags():
    assert kept(PAGE_TEXT).etag != kept(PAGE_TEXT + b"<p>More.</p>").etag


@pytest.mark.django_db
def test_a_missing_page_is_kept_for_minutes_and_a_page_for_the_day(
    client, site, page_cache, monkeypatch
):
    page_cache.PAGE_CACHE_NOT_FOUND_TIMEOUT = 300
    page_cache.PAGE_CACHE_TIMEOUT = 86400
    # An in-process cache, so the test's clock is the cache's clock (Redis keeps its own).
    page_cache.CACHES = {
        **page_cache.CACHES,
        page_cache.PAGE_CACHE_ALIAS: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "page-lifetimes",
        },
    }
    now = [1_700_000_000.0]
    monkeypatch.setattr("time.time", lambda: now[0])
    missing, essay = "/essays/not-written-yet/", site["essay"].url
    for url in (missing, essay):
        warm(client, url)
        assert is_hit(client, url)
    now[0] += 301
    assert not is_hit(client, missing)
    assert is_hit(client, essay)
    now[0] += 86400
    assert not is_hit(client, essay)


class CacheThatCannotStore(LocMemCache):
    """Answers reads, refuses writes (a Redis that ran out of memory, or a replica)."""

    def set(self, *args, **kwargs):
        raise ConnectionError("OOM command not allowed when used memory > 'maxmemory'")


@pytest.mark.django_db
def test_a_page_the_cache_cannot_store_is_still_served_and_the_failure_logged(
    client, site, settings, caplog
):
    settings.PAGE_CACHE = True
    settings.CACHES = {
        **settings.CACHES,
        settings.PAGE_CACHE_ALIAS: {"BACKEND": f"{__name__}.CacheThatCannotStore"},
    }
    url = site["essay"].url
    with caplog.at_level(logging.ERROR, logger="site_project.core.pagecache"):
        response = client.get(url)
    assert response.status_code == 200
    assert "X-Cache" not in response
    [record] = [r for r in caplog.records if r.name == "site_project.core.pagecache"]
    assert record.getMessage() == f"Page cache unavailable; {url} not stored"
    assert record.exc_info[0] is ConnectionError


@pytest.mark.django_db
def test_each_host_name_has_its_own_copy_of_a_page(client, site, page_cache):
    """A page names its own address (canonical link, share links): the copy made for
    one host name is never served for another."""
    url = site["essay"].url
    warm(client, url)
    other = client.get(url, HTTP_HOST="localhost")
    assert other["X-Cache"] == "miss"
    assert client.get(url, HTTP_HOST="localhost")["X-Cache"] == "hit"


@pytest.mark.django_db
def test_a_lost_generation_marker_never_brings_back_an_old_copy(client, site, page_cache, commit):
    """Markers can be evicted (a cache under memory pressure): a missing one becomes a
    fresh value, so no copy stored under an earlier marker can be served again."""
    essay = site["essay"]
    warm(client, essay.url)
    essay.title = "On prevention, revised"
    commit(builders.publish, essay)
    assert "On prevention, revised" in get(client, essay.url).content.decode()
    caches[settings.PAGE_CACHE_ALIAS].delete(pagecache._path_generation_key(essay.url))
    assert "On prevention, revised" in get(client, essay.url).content.decode()
    caches[settings.PAGE_CACHE_ALIAS].delete(pagecache.SITE_GENERATION)
    assert "On prevention, revised" in get(client, essay.url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("encoding", ["gzip", ""])
def test_the_first_answer_has_the_etag_later_hits_will_have(client, site, page_cache, encoding):
    url = site["essay"].url
    miss = client.get(url, HTTP_ACCEPT_ENCODING=encoding)
    hit = client.get(url, HTTP_ACCEPT_ENCODING=encoding)
    assert (miss["X-Cache"], hit["X-Cache"]) == ("miss", "hit")
    assert miss["ETag"] == hit["ETag"]
    assert miss["ETag"].startswith('W/"' if encoding else '"')


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/essays/%ED%A0%80/", "/essays/%FF%FE/", "/search/?q=%ED%A0%80%FF", "/%C0%AF/"]
)
def test_broken_utf8_in_an_address_is_answered_and_cached_like_any_other(
    client, site, page_cache, path
):
    first = client.get(path)
    assert first.status_code in (200, 404)
    assert client.get(path).status_code == first.status_code


@pytest.mark.django_db
def test_what_invalidation_did_or_could_not_do_is_logged(
    page_cache, front_cache, commit, caplog, monkeypatch
):
    def logged():
        return [
            (r.levelname, r.getMessage(), bool(r.exc_info))
            for r in caplog.records
            if r.name == "site_project.core.invalidation"
        ]

    with caplog.at_level(logging.INFO, logger="site_project.core.invalidation"):
        commit(invalidation.invalidate, ["/a/", "/b/"])
    assert logged() == [("INFO", "Page cache: 2 paths invalidated", False)]
    caplog.clear()

    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(pagecache, "invalidate_paths", down)
    monkeypatch.setattr(invalidation, "_purge_front_cache", down)
    with caplog.at_level(logging.INFO, logger="site_project.core.invalidation"):
        commit(invalidation.invalidate, ["/a/"])
    # Each failure is said, with its error, and neither stops the other step.
    assert logged() == [
        ("ERROR", "Page cache could not be invalidated: pages may be stale", True),
        ("ERROR", "Front cache could not be purged: pages may be stale there", True),
    ]
