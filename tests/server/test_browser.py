"""A real browser (Debian's headless Chromium, driven by selenium) uses the page: uploads the
illustrative plan, sees the summary and a finding with its clause, downloads the XLSX report.

Skipped, with the reason shown, where Chromium or its driver is not installed (``.ci/run``
installs them with apt-get when it can).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("uvicorn", reason="the server needs khuyencong[serve]")
pytest.importorskip("selenium", reason="the browser test needs selenium (khuyencong[test])")

from khuyencong.datasets import example_path

from .live import running_server

DRIVER = Path("/usr/bin/chromedriver")
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(
    BROWSER is None or not DRIVER.exists(),
    reason="headless Chromium is not installed (apt-get install chromium chromium-driver)",
)


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with running_server() as url:
        yield url


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(BROWSER)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1600",
        "--lang=vi",
    ):
        options.add_argument(argument)
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(tmp_path),
            "download.prompt_for_download": False,
            "safebrowsing.enabled": False,
        },
    )
    driver = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)
    driver.downloads = tmp_path  # type: ignore[attr-defined]
    try:
        yield driver
    finally:
        driver.quit()


def _wait(condition: Any, timeout: float = 60) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting in the browser")
        time.sleep(0.2)


def test_a_clerk_checks_the_illustrative_plan(base: str, browser: Any) -> None:
    from openpyxl import load_workbook
    from selenium.webdriver.common.by import By

    browser.get(base + "/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Kiểm tra kế hoạch khuyến công"
    # Every control has a label.
    for control in ("file", "as_of", "rulebook", "lang"):
        assert browser.find_element(By.CSS_SELECTOR, f"label[for={control}]").text
    browser.find_element(By.ID, "file").send_keys(str(example_path()))
    browser.find_element(By.ID, "submit").click()
    result = browser.find_element(By.ID, "result")
    _wait(result.is_displayed)
    summary = browser.find_element(By.ID, "summary").text
    assert "Số dòng\n14" in summary  # 16 lines: a title line, the header, 14 data rows
    chart = browser.find_element(By.CSS_SELECTOR, "#chart svg")
    assert chart.get_attribute("role") == "img"
    # Bars are labelled in Vietnamese, not by code.
    assert "demonstration_and_technology" not in chart.text
    assert "Mô hình trình diễn" in chart.text, chart.text
    findings = browser.find_element(By.ID, "rows").text
    clauses = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#rows .clause")]
    assert clauses, findings
    assert any("Điều" in c and "Thông tư" in c for c in clauses), findings
    browser.find_element(By.ID, "download-xlsx").click()
    target = browser.downloads / "khuyencong-report.xlsx"
    _wait(lambda: target.exists() and target.stat().st_size > 0)
    _wait(lambda: not list(browser.downloads.glob("*.crdownload")))
    book = load_workbook(target)
    assert book.sheetnames[0] == "Kết quả"
    assert book.worksheets[0].max_row == 15  # the header and the 14 rows
