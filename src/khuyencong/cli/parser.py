"""The argument parser, its help in Vietnamese or English (``--lang``, else the locale)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    pass
from .common import _parse_as_of, _positive_count, _UsageError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: error: {message}")


class _Formatter(argparse.HelpFormatter):
    """argparse's help with the "usage:" heading in the chosen language."""

    usage_prefix = "usage: "

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix or self.usage_prefix)


def _formatter(lang: str) -> type[argparse.HelpFormatter]:
    class Formatter(_Formatter):
        usage_prefix = "Cách dùng: " if lang == "vi" else "usage: "

    return Formatter


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("khuyencong")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        from .. import __version__

        return __version__


def _parser(lang: str = "vi") -> argparse.ArgumentParser:
    """The argument parser, its help texts in ``lang`` ("vi" or "en")."""
    vi = lang == "vi"

    def t(vi_text: str, en_text: str) -> str:
        return vi_text if vi else en_text

    formatter = _formatter(lang)

    def localise(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser._positionals.title = t("tham số", "positional arguments")
        parser._optionals.title = t("tuỳ chọn", "options")
        parser.add_argument(
            "-h", "--help", action="help", help=t("in hướng dẫn này", "show this help and exit")
        )
        return parser

    parser = localise(
        _Parser(
            prog="khuyencong",
            add_help=False,
            formatter_class=formatter,
            description=t(
                "Khuyến công: kiểm tra bảng dữ liệu đề án, đánh giá và giải thích một đề án, "
                "kiểm tra và so sánh bộ quy tắc, in lược đồ JSON.",
                "Khuyến công (industrial extension) proposals: check datasets, assess and "
                "explain proposals, check and compare rulebooks, print schemas.",
            ),
        )
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"khuyencong {_version()}",
        help=t("in số phiên bản", "show the version and exit"),
    )
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        help=t(
            "ngôn ngữ (mặc định: theo LANG/LC_ALL, nếu không thì tiếng Việt)",
            "language (default: from LANG/LC_ALL, else Vietnamese)",
        ),
    )
    sub = parser.add_subparsers(
        dest="command", required=True, title=t("lệnh", "commands"), metavar="COMMAND"
    )

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return localise(
            sub.add_parser(
                name,
                help=help_text,
                description=help_text,
                add_help=False,
                formatter_class=formatter,
            )
        )

    def lang_option(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--lang",
            choices=("vi", "en"),
            default=argparse.SUPPRESS,
            help=t("ngôn ngữ của kết quả (vi, en)", "language of the output (vi, en)"),
        )

    check = command(
        "check",
        t("kiểm tra một tệp CSV/XLSX/JSONL các đề án", "check a CSV/XLSX/JSONL file of proposals"),
    )
    check.add_argument(
        "file",
        nargs="?",
        help=t(
            "tệp cần kiểm tra ('-' đọc từ đầu vào chuẩn)",
            "the file to check ('-' reads standard input)",
        ),
    )
    check.add_argument(
        "--input-format",
        choices=("csv", "xlsx", "jsonl"),
        help=t(
            "định dạng tệp vào (mặc định: theo tên tệp; với '-': xlsx nếu là tệp zip, "
            "không thì csv)",
            "format of the input (default: from the file name; for '-', xlsx when it is a "
            "zip, else csv)",
        ),
    )
    check.add_argument(
        "--example",
        nargs="?",
        const="tidy",
        choices=("tidy", "mau-2"),
        help=t(
            "kiểm tra một tệp minh hoạ có sẵn: tidy (mặc định) hoặc mau-2 (bảng kế hoạch "
            "theo Mẫu số 2 TT 36/2013)",
            "check an embedded illustrative file: tidy (default) or mau-2 (a plan table "
            "laid out like Mẫu số 2 TT 36/2013)",
        ),
    )
    check.add_argument(
        "--layout",
        type=Path,
        help=t(
            "bố cục bảng của tỉnh (TOML): cột, đơn vị, mục",
            "a province's table layout (TOML): columns, unit, sections",
        ),
    )
    check.add_argument(
        "--as-of", type=_parse_as_of, help=t("ngày áp dụng quy định", "date the rules are read at")
    )
    check.add_argument(
        "--rulebook",
        type=Path,
        help=t("bộ quy tắc của tỉnh (TOML)", "a province's rulebook (TOML)"),
    )
    check.add_argument(
        "--format",
        choices=("table", "csv", "xlsx", "json", "html"),
        default="table",
        help=t("định dạng báo cáo (mặc định: table)", "format of the report (default: table)"),
    )
    check.add_argument(
        "--output", "-o", type=Path, help=t("ghi báo cáo vào tệp này", "write the report here")
    )
    lang_option(check)
    check.add_argument(
        "--sheet",
        help=t(
            "trang tính của tệp .xlsx (mặc định: trang đầu)",
            "worksheet of an .xlsx file (default: the first)",
        ),
    )
    check.add_argument(
        "--workers",
        type=_positive_count,
        default=1,
        help=t(
            "không còn dùng, bị bỏ qua: mọi dòng được kiểm tra trong một tiến trình (xem "
            "docs/performance.md về Dask)",
            "deprecated and ignored: every row is checked in one process (see "
            "docs/performance.md for Dask)",
        ),
    )

    assess = command(
        "assess",
        t(
            "đánh giá một đề án (tệp JSON, '-' đọc từ đầu vào chuẩn)",
            "assess one proposal (a JSON file, '-' for stdin)",
        ),
    )
    explain = command(
        "explain",
        t("giải thích kết quả đánh giá một đề án", "explain the assessment of one proposal"),
    )
    for one in (assess, explain):
        one.add_argument(
            "proposal",
            help=t(
                "một đề án (Proposal) dạng JSON ('-' đọc đầu vào chuẩn)",
                "a Proposal as JSON ('-' reads stdin)",
            ),
        )
        one.add_argument(
            "--as-of",
            type=_parse_as_of,
            help=t(
                "ngày áp dụng quy định (mặc định: ngày phê duyệt, không thì ngày bắt đầu, "
                "không thì 1/1 của năm kế hoạch)",
                "date the rules are read at (default: approval date, else start date, "
                "else 1 January of the plan year)",
            ),
        )
        one.add_argument(
            "--rulebook",
            type=Path,
            help=t("bộ quy tắc của tỉnh (TOML)", "a province's rulebook (TOML)"),
        )
        lang_option(one)
    assess.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=t("định dạng kết quả", "format of the output"),
    )

    command(
        "schema",
        t("in lược đồ JSON (JSON Schema) của một đề án", "print the JSON Schema of a Proposal"),
    )

    rulebook = command(
        "rulebook",
        t("kiểm tra, so sánh hoặc lập một bộ quy tắc", "check, compare or start a rulebook"),
    )
    actions = rulebook.add_subparsers(
        dest="action", required=True, title=t("thao tác", "actions"), metavar="ACTION"
    )

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        return localise(
            actions.add_parser(
                name,
                help=help_text,
                description=help_text,
                add_help=False,
                formatter_class=formatter,
            )
        )

    rb_check = action(
        "check",
        t(
            "liệt kê mọi lỗi của một tệp bộ quy tắc (văn bản sửa đổi cấp quốc gia: đưa cùng nhau)",
            "list every problem of a rulebook file (national amendments: give them together)",
        ),
    )
    rb_check.add_argument("file", type=Path)
    rb_check.add_argument(
        "more",
        type=Path,
        nargs="*",
        help=t("thêm bộ quy tắc sửa đổi cấp quốc gia", "more national amendment rulebooks"),
    )
    rb_diff = action(
        "diff",
        t(
            "khác biệt giữa hai ngày (YYYY-MM-DD) hoặc hai tệp bộ quy tắc",
            "what differs between two dates (YYYY-MM-DD) or two rulebook files",
        ),
    )
    rb_diff.add_argument(
        "a",
        help=t("một ngày hoặc một tệp bộ quy tắc", "a date (built-in rulebook) or a rulebook file"),
    )
    rb_diff.add_argument(
        "b",
        help=t("một ngày hoặc một tệp bộ quy tắc", "a date (built-in rulebook) or a rulebook file"),
    )
    rb_diff.add_argument(
        "--as-of",
        type=_parse_as_of,
        help=t("ngày so sánh hai tệp", "the date two files are compared at"),
    )
    lang_option(rb_diff)
    rb_diff.add_argument(
        "--rulebook",
        type=Path,
        action="append",
        default=[],
        help=t(
            "bộ quy tắc sửa đổi cấp quốc gia nạp trước khi so sánh hai ngày (lặp lại được)",
            "a national amendment rulebook to load before comparing two dates (repeatable)",
        ),
    )
    rb_gaps = action(
        "gaps",
        t(
            "những gì bộ quy tắc chưa biết vào một ngày, và văn bản sửa đổi bổ sung gì",
            "what the rulebooks do not know on a date, and what amendments fill",
        ),
    )
    rb_gaps.add_argument(
        "--as-of",
        type=_parse_as_of,
        required=True,
        help=t("ngày (YYYY-MM-DD)", "the date (YYYY-MM-DD)"),
    )
    rb_gaps.add_argument(
        "--rulebook",
        type=Path,
        action="append",
        default=[],
        help=t(
            "bộ quy tắc sửa đổi cấp quốc gia hoặc của tỉnh (lặp lại được)",
            "a national amendment rulebook or a province's overlay (repeatable)",
        ),
    )
    rb_gaps.add_argument("--format", choices=("table", "json"), default="table")
    lang_option(rb_gaps)
    rb_template = action(
        "template",
        t(
            "in mẫu bộ quy tắc của tỉnh có chú thích, hoặc khung một văn bản sửa đổi",
            "print the documented provincial template, or a national amendment skeleton",
        ),
    )
    rb_template.add_argument(
        "--instrument",
        help=t(
            "khung bộ quy tắc sửa đổi cho văn bản này (vd. 28/2018/TT-BTC)",
            "the skeleton of a national amendment rulebook for this instrument "
            "(e.g. 28/2018/TT-BTC)",
        ),
    )
    rb_template.add_argument(
        "--example",
        action="store_true",
        help=t(
            "bộ quy tắc sửa đổi minh hoạ (số liệu GIẢ ĐỊNH)",
            "the illustrative national amendment rulebook (INVENTED figures)",
        ),
    )
    _serve_parser(
        command(
            "serve",
            t(
                "chạy API HTTP và trang web (cần khuyencong[serve])",
                "run the HTTP API and the web page (needs khuyencong[serve])",
            ),
        ),
        t,
    )
    return parser


def _serve_parser(serve: argparse.ArgumentParser, t: Any) -> None:
    serve.add_argument(
        "--host", default="127.0.0.1", help=t("địa chỉ lắng nghe", "address to listen on")
    )
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--workers",
        type=_positive_count,
        default=1,
        help=t("số tiến trình uvicorn", "uvicorn processes"),
    )
    serve.add_argument(
        "--rulebook",
        action="append",
        default=[],
        metavar="FILE_OR_DIR",
        help=t(
            "bộ quy tắc của tỉnh hoặc sửa đổi (TOML), hoặc một thư mục (lặp lại được)",
            "a provincial or amendment rulebook (TOML), or a directory of them, offered to "
            "requests by id (repeatable)",
        ),
    )
    serve.add_argument(
        "--max-upload-mb",
        type=float,
        default=50.0,
        help=t("tệp tải lên lớn nhất (MB)", "largest upload"),
    )
    serve.add_argument("--max-rows", type=_positive_count, default=200_000)
    serve.add_argument(
        "--time-limit",
        type=float,
        default=120.0,
        help=t("số giây cho mỗi yêu cầu", "seconds per request"),
    )
    serve.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        help=t("cho phép nguồn (origin) này (lặp lại được)", "allow this origin (repeatable)"),
    )


def _chosen_lang(argv: Sequence[str]) -> str:
    """The language asked for with ``--lang`` anywhere on the line, else the locale's."""
    from .terminal import default_lang

    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
            if value in ("vi", "en"):
                return value
        elif arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("vi", "en"):
            return argv[i + 1]
    return default_lang()
