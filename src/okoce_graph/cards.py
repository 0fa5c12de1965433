"""A readable card of one entity: what it is, how the articles write it, and every fact about
it with the sentence it comes from."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import OkoceError
from .facts_table import facts
from .resolution import normalise
from .sparql import select, shorten
from .vocab import PREFIXES

WRITTEN = """
SELECT DISTINCT ?iri ?form WHERE { GRAPH ?g { ?m okg:refersTo ?iri ; oa:exact ?form } }
"""


@dataclass
class Card:
    iri: str
    label: str
    type: str
    written_forms: list[str]
    facts: list[dict[str, Any]]  # facts-table rows with the entity as subject or object


def find_entity(graph_dir: Path, name_or_iri: str, store: Any = None) -> tuple[str, list[dict]]:
    """The IRI the user means, and the facts table it was found in."""
    rows = facts(graph_dir, store)
    entities = {r["subject_iri"]: r for r in rows if r["kind"] == "entity"}
    wanted = name_or_iri.strip()
    if wanted.startswith("<") and wanted.endswith(">"):
        wanted = wanted[1:-1]
    prefix, _, local = wanted.partition(":")
    if prefix in PREFIXES and not local.startswith("//"):
        wanted = PREFIXES[prefix] + local  # a name as the table prints it: id:person/x
    if wanted in entities:
        return wanted, rows
    key = normalise(wanted)
    forms: dict[str, set[str]] = {}
    for iri, form in select(graph_dir, WRITTEN, store).values():
        forms.setdefault(iri, set()).add(normalise(form))
    matches = sorted(iri for iri, row in entities.items()
                     if normalise(row["subject"]) == key or key in forms.get(iri, ()))
    if len(matches) == 1:
        return matches[0], rows
    if matches:
        options = ", ".join(f"{shorten(i)} ({entities[i]['object']})" for i in matches)
        raise OkoceError(f"{name_or_iri!r} names {len(matches)} entities: {options}; "
                         "give one of these IRIs")
    labels = {row["subject"]: iri for iri, row in entities.items()}
    close = difflib.get_close_matches(wanted, list(labels), n=5, cutoff=0.6)
    hint = f"; close matches: {', '.join(close)}" if close else ""
    raise OkoceError(f"no entity named {name_or_iri!r} in {graph_dir}{hint}")


def explain(graph_dir: Path | str, name_or_iri: str, store: Any = None) -> Card:
    graph_dir = Path(graph_dir)
    iri, rows = find_entity(graph_dir, name_or_iri, store)
    entity = next(r for r in rows if r["kind"] == "entity" and r["subject_iri"] == iri)
    written = sorted({form for i, form in select(graph_dir, WRITTEN, store).values() if i == iri})
    related = [r for r in rows if r["kind"] != "entity"
               and (r["subject_iri"] == iri or r["object_iri"] == iri)]
    return Card(iri, entity["subject"], entity["object"], written, related)


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
