"""The README's Python example runs and prints what its comments say; its commands are the CI's."""

from __future__ import annotations

import contextlib
import io
import re

from .conftest import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def test_the_python_example_runs() -> None:
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)
    assert len(blocks) == 1
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(blocks[0], "README.md", "exec"), {})
    assert out.getvalue().splitlines() == [
        # 50 % of 70,000,000 = 35,000,000 = the cap of 35,000,000 per brand (TTLT 26/2014 6.2.h)
        "eligible 35000000",
        "Điểm h khoản 2 Điều 6 Thông tư liên tịch 26/2014/TTLT-BTC-BCT",
    ]


def test_the_second_command_is_what_ci_runs() -> None:
    commands = re.findall(r"```sh\n\s*(.*?)\n\s*```", README, flags=re.DOTALL)
    assert len(commands) == 2
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci
