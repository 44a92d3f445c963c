"""What a request must look like before Dash sees it, and the answer for one that does not.

Dash answers a malformed callback body, an unknown output or an unknown script path with a 500 and a
traceback in the log. A client can send anything, so every such request is refused here with a 4xx and
one short log line:

* ``POST /_dash-update-component``: JSON of the shape dash-renderer sends, at most ``MAX_DEPTH`` deep,
  naming a server-side callback of this app with exactly its outputs, inputs and state, in order
  (:func:`callback_problem`); anything else is a 400 with a one-line reason;
* a page path other than ``/``: the 404 page, in the browser's language;
* a file under ``/_dash-component-suites/`` that Dash does not serve: 404;
* Dash's development route ``/_reload-hash`` (it lists the installed packages): 404 unless debugging.

A last handler turns any error that still escapes into a short page without a traceback and logs one
line at ERROR, so a test (``tests/callbacks/test_junk_requests.py``) fails if it is ever reached.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Mapping

from dash import Dash
from dash.exceptions import DependencyException
from flask import Response, request
from werkzeug.exceptions import HTTPException

from .i18n import preferred_language, translator

LOG = logging.getLogger("dashboard.requests")
UPDATE_PATH = "/_dash-update-component"
PAGE_PATHS = frozenset({"/"})
DEVELOPMENT_PATHS = frozenset({"/_reload-hash"})
MAX_DEPTH = 16  # the deepest real body (a map click in the view) is 6 levels
MAX_OUTPUT_KEY = 2000  # characters: the longest output key of this app is under 600
MAX_IDS = 200  # entries of a pattern-matching (ALL) input
MAX_LOGGED = 120  # characters of client text quoted in a log line
_HASH = re.compile(r"@[0-9a-f]{32,64}")
ERROR_PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>
<style>body{{font-family:system-ui,sans-serif;margin:4rem auto;max-width:36rem;padding:0 1rem;color:#1f2933;
font-size:1.1rem}}a{{color:#1d4f91}}</style></head>
<body><h1>{title}</h1><p>{text}</p><p><a href="{home}">{back}</a></p></body></html>"""


class Refused(ValueError):
    """A callback request that does not have the shape dash-renderer sends."""


def quoted(text: object) -> str:
    """Client text for a log line: one line, at most ``MAX_LOGGED`` characters."""
    value = str(text).replace("\n", " ").replace("\r", " ")
    return repr(value if len(value) <= MAX_LOGGED else value[:MAX_LOGGED] + "…")


def _too_deep(value: object, limit: int = MAX_DEPTH) -> bool:
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict | list):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)
    return False


def _expected_outputs(key: str) -> list[tuple[str, str]]:
    plain = _HASH.sub("", key)
    names = plain.strip(".").split("...") if plain.startswith("..") else [plain]
    return [tuple(name.rsplit(".", 1)) for name in names]  # type: ignore[misc]


def _check_item(sent: object, expected_id: str, expected_property: str, where: str) -> None:
    """One entry of ``outputs``, ``inputs`` or ``state`` against the callback's declaration."""
    expected_id = str(expected_id)
    if expected_id.startswith("{"):  # a pattern-matching id: ALL sends a list of matching entries
        pattern = set(json.loads(expected_id))
        entries = sent if isinstance(sent, list) else [sent]
        if len(entries) > MAX_IDS:
            raise Refused(f"{where}: more than {MAX_IDS} entries")
        for entry in entries:
            if not (isinstance(entry, dict) and isinstance(entry.get("id"), dict)) or set(entry["id"]) != pattern:
                raise Refused(f"{where}: not the callback's pattern {expected_id}")
            if entry.get("property") != expected_property:
                raise Refused(f"{where}: expected property {expected_property!r}")
        return
    if not isinstance(sent, dict) or sent.get("id") != expected_id or _plain(sent.get("property")) != expected_property:
        raise Refused(f"{where}: expected {expected_id}.{expected_property}")


def _plain(prop: object) -> object:
    """A property without the ``@hash`` that dash-renderer adds to an output declared ``allow_duplicate``."""
    return _HASH.sub("", prop) if isinstance(prop, str) else prop


def _check_list(sent: object, declared: list[dict], where: str) -> None:
    if not isinstance(sent, list) or len(sent) != len(declared):
        raise Refused(f"{where}: expected a list of {len(declared)}")
    for position, (item, spec) in enumerate(zip(sent, declared)):
        _check_item(item, spec["id"], spec["property"], f"{where}[{position}]")


def check_callback_body(raw: bytes, callbacks: Mapping[str, dict]) -> dict:
    """The parsed body of a callback request, or :class:`Refused` saying (briefly) what is wrong."""
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        raise Refused("the body is not JSON") from None
    if not isinstance(body, dict):
        raise Refused("the body is not a JSON object")
    if _too_deep(body):
        raise Refused(f"the body is nested more than {MAX_DEPTH} levels deep")
    key = body.get("output")
    if not isinstance(key, str) or not key or len(key) > MAX_OUTPUT_KEY:
        raise Refused("'output' must name a callback")
    spec = callbacks.get(key)
    if spec is None:
        raise Refused(f"no callback has the output {quoted(key)}")
    if "callback" not in spec:
        raise Refused(f"{quoted(key)} is computed in the browser")
    outputs = _expected_outputs(key)
    sent_outputs = body.get("outputs")
    if len(outputs) == 1 and not key.startswith(".."):
        _check_item(sent_outputs, *outputs[0], "outputs")
    else:
        _check_list(sent_outputs, [{"id": i, "property": p} for i, p in outputs], "outputs")
    _check_list(body.get("inputs"), spec["inputs"], "inputs")
    _check_list(body.get("state", []), spec.get("state", []), "state")
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or len(changed) > 50 or not all(isinstance(c, str) for c in changed):
        raise Refused("'changedPropIds' must be a list of names")
    for name in changed:
        if not _is_declared_input(name, spec["inputs"]):
            raise Refused(f"'changedPropIds': {quoted(name)} is not an input of this callback")
    return body


def _is_declared_input(name: str, inputs: list[dict]) -> bool:
    """``id.property`` of one of the callback's inputs (for a pattern input: a matching JSON id)."""
    component, _, prop = name.rpartition(".")
    for item in inputs:
        declared = str(item["id"])
        if prop != item["property"]:
            continue
        if not declared.startswith("{"):
            if component == declared:
                return True
            continue
        try:
            sent = json.loads(component)
        except ValueError:
            continue
        if isinstance(sent, dict) and set(sent) == set(json.loads(declared)):
            return True
    return False


def error_page(status: int) -> Response:
    """The page for an address that does not exist (404) or an error (500), in the browser's language."""
    language = request.args.get("lang", "")
    if language not in ("en", "ru", "tg"):
        language = preferred_language(request.headers.get("Accept-Language"))
    t = translator(language)
    title, text = (
        (
            t("Page not found"),
            t("There is no page at this address. The dashboard is one page: its views are in the address after “?”."),
        )
        if status == 404
        else (t("Something went wrong"), t("The server could not answer this request. Please try again in a moment."))
    )
    page = ERROR_PAGE.format(
        lang=language,
        title=html.escape(title),
        text=html.escape(text),
        home="/",
        back=html.escape(t("Back to the dashboard")),
    )
    response = Response(page, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store"
    return response


def _refusal(reason: str, status: int = 400) -> Response:
    LOG.warning("refused %s %s from %s: %s", request.method, request.path[:80], request.remote_addr, reason)
    response = Response(json.dumps({"error": reason}), status=status, mimetype="application/json")
    response.headers["Cache-Control"] = "no-store"
    return response


def add_request_gate(app: Dash, debug: bool = False) -> None:
    """Refuse malformed requests before Dash sees them (see the module's docstring)."""
    server = app.server
    prefix = app.config.requests_pathname_prefix.rstrip("/")

    @server.before_request
    def gate():
        path = request.path[len(prefix) :] if prefix and request.path.startswith(prefix) else request.path
        if path == UPDATE_PATH and request.method == "POST":
            try:
                check_callback_body(request.get_data(cache=True), app.callback_map)
            except Refused as refused:
                return _refusal(str(refused))
            return None
        if path in DEVELOPMENT_PATHS and not debug:
            return error_page(404)
        if request.endpoint == "/<path:path>" and path not in PAGE_PATHS:
            return error_page(404)
        return None

    @server.errorhandler(DependencyException)
    def unknown_script(_error: DependencyException) -> Response:
        return Response("not found", status=404, mimetype="text/plain")

    @server.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        if error.code == 404 and not request.path.startswith(("/_dash", "/geo/")):
            return error_page(404)
        response = Response(error.name, status=error.code or 400, mimetype="text/plain")
        response.headers["Cache-Control"] = "no-store"
        return response

    @server.errorhandler(Exception)
    def unexpected(error: Exception) -> Response:
        LOG.error("unexpected %s on %s %s: %s", type(error).__name__, request.method, request.path[:80], quoted(error))
        if request.path.endswith(UPDATE_PATH):
            return _refusal("the request could not be processed", status=400)
        return error_page(500)
