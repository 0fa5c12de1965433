"""Remote SPARQL servers and the local endpoint (okoce_graph.remote), against real Oxigraph
servers started here on 127.0.0.1: a writable one that the graph is pushed to, and the
read-only endpoint of `start_server` (Oxigraph behind the limiting proxy), put under a bounded
load and held to its time and size limits."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import http.client
import http.server
import json
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from okoce_graph import remote
from okoce_graph.cli import main
from okoce_graph.errors import OkoceError
from okoce_graph.remote import (
    ARTICLE_PREFIX,
    PUSH_RECORD,
    GraphServer,
    ServerHandle,
    _runs,
    default_graph_store,
    launch_oxigraph,
    prepare_remote_query,
    push,
    run_remote_query,
    start_server,
)
from okoce_graph.sparql import QuerySyntaxError, format_result, named_queries, run_query

ARTICLE = ARTICLE_PREFIX + "000_afb27e7d89d54495"
PEOPLE = "SELECT ?p ?name WHERE { ?p a okg:Person ; rdfs:label ?name } ORDER BY ?name"
QUADS = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
         f'FILTER(STRSTARTS(STR(?g), "{ARTICLE_PREFIX}")) }}')


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerHandle]:
    """A writable Oxigraph server with an on-disk store, on a free port."""
    location = tmp_path_factory.mktemp("oxigraph")
    with launch_oxigraph(["serve", "--location", str(location)], port=0) as handle:
        yield handle


@pytest.fixture(scope="module")
def pushed(seed_graph: Path, server: ServerHandle) -> str:
    """The endpoint of the server once the seed graph is pushed to it."""
    result = push(seed_graph, server.query_url)
    assert (result.added, result.replaced, result.unchanged) == (1, 0, 0) and result.bulk
    return server.query_url


def quads_on(endpoint: str) -> int:
    return int(run_remote_query(endpoint, QUADS).rows[0][0].value)


def record_on(endpoint: str) -> dict[str, str]:
    """The push record on the server: each article graph's digest."""
    rows = run_remote_query(endpoint, f"SELECT ?g ?d WHERE {{ GRAPH <{PUSH_RECORD}> "
                                      "{ ?g okg:graphDigest ?d } }").rows
    return {g.value: d.value for g, d in rows}


def no_fingerprints(*_: object) -> None:
    raise AssertionError("the server was asked for fingerprints")


def dataset_quads(graph: Path) -> int:
    return len((graph / "dataset.nq").read_bytes().splitlines())


def update(server: ServerHandle, text: str) -> int:
    url = urllib.parse.urlsplit(server.update_url)
    conn = http.client.HTTPConnection(str(url.hostname), url.port, timeout=10)
    try:
        conn.request("POST", url.path, text.encode(), {"Content-Type": "application/sparql-update"})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# Pushing --------------------------------------------------------------------------------------


def test_push_again_never_duplicates(seed_graph: Path, pushed: str,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    expected = dataset_quads(seed_graph)
    assert quads_on(pushed) == expected
    digest = hashlib.sha256((seed_graph / "dataset.nq").read_bytes()).hexdigest()
    assert record_on(pushed) == {ARTICLE: digest}
    with monkeypatch.context() as patched:  # the record answers: no fingerprints needed
        patched.setattr("okoce_graph.remote._remote_fingerprints", no_fingerprints)
        again = push(seed_graph, pushed)
    assert (again.added, again.replaced, again.unchanged, again.triples) == (0, 0, 1, 0)
    assert quads_on(pushed) == expected
    forced = push(seed_graph, pushed, force=True)
    assert (forced.added, forced.replaced, forced.triples) == (0, 1, expected)
    assert quads_on(pushed) == expected and record_on(pushed) == {ARTICLE: digest}
    assert "0 added, 1 replaced, 0 unchanged" in forced.summary()


def test_push_replaces_a_changed_graph_and_prunes(
    seed_graph: Path, server: ServerHandle, pushed: str
) -> None:
    expected = dataset_quads(seed_graph)
    record = record_on(pushed)
    # The same number of triples, one literal different: only the fingerprint tells.
    assert update(server, f"""
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        DELETE {{ GRAPH <{ARTICLE}> {{ ?p rdfs:label "Anies Baswedan" }} }}
        INSERT {{ GRAPH <{ARTICLE}> {{ ?p rdfs:label "Anies B." }} }}
        WHERE {{ GRAPH <{ARTICLE}> {{ ?p rdfs:label "Anies Baswedan" }} }}""") == 204
    stale, other = ARTICLE_PREFIX + "gone", "http://example.org/not-an-article"
    assert update(server, f'INSERT DATA {{ GRAPH <{stale}> {{ <http://e/a> <http://e/b> "c" }} '
                          f'GRAPH <{other}> {{ <http://e/a> <http://e/b> "c" }} }}') == 204
    label = 'ASK { GRAPH ?g { ?p rdfs:label "Anies Baswedan" } }'
    # The record says the graph is as pushed: an edit made on the server is not seen...
    trusting = push(seed_graph, pushed)
    assert (trusting.replaced, trusting.unchanged) == (0, 1)
    assert run_remote_query(pushed, label).boolean is False
    # ...unless verified, and no --prune: the stale graph stays.
    kept = push(seed_graph, pushed, verify=True)
    assert (kept.replaced, kept.unchanged, kept.pruned) == (1, 0, 0)
    assert quads_on(pushed) == expected + 1
    assert run_remote_query(pushed, label).boolean is True
    assert record_on(pushed) == record  # the stale graph was never recorded
    pruned = push(seed_graph, pushed, prune=True, verify=True)
    assert (pruned.unchanged, pruned.pruned) == (1, 1)
    assert quads_on(pushed) == expected
    kept_other = f"ASK {{ GRAPH <{other}> {{ ?s ?p ?o }} }}"  # outside the article prefix
    assert run_remote_query(pushed, kept_other).boolean is True
    assert update(server, f"DROP GRAPH <{other}>") == 204


def test_push_without_a_record_compares_fingerprints(
    seed_graph: Path, server: ServerHandle, pushed: str
) -> None:
    """A graph the record does not cover (pushed by an older version, or the record dropped):
    compared by fingerprints, left alone if the same, and recorded for next time."""
    record = record_on(pushed)
    assert update(server, f"DROP GRAPH <{PUSH_RECORD}>") == 204
    again = push(seed_graph, pushed)
    assert (again.replaced, again.unchanged) == (0, 1)
    assert record_on(pushed) == record


def test_push_command(seed_graph: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """`okoce-graph push` prints what it did on stderr: added, then unchanged by the record,
    then unchanged by fingerprints with --verify."""
    runner = CliRunner()
    location = tmp_path_factory.mktemp("oxigraph-cli")
    with launch_oxigraph(["serve", "--location", str(location)], port=0) as own:
        args = ["push", "--endpoint", own.query_url, "--graph", str(seed_graph)]
        said = []
        for extra in ([], [], ["--verify"]):
            result = runner.invoke(main, args + extra)
            assert result.exit_code == 0, result.output
            assert result.stdout == ""
            said.append(result.stderr)
        assert "1 added, 0 replaced, 0 unchanged" in said[0]
        assert "0 added, 0 replaced, 1 unchanged; 0 triples sent" in said[1]
        assert "0 added, 0 replaced, 1 unchanged" in said[2]
        assert quads_on(own.query_url) == dataset_quads(seed_graph)


class _SlowIndexer(http.server.BaseHTTPRequestHandler):
    """An empty 'Oxigraph' that answers a bulk load `delay` seconds after its last byte."""

    protocol_version = "HTTP/1.1"
    delay = 0.0
    loaded = 0

    def do_POST(self) -> None:
        if self.path.startswith("/store"):
            while size := int(self.rfile.readline(), 16):  # chunked: size, data, CRLF
                type(self).loaded += len(self.rfile.read(size + 2)) - 2
            self.rfile.readline()
            time.sleep(self.delay)
            with contextlib.suppress(BrokenPipeError):  # the client gave up first
                self.answer(204, b"")
        else:
            self.rfile.read(int(self.headers["Content-Length"]))
            self.answer(200, b'{"head": {"vars": ["g"]}, "results": {"bindings": []}}',
                        "application/sparql-results+json")

    def do_PUT(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        self.answer(204, b"")

    def answer(self, status: int, body: bytes, media: str = "text/plain") -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def version_string(self) -> str:
        return "Oxigraph/0.5"

    def log_message(self, *args: object) -> None:
        pass


def test_a_bulk_load_gets_time_to_index(seed_graph: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The answer to a bulk load comes once the server has indexed it all: the wait after the
    last byte grows with what was sent, and a server slower still is reported with that wait."""
    size = (seed_graph / "dataset.nq").stat().st_size
    monkeypatch.setattr("okoce_graph.remote._INDEXED_PER_SECOND", size / 1.0)  # 1 s more
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _SlowIndexer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    endpoint = f"http://127.0.0.1:{server.server_address[1]}/query"
    try:
        _SlowIndexer.delay = 0.8  # over the timeout, within the wait
        assert push(seed_graph, endpoint, timeout=0.4).added == 1
        assert _SlowIndexer.loaded == size
        _SlowIndexer.delay = 2.0
        with pytest.raises(OkoceError, match=r"/store: no answer within 1.4 s"):
            push(seed_graph, endpoint, timeout=0.4)
    finally:
        server.shutdown()
        server.server_close()


def interleaved_copies(seed_graph: Path, count: int) -> list[bytes]:
    """`count` article graphs, copies of the seed one, their lines sorted (so interleaved where
    the copies share subjects)."""
    lines = (seed_graph / "dataset.nq").read_bytes().splitlines(keepends=True)
    return sorted(
        line.replace(ARTICLE.encode(), f"{ARTICLE_PREFIX}copy-{i}".encode())
        for i in range(count) for line in lines
    )


@pytest.mark.parametrize("block", [300, 10_000, 1 << 20])
def test_runs_read_alike_checked_or_trusted(seed_graph: Path, tmp_path: Path, block: int,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The build's file, read trusted (runs found by scans in C) and checked line by line, in
    blocks smaller than a line, a run, and the file: the same graphs with the same lines."""
    monkeypatch.setattr("okoce_graph.remote._BLOCK", block)
    lines = interleaved_copies(seed_graph, 3)
    grouped = sorted(lines, key=lambda line: line[line.rfind(b"<"):])  # as a build writes it
    for data in (grouped, lines):
        (tmp_path / "dataset.nq").write_bytes(b"".join(data))
        read = {trusted: list(_runs(tmp_path / "dataset.nq", trusted)) for trusted in (True, False)}
        for runs in read.values():
            assert b"".join(lines for _, lines, _ in runs) == b"".join(data)
            assert sum(count for _, _, count in runs) == len(data)
            assert all(line.endswith(f"<{graph}> .\n".encode())
                       for graph, lines, _ in runs for line in lines.splitlines(keepends=True))
        assert read[True] == read[False]
    assert len({graph for graph, _, _ in read[True]}) == 3
    # A bad line is found, with its number, trusted or not.
    (tmp_path / "dataset.nq").write_bytes(b"".join(grouped[:40]) + b"<a> <b> <c> .\n")
    for trusted in (True, False):
        with pytest.raises(OkoceError, match=r"dataset.nq:41: not a quad of an article graph"):
            list(_runs(tmp_path / "dataset.nq", trusted))


def test_push_cut_short_loads_nothing(
    seed_graph: Path, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bad line found after part of the dataset is sent stops the bulk request, and the
    server keeps none of it; a line the server refuses gets its one-line answer."""
    lines = interleaved_copies(seed_graph, 3)
    monkeypatch.setattr("okoce_graph.remote._BLOCK", 10_000)
    sent: list[int] = []
    load = remote._bulk_load

    def counted(store: object, body: Iterator[bytes], lenient: bool) -> None:
        def blocks() -> Iterator[bytes]:
            for block in body:
                sent.append(len(block))
                yield block

        load(store, blocks(), lenient)  # type: ignore[arg-type]

    monkeypatch.setattr("okoce_graph.remote._bulk_load", counted)
    bad = f'<http://e/a> <http://e/b> <{ARTICLE_PREFIX}copy-0> .\n'.encode()  # no graph
    (tmp_path / "dataset.nq").write_bytes(b"".join(lines) + bad)
    location = tmp_path_factory.mktemp("oxigraph-cut")
    with launch_oxigraph(["serve", "--location", str(location)], port=0) as own:
        with pytest.raises(OkoceError, match=rf"dataset.nq:{len(lines) + 1}: not a quad"):
            push(tmp_path, own.query_url)
        assert sum(sent) > 200_000  # most of the dataset had gone
        assert quads_on(own.query_url) == 0
        refused = f'<http://e/a b> <http://e/b> "c" <{ARTICLE_PREFIX}copy-0> .\n'.encode()
        (tmp_path / "dataset.nq").write_bytes(refused + b"".join(lines))
        with pytest.raises(OkoceError, match=r"loading new article graphs: .*HTTP 400 Bad Request"
                                             r": Parser error at line 1 .*Invalid IRI"):
            push(tmp_path, own.query_url)
        assert quads_on(own.query_url) == 0
        assert push(seed_graph, own.query_url).added == 1  # and the server takes a good one


def test_graph_store_url() -> None:
    assert default_graph_store("http://127.0.0.1:7878/query") == "http://127.0.0.1:7878/store"
    assert default_graph_store("http://h:1/sparql") == "http://h:1/store"
    assert default_graph_store("https://h") == "https://h/store"
    with pytest.raises(OkoceError, match="give it with --graph-store"):
        default_graph_store("http://h:3030/ds/select")


def test_push_errors(seed_graph: Path, server: ServerHandle, tmp_path: Path) -> None:
    port = closed_port()
    with pytest.raises(OkoceError, match=rf"cannot reach http://127.0.0.1:{port}/query: "
                                         "connection refused"):
        push(seed_graph, f"http://127.0.0.1:{port}/query")
    with pytest.raises(OkoceError, match="run `okoce-graph build` first"):
        push(tmp_path, server.query_url)
    with pytest.raises(OkoceError, match="HTTP 404 Not Found"):
        push(seed_graph, server.query_url, graph_store=server.url + "/nowhere", force=True)


# Querying -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_queries_answer_as_locally(seed_graph: Path, pushed: str, name: str) -> None:
    query = named_queries()[name]
    local, remote = run_query(seed_graph, query.text), run_remote_query(pushed, query.text)
    assert local.rows, name
    for fmt in ("csv", "tsv", "json", "table"):
        assert format_result(remote, fmt) == format_result(local, fmt), (name, fmt)
    # Each parameter bound to the value of the first row.
    for param in query.params:
        value = local.rows[0][local.variables.index(param)]
        bound_local = run_query(seed_graph, query.text, {param: value})
        bound_remote = run_remote_query(pushed, query.text, {param: value})
        assert bound_local.rows and len(bound_local.rows) <= len(local.rows)
        assert format_result(bound_remote, "tsv") == format_result(bound_local, "tsv")


@pytest.mark.parametrize(
    "query",
    [
        "ASK { ?x okg:renamedTo ?y }",
        "ASK { ?x okg:renamedTo okg:Nothing }",
        "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a okg:Person ; rdfs:label ?n }",
        "DESCRIBE <https://w3id.org/okoce-graph/id/person/iim-rusyamsi>",
        f"SELECT (COUNT(*) AS ?n) FROM <{ARTICLE}> WHERE {{ ?s a okg:Person }}",
        "PREFIX okg: <https://w3id.org/okoce-graph/ontology#>\n" + PEOPLE,
    ],
)
def test_other_forms_answer_as_locally(seed_graph: Path, pushed: str, query: str) -> None:
    for fmt in ("csv", "json"):
        assert format_result(run_remote_query(pushed, query), fmt) == format_result(
            run_query(seed_graph, query), fmt
        )


def test_parameters_are_terms_not_text(seed_graph: Path, pushed: str) -> None:
    hostile = {"name": 'x" } } ; DROP ALL ; SELECT * { "'}
    assert run_remote_query(pushed, PEOPLE, hostile).rows == []
    assert quads_on(pushed) >= dataset_quads(seed_graph)
    by_iri = run_remote_query(pushed, PEOPLE, {
        "p": run_query(seed_graph, PEOPLE).rows[0][0]})
    assert [row[1].value for row in by_iri.rows] == ["Ahmad Riza"]
    with pytest.raises(OkoceError, match=r"\?name must be in the SELECT clause"):
        run_remote_query(pushed, "SELECT ?p WHERE { ?p rdfs:label ?name }", {"name": "x"})
    with pytest.raises(OkoceError, match="CONSTRUCT WHERE"):
        run_remote_query(pushed, "CONSTRUCT WHERE { ?s rdfs:label ?name }", {"name": "x"})
    # The VALUES block is joined with the WHERE group, past a CONSTRUCT template and SELECT
    # expressions, so that a BIND of the variable stays legal (as in the named provenance).
    text = prepare_remote_query(
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": "a"}).text.splitlines()[-1]
    assert text == 'CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?s) { ("a") } { ?s ?p ?o }}'
    text = prepare_remote_query(
        'SELECT ?s (EXISTS { ?s ?p "{" } AS ?e) # {\nWHERE { ?s ?p ?o }', {"s": 1}).text
    assert text.endswith('WHERE { VALUES (?s) { ("1"^^<http://www.w3.org/2001/XMLSchema#integer>)'
                         ' } { ?s ?p ?o }}')


def test_limit(seed_graph: Path, pushed: str) -> None:
    result = run_remote_query(pushed, PEOPLE, limit=2)
    assert result.truncated and len(result.rows) == 2
    assert not run_remote_query(pushed, PEOPLE, limit=5).truncated


@pytest.mark.parametrize(
    ("query", "params"),
    [
        ("SELECT ?x WHERE {\n  ?x a okg:Person\n  FILTR }", None),
        ("SELECT ?name WHERE { ?p rdfs:label ?name FILTER(?name = ) }", {"name": "x"}),
        ("PREFIX ex: <http://e/>\nSELECT ?name WHERE { ?p rdfs:label ?name .\n ?p ex: }",
         {"name": "x"}),
        ("SELECT ?name WHERE { ?p rdfs:label ?name } ORDER BY", {"name": "x"}),
        ("SELECT ?name WHERE { ?p rdfs:label ?name . ", {"name": "x"}),
    ],
)
def test_syntax_errors_point_into_the_users_query(
    seed_graph: Path, pushed: str, query: str, params: dict | None
) -> None:
    with pytest.raises(QuerySyntaxError) as local:
        run_query(seed_graph, query, params)
    with pytest.raises(QuerySyntaxError) as remote:
        run_remote_query(pushed, query, params)
    assert str(remote.value) == str(local.value)
    assert remote.value.exit_code == 2


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?name WHERE { ?p rdfs:label ?name FILTER(?name = ) . ?p a okg:Person }",
        "SELECT ?name WHERE { ?p rdfs:label ?name } ORDER BY ?name LIMIT x",
        "SELECT ?name\nWHERE {\n  ?p rdfs:label ?name .\n  ?p a okg:Person } LIMIT x",
    ],
)
def test_server_syntax_errors_are_placed_back(seed_graph: Path, query: str) -> None:
    """The position a server gives in the text sent (prefixes added, parameters wrapped in)
    is moved back into the user's text."""
    import pyoxigraph as ox

    from okoce_graph.remote import _map_lines, _syntax_error

    prepared = prepare_remote_query(query, {"name": "x"})
    with pytest.raises(SyntaxError) as sent:
        ox.Store().query(prepared.text)  # what an Oxigraph server answers with
    with pytest.raises(QuerySyntaxError) as local:
        run_query(seed_graph, query, {"name": "x"})
    assert str(_syntax_error(str(sent.value), prepared, query)) == str(local.value)
    shifted = f"Encountered x at line {prepared.prefix_lines + 2}, column 3."
    assert _map_lines(shifted, prepared) == "Encountered x at line 2, column 3."


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("INSERT DATA { <http://a> <http://b> <http://c> }", "INSERT is an update"),
        ("PREFIX ex: <http://e/>\nDELETE WHERE { ?s ?p ?o }", "DELETE is an update"),
        ("DROP ALL", "DROP is an update"),
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
         "SERVICE is refused"),
    ],
)
def test_refusals(seed_graph: Path, pushed: str, query: str, message: str) -> None:
    with pytest.raises(OkoceError, match=message):
        run_remote_query(pushed, query)
    assert quads_on(pushed) >= dataset_quads(seed_graph)


def test_unreachable_and_http_errors(server: ServerHandle, pushed: str) -> None:
    port = closed_port()
    with pytest.raises(OkoceError) as refused:
        run_remote_query(f"http://127.0.0.1:{port}/query", "ASK {}")
    assert str(refused.value) == f"cannot reach http://127.0.0.1:{port}/query: connection refused"
    with pytest.raises(OkoceError) as missing:
        run_remote_query(server.url + "/nowhere", "ASK {}")
    assert str(missing.value).startswith(f"{server.url}/nowhere: HTTP 404 Not Found")
    with pytest.raises(OkoceError, match="unknown host"):
        run_remote_query("http://no-such-host.invalid/query", "ASK {}")
    for bad in ("ftp://h/query", "/query", "http://user:secret@127.0.0.1/query"):
        with pytest.raises(OkoceError) as error:
            run_remote_query(bad, "ASK {}")
        assert "secret" not in str(error.value)


def test_timeout() -> None:
    """A server that accepts the connection and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        started = time.monotonic()
        with pytest.raises(OkoceError, match=r"query stopped after 0.5 s \(raise it with"):
            run_remote_query(f"http://127.0.0.1:{port}/query", "ASK {}", timeout=0.5)
        assert time.monotonic() - started < 5


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: list[str | None] = []  # noqa: RUF012

    def do_POST(self) -> None:
        type(self).seen.append(self.headers.get("Authorization"))
        self.send_response(401, "Unauthorized")
        self.send_header("Content-Length", "13")
        self.end_headers()
        self.wfile.write(b"who are you?\n")

    def log_message(self, *args: object) -> None:
        pass


def test_credentials_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    endpoint = f"http://127.0.0.1:{server.server_address[1]}/query"
    try:
        for name in ("OKOCE_GRAPH_USER", "OKOCE_GRAPH_PASSWORD", "OKOCE_GRAPH_TOKEN"):
            monkeypatch.delenv(name, raising=False)
        with pytest.raises(OkoceError, match=r"HTTP 401 Unauthorized: who are you\?"):
            run_remote_query(endpoint, "ASK {}")
        monkeypatch.setenv("OKOCE_GRAPH_USER", "ana")
        with pytest.raises(OkoceError, match="OKOCE_GRAPH_PASSWORD is not set"):
            run_remote_query(endpoint, "ASK {}")
        monkeypatch.setenv("OKOCE_GRAPH_PASSWORD", "s3cret-pass")
        with pytest.raises(OkoceError) as basic:
            run_remote_query(endpoint, "ASK {}")
        monkeypatch.setenv("OKOCE_GRAPH_TOKEN", "t0ken-value")
        with pytest.raises(OkoceError) as bearer:
            run_remote_query(endpoint, "ASK {}")
        for error in (basic.value, bearer.value):
            assert "s3cret" not in str(error) and "t0ken" not in str(error)
            assert "OKOCE_GRAPH_TOKEN" in str(error)
        basic_value = "Basic " + base64.b64encode(b"ana:s3cret-pass").decode()
        assert _Recorder.seen == [None, basic_value, "Bearer t0ken-value"]
    finally:
        server.shutdown()
        server.server_close()


# Serving --------------------------------------------------------------------------------------

# About 430 million rows on the seed graph's 755 quads: minutes without a limit, and no answer
# before the end (Oxigraph only counts).
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
EVERYTHING = "SELECT * WHERE { ?s ?p ?o }"  # about 200 KB of SPARQL JSON on the seed graph


def _client_loop(url: urllib.parse.SplitResult, bodies: list[bytes], until: float,
                 latencies: list[float], failures: list[str], offset: int) -> None:
    conn = http.client.HTTPConnection(str(url.hostname), url.port, timeout=30)
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               "Accept": "application/sparql-results+json"}
    count = 0
    while time.monotonic() < until and count < 100_000:
        body = bodies[(offset + count) % len(bodies)]
        count += 1
        started = time.perf_counter()
        try:
            conn.request("POST", url.path, body, headers)
            response = conn.getresponse()
            data = response.read()
            if response.status != 200:
                failures.append(f"HTTP {response.status}: {data[:100]!r}")
                continue
            answer = json.loads(data)
            if "results" not in answer and "boolean" not in answer:
                failures.append("not SPARQL results")
                continue
            latencies.append(time.perf_counter() - started)
        except (OSError, http.client.HTTPException, ValueError) as exc:
            failures.append(repr(exc))
            conn.close()
            conn = http.client.HTTPConnection(str(url.hostname), url.port, timeout=30)
    conn.close()


def _load(served: GraphServer, clients: int, seconds: float) -> tuple[list[float], list[str]]:
    """`clients` threads asking the named queries and an ASK for `seconds` seconds."""
    url = urllib.parse.urlsplit(served.query_url)
    bodies = [urllib.parse.urlencode({"query": prepare_remote_query(q.text).text}).encode()
              for q in named_queries().values()]
    bodies.append(urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode())
    latencies: list[float] = []
    failures: list[str] = []
    until = time.monotonic() + seconds
    threads = [threading.Thread(target=_client_loop,
                                args=(url, bodies, until, latencies, failures, i))
               for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return latencies, failures


def http_get(url: str, path: str, accept: str | None = None) -> tuple[int, str, bytes]:
    """(status, Content-Type, body) of a GET."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(str(parts.hostname), parts.port, timeout=30)
    try:
        conn.request("GET", path, headers={"Accept": accept} if accept else {})
        response = conn.getresponse()
        return response.status, response.getheader("Content-Type") or "", response.read()
    finally:
        conn.close()


def http_send(url: str, method: str, path: str, body: bytes, media: str) -> tuple[int, bytes]:
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(str(parts.hostname), parts.port, timeout=30)
    try:
        conn.request(method, path, body, {"Content-Type": media})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_read_only_server_under_load(seed_graph: Path) -> None:
    """50 clients asking the named queries for 5 seconds, with the default limits on: not one
    failed request. Then the server refuses to be written to."""
    with start_server(seed_graph, port=0) as served:
        assert served.url.startswith("http://127.0.0.1:")
        assert (served.timeout_s, served.max_result_bytes) == (30.0, 10_000_000)
        latencies, failures = _load(served, 50, 5)
        assert failures == [] and len(latencies) >= 100
        # The union of the article graphs is the default graph, as for a local query.
        assert format_result(run_remote_query(served.query_url, PEOPLE,
                                              union_default_graph=False), "csv") == \
            format_result(run_query(seed_graph, PEOPLE), "csv")
        assert update(served, "INSERT DATA { <http://a> <http://b> <http://c> }") == 403
        with pytest.raises(OkoceError, match="HTTP 403 Forbidden: The server is read-only"):
            push(seed_graph, served.query_url, force=True)
        # The store stays readable from this process while the server has it open.
        assert run_query(seed_graph, "ASK { ?s ?p ?o }").boolean is True
        process = served.process
        assert process is not None and served.replaced == 0
    assert process.poll() is not None


def test_time_limit_stops_a_slow_query(seed_graph: Path) -> None:
    """A query past the time limit gets HTTP 503 at the limit, and its Oxigraph process is
    killed and replaced; queries of other clients meanwhile are answered."""
    with start_server(seed_graph, port=0, timeout_s=1) as served:
        first = served.process
        assert first is not None
        outcome: list[float] = []

        def slow() -> None:
            started = time.monotonic()
            with pytest.raises(OkoceError) as stopped:
                run_remote_query(served.query_url, SLOW)
            assert str(stopped.value) == (
                f"{served.query_url}: HTTP 503 Service Unavailable: the query ran past this "
                "server's time limit of 1 s and was stopped (start the server with a larger "
                "--timeout to allow more)")
            outcome.append(time.monotonic() - started)

        thread = threading.Thread(target=slow)
        thread.start()
        latencies, failures = _load(served, 4, 2.5)  # before, during and after the stop
        thread.join(30)
        assert len(outcome) == 1 and 1 <= outcome[0] < 3
        assert failures == [] and latencies
        assert first.wait(5) is not None and served.replaced == 1
        assert served.process is not None and served.process.pid != first.pid
        assert run_remote_query(served.query_url, QUADS).rows[0][0].value == str(
            dataset_quads(seed_graph))
        # An Oxigraph process that dies is replaced as well.
        served.process.kill()
        assert run_remote_query(served.query_url, "ASK { ?s ?p ?o }").boolean is True


def test_size_limit_and_formats(seed_graph: Path) -> None:
    """An answer over the cap gets HTTP 422, whatever its form; smaller answers and the query
    page come through, in every format Oxigraph negotiates."""
    with start_server(seed_graph, port=0, max_result_bytes=20_000) as served:
        message = ("HTTP 422 Unprocessable Entity: the answer is larger than this server's "
                   "limit of 20,000 bytes: ask for less (LIMIT, fewer variables) or start the "
                   "server with a larger --max-result-bytes")
        for query in (EVERYTHING, "CONSTRUCT WHERE { ?s ?p ?o }"):
            with pytest.raises(OkoceError) as refused:
                run_remote_query(served.query_url, query)
            assert str(refused.value) == f"{served.query_url}: {message}"
        status, _, body = http_get(served.url, "/store", "application/n-quads")
        assert (status, body.decode()) == (422, message.split(": ", 1)[1] + "\n")
        assert format_result(run_remote_query(served.query_url, PEOPLE), "csv") == \
            format_result(run_query(seed_graph, PEOPLE), "csv")
        assert served.replaced == 0
        # The query page and its script (about 1 MB) are not answers: never capped.
        status, media, page = http_get(served.url, "/")
        assert (status, media) == (200, "text/html") and b"yasgui.min.js" in page
        status, _, script = http_get(served.url, "/yasgui.min.js")
        assert status == 200 and len(script) > 20_000
        select = "/query?query=" + urllib.parse.quote(prepare_remote_query(PEOPLE).text)
        for accept, expected in [
            ("application/sparql-results+json", "application/sparql-results+json"),
            ("application/sparql-results+xml", "application/sparql-results+xml"),
            ("text/csv", "text/csv; charset=utf-8"),
            ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8"),
        ]:
            status, media, body = http_get(served.url, select, accept)
            assert (status, media) == (200, expected) and "Anies Baswedan" in body.decode()
        status, media, body = http_get(
            served.url, "/query?query=" + urllib.parse.quote(
                "CONSTRUCT WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o }"),
            "text/turtle")
        assert (status, media) == (200, "text/turtle") and b"Anies Baswedan" in body


def test_server_refuses_writes(seed_graph: Path) -> None:
    """The proxy answers every write itself, and Oxigraph behind it is read-only besides."""
    with start_server(seed_graph, port=0) as served:
        triple = b"<http://a> <http://b> <http://c> ."
        for method, path, body, media in [
            ("POST", "/update", b"DROP ALL", "application/sparql-update"),
            ("POST", "/update", b"update=DROP%20ALL", "application/x-www-form-urlencoded"),
            ("PUT", "/store?default", triple, "application/n-triples"),
            ("POST", "/store?default", triple, "application/n-triples"),
            ("DELETE", "/store?default", b"", "text/plain"),
            ("PATCH", "/store?default", triple, "application/n-triples"),
        ]:
            assert http_send(served.url, method, path, body, media) == (
                403, b"The server is read-only\n"), (method, path)
        status, body = http_send(served.url, "POST", "/query", b"DROP ALL",
                                 "application/sparql-update")
        assert status >= 400
        status, body = http_send(served.url, "POST", "/query", b"x" * (2 << 20),
                                 "application/sparql-query")
        assert status == 413 and b"larger than this server's limit" in body
        assert quads_on(served.query_url) == dataset_quads(seed_graph)


def test_server_start_failures(seed_graph: Path, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(OkoceError, match=f"cannot serve on 127.0.0.1:{port}: the address "
                                             "is in use"):
            start_server(seed_graph, port=port)
    with pytest.raises(OkoceError, match="run `okoce-graph build` first"):
        start_server(tmp_path)
    # A stale store is rebuilt from the dataset before the server opens it.
    copy = tmp_path / "copy"
    shutil.copytree(seed_graph, copy)
    shutil.rmtree(copy / "store")
    with start_server(copy, port=0) as served:
        assert quads_on(served.query_url) == dataset_quads(copy)


def test_serve_stops_on_sigterm(seed_graph: Path) -> None:
    """`serve` answers until SIGTERM (or Ctrl-C), then stops its Oxigraph process."""
    script = ("import sys\nfrom okoce_graph.remote import serve\n"
              "serve(sys.argv[1], port=0, announce=lambda m: print(m, flush=True))\n"
              "print('stopped', flush=True)\n")
    process = subprocess.Popen([sys.executable, "-c", script, str(seed_graph)],
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        endpoint = line.split("SPARQL endpoint ")[1].split()[0]
        assert "queries stop after 30 s, answers up to 10,000,000 bytes" in line
        assert run_remote_query(endpoint, "ASK { ?s ?p ?o }").boolean is True
        process.send_signal(signal.SIGTERM)
        assert process.wait(20) == 0 and process.stdout.read() == "stopped\n"
        with pytest.raises(OkoceError, match="connection refused"):
            run_remote_query(endpoint, "ASK {}")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_serve_command(seed_graph: Path) -> None:
    """`okoce-graph serve` with both limits set, queried by `okoce-graph query --endpoint`:
    answers as locally, one line for each refusal, and one line on Ctrl-C."""
    from okoce_graph.cli import main
    from okoce_graph.remote import DEFAULT_MAX_RESULT_BYTES, DEFAULT_TIMEOUT

    defaults = {p.name: p.default for p in main.commands["serve"].params}
    assert (defaults["timeout_s"], defaults["max_result_bytes"]) == (
        DEFAULT_TIMEOUT, DEFAULT_MAX_RESULT_BYTES)
    command = [sys.executable, "-m", "okoce_graph"]
    process = subprocess.Popen(
        [*command, "serve", "--graph", str(seed_graph), "--port", "0", "--timeout", "1",
         "--max-result-bytes", "20000"], stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        assert "queries stop after 1 s, answers up to 20,000 bytes; Ctrl-C stops" in line
        endpoint = line.split("SPARQL endpoint ")[1].split()[0]

        def query(*arguments: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run([*command, "query", *arguments], capture_output=True,
                                  text=True, timeout=60)

        remote = query("--name", "positions", "--format", "csv", "--endpoint", endpoint)
        local = query("--name", "positions", "--format", "csv", "--graph", str(seed_graph))
        assert remote.returncode == 0 and remote.stdout == local.stdout != ""
        for sparql, words in [(SLOW, "time limit of 1 s"), (EVERYTHING, "limit of 20,000 bytes")]:
            refused = query(sparql, "--endpoint", endpoint)
            assert refused.returncode == 1 and refused.stdout == ""
            assert refused.stderr.count("\n") == 1 and words in refused.stderr
        process.send_signal(signal.SIGINT)
        assert process.wait(20) == 0
        assert process.stderr.read() == "stopped\n"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
