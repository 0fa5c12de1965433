"""okoce-graph: knowledge graphs from Indonesian news articles.

    import okoce_graph as og
    og.build(["data/articles"], Path("build"))
    og.query("SELECT ?name WHERE { ?p a okg:Person ; rdfs:label ?name }", "build")
    og.explain("build", "Rina Lestari")

The public functions are loaded on first use so that `import okoce_graph` (and the command
line's start-up) stays fast. No module is named like a public function, so importing a module
never hides the function of the same name.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from .errors import OkoceError

__version__ = "0.1.0"

_PUBLIC = {
    "build": "pipeline",
    "process": "pipeline",
    "read_article": "article",
    "resolve": "resolution",
    "facts": "facts_table",
    "query": "api",
    "query_df": "api",
    "named_queries": "sparql",
    "explain": "cards",
    "format_card": "cards",
    "network": "analysis",
    "select_subgraph": "analysis",
    "stats": "analysis",
    "shortest_path": "analysis",
    "evaluate": "scoring",
    "load_gold": "scoring",
    "format_scores": "scoring",
    "validate": "shacl",
    "push": "remote",
    "start_server": "remote",
    "render_html": "viz",
    "display_notebook": "viz",
}
__all__ = ["OkoceError", "__version__", *sorted(_PUBLIC)]


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(f".{_PUBLIC[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
