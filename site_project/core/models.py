"""Parts every page type shares: site settings, people, and the page base class."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, PreviewableMixin, RevisionMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from .forms import SiteModelForm, SitePageForm
from .linked_pages import linked_page_ids, page_links_loaded
from .routing import route_path

DEFAULT_LICENCE_NAME = "CC BY 4.0"
DEFAULT_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    site_name = models.CharField(max_length=80, default="Engaging Communities")
    tagline = models.CharField(
        max_length=160,
        blank=True,
        default="Essays and a practical library on community engagement in UK public services",
    )
    footer_text = models.TextField(
        blank=True, help_text="A line or two at the foot of every page, e.g. a licence note."
    )
    licence_name = models.CharField(
        "licence",
        max_length=80,
        blank=True,
        default=DEFAULT_LICENCE_NAME,
        help_text="The licence the site's text and open data are shared under, as readers "
        "know it, e.g. 'CC BY 4.0'. Shown in the footer, the method finder's downloads and "
        "the API. Leave empty to state none.",
    )
    licence_url = models.URLField(
        "licence web address",
        blank=True,
        default=DEFAULT_LICENCE_URL,
        help_text="Where the licence's terms can be read.",
    )
    social_links = StreamField(
        [
            (
                "link",
                blocks.StructBlock(
                    [
                        ("label", blocks.CharBlock(max_length=40, help_text="e.g. 'Bluesky'.")),
                        ("url", blocks.URLBlock(label="Web address")),
                    ],
                    icon="link",
                ),
            )
        ],
        blank=True,
        use_json_field=True,
        help_text="Profiles shown in the footer.",
    )
    default_share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Used when a shared page has no image of its own (1200×630 works best).",
    )

    review_interval_months = models.PositiveSmallIntegerField(
        "review method guides and principles every (months)",
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="How long a method guide or principle may go unchecked before it shows "
        "in the “Review due” report (a page can set its own interval).",
    )

    base_form_class = SiteModelForm

    # Every page's sharing metadata falls back to this image: load it with the settings.
    select_related = ["default_share_image"]

    panels = [
        FieldPanel("site_name"),
        FieldPanel("tagline"),
        FieldPanel("footer_text"),
        MultiFieldPanel(
            [FieldPanel("licence_name"), FieldPanel("licence_url")],
            heading="Licence",
        ),
        FieldPanel("social_links"),
        FieldPanel("default_share_image"),
        FieldPanel("review_interval_months"),
    ]

    class Meta:
        verbose_name = "site settings"

    @property
    def licence(self):
        """The licence as open data states it: {"name", "url"}, or None if none is set."""
        if not self.licence_name:
            return None
        return {"name": self.licence_name, "url": self.licence_url or None}


@register_snippet
class Person(PreviewableMixin, RevisionMixin, index.Indexed, models.Model):
    """An author or reviewer, reused across essays (a snippet)."""

    name = models.CharField(max_length=120)
    role = models.CharField(max_length=160, blank=True, help_text="e.g. 'Engagement practitioner'.")
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    bio = models.TextField(blank=True, max_length=600, help_text="Two or three sentences.")

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("photo"), FieldPanel("bio")]
    base_form_class = SiteModelForm
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def get_preview_template(self, request, mode_name):
        return "core/person_preview.html"


# What every listing card reads from a page's own row: its title, its address (from
# its place in the tree), its place in the tree (privacy checks in Python), whether it
# is live (rich-text links and the method card block check it) and its type
# (`.specific`). A page type's `card_fields` add the rest.
CARD_PAGE_FIELDS = ("title", "url_path", "path", "live", "content_type")


def card_fields(model, via=None):
    """(fields for `only()`, relations for `select_related()`) that load `model`'s
    listing card, directly or through the foreign key `via` of another model (an inline
    row that links to the page): see CardQuerySet."""
    fields = (*CARD_PAGE_FIELDS, *model.card_fields)
    related = tuple(model.card_select_related)
    if via is None:
        return fields, related
    return tuple(f"{via}__{f}" for f in fields), (via, *(f"{via}__{r}" for r in related))


class CardQuerySet(PageQuerySet):
    """Page querysets that load only what a listing card shows.

    A page row is wide (Wagtail's thirty-odd columns and the page type's own), and on a
    page that lists a dozen cards building and reading those columns costs more than
    the query itself. A page type names what its card template reads in `card_fields`
    (related fields included, e.g. "min_level__name") and the foreign keys to join in
    `card_select_related`; anything else read from such a card is fetched, one query a
    card, so card templates and these lists change together."""

    def for_cards(self, *extra_fields):
        """Only what the card shows, and `extra_fields` that the list shows beside it."""
        fields, related = card_fields(self.model)
        return self.select_related(*related).only(*fields, *extra_fields)


class BasePage(Page):
    """Shared behaviour for every public page: sharing metadata and preview modes."""

    promote_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="share image",
        help_text="Shown when the page is shared on social media; falls back to the site default.",
    )

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading="For search engines"),
        FieldPanel("promote_image"),
    ]

    # Every limited text field states its limit and counts characters (core/forms.py).
    base_form_class = SitePageForm

    # Foreign keys the page's own templates show, loaded with the page when it is served.
    serve_select_related = ("promote_image",)
    # What the page type's listing card reads, besides CARD_PAGE_FIELDS (see CardQuerySet).
    card_fields = ()
    card_select_related = ()

    class Meta:
        abstract = True

    def route(self, request, path_components):
        return route_path(self, request, path_components)

    def serve(self, request, *args, **kwargs):
        # Rendered here, while every page the body links to is loaded in one query
        # (core/linked_pages.py), rather than a query per paragraph with links, and
        # the pages the page's own lists loaded are there for its blocks to reuse.
        body = getattr(self, "body", None)
        linked = linked_page_ids(body.raw_data) if body is not None else set()
        with page_links_loaded(linked):
            response = super().serve(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
        return response

    def get_view_restrictions(self):
        # A served page already knows its restrictions (see core/routing.py): the
        # serve-time privacy check then costs no queries of its own.
        served = getattr(self, "served_view_restrictions", None)
        if served is not None:
            return served
        return super().get_view_restrictions()

    @cached_property
    def meta_description(self):
        return self.search_description or getattr(self, "summary", "") or ""


class ListingCardPreviewMixin:
    """Adds a 'Listing card' preview mode, so editors see how a page looks in lists.

    Pages using it name their card include in `card_template`."""

    card_template = ""

    @property
    def preview_modes(self):
        return [("", "Full page"), ("card", "Listing card")]

    def serve_preview(self, request, mode_name):
        if mode_name == "card":
            return TemplateResponse(
                request, "components/card_preview.html", {"page": self, "card_page": self}
            )
        return super().serve_preview(request, mode_name)


def editor_tabs(
    content_panels,
    taxonomy_panels=None,
    *,
    facts_panels=None,
    facts_heading="At a glance",
    taxonomy_heading="Taxonomy & links",
):
    """The tabs every page type shows editors: Content, (a page type's facts, e.g. a
    method's "At a glance"), Taxonomy & links, Promote, Settings."""
    tabs = [ObjectList(content_panels, heading="Content")]
    if facts_panels:
        tabs.append(ObjectList(facts_panels, heading=facts_heading))
    if taxonomy_panels:
        tabs.append(ObjectList(taxonomy_panels, heading=taxonomy_heading))
    tabs += [
        ObjectList(BasePage.promote_panels, heading="Promote"),
        ObjectList(Page.settings_panels, heading="Settings"),
    ]
    return TabbedInterface(tabs)
