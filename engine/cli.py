"""The command line, `htqlcl` (also `python -m engine`, and `python cli.py` in a checkout).

    htqlcl evaluate AGENCY.yaml|AGENCY.xlsx|PORTFOLIO|FOLDER [--as-of DATE] [--format …] [--lang vi|en]
                    [--rules PACK]…          the built-in rulebook, and each rule pack given (engine/packs)
    htqlcl rules [--format text|json]        every rule with its quoted sources and parameters
    htqlcl rules check PACK…                 a rule pack's health and scenarios (exit 1 if anything fails)
    htqlcl rules new FOLDER                  a new rule pack that passes the check, to edit
    htqlcl report [--rules PACK]             the living documentation of the rulebook, or of a pack
    htqlcl schema [agency|result|openapi]    the JSON Schema of the facts file or of the JSON result
    htqlcl serve [--host H] [--port P]       the HTTP service: the same checks for other systems (/v1)
    htqlcl template --output mau.xlsx        an empty facts workbook to fill in (optionally prefilled)
    htqlcl convert IN OUT                    a facts file from YAML to .xlsx or back, losslessly
    htqlcl init --output agency.yaml         a commented YAML facts file to start from

Every message about the user's input (errors, warnings, usage) follows `--lang` (default Vietnamese,
or the environment variable HTQLCL_LANG). Exit status: 0 no violation, 1 at least one violation,
2 bad input, command line or output path, 70 an internal error, 128+N ended by signal N (130 Ctrl-C,
143 SIGTERM), 141 a broken pipe (EXIT_STATUS_HELP).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import sys
from pathlib import Path

from engine import __version__
from engine.cli_lang import formatter, localise, requested_lang, usage_error, word
from engine.lang import LANGS, T, Text
from engine.quoting import quote, shown

EXIT_OK, EXIT_VIOLATION, EXIT_INPUT = 0, 1, 2
EXIT_INTERNAL = 70  # sysexits.h EX_SOFTWARE: a fault of htqlcl itself, never read as a verdict
EXIT_SIGNAL_BASE = 128  # ended by signal N: 128 + N, as a shell reports it
EXIT_BROKEN_PIPE = EXIT_SIGNAL_BASE + 13  # the reader of standard output went away (SIGPIPE)
DEBUG_ENV = "HTQLCL_DEBUG"
EXIT_STATUS_HELP = T(
    f"""mã thoát:
  0    không có vi phạm
  1    có ít nhất một vi phạm (và không có lỗi nào khác)
  2    đầu vào sai, dòng lệnh sai, hoặc không ghi được kết quả ra nơi đã chỉ; không ghi gì
  {EXIT_INTERNAL}   lỗi nội bộ: lỗi của chính htqlcl (hoặc một tiến trình con bị dừng đột ngột), không
       phải kết luận về việc tuân thủ; không ghi gì (đặt {DEBUG_ENV}=1 để xem chi tiết)
  130  bị dừng bằng Ctrl-C (SIGINT); không ghi gì
  143  bị dừng bằng SIGTERM (129: SIGHUP); không ghi gì
  {EXIT_BROKEN_PIPE}  nơi nhận đầu ra chuẩn đã ngừng đọc (đứt đường ống)""",
    f"""exit status:
  0    no violation
  1    at least one violation (and nothing else went wrong)
  2    bad input, a bad command line, or an output that cannot be written; nothing is written
  {EXIT_INTERNAL}   an internal error: a fault of htqlcl (or a worker process that died), never a verdict;
       nothing is written (set {DEBUG_ENV}=1 to see the details)
  130  interrupted by Ctrl-C (SIGINT); nothing is written
  143  terminated by SIGTERM (129: SIGHUP); nothing is written
  {EXIT_BROKEN_PIPE}  the reader of standard output stopped reading (a broken pipe)""",
)


class _Parser(argparse.ArgumentParser):
    lang = "vi"

    def error(self, message):  # argparse's own exit 2, with our one-line style, in the user's language
        self.print_usage(sys.stderr)
        print(f"{word('error', self.lang)}: {usage_error(message, self.lang)}", file=sys.stderr)
        sys.exit(EXIT_INPUT)


def _positive_int(lang: str):
    def parse(text: str) -> int:
        # ASCII digits only: int() would also read full-width ones ("１０").
        if not re.fullmatch(r"\s*[+-]?\d+\s*", text, re.ASCII):
            raise argparse.ArgumentTypeError(
                T(f"{quote(text)} không phải là số nguyên", f"{quote(text)} is not a whole number")(lang)
            )
        value = int(text)
        if value < 1:
            raise argparse.ArgumentTypeError(
                T(f"không dùng được {value}: cần từ 1 trở lên", f"{value} is not allowed: give 1 or more")(lang)
            )
        return value

    parse.__name__ = "int"  # argparse names the type in its own message
    return parse


def build_parser(lang: str = "vi") -> argparse.ArgumentParser:
    """The whole command line, its help in `lang`."""

    def say(vi: str, en: str) -> str:
        return en if lang == "en" else vi

    def parser(parent, name: str | None = None, **kwargs) -> argparse.ArgumentParser:
        kwargs.update(formatter_class=formatter(lang), add_help=False)
        p = _Parser(**kwargs) if parent is None else parent.add_parser(name, **kwargs)
        p.lang = lang
        localise(p, lang)
        p.add_argument("-h", "--help", action="help", help=word("help", lang))
        return p

    def lang_option(p: argparse.ArgumentParser, what_vi: str, what_en: str) -> None:
        p.add_argument(
            "--lang",
            choices=LANGS,
            default=lang,
            help=say(
                f"ngôn ngữ của {what_vi} và của các thông báo lỗi: vi (tiếng Việt, mặc định) hoặc en",
                f"language of {what_en} and of error messages: vi (Vietnamese, the default) or en",
            ),
        )

    exit_words = EXIT_STATUS_HELP(lang)
    p = parser(
        None,
        prog="htqlcl",
        description=say(
            "Kiểm tra việc xây dựng, áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng (HTQLCL, "
            "TCVN ISO 9001) của cơ quan hành chính nhà nước theo Quyết định 19/2014/QĐ-TTg và văn bản "
            "của địa phương.",
            "Compliance of Vietnamese agencies' quality management systems (HTQLCL, TCVN ISO 9001) "
            "with Quyết định 19/2014/QĐ-TTg and local directives.",
        ),
        epilog=exit_words,
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}", help=word("version", lang))
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND", title=word("commands", lang))

    ev = parser(
        sub,
        "evaluate",
        help=say(
            "đánh giá một cơ quan, một danh mục hoặc một thư mục cơ quan",
            "evaluate one agency, a portfolio or a folder of agencies",
        ),
        epilog=exit_words,
    )
    ev.add_argument(
        "path",
        help=say(
            "tệp dữ liệu của một cơ quan (.yaml hoặc .xlsx), tệp danh mục (agencies: hoặc chuỗi ---) hoặc thư mục",
            "an agency facts file (.yaml or .xlsx), a portfolio file (agencies: or a --- stream) or a folder",
        ),
    )
    ev.add_argument(
        "--as-of",
        metavar="DATE",
        help=say(
            "ngày đánh giá, DD/MM/YYYY hoặc YYYY-MM-DD (mặc định: hôm nay)",
            "evaluation date, YYYY-MM-DD or DD/MM/YYYY (default: today)",
        ),
    )
    ev.add_argument(
        "--format",
        choices=["text", "json", "markdown", "html", "junit", "xlsx"],
        default="text",
        help=say(
            "text để đọc (mặc định), json cho chương trình khác, markdown/html cho báo cáo, junit cho CI, "
            "xlsx: bảng tổng hợp (phụ lục) dưới dạng bảng tính, cần --output",
            "text for a person (default), json for programs, markdown/html for a report, junit for CI, "
            "xlsx: the summary table (annex) as a workbook, needs --output",
        ),
    )
    lang_option(ev, "báo cáo", "the report")
    ev.add_argument(
        "--output",
        metavar="FILE",
        help=say(
            "ghi vào tệp này (trọn vẹn một lần) thay vì ra màn hình",
            "write to this file (atomically) instead of standard output",
        ),
    )
    ev.add_argument(
        "--rules",
        metavar="PACK",
        action="append",
        help=say(
            "áp dụng thêm một gói quy tắc (thư mục kế hoạch của tỉnh, xem htqlcl rules new); dùng nhiều lần "
            "cho nhiều gói; bộ quy tắc có sẵn luôn được áp dụng",
            "apply a rule pack too (a folder holding a province's plan, see htqlcl rules new); repeat for "
            "several packs; the built-in rulebook always applies",
        ),
    )
    # Tests and rule authors: the --rules folders alone, without the built-in rulebook.
    ev.add_argument("--no-builtin-rules", action="store_true", help=argparse.SUPPRESS)
    ev.add_argument(
        "--jobs",
        type=_positive_int(lang),
        metavar="N",
        help=say(
            "số tiến trình xử lý một danh mục, từ 1 trở lên (mặc định: tối đa 2 với danh mục lớn)",
            "worker processes for a portfolio, 1 or more (default: up to 2 for a large portfolio)",
        ),
    )
    ev.add_argument(
        "--max-input-bytes",
        metavar="SIZE",
        help=say(
            "từ chối tệp đầu vào lớn hơn mức này, tính bằng byte hoặc với K/M/G, ví dụ 300M (mặc định 256M, "
            "hoặc biến môi trường QMS_MAX_INPUT_BYTES)",
            "refuse input files larger than this, in bytes or with K/M/G, e.g. 300M (default 256M, or the "
            "QMS_MAX_INPUT_BYTES environment variable)",
        ),
    )
    ev.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=say(
            "thanh tiến độ trên stderr (mặc định: khi chạy lâu tại màn hình)",
            "a progress bar on stderr (default: for long runs at a terminal)",
        ),
    )

    ru = parser(
        sub,
        "rules",
        help=say(
            "liệt kê mọi quy tắc cùng nguồn, hiệu lực và tham số",
            "list every rule with its sources, validity and parameters",
        ),
    )
    ru.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help=say("text để đọc, json cho chương trình khác", "text for a person, json for programs"),
    )
    lang_option(ru, "danh sách", "the list")
    ru.add_argument(
        "--output",
        metavar="FILE",
        help=say("ghi vào tệp này thay vì ra màn hình", "write to this file instead of standard output"),
    )
    ru.add_argument(
        "--rules",
        metavar="PACK",
        action="append",
        help=say(
            "liệt kê cả các quy tắc của gói này (dùng nhiều lần cho nhiều gói)",
            "list this rule pack's rules too (repeat for several packs)",
        ),
    )
    ru.add_argument("--no-builtin-rules", action="store_true", help=argparse.SUPPRESS)
    pack_commands = ru.add_subparsers(dest="rules_command", metavar="ACTION", title=word("commands", lang))
    ck = parser(
        pack_commands,
        "check",
        help=say(
            "kiểm tra gói quy tắc như dự án kiểm tra bộ quy tắc của mình, rồi chạy các kịch bản của gói",
            "check rule packs as the project checks its own rules, then run their scenarios",
        ),
        epilog=say(
            "Mã thoát: 0 mọi gói đạt, 1 có vấn đề hoặc kịch bản không đạt, 2 dòng lệnh sai.",
            "Exit status: 0 every pack passes, 1 a problem or a failing scenario, 2 bad command line.",
        ),
    )
    ck.add_argument("packs", metavar="PACK", nargs="+", help=say("thư mục gói quy tắc", "a rule pack folder"))
    ck.add_argument(
        "--no-scenarios",
        action="store_true",
        help=say("chỉ kiểm tra tệp, không chạy kịch bản", "check the files only, do not run the scenarios"),
    )
    lang_option(ck, "kết quả kiểm tra", "the check's results")
    nw = parser(
        pack_commands,
        "new",
        help=say(
            "tạo thư mục gói quy tắc mới với một ví dụ cho mỗi phần (đạt kiểm tra ngay)",
            "write a new rule pack folder with one example of each part (it passes the check as written)",
        ),
    )
    nw.add_argument(
        "folder",
        metavar="FOLDER",
        help=say("thư mục sẽ tạo (chưa có, hoặc rỗng)", "the folder to create (new, or empty)"),
    )
    nw.add_argument(
        "--id",
        default="KH",
        help=say(
            "mã văn bản của kế hoạch: chữ in hoa không dấu và chữ số, ví dụ KH2026 (mặc định KH)",
            "the plan's document id: capital letters and digits, e.g. KH2026 (default KH)",
        ),
    )
    nw.add_argument(
        "--province",
        default="Huế",
        metavar="NAME",
        help=say("tỉnh, thành phố ban hành kế hoạch (mặc định Huế)", "the province issuing the plan (default Huế)"),
    )
    nw.add_argument(
        "--year",
        type=_positive_int(lang),
        help=say("năm của kế hoạch (mặc định: năm nay)", "the plan's year (default: this year)"),
    )
    lang_option(nw, "thông báo", "messages")

    sc = parser(
        sub,
        "schema",
        help=say(
            "in JSON Schema của tệp dữ liệu cơ quan hoặc của kết quả JSON, hoặc tài liệu OpenAPI của dịch vụ HTTP",
            "print the JSON Schema of the agency facts file or of the JSON result, or the HTTP service's OpenAPI",
        ),
    )
    sc.add_argument(
        "which",
        nargs="?",
        choices=["agency", "result", "openapi"],
        default="agency",
        help=say(
            "agency: tệp dữ liệu cơ quan (mặc định); result: kết quả của evaluate --format json; "
            "openapi: tài liệu OpenAPI của dịch vụ HTTP (serve)",
            "agency: the facts file (default); result: what evaluate --format json prints; "
            "openapi: the OpenAPI document of the HTTP service (serve)",
        ),
    )
    lang_option(sc, "thông báo", "messages")
    sc.add_argument(
        "--output",
        metavar="FILE",
        help=say("ghi vào tệp này thay vì ra màn hình", "write to this file instead of standard output"),
    )

    rp = parser(
        sub,
        "report",
        help=say(
            "chạy các kịch bản và viết tài liệu sống (điều khoản → quy tắc → kịch bản) dạng HTML và Markdown",
            "run the feature scenarios and write the living documentation "
            "(clauses → rules → scenarios) as HTML and Markdown",
        ),
    )
    rp.add_argument(
        "--output",
        "--out",
        dest="output",
        metavar="DIR",
        help=say("thư mục kết quả (mặc định: reports/living-doc/)", "output folder (default: reports/living-doc/)"),
    )
    lang_option(rp, "tài liệu", "the documentation")
    rp.add_argument(
        "--features",
        metavar="DIR",
        help=say(
            "thư mục các tệp .feature (mặc định: bộ kịch bản có sẵn)",
            "folder of .feature files (default: the built-in features)",
        ),
    )
    rp.add_argument(
        "--rules",
        metavar="PACK",
        help=say(
            "viết tài liệu sống của một gói quy tắc (mặc định: của bộ quy tắc có sẵn)",
            "write the living documentation of a rule pack (default: of the built-in rules)",
        ),
    )

    _facts_commands(sub, parser, lang_option, say)
    _serve_command(sub, parser, say, lang)
    return p


def _serve_command(sub, parser, say, lang: str) -> None:
    sv = parser(
        sub,
        "serve",
        help=say(
            "chạy dịch vụ HTTP: đánh giá, quy tắc và lược đồ dưới /v1, cho các hệ thống khác",
            "run the HTTP service: evaluations, rules and schemas under /v1, for other systems",
        ),
        description=say(
            "Chạy dịch vụ HTTP (tài liệu OpenAPI tại /openapi.json, tài liệu tương tác tại /docs). Đặt biến môi "
            "trường HTQLCL_API_TOKEN để mọi yêu cầu /v1 phải kèm 'Authorization: Bearer <mã>'.",
            "Run the HTTP service (OpenAPI at /openapi.json, interactive documentation at /docs). Set "
            "HTQLCL_API_TOKEN to require 'Authorization: Bearer <token>' on every /v1 request.",
        ),
    )
    sv.add_argument(
        "--host",
        default="127.0.0.1",
        help=say(
            "địa chỉ lắng nghe (mặc định 127.0.0.1: chỉ máy này)",
            "address to listen on (default 127.0.0.1: this machine only)",
        ),
    )
    sv.add_argument(
        "--port",
        type=_port(lang),
        default=8000,
        help=say("cổng TCP lắng nghe (mặc định 8000)", "TCP port to listen on (default 8000)"),
    )
    sv.add_argument(
        "--workers",
        type=_positive_int(lang),
        default=1,
        metavar="N",
        help=say(
            "số tiến trình phục vụ, ví dụ mỗi lõi CPU một tiến trình (mặc định 1)",
            "worker processes, e.g. one per core (default 1)",
        ),
    )
    sv.add_argument(
        "--max-body-bytes",
        metavar="SIZE",
        help=say(
            "từ chối nội dung yêu cầu lớn hơn mức này, tính bằng byte hoặc với K/M/G, ví dụ 16M (mặc định 16M, "
            "hoặc biến môi trường HTQLCL_MAX_BODY_BYTES)",
            "refuse request bodies larger than this, in bytes or with K/M/G, e.g. 16M (default 16M, or the "
            "HTQLCL_MAX_BODY_BYTES environment variable)",
        ),
    )
    sv.add_argument(
        "--max-agencies",
        type=_positive_int(lang),
        metavar="N",
        help=say(
            "từ chối danh mục có nhiều cơ quan hơn mức này (mặc định 1000, hoặc HTQLCL_MAX_AGENCIES)",
            "refuse portfolios of more agencies than this (default 1000, or HTQLCL_MAX_AGENCIES)",
        ),
    )
    sv.add_argument(
        "--time-limit",
        type=_seconds(lang),
        metavar="SECONDS",
        help=say(
            "trả lời 503 cho yêu cầu chưa xong sau ngần này giây, tính từ khi đến (mặc định 30, hoặc HTQLCL_TIME_LIMIT)",
            "answer 503 to a request not done in this time, from its arrival (default 30, or HTQLCL_TIME_LIMIT)",
        ),
    )
    sv.add_argument(
        "--threads",
        type=_positive_int(lang),
        metavar="N",
        help=say(
            "số việc đánh giá chạy cùng lúc trong mỗi tiến trình (mặc định 2, hoặc HTQLCL_THREADS)",
            "evaluations at once in each worker (default 2, or HTQLCL_THREADS)",
        ),
    )
    sv.add_argument(
        "--docs",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=say(
            "tài liệu tương tác tại /docs, không cần kết nối mạng (mặc định: bật, hoặc HTQLCL_DOCS)",
            "interactive documentation at /docs, served without any network access (default: on, or HTQLCL_DOCS)",
        ),
    )
    sv.add_argument(
        "--rules",
        metavar="PACK",
        action="append",
        help=say(
            "áp dụng thêm một gói quy tắc cho mọi yêu cầu (dùng nhiều lần cho nhiều gói; hoặc biến môi trường "
            "HTQLCL_RULES, các thư mục ngăn cách bởi dấu ':'); bộ quy tắc có sẵn luôn được áp dụng",
            "apply a rule pack too, to every request (repeat for several packs; or HTQLCL_RULES, folders "
            "separated by ':'); the built-in rulebook always applies",
        ),
    )
    sv.add_argument(
        "--root-path",
        default="",
        metavar="PREFIX",
        help=say(
            "đường dẫn mà máy chủ chuyển tiếp (reverse proxy) công bố dịch vụ, ví dụ /htqlcl (mặc định: không có)",
            "the path under which a reverse proxy publishes the service, e.g. /htqlcl (default: none)",
        ),
    )
    sv.add_argument(
        "--log-level",
        choices=["debug", "info", "warning", "error"],
        default="info",
        help=say(
            "mức nhật ký thấp nhất được ghi (JSON trên stderr; mặc định info: mỗi yêu cầu một dòng)",
            "least important log lines written (JSON on stderr; default info: one line per request)",
        ),
    )
    sv.add_argument(
        "--lang",
        choices=LANGS,
        default=lang,
        help=say(
            "ngôn ngữ của thông báo lỗi trên dòng lệnh: vi (mặc định) hoặc en; câu trả lời của dịch vụ theo "
            "tham số lang của từng yêu cầu",
            "language of command-line error messages: vi (the default) or en; the service's answers follow "
            "each request's lang parameter",
        ),
    )


def _port(lang: str):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                T(f"'{text}' không phải là số cổng", f"'{text}' is not a port number")(lang)
            ) from None
        if not 0 < value < 65536:
            raise argparse.ArgumentTypeError(
                T(
                    f"{value} không phải là số cổng: cần từ 1 đến 65535",
                    f"{value} is not a port number: give 1 to 65535",
                )(lang)
            )
        return value

    parse.__name__ = "int"
    return parse


def _seconds(lang: str):
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                T(f"'{text}' không phải là số giây", f"'{text}' is not a number of seconds")(lang)
            ) from None
        if not 0 < value <= 3600:
            raise argparse.ArgumentTypeError(
                T(
                    f"không dùng được {text}: cần lớn hơn 0 và không quá 3600 giây",
                    f"{text} is not allowed: give more than 0 and at most 3600 seconds",
                )(lang)
            )
        return value

    parse.__name__ = "float"
    return parse


def _place_options(p: argparse.ArgumentParser, say) -> None:
    p.add_argument(
        "--level",
        choices=["central", "province", "department", "district", "commune"],
        help=say(
            "điền sẵn cấp của cơ quan: central, province, department, district hoặc commune",
            "prefill the agency's level: central, province, department, district or commune",
        ),
    )
    p.add_argument(
        "--province",
        metavar="NAME",
        help=say("điền sẵn tỉnh, thành phố (ghi đủ dấu)", "prefill the province (with its accents)"),
    )
    p.add_argument("--district", metavar="NAME", help=say("điền sẵn huyện, quận, thị xã", "prefill the district"))


def _facts_commands(sub, parser, lang_option, say) -> None:
    tp = parser(
        sub,
        "template",
        help=say(
            "viết mẫu bảng tính (.xlsx) để cán bộ ISO điền dữ liệu của cơ quan",
            "write an empty facts workbook (.xlsx) for an ISO officer to fill in",
        ),
    )
    tp.add_argument(
        "--format",
        choices=["xlsx"],
        default="xlsx",
        help=say("xlsx: bảng tính Excel, LibreOffice (mặc định)", "xlsx: an Excel or LibreOffice workbook (default)"),
    )
    tp.add_argument(
        "--output",
        metavar="FILE",
        required=True,
        help=say("tệp mẫu sẽ viết, ví dụ mau.xlsx", "the workbook to write, e.g. mau.xlsx"),
    )
    _place_options(tp, say)
    lang_option(tp, "tiêu đề và hướng dẫn trong bảng tính", "the workbook's headings and instructions")

    cv = parser(
        sub,
        "convert",
        help=say(
            "chuyển tệp dữ liệu cơ quan giữa YAML và bảng tính .xlsx, không mất dữ liệu",
            "convert an agency facts file between YAML and .xlsx, losslessly",
        ),
    )
    cv.add_argument(
        "input",
        metavar="IN",
        help=say(
            "tệp .yaml hoặc .xlsx, hoặc một thư mục các tệp đó (cần --to)",
            "a .yaml or .xlsx facts file, or a folder of them (needs --to)",
        ),
    )
    cv.add_argument(
        "output_path",
        metavar="OUT",
        nargs="?",
        help=say(
            "tệp kết quả, dạng theo đuôi tệp (.xlsx hoặc .yaml); có thể thay bằng --output",
            "the file to write, its form from its extension (.xlsx or .yaml); or give --output",
        ),
    )
    cv.add_argument(
        "--output",
        metavar="FILE",
        help=say("tệp kết quả (thay cho OUT)", "the file to write (instead of OUT)"),
    )
    cv.add_argument(
        "--to",
        choices=["xlsx", "yaml"],
        help=say(
            "khi IN là thư mục: chuyển mọi tệp sang dạng này, ghi vào thư mục OUT (giữ thư mục con và tên tệp)",
            "when IN is a folder: convert every file to this form into the folder OUT (sub-folders and names kept)",
        ),
    )
    lang_option(cv, "tiêu đề trong bảng tính", "the workbook's headings")

    it = parser(
        sub,
        "init",
        help=say(
            "viết tệp dữ liệu YAML có chú thích cho một cơ quan, để điền tiếp",
            "write a commented YAML facts file for an agency, to fill in",
        ),
    )
    it.add_argument(
        "--output",
        metavar="FILE",
        help=say("ghi vào tệp này thay vì ra màn hình", "write to this file instead of standard output"),
    )
    _place_options(it, say)
    it.add_argument("--id", metavar="ID", help=say("điền sẵn mã cơ quan", "prefill the agency id"))
    it.add_argument("--name", metavar="NAME", help=say("điền sẵn tên cơ quan", "prefill the agency name"))
    lang_option(it, "chú thích trong tệp", "the file's comments")


def cmd_evaluate(args) -> int:
    from engine.api import as_of_date
    from engine.run import evaluate_path
    from engine.yamlio import max_input_bytes

    max_bytes = max_input_bytes(args.max_input_bytes)
    return evaluate_path(
        args.path,
        as_of=as_of_date(args.as_of, name="--as-of"),
        fmt=args.format,
        lang=args.lang,
        output=args.output,
        rules_dir=_rules_choice(args),
        jobs=args.jobs,
        max_bytes=max_bytes,
        progress=args.progress,
    )


def _rules_choice(args):
    """The rules an evaluation or a listing applies: the built-in rulebook and the --rules packs."""
    from engine.rulebook import RulesChoice

    if not args.rules:
        if args.no_builtin_rules:
            raise _usage(T("--no-builtin-rules cần ít nhất một --rules", "--no-builtin-rules needs a --rules"))
        return None
    return RulesChoice.of(args.rules, builtin=not args.no_builtin_rules)


def _usage(text) -> Exception:
    from engine.errors import InputError, Problem

    return InputError([Problem("", None, None, "", text)])


def cmd_rules(args) -> int:
    if args.rules_command == "check":
        return cmd_rules_check(args)
    if args.rules_command == "new":
        return cmd_rules_new(args)
    from engine.render import rules_list
    from engine.rulebook import default_rulebook
    from engine.run import emit, read_paths

    book = default_rulebook(_rules_choice(args))
    out = rules_list.render_json(book) if args.format == "json" else rules_list.render_text(book, args.lang)
    emit(out, args.output, reading=read_paths(None, _rules_choice(args)))
    return EXIT_OK


def cmd_rules_check(args) -> int:
    from engine.packs.check import check_packs, render

    reports = check_packs(args.packs, run_scenarios=not args.no_scenarios)
    sys.stdout.write(render(reports, args.lang))
    return EXIT_OK if all(r.healthy or (not r.asked and not r.problems) for r in reports) else EXIT_VIOLATION


def cmd_rules_new(args) -> int:
    from engine.packs.scaffold import new_pack

    folder = new_pack(args.folder, document_id=args.id, province=args.province, year=args.year)
    print(
        T(
            f"Đã tạo gói quy tắc {folder}. Kiểm tra: htqlcl rules check {folder}",
            f"Wrote the rule pack {folder}. Check it: htqlcl rules check {folder}",
        )(args.lang)
    )
    return EXIT_OK


def cmd_report(args) -> int:
    from engine.livedoc.build import build

    built = build(
        args.output and Path(args.output),
        lang=args.lang,
        features=args.features and Path(args.features),
        rules=args.rules and Path(args.rules),
    )
    run = built.run
    warn = word("warning", args.lang)
    if run.exit_code not in (0, 1):  # the run itself broke: its scenarios show as not run
        stopped = T("các kịch bản dừng giữa chừng", "the feature run stopped")(args.lang)
        print(f"{warn}: {stopped} (pytest exit {run.exit_code}):\n{run.output.strip()[-2000:]}", file=sys.stderr)
    for error in run.errors:  # scenarios pytest could not collect show as not run
        print(f"{warn}: {error}", file=sys.stderr)
    failed = len(built.site.failed())
    if failed:
        print(
            T(f"{failed} kịch bản không đạt", f"{failed} scenario{'s' if failed != 1 else ''} failed")(args.lang),
            file=sys.stderr,
        )
    print(built.files[0].parent / "index.html")
    return EXIT_OK


def cmd_schema(args) -> int:
    from engine import schema
    from engine.run import emit

    if args.which == "openapi":
        from engine.service.app import create_app
        from engine.service.openapi import render
        from engine.service.settings import Settings

        emit(render(create_app(Settings())), args.output, reading=[])
    else:
        emit(schema.render_result() if args.which == "result" else schema.render(), args.output, reading=[])
    return EXIT_OK


def cmd_serve(args) -> int:
    import dataclasses

    from engine.service.server import serve
    from engine.service.settings import Settings
    from engine.yamlio import max_input_bytes

    settings = Settings.from_env()  # the environment's values, then the options given
    chosen = {
        "max_body_bytes": None
        if args.max_body_bytes is None
        else max_input_bytes(args.max_body_bytes, source="--max-body-bytes"),
        "max_agencies": args.max_agencies,
        "time_limit": args.time_limit,
        "threads": args.threads,
        "docs": args.docs,
    }
    settings = dataclasses.replace(settings, **{k: v for k, v in chosen.items() if v is not None})
    if args.rules:
        settings = dataclasses.replace(settings, packs=tuple(args.rules))
    # The packs are loaded and checked here, before any worker starts: a bad pack is an input error
    # (exit 2, every problem located), not a worker that dies at start-up.
    from engine.api import evaluator

    evaluator(settings.rules)
    serve(
        host=args.host,
        port=args.port,
        workers=args.workers,
        settings=settings,
        log_level=args.log_level,
        root_path=args.root_path.rstrip("/"),
    )
    return EXIT_OK


def cmd_template(args) -> int:
    from engine.xlsx import commands

    return commands.template(args)


def cmd_convert(args) -> int:
    from engine.xlsx import commands

    return commands.convert(args)


def cmd_init(args) -> int:
    from engine.init_template import command

    return command(args)


COMMANDS = {
    "evaluate": cmd_evaluate,
    "rules": cmd_rules,
    "schema": cmd_schema,
    "report": cmd_report,
    "template": cmd_template,
    "convert": cmd_convert,
    "init": cmd_init,
    "serve": cmd_serve,
}


def main(argv: list[str] | None = None) -> int:
    """The `htqlcl` command: its exit status (EXIT_STATUS_HELP). No traceback reaches the user."""
    from engine import interrupts, output
    from engine.errors import InputError

    argv = sys.argv[1:] if argv is None else argv
    lang = requested_lang(argv)
    _printable_streams()
    output.begin_run()
    try:
        with interrupts.handled():
            args = build_parser(lang).parse_args(argv)
            return COMMANDS[args.command](args)
    except InputError as e:
        for problem in e.problems:
            _say(problem.render(lang))
        return e.exit_code
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except (interrupts.Interrupted, KeyboardInterrupt) as e:
        signum = e.signum if isinstance(e, interrupts.Interrupted) else signal.SIGINT
        name = signal.Signals(signum).name
        said = (
            T(
                f"htqlcl: bị dừng bởi {name} sau khi đã ghi xong báo cáo",
                f"htqlcl: interrupted by {name} after the report was written",
            )
            if output.written()
            else T(f"htqlcl: bị dừng bởi {name}; chưa ghi gì", f"htqlcl: interrupted by {name}; nothing was written")
        )
        _say(said(lang))
        return EXIT_SIGNAL_BASE + signum
    except OSError as e:  # the machine, not the input: a full disk for temporary files, a lost folder
        where = f"{quote(e.filename, None)}: " if e.filename else ""
        _say(f"htqlcl: {word('error', lang)}: {where}{shown(e.strerror or e, 300)}")
        return EXIT_INPUT
    except Exception as e:  # a fault of the program: its own status, never 1 ("violations found")
        from engine.supervisor import WorkerDied

        if isinstance(e, WorkerDied):
            _say(f"htqlcl: {word('error', lang)}: " + (e.text + T("; chưa ghi gì", "; nothing was written"))(lang))
            if os.environ.get(DEBUG_ENV) and e.details:
                _say(e.details)
        else:
            what = f"{type(e).__name__}: {shown(e, 300)}"
            _say(
                T(
                    f"htqlcl: lỗi nội bộ (lỗi của chương trình htqlcl, không phải của dữ liệu đầu vào): {what}; "
                    f"chưa ghi gì. Xin báo lỗi này kèm câu lệnh và dữ liệu đầu vào (đặt {DEBUG_ENV}=1 để xem chi tiết).",
                    f"htqlcl: internal error (a fault of htqlcl, not of the input): {what}; nothing was written. "
                    f"Please report it with the command and its input (set {DEBUG_ENV}=1 for the details).",
                )(lang)
            )
        if os.environ.get(DEBUG_ENV):
            import traceback

            traceback.print_exc()
        return EXIT_INTERNAL
    finally:
        output.discard_all()


def _printable_streams() -> None:
    """Help and messages never fail for a terminal or a pipe that cannot show Vietnamese (an ASCII or
    cp1252 standard output): what cannot be shown is escaped. Reports themselves are UTF-8 bytes."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) == "strict":
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _say(line: str | Text) -> None:
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            print(line, file=sys.stderr)
            sys.stderr.flush()


def _silence_stdout() -> None:
    # The reader is gone: Python's final flush of standard output would fail again and print
    # "Exception ignored …"; point the descriptor at the null device instead (it is never replaced).
    with contextlib.suppress(AttributeError, OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
