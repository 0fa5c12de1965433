"""The facts table: one row per fact, computed from the built graph with SPARQL.

The table is a public contract (see the README): users curate the graph from it and the
evaluation compares it with gold sets of the same shape.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from .dataset import open_store
from .extract.model import HEADLINE_MENTION, TITLE_REGION
from .mapping import PREDICATES
from .sparql import run_query, select

FIELDS = (
    "kind",
    "subject",
    "object",
    "unit",
    "article",
    "evidence",
    "start",
    "end",
    "subject_iri",
    "object_iri",
)
_KIND_VALUES = " ".join(f'(<{iri}> "{kind}")' for kind, iri in sorted(PREDICATES.items()))
_ENTITY_TYPES = " ".join(
    f'(okg:{name} "{name}")' for name in ("Person", "Organization", "Place", "Event", "Program")
)

# The VALUES first and no class test: this shape is twice as fast on Oxigraph at 1M quads.
STATEMENTS = f"""
SELECT ?kind ?subject ?object ?unit ?article ?evidence ?start ?end ?subject_iri ?object_iri ?o
WHERE {{
  VALUES (?p ?kind) {{ {_KIND_VALUES} }}
  GRAPH ?g {{
    ?statement rdf:predicate ?p ; rdf:subject ?subject_iri ; rdf:object ?o ; okg:evidence ?span .
    ?span oa:start ?start ; oa:end ?end ; oa:exact ?evidence .
    ?subject_iri rdfs:label ?subject .
    OPTIONAL {{ ?o rdfs:label ?object_label }}
    OPTIONAL {{ ?o schema:text ?quote }}
    OPTIONAL {{ ?o schema:value ?value ; schema:unitText ?unit }}
  }}
  ?g schema:identifier ?article .
  BIND(COALESCE(?object_label, ?quote, STR(?value), STR(?o)) AS ?object)
  BIND(IF(isIRI(?o), STR(?o), "") AS ?object_iri)
}}
"""


# Mentions that do not make an entity of the article on their own: a region read inside a post's
# title ("Gubernur Jawa Tengah") belongs to the post, and the headline only repeats the body.
_PART_OF_A_TITLE = " ".join(f'"{reason}"' for reason in (TITLE_REGION, HEADLINE_MENTION))

# An entity named only as a part of other facts has no row of its own: a region named only inside
# titles (it stays in the graph as the post's region), and a former name of which nothing else is
# said (it stays as the subject of its rename).
_NAMED_ON_ITS_OWN = f"""
  FILTER EXISTS {{
    GRAPH ?g {{
      ?own okg:refersTo ?subject_iri .
      FILTER NOT EXISTS {{ ?own okg:typedBy ?by . VALUES ?by {{ {_PART_OF_A_TITLE} }} }}
    }}
  }}
  FILTER NOT EXISTS {{
    GRAPH ?g {{
      ?subject_iri okg:renamedTo ?new_name .
      FILTER NOT EXISTS {{
        ?other rdf:subject|rdf:object ?subject_iri ; rdf:predicate ?said .
        FILTER(?said != okg:renamedTo)
      }}
    }}
  }}
"""

# An entity's row cites the sentence of its first mention in each article.
_ENTITIES = """
SELECT ?kind ?subject ?object ?article ?evidence ?start ?end ?subject_iri
WHERE {{
  {{
    SELECT ?g ?subject_iri (MIN(?offset) AS ?first)
    WHERE {{ GRAPH ?g {{ ?mention okg:refersTo ?subject_iri ; oa:start ?offset }} }}
    GROUP BY ?g ?subject_iri
  }}
  {filters}
  GRAPH ?g {{
    ?subject_iri a ?class ; rdfs:label ?subject .
    ?g schema:identifier ?article .
    ?mention okg:refersTo ?subject_iri ; oa:start ?first ; prov:wasDerivedFrom ?sentence .
    ?sentence oa:start ?start ; oa:end ?end ; oa:exact ?evidence .
  }}
  VALUES (?class ?object) {{ {types} }}
  BIND("entity" AS ?kind)
}}
"""
ENTITIES = _ENTITIES.format(filters=_NAMED_ON_ITS_OWN, types=_ENTITY_TYPES)
# Every entity, for views of the graph itself (the network) rather than of the article's facts.
ALL_ENTITIES = _ENTITIES.format(filters="", types=_ENTITY_TYPES)


def facts(
    graph_dir: Path | str, store: Any = None, every_entity: bool = False
) -> list[dict[str, Any]]:
    """Every fact of the built graph as a row of the facts table, in a stable order.
    `every_entity`: an entity row also for the entities named only as parts of other facts."""
    graph_dir = Path(graph_dir)
    store = store if store is not None else open_store(graph_dir)
    entities = ALL_ENTITIES if every_entity else ENTITIES
    rows = select(graph_dir, STATEMENTS, store).dicts() + select(graph_dir, entities, store).dicts()
    return _in_order(rows)


def facts_about(graph_dir: Path | str, iri: str, store: Any = None) -> list[dict[str, Any]]:
    """The facts with the entity `iri` as subject or object (no entity rows), found by binding
    it rather than by reading the whole table."""
    import pyoxigraph as ox

    graph_dir = Path(graph_dir)
    store = store if store is not None else open_store(graph_dir)
    rows = []
    for variable in ("subject_iri", "o"):
        result = run_query(graph_dir, STATEMENTS, {variable: ox.NamedNode(iri)}, store=store,
                           timeout=None)
        rows += result.dicts()
    unique = {tuple(sorted((k, str(v)) for k, v in row.items())): row for row in rows}
    return _in_order(list(unique.values()))


def _in_order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Query rows as facts-table rows, in a stable order."""
    table = [{name: _plain(row.get(name)) for name in FIELDS} for row in rows]
    # The whole row breaks ties: the engine's row order is not part of the contract.
    table.sort(key=lambda r: (r["article"], r["start"], r["end"], r["kind"], r["subject"],
                              r["object"], r["unit"], r["evidence"], r["subject_iri"],
                              r["object_iri"]))
    return table


def _plain(value: Any) -> Any:
    return "" if value is None else value


def format_facts(rows: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "jsonl":
        return "".join(json.dumps(_jsonl_row(r), ensure_ascii=False) + "\n" for r in rows)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()
    return _table(rows)


def _jsonl_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in FIELDS if k != "unit" or row["kind"] == "quantity"}


def _table(rows: list[dict[str, Any]], width: int = 48) -> str:
    columns = ("kind", "subject", "object", "article", "start", "end")

    def cell(value: Any) -> str:
        text = " ".join(str(value).split())
        return text if len(text) <= width else text[: width - 1] + "…"

    cells = [[cell(r[c]) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    return "\n".join(lines) + "\n"
