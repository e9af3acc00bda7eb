"""Bulk loads pause search indexing for the models they save and index what they saved
once at the end (site_project/core/indexing.py): while paused a save is not indexed,
other models still are, and afterwards saves are indexed again."""

import pytest
from wagtail.models import Page

from blog.models import EssayPage
from site_project.core.indexing import index_for_search, search_index_updates_paused
from site_project.taxonomy.models import Topic
from tests import builders

pytestmark = pytest.mark.django_db


def found(title):
    return [page.title for page in Page.objects.live().search(title)]


def rename(page, title):
    page.title = title
    page.save()


def test_while_paused_saves_of_the_model_wait_for_index_for_search(sections):
    essay = builders.essay(sections["blog"], "Quokka habits")
    method = builders.method(sections["finder"], "Quokka count")
    with search_index_updates_paused(EssayPage):
        rename(essay, "Wombat habits")
        rename(method, "Wombat count")  # not paused: indexed as it is saved
        assert found("wombat") == ["Wombat count"]
        index_for_search([essay])
        assert sorted(found("wombat")) == ["Wombat count", "Wombat habits"]


def test_after_the_pause_saves_are_indexed_again_even_if_it_failed(sections):
    essay = builders.essay(sections["blog"], "Quokka habits")
    with pytest.raises(RuntimeError), search_index_updates_paused(EssayPage, Topic):
        raise RuntimeError("the load failed")
    rename(essay, "Wombat habits")
    assert found("wombat") == ["Wombat habits"]


def test_a_model_paused_twice_is_indexed_again_after_the_outer_pause(sections):
    essay = builders.essay(sections["blog"], "Quokka habits")
    with search_index_updates_paused(EssayPage):
        with search_index_updates_paused(EssayPage):
            pass
        rename(essay, "Wombat habits")
        assert found("wombat") == []
    rename(essay, "Wombat habits again")
    assert found("wombat") == ["Wombat habits again"]
