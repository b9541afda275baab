"""gunicorn settings for Buurtwijs (read by `gunicorn` from the working directory). Values come from the environment.

gunicorn sits behind a reverse proxy (nginx, a load balancer) that buffers slow clients and terminates TLS,
so plain sync workers are enough; see docs/deployment.md.
"""

import os


def env_int(name, default):
    return int(os.environ.get(name) or default)


def available_cores():
    # The cores this process may run on (a container's CPU set), not every core of the host.
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


wsgi_app = "buurtwijs.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# gunicorn's rule of thumb for sync workers; set WEB_CONCURRENCY to what the machine's memory allows.
workers = env_int("WEB_CONCURRENCY", 2 * available_cores() + 1)
# More than one thread switches to the gthread worker: each thread holds its own database connection.
threads = env_int("GUNICORN_THREADS", 1)

# A request that takes longer than this is killed: a stuck worker must not hold a slot for ever.
timeout = env_int("GUNICORN_TIMEOUT", 30)
# On a restart or deploy, requests in flight get this long to finish.
graceful_timeout = env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Kept-alive connections from the proxy; a little longer than nothing, much shorter than a visitor would need.
keepalive = env_int("GUNICORN_KEEPALIVE", 5)
# Restart each worker after a number of requests, spread out so workers do not all restart at once:
# bounds the memory any slow leak can take. Not after 1,000: a new worker imports Django and Wagtail again (about a
# second of CPU), and with pages from the page cache at ~1,000 a second that halved throughput and gave one request
# in ten a wait of up to 1.5 s (docs/architecture.md, "Performance").
max_requests = env_int("GUNICORN_MAX_REQUESTS", 50_000)
max_requests_jitter = env_int("GUNICORN_MAX_REQUESTS_JITTER", 5_000)

# Logs to stdout/stderr, for the process manager (systemd journal, container runtime) to keep.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# The worker heartbeat file in memory: a disk-backed /tmp (as in many containers) can stall workers.
# Only gunicorn's own heartbeat files go there (S108 is about guessable shared temp files).
if os.path.isdir("/dev/shm"):  # noqa: S108
    worker_tmp_dir = "/dev/shm"  # noqa: S108

# gunicorn 25+ opens a control socket under $HOME for `gunicornc`; nothing uses it here, a container's
# home may be read-only, and two servers on one machine would share the path.
control_socket_disable = True

# gunicorn answers with "Server: gunicorn", without its version (fixed in gunicorn, no setting); the proxy in
# front replaces it with its own header.
