"""The HTTP API through FastAPI's test client: the same answers as the Python API, problem
details for every error, the limits, the headers."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server needs khuyencong[serve]")

from fastapi.testclient import TestClient

import khuyencong as kc
from khuyencong.cli import assessment_json
from khuyencong.datasets import example_path
from khuyencong.rulebooks import template
from khuyencong.server import Settings, create_app
from khuyencong.server.upload import size_words

from .helpers import CLEAN_CSV, proposal

PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


@pytest.fixture
def provincial(tmp_path: Path) -> TestClient:
    book = tmp_path / "tinh-mau.toml"
    book.write_text(template(), encoding="utf-8")
    return TestClient(create_app(Settings(rulebooks=(str(tmp_path),))))


def _problem(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["type"] == f"urn:khuyencong:problem:{code}"
    assert body["title"]
    assert body["detail"]
    return body


# ---- assess and explain ------------------------------------------------------------------------


def test_assess_gives_the_python_answer(client: TestClient) -> None:
    body = {"proposal": proposal(), "as_of": "2016-06-01"}
    response = client.post("/assess", json=body)
    assert response.status_code == 200
    document = response.json()
    # Point c: 50 % of 1,200,000,000 = 600,000,000, capped at 200,000,000.
    assert document["status"] == "eligible"
    assert document["support"] == "200000000"
    [line] = document["lines"]
    assert line["citation"]["key"] == "26/2014/TTLT-BTC-BCT:6.2.c"
    expected = assessment_json(
        kc.assess(kc.Proposal.model_validate(proposal()), as_of=date(2016, 6, 1)), "vi"
    )
    assert document == json.loads(json.dumps(expected))


def test_assess_speaks_the_language_asked_for(client: TestClient) -> None:
    body = {"proposal": proposal(), "as_of": "2019-06-01"}
    vi = client.post("/assess", json=body).json()
    en = client.post("/assess", json=body, headers={"Accept-Language": "en-GB,en;q=0.9"}).json()
    assert vi["findings"]
    assert en["findings"]
    for f_vi, f_en in zip(vi["findings"], en["findings"], strict=True):
        assert f_vi["message"] == f_vi["message_vi"]
        assert f_en["message"] == f_en["message_en"]
    # 2019: the machinery level is governed by 28/2018/TT-BTC, not encoded: no amount.
    assert vi["lines"][0]["allowed"] is None
    assert vi["lines"][0]["instruments"] == ["28/2018/TT-BTC"]


def test_explain_is_the_readable_text(client: TestClient) -> None:
    body = {"proposal": proposal(), "as_of": "2016-06-01"}
    vi = client.post("/explain", json=body).json()
    en = client.post("/explain", json=body, headers={"Accept-Language": "en"}).json()
    a = kc.assess(kc.Proposal.model_validate(proposal()), as_of=date(2016, 6, 1))
    assert vi == {
        "lang": "vi",
        "as_of": "2016-06-01",
        "status": "eligible",
        "explanation": a.explain("vi"),
    }
    assert en["explanation"] == a.explain("en")
    assert "Điểm c khoản 2 Điều 6 Thông tư liên tịch 26/2014/TTLT-BTC-BCT" in vi["explanation"]


def test_invalid_proposal_lists_every_problem_by_path(client: TestClient) -> None:
    bad = proposal(plan_year="soon")
    del bad["title"]
    bad["budget_lines"][0]["requested"] = "2000000000"  # more than the cost
    response = client.post("/assess", json={"proposal": bad, "as_of": "2016-06-01"})
    body = _problem(response, 422, "invalid_proposal")
    paths = {e["path"] for e in body["errors"]}
    assert {"proposal.title", "proposal.plan_year"} <= paths
    assert body["detail"].startswith(f"Có {len(body['errors'])} lỗi")
    english = client.post(
        "/assess", json={"proposal": bad, "as_of": "bad"}, headers={"Accept-Language": "en"}
    )
    body = _problem(english, 422, "invalid_proposal")
    assert "as_of" in {e["path"] for e in body["errors"]}
    assert body["title"] == "The proposal is not valid"


def test_rulebooks_are_named_by_id_never_by_path(
    client: TestClient, provincial: TestClient
) -> None:
    local = proposal(funding={"kind": "local", "level": "province", "province": "Tỉnh Mẫu"})
    body = {"proposal": local, "as_of": "2016-06-01", "rulebooks": ["template-province"]}
    _problem(client.post("/assess", json=body), 422, "unknown_rulebook")
    path_body = dict(body, rulebooks=["/etc/passwd"])
    problem = _problem(provincial.post("/assess", json=path_body), 422, "unknown_rulebook")
    assert problem["unknown"] == ["/etc/passwd"]
    ids = [b["id"] for b in provincial.get("/rulebooks").json()]
    assert ids == ["national", "template-province"]
    response = provincial.post("/assess", json=body)
    assert response.status_code == 200, response.text
    codes = {f["code"] for f in response.json()["findings"]}
    assert "illustrative_rulebook" in codes


def test_a_json_body_too_large_is_refused(client: TestClient) -> None:
    response = client.post(
        "/assess",
        content=b"{" + b" " * (3 * 1024 * 1024) + b"}",
        headers={"content-type": "application/json"},
    )
    _problem(response, 413, "upload_too_large")


# ---- check -------------------------------------------------------------------------------------


def test_check_the_example_as_json(client: TestClient) -> None:
    response = client.post("/check", files={"file": ("plan.csv", example_path().read_bytes())})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    report = response.json()
    lines = example_path().read_text(encoding="utf-8-sig").splitlines()
    # Rows in = rows out: every line but the title line and the header.
    assert report["summary"]["rows"] == len(report["rows"]) == len(lines) - 2
    cited = [f for r in report["rows"] for f in r["findings"] if f["citation"]]
    assert cited, "the example has findings that cite their clause"


def test_check_a_clean_file_in_each_format(client: TestClient) -> None:
    params = {"as_of": "2016-06-01"}
    data = CLEAN_CSV.encode()
    report = client.post("/check", params=params, files={"file": ("a.csv", data)}).json()
    [row] = report["rows"]
    assert (row["status"], row["allowed"]) == ("eligible", "35000000")
    text = client.post(
        "/check",
        params={**params, "output": "csv"},
        content=data,
        headers={"content-type": "text/csv"},
    )
    assert text.headers["content-type"] == "text/csv; charset=utf-8"
    [record] = list(csv.DictReader(io.StringIO(text.content.decode("utf-8-sig"))))
    # The Vietnamese CSV: Vietnamese headers and words, the status code kept at the end.
    assert record["Được hỗ trợ"] == "35000000"
    assert (record["Trạng thái"], record["status_code"]) == ("đủ điều kiện", "eligible")
    html = client.post(
        "/check", params={**params, "output": "html"}, files={"file": ("a.csv", data)}
    )
    assert html.headers["content-type"] == "text/html; charset=utf-8"
    assert "sandbox" in html.headers["content-security-policy"]
    assert html.headers["content-disposition"].startswith("attachment")
    xlsx = client.post(
        "/check", params={**params, "output": "xlsx"}, files={"file": ("a.csv", data)}
    )
    assert xlsx.content[:2] == b"PK"
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).worksheets[0]
    header = [c.value for c in sheet[1]]
    assert sheet.cell(2, header.index("Được hỗ trợ") + 1).value == 35_000_000


def test_check_reads_xlsx_and_jsonl_uploads(client: TestClient, tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(CLEAN_CSV)))
    jsonl = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()
    report = client.post(
        "/check", params={"as_of": "2016-06-01"}, files={"file": ("a.jsonl", jsonl)}
    ).json()
    assert report["rows"][0]["allowed"] == "35000000"
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(rows[0]))
    sheet.append(list(rows[0].values()))
    path = tmp_path / "a.xlsx"
    book.save(path)
    report = client.post(
        "/check",
        params={"as_of": "2016-06-01"},
        content=path.read_bytes(),
        headers={"content-type": "application/octet-stream"},
    ).json()
    assert report["rows"][0]["allowed"] == "35000000"


def test_reports_are_the_library_writers_output(client: TestClient, tmp_path: Path) -> None:
    # Formula safety is the report writers' (khuyencong.datasets.Report): the server writes
    # with them and adds nothing of its own, so a cell starting with "=" is whatever they make it.
    evil = CLEAN_CSV.replace("Đề án A", '=HYPERLINK("http://x.invalid")').encode()
    path = tmp_path / "a.csv"
    path.write_bytes(evil)
    response = client.post("/check", params={"output": "csv"}, files={"file": ("a.csv", evil)})
    assert response.content.decode("utf-8-sig") == kc.datasets.validate(path).to_csv()
    from openpyxl import load_workbook

    library = tmp_path / "library.xlsx"
    kc.datasets.validate(path).to_excel(library)
    served = client.post("/check", params={"output": "xlsx"}, files={"file": ("a.csv", evil)})
    ours = load_workbook(io.BytesIO(served.content))
    theirs = load_workbook(library)
    for mine, reference in zip(ours.worksheets, theirs.worksheets, strict=True):
        assert [[(c.value, c.data_type) for c in r] for r in mine.iter_rows()] == [
            [(c.value, c.data_type) for c in r] for r in reference.iter_rows()
        ]


def test_check_problems(client: TestClient) -> None:
    _problem(client.post("/check", content=b""), 400, "no_file")
    _problem(client.post("/check", files={"other": ("a.csv", b"x")}), 400, "no_file")
    _problem(client.post("/check", files={"file": ("a.xls", b"x")}), 415, "unsupported_format")
    _problem(
        client.post("/check", files={"file": ("a.xlsx", b"not a workbook")}),
        422,
        "unreadable_dataset",
    )
    _problem(
        client.post("/check", params={"rulebook": "nope"}, files={"file": ("a.csv", b"x")}),
        422,
        "unknown_rulebook",
    )
    body = _problem(
        client.post("/check", params={"output": "pdf"}, files={"file": ("a.csv", b"x")}),
        422,
        "invalid_request",
    )
    assert body["errors"][0]["path"] == "query.output"


def test_upload_limits_answer_413() -> None:
    small = TestClient(create_app(Settings(max_upload_bytes=1000, max_rows=2)))
    big = b"x" * 5000
    body = _problem(small.post("/check", files={"file": ("a.csv", big)}), 413, "upload_too_large")
    assert body["limit_bytes"] == 1000
    # 1.000 byte is under 1 KB: said in bytes (it read "0 MB (1.000 byte)")
    assert body["detail"] == "Tệp tải lên vượt quá giới hạn 1.000 byte của máy chủ này."
    en = small.post("/check", files={"file": ("a.csv", big)}, headers={"Accept-Language": "en"})
    assert _problem(en, 413, "upload_too_large")["detail"] == (
        "The upload exceeds this server's limit of 1,000 bytes."
    )
    rows = CLEAN_CSV + CLEAN_CSV.splitlines()[1].replace("A,Đề án A", "B,Đề án B") + "\n"
    rows += CLEAN_CSV.splitlines()[1].replace("A,Đề án A", "C,Đề án C") + "\n"
    body = _problem(
        small.post("/check", files={"file": ("a.csv", rows.encode())}), 413, "too_many_rows"
    )
    assert body["limit_rows"] == 2
    ok = small.post("/check", files={"file": ("a.csv", CLEAN_CSV.encode())})
    assert ok.status_code == 200


def test_time_limit_answers_503() -> None:
    slow = TestClient(create_app(Settings(time_limit=0.0)))
    body = _problem(
        slow.post("/check", files={"file": ("a.csv", example_path().read_bytes())}),
        503,
        "time_limit",
    )
    assert body["limit_seconds"] == 0


def test_no_temporary_file_is_left(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    client.post("/check", params={"output": "xlsx"}, files={"file": ("a.csv", CLEAN_CSV.encode())})
    client.post("/check", files={"file": ("a.xls", b"x")})
    client.post("/check", files={"file": ("a.xlsx", b"broken")})
    assert list(tmp_path.iterdir()) == []


# ---- rulebooks, gaps, schema, health, page -----------------------------------------------------


def test_rulebooks_and_catalogue(client: TestClient) -> None:
    books = client.get("/rulebooks").json()
    assert books[0]["id"] == "national"
    assert books[0]["kind"] == "national"
    page = client.get("/rulebooks/national/catalogue")
    assert page.headers["content-type"] == "text/markdown; charset=utf-8"
    assert "Điểm h khoản 2 Điều 6 Thông tư liên tịch 26/2014/TTLT-BTC-BCT" in page.text
    _problem(client.get("/rulebooks/nope/catalogue"), 404, "unknown_rulebook")


def test_gaps_on_a_date(client: TestClient) -> None:
    # 2026: TTLT 26/2014 was replaced by TT 28/2018/TT-BTC on 11/05/2018, whose level for a
    # brand is not known here; TT 36/2013's procedures were replaced by TT 17/2018/TT-BCT.
    body = client.get("/gaps", params={"as_of": "2026-06-01"}).json()
    assert body["as_of"] == "2026-06-01"
    by_code = {g["code"]: g for g in body["gaps"]}
    assert by_code["support.brand"]["instrument"] == "28/2018/TT-BTC"
    assert any(g["instrument"] == "17/2018/TT-BCT" for g in body["gaps"])
    # 2016: everything the 2014 texts decide is known.
    assert client.get("/gaps", params={"as_of": "2016-06-01"}).json()["gaps"] == []
    english = client.get(
        "/gaps", params={"as_of": "2026-06-01"}, headers={"Accept-Language": "en"}
    ).json()
    assert {g["code"]: g for g in english["gaps"]}["support.brand"]["reason_text"] != (
        by_code["support.brand"]["reason_text"]
    )
    _problem(
        client.get("/gaps", params={"as_of": "2026-06-01", "rulebook": "nope"}),
        422,
        "unknown_rulebook",
    )


def test_schema_and_health(client: TestClient) -> None:
    from khuyencong.schemas.jsonschema import generate

    assert client.get("/schema/Proposal").json() == generate()["Proposal"]
    _problem(client.get("/schema/Nope"), 404, "unknown_model")
    assert client.get("/health").json() == {
        "status": "ok",
        "version": kc.__version__,
        "rulebooks": ["national"],
    }


def test_errors_are_problem_details_in_both_languages(client: TestClient) -> None:
    vi = _problem(client.get("/nowhere"), 404, "not_found")
    en = _problem(client.get("/nowhere", headers={"Accept-Language": "en-US"}), 404, "not_found")
    assert (vi["title"], en["title"]) == ("Không tìm thấy", "Not found")
    fr = _problem(
        client.get("/nowhere", headers={"Accept-Language": "fr, en;q=0.5"}), 404, "not_found"
    )
    assert fr["title"] == "Not found"
    _problem(client.get("/assess"), 405, "method_not_allowed")


def test_page_and_its_headers(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "http" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert '<html lang="vi">' in page.text
    for asset in ("/static/app.js", "/static/style.css"):
        assert client.get(asset).status_code == 200
        assert asset in page.text
    assert "http://" not in page.text
    assert "https://" not in page.text
    assert "https://" not in client.get("/static/app.js").text.replace(
        "http://www.w3.org/2000/svg", ""
    )
    _problem(client.get("/static/../settings.py"), 404, "not_found")
    _problem(client.get("/static/index.html"), 404, "not_found")


def test_cors_is_off_unless_configured(client: TestClient) -> None:
    origin = {"Origin": "https://other.invalid"}
    assert "access-control-allow-origin" not in client.get("/health", headers=origin).headers
    allowed = TestClient(create_app(Settings(cors_origins=("https://other.invalid",))))
    response = allowed.get("/health", headers=origin)
    assert response.headers["access-control-allow-origin"] == "https://other.invalid"


def test_server_settings_travel_through_the_environment() -> None:
    settings = Settings(max_rows=7, cors_origins=("https://a.invalid",), rulebooks=("x.toml",))
    from khuyencong.server.settings import ENV_VAR

    assert Settings.from_env({ENV_VAR: settings.to_env()}) == settings
    assert Settings.from_env({}) == Settings()


def test_a_chunked_json_body_too_large_is_refused(client: TestClient) -> None:
    def chunks() -> Any:
        for _ in range(40):
            yield b" " * 100_000

    response = client.post(
        "/assess", content=chunks(), headers={"content-type": "application/json"}
    )
    _problem(response, 413, "upload_too_large")


def test_labels_of_the_report_codes(client: TestClient) -> None:
    labels = client.get("/labels").json()
    assert set(labels) == {"content", "funding"}
    assert labels["funding"]["national"]["vi"] == kc.FundingSourceKind("national").label("vi")
    assert set(labels["content"]) == {m.value for m in kc.ActivityContent}


def test_assess_past_the_time_limit_answers_503() -> None:
    slow = TestClient(create_app(Settings(time_limit=0.0)))
    body = {"proposal": proposal(), "as_of": "2016-06-01"}
    _problem(slow.post("/assess", json=body), 503, "time_limit")
    _problem(slow.post("/explain", json=body, headers={"Accept-Language": "en"}), 503, "time_limit")


def test_a_check_stops_at_its_deadline(tmp_path: Path) -> None:
    import time

    from khuyencong.server.checking import TimeUp, run_check

    path = tmp_path / "plan.csv"
    path.write_bytes(example_path().read_bytes())
    options: dict[str, Any] = {"as_of": None, "rulebooks": None, "output": "json", "lang": "vi"}
    with pytest.raises(TimeUp):
        run_check(path, max_rows=1000, deadline=time.monotonic() - 1, **options)
    report = run_check(path, max_rows=1000, deadline=time.monotonic() + 600, **options)
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["rows"] == 14


def test_the_server_paths_stay_private(client: TestClient) -> None:
    broken = _problem(
        client.post("/check", files={"file": ("ke-hoach.xlsx", b"not a workbook")}),
        422,
        "unreadable_dataset",
    )
    assert "ke-hoach.xlsx" in broken["detail"]
    assert "khuyencong-check" not in broken["detail"]
    report = client.post(
        "/check", files={"file": ("C:\\Users\\a\\ke-hoach.csv", CLEAN_CSV.encode())}
    )
    assert report.json()["summary"]["source"] == "ke-hoach.csv"
    html = client.post(
        "/check",
        params={"output": "html"},
        content=CLEAN_CSV.encode(),
        headers={"content-type": "text/csv"},
    )
    assert "khuyencong-check" not in html.text


def test_check_with_a_provincial_rulebook_by_id(provincial: TestClient) -> None:
    local = CLEAN_CSV.replace(",KCQG,Hà Nam,", ",KCĐP,Tỉnh Mẫu,").replace(
        "Kinh phí KCQG", "Kinh phí KCĐP"
    )
    upload = {"file": ("local.csv", local.encode())}
    params: dict[str, Any] = {"as_of": "2016-06-01"}
    without = provincial.post("/check", params=params, files=upload).json()
    assert without["rows"][0]["allowed"] is None  # the province's levels are not known
    report = provincial.post(
        "/check", params={**params, "rulebook": "template-province"}, files=upload
    ).json()
    # The template's brand level (illustrative): 50 % of 80,000,000 = 40,000,000, at most
    # 20,000,000.
    assert report["rows"][0]["allowed"] == "20000000"
    codes = {f["code"] for f in report["rows"][0]["findings"]}
    assert "illustrative_rulebook" in codes


@pytest.mark.parametrize(
    ("limit", "vi", "en"),
    [
        (1, "1 byte", "1 byte"),
        (1000, "1.000 byte", "1,000 bytes"),
        (1536, "1,5 KB (1.536 byte)", "1.5 KB (1,536 bytes)"),  # 1536 / 1024 = 1.5
        (1024 * 1024, "1 MB (1.048.576 byte)", "1 MB (1,048,576 bytes)"),
        (50 * 1024 * 1024, "50 MB (52.428.800 byte)", "50 MB (52,428,800 bytes)"),  # the default
    ],
)
def test_an_upload_limit_reads_in_bytes_kb_or_mb(limit: int, vi: str, en: str) -> None:
    words = size_words(limit)
    assert (words.message("vi"), words.message("en")) == (vi, en)
