"""SPARQL over a built graph, with the project's prefixes pre-declared."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .dataset import open_store
from .errors import OkoceError
from .vocab import sparql_prefixes

# A federated call to another endpoint: SERVICE followed by an IRI, a prefixed name or a variable.
_SERVICE = re.compile(r"\bSERVICE\s+(?:SILENT\s+)?(?:<|\?|\$|\w*:)", re.IGNORECASE)


@dataclass
class Rows:
    """A SELECT result: variable names and rows of plain Python values (None when unbound)."""

    variables: list[str]
    rows: list[tuple[Any, ...]]

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


def term_value(term: Any) -> Any:
    """A pyoxigraph term as a plain value: IRIs and literals as strings, integers as ints."""
    if term is None:
        return None
    value = term.value
    datatype = getattr(term, "datatype", None)
    if datatype is not None and datatype.value.endswith(("#integer", "#nonNegativeInteger")):
        return int(value)
    return value


def select(graph_dir: Path, sparql: str, store: Any = None) -> Rows:
    """Run a SELECT query on the union of the article graphs."""
    import pyoxigraph

    if _SERVICE.search(sparql):
        raise OkoceError("SERVICE is refused: a local query never reaches the network")
    store = store if store is not None else open_store(graph_dir)
    try:
        result = store.query(sparql_prefixes() + sparql, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise OkoceError(f"SPARQL syntax error: {exc}") from None
    if not isinstance(result, pyoxigraph.QuerySolutions):
        raise OkoceError("expected a SELECT query")
    variables = [v.value for v in result.variables]
    rows = [tuple(term_value(solution[v]) for v in variables) for solution in result]
    return Rows(variables, rows)


def format_rows(rows: Rows, fmt: str) -> str:
    import csv
    import io
    import json

    if fmt == "json":
        return (
            json.dumps(
                {"head": {"vars": rows.variables}, "rows": rows.dicts()},
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows.dicts())
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(rows.variables)
        writer.writerows(["" if v is None else v for v in row] for row in rows.rows)
        return buffer.getvalue()
    cells = [[_shorten("" if v is None else str(v)) for v in row] for row in rows.rows]
    widths = [
        max([len(name)] + [len(row[i]) for row in cells]) for i, name in enumerate(rows.variables)
    ]
    lines = [
        "  ".join(n.ljust(w) for n, w in zip(rows.variables, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    return "\n".join(lines) + "\n"


def _shorten(value: str) -> str:
    """IRIs as prefixed names, and whitespace folded, for the table."""
    from .vocab import PREFIXES

    for prefix, iri in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if value.startswith(iri):
            return f"{prefix}:{value[len(iri) :]}"
    return " ".join(value.split())
