"""Serializer fields for the read API (site_project/api.py): related things by name,
slug and address, never as bare ids, and linked pages only when a reader may see them.

Page types list these in their `api_fields`."""

from django.apps import apps
from rest_framework.fields import Field

from .backlinks import pages_discussed


class TermsField(Field):
    """Taxonomy terms (a many-to-many manager) as [{"slug", "name"}]."""

    def to_representation(self, manager):
        return [{"slug": term.slug, "name": term.name} for term in manager.all()]


class FactField(Field):
    """One part of a record built for the whole object by `build(instance)`, which is
    called once per object however many of these fields a response shows."""

    def __init__(self, build, key, **kwargs):
        self.build, self.key = build, key
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        cache_name = f"_api_facts_{self.build.__name__}"
        facts = getattr(instance, cache_name, None)
        if facts is None:
            facts = self.build(instance)
            setattr(instance, cache_name, facts)
        return facts[self.key]


class DiscussedPagesField(Field):
    """The method guides or principles an essay discusses, exactly as its page lists
    them (core/backlinks.py: its inline rows and the pages its text links to), as
    [{"id", "title", "url", "note"}]: only live, public ones, so a draft or a private
    page is never named."""

    def __init__(self, model, relation, target, **kwargs):
        self.model, self.relation, self.target = model, relation, target
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        request = self.context.get("request")
        pages = apps.get_model(self.model).objects.defer_streamfields()
        found = pages_discussed(page, pages, self.relation, self.target, request)
        return [
            {
                "id": each.pk,
                "title": each.title,
                "url": each.get_full_url(request),
                "note": each.discussed_note or None,
            }
            for each in found
        ]


class PeopleField(Field):
    """An essay's authors (inline EssayAuthor rows) as [{"name", "role"}]."""

    def to_representation(self, links):
        return [{"name": link.person.name, "role": link.person.role} for link in links.all()]


class FrameworkField(Field):
    """A principle's framework as {"name", "publisher", "year", "url"}, or null."""

    def to_representation(self, framework):
        if framework is None:
            return None
        return {
            "name": framework.name,
            "publisher": framework.publisher or None,
            "year": framework.year,
            "url": framework.url or None,
        }
