"""Remote SPARQL servers and a local endpoint.

- `push` uploads the article graphs of a built graph to a server with the SPARQL 1.1 Graph Store
  HTTP Protocol: each article graph is replaced whole (PUT), so pushing again never duplicates.
  Graphs the server already holds with the same triples are left alone (known from the push
  record, a graph on the server with the digest of each article graph pushed, or else from a
  fingerprint the server computes in SPARQL), and graphs it lacks are loaded in bulk, streamed,
  when the server is Oxigraph.
- `run_remote_query` runs a read-only query on a SPARQL endpoint and returns the same
  `QueryResult` as a local query, so every output format matches.
- `start_server` / `serve` serve a built graph read-only: the Oxigraph server (`oxigraph
  serve-read-only`, from the `oxigraph` package) on a free port of 127.0.0.1, behind a small
  proxy of the standard library (http.server, http.client) that is the endpoint users see.
  It forwards reads (the SPARQL 1.1 Protocol on /query, Graph Store reads, the query page),
  answers writes itself with 403, and holds each query to a time limit (default 30 s) and
  each answer to a size (default 10,000,000 bytes), with a one-line error (HTTP 503 or 422).

Why a proxy rather than Oxigraph's options (measured with bench/bench_serve.py, Oxigraph
0.5.13, 2-core machine):
- Oxigraph's `--timeout-s` starts, for every query, a thread that sleeps for the whole timeout.
  With 30 s and 50 clients (over 1,000 queries/s) some 15,000 threads pile up within 6 s,
  the process reaches the kernel's limit of memory maps (vm.max_map_count, 65,530: about four
  per thread), new threads fail (HTTP 500 "Resource temporarily unavailable", os error 11),
  and a thread that cannot set up its stack guard page panics ("failed to set up alternative
  stack guard page: Cannot allocate memory"), which kills the server. Besides, a query it
  cancels gets HTTP 200 with a cut answer that ends in "The SPARQL operation has been
  cancelled", and it cancelled an ORDER BY 12 s late (1 s timeout).
- Oxigraph has no limit on the size of an answer. Rewriting queries (a LIMIT added) would
  need a SPARQL rewriter, would count rows and not bytes (one GROUP_CONCAT row can be
  megabytes), and would cut answers silently.
- A client that goes away stops a streaming answer, but not a query that computes before it
  answers (COUNT, GROUP BY, ORDER BY): that runs on to its end.
So the proxy holds each answer whole up to the cap (a refusal is a clean HTTP error, never
a cut answer) and, at the time limit, answers 503 and kills the Oxigraph process running the
query, the only way to stop it (the store is only read: nothing is lost); a new process starts
in about 60 ms and the other requests in flight are sent to it again (they are reads). The
cost: one more hop, about 0.4 ms of CPU per request, and an answer leaves only once complete.

Credentials come from the environment only: OKOCE_GRAPH_USER and OKOCE_GRAPH_PASSWORD (HTTP
Basic) or OKOCE_GRAPH_TOKEN (Bearer). They are never part of a URL, a message or a log.
HTTP goes through the standard library's http.client: keep-alive connections, no redirects
followed (so credentials never travel to another host), and no HTTP(S)_PROXY.
"""

from __future__ import annotations

import base64
import collections
import contextlib
import errno
import hashlib
import http.client
import http.server
import os
import re
import shutil
import signal
import socket
import socketserver
import ssl
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .dataset import STORE, dataset_path, open_store, unchanged_since_built
from .errors import OkoceError
from .sparql import (
    _PROLOGUE,
    DEFAULT_TIMEOUT,
    QueryResult,
    _inspect,
    _translate,
    check_query,
)
from .vocab import BASE, OKG, PREFIXES

ARTICLE_PREFIX = BASE + "article/"
PUSH_RECORD = BASE + "push-record"  # the graph where push notes the digest of each article graph
_GRAPH_DIGEST = str(OKG.graphDigest)
DEFAULT_PORT = 7878
DEFAULT_PUSH_TIMEOUT = 60.0
ENV_USER = "OKOCE_GRAPH_USER"
ENV_PASSWORD = "OKOCE_GRAPH_PASSWORD"
ENV_TOKEN = "OKOCE_GRAPH_TOKEN"

_FORM = "application/x-www-form-urlencoded"
_JSON_RESULTS = "application/sparql-results+json"
_N_TRIPLES = "application/n-triples"
_N_QUADS = "application/n-quads"
_PUSH_WORKERS = 4


# URLs, credentials and connections ----------------------------------------------------------


@dataclass(frozen=True)
class _Url:
    scheme: str
    host: str
    port: int
    target: str  # path and query string, as sent in the request line

    @property
    def text(self) -> str:
        """The URL for messages: no query string (it may hold a graph IRI, never secrets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}{self.target.split('?', 1)[0]}"

    def with_params(self, params: dict[str, str | None]) -> str:
        """The request target with extra query parameters (None: a parameter without value)."""
        extra = "&".join(
            name + ("" if value is None else "=" + urllib.parse.quote(value, safe=""))
            for name, value in params.items()
        )
        return self.target + ("&" if "?" in self.target else "?") + extra


def _parse_url(url: str, what: str) -> _Url:
    parts = urllib.parse.urlsplit(url.strip())
    if "@" in parts.netloc:
        raise OkoceError(
            f"{what}: credentials do not belong in the URL; set {ENV_USER} and {ENV_PASSWORD} "
            f"(or {ENV_TOKEN}) in the environment"
        )
    shown = urllib.parse.urlunsplit(parts._replace(query="", fragment=""))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise OkoceError(f"{what} {shown!r}: expected an http:// or https:// URL")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise OkoceError(f"{what} {shown!r}: bad port") from None
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return _Url(parts.scheme, parts.hostname, port, target)


def default_graph_store(endpoint: str) -> str:
    """The Graph Store Protocol URL beside a query endpoint, as Oxigraph lays them out:
    http://host:port/query (or /sparql, or /) -> http://host:port/store."""
    parts = urllib.parse.urlsplit(endpoint.strip())
    path = parts.path.rstrip("/")
    head, _, last = path.rpartition("/")
    if path == "":
        store = "/store"
    elif last in ("query", "sparql"):
        store = f"{head}/store"
    else:
        where = _parse_url(endpoint, "the endpoint").text
        raise OkoceError(
            f"cannot tell the graph store URL from the endpoint {where}: "
            "give it with --graph-store (Fuseki: .../DATASET/data, GraphDB: "
            ".../repositories/REPO/rdf-graphs/service, Virtuoso: .../sparql-graph-crud-auth)"
        )
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, store, "", ""))


def _auth_headers() -> dict[str, str]:
    token = os.environ.get(ENV_TOKEN)
    user, password = os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD)
    if token:
        return {"Authorization": f"Bearer {token}"}
    if user is None and password is None:
        return {}
    if not user or password is None:
        missing = ENV_PASSWORD if password is None else ENV_USER
        raise OkoceError(
            f"{missing} is not set: HTTP Basic needs both {ENV_USER} and {ENV_PASSWORD}"
        )
    pair = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return {"Authorization": f"Basic {pair}"}


class _Client:
    """Keep-alive connections to one server, one per thread, with the credentials' header."""

    def __init__(self, url: _Url, timeout: float | None) -> None:
        self.url = url
        self.timeout = timeout
        self.headers = {"User-Agent": "okoce-graph", **_auth_headers()}
        self._local = threading.local()
        self._all: list[http.client.HTTPConnection] = []
        self._lock = threading.Lock()

    def _connection(self) -> tuple[http.client.HTTPConnection, bool]:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            return conn, False
        if self.url.scheme == "https":
            conn = http.client.HTTPSConnection(self.url.host, self.url.port, timeout=self.timeout,
                                               context=ssl.create_default_context())
        else:
            conn = http.client.HTTPConnection(self.url.host, self.url.port, timeout=self.timeout)
        self._local.conn = conn
        with self._lock:
            self._all.append(conn)
        return conn, True

    def _drop(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
        self._local.conn = None

    def request(self, method: str, target: str, body: bytes | Iterable[bytes] | None = None,
                headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
        """Send a request and return the response, its status not yet checked. A keep-alive
        connection the server has closed meanwhile is reopened once."""
        while True:
            conn, fresh = self._connection()
            try:
                conn.request(method, target, body=body, headers={**self.headers, **(headers or {})})
                return conn.getresponse()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self._drop()
                if fresh:
                    raise
            except BaseException:
                self._drop()
                raise

    def call(self, method: str, target: str, body: bytes | Iterable[bytes] | None = None,
             headers: dict[str, str] | None = None, what: str = "") -> tuple[bytes, str]:
        """A request whose answer must be 2xx; returns the body and the Server header."""
        try:
            response = self.request(method, target, body, headers)
            data = response.read()
        except (OSError, http.client.HTTPException) as exc:
            waited = getattr(self._local, "wait", None) or self.timeout
            self._drop()
            raise _network_error(exc, self.url, waited) from None
        finally:
            self._local.wait = None
        if response.status >= 300:
            raise _http_error(response.status, response.reason, data, self.url, what)
        if response.will_close:
            self._drop()
        return data, response.getheader("Server") or ""

    def set_timeout(self, seconds: float) -> None:
        """The timeout of this thread's connection, from now on (until the request ends, for
        `call`'s messages)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None and conn.sock is not None:
            conn.sock.settimeout(seconds)
        self._local.wait = seconds

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()


def _network_error(exc: BaseException, url: _Url, timeout: float | None) -> OkoceError:
    if isinstance(exc, TimeoutError):
        return OkoceError(f"{url.text}: no answer within {timeout:g} s")
    if isinstance(exc, ConnectionRefusedError):
        return OkoceError(f"cannot reach {url.text}: connection refused")
    if isinstance(exc, socket.gaierror):
        return OkoceError(f"cannot reach {url.text}: unknown host {url.host!r}")
    if isinstance(exc, ssl.SSLError):
        return OkoceError(f"cannot reach {url.text}: TLS error ({exc.reason or exc})")
    if isinstance(exc, http.client.HTTPException | ConnectionResetError | BrokenPipeError):
        return OkoceError(f"{url.text}: the server closed the connection ({type(exc).__name__})")
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return OkoceError(f"cannot reach {url.text}: {reason[:1].lower()}{reason[1:]}")


def _first_line(body: bytes) -> str:
    text = body[:65536].decode("utf-8", "replace")
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line[:300]


class RemoteHTTPError(OkoceError):
    """A server's answer with an HTTP error status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def _http_error(status: int, reason: str, body: bytes, url: _Url, what: str = "") -> OkoceError:
    line = _first_line(body)
    message = f"{url.text}: HTTP {status} {reason}".rstrip() + (f": {line}" if line else "")
    if status in (401, 403) and "read-only" not in line:
        message += f" (credentials come from {ENV_USER}/{ENV_PASSWORD} or {ENV_TOKEN})"
    if what:
        message = f"{what}: {message}"
    return RemoteHTTPError(message, status)


# Queries --------------------------------------------------------------------------------------

_LEX = re.compile(
    r"""(?P<space>\s+)
      | (?P<comment>\#[^\n]*)
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                  |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
      | (?P<word>[A-Za-z_][\w-]*)
      | (?P<other>.)""",
    re.X | re.S,
)
_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


def _tokens(text: str, start: int = 0) -> Iterator[tuple[str, str, int]]:
    """(kind, text, offset) of the significant tokens of a query (no spaces or comments)."""
    for match in _LEX.finditer(text, start):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment"):
            yield kind, match.group(), match.start()


def _query_form(sparql: str) -> tuple[str, int]:
    """SELECT, ASK, CONSTRUCT or DESCRIBE, and the offset just after that keyword."""
    previous = ""
    for kind, token, offset in _tokens(sparql):
        if (kind == "word" and token.upper() in _FORMS and previous != ":"
                and not sparql.startswith(":", offset + len(token))):
            return token.upper(), offset + len(token)
        previous = token
    raise OkoceError("not a SELECT, ASK, CONSTRUCT or DESCRIBE query")


def _where_group(sparql: str, form: str, after: int) -> tuple[int, int] | None:
    """The offsets of the `{` and `}` of the query's outermost WHERE group, or None."""
    braces = parens = 0
    opening = None
    tokens = _tokens(sparql, after)
    if form == "CONSTRUCT":
        first = next(tokens, None)
        if first is None or first[1] != "{":
            return None  # CONSTRUCT WHERE { ... }: a template only, no room for VALUES
        braces = 1
    for _, token, offset in tokens:
        if token == "(":
            parens += 1
        elif token == ")":
            parens -= 1
        elif token == "{":
            if opening is None and braces == 0 and parens == 0:
                opening = offset
            braces += 1
        elif token == "}":
            braces -= 1
            if opening is not None and braces == 0:
                return opening, offset
    return None


def _values_block(params: dict[str, Any]) -> str:
    import pyoxigraph as ox

    from .sparql import _as_term

    names, terms = [], []
    for name, value in params.items():
        if not re.fullmatch(r"\w+", name):
            raise OkoceError(f"--param {name!r}: not a variable name")
        term = _as_term(value)
        if not isinstance(term, ox.NamedNode | ox.Literal):
            raise OkoceError(f"--param {name}: only an IRI or a literal can be sent to an endpoint")
        names.append(f"?{name}")
        terms.append(str(term))  # N-Triples syntax, escaped by pyoxigraph: valid SPARQL
    return f" VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }} "


@dataclass(frozen=True)
class _Prepared:
    text: str  # what is sent
    prefix_lines: int  # lines of PREFIX declarations put before the user's query
    # What was inserted into the user's query: (line, column where it starts in the text sent,
    # 1-based, length); no newlines, so lines keep their numbers.
    insertions: tuple[tuple[int, int, int], ...]
    form: str


def prepare_remote_query(sparql: str, params: dict[str, Any] | None = None) -> _Prepared:
    """The text sent to an endpoint: the project's prefixes the query does not declare itself,
    then the query. Bound parameters become a VALUES block joined with the WHERE group,
    `WHERE { VALUES (?a) { (term) } { ...the group... } }`, the terms in N-Triples syntax
    (never text pasted from the user). That equals a local --param whenever the query's
    mandatory patterns bind the variable (all the named queries do), and keeps a BIND of the
    variable legal."""
    form, after = _query_form(sparql)
    text = sparql
    insertions: tuple[tuple[int, int, int], ...] = ()
    if params:
        group = _where_group(sparql, form, after)
        if group is None:
            if form in ("CONSTRUCT", "DESCRIBE") or "{" not in sparql[after:]:
                raise OkoceError(
                    f"--param with --endpoint needs a {form} query with a WHERE {{ ... }} "
                    "group (CONSTRUCT WHERE and DESCRIBE without WHERE cannot take parameters)"
                )
            _check_syntax(sparql)  # unbalanced braces: say where, as a local query would
            raise OkoceError("--param with --endpoint: cannot find the WHERE group")
        opening, closing = group
        if form == "SELECT":
            projection = sparql[after:opening]
            if not re.match(r"\s*(?:DISTINCT\s+|REDUCED\s+)?\*", projection, re.I):
                for name in params:
                    if not re.search(rf"[?$]{re.escape(name)}\b", projection):
                        raise OkoceError(
                            f"--param {name}: ?{name} must be in the SELECT clause to be bound"
                        )
        block = _values_block(params) + "{"
        text = (sparql[: opening + 1] + block + sparql[opening + 1 : closing] + "}"
                + sparql[closing:])
        first = _position(sparql, opening + 1)
        last = _position(sparql, closing)
        if last[0] == first[0]:
            last = (last[0], last[1] + len(block))
        insertions = ((*first, len(block)), (*last, 1))
    prologue = sparql[: _PROLOGUE.match(sparql).end()]  # type: ignore[union-attr]
    declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w.-]*):", prologue, re.I)}
    lines = [f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p.lower() not in declared]
    return _Prepared("".join(lines) + text, len(lines), insertions, form)


def _position(text: str, offset: int) -> tuple[int, int]:
    """(line, column), 1-based, of an offset."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _check_syntax(sparql: str) -> None:
    import pyoxigraph as ox

    try:
        ox.Store().query(sparql, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise _translate(exc, sparql) from None


def _syntax_error(body: str, prepared: _Prepared, sparql: str) -> BaseException | None:
    """An endpoint's syntax error placed in the user's query (as a local query reports it)."""
    match = re.search(r"error at (\d+):(\d+): (.*)", body, re.S)  # Oxigraph
    if match is None:
        return None
    line, column = _map_position(int(match.group(1)), int(match.group(2)), prepared)
    return _translate(SyntaxError(f"error at {line}:{column}: {match.group(3)}"), sparql)


def _map_position(line: int, column: int, prepared: _Prepared) -> tuple[int, int]:
    line = max(line - prepared.prefix_lines, 1)
    shift = 0
    for at_line, at_column, length in prepared.insertions:
        if at_line == line and column >= at_column:
            shift += min(length, column - at_column)
    return line, column - shift


def _map_lines(message: str, prepared: _Prepared) -> str:
    """`line N` in another server's message, shifted back to the user's query."""
    return re.sub(
        r"(?i)\b(line )(\d+)",
        lambda m: m.group(1) + str(max(int(m.group(2)) - prepared.prefix_lines, 1)),
        message,
    )


def run_remote_query(
    endpoint: str,
    sparql: str,
    params: dict[str, Any] | None = None,
    *,
    limit: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    union_default_graph: bool = True,
) -> QueryResult:
    """Run a read-only query on a SPARQL 1.1 endpoint; the answer is the same `QueryResult` as
    a local `run_query`, so `format_result` prints the same thing.

    The project's prefixes are pre-declared as locally. `params` bind variables to terms (as in
    `run_query`) through a VALUES block in the WHERE group. Updates and SERVICE are refused
    before anything is sent. `union_default_graph` asks the server (Oxigraph's
    `union-default-graph` parameter; other servers ignore it) to read the default graph as the
    union of the article graphs, as a local query does; a query with FROM is sent without it.
    `timeout` bounds the whole exchange, from connecting to the last row read.
    """
    import pyoxigraph as ox

    url = _parse_url(endpoint, "the endpoint")
    _, service, sources = _inspect(sparql)
    if service:
        raise OkoceError("SERVICE is refused: a query never makes the endpoint call another")
    check_query(sparql)
    prepared = prepare_remote_query(sparql, params)
    fields = {"query": prepared.text}
    if union_default_graph and not sources:  # as run_query decides
        fields["union-default-graph"] = ""
    accept = _N_TRIPLES if prepared.form in ("CONSTRUCT", "DESCRIBE") else _JSON_RESULTS
    deadline = None if timeout is None else time.monotonic() + timeout
    client = _Client(url, timeout)
    stopped = OkoceError(f"query stopped after {timeout or 0:g} s (raise it with --timeout)")
    try:
        try:
            response = client.request(
                "POST", url.target, urllib.parse.urlencode(fields).encode(),
                {"Content-Type": _FORM, "Accept": f"{accept}, */*;q=0.1"},
            )
        except TimeoutError:
            raise stopped from None
        except (OSError, http.client.HTTPException) as exc:
            raise _network_error(exc, url, timeout) from None
        if response.status >= 300:
            body = response.read(65536)
            if response.status == 400:
                # A syntax error is reported as a local query reports it, from Oxigraph's own
                # parser on the user's text; the server's message is the fallback.
                _check_syntax(sparql)
                text = body.decode("utf-8", "replace")
                syntax = _syntax_error(text, prepared, sparql)
                if syntax is not None:
                    raise syntax
                body = _map_lines(text, prepared).encode()
            raise _http_error(response.status, response.reason, body, url)
        media = (response.getheader("Content-Type") or accept).split(";")[0].strip().lower()
        if deadline is not None:  # reading the answer gets what is left of the time
            client.set_timeout(max(deadline - time.monotonic(), 0.001))
        try:
            return _read_answer(ox, response, media, limit, deadline, stopped)
        except TimeoutError:
            raise stopped from None
        except (SyntaxError, ValueError) as exc:
            raise OkoceError(f"{url.text}: unreadable answer ({media}): {exc}") from None
        except OSError as exc:
            if deadline is not None and time.monotonic() >= deadline:
                raise stopped from None
            raise _network_error(exc, url, timeout) from None
    finally:
        client.close()


def _read_answer(ox: Any, response: Any, media: str, limit: int | None, deadline: float | None,
                 stopped: OkoceError) -> QueryResult:
    def check(count: int) -> None:
        if deadline is not None and count % 256 == 0 and time.monotonic() > deadline:
            raise stopped

    results_format = ox.QueryResultsFormat.from_media_type(media)
    if media in ("application/json", "text/json"):
        results_format = ox.QueryResultsFormat.JSON
    if results_format is not None:
        parsed = ox.parse_query_results(response, format=results_format)
        if isinstance(parsed, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(parsed))
        variables = [v.value for v in parsed.variables]
        rows: list[tuple[Any, ...]] = []
        for solution in parsed:
            if limit is not None and len(rows) >= limit:
                return QueryResult("select", variables, rows, truncated=True)
            rows.append(tuple(solution[v] for v in variables))
            check(len(rows))
        return QueryResult("select", variables, rows)
    rdf_format = ox.RdfFormat.from_media_type(media)
    if media == "text/plain":  # N-Triples as old servers label it
        rdf_format = ox.RdfFormat.N_TRIPLES
    if rdf_format is None:
        raise OkoceError(f"the endpoint answered in {media}, which is neither SPARQL results "
                         "nor RDF")
    triples: list[Any] = []
    for quad in ox.parse(response, format=rdf_format):
        if limit is not None and len(triples) >= limit:
            return QueryResult("graph", triples=triples, truncated=True)
        triples.append(quad.triple)
        check(len(triples))
    return QueryResult("graph", triples=triples)


# Pushing a graph ------------------------------------------------------------------------------


@dataclass
class PushResult:
    """What `push` did: how many article graphs were added, replaced, left alone (already the
    same on the server) or deleted (--prune), and how long it took."""

    graph_store: str
    graphs: int
    added: int
    replaced: int
    unchanged: int
    pruned: int
    triples: int  # triples sent
    seconds: float
    bulk: bool  # new graphs were loaded in bulk (an Oxigraph server)

    def summary(self) -> str:
        pruned = f", {self.pruned} deleted" if self.pruned else ""
        return (
            f"pushed {self.graphs} article graph(s) to {self.graph_store}: {self.added} added, "
            f"{self.replaced} replaced, {self.unchanged} unchanged{pruned}; {self.triples:,} "
            f"triples sent in {self.seconds:.1f} s"
        )


_PREFIX = ARTICLE_PREFIX.encode()
_TAIL = b" <" + _PREFIX  # how the line of a quad in an article graph ends, up to the name
_BLOCK = 1 << 20  # the dataset is read, checked and sent in blocks of about this many bytes
# After a bulk request's last byte, the wait for its answer grows by a second per this many
# bytes sent: Oxigraph 0.5 answered 10.7 s after the last of 1,033 MB (2 cores).
_INDEXED_PER_SECOND = 10_000_000


def _not_a_quad(path: Path, number: int) -> OkoceError:
    return OkoceError(f"{path}:{number}: not a quad of an article graph; rebuild the graph")


def _line_runs(block: bytes, path: Path, number: int) -> list[tuple[bytes, bytes, int]]:
    """The runs of a block, every line checked: its graph is its last IRI, an article's, after a
    subject, a predicate and an object. Blank lines are left out; `number` lines came before."""
    runs: list[tuple[bytes, bytes, int]] = []
    graph, lines = b"", []
    for at, line in enumerate(block.splitlines(keepends=True), number + 1):
        if not line.strip():
            continue
        cut = line.rfind(b"<")
        predicate = line.find(b"> <") + 3
        object_at = line.find(b"> ", predicate) + 2
        if (not line.startswith(b"<") or not line.endswith(b"> .\n") or predicate < 3
                or not 1 < object_at < cut or not line.startswith(_PREFIX, cut + 1)):
            raise _not_a_quad(path, at)
        if line[cut + 1 : -4] != graph:
            if lines:
                runs.append((graph, b"".join(lines), len(lines)))
            graph, lines = line[cut + 1 : -4], []
        lines.append(line)
    if lines:
        runs.append((graph, b"".join(lines), len(lines)))
    return runs


def _grouped_runs(block: bytes) -> list[tuple[bytes, bytes, int]] | None:
    """The runs of a block as its build writes them, each graph's lines together, found with a
    few scans in C per run: a run is every line up to the last that ends like its first, and
    all of them must. None when the block is not so made (the lines are then read one by one)."""
    runs = []
    start = 0
    while start < len(block):
        line_end = block.index(b"\n", start) + 1
        tail = block[block.rfind(b" <", start, line_end) : line_end]
        if not (tail.startswith(_TAIL) and tail.endswith(b"> .\n")):
            return None
        end = block.rfind(tail, start) + len(tail)
        count = block.count(b"\n", start, end)
        if block.count(tail, start, end) != count:
            return None
        runs.append((tail[2:-4], block[start:end], count))
        start = end
    return runs


def _runs(path: Path, trusted: bool) -> Iterator[tuple[str, bytes, int]]:
    """The dataset as runs of consecutive lines of one article graph: (graph, lines, how many),
    read a block at a time. Each line is checked to be a quad of an article graph; in the file
    its build wrote (`trusted`), only that each run of lines ends in an article graph's name."""
    number = 0
    with path.open("rb") as handle:
        rest = b""
        while data := handle.read(_BLOCK):
            block = rest + data
            cut = block.rfind(b"\n") + 1
            block, rest = block[:cut], block[cut:]
            runs = _grouped_runs(block) if trusted else None
            for graph, lines, count in runs or _line_runs(block, path, number):
                yield graph.decode(), lines, count
            number += block.count(b"\n")
    if rest.strip():  # a last line without its end
        raise _not_a_quad(path, number + 1)


def _n_triples(runs: list[bytes]) -> bytes:
    lines = b"".join(runs).splitlines(keepends=True)
    return b"".join(line[: line.rfind(b"<")] + b".\n" for line in lines)


# Which graphs the server holds (the names of its graphs: cheap), and, when it holds some of
# the dataset's, whether they hold the same triples: a fingerprint of each article graph that
# the server computes in standard SPARQL 1.1 while this side computes it in Python: the number
# of triples, and the sums over the graph of the first 12 decimal digits of the MD5 and of the
# SHA-1 of each triple's text (the hex digests without their letters, read as integers; the
# digests detect changes here, they guard nothing). Equal fingerprints mean equal graphs but
# for a chance of about 2^-80; a server that writes a term differently (a literal in another
# lexical form) only makes a graph look changed. Measured on 1M quads in 10,000 graphs: about
# 11 s for the server's query, against about 30 s of server time to PUT them all again.
_IN_ARTICLES = f'GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{ARTICLE_PREFIX}"))'
_NAMES = "SELECT ?g WHERE { GRAPH ?g { } }"
_RECORD = f"SELECT ?g ?d WHERE {{ GRAPH <{PUSH_RECORD}> {{ ?g <{_GRAPH_DIGEST}> ?d }} }}"
_DIGITS = 12
_INTEGER = "<http://www.w3.org/2001/XMLSchema#integer>"
_FINGERPRINTS = f"""SELECT ?g (COUNT(*) AS ?n) (SUM(?a) AS ?x) (SUM(?b) AS ?y) WHERE {{
  {_IN_ARTICLES}
  BIND(CONCAT(STR(?s), " ", STR(?p), " ", IF(isLITERAL(?o),
       CONCAT("L", LANG(?o), " ", STR(DATATYPE(?o)), " ", STR(?o)), CONCAT("I", STR(?o))))
       AS ?t)
  BIND({_INTEGER}(SUBSTR(REPLACE(MD5(?t), "[a-f]", ""), 1, {_DIGITS})) AS ?a)
  BIND({_INTEGER}(SUBSTR(REPLACE(SHA1(?t), "[a-f]", ""), 1, {_DIGITS})) AS ?b)
}} GROUP BY ?g"""
_NO_LETTERS = str.maketrans("", "", "abcdef")

Fingerprint = tuple[int, int, int]


def _digits(digest: str) -> int | None:
    digits = digest.translate(_NO_LETTERS)[:_DIGITS]
    return int(digits) if digits else None


def _fingerprints(lines: Iterable[bytes]) -> dict[str, Fingerprint | None]:
    import pyoxigraph as ox

    sums: dict[str, list[int] | None] = {}
    for quad in ox.parse(b"".join(lines), format=ox.RdfFormat.N_QUADS):
        o = quad.object
        if isinstance(o, ox.Literal):
            obj = f"L{o.language or ''} {o.datatype.value} {o.value}"
        else:
            obj = f"I{o.value}"
        text = f"{quad.subject.value} {quad.predicate.value} {obj}".encode()
        a = _digits(hashlib.md5(text, usedforsecurity=False).hexdigest())
        b = _digits(hashlib.sha1(text, usedforsecurity=False).hexdigest())
        graph = quad.graph_name.value
        entry = sums.setdefault(graph, [0, 0, 0])
        if entry is None or a is None or b is None:  # as SPARQL: no number, no sum
            sums[graph] = None
            continue
        entry[0] += 1
        entry[1] += a
        entry[2] += b
    return {g: None if e is None else (e[0], e[1], e[2]) for g, e in sums.items()}


def _ask(client: _Client, query: str) -> tuple[Any, str]:
    import pyoxigraph as ox

    body = urllib.parse.urlencode({"query": query}).encode()
    data, server = client.call("POST", client.url.target, body,
                               {"Content-Type": _FORM, "Accept": _JSON_RESULTS},
                               what="reading the server's article graphs")
    return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON), server


def _remote_names(client: _Client) -> tuple[set[str], bool, str]:
    """The names of the server's article graphs, whether it holds a push record, and its
    Server header."""
    solutions, server = _ask(client, _NAMES)
    names = {s["g"].value for s in solutions if s["g"] is not None}
    articles = {g for g in names if g.startswith(ARTICLE_PREFIX)}
    return articles, PUSH_RECORD in names, server


def _recorded(client: _Client) -> dict[str, str]:
    """The push record: each article graph's digest as last pushed."""
    solutions, _ = _ask(client, _RECORD)
    return {s["g"].value: s["d"].value for s in solutions
            if s["g"] is not None and s["d"] is not None}


def _digested(runs: Iterable[tuple[str, bytes, int]], hashes: dict[str, Any]
              ) -> Iterator[tuple[str, bytes, int]]:
    """The runs, each added to its graph's SHA-256 in `hashes` on the way."""
    for graph, lines, count in runs:
        hashes.setdefault(graph, hashlib.sha256()).update(lines)
        yield graph, lines, count


def _put_record(store: _Client, digests: dict[str, str]) -> None:
    body = "".join(f'<{g}> <{_GRAPH_DIGEST}> "{d}" .\n' for g, d in sorted(digests.items()))
    store.call("PUT", store.url.with_params({"graph": PUSH_RECORD}), body.encode(),
               {"Content-Type": _N_TRIPLES}, what=f"PUT graph <{PUSH_RECORD}>")


def _remote_fingerprints(client: _Client) -> dict[str, Fingerprint] | None:
    """The fingerprints of the server's article graphs; None from a server that cannot compute
    them (then every graph it holds is replaced)."""
    try:
        solutions, _ = _ask(client, _FINGERPRINTS)
    except RemoteHTTPError as exc:
        if exc.status in (401, 403, 404, 407):
            raise
        return None
    found = {}
    for s in solutions:
        g, n, x, y = s["g"], s["n"], s["x"], s["y"]
        if g is not None and n is not None and x is not None and y is not None:
            found[g.value] = (int(n.value), int(x.value), int(y.value))
    return found


def push(
    graph_dir: Path | str,
    endpoint: str,
    *,
    graph_store: str | None = None,
    timeout: float = DEFAULT_PUSH_TIMEOUT,
    prune: bool = False,
    force: bool = False,
    verify: bool = False,
    workers: int = _PUSH_WORKERS,
) -> PushResult:
    """Upload every article graph of a built graph to a SPARQL server, replacing each whole.

    `endpoint` is the server's query endpoint (used to see which graphs it holds, and whether
    they hold the same triples); `graph_store` its Graph Store Protocol URL (default: beside
    the endpoint, as Oxigraph lays them out). An article graph the server lacks is added (on
    Oxigraph, all of them in one bulk request whose body is streamed as the dataset is read).
    One it holds is left alone when it holds the same triples, and otherwise replaced with
    `PUT <graph_store>?graph=<article IRI>`; `force` replaces them all. Whether they are the
    same is read from the push record (the graph PUSH_RECORD, where each push notes the
    SHA-256 of every article graph it leaves on the server): a graph recorded with the digest
    of its lines here is the same. One without a record, or every one with `verify` (which
    also catches a graph edited on the server since), is compared by fingerprints that the
    server computes from its triples, which costs it about 13 s per million. `prune` deletes
    the server's graphs under the article IRI prefix that the dataset does not have. Requests
    run on `workers` keep-alive connections; `timeout` bounds each wait for the server.
    """
    started = time.perf_counter()
    graph_dir = Path(graph_dir)
    path = dataset_path(graph_dir)
    trusted = unchanged_since_built(graph_dir)
    query_url = _parse_url(endpoint, "the endpoint")
    store_text = graph_store if graph_store is not None else default_graph_store(endpoint)
    store_url = _parse_url(store_text, "the graph store")
    queries = _Client(query_url, timeout)
    store = _Client(store_url, timeout)
    hashes: dict[str, Any] = {}
    try:
        names, has_record, server = _remote_names(queries)
        recorded = _recorded(queries) if has_record else {}
        if names:  # which of the dataset's graphs the server holds: a first read
            collections.deque(_digested(_runs(path, trusted), hashes), maxlen=0)
        digests = {g: h.hexdigest() for g, h in hashes.items()}
        present = set(digests) & names
        if force or verify:
            check, changed = (set(), present) if force else (present, set())
        else:
            check = {g for g in present if g not in recorded}
            changed = {g for g in present if recorded.get(g) not in (None, digests[g])}
        adds = not names or bool(digests.keys() - names)  # the dataset has graphs to add
        same_server = (store_url.host, store_url.port) == (query_url.host, query_url.port)
        bulk = adds and same_server and server.startswith("Oxigraph")
        with ThreadPoolExecutor(max_workers=1) as pool:  # the server and this side at once
            theirs = pool.submit(_remote_fingerprints, queries) if check else None
            kept: dict[str, list[bytes]] = {}  # the lines of graphs to compare or PUT
            sent = 0

            def new_runs() -> Iterator[bytes]:
                """The new graphs' lines in blocks (many short runs where graphs interleave);
                the lines of graphs to PUT or compare kept."""
                nonlocal sent
                block: list[bytes] = []
                size = 0
                runs = _runs(path, trusted)
                for graph, lines, count in runs if names else _digested(runs, hashes):
                    if graph not in present and bulk:
                        sent += count
                        block.append(lines)
                        size += len(lines)
                        if size >= _BLOCK:
                            yield b"".join(block)
                            block, size = [], 0
                    elif graph not in present or graph in check or graph in changed:
                        kept.setdefault(graph, []).append(lines)
                yield b"".join(block)

            try:
                if bulk:
                    _bulk_load(store, new_runs(), lenient=trusted)
                elif adds or check or changed:
                    collections.deque(new_runs(), maxlen=0)
                if not hashes:  # and so never a --prune of every graph on the server
                    raise OkoceError(f"{graph_dir}: the dataset has no article graph to push")
                if not names:  # the graphs were hashed on this one read
                    digests = {g: h.hexdigest() for g, h in hashes.items()}
                if theirs is not None:
                    changed.update(_changed(kept, sorted(check), theirs.result()))
                new = sorted(g for g in kept if g not in present)
                stale = sorted(g for g in names if g not in digests) if prune else []
                jobs = [_put_job(store, g, kept[g]) for g in new + sorted(changed)]
                jobs += [_delete_job(store, g) for g in stale]
                _run(jobs, workers)
                # Last, once the graphs are as recorded: a push cut short leaves the old record,
                # whose digests then differ from the graphs it replaced or lacks the new ones.
                record = {g: recorded[g] for g in names - digests.keys() - set(stale)
                          if g in recorded} | digests
                if record != recorded:
                    _put_record(store, record)
            except RemoteHTTPError as exc:
                if graph_store is None and exc.status in (404, 405):
                    raise RemoteHTTPError(
                        f"{exc} (the graph store URL was guessed from the endpoint: give it with "
                        "--graph-store)", exc.status) from None
                raise
    finally:
        queries.close()
        store.close()
    sent += sum(run.count(b"\n") for g in new + sorted(changed) for run in kept[g])
    return PushResult(
        graph_store=store_url.text, graphs=len(digests), added=len(digests) - len(present),
        replaced=len(changed), unchanged=len(present) - len(changed), pruned=len(stale),
        triples=sent, seconds=time.perf_counter() - started, bulk=bulk,
    )


def _changed(kept: dict[str, list[bytes]], present: list[str],
             theirs: dict[str, Fingerprint] | None) -> list[str]:
    """The graphs of `present` whose triples differ on the server (all, when it cannot say)."""
    if theirs is None:
        return present
    mine = _fingerprints(run for g in present for run in kept[g])
    return [g for g in present if mine.get(g) is None or theirs.get(g) != mine[g]]


def _put_job(store: _Client, graph: str, lines: list[bytes]) -> Callable[[], None]:
    def job() -> None:
        target = store.url.with_params({"graph": graph})
        store.call("PUT", target, _n_triples(lines), {"Content-Type": _N_TRIPLES},
                   what=f"PUT graph <{graph}>")

    return job


def _bulk_load(store: _Client, body: Iterator[bytes], lenient: bool) -> None:
    # Oxigraph's bulk loader, in one request whose body is sent in chunks as it is read: not
    # one transaction, but the load is written at its end, so a request cut short (a bad line
    # found, the push stopped) loads nothing. `lenient` skips Oxigraph's checks of IRIs and
    # literals, for the file the build wrote (about 15% of the server's time).
    params: dict[str, str | None] = {"no_transaction": None}
    if lenient:
        params["lenient"] = None

    def then_wait() -> Iterator[bytes]:
        size = 0
        for block in body:
            size += len(block)
            yield block
        if store.timeout is not None:  # Oxigraph answers once it has indexed all it was sent
            store.set_timeout(store.timeout + size / _INDEXED_PER_SECOND)

    store.close()  # a fresh connection: a body read as it is sent cannot be sent again
    store.call("POST", store.url.with_params(params), then_wait(), {"Content-Type": _N_QUADS},
               what="loading new article graphs")


def _delete_job(store: _Client, graph: str) -> Callable[[], None]:
    def job() -> None:
        store.call("DELETE", store.url.with_params({"graph": graph}),
                   what=f"DELETE graph <{graph}>")

    return job


def _run(jobs: list[Callable[[], None]], workers: int) -> None:
    """Run the jobs on a pool of threads; the first failure cancels the rest and is raised."""
    if not jobs:
        return
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(jobs)))) as pool:
        futures = [pool.submit(job) for job in jobs]
        done, _ = wait(futures, return_when=FIRST_EXCEPTION)
        failed = next((f for f in done if f.exception() is not None), None)
        if failed is not None:
            for future in futures:
                future.cancel()
            raise failed.exception()  # type: ignore[misc]


# Serving a graph ------------------------------------------------------------------------------


def oxigraph_binary() -> str:
    """The Oxigraph server program that the `oxigraph` package installs beside Python."""
    for folder in (Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))):
        candidate = folder / "oxigraph"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which("oxigraph")
    if found is None:
        raise OkoceError("the Oxigraph server is not installed: pip install oxigraph")
    return found


class _Endpoints:
    """The SPARQL service URLs under a server's base `url` (http://host:port)."""

    url: str

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    @property
    def update_url(self) -> str:
        return f"{self.url}/update"

    @property
    def store_url(self) -> str:
        return f"{self.url}/store"


@dataclass
class ServerHandle(_Endpoints):
    """A running Oxigraph server; `stop()` (or leaving a `with` block) ends it."""

    url: str  # http://host:port
    process: subprocess.Popen[bytes]
    log: Path  # the server's standard error

    def running(self) -> bool:
        return self.process.poll() is None

    def log_tail(self) -> str:
        try:
            text = self.log.read_text("utf-8", "replace")
        except OSError:
            return ""
        errors = [line for line in text.splitlines() if line.startswith("Error")]
        return errors[0] if errors else " ".join(text.split())[-300:]

    def stop(self, timeout: float = 10.0) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        with contextlib.suppress(OSError):
            self.log.unlink()

    def __enter__(self) -> ServerHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _host_port(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _free_port(host: str) -> int:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _check_port(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            reason = ("the address is in use" if exc.errno == errno.EADDRINUSE
                      else exc.strerror or str(exc))
            raise OkoceError(
                f"cannot serve on {_host_port(host, port)}: {reason} (choose another --port)"
            ) from None


def launch_oxigraph(arguments: list[str], host: str = "127.0.0.1", port: int = DEFAULT_PORT, *,
                    ready_timeout: float = 30.0) -> ServerHandle:
    """Start the Oxigraph server program with `arguments` (such as `serve-read-only
    --location DIR`) bound to host:port (0: a free port), and wait until it answers."""
    if port == 0:
        port = _free_port(host)
    _check_port(host, port)
    fd, log_name = tempfile.mkstemp(prefix="okoce-graph-oxigraph-", suffix=".log")
    log = Path(log_name)
    with os.fdopen(fd, "wb") as err:
        process = subprocess.Popen(
            [oxigraph_binary(), *arguments, "--bind", _host_port(host, port)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err,
        )
    handle = ServerHandle(f"http://{_host_port(host, port)}", process, log)
    deadline = time.monotonic() + ready_timeout
    probe = _parse_url(handle.query_url + "?query=ASK%7B%7D", "the server")
    while True:
        if process.poll() is not None:
            reason = handle.log_tail() or f"exit status {process.returncode}"
            handle.stop()
            raise OkoceError(f"the Oxigraph server did not start on {_host_port(host, port)}: "
                             f"{reason}")
        if "Listening for requests" in log.read_text("utf-8", "replace"):
            return handle
        with contextlib.suppress(OSError, http.client.HTTPException):
            conn = http.client.HTTPConnection(probe.host, probe.port, timeout=1)
            try:
                conn.request("GET", probe.target)
                if conn.getresponse().status == 200 and process.poll() is None:
                    return handle
            finally:
                conn.close()
        if time.monotonic() > deadline:
            handle.stop()
            raise OkoceError(f"the Oxigraph server did not answer on {_host_port(host, port)} "
                             f"within {ready_timeout:g} s")
        time.sleep(0.05)


# The local endpoint: Oxigraph behind a limiting proxy -----------------------------------------

DEFAULT_MAX_RESULT_BYTES = 10_000_000
_MAX_REQUEST_BYTES = 1 << 20  # a larger query is refused (HTTP 413)
_DRAIN_BYTES = 64 << 20  # the body of a refused request is read up to this, then the line cut
_MAX_ACTIVE = 64  # requests forwarded to Oxigraph at once; more wait for a slot
_IDLE = 64  # keep-alive connections to Oxigraph kept for reuse
_CAPPED = ("/query", "/store")  # the paths whose answers are capped (not the query page)
_CRASHES = 3  # times one request restarts an Oxigraph process that died under it
_CHUNK = 1 << 16
_READ_ONLY = "The server is read-only"  # Oxigraph's own words


class _Refusal(Exception):
    """An answer the proxy gives itself: an HTTP status and one line of text."""

    def __init__(self, status: int, message: str, close: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.close = close


class _Overrun(Exception):
    """The time limit passed, before the request was sent to Oxigraph or after."""

    def __init__(self, sent: bool = True) -> None:
        super().__init__()
        self.sent = sent


class _Backend:
    """The Oxigraph process behind the proxy, with a pool of keep-alive connections to it.

    Oxigraph 0.5 cannot stop one query on demand, so a query past the time limit gets its
    process killed (the store is only read: nothing is lost) and the next request starts a
    new one on the same store, in about 60 ms. Requests in flight on the killed process are
    sent again to the new one: they are reads. A process that dies is replaced the same way.
    """

    def __init__(self, arguments: list[str], ready_timeout: float) -> None:
        self._arguments = arguments
        self._ready_timeout = ready_timeout
        self._lock = threading.Lock()
        self._handle: ServerHandle | None = None
        self._address = ("127.0.0.1", 0)
        self._generation = 0
        self._idle: list[http.client.HTTPConnection] = []
        self._closed = False
        self.replaced = 0  # processes killed for a query past the time limit
        self.failure: str | None = None  # why no new process could be started

    @property
    def handle(self) -> ServerHandle | None:
        return self._handle

    def start(self) -> None:
        with self._lock:
            self._launch()

    def _launch(self) -> None:  # with the lock held
        try:
            handle = launch_oxigraph(self._arguments, "127.0.0.1", 0,
                                     ready_timeout=self._ready_timeout)
        except OkoceError as exc:
            self.failure = str(exc)
            raise
        self._handle = handle
        self._address = ("127.0.0.1", int(urllib.parse.urlsplit(handle.url).port or 0))

    def _retire(self) -> tuple[ServerHandle | None, list[http.client.HTTPConnection]]:
        # with the lock held: the current process and its idle connections, to be closed
        handle, idle = self._handle, self._idle
        self._handle, self._idle = None, []
        self._generation += 1
        return handle, idle

    def checkout(self) -> tuple[int, http.client.HTTPConnection, bool]:
        """(generation, connection, reused): a connection to the current process, which is
        started first if there is none (killed for an overrun, or dead)."""
        dead: tuple[ServerHandle | None, list[http.client.HTTPConnection]] = (None, [])
        with self._lock:
            if self._closed:
                raise _Refusal(503, "the server is stopping", close=True)
            if self._handle is not None and not self._handle.running():
                dead = self._retire()
            if self._handle is None:
                try:
                    self._launch()
                except OkoceError as exc:
                    raise _Refusal(502, str(exc)) from None
            generation = self._generation
            conn = self._idle.pop() if self._idle else None
            address = self._address
        _close(*dead)
        if conn is not None:
            return generation, conn, True
        return generation, http.client.HTTPConnection(*address), False

    def checkin(self, generation: int, conn: http.client.HTTPConnection) -> None:
        with self._lock:
            if generation == self._generation and not self._closed and len(self._idle) < _IDLE:
                self._idle.append(conn)
                return
        conn.close()

    def is_current(self, generation: int) -> bool:
        with self._lock:
            return generation == self._generation

    def died(self, generation: int) -> bool:
        """Whether the process of `generation` has exited, or does within a second (a process
        that is killed closes its connections before it is gone)."""
        handle = self._handle
        if handle is None or not self.is_current(generation):
            return True
        with contextlib.suppress(subprocess.TimeoutExpired):
            handle.process.wait(1)
        return not handle.running()

    def replace(self, generation: int) -> None:
        """Kill the process of `generation` (a query on it ran past the time limit), unless
        it was replaced already; the next request starts a new one."""
        with self._lock:
            if generation != self._generation or self._handle is None:
                return
            retired = self._retire()
            self.replaced += 1
        _close(*retired)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            retired = self._retire()
        _close(*retired)


def _close(handle: ServerHandle | None, conns: list[http.client.HTTPConnection]) -> None:
    for conn in conns:
        conn.close()
    if handle is not None:
        handle.stop()


def _exchange(conn: http.client.HTTPConnection, method: str, target: str, body: bytes | None,
              headers: dict[str, str], cap: int | None, deadline: float | None,
              ) -> tuple[http.client.HTTPResponse, bytes]:
    """Send one request to Oxigraph and read the whole answer, within the deadline and the
    cap (raises _Overrun, or a _Refusal for an answer over the cap)."""

    def left() -> float | None:
        if deadline is None:
            return None
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _Overrun
        return remaining

    try:
        conn.timeout = left()  # for connecting
        if conn.sock is not None:
            conn.sock.settimeout(left())
    except _Overrun:
        raise _Overrun(sent=False) from None
    try:
        conn.request(method, target, body=body, headers=headers)
        response = conn.getresponse()
        length = response.getheader("Content-Length") or ""
        if cap is not None and length.isdigit() and int(length) > cap:
            raise _too_large(cap)
        parts: list[bytes] = []
        size = 0
        while True:
            if conn.sock is not None:
                conn.sock.settimeout(left())
            part = response.read1(_CHUNK)
            if not part:
                response.read()  # marks an answer of known length done: the connection is free
                return response, b"".join(parts)
            size += len(part)
            if cap is not None and size > cap:
                raise _too_large(cap)  # closing the connection stops Oxigraph's writing
            parts.append(part)
    except TimeoutError:
        raise _Overrun from None


def _too_large(cap: int) -> _Refusal:
    return _Refusal(422, f"the answer is larger than this server's limit of {cap:,} bytes: "
                         "ask for less (LIMIT, fewer variables) or start the server with a "
                         "larger --max-result-bytes")


class _Proxy(http.server.ThreadingHTTPServer):
    """The HTTP side of `start_server`: forwards reads to the Oxigraph process, refuses
    writes, and holds each answer to the time limit and the size cap."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], backend: _Backend, timeout_s: float | None,
                 max_result_bytes: int | None) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.backend = backend
        self.timeout_s = timeout_s
        self.max_result_bytes = max_result_bytes
        self._slots = threading.BoundedSemaphore(_MAX_ACTIVE)
        self._clients: set[socket.socket] = set()
        self._clients_lock = threading.Lock()
        super().__init__(address, _ProxyHandler)

    def server_bind(self) -> None:
        # As HTTPServer.server_bind, without its reverse DNS lookup of the address.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):  # a client gone is no error; anything else: a line
            print(f"okoce-graph serve: {type(error).__name__}: {error}", file=sys.stderr)

    def track(self, client: socket.socket, connected: bool) -> None:
        with self._clients_lock:
            (self._clients.add if connected else self._clients.discard)(client)

    def disconnect_clients(self) -> None:
        with self._clients_lock:
            clients = list(self._clients)
        for client in clients:
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_RDWR)

    def _overran(self) -> _Refusal:
        return _Refusal(503, f"the query ran past this server's time limit of "
                             f"{self.timeout_s:g} s and was stopped (start the server with a "
                             "larger --timeout to allow more)")

    def forward(self, method: str, target: str, body: bytes | None, headers: dict[str, str],
                cap: int | None) -> tuple[http.client.HTTPResponse, bytes]:
        """Oxigraph's answer to a read, whole, or a _Refusal (time limit, size, failure)."""
        limit = self.timeout_s
        deadline = None if limit is None else time.monotonic() + limit
        if not self._slots.acquire(timeout=limit):
            raise self._overran()
        try:
            crashes = 0
            while True:
                generation, conn, reused = self.backend.checkout()
                try:
                    response, data = _exchange(conn, method, target, body, headers, cap,
                                               deadline)
                except _Overrun as overrun:
                    conn.close()
                    if overrun.sent:
                        self.backend.replace(generation)  # the only way to stop the query
                    raise self._overran() from None
                except _Refusal:
                    conn.close()
                    raise
                except (OSError, http.client.HTTPException) as exc:
                    conn.close()
                    if deadline is not None and time.monotonic() >= deadline:
                        self.backend.replace(generation)
                        raise self._overran() from None
                    if reused or not self.backend.is_current(generation):
                        continue  # a keep-alive connection closed, or a process replaced
                    if crashes < _CRASHES and self.backend.died(generation):
                        crashes += 1
                        continue  # the process died: the next checkout starts another
                    raise _Refusal(502, "the Oxigraph server did not answer: "
                                        f"{type(exc).__name__}: {exc}") from None
                if response.will_close:
                    conn.close()
                else:
                    self.backend.checkin(generation, conn)
                return response, data
        finally:
            self._slots.release()


class _ProxyHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive
    server_version = "okoce-graph"
    timeout = 120  # an idle keep-alive connection is closed after this many seconds
    server: _Proxy

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, False)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # a line per request would drown the terminal

    def version_string(self) -> str:
        return self.server_version

    def do_GET(self) -> None:
        self._forward(None)

    def do_HEAD(self) -> None:
        self._forward(None)

    def do_POST(self) -> None:
        try:
            if urllib.parse.urlsplit(self.path).path != "/query":
                self._drain()
                raise _Refusal(403, _READ_ONLY)
            body = self._body()
        except _Refusal as refusal:
            self._refuse(refusal)
            return
        self._forward(body)

    def do_PUT(self) -> None:
        try:
            self._drain()
            raise _Refusal(403, _READ_ONLY)
        except _Refusal as refusal:
            self._refuse(refusal)

    do_DELETE = do_PATCH = do_PUT

    def _length(self) -> int:
        if self.headers.get("Transfer-Encoding"):
            raise _Refusal(411, "send the request with a Content-Length", close=True)
        text = self.headers.get("Content-Length") or "0"
        if not text.isdigit():
            raise _Refusal(400, "bad Content-Length", close=True)
        return int(text)

    def _drain(self) -> None:
        """Read the body of a request refused, so that the answer reaches the client."""
        length = self._length()
        if length > _DRAIN_BYTES:
            raise _Refusal(403, _READ_ONLY, close=True)
        while length > 0:
            part = self.rfile.read(min(length, _CHUNK))
            if not part:
                break
            length -= len(part)

    def _body(self) -> bytes:
        length = self._length()
        if length > _MAX_REQUEST_BYTES:
            self._drain()
            raise _Refusal(413, f"the request is larger than this server's limit of "
                                f"{_MAX_REQUEST_BYTES:,} bytes", close=True)
        return self.rfile.read(length)

    def _forward(self, body: bytes | None) -> None:
        path = urllib.parse.urlsplit(self.path).path
        cap = self.server.max_result_bytes if path in _CAPPED else None
        headers = {name: value for name in ("Accept", "Content-Type")
                   if (value := self.headers.get(name))}
        try:
            response, data = self.server.forward(self.command, self.path, body, headers, cap)
        except _Refusal as refusal:
            self._refuse(refusal)
            return
        self.send_response(response.status, response.reason)
        media = response.getheader("Content-Type")
        if media:
            self.send_header("Content-Type", media)
        length = str(len(data))
        if self.command == "HEAD":
            length = response.getheader("Content-Length") or length
        self.send_header("Content-Length", length)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _refuse(self, refusal: _Refusal) -> None:
        data = (refusal.message + "\n").encode()
        self.send_response(refusal.status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        if refusal.close:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


class GraphServer(_Endpoints):
    """A built graph served read-only (see `start_server`): the proxy, and the Oxigraph
    process behind it. `stop()`, or leaving a `with` block, ends both."""

    def __init__(self, proxy: _Proxy, backend: _Backend, thread: threading.Thread) -> None:
        self._proxy = proxy
        self._backend = backend
        self._thread = thread
        self._stopped = False
        host, port = proxy.server_address[:2]
        self.url = f"http://{_host_port(str(host), int(port))}"
        self.timeout_s = proxy.timeout_s
        self.max_result_bytes = proxy.max_result_bytes

    @property
    def process(self) -> subprocess.Popen[bytes] | None:
        """The Oxigraph process serving now."""
        handle = self._backend.handle
        return None if handle is None else handle.process

    @property
    def replaced(self) -> int:
        """How many Oxigraph processes were killed to stop a query past the time limit."""
        return self._backend.replaced

    def limits(self) -> str:
        time_limit = (f"queries stop after {self.timeout_s:g} s" if self.timeout_s
                      else "no time limit")
        size = (f"answers up to {self.max_result_bytes:,} bytes" if self.max_result_bytes
                else "no size limit")
        return f"{time_limit}, {size}"

    def running(self) -> bool:
        return not self._stopped and self._thread.is_alive() and self._backend.failure is None

    def wait(self) -> None:
        """Until the server is stopped; raises OkoceError if Oxigraph died and could not be
        started again."""
        while not self._stopped and self._thread.is_alive():
            if self._backend.failure is not None:
                raise OkoceError(f"the Oxigraph server stopped: {self._backend.failure}")
            self._thread.join(0.2)

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self._proxy.shutdown()
        self._proxy.server_close()
        self._proxy.disconnect_clients()
        self._backend.close()

    def __enter__(self) -> GraphServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_server(
    graph_dir: Path | str,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    *,
    timeout_s: float | None = DEFAULT_TIMEOUT,
    max_result_bytes: int | None = DEFAULT_MAX_RESULT_BYTES,
    ready_timeout: float = 30.0,
) -> GraphServer:
    """Serve a built graph read-only over the SPARQL 1.1 Protocol (and Graph Store reads),
    with the Oxigraph server behind a limiting proxy; returns once it answers.

    The proxy listens on host:port (127.0.0.1 unless told otherwise; 0: a free port) and
    Oxigraph on a free port of 127.0.0.1. It forwards GET and HEAD (the query page at /,
    its scripts, /query, /store) and POST to /query, and answers every other write itself
    with HTTP 403; Oxigraph runs `serve-read-only` besides. A query gets `timeout_s` seconds
    (None or 0: no limit) from its arrival to the last byte of its answer, or HTTP 503 and
    its Oxigraph process is killed and replaced; an answer of /query or /store larger than
    `max_result_bytes` (None or 0: no limit) gets HTTP 422. Answers are held whole before
    they are sent, so a refusal is always a clean HTTP error, never a cut answer; 64 are
    forwarded at once at most, so the proxy holds at most 64 times the cap.

    The store is brought up to date with the dataset first. The default graph is the union
    of the article graphs, as for a local query. A graph rebuilt while it is served may be
    seen only by a later Oxigraph process: restart the server after a build.
    """
    graph_dir = Path(graph_dir)
    open_store(graph_dir)  # rebuilt here if stale, before Oxigraph opens it read-only
    arguments = ["serve-read-only", "--location", str((graph_dir / STORE).absolute()),
                 "--union-default-graph"]
    try:
        proxy = _Proxy((host, port), _Backend(arguments, ready_timeout), timeout_s or None,
                       max_result_bytes or None)
    except OSError as exc:
        reason = ("the address is in use" if exc.errno == errno.EADDRINUSE
                  else exc.strerror or str(exc))
        raise OkoceError(
            f"cannot serve on {_host_port(host, port)}: {reason} (choose another --port)"
        ) from None
    try:
        proxy.backend.start()
    except BaseException:
        proxy.server_close()
        raise
    thread = threading.Thread(target=proxy.serve_forever, kwargs={"poll_interval": 0.1},
                              name="okoce-graph-serve", daemon=True)
    thread.start()
    return GraphServer(proxy, proxy.backend, thread)


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM stops `serve` as Ctrl-C does (in the main thread only, where signals land)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def serve(
    graph_dir: Path | str,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    *,
    timeout_s: float | None = DEFAULT_TIMEOUT,
    max_result_bytes: int | None = DEFAULT_MAX_RESULT_BYTES,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Serve a built graph read-only until Ctrl-C or SIGTERM (see `start_server`)."""
    with start_server(graph_dir, host, port, timeout_s=timeout_s,
                      max_result_bytes=max_result_bytes) as server:
        if announce is not None:
            announce(f"serving {graph_dir} read-only: SPARQL endpoint {server.query_url} "
                     f"(query page {server.url}/; {server.limits()}; Ctrl-C stops)")
        with _terminate_as_interrupt():
            try:
                server.wait()
            except KeyboardInterrupt:
                return
