"""The names kg.store had before the stores became the package kg.stores, for code that imports them from here."""

from kg.rdf import oxigraph_dataset
from kg.stores import KINDS, STORE_ENV, StoreSpec, kind_of, load_files, open_dataset, parse_store, save_dataset
from kg.stores.oxigraph import load_oxigraph, open_oxigraph, recover, writer_lock
from kg.stores.sparql import (
    UPDATE_URL_ENV,
    EndpointStore,
    ask,
    check_default_graph,
    dataset_params,
    default_update_url,
    error_body,
    http_detail,
    kg_graphs,
    open_sparql,
    post_query,
)

__all__ = ["KINDS", "STORE_ENV", "UPDATE_URL_ENV", "EndpointStore", "StoreSpec", "ask", "check_default_graph",
           "dataset_params", "default_update_url", "error_body", "http_detail", "kg_graphs", "kind_of", "load_files",
           "load_oxigraph", "open_dataset", "open_oxigraph", "open_sparql", "oxigraph_dataset", "parse_store",
           "post_query", "recover", "save_dataset", "writer_lock"]
