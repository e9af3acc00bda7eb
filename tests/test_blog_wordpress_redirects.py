"""WordPress's short addresses (/?p=, /?page_id=, /?cat=) redirect to the new pages,
although the home page answers them; anything else with a query string is left alone."""

import pytest
from wagtail.contrib.redirects.models import Redirect

pytestmark = pytest.mark.django_db


@pytest.fixture
def redirects(sections):
    Redirect.objects.create(old_path="/?p=101", redirect_link="/essays/one/")
    Redirect.objects.create(old_path="/?page_id=7", redirect_link="/about/")
    Redirect.objects.create(old_path="/?cat=4", redirect_link="/topics/four/", is_permanent=False)
    Redirect.objects.create(old_path="/?q=x", redirect_link="/elsewhere/")
    return sections


@pytest.mark.parametrize(
    ("method", "url", "status", "location"),
    [
        ("get", "/?p=101", 301, "/essays/one/"),
        ("head", "/?p=101", 301, "/essays/one/"),
        ("get", "/?page_id=7", 301, "/about/"),
        ("get", "/?cat=4", 302, "/topics/four/"),  # an editor's temporary redirect stays one
        ("get", "/?p=999", 200, None),  # no such post: the home page
        ("get", "/?q=x", 200, None),  # not a WordPress address
        ("post", "/?p=101", 200, None),  # a form sent there is not turned into a GET
    ],
)
def test_wordpress_short_addresses_redirect(client, redirects, method, url, status, location):
    response = getattr(client, method)(url)
    assert response.status_code == status
    assert response.get("Location") == location
