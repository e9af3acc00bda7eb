"""Small helpers for reading 12-factor configuration from the environment."""

import os
import sys


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def require(name):
    """Return a required variable, or stop with one clear line instead of a traceback."""
    value = os.environ.get(name, "").strip()
    if not value:
        sys.stderr.write(
            f"Configuration error: the {name} environment variable must be set "
            "for production settings (see README, 'Configuration').\n"
        )
        raise SystemExit(2)
    return value
