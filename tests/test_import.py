"""``import khuyencong`` stays light, and its public names resolve."""

from __future__ import annotations

import json
import subprocess
import sys

import khuyencong as kc

HEAVY = [
    "pandas",
    "polars",
    "pyarrow",
    "duckdb",
    "dask",
    "khuyencong.datasets.columnar",
    "openpyxl",
    "click",
    "typer",
    "rich",
    "vietnam_provinces",
    "fastapi",
    "starlette",
    "uvicorn",
    "khuyencong.server",
]


def test_import_loads_no_cli_dataframe_or_geography_library() -> None:
    code = (
        "import json, sys, khuyencong; "
        f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(result.stdout) == []


def test_the_command_line_does_not_load_the_server() -> None:
    code = (
        "import json, sys, khuyencong.cli; khuyencong.cli._parser(); "
        "print(json.dumps([m for m in ('fastapi', 'uvicorn', 'khuyencong.server') if m in sys.modules]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(result.stdout) == []


def test_the_check_above_would_notice_a_heavy_import() -> None:
    # Guard against a vacuous test: the same probe sees a module once it is imported.
    code = "import json, sys, khuyencong, vietnam_provinces; print(json.dumps('vietnam_provinces' in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(result.stdout) is True


def test_public_names_resolve() -> None:
    for name in kc.__all__:
        assert getattr(kc, name) is not None, name
    assert kc.Proposal.__name__ == "Proposal"
    assert kc.Beneficiary.__name__ == "Beneficiary"
    assert issubclass(kc.NotEncodedError, kc.KhuyenCongError)
    assert issubclass(kc.AmountParseError, ValueError)
    assert kc.__version__ == "0.1.0.dev0"
