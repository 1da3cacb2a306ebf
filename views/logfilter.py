"""Keep query strings and client addresses out of gunicorn's error log.

gunicorn writes the request line of a bad request ("Invalid request from ip=…: Invalid HTTP request
line: 'GET /zoeken?q=…'") and the URI of a request that failed into its error log. A search is personal:
this filter cuts every query (`?…`) and the client's address from those messages before they are written.
"""

from __future__ import annotations

import copy
import logging
import re
from typing import Any

QUERY = re.compile(r"\?[^\s'\"]*")
ADDRESS = re.compile(r"ip=\S+")


class NoQueryInLog(logging.Filter):
    """Rewrite a record's message without queries and client addresses."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = ADDRESS.sub("ip=-", QUERY.sub("?…", message))
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


def request_line_filter_config() -> dict[str, Any]:
    """gunicorn's own logging set-up (`logconfig_dict`) with `NoQueryInLog` on its error log."""
    from gunicorn.glogging import CONFIG_DEFAULTS  # type: ignore[import-untyped]

    config = copy.deepcopy(CONFIG_DEFAULTS)
    config["filters"] = {"no_query": {"()": NoQueryInLog}}
    for handler in config["handlers"].values():
        handler["filters"] = ["no_query"]
    config["loggers"]["gunicorn.error"]["level"] = "WARNING"
    # With a logging set-up gunicorn writes access lines even without `accesslog`: no access log, ever.
    config["loggers"]["gunicorn.access"] = {"level": "CRITICAL", "handlers": [], "propagate": False}
    return config
