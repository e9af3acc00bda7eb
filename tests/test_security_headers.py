"""Security headers: every public page type sends a strict Content-Security-Policy and
a Permissions-Policy, from the page cache too; the admin gets only the extras it needs;
templates render nothing inline that the policy would block."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from site_project.settings.base import media_origins
from site_project.taxonomy.models import EngagementLevel
from tests import builders

ROOT = Path(__file__).resolve().parents[1]
EMBED_URL = "https://www.youtube.com/watch?v=csp-test"
DISABLED_FEATURES = [
    "camera",
    "microphone",
    "geolocation",
    "payment",
    "usb",
    "interest-cohort",
    "browsing-topics",
]


def policy(response):
    """The Content-Security-Policy as {directive: [sources]}."""
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_strict_public_policy(response, url):
    csp = policy(response)
    for directive in ("script-src", "style-src"):
        assert csp[directive] == ["'self'"], (url, directive, csp[directive])
    for directive in ("script-src-elem", "script-src-attr", "style-src-elem", "style-src-attr"):
        assert directive not in csp, (url, directive)
    assert csp["default-src"] == ["'self'"], url
    assert csp["frame-ancestors"] == ["'none'"], url
    assert csp["base-uri"] == ["'self'"], url
    assert csp["form-action"] == ["'self'"], url
    assert csp["object-src"] == ["'none'"], url
    assert csp["frame-src"] == ["https://www.youtube.com", "https://player.vimeo.com"], url
    permissions = response.headers.get("Permissions-Policy", "")
    for feature in DISABLED_FEATURES:
        assert f"{feature}=()" in permissions, (url, feature)


def assert_nothing_inline(body, url):
    assert 'style="' not in body and "style='" not in body, url
    assert "<style" not in body, url
    for attrs in re.findall(r"<script([^>]*)>", body):
        assert 'type="application/ld+json"' in attrs, (url, attrs)
    assert not re.search(r"\son[a-z]+=", body), f"inline event handler on {url}"


@pytest.fixture
def embed_essay(site):
    """An essay with a YouTube video (its oEmbed answer stored, so nothing is fetched)."""
    Embed.objects.create(
        url=EMBED_URL,
        hash=get_embed_hash(EMBED_URL),
        type="video",
        html='<iframe title="A video" src="https://www.youtube.com/embed/csp-test"></iframe>',
        title="A video",
        width=640,
        height=360,
    )
    body = [("embed", {"embed": EMBED_URL, "caption": "A video"})]
    return builders.essay(site["blog"], "With a video", body=body)


def public_urls(site, embed_essay):
    jury = site["jury"]
    return {
        "home": "/",
        "essay index": site["blog"].url,
        "essay index filtered": site["blog"].url + "?topic=prevention",
        "essay": site["essay"].url,
        "essay with an embed": embed_essay.url,
        "engagement hub": site["hub"].url,
        "method finder": site["finder"].url,
        "method finder filtered": site["finder"].url + "?level=involve",
        "compare": site["finder"].url + f"compare/?m={jury.slug}&m={site['survey'].slug}",
        "spectrum": site["finder"].url + "spectrum/",
        "method": jury.url,
        "essays discussing a method": jury.url + "essays/",
        "principles": site["principles"].url,
        "principle": site["principle"].url,
        "topics": "/topics/",
        "topic": "/topics/prevention/",
        "search": "/search/?q=prevention",
        "not found": "/no/such/page/",
    }


FEEDS_AND_FILES = [
    "/feeds/essays/rss/",
    "/feeds/essays/atom/",
    "/feeds/topics/prevention/rss/",
    "/sitemap.xml",
    "/robots.txt",
    "/methods/",  # a redirect
    "/engagement/methods/export.csv?level=involve",
    "/engagement/methods/export.json",
    "/api/v2/pages/",
    "/api/v2/pages/?type=engagement.MethodPage&fields=*",
    "/api/v2/images/",
    "/api/v2/documents/",
]


@pytest.mark.django_db
def test_every_public_page_type_sends_a_strict_policy_and_renders_nothing_inline(
    client, site, embed_essay
):
    for name, url in public_urls(site, embed_essay).items():
        response = client.get(url)
        assert response.status_code == (404 if name == "not found" else 200), url
        assert_strict_public_policy(response, url)
        assert_nothing_inline(response.content.decode(), url)
    for url in FEEDS_AND_FILES:
        response = client.get(url)
        assert response.status_code in (200, 302), url
        assert_strict_public_policy(response, url)


@pytest.mark.django_db
def test_the_home_page_spectrum_places_bars_with_data_attributes_the_css_knows(client, site):
    body = client.get("/").content.decode()
    ranges = re.findall(r'class="spectrum__track" data-from="(\d+)" data-to="(\d+)"', body)
    jury = site["jury"]
    assert (str(jury.min_level.rank), str(jury.max_level.rank)) in ranges
    with open(finders.find("css/site.css")) as stylesheet:
        css = stylesheet.read()
    # Every start and end on the spectrum has a rule (1 and 5 are the defaults).
    for level in EngagementLevel.objects.filter(on_spectrum=True):
        if level.rank > 1:
            assert f'.spectrum__track[data-from="{level.rank}"]' in css, level
        if level.rank < 5:
            assert f'.spectrum__track[data-to="{level.rank}"]' in css, level


@pytest.mark.django_db
def test_the_embedded_player_is_one_the_policy_lets_the_page_frame(client, embed_essay):
    response = client.get(embed_essay.url)
    frames = re.findall(r'<iframe[^>]* src="(https://[^/"]+)/', response.content.decode())
    assert frames == ["https://www.youtube.com"]
    assert frames[0] in policy(response)["frame-src"]


@pytest.mark.django_db
def test_a_page_from_the_page_cache_carries_the_same_headers(client, site, page_cache):
    url = site["essay"].url
    first = client.get(url)
    second = client.get(url)
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert_strict_public_policy(second, url)
    for header in ("Content-Security-Policy", "Permissions-Policy"):
        assert second[header] == first[header]


@pytest.mark.django_db
def test_only_the_admin_gets_its_extras_and_never_eval_or_inline_attributes(
    client, site, django_user_model
):
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw-123456789")
    client.force_login(editor)
    for url in ("/admin/", f"/admin/pages/{site['essay'].pk}/edit/"):
        response = client.get(url)
        assert response.status_code == 200, url
        csp = policy(response)
        assert csp["script-src-elem"] == ["'self'", "'unsafe-inline'"]
        assert csp["style-src-elem"] == ["'self'", "'unsafe-inline'"]
        # Eval and inline event handlers or style attributes fall back to these.
        assert csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"]
        assert "'unsafe-eval'" not in " ".join(sum(csp.values(), []))
        assert csp["img-src"] == ["'self'", "blob:"]
        assert "'self'" in csp["frame-src"]
        assert csp["frame-ancestors"] == ["'none'"]
    # An editor on a public page (with the userbar) gets the public policy.
    response = client.get(site["essay"].url)
    assert "wagtail-userbar" in response.content.decode()
    assert_strict_public_policy(response, site["essay"].url)


@pytest.mark.django_db
def test_previews_keep_the_public_policy_and_may_be_framed_by_the_admin(
    client, site, django_user_model
):
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw-123456789")
    client.force_login(editor)
    response = client.get(f"/admin/pages/{site['essay'].pk}/view_draft/")
    assert response.status_code == 200
    csp = policy(response)
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["script-src"] == ["'self'"] and "script-src-elem" not in csp
    assert csp["style-src"] == ["'self'"] and "style-src-elem" not in csp


@pytest.mark.parametrize(
    ("arguments", "origins"),
    [
        ({"media_url": "/media/"}, []),
        ({"media_url": "https://media.example.org/uploads/"}, ["https://media.example.org"]),
        (
            {"media_url": "/media/", "bucket": "b", "public_domain": "cdn.example.org/m"},
            ["https://cdn.example.org"],
        ),
        (
            {"media_url": "/media/", "bucket": "b", "endpoint_url": "http://127.0.0.1:9000"},
            ["http://127.0.0.1:9000", "http://b.127.0.0.1:9000"],
        ),
        (
            {"media_url": "/media/", "bucket": "b", "region": "eu-west-2"},
            ["https://b.s3.amazonaws.com", "https://b.s3.eu-west-2.amazonaws.com"],
        ),
    ],
)
def test_images_from_another_host_are_allowed_from_that_host_only(arguments, origins):
    assert media_origins(**arguments) == origins


PRODUCTION_PROBE = """
import json
from django.conf import settings
directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
print(json.dumps([directives.get("upgrade-insecure-requests", False), directives["img-src"]]))
"""


@pytest.mark.parametrize(
    ("redirect", "upgrade"), [("true", True), ("false", False)], ids=["https", "plain-http"]
)
def test_production_upgrades_insecure_requests_only_when_served_over_https(redirect, upgrade):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "site_project.settings.production",
        "SECRET_KEY": "s" * 60,
        "ALLOWED_HOSTS": "example.org",
        "SECURE_SSL_REDIRECT": redirect,
        "MEDIA_URL": "https://media.example.org/",
    }
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert json.loads(result.stdout) == [upgrade, ["'self'", "https://media.example.org"]]
