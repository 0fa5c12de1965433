"""The okoce-graph command line: parse options, call the library, format the output."""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .errors import OkoceError
from .export import EXPORT_FORMATS  # light: does not load rdflib

F = Callable[..., Any]


def graph_option(func: F) -> F:
    return click.option(
        "--graph",
        "graph_dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=Path("build"),
        show_default=True,
        help="Folder of a built graph (made by `okoce-graph build`).",
    )(func)


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    def decorate(func: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help="Output format.",
        )(func)

    return decorate


def handle_errors(func: F) -> F:
    """Turn the project's own errors, and the usual OS failures, into one line and exit 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except OkoceError as exc:
            if exc.details:
                click.echo(exc.details.rstrip("\n"), err=True)
            error = click.ClickException(str(exc))
            error.exit_code = exc.exit_code
            raise error from None
        except KeyboardInterrupt:
            raise click.ClickException("interrupted; nothing was half-written") from None
        except OSError as exc:
            name = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{name}{exc.strerror or exc}") from None

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="okoce-graph")
def main() -> None:
    """Knowledge graphs from Indonesian news articles."""


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("build"),
    show_default=True,
    help="Folder to write the graph into.",
)
@click.option("--no-html", is_flag=True, help="Do not write the HTML network.")
@click.option("--no-validate", is_flag=True,
              help="Do not check the graph against the SHACL shapes before writing it.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extract articles in N processes.")
@click.option(
    "--merges",
    "show_merges",
    is_flag=True,
    help="Print the entity-merge report (every non-exact link and its reason).",
)
@handle_errors
def build(
    inputs: tuple[Path, ...],
    out: Path,
    no_html: bool,
    no_validate: bool,
    jobs: int,
    show_merges: bool,
) -> None:
    """Build the graph from ARTICLE_OR_DIR ... (default: data/articles/).

    Articles unchanged since the last build into the same folder are taken from its cache.
    """
    from .pipeline import DEFAULT_ARTICLES, find_articles
    from .pipeline import build as run_build

    paths = list(inputs) or [DEFAULT_ARTICLES]
    options: dict[str, Any] = {"html": not no_html, "validate": not no_validate, "jobs": jobs}
    if sys.stderr.isatty():  # a progress bar on a terminal, nothing when piped
        with click.progressbar(length=len(find_articles(paths)), label="articles",
                               file=sys.stderr) as bar:
            result = run_build(paths, out, progress=bar.update, **options)
    else:
        result = run_build(paths, out, **options)
    if show_merges:
        for m in result.merges + result.unresolved:
            target = f"-> {m.entity} ({m.entity_type})" if m.entity else "-> (not linked)"
            click.echo(f"{m.article}\t{m.start}-{m.end}\t{m.mention}\t{target}\t{m.reason}")
    reused = f" ({result.reused} from the cache)" if result.reused else ""
    click.echo(
        f"built {out}: {len(result.articles)} article(s){reused}, {result.entities} entities, "
        f"{result.facts} facts, {result.quads} quads",
        err=True,
    )
    if result.html_left_out:
        click.echo(f"graph.html leaves out {result.html_left_out} less connected entities "
                   "(okoce-graph viz draws any part of the graph)", err=True)


@main.command("facts")
@graph_option
@format_option("table", "jsonl", "csv")
@handle_errors
def facts_command(graph_dir: Path, fmt: str) -> None:
    """Print one row per fact of the built graph."""
    from .facts_table import facts, format_facts

    click.echo(format_facts(facts(graph_dir), fmt), nl=False)


@main.command()
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Read the query from a file.")
@click.option("--name", "query_name", help="Run a named query (see --list).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and exit.")
@graph_option
@click.option("--endpoint", metavar="URL",
              help="Ask this SPARQL endpoint instead of the local graph (credentials as for "
                   "push).")
@format_option("table", "csv", "tsv", "json", "jsonl", "md")
@click.option("--limit", type=click.IntRange(min=0), help="Print at most N rows (or triples).")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help='Bind ?NAME to a term: <iri>, prefix:name, "text"@id, 42, or plain text.')
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0,
              show_default=True, help="Stop the query after S seconds.")
@handle_errors
def query(
    sparql: str | None,
    query_file: Path | None,
    query_name: str | None,
    list_queries: bool,
    graph_dir: Path,
    endpoint: str | None,
    fmt: str,
    limit: int | None,
    params: tuple[str, ...],
    timeout: float,
) -> None:
    """Run a read-only SPARQL query: QUERY, -f FILE, - (standard input) or --name NAME.

    SELECT, ASK, CONSTRUCT and DESCRIBE; the prefixes of the ontology and of the vocabularies
    it reuses (okg, schema, org, prov, skos, oa, dcterms, rdfs, xsd, ...) are pre-declared.
    """
    from .sparql import format_result, named_queries, named_query, parse_param, run_query

    if list_queries:
        for q in named_queries().values():
            params_text = f"  [--param {', '.join(q.params)}]" if q.params else ""
            click.echo(f"{q.name:<16} {q.title}{params_text}")
        return
    sources = [x for x in (sparql, query_file, query_name) if x is not None]
    if len(sources) != 1:
        raise OkoceError("give exactly one of QUERY, -f FILE, - (standard input) or --name NAME")
    allowed: tuple[str, ...] | None = None
    if query_name is not None:
        named = named_query(query_name)
        sparql, allowed = named.text, named.params
    elif query_file is not None:
        sparql = query_file.read_text(encoding="utf-8")
    elif sparql == "-":
        sparql = click.get_text_stream("stdin").read()
    if not sparql or not sparql.strip():
        raise OkoceError("empty query")
    bound = dict(parse_param(p) for p in params)
    for name in bound:
        if allowed is not None and name not in allowed:
            choices = ", ".join(allowed) or "none"
            raise OkoceError(f"--param {name}: not a parameter of {query_name} ({choices})")
        if allowed is None and not re.search(rf"[?$]{re.escape(name)}\b", sparql):
            raise OkoceError(f"--param {name}: the query has no variable ?{name}")
    if endpoint is not None:
        from .remote import run_remote_query

        result = run_remote_query(endpoint, sparql, bound, limit=limit, timeout=timeout)
    else:
        result = run_query(graph_dir, sparql, bound, limit=limit, timeout=timeout)
    click.echo(format_result(result, fmt), nl=False)
    if result.truncated:
        click.echo(f"(stopped at --limit {limit})", err=True)


@main.command()
@click.argument("name_or_iri")
@graph_option
@handle_errors
def explain(name_or_iri: str, graph_dir: Path) -> None:
    """Show one entity: its type, how it is written, and every fact with its evidence."""
    from .cards import explain as card_of
    from .cards import format_card

    click.echo(format_card(card_of(graph_dir, name_or_iri)), nl=False)


@main.command("evaluate")
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@graph_option
@click.option("--errors", "show_errors", is_flag=True, help="Also list missed and wrong facts.")
@handle_errors
def evaluate_command(gold: tuple[Path, ...], graph_dir: Path, show_errors: bool) -> None:
    """Precision, recall and F1 per fact kind against GOLD.jsonl files (or folders of them)."""
    import json

    from .scoring import evaluate, format_scores, load_gold

    result = evaluate(load_gold(list(gold)), graph_dir)
    click.echo(format_scores(result), nl=False)
    if show_errors:
        for label, rows in (("missed", result.missed), ("wrong", result.wrong)):
            for row in rows:
                fields = {k: row.get(k) for k in ("kind", "subject", "object", "article")}
                click.echo(f"{label}\t{json.dumps(fields, ensure_ascii=False)}")


def lang_option(func: F) -> F:
    return click.option("--lang", type=click.Choice(["id", "en"]), default="id",
                        show_default=True, help="Language of relation names and labels.")(func)


@main.command()
@graph_option
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="HTML file to write (default: graph.html in the graph folder).")
@click.option("--focus", help="Draw only the neighbourhood of this entity (name or IRI).")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True,
              help="How many steps around --focus.")
@click.option("--types", help="Only these types, comma-separated (Person,Organization,...).")
@click.option("--max-nodes", type=click.IntRange(min=1), default=2000, show_default=True,
              help="Keep at most N nodes, the most connected ones.")
@click.option("--query", "query_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Draw only the entities named by the IRIs a SELECT query returns.")
@lang_option
@handle_errors
def viz(graph_dir: Path, output: Path | None, focus: str | None, depth: int, types: str | None,
        max_nodes: int, query_file: Path | None, lang: str) -> None:
    """Write the interactive HTML network (one self-contained file that works offline)."""
    from .analysis import network, select_subgraph
    from .cards import find_entity
    from .dataset import open_store
    from .viz import render_html

    store = open_store(graph_dir)
    graph = network(graph_dir, lang, store)
    wanted_types = {t.strip() for t in types.split(",") if t.strip()} if types else None
    unknown = (wanted_types or set()) - {"Person", "Organization", "Place", "Event", "Program"}
    if unknown:
        raise OkoceError(f"--types: unknown type {', '.join(sorted(unknown))}")
    focus_iri = find_entity(graph_dir, focus, store) if focus else None
    nodes = None
    if query_file is not None:
        from .sparql import run_query

        result = run_query(graph_dir, query_file.read_text(encoding="utf-8"), store=store)
        nodes = {str(v) for row in result.values() for v in row if isinstance(v, str)}
    selection = select_subgraph(graph, focus=focus_iri, depth=depth, types=wanted_types,
                                nodes=nodes, max_nodes=max_nodes)
    path = output or graph_dir / "graph.html"
    render_html(selection.graph, path, title="okoce-graph", lang=lang)
    kept = selection.graph
    click.echo(f"wrote {path}: {kept.number_of_nodes()} nodes, {kept.number_of_edges()} edges",
               err=True)
    if selection.left_out_nodes:
        why = f" ({selection.reason})" if selection.reason else ""
        click.echo(f"left out {selection.left_out_nodes} nodes and {selection.left_out_edges} "
                   f"edges{why}", err=True)


@main.command()
@graph_option
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True)
@handle_errors
def stats(graph_dir: Path, top: int) -> None:
    """Counts by type, the most connected and most central entities, connected components."""
    from .analysis import network
    from .analysis import stats as compute

    figures = compute(network(graph_dir), top=top)
    click.echo(f"{figures['nodes']} entities, {figures['edges']} links, "
               f"{figures['components']} connected components "
               f"(largest: {', '.join(map(str, figures['component_sizes']))})")
    click.echo("\nby type:")
    for name, count in figures["by_type"].items():
        click.echo(f"  {name:<13} {count}")
    sampled = " (estimated from a sample)" if figures["betweenness_sampled"] else ""
    for title, key, fmt in (("degree", "degree", "{:.0f}"),
                            (f"betweenness centrality{sampled}", "betweenness", "{:.3f}")):
        click.echo(f"\nmost central by {title}:")
        for label, type_, score in figures[key]:
            click.echo(f"  {fmt.format(score):>7}  {label} ({type_})")


@main.command()
@click.argument("source")
@click.argument("target")
@graph_option
@lang_option
@handle_errors
def path(source: str, target: str, graph_dir: Path, lang: str) -> None:
    """The shortest chain of facts linking SOURCE and TARGET (names or IRIs)."""
    from .analysis import network, shortest_path
    from .cards import find_entity
    from .dataset import open_store

    store = open_store(graph_dir)
    a = find_entity(graph_dir, source, store)
    b = find_entity(graph_dir, target, store)
    steps = shortest_path(network(graph_dir, lang, store), a, b)
    if not steps:
        raise OkoceError(f"no chain of facts links {source!r} and {target!r}")
    for i, step in enumerate(steps, 1):
        relation = step["label_id"] if lang == "id" else step["label_en"]
        click.echo(f"{i}. {step['subject']} —{relation}→ {step['object']}")
        click.echo(f"   [{step['article']} {step['start']}-{step['end']}] "
                   f"{' '.join(step['evidence'].split())}")


@main.command("validate")
@graph_option
@handle_errors
def validate_command(graph_dir: Path) -> None:
    """Check a built graph against the SHACL shapes (ontology/shapes.ttl)."""
    from .shacl import validate

    report = validate(graph_dir)
    if report.violations:
        click.echo(report.format(), nl=False)
    click.echo(report.summary(), err=True)
    if not report.conforms:
        raise OkoceError(f"{graph_dir} does not conform to the shapes")


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="ttl, nt, nq, trig, jsonld (RDF); graphml, gexf (the entity network, for "
                   "Gephi and Cytoscape); csv (the facts table).")
@graph_option
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="File to write (default: standard output).")
@handle_errors
def export_command(fmt: str, graph_dir: Path, output: Path | None) -> None:
    """Write the built graph in a format other tools read."""
    from .export import export

    export(graph_dir, fmt, output)
    if output is not None:
        click.echo(f"wrote {output}", err=True)


@main.command("push")
@click.option("--endpoint", required=True, metavar="URL",
              help="The server's SPARQL query endpoint, e.g. http://127.0.0.1:7878/query.")
@click.option("--graph-store", metavar="URL",
              help="Its Graph Store Protocol URL (default: beside the endpoint, as Oxigraph "
                   "lays them out; give it for Fuseki, GraphDB or Virtuoso).")
@graph_option
@click.option("--prune", is_flag=True,
              help="Also delete the server's article graphs that the dataset does not have.")
@click.option("--force", is_flag=True,
              help="Replace every article graph, even those the server holds unchanged.")
@click.option("--verify", is_flag=True,
              help="Compare every article graph the server holds with its triples, not with "
                   "the push record (catches edits made on the server; slower).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0,
              show_default=True, help="Give up on a request after S seconds.")
@handle_errors
def push_command(endpoint: str, graph_store: str | None, graph_dir: Path, prune: bool,
                 force: bool, verify: bool, timeout: float) -> None:
    """Upload the article graphs to a SPARQL server, each replaced whole.

    Uses the SPARQL 1.1 Graph Store Protocol (PUT per article graph; new graphs in bulk on
    Oxigraph); graphs the server already holds unchanged are left alone. The server's graph
    https://w3id.org/okoce-graph/id/push-record notes the SHA-256 of each article graph pushed,
    so a push again only reads that. Credentials come from the environment only:
    OKOCE_GRAPH_USER and OKOCE_GRAPH_PASSWORD (HTTP Basic) or OKOCE_GRAPH_TOKEN (Bearer).
    """
    from .remote import push

    result = push(graph_dir, endpoint, graph_store=graph_store, timeout=timeout, prune=prune,
                  force=force, verify=verify)
    click.echo(result.summary(), err=True)


@main.command("serve")
@graph_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (anyone who reaches it can query the graph).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True,
              help="Port to listen on (0: a free one).")
@click.option("--timeout", "timeout_s", type=click.FloatRange(min=0), default=30.0,
              show_default=True,
              help="Stop a query after S seconds, answering HTTP 503 (0: no limit).")
@click.option("--max-result-bytes", type=click.IntRange(min=0), default=10_000_000,
              show_default=True,
              help="Refuse an answer larger than this, with HTTP 422 (0: no limit).")
@handle_errors
def serve_command(graph_dir: Path, host: str, port: int, timeout_s: float,
                  max_result_bytes: int) -> None:
    """Serve the graph read-only as a SPARQL endpoint with a query page, until Ctrl-C.

    The Oxigraph server answers the queries, behind a proxy that refuses writes and holds
    each query to the time limit and each answer to the size limit.
    """
    from .remote import serve

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: the endpoint has no authentication", err=True)
    serve(graph_dir, host, port, timeout_s=timeout_s or None,
          max_result_bytes=max_result_bytes or None,
          announce=lambda message: click.echo(message, err=True))
    click.echo("stopped", err=True)
