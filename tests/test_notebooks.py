"""The notebooks in notebooks/ run top to bottom in a fresh kernel, and are committed clean.

Each notebook is executed with a real Jupyter kernel ("python3", from the ipykernel installed
beside the tests) with the repository root as its working directory, as a user would run it.
The graphs it builds go to a temporary folder (OKOCE_GRAPH_NOTEBOOK_OUT), not into build/.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
EXPECTED = {"01_build_and_query.ipynb", "02_network.ipynb", "03_quality.ipynb"}
CELL_TIMEOUT = 120  # seconds per cell


def test_the_notebooks_are_there() -> None:
    assert {path.name for path in NOTEBOOKS} >= EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_is_committed_without_outputs(path: Path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    nbformat.validate(nbformat.from_dict(notebook))
    dirty = [
        f"cell {number} ({cell.get('id', '?')})"
        for number, cell in enumerate(notebook["cells"], 1)
        if cell["cell_type"] == "code"
        and (cell.get("outputs") or cell.get("execution_count") is not None)
    ]
    assert not dirty, f"{path.name}: clear the outputs and execution counts of {', '.join(dirty)}"
    assert notebook["metadata"].get("kernelspec", {}).get("name") == "python3"


@pytest.fixture(scope="module")
def font_cache() -> None:
    """Build matplotlib's font cache here, once: on a fresh machine, building it inside a kernel
    may print "Matplotlib is building the font cache" to the notebook's stderr."""
    import matplotlib.font_manager  # noqa: F401


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
@pytest.mark.usefixtures("font_cache")
def test_notebook_runs(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OKOCE_GRAPH_NOTEBOOK_OUT", str(tmp_path / "graphs"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))  # no user start-up files
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT)}},
    )
    try:
        client.execute()
    except CellExecutionError as exc:
        pytest.fail(f"{path.name} failed:\n{exc}", pytrace=False)
    stderr = [
        output["text"]
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.get("output_type") == "stream" and output.get("name") == "stderr"
    ]
    assert not stderr, f"{path.name} wrote to stderr:\n" + "".join(stderr)
