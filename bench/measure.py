"""In-process figures for a list of pages: SQL queries, render time and HTML size of
an uncached render, through Django's full request handling (page cache off).

    python bench/measure.py URL [URL ...]    # prints JSON, one object per URL

Run by bench/run.py with the database and settings it chooses."""

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["PAGE_CACHE"] = "false"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

RENDERS = 15


def measure(client, url):
    for _ in range(2):  # warm per-process caches, and make image renditions
        client.get(url)
    timings = []
    for _ in range(RENDERS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - started)
    return {
        "url": url,
        "status": response.status_code,
        "queries": len(queries),
        "ms": round(statistics.median(timings) * 1000, 1),
        "kb": round(len(response.content) / 1024, 1),
    }


def main(urls):
    client = Client(HTTP_HOST="localhost")
    print(json.dumps([measure(client, url) for url in urls]))


if __name__ == "__main__":
    main(sys.argv[1:])
