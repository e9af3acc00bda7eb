"""Template tags for the shared layout: navigation, breadcrumbs, metadata."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page, Site

from site_project.blocks.content import heading_anchor as _heading_anchor
from site_project.core.models import SiteSettings
from site_project.core.navigation import menu_pages

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def main_nav(context):
    """Pages ticked 'Show in menus' under the site root, in tree order (no query on a page
    that routing found, which fetched them too; one query elsewhere).

    Section pages (essays, methods, principles) come first; general pages such as
    About come last. Each item says whether the current page lies within it."""
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return {"sections": [], "general": []}
    pages = menu_pages(request, root)
    current = context.get("page")
    current_path = getattr(current, "path", "") or ""
    nav = {"sections": [], "general": []}
    for item in pages:
        if current_path == item.path:
            item.nav_current = "page"
        elif current_path.startswith(item.path):
            item.nav_current = "true"
        else:
            item.nav_current = ""
        group = "general" if item.cached_content_type.model == "standardpage" else "sections"
        nav[group].append(item)
    return nav


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page, here=""):
    """Live ancestors from the site root down to `page`, plus their JSON-LD (at most one
    query: none for a page that routing found, as it already knows its ancestors).

    `here` names a view within the page (a routable page's sub-URL): it then comes last,
    at the current address, after the page itself."""
    request = context.get("request")
    root = _site_root(request)
    if root is None or page is None or not getattr(page, "depth", None):
        return None
    served = getattr(page, "served_ancestors", None)
    if served and served[0].pk == root.pk:
        ancestors = [p for p in served if p.live]
    else:
        ancestors = (
            Page.objects.ancestor_of(page)
            .filter(depth__gte=root.depth)
            .live()
            .order_by("depth")
            .only("id", "title", "url_path", "depth", "path")
        )
    items = [("Home" if p.depth == root.depth else p.title, p.get_url(request)) for p in ancestors]
    items.append((page.title, page.get_url(request)))
    if here:
        items.append((here, request.path if request else ""))
    data = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": title,
                "item": request.build_absolute_uri(url) if request else url,
            }
            for position, (title, url) in enumerate(items, start=1)
        ],
    }
    return {"items": items, "json_ld": data}


@register.simple_tag
def heading_anchor(text, block_id):
    return _heading_anchor(text, block_id)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = context.get("request")
    if not url:
        return ""
    if url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url) if request else url


@register.simple_tag
def json_ld(data):
    """Embed structured data safely: no '</script>' can break out of the tag."""
    payload = json.dumps(data, ensure_ascii=False, default=str).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.filter
def gbp(value):
    """£ with thousands separators: 150000 -> £150,000; 'k' forms are left to prose."""
    if value in (None, ""):
        return ""
    return f"£{int(value):,}"


@register.simple_tag(takes_context=True)
def share_image(context, page=None):
    """A 1200×630 rendition for social cards: the page's own image, else the site default.

    Kept on the page for the rest of the request: its sharing metadata and its JSON-LD
    both ask."""
    if not isinstance(page, Page):
        return _share_image(context, page)
    kept = getattr(page, "_share_image_rendition", False)
    if kept is False:
        kept = page._share_image_rendition = _share_image(context, page)
    return kept


def _share_image(context, page):
    image = None
    if page is not None:
        image = getattr(page, "promote_image", None) or getattr(page, "hero_image", None)
    request = context.get("request")
    if image is None and request is not None:
        image = SiteSettings.for_request(request).default_share_image
    if image is None:
        return None
    try:
        return image.get_rendition("fill-1200x630|format-jpeg|jpegquality-80")
    except SourceImageIOError:
        # The original file is missing from storage: share without an image rather than fail.
        return None
