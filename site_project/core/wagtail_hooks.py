from wagtail import hooks

from .rich_text import TreePageLinkHandler


# After Wagtail's own registration (order 0), so this handler replaces its "page" one.
@hooks.register("register_rich_text_features", order=1)
def page_links_in_one_query(features):
    features.register_link_type(TreePageLinkHandler)


@hooks.register("register_admin_viewset")
def register_lockouts():
    from .lockouts import LockoutViewSet

    return LockoutViewSet()
