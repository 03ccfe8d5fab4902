"""gunicorn settings for production (`gunicorn -c python:quizapp.gunicorn_conf APP`).

Each can be changed through the environment: ``QUIZAPP_BIND`` (default 127.0.0.1:8000),
``WEB_CONCURRENCY`` (workers; default two per CPU core plus one), ``GUNICORN_TIMEOUT``
(seconds a request may take before its worker is restarted, default 60) and
``GUNICORN_GRACEFUL_TIMEOUT`` (seconds running requests get to finish on restart, default 30).
"""

import multiprocessing
import os

bind = os.environ.get("QUIZAPP_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
max_requests = 5000  # recycle workers now and then
max_requests_jitter = 500
accesslog = "-"
errorlog = "-"
loglevel = "info"
# The request id (also in the app's own log lines) ends each access-log line.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s" id=%({x-request-id}o)s'
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
