"""kg: sourced facts about AI-industry partnerships as an RDF knowledge graph.

Flow: seed files -> checked records (seeds) -> RDF dataset (build) -> validation, exports, queries, views.
The public functions live in kg.api and are re-exported here; they are imported lazily so that
`kg --help` stays fast.
"""

__version__ = "0.1.0"

_API = {"BuildResult", "build", "build_graph", "validate", "export", "read_graph", "load_seeds",
        "DEFAULT_GRAPH_FILE",
        "partnership_network", "write_view", "stats", "paths", "neighbors",
        "run_query", "sparql", "sparql_file", "list_queries", "get_query", "query_dataset", "QueryResult", "NamedQuery",
        "open_graph", "explain", "claims_of_source", "sources", "find_conflicts", "new_source",
        "load", "push", "serve_endpoint"}


def __getattr__(name):
    if name in _API:
        from kg import api
        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


__all__ = sorted(_API)
