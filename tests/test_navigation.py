"""The main menu: pages ticked 'Show in menus' in the top two levels, sections first and
general pages last, the same whether routing fetched them with the page (Wagtail pages)
or the menu asked for them itself (Django views such as /topics/)."""

import re

import pytest
from wagtail.models import PageViewRestriction

from home.models import StandardPage
from tests import builders


def menu(client, url):
    body = client.get(url).content.decode()
    nav = body.split('aria-label="Main"')[1].split("</nav>")[0]
    return re.findall(r"<a href=\"[^\"]*\"[^>]*>([^<]+)</a>", nav)


@pytest.fixture
def site(sections):
    home = builders.home()
    about = builders.add(home, StandardPage(title="About", slug="about", show_in_menus=True))
    team = builders.add(about, StandardPage(title="Team", slug="team"))
    builders.add(team, StandardPage(title="Too deep", slug="deep", show_in_menus=True))
    builders.add(home, StandardPage(title="Unticked", slug="unticked"))
    builders.add(home, StandardPage(title="Draft", slug="draft", show_in_menus=True), live=False)
    private = builders.add(home, StandardPage(title="Members", slug="members", show_in_menus=True))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return sections


EXPECTED = ["Essays", "Methods", "Principles", "Topics", "Search", "About"]


@pytest.mark.django_db
def test_menu_on_a_page_lists_ticked_visible_pages_sections_first(client, site):
    method = builders.method(site["finder"], "World café")
    assert menu(client, method.url) == EXPECTED


@pytest.mark.django_db
def test_menu_on_a_django_view_is_the_same(client, site):
    assert menu(client, "/topics/") == EXPECTED


@pytest.mark.django_db
def test_menu_marks_the_section_the_page_is_in(client, site):
    method = builders.method(site["finder"], "World café")
    body = client.get(method.url).content.decode()
    assert f'href="{site["finder"].url}" aria-current="true">Methods<' in body
    body = client.get(site["finder"].url).content.decode()
    assert f'href="{site["finder"].url}" aria-current="page">Methods<' in body


@pytest.mark.django_db
def test_pages_on_the_path_join_the_menu_only_if_they_belong_there(client, site):
    # /about/team/deep/: Team is unticked, Too deep is ticked but three levels down.
    assert menu(client, "/about/team/deep/") == EXPECTED
