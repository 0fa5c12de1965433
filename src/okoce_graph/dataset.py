"""The canonical artifact: an N-Quads dataset, one named graph per article, written
byte-for-byte the same for the same input: the graphs in article-id order, each graph's lines
sorted. Everything else (the Oxigraph store used for queries, exports) is derived from it and
can be rebuilt from it."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import queue
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from .errors import OkoceError
from .vocab import PREFIXES

Quad = tuple[Node, Node, Node, URIRef]
DATASET = "dataset.nq"
STORE = "store"
STORE_STAMP = "dataset.json"

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}
_ESCAPE = re.compile(r'[\\"\n\r]')
_PN_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def _literal(term: Literal) -> str:
    body = '"' + _ESCAPE.sub(lambda m: _ESCAPES[m.group()], str(term)) + '"'
    if term.language:
        return f"{body}@{term.language}"
    if term.datatype and term.datatype != XSD.string:
        return f"{body}^^<{term.datatype}>"
    return body


def nt_term(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        return _literal(term)
    raise OkoceError(f"unexpected RDF term {term!r}: the graph has no blank nodes")


def nquads_lines(quads: Iterable[Quad]) -> list[str]:
    """Sorted, de-duplicated canonical N-Quads lines."""
    return sorted(
        {f"{nt_term(s)} {nt_term(p)} {nt_term(o)} {nt_term(g)} .\n" for s, p, o, g in quads}
    )


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file beside `path`, then rename: readers see old or new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        # mkstemp makes the file private; give it the mode a plain open() would have.
        umask = os.umask(0)
        os.umask(umask)
        tmp.chmod(0o666 & ~umask)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_text(path: Path, text: str) -> None:
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8", newline="\n"))


_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def turtle(lines: list[str]) -> str:
    """Turtle of the union of all graphs, sorted by subject then predicate then object."""
    blocks = _subject_blocks(_parse_lines(lines))
    return "".join([_prefix_header(), *("\n" + block for block in blocks)])


def trig(lines: list[str]) -> str:
    """TriG of the dataset: one `GRAPH <article> { ... }` block per named graph, sorted by graph
    name, each written like `turtle` writes the merged graph."""
    graphs: dict[str, list[tuple[str, str, str]]] = {}
    for s, p, o, g in parse_quads(lines):
        graphs.setdefault(g, []).append((s, p, o))
    prefixes = _longest_first()
    out = [_prefix_header()]
    for g in sorted(graphs):
        blocks = _subject_blocks(graphs[g], indent="    ")
        out.append(f"\nGRAPH {_compact_text(g, prefixes)} {{\n" + "\n".join(blocks) + "}\n")
    return "".join(out)


def _prefix_header() -> str:
    return "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in sorted(PREFIXES.items()))


def _longest_first() -> list[tuple[str, str]]:
    return sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def _compactor() -> Callable[[str], str]:
    """`_compact_text` with the project's prefixes, remembering IRIs and typed literals
    (predicates, classes, datatypes and small numbers recur on most lines)."""
    prefixes = _longest_first()
    seen: dict[str, str] = {}

    def compact(term: str) -> str:
        if term[0] == '"' and "^^<" not in term:
            return term
        text = seen.get(term)
        if text is None:
            text = seen[term] = _compact_text(term, prefixes)
        return text

    return compact


def _subject_blocks(triples: Iterable[tuple[str, str, str]], indent: str = "") -> list[str]:
    """One Turtle block per subject (its predicate-object list), sorted, each ending in a
    newline; every line starts with `indent`."""
    compact = _compactor()
    grouped: dict[str, dict[str, set[str]]] = {}
    for s, p, o in triples:
        grouped.setdefault(s, {}).setdefault(p, set()).add(o)
    blocks = []
    for s in sorted(grouped):
        out = [indent + compact(s) + "\n"]
        predicates = sorted(grouped[s].items())
        for i, (p, objects) in enumerate(predicates):
            p_text = "a" if p == _RDF_TYPE else compact(p)
            o_text = f",\n{indent}        ".join(compact(o) for o in sorted(objects))
            end = " ;" if i < len(predicates) - 1 else " ."
            out.append(f"{indent}    {p_text} {o_text}{end}\n")
        blocks.append("".join(out))
    return blocks


def parse_quads(lines: Iterable[str]) -> Iterator[tuple[str, str, str, str]]:
    """Subject, predicate, object and graph of canonical N-Quads lines (as `nquads_lines`
    writes them: four terms, no blank nodes), each term kept as its N-Triples text."""
    for number, line in enumerate(lines, 1):
        text = line.rstrip("\n")
        s, _, rest = text.partition(" ")
        p, _, rest = rest.partition(" ")
        o, _, g = rest.removesuffix(" .").rpartition(" ")  # IRIs hold no space; literals may
        brackets = s[:1] + s[-1:] + p[:1] + p[-1:] + g[:1] + g[-1:]
        if text.endswith(" .") and o and brackets == "<><><>":
            yield s, p, o, g
        else:
            raise OkoceError(
                f"line {number} of the dataset is not a canonical N-Quads line: "
                f"{text[:80]!r}; rebuild the graph"
            )


def _parse_lines(lines: Iterable[str]) -> Iterator[tuple[str, str, str]]:
    for s, p, o, _ in parse_quads(lines):
        yield s, p, o


def _compact_text(term: str, prefixes: list[tuple[str, str]]) -> str:
    if term.startswith("<"):
        iri = term[1:-1]
        for prefix, base in prefixes:
            if iri.startswith(base) and _PN_LOCAL.fullmatch(iri[len(base) :]):
                return f"{prefix}:{iri[len(base) :]}"
        return term
    if "^^<" in term:
        body, datatype = term.rsplit("^^", 1)
        return body + "^^" + _compact_text(datatype, prefixes)
    return term


Piece = tuple[Path, int, int]  # a byte range of a file: path, offset, length


def write_dataset(out: Path, pieces: list[Piece]) -> str:
    """Write the dataset as the concatenation of `pieces`: byte ranges of the article graphs'
    files (each holding its sorted lines) or of the previous build's dataset (whole runs of
    unchanged articles); return its SHA-256. The kernel copies the bytes while a second thread
    hashes them (both outside the GIL): a one-article rebuild of a large corpus is mostly
    this copy."""
    digest = hashlib.sha256()
    pieces = _coalesce(pieces)

    def hash_pieces() -> None:
        for path, offset, length in pieces:
            with open(path, "rb", buffering=0) as source:
                source.seek(offset)
                while length > 0 and (chunk := source.read(min(length, 1 << 22))):
                    digest.update(chunk)
                    length -= len(chunk)

    def write(tmp: Path) -> None:
        hashing = threading.Thread(target=hash_pieces, name="dataset-hash")
        hashing.start()
        try:
            with open(tmp, "wb", buffering=0) as target:
                for path, offset, length in pieces:
                    with open(path, "rb", buffering=0) as source:
                        _append(source, offset, length, target)
        finally:
            hashing.join()

    atomic_write(out / DATASET, write)
    return digest.hexdigest()


def _coalesce(pieces: list[Piece]) -> list[Piece]:
    """Adjacent ranges of one file as one range."""
    merged: list[Piece] = []
    for path, offset, length in pieces:
        if merged and merged[-1][0] == path and merged[-1][1] + merged[-1][2] == offset:
            merged[-1] = (path, merged[-1][1], merged[-1][2] + length)
        elif length:
            merged.append((path, offset, length))
    return merged


def _append(source: BinaryIO, offset: int, length: int, target: BinaryIO) -> None:
    """Append `length` bytes of `source` from `offset` to `target`, both unbuffered, in the
    kernel where it can."""
    source.seek(offset)
    try:
        while length > 0:
            copied = os.copy_file_range(source.fileno(), target.fileno(), length)
            if not copied:
                break
            length -= copied
    except OSError:  # no copy_file_range here: go on through memory from where it stopped
        while length > 0 and (chunk := source.read(min(length, 1 << 20))):
            target.write(chunk)
            length -= len(chunk)
    if length:
        raise OkoceError(
            f"{source.name}: shorter than its build recorded; delete the build's cache folder "
            "and build again"
        )


def unchanged_since_built(graph_dir: Path) -> bool:
    """Whether the dataset in `graph_dir` is the file its build wrote (its size and time are
    those its store was stamped with)."""
    stamp = _read_stamp(graph_dir / STORE / STORE_STAMP)
    try:
        status = (graph_dir / DATASET).stat()
    except OSError:
        return False
    return (stamp.get("size"), stamp.get("mtime_ns")) == (status.st_size, status.st_mtime_ns)


def dataset_path(graph_dir: Path) -> Path:
    path = graph_dir / DATASET
    if not path.is_file():
        raise OkoceError(
            f"no graph in {graph_dir}: run `okoce-graph build` first (missing {DATASET})"
        )
    return path


_OPEN_STORES: dict[tuple[str, int, int, int], Any] = {}


def open_store(graph_dir: Path):  # type: ignore[no-untyped-def]
    """The Oxigraph store of a built graph, rebuilt from the dataset when missing or stale.

    The store records the size, modification time and SHA-256 of the dataset it was made
    from: an unchanged file is recognised without reading it, a touched one by its hash."""
    import pyoxigraph

    store_dir = graph_dir / STORE
    # The common case, a repeated query on an unchanged graph, costs one stat.
    with contextlib.suppress(OSError):
        status = (graph_dir / DATASET).stat()
        key = (os.path.abspath(store_dir), status.st_ino, status.st_size, status.st_mtime_ns)
        if key in _OPEN_STORES:
            return _OPEN_STORES[key]
    path = dataset_path(graph_dir)
    stamp = _read_stamp(store_dir / STORE_STAMP)
    status = path.stat()
    same_file = stamp.get("size") == status.st_size and stamp.get("mtime_ns") == status.st_mtime_ns
    digest = stamp.get("sha256", "")
    if not same_file:
        digest = _file_sha256(path)
    if same_file or digest == stamp.get("sha256"):
        # One read-only handle per unchanged dataset in a process: reopening costs about
        # 12 ms and starts with cold caches.
        key = (os.path.abspath(store_dir), status.st_ino, status.st_size, status.st_mtime_ns)
        try:
            store = pyoxigraph.Store.read_only(str(store_dir))
        except (OSError, RuntimeError, ValueError):
            pass  # a store from another Oxigraph version or a damaged one: rebuild it
        else:
            if same_file:
                _OPEN_STORES.clear()  # keep only the latest graph open
                _OPEN_STORES[key] = store
            return store
    return _rebuild_store(graph_dir, digest)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _read_stamp(path: Path) -> dict[str, Any]:
    try:
        stamp = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stamp if isinstance(stamp, dict) else {}


def _rebuild_store(graph_dir: Path, digest: str):  # type: ignore[no-untyped-def]
    """Load the whole dataset into a new store."""
    with StoreWriter(graph_dir) as writer:
        writer.add(graph_dir / DATASET)
        return writer.finish(digest)


# Bulk loads of about this size: larger ones hold more in memory and leave more to load after
# the last article is extracted.
_BATCH_BYTES = 16 << 20


class StoreWriter:
    """Makes the store of the dataset being written in `graph_dir`, from the article graph
    files given to `add` as they are produced: a thread bulk-loads them while the build goes
    on, so loading (mostly waiting on the disk) overlaps extraction.

    With `previous`, a build folder whose store was made from the dataset of SHA-256
    `previous_digest`, that store is copied instead (RocksDB hard-links its immutable files),
    the graphs `remove` are dropped from the copy, and only the files added with
    `reused=False` are loaded. `finish` stamps the store with the dataset it holds and moves it
    into place; leaving the `with` block without it discards the store."""

    def __init__(self, graph_dir: Path, previous: Path | None = None, previous_digest: str = "",
                 remove: list[URIRef] | None = None, *, trusted: bool = False) -> None:
        import pyoxigraph

        self.graph_dir = graph_dir
        # Files the build itself just wrote skip the parser's IRI checks (about 12% of the
        # load's CPU); a dataset read back from disk is checked in full.
        self.trusted = trusted
        self.tmp = graph_dir / f".store.{os.getpid()}"
        shutil.rmtree(self.tmp, ignore_errors=True)
        self.error: BaseException | None = None
        self.updating = False
        stamp = _read_stamp(previous / STORE / STORE_STAMP) if previous is not None else {}
        if previous is not None and stamp.get("sha256") == previous_digest:
            try:
                pyoxigraph.Store.read_only(str(previous / STORE)).backup(str(self.tmp))
                self.store = pyoxigraph.Store(str(self.tmp))
                for graph in remove or []:
                    self.store.remove_graph(pyoxigraph.NamedNode(str(graph)))
                self.updating = True
            except (OSError, RuntimeError):
                shutil.rmtree(self.tmp, ignore_errors=True)  # could not copy it: load anew
        if not self.updating:
            self.store = pyoxigraph.Store(str(self.tmp))
        self.queue: queue.SimpleQueue[Path | None] = queue.SimpleQueue()
        self.ended = False
        self.thread = threading.Thread(target=self._load, name="store-loader", daemon=True)
        self.thread.start()

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop()
        if self.tmp.exists():
            self.store = None
            shutil.rmtree(self.tmp, ignore_errors=True)

    def add(self, path: Path, reused: bool = False) -> None:
        """Load the N-Quads file `path`; a `reused` one is already in a copied store."""
        if not (reused and self.updating):
            self.queue.put(path)

    def end_input(self) -> None:
        """No more files. A copied store's few new graphs are loaded and written to disk now,
        before the dataset is: RocksDB's fsync would otherwise wait for the dataset's gigabyte
        too (ext4 writes a file's data out with the journal commit). A full load goes on, and
        is compacted, in the background while the dataset is written."""
        if self.updating:
            self._complete()
        else:
            self._close_queue()

    def _complete(self) -> None:
        """Wait for the loads and write them to disk."""
        self._stop()
        if self.error is not None:
            if isinstance(self.error, SyntaxError):
                raise OkoceError(
                    f"{self.graph_dir / DATASET}: corrupt dataset ({self.error}); rebuild it"
                ) from None
            raise self.error
        self.store.flush()

    def finish(self, digest: str):  # type: ignore[no-untyped-def]
        """Wait for the loads, stamp the store with the dataset's `digest`, size and time, move
        it into `graph_dir`, and return it opened read-only."""
        import pyoxigraph

        self._complete()
        self.store = None
        status = (self.graph_dir / DATASET).stat()
        stamp = {"sha256": digest, "size": status.st_size, "mtime_ns": status.st_mtime_ns}
        (self.tmp / STORE_STAMP).write_text(json.dumps(stamp) + "\n", encoding="utf-8")
        final = self.graph_dir / STORE
        old = self.graph_dir / f".store.old.{os.getpid()}"
        if final.exists():
            os.replace(final, old)
        os.replace(self.tmp, final)
        shutil.rmtree(old, ignore_errors=True)
        return pyoxigraph.Store.read_only(str(final))

    def _close_queue(self) -> None:
        if not self.ended:
            self.ended = True
            self.queue.put(None)

    def _stop(self) -> None:
        if self.thread.is_alive():
            self._close_queue()
            self.thread.join()

    def _load(self) -> None:
        import pyoxigraph

        batch: list[Path] = []
        size = 0
        nquads = pyoxigraph.RdfFormat.N_QUADS
        while True:
            path = self.queue.get()
            if path is not None:
                batch.append(path)
                size += path.stat().st_size
            if batch and (path is None or size >= _BATCH_BYTES):
                try:
                    if self.error is not None:
                        pass  # a load failed: skip the rest, `finish` reports it
                    elif len(batch) == 1:
                        self.store.bulk_load(path=str(batch[0]), format=nquads,
                                             lenient=self.trusted)
                    else:
                        data = b"".join(p.read_bytes() for p in batch)
                        self.store.bulk_load(data, format=nquads, lenient=self.trusted)
                except (SyntaxError, OSError, RuntimeError) as exc:
                    self.error = exc
                batch, size = [], 0
            if path is None:
                if not self.updating and self.error is None:
                    # Compacted now, while the dataset is written: the many files of a batched
                    # load would otherwise stall the first small update of a copy for seconds
                    # (8 s at 4M quads) while RocksDB compacts them.
                    try:
                        self.store.optimize()
                    except (OSError, RuntimeError) as exc:
                        self.error = exc
                return


# Publishing a whole build at once ------------------------------------------------------------

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def staging_folder(out: Path, salvage: Callable[[Path], None] | None = None) -> Path:
    """An empty folder beside `out` to build into; stale ones of killed builds are removed,
    each first handed to `salvage`."""
    out = out.absolute()
    existing = next(p for p in (out, *out.parents) if p.exists())
    if not existing.is_dir():
        raise OkoceError(f"{existing}: exists and is not a folder")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OkoceError(f"{out}: cannot create the output folder ({exc.strerror})") from None
    if out.is_dir() and any(out.iterdir()) and not (out / "manifest.json").is_file():
        raise OkoceError(
            f"{out}: not a build folder (no manifest.json) and not empty; "
            "choose a new or empty folder"
        )
    for stale in out.parent.glob(f".{out.name}.staging-*"):
        pid = stale.name.rsplit("-", 1)[-1]
        if not pid.isdigit() or not _alive(int(pid)):
            if salvage is not None:
                salvage(stale)
            shutil.rmtree(stale, ignore_errors=True)
    staging = out.parent / f".{out.name}.staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir()
    except OSError as exc:
        raise OkoceError(f"{out.parent}: cannot write the output ({exc.strerror})") from None
    return staging


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def publish_folder(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` in one step, so that a reader or a killed build never sees a
    half-written build: an atomic exchange where the system has one (Linux renameat2)."""
    out = out.absolute()
    if not out.exists():
        os.replace(staging, out)
        return
    if _exchange(staging, out):
        shutil.rmtree(staging, ignore_errors=True)  # now holds the previous build
        return
    previous = out.parent / f".{out.name}.previous-{os.getpid()}"
    os.replace(out, previous)
    os.replace(staging, out)
    shutil.rmtree(previous, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return done == 0
