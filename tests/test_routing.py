"""Pages are found by URL with one query for the whole path (site_project/core/routing.py),
with the same outcome as Wagtail's level-by-level routing: what is served, what is a
404, and which view restrictions apply."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.models import StandardPage
from site_project.core.routing import public_subpage_path
from tests import builders


def text(response):
    return response.content.decode()


@pytest.mark.django_db
def test_a_page_deep_in_the_tree_is_served(client, sections):
    method = builders.method(sections["finder"], "World café")
    response = client.get(method.url)
    assert response.status_code == 200
    assert "World café" in text(response)


@pytest.mark.django_db
def test_unknown_draft_and_too_long_paths_are_404(client, sections):
    method = builders.method(sections["finder"], "World café")
    draft = builders.method(sections["finder"], "Draft method", live=False)
    assert client.get(sections["finder"].url + "no-such-method/").status_code == 404
    assert client.get(draft.url_path.removeprefix("/home")).status_code == 404
    assert client.get(method.url + "no-such-child/").status_code == 404


@pytest.mark.django_db
def test_a_live_page_below_a_draft_is_still_served(client, sections):
    draft_parent = builders.add(
        builders.home(), StandardPage(title="Unpublished section", slug="section"), live=False
    )
    child = builders.add(draft_parent, StandardPage(title="Published child", slug="child"))
    assert client.get("/section/").status_code == 404
    response = client.get("/section/child/")
    assert response.status_code == 200
    assert child.title in text(response)


@pytest.mark.django_db
def test_a_routable_pages_own_views_come_before_a_child_with_the_same_slug(client, sections):
    builders.method(sections["finder"], "A method called spectrum", slug="spectrum")
    body = text(client.get(sections["finder"].url + "spectrum/"))
    assert "Methods on the engagement spectrum" in body


@pytest.mark.django_db
def test_breadcrumbs_list_the_live_ancestors(client, sections):
    method = builders.method(sections["finder"], "World café")
    crumbs = text(client.get(method.url)).split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
    titles = [sections["hub"].title, sections["finder"].title, "World café"]
    assert ">Home<" in crumbs
    assert [crumbs.index(f">{title}<") for title in titles] == sorted(
        crumbs.index(f">{title}<") for title in titles
    )


@pytest.mark.django_db
def test_a_private_page_asks_for_a_login(client, sections):
    method = builders.method(sections["finder"], "Private method")
    PageViewRestriction.objects.create(page=method, restriction_type="login")
    response = client.get(method.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.django_db
def test_a_password_on_a_section_protects_the_pages_below_it(client, sections):
    method = builders.method(sections["finder"], "Protected method")
    PageViewRestriction.objects.create(
        page=sections["hub"], restriction_type="password", password="s3cret"
    )
    response = client.get(method.url)
    assert response.status_code == 200
    assert "Protected method" not in text(response)
    assert 'name="password"' in text(response)


@pytest.mark.django_db
def test_an_alias_answers_to_its_originals_restriction(client, sections):
    essay = builders.essay(sections["blog"], "Private original")
    alias = essay.create_alias(update_slug="alias-of-private")
    # Restricted after aliasing, so only the original carries the restriction.
    PageViewRestriction.objects.create(page=essay, restriction_type="login")
    assert not PageViewRestriction.objects.filter(page=alias).exists()
    response = client.get(sections["blog"].url + "alias-of-private/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.django_db
def test_finding_a_page_takes_the_same_queries_at_any_depth(client, sections):
    shallow = builders.add(builders.home(), StandardPage(title="About", slug="about"))
    deep = builders.method(sections["finder"], "World café")

    # route_for_request caches its answer on the request: clear it to measure.
    def fresh_route_queries(page):
        client.get(page.url)
        request = client.get(page.url).wsgi_request
        del request._wagtail_route_for_request
        with CaptureQueriesContext(connection) as ctx:
            Page.route_for_request(request, page.url)
        return len(ctx.captured_queries)

    assert fresh_route_queries(shallow) == fresh_route_queries(deep)


# The site for a page request is found in a leaner query (site_project/core/sites.py),
# and must be the one Wagtail would have found.


@pytest.fixture
def more_sites():
    """Sites added by a test leave with its transaction; Wagtail's cached list of site
    root paths (which makes page URLs absolute when there are several) must go too."""
    from wagtail.models import Site

    yield
    Site.clear_site_root_paths_cache()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "others",
    [
        [],
        [("example.org", 80, False)],
        [("example.org", 80, False), ("example.org", 8080, False)],
        [("localhost", 8080, False)],
        [("localhost", 443, False), ("example.org", 443, False)],
        [("other.org", 80, False), ("localhost", 8000, False)],
    ],
)
def test_the_site_found_for_a_page_request_is_wagtails(sections, others, more_sites):
    from wagtail.models import Site
    from wagtail.models.sites import get_site_for_hostname

    from site_project.core.sites import site_for_hostname

    for hostname, port, is_default in others:
        Site.objects.create(
            hostname=hostname, port=port, root_page=sections["blog"], is_default_site=is_default
        )
    for hostname in ("localhost", "example.org", "other.org", "unknown.net"):
        for port in (80, 443, 8000, 8080):
            try:
                expected = get_site_for_hostname(hostname, port)
            except Site.DoesNotExist:
                expected = None
            assert site_for_hostname(hostname, port) == expected, (hostname, port)


@pytest.mark.django_db
def test_pages_are_served_from_the_site_that_matches_the_host(
    client, sections, settings, more_sites
):
    from wagtail.models import Site

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "other.example"]
    other_home = builders.add(builders.home(), StandardPage(title="Other site", slug="other"))
    builders.add(other_home, StandardPage(title="Only there", slug="only-there"))
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    assert "Only there" in text(client.get("/only-there/", HTTP_HOST="other.example"))
    assert client.get("/only-there/").status_code == 404
    assert client.get(sections["blog"].url).status_code == 200


@pytest.mark.django_db
def test_a_page_request_reads_the_site_settings_with_the_site(client, sections):
    from site_project.core.models import SiteSettings

    # No settings saved yet: Wagtail makes the row on first use, as before.
    SiteSettings.objects.all().delete()
    assert client.get(sections["blog"].url).status_code == 200
    settings = SiteSettings.objects.get()
    settings.site_name = "Renamed"
    settings.save()
    client.get(sections["blog"].url)
    with CaptureQueriesContext(connection) as queries:
        html = text(client.get(sections["blog"].url))
    assert "Renamed" in html
    assert not [q for q in queries.captured_queries if 'FROM "core_sitesettings"' in q["sql"]]


@pytest.mark.parametrize(
    "sub_url, path",
    [
        ("/", "/engagement/methods/"),
        ("/essays/", "/engagement/methods/essays/"),
        ("essays/", "/engagement/methods/essays/"),
        ("/essays/feed/", "/engagement/methods/essays/feed/"),
        # File-like sub-URLs are served without the trailing slash.
        ("/methods.csv/", "/engagement/methods/methods.csv"),
        ("/downloads/methods.json/", "/engagement/methods/downloads/methods.json"),
        ("/v1.2/list/", "/engagement/methods/v1.2/list/"),  # a dot earlier is not a file
        ("/data/v1.2/list/", "/engagement/methods/data/v1.2/list/"),
        ("/XBOX/", "/engagement/methods/XBOX/"),
        ("/report.XLSX/", "/engagement/methods/report.XLSX"),
    ],
)
def test_a_routable_pages_sub_url_has_the_public_path_readers_use(sub_url, path):
    assert public_subpage_path("/engagement/methods/", sub_url) == path
