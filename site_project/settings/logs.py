"""Logging in a form a log collector reads: one line per event, with the time, level
and logger named, as plain text or (LOG_FORMAT=json) one JSON object per line.
Tracebacks stay on their event's line. Errors are also emailed to ADMINS, if any."""

import json
import logging
from datetime import UTC, datetime


class OneLineFormatter(logging.Formatter):
    def __init__(self, *args, as_json=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.as_json = as_json

    def format(self, record):
        event = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            event["exception"] = self.formatException(record.exc_info)
        if self.as_json:
            return json.dumps(event, ensure_ascii=False)
        line = f"{event['time']} {event['level']} {event['logger']}: {event['message']}"
        if "exception" in event:
            line += " | " + event["exception"]
        # Newlines inside a message or traceback are escaped, never split the event.
        return line.replace("\r", "\\r").replace("\n", "\\n")


def logging_config(level="INFO", log_format="text", quiet=()):
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "one_line": {
                "()": "site_project.settings.logs.OneLineFormatter",
                "as_json": log_format == "json",
            }
        },
        "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "one_line"},
            "mail_admins": {
                "class": "django.utils.log.AdminEmailHandler",
                "level": "ERROR",
                "filters": ["require_debug_false"],
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
            # Server errors: logged, and emailed to ADMINS when there are any.
            "django.request": {
                "handlers": ["console", "mail_admins"],
                "level": "ERROR",
                "propagate": False,
            },
            **{name: {"level": "WARNING"} for name in quiet},
        },
    }
