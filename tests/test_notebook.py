"""The example notebook (docs/notebooks/plan.ipynb) runs from top to bottom."""

from __future__ import annotations

import pytest

from tests.conftest import REPO_ROOT

NOTEBOOK = REPO_ROOT / "docs" / "notebooks" / "plan.ipynb"


def test_example_notebook_runs() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=180,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell or assertion
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    # The summary displays itself as HTML with its charts; the chart cell gives an image.
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "<svg" in html
    assert "đủ điều kiện: 6" in html
    assert any("image/png" in o.get("data", {}) for o in outputs)
