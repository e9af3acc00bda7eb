"""When content changes, mark every cached page that shows it stale (home/affected.py
says which; site_project/core/invalidation.py delivers it after the commit).

Pages are watched through Django's save and delete signals rather than Wagtail's
`page_published` alone, because a publish can also take something away: before the
new version is saved, the pages that showed the *old* one (its old topics, its old
neighbours, the guides it no longer discusses) are worked out; after the commit, the
pages that show the new one. Publishing, unpublishing, scheduled publishing, moving
and slug changes all save the page; deleting sends pre_delete while it still exists.
Saves that only touch bookkeeping (a draft revision, a lock) change nothing a reader
sees and are ignored.
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site

from engagement.models import Framework
from site_project.core.invalidation import EVERYTHING, in_bulk, invalidate, needed
from site_project.core.models import Person
from site_project.taxonomy.models import EngagementLevel, MethodFamily, Purpose, Topic

from .affected import affected_paths, subtree_paths, topic_paths

# Saving only these fields changes nothing a reader can see.
BOOKKEEPING_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
    "file_hash",
    "file_size",
}
# Objects shown on (nearly) every page: a change clears the whole page cache.
SITE_WIDE_MODELS = (Topic, EngagementLevel, Purpose, MethodFamily, Site, PageViewRestriction)
# Objects shown wherever the pages that refer to them are shown (a document's link
# carries its file name, which changes with a new file).
REFERENCED_MODELS = (Person, Framework, get_image_model(), get_document_model())


def _shows_publicly(update_fields):
    return update_fields is None or bool(set(update_fields) - BOOKKEEPING_FIELDS)


def _skip(update_fields=None, raw=False):
    return raw or in_bulk() or not needed() or not _shows_publicly(update_fields)


def _live_page_after_commit(pk):
    def paths():
        page = Page.objects.filter(pk=pk, live=True).specific().first()
        return affected_paths(page) if page is not None else set()

    return paths


@receiver(pre_save)
def page_before_save(sender, instance, update_fields=None, raw=False, **kwargs):
    """Note the pages that show the version about to be replaced."""
    if not isinstance(instance, Page) or instance.pk is None or _skip(update_fields, raw):
        return
    before = Page.objects.filter(pk=instance.pk).first()
    if before is None:
        return
    if before.numchild and before.url_path != instance.url_path:
        # A moved or renamed section: every page below it has a new address, and the
        # old ones must leave the front cache too.
        instance._paths_before = {EVERYTHING} | subtree_paths(before.specific)
    elif before.live:
        instance._paths_before = affected_paths(before.specific)


@receiver(post_save)
def page_after_save(sender, instance, update_fields=None, raw=False, **kwargs):
    """Invalidate those, and the pages that show the new version once it is committed."""
    if not isinstance(instance, Page) or _skip(update_fields, raw):
        return
    before = instance.__dict__.pop("_paths_before", set())
    if instance.live:
        invalidate(before, then=_live_page_after_commit(instance.pk))
    elif before:
        invalidate(before)


@receiver(pre_delete)
def page_before_delete(sender, instance, **kwargs):
    if not isinstance(instance, Page) or _skip():
        return
    if type(instance) is Page and instance.specific_class not in (None, Page):
        return  # the specific instance is deleted alongside; handle it once
    if instance.numchild:
        invalidate({EVERYTHING} | subtree_paths(instance))
    elif instance.live:
        invalidate(affected_paths(instance))


@receiver(post_save)
@receiver(pre_delete)
def shown_by_referring_pages(sender, instance, update_fields=None, raw=False, **kwargs):
    """People, frameworks and images appear wherever the pages using them appear."""
    if isinstance(instance, REFERENCED_MODELS) and not _skip(update_fields, raw):
        invalidate(affected_paths(instance))


@receiver(post_save)
@receiver(post_delete)
def shown_everywhere(sender, instance, update_fields=None, raw=False, **kwargs):
    if isinstance(instance, SITE_WIDE_MODELS + (BaseSiteSetting,)) and not _skip(
        update_fields, raw
    ):
        invalidate(everything=True)


@receiver(post_save, sender=PageViewRestriction)
def page_made_private(sender, instance, raw=False, **kwargs):
    """A page that just became private must leave every cache, front caches included,
    with everything below it; the generic handler clears the rest."""
    if not _skip(raw=raw):
        invalidate({EVERYTHING} | subtree_paths(instance.page.specific))


@receiver(pre_save, sender=Topic)
@receiver(pre_delete, sender=Topic)
def topic_before_change(sender, instance, raw=False, **kwargs):
    """A renamed or deleted topic's old page and feeds leave the front caches too."""
    if instance.pk and not _skip(raw=raw) and Topic.objects.filter(pk=instance.pk).exists():
        invalidate({EVERYTHING} | topic_paths([instance.pk]))


@receiver(post_save, sender=Redirect)
@receiver(post_delete, sender=Redirect)
def redirect_changed(sender, instance, **kwargs):
    """A redirect answers at an address that may have been cached as a 404."""
    if _skip():
        return
    old = instance.old_path.rstrip("/")
    invalidate({old or "/", old + "/"})


@receiver(post_save, sender=SearchPromotion)
@receiver(post_delete, sender=SearchPromotion)
def search_promotions_changed(sender, instance, **kwargs):
    if not _skip():
        invalidate({reverse("search")})
