"""Error reports (emails to ADMINS, DEBUG pages) without secrets.

Django already leaves out settings whose names suggest secrets; connection URLs and
cache locations may carry passwords too (redis://:password@host), so they go as well."""

import re

from django.views.debug import SafeExceptionReporterFilter


class ReporterFilter(SafeExceptionReporterFilter):
    hidden_settings = re.compile(
        "API|TOKEN|KEY|SECRET|PASS|SIGNATURE|HTTP_COOKIE|DATABASE|REDIS|LOCATION|URLS?$",
        flags=re.IGNORECASE,
    )
