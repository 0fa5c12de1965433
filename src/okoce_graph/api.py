"""The Python API: the same operations as the command line, returning Python values."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .sparql import DEFAULT_TIMEOUT, run_query


def query(
    sparql: str,
    graph: Path | str = "build",
    params: dict[str, Any] | None = None,
    *,
    limit: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Any:
    """Run a read-only SPARQL query on a built graph.

    SELECT gives a list of dicts of plain values, ASK a bool, CONSTRUCT and DESCRIBE a list of
    (subject, predicate, object) tuples of strings in N-Triples syntax. `params` binds
    variables to values (strings and ints become literals; pyoxigraph terms are kept).
    """
    result = run_query(Path(graph), sparql, params, limit=limit, timeout=timeout)
    if result.kind == "ask":
        return result.boolean
    if result.kind == "graph":
        return [(str(t.subject), str(t.predicate), str(t.object)) for t in result.triples]
    return result.dicts()


def query_df(
    sparql: str,
    graph: Path | str = "build",
    params: dict[str, Any] | None = None,
    *,
    limit: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Any:
    """A SELECT query's answer as a pandas DataFrame (install the `pandas` extra)."""
    try:
        import pandas as pd
    except ImportError:
        from .errors import OkoceError

        raise OkoceError("query_df needs pandas: pip install 'okoce-graph[pandas]'") from None
    result = run_query(Path(graph), sparql, params, limit=limit, timeout=timeout)
    if result.kind != "select":
        from .errors import OkoceError

        raise OkoceError("query_df takes a SELECT query")
    return pd.DataFrame(result.values(), columns=result.variables)
