"""kg: sourced facts about AI-industry partnerships as an RDF knowledge graph.

Flow: seed files -> checked records (seeds) -> RDF dataset (build) -> validation, exports, queries, views.
The public functions live in kg.api, whose __all__ is the one list of them; they are re-exported here and
imported on first use, so that `kg --help` need not import rdflib.
"""

import os

__version__ = "0.1.0"


def __getattr__(name: str):
    # a submodule (`from kg import graph`, which asks here first) is the import system's to load; dunders are not
    # the API's. (Looked for as a file: importlib.util.find_spec imports contextlib and more, a tenth of a quick
    # `kg query`'s start.)
    here = os.path.dirname(__file__)
    if ((name.startswith("__") and name != "__all__") or os.path.isfile(os.path.join(here, f"{name}.py"))
            or os.path.isfile(os.path.join(here, name, "__init__.py"))):
        raise AttributeError(name)
    import importlib

    api = importlib.import_module("kg.api")
    if name == "__all__" or name in api.__all__:
        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
