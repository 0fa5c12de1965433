"""The built graph in the formats other tools read: RDF (Turtle, N-Triples, N-Quads, TriG,
JSON-LD), the entity network for Gephi and Cytoscape (GraphML, GEXF) and the facts table (CSV).

Every format is written the same, byte for byte, for the same graph. The RDF formats are
produced straight from the sorted lines of `dataset.nq`, never through rdflib's writers, so a
dataset of a million quads exports in seconds.
"""

from __future__ import annotations

import io
import json
import re
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import OkoceError

# Nothing heavy at import time (rdflib, networkx come with the functions that need them), so
# the command line can take EXPORT_FORMATS from here without slowing its start-up.

EXPORT_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf", "csv")

_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_STRING, _INTEGER, _BOOLEAN = _XSD + "string", _XSD + "integer", _XSD + "boolean"


def export(graph_dir: Path | str, fmt: str, out: Path | str | None = None) -> None:
    """Write the built graph in `graph_dir` as `fmt` (one of EXPORT_FORMATS) to the file `out`,
    replaced in one step, or to standard output when `out` is None or "-"."""
    from .dataset import atomic_write

    data = export_bytes(graph_dir, fmt)
    if out is None or str(out) == "-":
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:  # a text-only stdout, as in some notebooks
            sys.stdout.write(data.decode("utf-8"))
        else:
            stream.write(data)
        sys.stdout.flush()
        return
    atomic_write(Path(out), lambda tmp: tmp.write_bytes(data))


def export_bytes(graph_dir: Path | str, fmt: str) -> bytes:
    """The bytes `export` writes."""
    if fmt not in EXPORT_FORMATS:
        raise OkoceError(
            f"unknown export format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}"
        )
    from .dataset import dataset_path, trig, turtle

    graph_dir = Path(graph_dir)
    if fmt == "csv":
        from .facts_table import facts, format_facts

        return format_facts(facts(graph_dir), "csv").encode("utf-8")
    if fmt in ("graphml", "gexf"):
        return _network_bytes(graph_dir, fmt)
    path = dataset_path(graph_dir)
    if fmt == "nq":
        return path.read_bytes()
    lines = _dataset_lines(path)
    if fmt == "nt":
        return ntriples(lines).encode("utf-8")
    if fmt == "ttl":
        return turtle(lines).encode("utf-8")
    if fmt == "trig":
        return trig(lines).encode("utf-8")
    return jsonld(lines).encode("utf-8")


def _dataset_lines(path: Path) -> list[str]:
    """The lines of dataset.nq, without their newlines; the file's bytes and text are freed on
    return (a quarter of a gigabyte each for a million quads)."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise OkoceError(f"{path}: corrupt dataset ({exc.reason}); rebuild it") from None
    # split("\n"), not splitlines(): a literal may hold U+2028, U+0085 and the like unescaped.
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def ntriples(lines: list[str]) -> str:
    """The union graph's triples, sorted and without repeats: the N-Quads lines without their
    graph. Sorted N-Quads lines give sorted triples, repeats side by side."""
    from .dataset import parse_quads

    triples: list[str] = []
    ordered = True
    for s, p, o, _ in parse_quads(lines):
        triple = f"{s} {p} {o} .\n"
        if triples and triple <= triples[-1]:
            if triple == triples[-1]:
                continue
            ordered = False
        triples.append(triple)
    return "".join(triples if ordered else sorted(set(triples)))


# JSON-LD ---------------------------------------------------------------------------------------

CONTEXT = "context.jsonld"


def context() -> dict[str, Any]:
    """The JSON-LD context shipped with the package (ontology/context.jsonld): the project's
    prefixes and short names for the terms the graph uses most."""
    text = resources.files("okoce_graph").joinpath("ontology", CONTEXT).read_text("utf-8")
    definitions: dict[str, Any] = json.loads(text)["@context"]
    return definitions


class _Context:
    """What the JSON-LD writer needs of the context: prefixes to compact IRIs with, and the
    term (with its type coercion) that names each property."""

    def __init__(self, definitions: dict[str, Any]) -> None:
        self.prefixes: dict[str, str] = {
            name: value
            for name, value in definitions.items()
            if isinstance(value, str) and "://" in value and value[-1] in "/#"
        }
        self.longest_first = sorted(self.prefixes.items(), key=lambda item: -len(item[1]))
        self.type_key = next(
            (name for name, value in definitions.items() if value == "@type"), "@type"
        )
        self.terms: dict[str, tuple[str, str | None]] = {}  # IRI -> (term, coercion)
        for name, value in definitions.items():
            if name in self.prefixes or name.startswith("@") or value == "@type":
                continue
            if isinstance(value, str):
                iri, coercion = self._expand(value), None
            else:
                iri, coercion = self._expand(value["@id"]), value.get("@type")
            if iri in self.terms:
                raise OkoceError(f"{CONTEXT}: {name} and {self.terms[iri][0]} both name <{iri}>")
            if coercion is not None and coercion != "@id":
                coercion = self._expand(coercion)
            self.terms[iri] = (name, coercion)
        self._compacted: dict[str, str] = {}

    def _expand(self, value: str) -> str:
        prefix, _, local = value.partition(":")
        return self.prefixes[prefix] + local if prefix in self.prefixes else value

    def compact(self, iri: str) -> str:
        """An IRI (without brackets) as prefix:local when a prefix covers it."""
        text = self._compacted.get(iri)
        if text is None:
            text = iri
            for prefix, base in self.longest_first:
                local = iri[len(base) :]
                if iri.startswith(base) and local and not local.startswith("//"):
                    text = f"{prefix}:{local}"
                    break
            self._compacted[iri] = text
        return text

    def key(self, predicate: str) -> tuple[str, str | None]:
        """The property key for a predicate IRI and the coercion its values get."""
        term = self.terms.get(predicate)
        return term if term is not None else (self.compact(predicate), None)


_LITERAL = re.compile(r'"(.*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?', re.DOTALL)
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
# Integers JSON readers hold exactly (JavaScript's safe range and then some margin).
_CANONICAL_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]{0,14})")


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1) or match.group(2)
    if code:
        return chr(int(code, 16))
    return _ECHAR.get(match.group(3), match.group(0))


def _iri(term: str) -> str:
    if term[:1] != "<":
        raise OkoceError(f"unexpected RDF term {term[:80]}: the graph has no blank nodes")
    return term[1:-1]


def _value(term: str, coercion: str | None, ctx: _Context) -> Any:
    """The JSON-LD value of an object term under a property with `coercion` ("@id", a
    datatype IRI, or None)."""
    if term[:1] == "<":
        iri = ctx.compact(term[1:-1])
        return iri if coercion == "@id" else {"@id": iri}
    match = _LITERAL.fullmatch(term)
    if match is None:
        raise OkoceError(f"unexpected RDF term {term[:80]}: the graph has no blank nodes")
    body, language, datatype = match.groups()
    text = _ESCAPE.sub(_unescape, body) if "\\" in body else body
    if language:
        return {"@value": text, "@language": language}
    datatype = datatype or _STRING
    if coercion in (None, datatype):  # the key implies the datatype, or JSON's types do
        if datatype == _INTEGER and _CANONICAL_INTEGER.fullmatch(text):
            return int(text)
        if datatype == _BOOLEAN and text in ("true", "false"):
            return text == "true"
        if datatype in (coercion, _STRING):
            return text
    elif datatype == _STRING:
        return {"@value": text}
    return {"@value": text, "@type": ctx.compact(datatype)}


def jsonld(lines: list[str]) -> str:
    """JSON-LD of the dataset: the shipped context inline, then one `{"@id": article,
    "@graph": [...]}` object per named graph, with one node object per subject (its properties
    sorted, their values in N-Triples order), each node object on one line. Graphs and nodes
    are sorted by IRI."""
    from .dataset import parse_quads

    definitions = context()
    ctx = _Context(definitions)
    graphs: dict[str, dict[str, dict[str, list[str]]]] = {}
    for s, p, o, g in parse_quads(lines):
        graphs.setdefault(g, {}).setdefault(s, {}).setdefault(p, []).append(o)
    entries = (
        f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in definitions.items()
    )
    out = ['{\n "@context": {\n', ",\n".join(entries), '\n },\n "@graph": [']
    for i, g in enumerate(sorted(graphs, key=_iri)):
        out.append(",\n" if i else "\n")
        out.append(f'  {{\n   "@id": {json.dumps(ctx.compact(_iri(g)), ensure_ascii=False)},')
        out.append('\n   "@graph": [')
        nodes = graphs[g]
        for j, s in enumerate(sorted(nodes, key=_iri)):
            node = _node_object(s, nodes[s], ctx)
            out.append(",\n    " if j else "\n    ")
            out.append(json.dumps(node, ensure_ascii=False))
        out.append("\n   ]\n  }")
    out.append("\n ]\n}\n")
    return "".join(out)


def _node_object(subject: str, properties: dict[str, list[str]], ctx: _Context) -> dict[str, Any]:
    node: dict[str, Any] = {"@id": ctx.compact(_iri(subject))}
    types = properties.get(_RDF_TYPE)
    if types:
        classes = [ctx.compact(_iri(o)) for o in sorted(set(types))]
        node[ctx.type_key] = classes[0] if len(classes) == 1 else classes
    entries: list[tuple[str, Any]] = []
    for predicate, objects in properties.items():
        if predicate == _RDF_TYPE:
            continue
        key, coercion = ctx.key(_iri(predicate))
        values = [_value(o, coercion, ctx) for o in sorted(set(objects))]
        entries.append((key, values[0] if len(values) == 1 else values))
    node.update(sorted(entries, key=lambda entry: entry[0]))
    return node


# The entity network -----------------------------------------------------------------------------

# XML 1.0 cannot hold these characters, escaped or not.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(value: Any) -> Any:
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def entity_network(graph_dir: Path | str, fmt: str = "graphml") -> Any:
    """The entity network of `analysis.network`, ready for GraphML or GEXF: the IRI as the node
    id; node attributes `label`, `type` and `fact_count` (a list of facts fits neither format);
    edges keyed e0, e1, ... in the network's order (its own keys repeat across node pairs, and
    an edge id must be unique in the file), with attributes `label` (the Indonesian relation
    name, which Gephi shows), `relation`, `label_id`, `label_en`, `article`, `evidence`, `start`
    and `end`. GEXF reserves `start` and `end` for the time interval of a dynamic graph, so
    there they are `evidence_start` and `evidence_end`. Characters XML cannot hold become
    U+FFFD."""
    import networkx as nx

    from .analysis import network

    source = network(graph_dir)
    graph = nx.MultiDiGraph()
    for node, data in source.nodes(data=True):
        graph.add_node(
            node,
            label=_xml_safe(data["label"]),
            type=data["type"],
            fact_count=len(data["facts"]),
        )
    offsets = ("evidence_start", "evidence_end") if fmt == "gexf" else ("start", "end")
    for i, (u, v, data) in enumerate(source.edges(data=True)):
        attributes = {
            "label": data["label_id"],
            "relation": data["relation"],
            "label_id": data["label_id"],
            "label_en": data["label_en"],
            "article": data["article"],
            "evidence": data["evidence"],
            offsets[0]: data["start"],
            offsets[1]: data["end"],
        }
        graph.add_edge(u, v, key=f"e{i}", **{k: _xml_safe(x) for k, x in attributes.items()})
    return graph


def _network_bytes(graph_dir: Path, fmt: str) -> bytes:
    import networkx as nx

    graph = entity_network(graph_dir, fmt)
    buffer = io.BytesIO()
    if fmt == "graphml":
        # The ElementTree writer, whether or not lxml is installed, for the same bytes anywhere.
        nx.write_graphml_xml(graph, buffer, encoding="utf-8", prettyprint=True)
        return buffer.getvalue()
    from networkx.readwrite.gexf import GEXFWriter

    for u, v, key in graph.edges(keys=True):
        graph.edges[u, v, key]["id"] = key  # the GEXF edge id, as in GraphML
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:  # today's date would make every export differ
        meta.attrib.pop("lastmodifieddate", None)
        creator = meta.find("creator")
        if creator is not None:
            creator.text = "okoce-graph"
    writer.add_graph(graph)
    _drop_networkx_key(writer.xml)
    writer.write(buffer)
    return buffer.getvalue()


def _drop_networkx_key(root: Any) -> None:
    """Remove the `networkx_key` edge attribute networkx's GEXF writer adds to a multigraph's
    edges: it repeats the edge id."""
    for attributes in root.iter("attributes"):
        for attribute in list(attributes):
            if attribute.get("title") == "networkx_key":
                attributes.remove(attribute)
                for values in root.iter("attvalues"):
                    for value in list(values):
                        if value.get("for") == attribute.get("id"):
                            values.remove(value)
