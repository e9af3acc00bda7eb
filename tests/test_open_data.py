"""Open data: the method finder's CSV and JSON downloads, and the read API at /api/v2/.

Both give only live, public content, name the site's licence, carry the site's
security headers, and never fail on a query string a reader could not have meant."""

import csv
import html
import io
import json

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from site_project.core import pagecache
from site_project.core.models import SiteSettings
from site_project.taxonomy.models import MethodFamily
from tests import builders
from tests.test_security_headers import assert_strict_public_policy

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate().isoformat()


def export_url(site, kind, query=""):
    return f"{site['finder'].url}export.{kind}" + (f"?{query}" if query else "")


def read_csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "no byte-order mark: Excel would misread UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def titles_csv(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return sorted(row["title"] for row in read_csv(response))


def titles_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return sorted(method["title"] for method in json.loads(response.content)["methods"])


@pytest.fixture
def hidden(site):
    """A never-published method, one made private, and a private essay."""
    draft = builders.method(site["finder"], "Draft method", live=False)
    private = builders.method(site["finder"], "Private method")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="pw")
    essay = builders.essay(site["blog"], "Private essay")
    PageViewRestriction.objects.create(page=essay, restriction_type="password", password="pw")
    return {"draft": draft, "private": private, "essay": essay}


def private_document():
    collection = Collection.get_first_root_node().add_child(name="Closed")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password="open-sesame-42"
    )
    return get_document_model().objects.create(
        title="Closed session",
        file=ContentFile(b"minutes", name="closed.txt"),
        collection=collection,
    )


def public_document():
    return get_document_model().objects.create(
        title="Open report", file=ContentFile(b"report", name="open.txt")
    )


# ---------- The downloads ----------


def test_the_finder_links_both_downloads_with_its_filters_and_the_licence(client, site):
    body = client.get(site["finder"].url + "?level=involve&level=nonsense").content.decode()
    assert 'href="/engagement/methods/export.csv?level=involve"' in body
    assert 'href="/engagement/methods/export.json?level=involve"' in body
    assert 'rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0' in body
    assert (
        'href="/engagement/methods/export.csv"' in client.get(site["finder"].url).content.decode()
    )


def test_csv_has_a_row_per_method_with_every_fact(client, site):
    jury = site["jury"]
    jury.family = MethodFamily.objects.create(name="Deliberative", slug="deliberative")
    jury.participants_note = "stratified random selection"
    jury.cost_source = "Involve"
    jury.cost_year = 2023
    jury.facilitation_skill = "specialist"
    jury.depth_rating = "high"
    jury.last_reviewed = timezone.localdate().replace(year=2025, month=6, day=1)
    builders.publish(jury)

    response = client.get(export_url(site, "csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="engagement-methods-{TODAY}.csv"'
    )
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    rows = {row["title"]: row for row in read_csv(response)}
    assert set(rows) == {"Citizens' jury", "Survey", "Participatory budgeting"}
    row = rows["Citizens' jury"]
    assert row["url"] == f"http://localhost{jury.url}"
    assert row["summary"] == jury.summary
    assert (row["lowest_level"], row["highest_level"]) == ("Involve", "Collaborate")
    assert row["purposes"] == "Deliberate on trade-offs"
    assert row["topics"] == "Prevention"
    assert row["family"] == "Deliberative"
    assert (row["people_fewest"], row["people_most"]) == ("12", "30")
    assert row["people_note"] == "stratified random selection"
    assert row["time_shortest_weeks"] == "12"
    assert (row["cost_from_gbp"], row["cost_up_to_gbp"]) == ("60000", "200000")
    assert (row["cost_source"], row["cost_year"]) == ("Involve", "2023")
    assert row["facilitation_skill"] == "specialist"
    # Not yet rated: an empty cell, never a guess.
    assert (row["depth"], row["breadth"], row["reach"]) == ("high", "", "")
    assert row["last_reviewed"] == "2025-06-01"
    assert rows["Participatory budgeting"]["last_reviewed"] == ""


def test_json_names_licence_source_date_filters_and_methods(client, site):
    response = client.get(export_url(site, "json", "topic=health-and-care&level=nonsense"))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="engagement-methods-{TODAY}.json"'
    )
    data = json.loads(response.content)
    assert data["licence"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert data["source"] == "http://localhost"
    assert data["generated"] == TODAY
    assert data["filters"] == {"topic": "health-and-care"}
    assert data["ignored"] == ["level “nonsense”"]
    assert data["count"] == 2
    jury = next(m for m in data["methods"] if m["title"] == "Citizens' jury")
    assert jury["levels"]["lowest"] == {"slug": "involve", "name": "Involve", "rank": 3}
    assert jury["purposes"] == [
        {"slug": "deliberate-on-trade-offs", "name": "Deliberate on trade-offs"}
    ]
    assert jury["topics"] == [{"slug": "prevention", "name": "Prevention"}]
    assert jury["cost"] == {
        "currency": "GBP",
        "from": 60000,
        "up_to": 200000,
        "covers": None,
        "source": None,
        "year": None,
    }
    assert jury["ratings"] == {"depth": None, "breadth": None, "reach": None}
    assert jury["facilitation_skill"] is None


def test_the_licence_comes_from_site_settings(client, site):
    settings = SiteSettings.for_site(builders.home().get_site())
    settings.licence_name, settings.licence_url = "OGL v3.0", "https://example.org/ogl/"
    settings.save()
    data = json.loads(client.get(export_url(site, "json")).content)
    assert data["licence"] == {"name": "OGL v3.0", "url": "https://example.org/ogl/"}
    assert (
        client.get(export_url(site, "csv"))["Link"] == '<https://example.org/ogl/>; rel="license"'
    )
    assert "OGL v3.0" in client.get(site["finder"].url).content.decode()
    settings.licence_name = ""
    settings.save()
    assert json.loads(client.get(export_url(site, "json")).content)["licence"] is None


FINDER_QUERIES = [  # (the finder's query, the methods it finds)
    ("", ["Citizens' jury", "Participatory budgeting", "Survey"]),
    ("level=consult", ["Survey"]),
    ("topic=health-and-care", ["Citizens' jury", "Survey"]),
    ("purpose=deliberate-on-trade-offs", ["Citizens' jury"]),
    ("budget=5000", ["Survey"]),
    ("level=empower&weeks=2", []),
]


def test_downloads_hold_exactly_the_finders_results(client, site, subtests):
    for query, expected in FINDER_QUERIES:  # one site for all: each download only reads
        with subtests.test(query=query):
            on_page = [
                title
                for title in expected
                if html.escape(title)
                in client.get(f"{site['finder'].url}?{query}").content.decode()
            ]
            assert on_page == expected
            assert titles_csv(client, export_url(site, "csv", query)) == expected
            assert titles_json(client, export_url(site, "json", query)) == expected


JUNK_FILTERS = [
    "level=nope",
    "topic=%00&purpose=" + "x" * 500,
    "budget=lots&weeks=-1&people=a%20crowd",
    "level=consult&level=involve&purpose=a&purpose=b&purpose=c",
    "page=abc&format=xml",
]


def test_junk_filters_never_fail(client, site):
    for query in JUNK_FILTERS:
        for kind in ("csv", "json"):
            response = client.get(export_url(site, kind, query))
            assert response.status_code == 200, (kind, query)


def test_drafts_and_private_methods_never_appear(client, site, hidden):
    every = ["Citizens' jury", "Participatory budgeting", "Survey"]
    assert titles_csv(client, export_url(site, "csv")) == every
    assert titles_json(client, export_url(site, "json")) == every
    # Nor for a reader who has entered the private section's password.
    session = client.session
    session["passed_page_view_restrictions"] = [
        PageViewRestriction.objects.get(page=hidden["private"]).pk
    ]
    session.save()
    assert titles_csv(client, export_url(site, "csv")) == every


def test_formula_like_text_is_escaped_in_csv_but_numbers_are_not(client, site):
    jury = site["jury"]
    jury.summary = '=HYPERLINK("http://evil.example", "click")'
    jury.also_known_as = "+44 citizens"
    jury.participants_note = "-1 per household"
    jury.cost_covers = "@SUM(A1)"
    jury.lead_time = "\tTab first"
    builders.publish(jury)
    builders.method(site["finder"], "-Minus method", summary="\rCarriage return")
    rows = {row["url"]: row for row in read_csv(client.get(export_url(site, "csv")))}
    row = rows[f"http://localhost{jury.url}"]
    assert row["summary"] == '\'=HYPERLINK("http://evil.example", "click")'
    assert row["also_known_as"] == "'+44 citizens"
    assert row["people_note"] == "'-1 per household"
    assert row["cost_covers"] == "'@SUM(A1)"
    assert row["time_preparation"] == "'\tTab first"
    assert row["cost_from_gbp"] == "60000"
    minus = next(row for row in rows.values() if row["title"].endswith("Minus method"))
    assert minus["title"] == "'-Minus method"
    assert minus["summary"] == "'\rCarriage return"
    # JSON is data, not a spreadsheet: it says exactly what the editor wrote.
    data = json.loads(client.get(export_url(site, "json")).content)
    assert any(m["summary"].startswith("=HYPERLINK") for m in data["methods"])


def test_downloads_carry_the_site_security_headers(client, site):
    for kind in ("csv", "json"):
        url = export_url(site, kind, "level=consult")
        assert_strict_public_policy(client.get(url), url)


def test_only_the_finder_has_downloads(client, site):
    for url in [
        "/essays/export.csv",
        f"{site['jury'].url}export.json",
        "/export.csv",
        f"{site['finder'].url}export.csv/",
        f"{site['finder'].url}export.xml",
    ]:
        assert client.get(url).status_code == 404, url


def test_downloads_take_the_same_number_of_queries_for_3_and_30_methods(client, sections):
    family = MethodFamily.objects.create(name="Deliberative", slug="deliberative")
    topics = [builders.topic("Housing"), builders.topic("Transport")]
    purposes = [builders.purpose("Gather views"), builders.purpose("Share power")]

    def add(count):
        for n in range(count):
            builders.method(
                sections["finder"], f"Method {n}", topics=topics, purposes=purposes, family=family
            )

    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200
        return len(ctx.captured_queries)

    csv_url = f"{sections['finder'].url}export.csv"
    json_url = f"{sections['finder'].url}export.json?topic=housing"
    add(3)
    small = (queries(csv_url), queries(json_url))
    add(27)
    assert titles_json(client, json_url).__len__() == 30
    assert (queries(csv_url), queries(json_url)) == small


def test_a_cached_download_is_replaced_when_a_method_is_published(
    client, site, page_cache, django_capture_on_commit_callbacks
):
    url, filtered = export_url(site, "csv"), export_url(site, "csv", "level=consult")
    for each in (url, filtered):
        client.get(each)
        assert client.get(each)["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        builders.method(site["finder"], "Newly published", low="consult", high="consult")
    assert "Newly published" in titles_csv(client, url)
    assert "Newly published" in titles_csv(client, filtered)
    assert pagecache.enabled()


# ---------- The read API ----------


def api(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return json.loads(response.content)


def listed_ids(client, url):
    ids, offset = set(), 0
    while True:
        data = api(client, f"{url}{'&' if '?' in url else '?'}offset={offset}&limit=20")
        ids |= {item["id"] for item in data["items"]}
        offset += 20
        if offset >= data["meta"]["total_count"]:
            return ids


def test_the_api_lists_pages_images_and_documents(client, site):
    builders.image("Teal")
    document = public_document()
    pages = api(client, "/api/v2/pages/")
    assert pages["meta"]["licence"]["name"] == "CC BY 4.0"
    assert api(client, "/api/v2/images/")["meta"]["total_count"] == 1
    documents = api(client, "/api/v2/documents/")
    assert [item["id"] for item in documents["items"]] == [document.pk]
    assert documents["items"][0]["meta"]["download_url"].startswith("http://localhost/documents/")


def test_the_api_lists_no_draft_or_private_page(client, site, hidden):
    # The private section's password entered makes no difference either.
    session = client.session
    session["passed_page_view_restrictions"] = list(
        PageViewRestriction.objects.values_list("pk", flat=True)
    )
    session.save()
    hidden_ids = {page.pk for page in hidden.values()}
    for url in [
        "/api/v2/pages/",
        "/api/v2/pages/?type=engagement.MethodPage",
        "/api/v2/pages/?type=blog.EssayPage&fields=*",
        f"/api/v2/pages/?child_of={site['finder'].pk}",
        "/api/v2/pages/?search=method",
    ]:
        assert not listed_ids(client, url) & hidden_ids, url
    assert site["jury"].pk in listed_ids(client, "/api/v2/pages/")
    for page in hidden.values():
        api(client, f"/api/v2/pages/{page.pk}/", status=404)
        api(client, f"/api/v2/pages/find/?html_path={page.url}", status=404)


def test_the_api_never_lists_a_private_collections_document(client, site):
    closed, open_ = private_document(), public_document()
    assert listed_ids(client, "/api/v2/documents/") == {open_.pk}
    api(client, f"/api/v2/documents/{closed.pk}/", status=404)
    api(client, f"/api/v2/documents/{open_.pk}/")


def test_method_detail_names_its_facets(client, site):
    data = api(client, f"/api/v2/pages/{site['jury'].pk}/")
    assert data["meta"]["type"] == "engagement.MethodPage"
    assert data["levels"]["highest"]["name"] == "Collaborate"
    assert data["topics"] == [{"slug": "prevention", "name": "Prevention"}]
    assert data["purposes"] == [
        {"slug": "deliberate-on-trade-offs", "name": "Deliberate on trade-offs"}
    ]
    assert data["ratings"] == {"depth": None, "breadth": None, "reach": None}
    assert data["people"] == {"fewest": 12, "most": 30, "note": None}
    # The same record as the finder's JSON download.
    download = json.loads(client.get(export_url(site, "json")).content)
    same = next(m for m in download["methods"] if m["slug"] == site["jury"].slug)
    for key in ("levels", "purposes", "topics", "family", "people", "time", "cost", "ratings"):
        assert data[key] == same[key], key


def test_essay_and_principle_details(client, site, hidden):
    essay = site["essay"]
    essay.method_links.create(method=hidden["private"])
    builders.publish(essay)
    data = api(client, f"/api/v2/pages/{essay.pk}/")
    assert data["date"] == "2023-05-01"
    assert data["topics"] == [{"slug": "prevention", "name": "Prevention"}]
    # The private method it discusses is never named.
    assert [m["title"] for m in data["methods_discussed"]] == ["Citizens' jury"]
    assert [p["title"] for p in data["principles_discussed"]] == ["Feed back what changed"]
    principle = api(client, f"/api/v2/pages/{site['principle'].pk}/")
    assert principle["statement"] == site["principle"].statement
    assert principle["framework"]["name"] == "Gunning principles"


def test_api_answers_carry_the_licence_and_security_headers_and_are_not_kept(
    client, site, page_cache
):
    for url in [
        "/api/v2/pages/",
        f"/api/v2/pages/{site['jury'].pk}/",
        "/api/v2/images/",
        "/api/v2/documents/",
    ]:
        response = client.get(url)
        assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
        assert response["Cache-Control"] == "no-cache", url
        assert "X-Cache" not in client.get(url), url
        assert_strict_public_policy(response, url)
    for url in ["/api/v2/pages/?fields=nonsense", "/api/v2/pages/?type=nope.Nope"]:
        assert client.get(url).status_code == 400, url


def test_the_api_is_read_only(client, site):
    assert client.post("/api/v2/pages/", {}).status_code == 405


def test_downloads_list_methods_from_informing_to_empowering_then_by_title(client, sections):
    finder = sections["finder"]
    for title, low, high in [
        ("Zine", "consult", "involve"),
        ("Assembly", "involve", "empower"),
        ("Board", "consult", "collaborate"),
        ("Canvass", "consult", "involve"),
        ("Digest", "inform", "empower"),
    ]:
        builders.method(finder, title, low=low, high=high)
    order = ["Digest", "Canvass", "Zine", "Board", "Assembly"]
    site = {"finder": finder}
    assert [row["title"] for row in read_csv(client.get(export_url(site, "csv")))] == order
    document = json.loads(client.get(export_url(site, "json")).content)
    assert [method["title"] for method in document["methods"]] == order
