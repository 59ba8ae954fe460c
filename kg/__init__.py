"""kg: sourced facts about AI-industry partnerships as an RDF knowledge graph.

Flow: seed files -> checked records (seeds) -> RDF dataset (build) -> validation, exports, queries, views.
The public functions live in kg.api, whose __all__ is the one list of them; they are re-exported here and
imported on first use, so that `kg --help` need not import rdflib.
"""

import importlib
import importlib.util

__version__ = "0.1.0"


def __getattr__(name: str):
    # a submodule (`from kg import graph`) is the import system's to load; dunders are not the API's
    if (name.startswith("__") and name != "__all__") or importlib.util.find_spec(f"kg.{name}") is not None:
        raise AttributeError(name)
    api = importlib.import_module("kg.api")
    if name == "__all__" or name in api.__all__:
        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
