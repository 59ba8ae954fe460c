"""Where kg keeps what it caches (kg.cache's builds, kg.quick's prepared queries): $KG_CACHE (a folder, or `off`),
else $XDG_CACHE_HOME/kg, else ~/.cache/kg. Imports nothing but os: kg.quick reads it before its worker answers."""

from __future__ import annotations

import os

CACHE_ENV = "KG_CACHE"


def cache_folder() -> str | None:
    """The cache folder, or None when the user turned the cache off."""
    chosen = os.environ.get(CACHE_ENV, "").strip()
    if chosen.lower() in ("off", "0", "no", "false"):
        return None
    if chosen:
        return chosen
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "kg")
