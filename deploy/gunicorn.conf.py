"""gunicorn settings for production: `gunicorn -c deploy/gunicorn.conf.py "webapp:create_app()"`.

Every value can be changed from the environment; the defaults suit a 2-core machine behind one proxy.
"""

import os

bind = os.environ.get("BIND", "0.0.0.0:8000")
# Processes: about one per core. Threads let a process wait on the database for one request while
# serving another (gthread worker); solves and mail never run here, they are on the queue.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "4"))
# A request that takes longer than this is killed and its process replaced (pages answer in well under 1 s).
timeout = int(os.environ.get("WEB_TIMEOUT_S", "30"))
graceful_timeout = 30
keepalive = 5
# Replace each process now and then, so slow growth of memory never adds up.
max_requests = 5000
max_requests_jitter = 500
# The app writes one JSON line per request itself (with request id, account id and route, never the path's
# secrets), so gunicorn's own access log stays off; its error log goes to standard error as JSON.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "pythonjsonlogger.json.JsonFormatter",
                            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
    "root": {"level": loglevel.upper(), "handlers": []},  # the app sets up its own JSON handler on the root
    "loggers": {"gunicorn.error": {"handlers": ["stderr"], "level": loglevel.upper(), "propagate": False}},
}
