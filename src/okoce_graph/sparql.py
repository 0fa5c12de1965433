"""Read-only SPARQL over a built graph: pre-declared prefixes, parameters bound as RDF terms,
named queries shipped with the package, result formats, and refusals of anything that would
write or reach the network."""

from __future__ import annotations

import csv
import difflib
import io
import json
import os
import queue
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .dataset import open_store
from .errors import OkoceError
from .vocab import PREFIXES

DEFAULT_TIMEOUT = 30.0
FORMATS = ("table", "csv", "tsv", "json", "jsonl", "md")

# A federated call to another endpoint: SERVICE followed by an IRI, a prefixed name or a variable.
_SERVICE = re.compile(r"\bSERVICE\s+(?:SILENT\s+)?(?:<|\?|\$|\w*:)", re.IGNORECASE)
_FROM = re.compile(r"\bFROM\s+(?:NAMED\s+)?<([^>]*)>", re.IGNORECASE)
_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|(?:PREFIX\s+[\w-]*:\s*<[^>]*>)|(?:BASE\s+<[^>]*>))*", re.I)
_UPDATE = re.compile(
    r"(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE
)
_SYNTAX = re.compile(r"error at (\d+):(\d+): (.*)", re.S)


class QuerySyntaxError(OkoceError):
    """A query that does not parse; the CLI exits with 2 for it."""

    exit_code = 2


@dataclass
class QueryResult:
    """The answer to a query: rows for SELECT, a boolean for ASK, triples for CONSTRUCT and
    DESCRIBE. Terms are pyoxigraph terms; `values()` gives plain Python values."""

    kind: str  # "select", "ask" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[Any] = field(default_factory=list)
    truncated: bool = False  # --limit cut the answer short

    def values(self) -> list[tuple[Any, ...]]:
        return [tuple(term_value(t) for t in row) for row in self.rows]

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.variables, row, strict=True)) for row in self.values()]


def term_value(term: Any) -> Any:
    """A pyoxigraph term as a plain value: IRIs and literals as strings, integers as ints."""
    if term is None:
        return None
    value = term.value
    datatype = getattr(term, "datatype", None)
    if datatype is not None and datatype.value.endswith(("#integer", "#nonNegativeInteger")):
        return int(value)
    return value


def check_query(sparql: str, graphs: set[str] | None = None) -> None:
    """Refuse what a local, read-only query must not do, before anything runs."""
    update, service, sources = _inspect(sparql)
    if update:
        raise OkoceError(f"{update} is an update: `okoce-graph query` is read-only")
    if service:
        raise OkoceError("SERVICE is refused: a local query never reaches the network")
    for iri in sources:
        if graphs is not None and iri not in graphs:
            raise OkoceError(
                f"FROM <{iri}> is not a graph of this dataset: a local query never loads "
                "remote data (use GRAPH with an article's IRI)"
            )


@lru_cache(maxsize=256)
def _inspect(sparql: str) -> tuple[str | None, bool, tuple[str, ...]]:
    """The update keyword a query opens with, whether it has SERVICE, and its FROM graphs.
    Remembered per text: the scans cost more than a one-entity query's own overhead."""
    body = sparql[_PROLOGUE.match(sparql).end():]  # type: ignore[union-attr]
    update = body.split(None, 1)[0].upper() if _UPDATE.match(body) else None
    return update, bool(_SERVICE.search(sparql)), tuple(_FROM.findall(sparql))


def parse_param(text: str) -> tuple[str, Any]:
    """`name=value`: <iri>, prefix:name, "text"@lang, "x"^^xsd:type, an integer, or plain text."""
    import pyoxigraph as ox

    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not re.fullmatch(r"\w+", name):
        raise OkoceError(f"--param {text!r}: expected name=value")
    value = value.strip()
    term: Any
    if value.startswith("<") and value.endswith(">"):
        term = ox.NamedNode(value[1:-1])
    elif (m := re.fullmatch(r'"(.*)"@([A-Za-z]+(?:-[A-Za-z0-9]+)*)', value, re.S)) is not None:
        term = ox.Literal(m.group(1), language=m.group(2))
    elif (m := re.fullmatch(r'"(.*)"\^\^(\S+)', value, re.S)) is not None:
        term = ox.Literal(m.group(1), datatype=_iri(m.group(2), text))
    elif value.startswith('"') and value.endswith('"') and len(value) >= 2:
        term = ox.Literal(value[1:-1])
    elif re.fullmatch(r"-?\d+", value):
        term = ox.Literal(value, datatype=ox.NamedNode(PREFIXES["xsd"] + "integer"))
    elif (m := re.fullmatch(r"(\w+):([\w./-]*)", value)) is not None and m.group(1) in PREFIXES:
        term = ox.NamedNode(PREFIXES[m.group(1)] + m.group(2))
    else:
        term = ox.Literal(value)
    return name, term


def _iri(text: str, param: str) -> Any:
    import pyoxigraph as ox

    if text.startswith("<") and text.endswith(">"):
        return ox.NamedNode(text[1:-1])
    prefix, _, local = text.partition(":")
    if prefix not in PREFIXES:
        raise OkoceError(f"--param {param!r}: unknown prefix {prefix!r}")
    return ox.NamedNode(PREFIXES[prefix] + local)


def run_query(
    graph_dir: Path | str,
    sparql: str,
    params: dict[str, Any] | None = None,
    *,
    limit: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    store: Any = None,
) -> QueryResult:
    """Run a read-only SPARQL query on the union of the article graphs of a built graph.

    `params` binds variables to RDF terms (pyoxigraph terms, or strings and ints, which become
    literals); they are substituted as terms, never pasted into the query text.
    """
    import pyoxigraph as ox

    graph_dir = Path(graph_dir)
    store = store if store is not None else open_store(graph_dir)
    sources = _inspect(sparql)[2]
    check_query(sparql, {g.value for g in store.named_graphs()} if sources else None)
    substitutions = {ox.Variable(k): _as_term(v) for k, v in (params or {}).items()}
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            result = store.query(
                sparql,
                prefixes=PREFIXES,
                use_default_graph_as_union=not sources,
                substitutions=substitutions or None,
            )
            outcome["result"] = _collect(result, limit)
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc

    if not _run_on_worker(work, timeout):
        raise OkoceError(f"query stopped after {timeout:g} s (raise it with --timeout)")
    if "error" in outcome:
        raise _translate(outcome["error"], sparql) from None
    return outcome["result"]


# Queries run on reused daemon threads: Oxigraph cannot be interrupted, so a query past its
# timeout is left to finish on its own thread, and starting a thread per query costs 1-4 ms on
# a loaded machine, more than a one-entity query takes.
_JOBS: queue.SimpleQueue[tuple[Any, threading.Lock]] = queue.SimpleQueue()
_IDLE_WORKERS = 0
_WORKERS_LOCK = threading.Lock()


def _run_on_worker(work: Any, timeout: float | None) -> bool:
    """Run `work()` on an idle worker thread (a new one when all are busy, e.g. with a query
    that overran); False when it has not finished within `timeout` seconds."""
    global _IDLE_WORKERS
    done = threading.Lock()  # held until the worker is done: one futex wait, unlike an Event
    done.acquire()
    with _WORKERS_LOCK:
        if _IDLE_WORKERS:
            _IDLE_WORKERS -= 1
        else:
            threading.Thread(target=_worker, daemon=True, name="okoce-graph-query").start()
    _JOBS.put((work, done))
    return done.acquire(timeout=-1 if timeout is None else timeout)


def _forget_workers() -> None:
    """A forked child has none of its parent's threads."""
    global _JOBS, _IDLE_WORKERS, _WORKERS_LOCK
    _JOBS, _IDLE_WORKERS, _WORKERS_LOCK = queue.SimpleQueue(), 0, threading.Lock()


os.register_at_fork(after_in_child=_forget_workers)


def _worker() -> None:
    global _IDLE_WORKERS
    while True:
        work, done = _JOBS.get()
        work()  # never raises: it stores its outcome
        done.release()
        with _WORKERS_LOCK:
            _IDLE_WORKERS += 1


def _as_term(value: Any) -> Any:
    import pyoxigraph as ox

    if isinstance(value, ox.NamedNode | ox.Literal | ox.BlankNode):
        return value
    if isinstance(value, bool):
        return ox.Literal(str(value).lower(), datatype=ox.NamedNode(PREFIXES["xsd"] + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(PREFIXES["xsd"] + "integer"))
    return ox.Literal(str(value))


def _collect(result: Any, limit: int | None) -> QueryResult:
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows: list[tuple[Any, ...]] = []
        truncated = False
        for solution in result:
            if limit is not None and len(rows) >= limit:
                truncated = True
                break
            rows.append(tuple(solution))  # in the order of `variables`, None when unbound
        return QueryResult("select", variables, rows, truncated=truncated)
    triples = []
    truncated = False
    for triple in result:
        if limit is not None and len(triples) >= limit:
            truncated = True
            break
        triples.append(triple)
    return QueryResult("graph", triples=triples, truncated=truncated)


def _translate(exc: BaseException, sparql: str) -> BaseException:
    if isinstance(exc, SyntaxError):
        message = str(exc)
        match = _SYNTAX.match(message)
        if match:
            line_no, column = int(match.group(1)), int(match.group(2))
            lines = sparql.splitlines() or [""]
            line = lines[min(line_no, len(lines)) - 1]
            near = line[max(column - 1, 0):].strip()[:40] or "the end of the query"
            expected = " ".join(match.group(3).split())
            if len(expected) > 120:
                expected = expected[:117] + "..."
            return QuerySyntaxError(
                f"SPARQL syntax error at line {line_no}, column {column}, near {near!r}: "
                f"{expected}"
            )
        return QuerySyntaxError(f"SPARQL syntax error: {' '.join(message.split())}")
    projection = re.search(r"does not contains? variable \?(\w+) in its SELECT", str(exc))
    if projection:
        name = projection.group(1)
        return OkoceError(f"--param {name}: ?{name} must be in the SELECT clause to be bound")
    if isinstance(exc, OSError | RuntimeError | ValueError):
        return OkoceError(f"query failed: {' '.join(str(exc).split())}")
    return exc


def select(graph_dir: Path, sparql: str, store: Any = None) -> QueryResult:
    """A SELECT query without limits, for the library's own use."""
    return run_query(graph_dir, sparql, store=store, timeout=None)


# Named queries -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    params: tuple[str, ...]
    text: str


def named_queries() -> dict[str, NamedQuery]:
    """The queries shipped in `okoce_graph/queries/`, by name (the file name without .rq).
    Each starts with comment lines: the title, a description, and `# param: name -- meaning`."""
    folder = resources.files("okoce_graph").joinpath("queries")
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text("utf-8")
        comments = [line[1:].strip() for line in text.splitlines() if line.startswith("#")]
        params = tuple(c.split(":", 1)[1].split("--")[0].strip() for c in comments
                       if c.startswith("param:"))
        prose = [c for c in comments if c and not c.startswith("param:")]
        name = entry.name[:-3]
        found[name] = NamedQuery(name, prose[0] if prose else name, " ".join(prose[1:]),
                                 params, text)
    return found


def named_query(name: str) -> NamedQuery:
    queries = named_queries()
    if name in queries:
        return queries[name]
    close = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else "; see `okoce-graph query --list`"
    raise OkoceError(f"no named query {name!r}{hint}")


# Formats -------------------------------------------------------------------------------------


def _nt(term: Any) -> str:
    """A term in N-Triples syntax (used by TSV and for IRIs in tables)."""
    return "" if term is None else str(term)


def _json_term(term: Any) -> dict[str, str]:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != PREFIXES["xsd"] + "string":
        out["datatype"] = term.datatype.value
    return out


def shorten(value: str) -> str:
    """An IRI as a prefixed name when a project prefix covers it, for tables."""
    for prefix, iri in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if value.startswith(iri) and re.fullmatch(r"[\w.-]*(?:/[\w.-]+)*", value[len(iri):]):
            return f"{prefix}:{value[len(iri):]}"
    return value


def _cell(term: Any) -> str:
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten(term.value)
    return " ".join(str(term.value).split())


def format_result(result: QueryResult, fmt: str) -> str:
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if result.kind == "graph":
        return graph_turtle(result.triples)
    if fmt == "json":
        return json.dumps(
            {
                "head": {"vars": result.variables},
                "results": {
                    "bindings": [
                        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True)
                         if t is not None}
                        for row in result.rows
                    ]
                },
            },
            ensure_ascii=False,
            indent=1,
        ) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in result.dicts())
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        if fmt == "csv":
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(result.variables)
            writer.writerows(["" if v is None else v for v in row] for row in result.values())
        else:  # SPARQL 1.1 TSV: a header of ?variables, then terms in N-Triples syntax
            buffer.write("\t".join("?" + v for v in result.variables) + "\n")
            for row in result.rows:
                buffer.write("\t".join(_nt(t).replace("\t", "\\t") for t in row) + "\n")
        return buffer.getvalue()
    cells = [[_cell(t) for t in row] for row in result.rows]
    if fmt == "md":
        def md(text: str) -> str:
            return text.replace("|", "\\|")

        lines = ["| " + " | ".join(result.variables) + " |",
                 "|" + "|".join("---" for _ in result.variables) + "|"]
        lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in cells]
        return "\n".join(lines) + "\n"
    widths = [max([len(name)] + [len(row[i]) for row in cells])
              for i, name in enumerate(result.variables)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(result.variables, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
              for row in cells]
    return "\n".join(lines) + "\n"


def graph_turtle(triples: list[Any]) -> str:
    """Turtle of CONSTRUCT or DESCRIBE triples, sorted, with the project's prefixes."""
    import pyoxigraph as ox

    ordered = sorted(triples, key=str)
    data = ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return data.decode("utf-8") if isinstance(data, bytes) else str(data)
