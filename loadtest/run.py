"""`make loadtest`: gunicorn on PostgreSQL under readers and editors, on the loopback, for a bounded time.

Builds a fresh database `buurtwijs_load` with the demo content, starts gunicorn (gunicorn.conf.py, production
settings) on a free port of 127.0.0.1, runs locust headless against it, then against one static file for the
ceiling, prints both summaries and stops gunicorn. Exits non-zero if any request failed. See docs/loadtest.md.
"""

import csv
import importlib.util
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
POSTGRES = os.environ.get("LOADTEST_POSTGRES", "postgres://postgres@127.0.0.1:5432").rstrip("/")
# This database is dropped and rebuilt on every run; another name lets two worktrees measure on one server.
DATABASE = os.environ.get("LOADTEST_DATABASE", "buurtwijs_load")
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "60"))
STATIC_SECONDS = int(os.environ.get("LOADTEST_STATIC_SECONDS", "20"))
WARMUP_SECONDS = int(os.environ.get("LOADTEST_WARMUP_SECONDS", "10"))
READERS = int(os.environ.get("LOADTEST_READERS", "20"))
EDITORS = int(os.environ.get("LOADTEST_EDITORS", "2"))
BEACONS = int(os.environ.get("LOADTEST_BEACONS", "0"))  # readers whose browser sends Bereik's beacons
EDITOR_USERNAMES = ["redacteur-utrecht", "redacteur-groningen", "redacteur-rotterdam", "redacteur-brabant"]

# Prints the id of a live story in each editor's region: the page that editor keeps saving drafts of.
FIND_EDIT_PAGES = """
import json
from wagtail.models import Page
from stories.models import PracticeStoryPage
pages = {}
for username in %r:
    region = Page.objects.get(slug=username.removeprefix("redacteur-"))
    pages[username] = PracticeStoryPage.objects.child_of(region).live().order_by("path").first().pk
print(json.dumps(pages))
"""


def main():
    if importlib.util.find_spec("locust") is None:
        sys.exit("locust is not installed in .venv: .venv/bin/pip install locust==2.47.0")
    if not 0 <= EDITORS <= len(EDITOR_USERNAMES):
        sys.exit(f"LOADTEST_EDITORS: at most {len(EDITOR_USERNAMES)}, one per regional editor")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the cleanup below on kill as well
    workdir = Path(tempfile.mkdtemp(prefix="buurtwijs-loadtest-"))
    server = None
    ok = False
    try:
        env = environment(workdir)
        prepare(env, workdir)
        edit_pages = find_edit_pages(env)
        static_path = (
            "/static/" + json.loads((workdir / "static" / "staticfiles.json").read_text())["paths"]["css/buurtwijs.css"]
        )
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        env.update(
            GUNICORN_BIND=f"127.0.0.1:{port}",
            LOADTEST_EDIT_PAGES=json.dumps(edit_pages),
            LOADTEST_EDITORS=str(EDITORS),
            LOADTEST_BEACONS=str(BEACONS),
            LOADTEST_STATIC_PATH=static_path,
        )
        log = open(workdir / "gunicorn.log", "wb")
        server = subprocess.Popen([BIN / "gunicorn"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
        wait_until_up(server, base_url)
        workers = env.get("WEB_CONCURRENCY") or 2 * len(os.sched_getaffinity(0)) + 1  # gunicorn.conf.py's default
        print(f"gunicorn on {base_url}, {workers} workers; load {load_average()}")

        # Renders each page once, so the measurement sees a running site, not a cold one.
        locust_run(env, base_url, workdir / "warmup", ["Reader"], 4, WARMUP_SECONDS)
        # locust reads fixed_count 0 as "no fixed count": a class with none is left out.
        classes = ["Reader"] + ["Editor"] * bool(EDITORS) + ["BeaconReader"] * bool(BEACONS)
        pages_ok = locust_run(env, base_url, workdir / "pages", classes, READERS + EDITORS + BEACONS, SECONDS)
        print(f"load after the page run: {load_average()}")
        static_ok = locust_run(env, base_url, workdir / "static-run", ["StaticFile"], READERS, STATIC_SECONDS)

        print(f"\nPages: {READERS} readers, {EDITORS} editors and {BEACONS} readers with beacons for {SECONDS} s")
        pages_failures = report(workdir / "pages", per_request=True)
        print(f"\nCeiling: {static_path} by {READERS} clients for {STATIC_SECONDS} s")
        static_failures = report(workdir / "static-run")
        ok = pages_ok and static_ok and pages_failures == 0 and static_failures == 0
        print(f"\nload average {load_average()}; {'no failed requests' if ok else 'FAILED REQUESTS (see above)'}")
    finally:
        if server is not None:
            stop(server)
        for log_path in (workdir / name for name in ("prepare.log", "gunicorn.log", "pages.log", "static-run.log")):
            if not ok and log_path.exists() and log_path.stat().st_size:
                tail = log_path.read_text(errors="replace").splitlines()[-30:]
                print(f"\nLast lines of {log_path.name}:", *tail, sep="\n", file=sys.stderr)
        shutil.rmtree(workdir, ignore_errors=True)
    sys.exit(0 if ok else 1)


def environment(workdir):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "buurtwijs.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"{POSTGRES}/{DATABASE}",
        # Plain http on the loopback stands for the proxy behind TLS; the clients send X-Forwarded-Proto: https.
        "SECURE_SSL_REDIRECT": "false",
        "BUURTWIJS_REQUIRE_2FA": "false",
        # The clients play the proxy: Bereik's readers each send their own X-Forwarded-For.
        "TRUSTED_PROXY_COUNT": "1",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",  # nothing leaves the machine
        "PYTHONUNBUFFERED": "1",  # gunicorn's log reaches the file even from a worker that is killed
    }
    return env


def prepare(env, workdir):
    print(f"Rebuilding database {DATABASE} with the demo content...")
    postgres_db = f"{POSTGRES}/postgres"
    run([shutil.which("dropdb") or "dropdb", "--if-exists", "--force", f"--maintenance-db={postgres_db}", DATABASE])
    run([shutil.which("createdb") or "createdb", f"--maintenance-db={postgres_db}", DATABASE])
    log = open(workdir / "prepare.log", "wb")
    # The demo content (published demo passwords) is refused under production settings: dev settings load it
    # into the same database and media directory.
    dev_env = {**env, "DJANGO_SETTINGS_MODULE": "buurtwijs.settings.dev"}
    for command, command_env in (
        (["collectstatic", "--noinput"], env),
        (["migrate", "--noinput"], dev_env),
        (["load_demo_content"], dev_env),
        # The background work the demo queued (image renditions, search index): done before the load starts.
        (["db_worker", "--batch", "--no-startup-delay"], env),
    ):
        run([BIN / "python", "manage.py", *command, "-v0"], env=command_env, stdout=log, stderr=subprocess.STDOUT)


def find_edit_pages(env):
    output = run(
        [BIN / "python", "manage.py", "shell", "-v0", "-c", FIND_EDIT_PAGES % (EDITOR_USERNAMES[:EDITORS],)],
        env=env,
        stdout=subprocess.PIPE,
    ).stdout
    return json.loads(output.decode().strip().splitlines()[-1])


def run(command, **kwargs):
    return subprocess.run([str(part) for part in command], cwd=ROOT, check=True, **kwargs)  # noqa: S603


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(server, base_url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped while starting")
        try:
            with urllib.request.urlopen(f"{base_url}/robots.txt", timeout=2) as response:  # noqa: S310 -- our http URL
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer within {seconds} s")


def locust_run(env, base_url, csv_prefix, user_classes, users, seconds):
    command = [BIN / "locust", "-f", ROOT / "loadtest" / "locustfile.py", "--headless", "--only-summary"]
    command += ["--host", base_url, "--users", users, "--spawn-rate", users, "--run-time", f"{seconds}s"]
    command += ["--stop-timeout", "10", "--csv", csv_prefix, "--loglevel", "WARNING", *user_classes]
    # locust's own tables go to a log (shown if something failed); report() prints the figures that matter.
    with open(f"{csv_prefix}.log", "wb") as log:
        result = subprocess.run(  # noqa: S603
            [str(part) for part in command], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    return result.returncode == 0


def report(csv_prefix, per_request=False):
    """Prints requests/s, p50/p95/p99 and failures from locust's CSV; returns the number of failed requests."""
    with open(f"{csv_prefix}_stats.csv", newline="") as stats_file:
        rows = list(csv.DictReader(stats_file))
    print(f"  {'request':44} {'count':>7} {'failed':>6} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}")
    for row in rows:
        if per_request or row["Name"] == "Aggregated":
            label = "ALL" if row["Name"] == "Aggregated" else f"{row['Type']} {row['Name']}"
            counts = f"{row['Request Count']:>7} {row['Failure Count']:>6} {float(row['Requests/s']):>7.1f}"
            print(f"  {label[:44]:44} {counts} {row['50%']:>7} {row['95%']:>7} {row['99%']:>7}")
    with open(f"{csv_prefix}_failures.csv", newline="") as failures_file:
        for failure in csv.DictReader(failures_file):
            print(f"  failed {failure['Occurrences']}x {failure['Method']} {failure['Name']}: {failure['Error']}")
    return int(rows[-1]["Failure Count"])


def stop(server):
    server.terminate()  # gunicorn's graceful shutdown
    try:
        server.wait(timeout=35)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def load_average():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
