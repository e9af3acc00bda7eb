"""Review dates for method guides and principles.

Each guide is due for review `review_interval_months` after `last_reviewed`: its own
interval if an editor set one, otherwise the site's (SiteSettings, twelve months by
default). A guide never reviewed is due at once. The admin report, the dashboard panel,
the e-mail reminder and the public "due for review" note all ask this module.

Everything is worked out in Python from two small queries (one per page type, with the
reviewer joined in), so the number of queries stays the same however many guides there
are: month arithmetic with a per-page interval is awkward to express portably in SQL,
and the library holds tens of guides, not thousands.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from wagtail.log_actions import log

from site_project.core.forms import SitePageForm

DEFAULT_INTERVAL_MONTHS = 12
DUE_SOON_DAYS = 30
MARK_REVIEWED_ACTION = "engagement.mark_reviewed"


def add_months(day, months):
    """`day` plus a number of calendar months, kept within the month (31 Jan + 1 → 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def whole_months_between(start, end):
    """Whole calendar months from `start` to `end` (0 if end is before start)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day and add_months(start, months) > end:
        months -= 1
    return max(months, 0)


def today():
    return timezone.localdate()


class ReviewedPageForm(SitePageForm):
    """Setting "Last reviewed" by hand records the editor as the reviewer, so the date
    and the name in the review report always belong together."""

    def save(self, commit=True):
        if "last_reviewed" in self.changed_data:
            reviewed = self.instance.last_reviewed
            self.instance.last_reviewed_by = self.for_user if reviewed else None
        return super().save(commit=commit)


class ReviewedPage(models.Model):
    """Fields and behaviour of a page that is reviewed at intervals."""

    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="When someone last checked this page was still right. "
        "“Mark as reviewed” (in the page's ⋯ menu or the Review due report) sets it to today.",
    )
    last_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_interval_months = models.PositiveSmallIntegerField(
        "review every (months)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="How often this page should be checked. Leave empty for the site's "
        "default (Settings → Site settings, normally 12 months).",
    )

    base_form_class = ReviewedPageForm

    class Meta:
        abstract = True

    def review_status_for_request(self, request):
        from site_project.core.models import SiteSettings

        return ReviewStatus.of(self, SiteSettings.for_request(request).review_interval_months)


@dataclass
class ReviewStatus:
    """Where one page stands: when it was reviewed, when it is due, how overdue."""

    last_reviewed: datetime.date | None
    due: datetime.date | None  # None: never reviewed, due now
    today: datetime.date

    @classmethod
    def of(cls, page, site_interval=DEFAULT_INTERVAL_MONTHS, on=None):
        interval = page.review_interval_months or site_interval or DEFAULT_INTERVAL_MONTHS
        last = page.last_reviewed
        return cls(
            last_reviewed=last,
            due=add_months(last, interval) if last else None,
            today=on or today(),
        )

    @property
    def never_reviewed(self):
        return self.last_reviewed is None

    @property
    def is_due(self):
        """Never reviewed, or the review date has come."""
        return self.due is None or self.due <= self.today

    @property
    def is_overdue(self):
        """Reviewed once, but the next review date has come: what readers are told."""
        return self.due is not None and self.due <= self.today

    @property
    def is_due_soon(self):
        soon = self.today + datetime.timedelta(days=DUE_SOON_DAYS)
        return self.due is not None and self.today < self.due <= soon

    @property
    def needs_attention(self):
        return self.is_due or self.is_due_soon

    @property
    def sort_key(self):
        """Oldest first: never reviewed, then by due date."""
        return (self.due is not None, self.due or datetime.date.min)

    @property
    def label(self):
        if self.never_reviewed:
            return "Never reviewed"
        if self.is_due:
            months = whole_months_between(self.due, self.today)
            if months == 0:
                return "Due now"
            return f"Overdue by {months} month{'s' if months != 1 else ''}"
        if self.is_due_soon:
            days = (self.due - self.today).days
            return f"Due soon (in {days} day{'s' if days != 1 else ''})"
        return "Up to date"


class ReviewItem:
    """One row of the review report: the page, its type and its review status."""

    def __init__(self, page, status):
        self.page = page
        self.status = status

    # Attributes the report's columns and spreadsheet export read.
    @property
    def pk(self):
        return self.page.pk

    @property
    def title(self):
        return self.page.title

    @property
    def page_type(self):
        return self.page._meta.verbose_name.capitalize()

    @property
    def kind(self):
        return self.page._meta.model_name

    @property
    def last_reviewed(self):
        return self.status.last_reviewed

    @property
    def last_reviewed_display(self):
        return self.status.last_reviewed or "never"

    @property
    def reviewed_by(self):
        user = self.page.last_reviewed_by
        if user is None:
            return ""
        return user.get_full_name() or user.get_username()

    @property
    def due(self):
        return self.status.due or self.status.today

    @property
    def status_label(self):
        return self.status.label

    def __str__(self):
        return self.title


def site_interval():
    from site_project.core.models import SiteSettings

    # The default site's settings: review dates belong to the library, not a hostname.
    settings_ = SiteSettings.objects.filter(site__is_default_site=True).first()
    return settings_.review_interval_months if settings_ else DEFAULT_INTERVAL_MONTHS


def reviewed_page_models():
    from .models import MethodPage, PrinciplePage

    return [MethodPage, PrinciplePage]


def review_items(pages=None, include_due_soon=True):
    """Live guides and principles due (or, with include_due_soon, due within 30 days)
    for review, oldest first. `pages` limits them to a Page queryset (e.g. the pages a
    user may edit).

    Drafts that were never published are left out: readers cannot see them."""
    interval = site_interval()
    items = []
    for model in reviewed_page_models():
        queryset = model.objects.live().select_related(
            # The avatar in the report reads the user's profile.
            "last_reviewed_by__wagtail_userprofile"
        )
        if pages is not None:
            queryset = queryset.filter(pk__in=pages.values("pk"))
        queryset = queryset.defer_streamfields()
        for page in queryset:
            status = ReviewStatus.of(page, interval)
            if status.is_due or (include_due_soon and status.is_due_soon):
                items.append(ReviewItem(page, status))
    items.sort(key=lambda item: (item.status.sort_key, item.title))
    return items


def due_count(pages=None):
    """How many live guides are due or overdue (not counting "due soon")."""
    return len(review_items(pages, include_due_soon=False))


@transaction.atomic
def mark_reviewed(page, user, on=None):
    """Record that `user` reviewed `page` today, without publishing anything else.

    The live page row is updated directly (its save goes through home/signals.py, so
    the cached public page is invalidated), and so are the latest revision and any
    revision waiting to go live, so that the editor's next "Publish" of a pending draft
    does not bring back the old date. A pending draft stays a draft: marking a page
    reviewed is not a way to publish someone's unfinished changes, and an editor may
    mark a page reviewed without having the right to publish it."""
    day = on or today()
    page.last_reviewed = day
    page.last_reviewed_by = user
    page.save(update_fields=["last_reviewed", "last_reviewed_by"], clean=False)

    revisions = page.revisions.filter(
        models.Q(pk=page.latest_revision_id) | models.Q(approved_go_live_at__isnull=False)
    )
    for revision in revisions:
        revision.content["last_reviewed"] = day.isoformat()
        revision.content["last_reviewed_by"] = user.pk if user else None
        revision.save(update_fields=["content"])

    log(
        instance=page,
        action=MARK_REVIEWED_ACTION,
        user=user,
        data={"last_reviewed": day.isoformat()},
    )
    return page
