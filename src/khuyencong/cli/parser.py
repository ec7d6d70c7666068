"""The argument parser, its help in Vietnamese or English (``--lang``, else the locale)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from ..l10n.catalog import plural_template, render
from .common import _ARGS_LANG, _parse_as_of, _positive_count, _UsageError

_ARGPARSE: dict[str, tuple[str, dict[str, str]]] = {
    # argparse's own message (its gettext msgid): the catalogue key, and how each named
    # placeholder of the catalogue text is written in argparse's template
    "usage: ": ("cli.usage", {}),
    "the following arguments are required: %s": ("argparse.required", {"args": "%s"}),
    "unrecognized arguments: %s": ("argparse.unrecognized", {"args": "%s"}),
    "argument %(argument_name)s: %(message)s": (
        "argparse.argument",
        {"argument_name": "%(argument_name)s", "message": "%(message)s"},
    ),
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "argparse.invalid_choice",
        {"value": "%(value)r", "choices": "%(choices)s"},
    ),
    "invalid %(type)s value: %(value)r": (
        "argparse.invalid_value",
        {"type": "%(type)s", "value": "%(value)r"},
    ),
    "expected one argument": ("argparse.expected_one", {}),
    "expected at most one argument": ("argparse.expected_at_most_one", {}),
    "expected at least one argument": ("argparse.expected_at_least_one", {}),
    "not allowed with argument %s": ("argparse.not_allowed_with", {"other": "%s"}),
    "one of the arguments %s is required": ("argparse.one_required", {"args": "%s"}),
    "ambiguous option: %(option)s could match %(matches)s": (
        "argparse.ambiguous_option",
        {"option": "%(option)s", "matches": "%(matches)s"},
    ),
    "ignored explicit argument %r": ("argparse.ignored_explicit", {"value": "%r"}),
    "unexpected option string: %s": ("argparse.unexpected_option", {"option": "%s"}),
    "expected %s argument": ("argparse.expected_n", {"n": "%s"}),
    "expected %s arguments": ("argparse.expected_n", {"n": "%s"}),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "argparse.unknown_parser",
        {"parser_name": "%(parser_name)r", "choices": "%(choices)s"},
    ),
    "can't open '%(filename)s': %(error)s": (
        "argparse.cannot_open",
        {"filename": "%(filename)s", "error": "%(error)s"},
    ),
    "options": ("help.options", {}),
    "positional arguments": ("help.positional_arguments", {}),
    "show this help message and exit": ("help.show_this_help_and_exit", {}),
}
"""argparse's messages that the catalogue gives in both languages (``argparse.*``)."""


def argparse_text(message: str, lang: str, n: int | None = None) -> str:
    """argparse's ``message`` (a template) in ``lang``: the catalogue's text written back as
    argparse's template (the plural form for the count ``n`` argparse gives its ``ngettext``),
    or ``message`` itself when the catalogue does not know it."""
    known = _ARGPARSE.get(message)
    if known is None:
        return message
    key, spec = known
    text = str(plural_template(key, lang, n)).replace("%%", "\0")
    for name, written in spec.items():
        text = text.replace(f"%({name})s", written)
    return text.replace("\0", "%%")


@contextmanager
def argparse_speaks(lang: str) -> Iterator[None]:
    """argparse's own messages ("usage:", "the following arguments are required", "invalid
    choice"...) in ``lang`` while parsing: argparse looks its texts up through its module's
    gettext hooks (``argparse._``, ``argparse.ngettext``), which this replaces for the time of
    the block (the command line is single-threaded)."""
    hooks = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    token = _ARGS_LANG.set(lang)

    def gettext(message: str) -> str:
        return argparse_text(message, lang)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return argparse_text(singular if n == 1 else plural, lang, n)

    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = hooks  # type: ignore[attr-defined]
        _ARGS_LANG.reset(token)


class _Parser(argparse.ArgumentParser):
    lang = "vi"
    """The language of its messages (set on a subclass by :func:`_parser`)."""

    def error(self, message: str) -> NoReturn:
        params = {"prog": self.prog, "message": message}
        usage = self.format_usage().rstrip()
        raise _UsageError(f"{usage}\n{render('cli.usage_error', params, self.lang)}")


class _Formatter(argparse.HelpFormatter):
    """argparse's help with the "usage:" heading in the chosen language."""

    usage_prefix = "usage: "

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, self.usage_prefix if prefix is None else prefix)


def _formatter(lang: str) -> type[argparse.HelpFormatter]:
    class Formatter(_Formatter):
        usage_prefix = render("cli.usage", None, lang)

    return Formatter


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("khuyencong")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        from .. import __version__

        return __version__


def _engine() -> str:
    """The engine's build, in the version line: ``mypyc`` (compiled) or ``Python``."""
    from ..rules import engine_build

    return "mypyc" if engine_build() == "mypyc" else "Python"


def _parser(lang: str = "vi") -> argparse.ArgumentParser:
    """The argument parser, its help texts in ``lang`` ("vi" or "en")."""

    def t(key: str) -> str:
        return render(key, None, lang)

    formatter = _formatter(lang)

    def localise(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser._positionals.title = t("help.positional_arguments")
        parser._optionals.title = t("help.options")
        parser.add_argument("-h", "--help", action="help", help=t("help.show_this_help_and_exit"))
        return parser

    parser = localise(
        type("_Parser", (_Parser,), {"lang": lang})(
            prog="khuyencong",
            add_help=False,
            formatter_class=formatter,
            description=t("help.khuy_n_c_ng_industrial"),
        )
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"khuyencong {_version()} ({_engine()})",
        help=t("help.show_the_version_and_exit"),
    )
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        help=t("help.language_default_from_lang_lc"),
    )
    sub = parser.add_subparsers(
        dest="command", required=True, title=t("help.commands"), metavar="COMMAND"
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
            help=t("help.language_of_the_output_vi"),
        )

    check = command(
        "check",
        t("help.check_a_csv_xlsx_jsonl"),
    )
    check.add_argument(
        "file",
        nargs="?",
        help=t("help.the_file_to_check_reads"),
    )
    check.add_argument(
        "--input-format",
        choices=("csv", "xlsx", "jsonl"),
        help=t("help.format_of_the_input_default"),
    )
    check.add_argument(
        "--example",
        nargs="?",
        const="tidy",
        choices=("tidy", "mau-2"),
        help=t("help.check_an_embedded_illustrative_file"),
    )
    check.add_argument(
        "--layout",
        type=Path,
        help=t("help.a_province_s_table_layout"),
    )
    check.add_argument("--as-of", type=_parse_as_of, help=t("help.date_the_rules_are_read"))
    check.add_argument(
        "--rulebook",
        type=Path,
        help=t("help.a_province_s_rulebook_toml"),
    )
    check.add_argument(
        "--format",
        choices=("table", "csv", "xlsx", "json", "html"),
        default="table",
        help=t("help.format_of_the_report_default"),
    )
    check.add_argument("--output", "-o", type=Path, help=t("help.write_the_report_here"))
    lang_option(check)
    check.add_argument(
        "--sheet",
        help=t("help.worksheet_of_an_xlsx_file"),
    )
    check.add_argument(
        "--workers",
        type=_positive_count,
        default=1,
        help=t("help.deprecated_and_ignored_every_row"),
    )
    # Hidden: "rows" checks row by row, the reference the columnar engine is compared with.
    check.add_argument("--engine", choices=("auto", "rows"), default="auto", help=argparse.SUPPRESS)

    assess = command(
        "assess",
        t("help.assess_one_proposal_a_json"),
    )
    explain = command(
        "explain",
        t("help.explain_the_assessment_of_one"),
    )
    for one in (assess, explain):
        one.add_argument(
            "proposal",
            help=t("help.a_proposal_as_json_reads"),
        )
        one.add_argument(
            "--as-of",
            type=_parse_as_of,
            help=t("help.date_the_rules_are_read_2"),
        )
        one.add_argument(
            "--rulebook",
            type=Path,
            help=t("help.a_province_s_rulebook_toml"),
        )
        lang_option(one)
    assess.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=t("help.format_of_the_output"),
    )

    command(
        "schema",
        t("help.print_the_json_schema_of"),
    )

    rulebook = command(
        "rulebook",
        t("help.check_compare_or_start_a"),
    )
    actions = rulebook.add_subparsers(
        dest="action", required=True, title=t("help.actions"), metavar="ACTION"
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
        t("help.list_every_problem_of_a"),
    )
    rb_check.add_argument("file", type=Path)
    rb_check.add_argument(
        "more",
        type=Path,
        nargs="*",
        help=t("help.more_national_amendment_rulebooks"),
    )
    rb_diff = action(
        "diff",
        t("help.what_differs_between_two_dates"),
    )
    rb_diff.add_argument(
        "a",
        help=t("help.a_date_built_in_rulebook"),
    )
    rb_diff.add_argument(
        "b",
        help=t("help.a_date_built_in_rulebook"),
    )
    rb_diff.add_argument(
        "--as-of",
        type=_parse_as_of,
        help=t("help.the_date_two_files_are"),
    )
    lang_option(rb_diff)
    rb_diff.add_argument(
        "--rulebook",
        type=Path,
        action="append",
        default=[],
        help=t("help.a_national_amendment_rulebook_to"),
    )
    rb_gaps = action(
        "gaps",
        t("help.what_the_rulebooks_do_not"),
    )
    rb_gaps.add_argument(
        "--as-of",
        type=_parse_as_of,
        required=True,
        help=t("help.the_date_yyyy_mm_dd"),
    )
    rb_gaps.add_argument(
        "--rulebook",
        type=Path,
        action="append",
        default=[],
        help=t("help.a_national_amendment_rulebook_or"),
    )
    rb_gaps.add_argument("--format", choices=("table", "json"), default="table")
    lang_option(rb_gaps)
    rb_template = action(
        "template",
        t("help.print_the_documented_provincial_template"),
    )
    rb_template.add_argument(
        "--instrument",
        help=t("help.the_skeleton_of_a_national"),
    )
    rb_template.add_argument(
        "--example",
        action="store_true",
        help=t("help.the_illustrative_national_amendment_rulebook"),
    )
    _serve_parser(
        command(
            "serve",
            t("help.run_the_http_api_and"),
        ),
        t,
    )
    return parser


def _serve_parser(serve: argparse.ArgumentParser, t: Any) -> None:
    serve.add_argument("--host", default="127.0.0.1", help=t("help.address_to_listen_on"))
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--workers",
        type=_positive_count,
        default=1,
        help=t("help.uvicorn_processes"),
    )
    serve.add_argument(
        "--rulebook",
        action="append",
        default=[],
        metavar="FILE_OR_DIR",
        help=t("help.a_provincial_or_amendment_rulebook"),
    )
    serve.add_argument(
        "--max-upload-mb",
        type=float,
        default=50.0,
        help=t("help.largest_upload"),
    )
    serve.add_argument("--max-rows", type=_positive_count, default=200_000)
    serve.add_argument(
        "--time-limit",
        type=float,
        default=120.0,
        help=t("help.seconds_per_request"),
    )
    serve.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        help=t("help.allow_this_origin_repeatable"),
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
