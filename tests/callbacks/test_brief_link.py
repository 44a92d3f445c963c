"""The link to the selected unit's printable brief follows the selection and the language."""

from __future__ import annotations

from .test_callbacks import sync


def test_the_brief_link_follows_the_selected_district(callbacks) -> None:
    chosen = sync(callbacks, "district.value", **{"district.value": "Kulyab"})
    assert chosen["brief-link"] == {"href": "brief?district=kulob&lang=en", "hidden": False}
    cleared = sync(callbacks, "url-request.data", **{"url-request.data": {"search": "?lang=ru", "n": 2}})
    assert cleared["brief-link"]["hidden"] is True
    russian = sync(callbacks, "url-request.data", **{"url-request.data": {"search": "?district=vose&lang=ru", "n": 3}})
    assert russian["brief-link"] == {"href": "brief?district=vose&lang=ru", "hidden": False}
