"""The Python API: every public name is a function, also after its module has been imported,
and graph folders may be given as strings."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import okoce_graph


def test_public_names_stay_functions_after_every_module_is_imported() -> None:
    for module in pkgutil.walk_packages(okoce_graph.__path__, "okoce_graph."):
        if not module.name.endswith("__main__"):  # that one runs the command line
            importlib.import_module(module.name)
    for name in set(okoce_graph.__all__) - {"OkoceError", "__version__"}:
        value = getattr(okoce_graph, name)
        assert callable(value) and not isinstance(value, type(okoce_graph)), name


def test_graph_folders_as_strings(seed_graph: Path) -> None:
    folder = str(seed_graph)
    assert okoce_graph.facts(folder)
    assert okoce_graph.network(folder).number_of_nodes() == 17
    assert okoce_graph.explain(folder, "Iim").label == "Iim Rusyamsi"
    assert okoce_graph.validate(folder).conforms
    gold = okoce_graph.load_gold([Path(__file__).resolve().parent.parent / "data" / "gold"])
    assert okoce_graph.evaluate(gold, folder).scores
