"""The production server as deployed: gunicorn with gunicorn.conf.py and production settings, static files
collected and compressed by WhiteNoise, on a fresh SQLite database in a temporary directory."""

import gzip
import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

# Not the test database: gunicorn's workers are other processes, so they get a database of their own.
CONFIGURING = ["DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "STATIC_ROOT", "MEDIA_ROOT", "WEB_CONCURRENCY"]
YEAR_IMMUTABLE = "max-age=315360000, public, immutable"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(env, *args):
    result = subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, *args], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """Deploy as docs/deployment.md says: migrate, collectstatic, a home page; returns the environment."""
    root = tmp_path_factory.mktemp("deploy")
    env = {name: value for name, value in os.environ.items() if name not in CONFIGURING}
    env.update(
        DJANGO_SETTINGS_MODULE="buurtwijs.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{root / 'buurtwijs.sqlite3'}",
        BUURTWIJS_ALLOW_SQLITE="true",  # a trial on one machine (README)
        STATIC_ROOT=str(root / "static"),
        MEDIA_ROOT=str(root / "media"),
        WEB_CONCURRENCY="1",  # light on a shared test machine; the default is tested below
    )
    run(env, "manage.py", "migrate", "--noinput")
    run(env, "manage.py", "collectstatic", "--noinput")
    run(env, "-c", "import django; django.setup(); from tests import factories; factories.create_home()")
    return env


class Server:
    """gunicorn started as a deployment starts it: `gunicorn` in the project directory, on a free local port."""

    def __init__(self, env):
        self.port = free_port()
        # Files, not pipes: a full pipe nobody reads would block gunicorn.
        self.stdout, self.stderr = tempfile.TemporaryFile("w+"), tempfile.TemporaryFile("w+")
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{self.port}"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=self.stdout,
            stderr=self.stderr,
            text=True,
        )
        try:
            self.wait_until_listening()
        except BaseException:
            self.stop()
            raise

    def wait_until_listening(self, seconds=30):
        deadline = time.monotonic() + seconds
        while True:
            assert self.process.poll() is None, f"gunicorn exited: {self.stop()[2]}"
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                assert time.monotonic() < deadline, f"gunicorn did not start within {seconds} s"
                time.sleep(0.2)

    def stop(self):
        """Stop as a process manager does (SIGTERM); returns (exit code, stdout, stderr)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=40)
        if not self.stdout.closed:
            self.output = []
            for log in (self.stdout, self.stderr):
                log.seek(0)
                self.output.append(log.read())
                log.close()
        return self.process.returncode, *self.output


@pytest.fixture(scope="module")
def server(production):
    server = Server(production)
    yield server
    server.stop()


def fetch(port, path, **headers):
    """GET ``path`` as the reverse proxy passes it on (HTTPS terminated in front); returns (response, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"X-Forwarded-Proto": "https", **headers})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def stylesheet(port):
    response, body = fetch(port, "/")
    link = BeautifulSoup(body.decode(), "html.parser").find("link", rel="stylesheet")
    return link["href"]


def test_gunicorn_serves_the_home_page_without_naming_its_version(server):
    port = server.port
    response, body = fetch(port, "/")

    assert response.status == 200
    assert BeautifulSoup(body.decode(), "html.parser").h1.get_text(strip=True) == "Buurtwijs"
    assert response.getheader("Server") == "gunicorn"
    assert not [header for header in response.getheaders() if "gunicorn/" in header[1].lower()]
    assert response.getheader("Strict-Transport-Security") == "max-age=31536000; includeSubDomains"


def test_static_files_are_hashed_compressed_and_cached_for_a_year(server, production):
    port = server.port
    href = stylesheet(port)
    assert href.startswith("/static/css/buurtwijs.") and href.endswith(".css") and href != "/static/css/buurtwijs.css"
    collected = os.path.join(production["STATIC_ROOT"], href.removeprefix("/static/"))
    assert os.path.isfile(collected) and os.path.isfile(collected + ".gz")

    response, body = fetch(port, href, **{"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Cache-Control") == YEAR_IMMUTABLE
    with open(collected, "rb") as original:
        assert gzip.decompress(body) == original.read()
    assert response.getheader("Server") == "gunicorn"

    # The name without the hash may change content at any deploy: browsers keep it a minute at most.
    response, _ = fetch(port, "/static/css/buurtwijs.css")
    assert response.status == 200 and response.getheader("Cache-Control") == "max-age=60, public"


def test_requests_are_logged_to_stdout_and_a_stop_is_graceful(production):
    server = Server(production)
    fetch(server.port, "/robots.txt")
    exit_code, stdout, stderr = server.stop()
    assert exit_code == 0, stderr
    assert '"GET /robots.txt HTTP/1.1" 200' in stdout
    assert "Handling signal: term" in stderr and "Shutting down: Master" in stderr


def gunicorn_config(**env):
    """The settings gunicorn takes from gunicorn.conf.py in this environment (`gunicorn --print-config`)."""
    env = {name: value for name, value in os.environ.items() if not name.startswith(("WEB_", "GUNICORN_"))} | env
    result = run(env, "-m", "gunicorn", "--print-config")
    pairs = (line.split(" = ", 1) for line in result.stdout.splitlines() if " = " in line)
    return {name.strip(): value.strip() for name, value in pairs}


def test_gunicorn_config_reads_the_environment():
    config = gunicorn_config()
    assert config["workers"] == str(2 * len(os.sched_getaffinity(0)) + 1)
    assert {name: config[name] for name in EXPECTED_DEFAULTS} == EXPECTED_DEFAULTS

    config = gunicorn_config(**CONFIGURED)
    assert (config["workers"], config["threads"], config["timeout"], config["max_requests"]) == ("3", "4", "60", "500")
    assert config["bind"] == "['0.0.0.0:8000']"


EXPECTED_DEFAULTS = {
    "wsgi_app": "buurtwijs.wsgi:application",
    "bind": "['127.0.0.1:8000']",
    "threads": "1",
    "timeout": "30",
    "graceful_timeout": "30",
    "keepalive": "5",
    "max_requests": "50000",
    "max_requests_jitter": "5000",
    "accesslog": "-",
    "errorlog": "-",
    "control_socket_disable": "True",
}
CONFIGURED = {
    "WEB_CONCURRENCY": "3",
    "GUNICORN_THREADS": "4",
    "GUNICORN_TIMEOUT": "60",
    "GUNICORN_MAX_REQUESTS": "500",
    "GUNICORN_BIND": "0.0.0.0:8000",
}
