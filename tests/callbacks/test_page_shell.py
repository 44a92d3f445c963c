"""The HTML page for a URL: Dash's config as Dash writes it, built cheaply (the page is the costliest
request of a first visit, and a roundtable opens it fifty times at once)."""

from __future__ import annotations

import json
import re

from dash._utils import to_json

CONFIG = re.compile(r'<script id="_dash-config" type="application/json">(.*?)</script>', re.S)
URL = "/?indicator=coverage_medical_pct&year=2022"


def page_config(app) -> dict:
    html = app.server.test_client().get(URL, headers={"Accept-Encoding": "identity"}).get_data(as_text=True)
    return json.loads(CONFIG.search(html).group(1))


def test_the_config_is_dashs_own_with_the_validation_layout(app) -> None:
    ours = page_config(app)
    with app.server.test_request_context(URL):
        dashs = json.loads(to_json(app._config()))
    assert ours.pop("end_id") and dashs.pop("end_id")  # signed per page
    assert ours == dashs
    assert ours["validation_layout"]["props"]["children"]  # the whole page's components, for callbacks


def test_the_validation_layout_is_serialised_once(app, monkeypatch) -> None:
    """About 30 ms of CPU per page before: the same whole-page layout serialised for every visitor."""
    page_config(app)
    monkeypatch.setattr(app, "validation_text", '{"marker": 1}')  # what the page now reuses
    assert page_config(app)["validation_layout"] == {"marker": 1}


def test_a_pasted_link_shows_the_views_title_and_description(app) -> None:
    import html

    client = app.server.test_client()
    text = client.get("/?tab=gap&lang=ru").get_data(as_text=True)
    metas = {
        m[0]: html.unescape(m[1]) for m in re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', text)
    }
    assert metas["og:title"].startswith("Нехватка услуг: Дети, у которых один или оба родителя за рубежом и Охват")
    assert metas["og:title"].endswith("— Панель мониторинга миграции в Хатлоне")
    assert "не официальная статистика" in metas["og:description"] == metas["description"]
    assert metas["og:locale"] == "ru_RU" and metas["og:type"] == "website"
    assert "og:image" not in metas  # no external picture
    context = client.get("/?tab=chart&chart=context&lang=en").get_data(as_text=True)
    assert "not official statistics" not in re.search(r'og:description" content="([^"]*)"', context)[1]
