"""What readers rely on: listings, the finder, compare, topics, search, feeds and
metadata behave, junk input never breaks a page, and unpublished content never leaks."""

import datetime
import re

import pytest
from django.template.loader import get_template
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from tests import builders
from tests.reading import notices


def text(response):
    return response.content.decode()


# ---------- Never broken by input ----------

JUNK_PARAMS = [
    "page=0",
    "page=-1",
    "page=abc",
    "page=99999",
    "page=1&page=2",
    "topic=nope&year=1066",
    "year=abc&topic=%00",
    "level=nope&purpose=x&purpose=x&people=lots&budget=-5&weeks=never",
    "level=involve&level=empower&level=%F0%9F%98%80",
    "q=" + "a" * 5000,
    "q=%00%00bad",
    "q=%F0%9F%98%80%20emoji",
    "q=' OR 1=1; DROP TABLE wagtailcore_page; --",
    "q=<script>alert(1)</script>",
    'q="unbalanced AND (OR * NEAR',
    "m=nope&m=nope&m=" + "x" * 3000,
]


@pytest.mark.django_db
def test_junk_query_strings_never_break_a_page(client, site, subtests):
    pages = [
        site["blog"].url,
        site["jury"].url + "essays/",
        site["finder"].url,
        site["finder"].url + "compare/",
        site["finder"].url + "spectrum/",
        "/search/",
        "/topics/",
        "/topics/prevention/",
    ]
    for base in pages:  # one site for all: each visit only reads
        with subtests.test(page=base):
            for params in JUNK_PARAMS:
                response = client.get(f"{base}?{params}")
                assert response.status_code == 200, params
                assert "<script>alert(1)</script>" not in text(response), params


@pytest.mark.django_db
def test_bad_page_numbers_tell_the_reader_what_happened(client, site):
    unrecognised = "That page number wasn't recognised, so here is the first page."
    for url, note in [
        (site["blog"].url + "?page=abc", unrecognised),
        (site["blog"].url + "?page=99999", "There is only one page, so here it is."),
        (site["jury"].url + "essays/?page=abc", unrecognised),
        (site["jury"].url + "essays/?page=0", "Pages start at 1, so here is the first page."),
    ]:
        assert notices(text(client.get(url))) == [note], url


@pytest.mark.django_db
def test_unknown_addresses_below_a_method_page_are_404(client, site):
    assert client.get(site["jury"].url + "nope/").status_code == 404
    assert client.get(site["jury"].url + "essays/nope/").status_code == 404


@pytest.mark.django_db
def test_unknown_topic_slug_is_a_404(client, site):
    assert client.get("/topics/no-such-topic/").status_code == 404
    assert client.get("/feeds/topics/no-such-topic/rss/").status_code == 404


@pytest.mark.django_db
def test_search_shows_html_in_the_query_escaped(client, site):
    response = client.get("/search/", {"q": "<b>bold</b> jury"})
    assert "&lt;b&gt;bold&lt;/b&gt; jury" in text(response)


# ---------- Unpublished content never leaks ----------


@pytest.fixture
def hidden(site):
    builders.essay(site["blog"], "Secret draft essay", live=False, topics=[site["care"]])
    withdrawn = builders.method(site["finder"], "Withdrawn method", topics=[site["care"]])
    withdrawn.unpublish()
    private = builders.essay(site["blog"], "Private essay", topics=[site["care"]])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    private_method = builders.method(site["finder"], "Private method", topics=[site["care"]])
    PageViewRestriction.objects.create(page=private_method, restriction_type="login")
    return ["Secret draft essay", "Withdrawn method", "Private essay", "Private method"]


# Every listing, count, feed, index and hub a reader reaches without logging in.
LEAK_URLS = [
    "/",
    "ESSAYS",
    "FINDER",
    "FINDER?topic=health-and-care",
    "FINDERspectrum/",
    "FINDERcompare/",
    "/topics/health-and-care/",
    "/search/?q=secret",
    "/search/?q=private",
    "/search/?q=withdrawn",
    "/feeds/essays/rss/",
    "/feeds/topics/health-and-care/atom/",
    "/sitemap.xml",
]


@pytest.mark.django_db
def test_drafts_private_and_unpublished_pages_never_appear(client, site, hidden, subtests):
    for url in LEAK_URLS:  # one site for all: each visit only reads
        url = url.replace("ESSAYS", site["blog"].url).replace("FINDER", site["finder"].url)
        with subtests.test(url=url):
            body = text(client.get(url))
            for title in hidden:
                assert title not in body, f"{title} leaked into {url}"
                assert title.lower().replace(" ", "-") not in body


# ---------- Essays ----------


@pytest.mark.django_db
def test_essay_index_is_newest_first_and_filters_by_topic_and_year(client, site):
    body = text(client.get(site["blog"].url))
    assert body.index("On prevention") < body.index("On surveys")
    by_topic = text(client.get(site["blog"].url, {"topic": "prevention"}))
    assert "On prevention" in by_topic and "On surveys" not in by_topic
    by_year = text(client.get(site["blog"].url, {"year": "2021"}))
    assert "On surveys" in by_year and "On prevention" not in by_year


@pytest.mark.django_db
def test_essay_page_shows_methods_discussed_with_their_level_range(client, site):
    body = text(client.get(site["essay"].url))
    section = body.split('id="methods-discussed"')[1]
    assert "Citizens&#x27; jury" in section or "Citizens' jury" in section
    assert "Involve" in section and "Collaborate" in section
    assert "Feed back what changed" in body


@pytest.mark.django_db
def test_essay_with_three_headings_gets_a_table_of_contents(client, sections):
    headings = [("heading", {"text": f"Part {n}", "level": "h2"}) for n in range(3)]
    essay = builders.essay(sections["blog"], "Long read", body=headings)
    body = text(client.get(essay.url))
    assert 'aria-labelledby="toc-heading"' in body
    anchors = re.findall(r'<h2 id="([^"]+)" class="block-heading">', body)
    assert len(anchors) == 3
    for anchor in anchors:
        assert f'href="#{anchor}"' in body


@pytest.mark.django_db
def test_essay_with_fewer_headings_has_no_table_of_contents(client, site):
    assert 'aria-labelledby="toc-heading"' not in text(client.get(site["essay"].url))


@pytest.mark.django_db
def test_essay_page_is_light_and_needs_no_javascript(client, site):
    from django.contrib.staticfiles import finders

    response = client.get(site["essay"].url)
    body = text(response)
    scripts = re.findall(r"<script([^>]*)>", body)
    assert all('type="application/ld+json"' in attrs for attrs in scripts)
    with open(finders.find("css/site.css"), "rb") as stylesheet:
        css = len(stylesheet.read())
    assert len(response.content) + css < 100 * 1024


@pytest.mark.django_db
def test_related_essays_are_ranked_by_shared_topics(client, site):
    both = builders.essay(site["blog"], "Shares two", topics=[site["prevention"], site["care"]])
    builders.essay(site["blog"], "Shares none")
    essay = site["essay"]
    essay.topics.add(site["care"])
    builders.publish(essay)
    body = text(client.get(essay.url))
    related = body.split('id="related-heading"')[1]
    assert "Shares two" in related and "Shares none" not in related
    assert related.index("Shares two") < related.index("On surveys")
    assert both.title in related


@pytest.mark.django_db
def test_related_essays_are_the_newest_three_of_equal_rank_a_reader_may_see(client, site):
    care = site["care"]
    day = datetime.date(2030, 1, 1)
    for n, title in enumerate(["Oldest", "Older", "Newer", "Newest"]):
        builders.essay(site["blog"], title, topics=[care], date=day + datetime.timedelta(n))
    later = day + datetime.timedelta(9)
    builders.essay(site["blog"], "A draft", topics=[care], date=later, live=False)
    private = builders.essay(site["blog"], "A private one", topics=[care], date=later)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    essay = builders.essay(site["blog"], "The essay read", topics=[care], date=later)
    related = text(client.get(essay.url)).split('id="related-heading"')[1].split("</section>")[0]
    titles = re.findall(r"<h3[^>]*>\s*<a[^>]*>([^<]+)</a>", related)
    assert titles == ["Newest", "Newer", "Older"]


# ---------- Method finder ----------


@pytest.mark.django_db
def test_finder_level_filter_matches_methods_whose_range_overlaps(client, site):
    body = text(client.get(site["finder"].url, {"level": "collaborate"}))
    assert "Citizens" in body and "Participatory budgeting" in body
    assert ">Survey<" not in body


@pytest.mark.django_db
def test_finder_people_budget_and_time_filters(client, site):
    body = text(client.get(site["finder"].url, {"people": "251-1000"}))
    assert ">Survey<" in body and "Citizens" not in body
    body = text(client.get(site["finder"].url, {"budget": "5000"}))
    assert ">Survey<" in body and "Citizens" not in body
    body = text(client.get(site["finder"].url, {"weeks": "12"}))
    assert "Citizens" in body and ">Survey<" in body


@pytest.mark.django_db
def test_finder_topic_filter_includes_sub_topics(client, site):
    body = text(client.get(site["finder"].url, {"topic": "health-and-care"}))
    assert "Citizens" in body and ">Survey<" in body and "Participatory budgeting" not in body


@pytest.mark.django_db
def test_finder_shows_count_and_removable_chips_and_clear_all(client, site):
    response = client.get(
        site["finder"].url, {"level": "involve", "purpose": "deliberate-on-trade-offs"}
    )
    body = text(response)
    assert "1 method matches your filters" in body
    chips = re.findall(r'<a class="chip chip--removable" href="([^"]+)"', body)
    assert len(chips) == 2
    assert any("level=involve" in c and "purpose" not in c for c in chips)
    assert "Clear all filters" in body


@pytest.mark.django_db
def test_finder_empty_state_suggests_which_filter_to_relax(client, site):
    body = text(client.get(site["finder"].url, {"level": "inform", "topic": "prevention"}))
    assert "No method matches" in body
    assert "Remove “Level: Inform”" in body


@pytest.mark.django_db
def test_finder_reports_filters_it_ignored(client, site):
    body = text(client.get(site["finder"].url, {"level": "sideways"}))
    assert "We ignored a filter" in body and "sideways" in body


# ---------- Compare ----------


@pytest.mark.django_db
def test_compare_shows_a_side_by_side_table(client, site):
    response = client.get(
        site["finder"].url + "compare/", {"m": [site["jury"].slug, site["survey"].slug]}
    )
    body = text(response)
    assert "<table" in body and 'scope="col"' in body
    for row in ("Level of influence", "People", "Cost", "Strengths", "Limitations"):
        assert f'<th scope="row">{row}</th>' in body
    assert "£60,000–£200,000" in body


@pytest.mark.django_db
def test_compare_ignores_unknown_and_repeated_slugs_with_a_note(client, site):
    response = client.get(
        site["finder"].url + "compare/",
        {"m": [site["jury"].slug, site["jury"].slug, "nope", site["survey"].slug]},
    )
    body = text(response)
    assert "listed twice" in body and "couldn&#x27;t find a method called “nope”" in body
    assert "2 methods side by side" in body


@pytest.mark.django_db
def test_compare_refuses_more_than_four_politely(client, site, sections):
    extra = [builders.method(sections["finder"], f"Extra {n}") for n in range(2)]
    slugs = [site["jury"].slug, site["survey"].slug, site["pb"].slug] + [m.slug for m in extra]
    body = text(client.get(site["finder"].url + "compare/", {"m": slugs}))
    assert "up to 4 methods" in body
    assert "<table" not in body


@pytest.mark.django_db
def test_short_methods_address_redirects_to_the_finder(client, site):
    response = client.get("/methods/compare/", {"m": ["a", "b"]})
    assert response.status_code == 302
    assert response["Location"] == site["finder"].url + "compare/?m=a&m=b"


# ---------- Method and principle pages ----------


@pytest.mark.django_db
def test_method_page_shows_at_a_glance_facts(client, site):
    body = text(client.get(site["jury"].url))
    assert "At a glance" in body
    assert "12–30 people" in body
    assert "£60,000–£200,000" in body


@pytest.mark.django_db
def test_principles_index_groups_by_framework(client, sections):
    from engagement.models import Framework

    gunning = Framework.objects.create(name="The Gunning principles", sort_order=1)
    builders.principle(sections["principles"], "Formative stage", framework=gunning)
    builders.principle(sections["principles"], "Loose principle")
    body = text(client.get(sections["principles"].url))
    assert "The Gunning principles</h2>" in body and "Other principles</h2>" in body


@pytest.mark.django_db
def test_principle_page_lists_essays_that_discuss_it(client, site):
    body = text(client.get(site["principle"].url))
    assert "On prevention" in body


# ---------- Topics ----------


@pytest.mark.django_db
def test_topic_list_shows_counts(client, site):
    body = text(client.get("/topics/"))
    assert "Health and care" in body and "Prevention" in body
    assert "1 essay, 1 method, 0 principles" in body  # Prevention


@pytest.mark.django_db
def test_topic_list_counts_each_topics_own_pages(client, site):
    builders.topic("Arts")
    builders.essay(site["blog"], "More on care", topics=[site["care"]])
    body = text(client.get("/topics/"))
    counts = re.findall(
        r'>([^<>]+)</a>(?:</h2>)?\s*(?:<p>[^<]*</p>\s*)?<span class="counts">([^<]+)<', body
    )
    assert counts == [
        ("Arts", "0 essays, 0 methods, 0 principles"),
        ("Health and care", "2 essays, 1 method, 0 principles"),
        ("Prevention", "1 essay, 1 method, 0 principles"),
    ]


@pytest.mark.django_db
def test_topic_list_is_alphabetical_like_the_home_page(client, site):
    builders.topic("Arts")
    body = text(client.get("/topics/"))
    names = re.findall(r'<h2><a href="/topics/[^"]+/">([^<]+)</a></h2>', body)
    assert names == sorted(names) == ["Arts", "Health and care"]


@pytest.mark.django_db
def test_topic_list_counts_only_what_readers_can_see(client, site, hidden):
    # Every hidden page is on Health and care; its own visible pages are one of each.
    body = text(client.get("/topics/"))
    counts = re.search(r'>Health and care</a></h2>.*?<span class="counts">([^<]+)<', body, re.S)
    assert counts.group(1) == "1 essay, 1 method, 0 principles"


@pytest.mark.django_db
def test_topic_page_gathers_content_of_its_sub_topics(client, site):
    body = text(client.get("/topics/health-and-care/"))
    assert "On prevention" in body and "On surveys" in body
    assert "Citizens" in body and "Survey" in body


# ---------- Search ----------


@pytest.mark.django_db
def test_search_finds_pages_of_each_type_labelled(client, site):
    body = text(client.get("/search/", {"q": "jury"}))
    assert "Method guide" in body and "Citizens" in body
    body = text(client.get("/search/", {"q": "prevention"}))
    assert ">Essay<" in body


@pytest.mark.django_db
def test_search_results_are_not_indexed_by_search_engines(client, site):
    assert '<meta name="robots" content="noindex' in text(client.get("/search/", {"q": "x"}))


@pytest.mark.django_db
def test_search_promotions_are_shown_first(client, site):
    query = Query.get("consultation")
    SearchPromotion.objects.create(query=query, page=site["survey"], sort_order=0)
    body = text(client.get("/search/", {"q": "Consultation"}))
    assert "Recommended" in body
    assert body.index("Recommended") < body.index("result")


@pytest.mark.django_db
def test_search_is_paginated(client, sections):
    for n in range(12):
        builders.essay(sections["blog"], f"Deliberation note {n}")
    first = text(client.get("/search/", {"q": "deliberation"}))
    assert "12 results" in first and 'rel="next"' in first
    second = text(client.get("/search/", {"q": "deliberation", "page": "2"}))
    assert second.count('class="result"') == 2


# ---------- Feeds, sitemap, metadata ----------


@pytest.mark.django_db
def test_rss_and_atom_feeds_list_live_essays_newest_first(client, site):
    rss = text(client.get("/feeds/essays/rss/"))
    assert "<rss" in rss and rss.index("On prevention") < rss.index("On surveys")
    assert "http://testserver" + site["essay"].url in rss
    atom = text(client.get("/feeds/topics/prevention/atom/"))
    assert "<feed" in atom and "On prevention" in atom and "On surveys" not in atom


@pytest.mark.django_db
def test_feeds_are_discoverable_from_every_page(client, site):
    body = text(client.get("/"))
    assert 'type="application/rss+xml"' in body and 'type="application/atom+xml"' in body


@pytest.mark.django_db
def test_sitemap_and_robots(client, site):
    sitemap = text(client.get("/sitemap.xml"))
    assert site["essay"].url in sitemap and site["jury"].url in sitemap
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in text(robots)


@pytest.mark.django_db
def test_essay_metadata_for_sharing_and_search_engines(client, site):
    body = text(client.get(site["essay"].url))
    assert "<title>On prevention · " in body
    assert f'<link rel="canonical" href="http://testserver{site["essay"].url}">' in body
    assert 'property="og:title" content="On prevention"' in body
    assert 'property="og:type" content="article"' in body
    assert '"@type": "Article"' in body
    assert '"@type": "BreadcrumbList"' in body
    assert 'name="description" content="What On prevention argues."' in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["blog", "essay", "hub", "finder", "jury", "principles", "principle"]
)
def test_every_kind_of_page_names_its_own_address_for_sharing_and_search_engines(
    client, site, name
):
    page = site[name]
    body = text(client.get(page.url))
    address = f"http://testserver{page.url}"
    assert f'<link rel="canonical" href="{address}">' in body
    assert f'<meta property="og:url" content="{address}">' in body


# ---------- Errors ----------


@pytest.mark.django_db
def test_404_page_is_styled_and_helpful(client, site):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "We can't find that page" in text(response)
    assert "site.css" in text(response)


def test_500_template_does_not_touch_the_database():
    # No django_db mark: any query here would raise instead of rendering.
    html = get_template("500.html").render({})
    assert "Something went wrong" in html


@pytest.mark.django_db
def test_a_missing_image_file_does_not_break_the_essay_page(client, sections):
    hero = builders.image("Lost photo")
    hero.file.storage.delete(hero.file.name)
    essay = builders.essay(sections["blog"], "Pictured essay", hero_image=hero)
    response = client.get(essay.url)
    assert response.status_code == 200
    assert client.get(sections["blog"].url).status_code == 200


@pytest.mark.django_db
def test_odd_digits_and_nul_bytes_in_filters_are_ignored(client, site):
    assert client.get(site["blog"].url, {"year": "²"}).status_code == 200
    assert client.get(site["blog"].url, {"year": "9" * 5000}).status_code == 200
    response = client.get(site["finder"].url + "compare/", {"m": ["\x00", site["jury"].slug]})
    assert response.status_code == 200


@pytest.mark.django_db
def test_essay_index_topic_filter_includes_sub_topics(client, site):
    body = text(client.get(site["blog"].url, {"topic": "health-and-care"}))
    assert "On prevention" in body and "On surveys" in body


@pytest.mark.django_db
def test_essays_sharing_a_date_still_link_previous_and_next(client, sections):
    same_day = datetime.date(2024, 6, 1)
    first = builders.essay(sections["blog"], "First of the day", date=same_day)
    second = builders.essay(sections["blog"], "Second of the day", date=same_day)
    assert "First of the day" in text(client.get(second.url)).split('class="prev-next"')[1]
    assert "Second of the day" in text(client.get(first.url)).split('class="prev-next"')[1]


@pytest.mark.django_db
def test_private_methods_and_principles_are_not_shown_as_links(client, site):
    PageViewRestriction.objects.create(page=site["jury"], restriction_type="login")
    PageViewRestriction.objects.create(page=site["principle"], restriction_type="login")
    body = text(client.get(site["essay"].url))
    assert 'id="methods-discussed"' not in body
    assert "Feed back what changed" not in body


@pytest.mark.django_db
def test_budget_filter_keeps_methods_with_only_an_upper_cost(client, sections):
    builders.method(sections["finder"], "Cheap chat", cost_max=800)
    body = text(client.get(sections["finder"].url, {"budget": "1000"}))
    assert "Cheap chat" in body
