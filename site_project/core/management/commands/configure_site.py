"""Give the default Wagtail Site the public address and name it is served under, so
the sitemap, feeds, share links and front-cache purges carry the real address rather
than Wagtail's "localhost".

The address comes from the SITE_URL setting (e.g. https://engage.example.org; in
development http://127.0.0.1:$PORT), otherwise from the first ALLOWED_HOSTS entry; the
name from SITE_NAME, otherwise WAGTAIL_SITE_NAME."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from site_project.settings.env import env_str

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_address():
    """(hostname, port) from SITE_URL or the first allowed host, or None."""
    url = settings.SITE_URL.strip()
    if not url:
        hosts = [host for host in settings.ALLOWED_HOSTS if host not in ("*", "")]
        if not hosts:
            return None
        url = f"https://{hosts[0].lstrip('.')}"
    parts = urlsplit(url if "://" in url else f"https://{url}")
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise CommandError(f"SITE_URL must look like https://engage.example.org, not {url!r}.")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError as error:
        raise CommandError(f"SITE_URL has an invalid port: {url!r}.") from error
    return parts.hostname, port


class Command(BaseCommand):
    help = "Set the default Site's hostname, port and name from SITE_URL and SITE_NAME."

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            self.stdout.write("No default site yet: nothing to configure.")
            return
        address = site_address()
        hostname, port = address or (site.hostname, site.port)
        name = env_str("SITE_NAME").strip() or site.site_name or settings.WAGTAIL_SITE_NAME
        if (site.hostname, site.port, site.site_name) == (hostname, port, name):
            return
        site.hostname, site.port, site.site_name = hostname, port, name
        site.save()
        self.stdout.write(f"Site address: {site.root_url}/ ({name}).")
