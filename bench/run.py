"""`make bench`: how fast the site is on this machine, in one run.

1. Requests per second and p99 latency for the home page, an essay, a method guide
   and the method finder, uncached and cached, through the production server
   (gunicorn -c deploy/gunicorn.conf.py, 2 workers), beside a bare WSGI "hello"
   served the same way: the machine's limit.
2. SQL queries, render time and HTML size of each page rendered in-process, on the
   demo site and on a copy grown by 1,000 essays (bench/populate.py), to show what
   grows with content and what does not.

The load generator is wrk (Debian package `wrk`) when installed, otherwise a small
Python one (which saturates sooner: its figures are lower bounds). Ratios travel
between machines; absolute numbers do not. Results: var/bench/latest.md.
"""

import http.client
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
DURATION = int(os.environ.get("BENCH_SECONDS", "4"))
# Each figure is the median of a few runs: a shared virtual machine has noisy moments.
REPEATS = 3
CONNECTIONS = 8

SERVED = {
    "home": "/",
    "essay": "/essays/on-levelling-up/",
    "method page": "/engagement/methods/citizens-assembly/",
    "finder": "/engagement/methods/",
}


def log(message):
    print(message, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_env(database, **extra):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        DATABASE_URL=f"sqlite:///{database}",
        MEDIA_ROOT=str(OUT / "media"),
        STATIC_ROOT=str(OUT / "static"),
        PAGE_CACHE_DIR=str(OUT / "page-cache"),
        ADMIN_PASSWORD="bench-only-password-5190",
        DJANGO_SETTINGS_MODULE="site_project.settings.production",
        SECRET_KEY="bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEF",
        ALLOWED_HOSTS="localhost,127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        SECURE_HSTS_SECONDS="0",
        SERVE_MEDIA="true",
        ACCESS_LOG="/dev/null",
        **extra,
    )
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare():
    """The demo site, and a copy grown by 1,000 essays; both kept for the next run."""
    OUT.mkdir(parents=True, exist_ok=True)
    demo, large = OUT / "demo.sqlite3", OUT / "large.sqlite3"
    dev = {"DJANGO_SETTINGS_MODULE": "site_project.settings.dev"}
    if not demo.exists():
        log("== Building the demo site for benchmarking (once)")
    manage({**site_env(demo), **dev}, "prepare_site", "--no-static")
    manage(site_env(demo), "collectstatic", "--noinput", "-v", "0")
    if not large.exists():
        log("== Growing a copy by 1,000 essays (once; a minute or two)")
        shutil.copy(demo, large)
        subprocess.run(
            [PYTHON, "bench/populate.py"], cwd=ROOT, env={**site_env(large), **dev}, check=True
        )
    # A copy kept from an earlier run must catch up with migrations added since.
    manage(site_env(large), "migrate", "--noinput", "-v", "0")
    return demo, large


# ---------- In-process: queries, time, size ----------


def in_process(database, urls):
    result = subprocess.run(
        [PYTHON, "bench/measure.py", *urls],
        cwd=ROOT,
        env=site_env(database),
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


# ---------- Over HTTP: requests per second and p99 ----------


class Server:
    def __init__(self, app, env):
        self.port = free_port()
        self.process = subprocess.Popen(
            [GUNICORN, "-c", "deploy/gunicorn.conf.py", app],
            cwd=ROOT,
            env={**env, "PORT": str(self.port), "WEB_CONCURRENCY": "2"},
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.2)
        raise SystemExit(f"{app} did not start")

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


def load(url):
    """(requests per second, p99 latency in ms): the run with the median throughput."""
    runs = sorted(load_once(url) for _ in range(REPEATS))
    return runs[len(runs) // 2]


def load_once(url):
    """(requests per second, p99 latency in ms) at CONNECTIONS keep-alive connections."""
    if shutil.which("wrk"):
        output = subprocess.run(
            ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency",
             "-H", "Accept-Encoding: gzip", url],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
        value, unit = re.search(r"\s99%\s+([\d.]+)(us|ms|s)", output).groups()
        return rps, float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    return python_load(url)


def python_load(url):
    """A plain load generator for machines without wrk: threads with keep-alive."""
    match = re.match(r"http://([^:/]+):(\d+)(.*)", url)
    host, port, path = match.group(1), int(match.group(2)), match.group(3)
    latencies, lock, stop = [], threading.Lock(), time.monotonic() + DURATION

    def worker():
        connection = http.client.HTTPConnection(host, port, timeout=10)
        mine = []
        while time.monotonic() < stop:
            started = time.perf_counter()
            connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
            connection.getresponse().read()
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return len(latencies) / DURATION, latencies[int(len(latencies) * 0.99)] * 1000


def served(demo):
    results = {}
    log("== Bare WSGI hello (the machine's limit)")
    hello = Server("bench.hello:application", site_env(demo))
    results["hello"] = load(hello.url("/"))
    hello.stop()
    for cached in (False, True):
        label = "cached" if cached else "uncached"
        log(f"== Pages, {label}")
        server = Server("site_project.wsgi", site_env(demo, PAGE_CACHE=str(cached).lower()))
        for name, path in SERVED.items():
            for _ in range(3):  # first renders, image renditions, cache fill
                http_get(server.port, path)
            results[(name, label)] = load(server.url(path))
        server.stop()
    return results


def http_get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path)
    connection.getresponse().read()
    connection.close()


# ---------- Report ----------


def machine():
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else cpu
    generator = "wrk" if shutil.which("wrk") else "Python threads (lower bounds)"
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; load generator: {generator}, "
        f"{CONNECTIONS} connections, median of {REPEATS} runs of {DURATION} s per figure"
    )


def report(served_results, demo_figures, large_figures):
    hello_rps, hello_p99 = served_results["hello"]
    lines = [
        f"# Benchmark, {datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"Machine: {machine()}.",
        "",
        "## Served (gunicorn, 2 gevent workers, production settings)",
        "",
        "| Page | Uncached req/s | p99 ms | Cached req/s | p99 ms | Cached ÷ uncached "
        "| Cached ÷ hello |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in SERVED:
        u_rps, u_p99 = served_results[(name, "uncached")]
        c_rps, c_p99 = served_results[(name, "cached")]
        lines.append(
            f"| {name} | {u_rps:,.0f} | {u_p99:.1f} | {c_rps:,.0f} | {c_p99:.1f} "
            f"| {c_rps / u_rps:,.0f}× | {c_rps / hello_rps:.0%} |"
        )
    lines.append(f"| bare WSGI hello | | | {hello_rps:,.0f} | {hello_p99:.1f} | | 100% |")
    lines += [
        "",
        "## Rendered in-process (uncached): demo site, and with 1,000 more essays",
        "",
        "| Page | Queries | ms | KB | Queries at 1,000 | ms at 1,000 | KB at 1,000 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for (name, _), small, big in zip(PAGES, demo_figures, large_figures, strict=True):
        if small["status"] != 200 or big["status"] != 200:
            name += f" (status {small['status']}, {big['status']})"
        lines.append(
            f"| {name} | {small['queries']} | {small['ms']} | {small['kb']} "
            f"| {big['queries']} | {big['ms']} | {big['kb']} |"
        )
    return "\n".join(lines) + "\n"


# In-process pages: the four served ones, and those that list a lot at size.
PAGES = [
    *SERVED.items(),
    ("principle page", "/engagement/principles/feed-back-what-changed/"),
    ("topic page (400 more essays at size)", "/topics/communities/"),
    ("essays filtered by that topic", "/essays/?topic=communities"),
    ("topic list with counts", "/topics/"),
    ("method discussed by 400 essays", "/engagement/methods/world-cafe/"),
]


def main():
    demo, large = prepare()
    urls = [path for _, path in PAGES]
    log("== Rendering in-process: demo site, then 1,000 more essays")
    demo_figures = in_process(demo, urls)
    large_figures = in_process(large, urls)
    served_results = served(demo)
    table = report(served_results, demo_figures, large_figures)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    (OUT / f"results-{stamp}.md").write_text(table)
    (OUT / "latest.md").write_text(table)
    print()
    print(table)
    print(f"Written to {OUT / 'latest.md'}")


if __name__ == "__main__":
    main()
