"""Render plotly hover templates in Python, as the browser would, so tests can read a hover's lines.

Only what the dashboard's templates use: ``%{text}``, ``%{x}``, ``%{y}``, ``%{z}``, ``%{hovertext}``,
``%{customdata[i]}`` and ``%{fullData.name}``, with the d3 formats ``,.Nf`` and ``,``.
"""

from __future__ import annotations

import re

FIELD = re.compile(r"%\{([a-zA-Z.]+)(?:\[(\d+)\])?(?::([^}]*))?\}")


def _format(value: object, spec: str | None, separators: str) -> str:
    if spec is None or not isinstance(value, (int, float)):
        return "" if value is None else str(value)
    decimals = int(spec.split(".")[1].rstrip("f")) if "." in spec else 0
    text = f"{value:,.{decimals}f}" if "," in spec else f"{value:.{decimals}f}"
    decimal, thousands = separators[0], separators[1]
    return text.replace(",", "\x00").replace(".", decimal).replace("\x00", thousands)


def point_hover(trace: dict, index: int, separators: str = ".,") -> str:
    """The hover text of point ``index`` of a trace (``<br>`` kept as the line separator)."""
    template = trace["hovertemplate"]
    template = template[index] if isinstance(template, list) else template

    def value(match: re.Match) -> str:
        name, item, spec = match.group(1), match.group(2), match.group(3)
        if name == "fullData.name":
            return str(trace.get("name", ""))
        data = trace.get(name)
        point = data[index] if isinstance(data, list) else data
        if item is not None:
            point = point[int(item)]
        return _format(point, spec, separators)

    return FIELD.sub(value, template).replace("<extra></extra>", "")


def lines(trace: dict, index: int, separators: str = ".,") -> list[str]:
    return point_hover(trace, index, separators).split("<br>")
