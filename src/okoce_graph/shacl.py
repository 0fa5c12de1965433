"""Check a built graph against the SHACL shapes in `ontology/shapes.ttl`.

The shapes are run by pySHACL over the union of the dataset's named graphs (one per article),
so an entity named in two articles is checked once with everything said about it. A shape that
selects no node always "conforms"; `shapes_without_targets` lists those, so a test can keep every
shape exercised by a real build.

`build` validates each article's graph on its own (`validate_quads`), in its worker processes;
each process compiles pySHACL's shapes graph once (`_compiled_shapes`) and reads canonical
N-Quads lines to rdflib terms itself, for the same reports as a plain `pyshacl.validate`.

rdflib and pySHACL are imported inside the functions: importing this module stays cheap.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import OkoceError

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

SHAPES_NS = "https://w3id.org/okoce-graph/shapes#"
SHAPES_FILE = "shapes.ttl"
# Where the shapes live: beside the package (when packaged), else the repository's ontology/.
# `okoce_graph/ontology` links to the repository's `ontology/`, so wheels ship the shapes too.
_SHAPES_CANDIDATES = (Path(__file__).resolve().parent / "ontology" / SHAPES_FILE,)
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
_TEXT_LIMIT = 60


@dataclass(frozen=True)
class Violation:
    """One result of the validation; every term is written with the project's prefixes."""

    severity: str  # "Violation", "Warning" or "Info"
    focus: str  # the node that fails, e.g. "id:article/x/sentence/3"
    path: str | None  # the property checked, e.g. "oa:start" or "^org:holds"; None for the node
    message: str  # what is wrong, in words
    value: str | None  # the offending value, when there is one
    shape: str  # the node shape that failed, e.g. "okgsh:SentenceShape"
    # the SHACL constraint, e.g. "sh:MinCountConstraintComponent"; two constraints of one shape
    # failing with the same message make one violation
    component: str = field(default="", compare=False)

    def format(self) -> str:
        where = f"{self.focus} {self.path}" if self.path else self.focus
        shown = self.value is not None and self.value != self.focus
        value = f" [value: {self.value}]" if shown else ""
        return f"{self.severity}: {where}: {self.message}{value} ({self.shape})"


@dataclass
class Report:
    """The outcome: `conforms` is true when no result has severity Violation (warnings are
    listed but do not fail the graph)."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    @property
    def errors(self) -> list[Violation]:
        return [v for v in self.violations if v.severity == "Violation"]

    @property
    def warnings(self) -> list[Violation]:
        return [v for v in self.violations if v.severity != "Violation"]

    def format(self) -> str:
        """One line per result, violations first; empty when there is none."""
        return "\n".join(v.format() for v in self.violations)

    def summary(self) -> str:
        """One line: whether the graph conforms, and how many violations and warnings."""
        counts = f"{_count(len(self.errors), 'violation')}, {_count(len(self.warnings), 'warning')}"
        if self.conforms:
            return f"the graph conforms to the shapes ({counts})"
        return f"the graph does not conform to the shapes ({counts})"

    def check(self, source: str = "graph") -> None:
        """Raise OkoceError (one line) when the graph does not conform."""
        if not self.conforms:
            first = self.errors[0].format()
            more = len(self.errors) - 1
            tail = f" (and {more} more; run `okoce-graph validate`)" if more else ""
            raise OkoceError(f"{source} does not conform to the shapes: {first}{tail}")


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def shapes_path() -> Path:
    """The SHACL shapes file."""
    for path in _SHAPES_CANDIDATES:
        if path.is_file():
            return path
    raise OkoceError(f"SHACL shapes not found (looked for {_SHAPES_CANDIDATES[-1]})")


def validate(graph_dir: Path | str, *, shapes: Path | None = None) -> Report:
    """Validate the dataset of a built graph folder (`dataset.nq` in `graph_dir`)."""
    graph_dir = Path(graph_dir)
    from .dataset import dataset_path

    return validate_dataset(dataset_path(graph_dir), shapes=shapes)


def validate_dataset(path: Path, *, shapes: Path | None = None) -> Report:
    """Validate an N-Quads file (the union of its graphs)."""
    return _validate(_load_file(path), _compiled_shapes(shapes))


def validate_quads(lines: Iterable[str], *, shapes: Path | None = None) -> Report:
    """Validate N-Quads lines, e.g. the canonical lines `build` is about to write."""
    return _validate(_load_lines(lines, "dataset"), _compiled_shapes(shapes))


def shapes_without_targets(graph_dir: Path, *, shapes: Path | None = None) -> list[str]:
    """The shapes (prefixed names) that select no node of the graph in `graph_dir`. Such a
    shape always conforms, so it checks nothing there."""
    from .dataset import dataset_path

    data = _load_file(dataset_path(graph_dir))
    counts = focus_counts(data, _load_shapes(shapes))
    return sorted(name for name, n in counts.items() if n == 0)


# ---------------------------------------------------------------- loading


def _load_file(path: Path) -> Graph:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise OkoceError(f"{path}: cannot read the dataset ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise OkoceError(f"{path}: corrupt dataset (not UTF-8); rebuild it") from None
    return _load_lines(text.splitlines(keepends=True), str(path))


def _load_lines(lines: Iterable[str], source: str) -> Graph:
    """The union of all graphs of N-Quads `lines`, as one rdflib Graph."""
    lines = list(lines)
    union = _data_graph_class()()
    with _quiet_rdflib():
        triples = _fast_triples(lines)
        if triples is None:
            triples = _parsed_triples(lines, source)
        for triple in triples:
            union.add(triple)
    if len(union) == 0:
        raise OkoceError(f"{source}: empty dataset; rebuild it")
    return union


@functools.cache
def _quad_line() -> re.Pattern[str]:
    """One N-Quads line without blank nodes, one space between terms, built from the patterns
    of rdflib's own N-Quads parser: a line it matches is read by that parser to the same terms."""
    from rdflib.plugins.parsers.ntriples import literal, litinfo, uriref

    return re.compile(rf"{uriref} {uriref} (?:{uriref}|{literal}{litinfo})(?: {uriref})? \.")


def _fast_triples(lines: list[str]) -> list[tuple[Node, Node, Node]] | None:
    """The triples of canonical lines, made directly (a third of the time of rdflib's parser);
    None when a line is not canonical, so that the parser reads (or rejects) it."""
    from rdflib import Literal, URIRef
    from rdflib.plugins.parsers.ntriples import unquote

    match = _quad_line().fullmatch
    triples = []
    for line in lines:
        line = line.removesuffix("\n")
        if "\r" in line or "\n" in line:
            return None  # the parser splits lines there
        m = match(line)
        if m is None:
            if line.startswith("#"):
                continue  # a comment, which the parser skips
            return None
        s, p, o, lit, lang, dtype, _ = m.groups()
        if lit is None:
            obj: Node = URIRef(unquote(o))
        else:
            obj = Literal(unquote(lit), lang or None, URIRef(unquote(dtype)) if dtype else None)
        triples.append((URIRef(unquote(s)), URIRef(unquote(p)), obj))
    return triples


def _parsed_triples(lines: list[str], source: str) -> list[tuple[Node, Node, Node]]:
    from rdflib import Dataset

    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    dataset = Dataset()
    try:
        with warnings.catch_warnings():
            # rdflib's N-Quads parser uses its own deprecated Dataset.default_context
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset.parse(data=text, format="nquads")
    except Exception as exc:  # rdflib raises several types for bad syntax
        detail = " ".join(str(exc).split())[:200]
        raise OkoceError(f"{source}: corrupt dataset ({detail}); rebuild it") from None
    return [(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))]


@contextlib.contextmanager
def _quiet_rdflib() -> Iterator[None]:
    """rdflib logs a traceback for every ill-typed literal ("2022-02-30"^^xsd:date); the shapes
    report those, so the log is only noise."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


_PREPARED: dict[str, Any] = {}


@functools.cache
def _data_graph_class() -> type[Graph]:
    """The rdflib Graph that pySHACL checks: its triples are in three dicts (rdflib's Memory
    store also tracks contexts and sends events, a sixth of the time of a validation), and it
    parses each SPARQL text once (pySHACL runs a SPARQL constraint once per focus node, as text;
    parsing it would be most of the cost of those constraints)."""
    from rdflib import Graph
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.evaluate import evalQuery
    from rdflib.plugins.sparql.processor import SPARQLResult
    from rdflib.plugins.stores.memory import SimpleMemory
    from rdflib.store import Store

    class TripleIndex(Store):
        # pySHACL wraps the graph in an rdflib Dataset over the graph's store, which asserts
        # these; the graph is the store's only context.
        context_aware = True
        graph_aware = True

        def __init__(self) -> None:
            super().__init__()
            self.spo: dict[Node, dict[Node, dict[Node, None]]] = {}
            self.pos: dict[Node, dict[Node, dict[Node, None]]] = {}
            self.osp: dict[Node, dict[Node, dict[Node, None]]] = {}
            self.size = 0
            self.names = SimpleMemory()  # the prefixes bound, as rdflib's stores keep them

        def add(self, triple: Any, context: Any, quoted: bool = False) -> None:
            s, p, o = triple
            objects = self.spo.setdefault(s, {}).setdefault(p, {})
            if o not in objects:
                objects[o] = None
                self.pos.setdefault(p, {}).setdefault(o, {})[s] = None
                self.osp.setdefault(o, {}).setdefault(s, {})[p] = None
                self.size += 1

        def remove(self, triple: Any, context: Any = None) -> None:
            raise NotImplementedError("the graph validated is never changed")

        def __len__(self, context: Any = None) -> int:
            return self.size

        def triples(self, triple: Any, context: Any = None) -> Iterator[Any]:
            s, p, o = triple
            if s is not None:
                by_predicate = self.spo.get(s, {})
                pairs = by_predicate.items() if p is None else [(p, by_predicate.get(p, {}))]
                for p2, objects in pairs:
                    if o is None:
                        for o2 in objects:
                            yield (s, p2, o2), iter(())
                    elif o in objects:
                        yield (s, p2, o), iter(())
            elif p is not None:
                by_object = self.pos.get(p, {})
                pairs = by_object.items() if o is None else [(o, by_object.get(o, {}))]
                for o2, subjects in pairs:
                    for s2 in subjects:
                        yield (s2, p, o2), iter(())
            elif o is not None:
                for s2, predicates in self.osp.get(o, {}).items():
                    for p2 in predicates:
                        yield (s2, p2, o), iter(())
            else:
                for s2, by_predicate in self.spo.items():
                    for p2, objects in by_predicate.items():
                        for o2 in objects:
                            yield (s2, p2, o2), iter(())

        def bind(self, prefix: str, namespace: Any, override: bool = True) -> None:
            self.names.bind(prefix, namespace, override)

        def namespace(self, prefix: str) -> Any:
            return self.names.namespace(prefix)

        def prefix(self, namespace: Any) -> Any:
            return self.names.prefix(namespace)

        def namespaces(self) -> Iterator[Any]:
            return self.names.namespaces()

    class DataGraph(Graph):
        def __init__(self) -> None:
            super().__init__(store=TripleIndex())

        def query(
            self,
            query_object: Any,
            processor: Any = "sparql",
            result: Any = "sparql",
            initNs: Any = None,
            initBindings: Any = None,
            use_store_provided: bool = True,
            **kwargs: Any,
        ) -> Any:
            if not (isinstance(query_object, str) and processor == result == "sparql"):
                return super().query(
                    query_object,
                    processor,
                    result,
                    initNs,
                    initBindings,
                    use_store_provided,
                    **kwargs,
                )
            prepared = _PREPARED.get(query_object)
            if prepared is None:
                # pySHACL writes the PREFIX lines in no fixed order: sort them for the key.
                lines = query_object.split("\n")
                prefixes = sorted(line for line in lines if line.startswith("PREFIX "))
                body = [line for line in lines if not line.startswith("PREFIX ")]
                key = "\n".join(prefixes + body)
                if key not in _PREPARED:
                    _PREPARED[key] = prepareQuery(key)
                prepared = _PREPARED[query_object] = _PREPARED[key]
            # What Graph.query comes to for a prepared query (initNs only serves parsing),
            # without its per-call lookups: the graph's namespaces, the store's query, plugins.
            return SPARQLResult(evalQuery(self, prepared, initBindings, kwargs.get("base")))

    return DataGraph


_SHAPES_CACHE: dict[tuple[str, int, int], tuple[Any, ...]] = {}


def _shapes_version(path: Path | None) -> tuple[str, int, int]:
    """The shapes file's version (path, mtime, size); its triples are parsed once per version."""
    from rdflib import Graph

    path = path or shapes_path()
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        if key not in _SHAPES_CACHE:
            _SHAPES_CACHE[key] = tuple(Graph().parse(path, format="turtle"))
    except OSError as exc:
        raise OkoceError(f"{path}: cannot read the shapes ({exc.strerror or exc})") from None
    except Exception as exc:
        detail = " ".join(str(exc).split())[:200]
        raise OkoceError(f"{path}: invalid shapes file ({detail})") from None
    return key


def _load_shapes(path: Path | None, graph_class: type[Graph] | None = None) -> Graph:
    """A fresh shapes graph (pySHACL adds a few triples to the shapes graph it is given)."""
    from rdflib import Graph

    shapes = (graph_class or Graph)()
    for triple in _SHAPES_CACHE[_shapes_version(path)]:
        shapes.add(triple)
    return shapes


@functools.cache
def _memo_graph_class() -> type[Graph]:
    """An rdflib Graph that remembers the answer to each triple pattern until it changes: pySHACL
    reads a shape's parameters from the shapes graph again for every node the shape checks."""
    from rdflib import Graph
    from rdflib.paths import Path as PropertyPath

    class MemoGraph(Graph):
        def __init__(self) -> None:
            super().__init__()
            self.memo: dict[Any, tuple[Any, ...]] = {}

        def add(self, triple: Any) -> Any:
            self.memo.clear()
            return super().add(triple)

        def addN(self, quads: Any) -> Any:
            self.memo.clear()
            return super().addN(quads)

        def remove(self, triple: Any) -> Any:
            self.memo.clear()
            return super().remove(triple)

        def triples(self, triple: Any) -> Any:
            if isinstance(triple[1], PropertyPath):  # evaluated through the other patterns
                yield from super().triples(triple)
                return
            found = self.memo.get(triple)
            if found is None:
                found = self.memo[triple] = tuple(super().triples(triple))
            yield from found

    return MemoGraph


# ---------------------------------------------------------------- validation


# pySHACL's ShapesGraph of each shapes file version, kept for every validation in this
# process: its shapes and their paths are read once, and so are their constraints (see
# `_keep_constraints`), which pySHACL would otherwise build anew for every node it checks.
_COMPILED: dict[tuple[str, int, int], Any] = {}
# the constraints built so far, per compiled ShapesGraph: {(class, shape): constraint}
_KEPT: dict[Any, dict[tuple[type, Any], Any]] = {}


def _compiled_shapes(path: Path | None) -> Any:
    from pyshacl.shapes_graph import ShapesGraph

    version = _shapes_version(path)
    if version not in _COMPILED:
        _keep_constraints()
        shapes = ShapesGraph(_load_shapes(path, _memo_graph_class()), logger=_pyshacl_logger())
        _KEPT[shapes] = {}
        _COMPILED[version] = shapes
    return _COMPILED[version]


@functools.cache
def _keep_constraints() -> None:
    """pySHACL builds a shape's constraints each time the shape checks a node, reading their
    parameters from the shapes graph, and finds them by testing each predicate of the shape
    against a list of ~40 IRIs (rdflib compares IRIs in Python). Through the map it consults,
    `pyshacl.shape.CONSTRAINT_PARAMS`, the list is tested as a set and a compiled shapes
    graph keeps each constraint once built; other shapes graphs get new ones as before."""
    import pyshacl.shape
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP

    class ParameterList(list):  # type: ignore[type-arg]
        def __init__(self, items: list[Any]) -> None:
            super().__init__(items)
            self.members = frozenset(items)

        def __contains__(self, item: object) -> bool:
            return item in self.members

    class Kept:
        def __init__(self, cls: type) -> None:
            self.cls = cls

        def __call__(self, shape: Any) -> Any:
            kept = _KEPT.get(shape.sg)
            if kept is None:
                return self.cls(shape)
            key = (self.cls, shape)
            if key not in kept:
                kept[key] = self.cls(shape)
            return kept[key]

    # One maker per class: pySHACL runs a class once per shape, whichever parameter found it
    # (sh:qualifiedValueShape and sh:qualifiedMinCount are one constraint).
    makers: dict[type, Kept] = {}
    mapping = {p: makers.setdefault(c, Kept(c)) for p, c in CONSTRAINT_PARAMETERS_MAP.items()}
    pyshacl.shape.CONSTRAINT_PARAMS = (ParameterList(ALL_CONSTRAINT_PARAMETERS), mapping)


@functools.cache
def _pyshacl_logger() -> logging.Logger:
    from pyshacl.entrypoints import make_default_logger

    return make_default_logger(name="pyshacl-validate")


def _validate(data: Graph, shapes: Any) -> Report:
    """What `pyshacl.validate(data, shacl_graph=..., inplace=True, ...)` does, with a compiled
    ShapesGraph `shapes` instead of a new one each time."""
    from pyshacl.errors import ValidationFailure
    from pyshacl.graph_abstraction import DataGraph
    from pyshacl.validator import Validator

    options = {
        "debug": False,
        "inference": "none",
        "inplace": True,
        "abort_on_first": False,
        "allow_infos": True,
        "allow_warnings": True,
        "advanced": False,
        "iterate_rules": False,
        "use_js": None,
        "sparql_mode": False,
        "logger": _pyshacl_logger(),
        "focus_nodes": None,
        "use_shapes": None,
    }
    with _quiet_rdflib():
        validator = Validator(
            DataGraph.from_rdflib(data), shacl_graph=shapes.graph, options=options
        )
        validator.shacl_graph = shapes  # in place of the new one it made
        try:
            _, results, _ = validator.run()
        except ValidationFailure as exc:  # the shapes are broken
            results = exc
    return _report(results, shapes.graph)


def _report(results: Any, shapes: Graph) -> Report:
    """The report of pySHACL's results graph."""
    from rdflib import Graph
    from rdflib.namespace import RDF, SH

    if not isinstance(results, Graph):  # pySHACL's ValidationFailure: the shapes are broken
        raise OkoceError(f"the SHACL shapes cannot be run: {' '.join(str(results).split())}")
    names = _Names()
    violations: set[Violation] = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        component = results.value(result, SH.sourceConstraintComponent)
        violations.add(  # a set: one line for two constraints failing alike
            Violation(
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                focus=names.term(results.value(result, SH.focusNode)),
                path=names.path(path, results, shapes) if path is not None else None,
                message=" ".join(" ".join(messages).split()) or "(no message)",
                value=names.term(value) if value is not None else None,
                shape=names.shape(results.value(result, SH.sourceShape), shapes),
                component=names.term(component) if component is not None else "",
            )
        )
    ordered = sorted(
        violations,
        key=lambda v: (
            _SEVERITY_ORDER.get(v.severity, 3),
            v.focus,
            v.path or "",
            v.message,
            v.value or "",
            v.shape,
        ),
    )
    return Report(conforms=not any(v.severity == "Violation" for v in ordered), violations=ordered)


# ---------------------------------------------------------------- targets


def focus_counts(data: Graph, shapes: Graph) -> dict[str, int]:
    """How many nodes of `data` each top-level shape selects (sh:targetClass, with
    subclasses, sh:targetNode, sh:targetSubjectsOf, sh:targetObjectsOf, implicit class
    targets). A named shape without a target that no other shape uses counts as 0; helper
    shapes reached through sh:node, sh:property and the like are not top-level."""
    from rdflib import BNode
    from rdflib.namespace import RDF, RDFS, SH

    target_preds = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
    shape_nodes = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(
        shapes.subjects(RDF.type, SH.PropertyShape)
    )
    for pred in target_preds:
        shape_nodes |= set(shapes.subjects(pred, None))
    used = _referenced_shapes(shapes)
    names = _Names()
    counts: dict[str, int] = {}
    for shape in shape_nodes:
        focus: set[Node] = set()
        for cls in shapes.objects(shape, SH.targetClass):
            focus |= _instances(data, cls)
        if (shape, RDF.type, RDFS.Class) in shapes:
            focus |= _instances(data, shape)
        focus |= {n for n in shapes.objects(shape, SH.targetNode) if _occurs(data, n)}
        for pred in shapes.objects(shape, SH.targetSubjectsOf):
            focus |= set(data.subjects(pred, None))
        for pred in shapes.objects(shape, SH.targetObjectsOf):
            focus |= set(data.objects(None, pred))
        has_target = any(shapes.value(shape, p) is not None for p in target_preds)
        if not has_target and (shape in used or isinstance(shape, BNode)):
            continue  # a helper shape, checked through the shape that uses it
        counts[names.term(shape)] = len(focus)
    return counts


def _instances(data: Graph, cls: Node) -> set[Node]:
    from rdflib.namespace import RDF, RDFS

    classes = {cls}
    frontier = [cls]
    while frontier:
        for sub in data.subjects(RDFS.subClassOf, frontier.pop()):
            if sub not in classes:
                classes.add(sub)
                frontier.append(sub)
    return {s for c in classes for s in data.subjects(RDF.type, c)}


def _occurs(data: Graph, node: Node) -> bool:
    return (node, None, None) in data or (None, None, node) in data


def _referenced_shapes(shapes: Graph) -> set[Node]:
    from rdflib.collection import Collection
    from rdflib.namespace import SH

    used: set[Node] = set()
    for pred in (SH.node, SH.property, SH["not"], SH.qualifiedValueShape):
        used |= set(shapes.objects(None, pred))
    for pred in (SH["or"], SH["and"], SH.xone):
        for head in shapes.objects(None, pred):
            used |= set(Collection(shapes, head))
    return used


# ---------------------------------------------------------------- names


class _Names:
    """Writes terms with the project's prefixes (and okgsh: for shapes)."""

    _LOCAL = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./-]*")

    def __init__(self) -> None:
        from .vocab import PREFIXES

        pairs = [*PREFIXES.items(), ("okgsh", SHAPES_NS), ("sh", "http://www.w3.org/ns/shacl#")]
        self.prefixes = sorted(pairs, key=lambda item: -len(item[1]))

    def iri(self, iri: str) -> str:
        for prefix, base in self.prefixes:
            if iri.startswith(base) and self._LOCAL.fullmatch(iri[len(base) :]):
                return f"{prefix}:{iri[len(base) :]}"
        return f"<{iri}>"

    def term(self, node: Node | None) -> str:
        from rdflib import BNode, Literal, URIRef
        from rdflib.namespace import XSD

        if node is None:
            return "?"
        if isinstance(node, URIRef):
            return self.iri(str(node))
        if isinstance(node, Literal):
            text = str(node)
            if len(text) > _TEXT_LIMIT:
                text = text[: _TEXT_LIMIT - 1] + "…"
            body = '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
            if node.language:
                return f"{body}@{node.language}"
            if node.datatype and node.datatype != XSD.string:
                return f"{body}^^{self.iri(str(node.datatype))}"
            return body
        if isinstance(node, BNode):
            return f"_:{node}"
        return str(node)

    def path(self, path: Node, *graphs: Graph) -> str:
        """A SHACL property path as in SPARQL: p, ^p, p/q."""
        from rdflib import BNode
        from rdflib.collection import Collection
        from rdflib.namespace import RDF, SH

        if isinstance(path, BNode):
            for graph in graphs:
                inverse = graph.value(path, SH.inversePath)
                if inverse is not None:
                    return "^" + self.path(inverse, *graphs)
                if graph.value(path, RDF.first) is not None:
                    return "/".join(self.path(step, *graphs) for step in Collection(graph, path))
        return self.term(path)

    def shape(self, shape: Node | None, shapes: Graph) -> str:
        """The named shape a result comes from: a blank property shape is named by its parent."""
        from rdflib import BNode
        from rdflib.namespace import SH

        seen: set[Node] = set()
        while isinstance(shape, BNode) and shape not in seen:
            seen.add(shape)
            parent = shapes.value(None, SH.property, shape)
            if parent is None:
                break
            shape = parent
        return self.term(shape)
