"""A readable card of one entity: what it is, how the articles write it, and every fact about
it with the sentence it comes from.

Lookups bind the name or IRI as a query parameter, so a card costs a few indexed queries, not a
scan of the whole facts table; only an unknown name falls back to comparing every label."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .dataset import open_store
from .errors import OkoceError
from .facts_table import facts_about
from .resolution import normalise
from .sparql import run_query, shorten
from .vocab import PREFIXES

_TYPES = "okg:Person, okg:Organization, okg:Place, okg:Event, okg:Program"
ENTITY = f"""
SELECT DISTINCT ?e ?name ?class
WHERE {{ ?e rdfs:label ?name ; a ?class . FILTER(?class IN ({_TYPES})) }}
"""
WRITTEN_AS = "SELECT DISTINCT ?e ?form WHERE { ?mention oa:exact ?form ; okg:refersTo ?e }"


@dataclass
class Card:
    iri: str
    label: str
    type: str
    written_forms: list[str]
    facts: list[dict[str, Any]]  # facts-table rows with the entity as subject or object


def _entities(graph_dir: Path, store: Any, **bound: Any) -> dict[str, tuple[str, str]]:
    """IRI -> (label, type) of the entities matching the bound variables."""
    import pyoxigraph as ox

    params = {k: ox.NamedNode(v) if k == "e" else v for k, v in bound.items()}
    found: dict[str, tuple[str, str]] = {}
    for iri, name, cls in run_query(graph_dir, ENTITY, params, store=store, timeout=None).values():
        current = found.get(iri)
        if current is None or (len(name), name) > (len(current[0]), current[0]):
            found[iri] = (name, cls.rsplit("#", 1)[-1])  # the fullest label any article gives
    return found


def find_entity(graph_dir: Path, name_or_iri: str, store: Any = None) -> str:
    """The IRI the user means by a name, a written form, a prefixed name or an IRI."""
    store = store if store is not None else open_store(graph_dir)
    wanted = name_or_iri.strip()
    if wanted.startswith("<") and wanted.endswith(">"):
        wanted = wanted[1:-1]
    prefix, _, local = wanted.partition(":")
    if prefix in PREFIXES and not local.startswith("//"):
        wanted = PREFIXES[prefix] + local  # a name as the table prints it: id:person/x
    if wanted.startswith(("http://", "https://")) and _entities(graph_dir, store, e=wanted):
        return wanted
    matches = _entities(graph_dir, store, name=wanted)
    if not matches:
        written = run_query(graph_dir, WRITTEN_AS, {"form": wanted}, store=store, timeout=None)
        for (iri, _) in written.values():
            matches.update(_entities(graph_dir, store, e=iri))
    if not matches:  # the same name in other case or punctuation, or a near miss
        everything = _entities(graph_dir, store)
        key = normalise(wanted)
        matches = {i: v for i, v in everything.items() if normalise(v[0]) == key}
        if not matches:
            labels = sorted({label for label, _ in everything.values()})
            close = difflib.get_close_matches(wanted, labels, n=5, cutoff=0.6)
            hint = f"; close matches: {', '.join(close)}" if close else ""
            raise OkoceError(f"no entity named {name_or_iri!r} in {graph_dir}{hint}")
    if len(matches) > 1:
        options = ", ".join(f"{shorten(i)} ({matches[i][1]})" for i in sorted(matches))
        raise OkoceError(f"{name_or_iri!r} names {len(matches)} entities: {options}; "
                         "give one of these IRIs")
    return next(iter(matches))


def explain(graph_dir: Path | str, name_or_iri: str, store: Any = None) -> Card:
    graph_dir = Path(graph_dir)
    store = store if store is not None else open_store(graph_dir)
    iri = find_entity(graph_dir, name_or_iri, store)
    label, type_ = _entities(graph_dir, store, e=iri)[iri]
    written = run_query(graph_dir, WRITTEN_AS, {"e": _iri(iri)}, store=store, timeout=None)
    forms = sorted({form for _, form in written.values()})
    return Card(iri, label, type_, forms, facts_about(graph_dir, iri, store))


def _iri(value: str) -> Any:
    import pyoxigraph as ox

    return ox.NamedNode(value)


def format_card(card: Card) -> str:
    lines = [f"{card.label} ({card.type})", f"  {shorten(card.iri)}"]
    if card.written_forms:
        lines.append("  written as: " + ", ".join(card.written_forms))
    lines.append("")
    for row in card.facts:
        unit = f" {row['unit']}" if row.get("unit") else ""
        if row["subject_iri"] == card.iri:
            fact = f"{row['kind']}: {row['object']}{unit}"
        else:
            fact = f"{row['kind']} (as object): {row['subject']}"
        lines.append(f"- {' '.join(fact.split())}")
        lines.append(f"    [{row['article']} {row['start']}-{row['end']}] "
                     f"{' '.join(row['evidence'].split())}")
    if not card.facts:
        lines.append("(no facts beyond its mentions)")
    return "\n".join(lines) + "\n"
