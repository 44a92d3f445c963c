"""Component ids, in one place. ``map``, ``indicator``, ``year``, ``district``, ``scene-title``,
``scene-note`` and ``scene-position`` are a contract with outside checks: do not rename them."""

from __future__ import annotations

from enum import StrEnum


class ID(StrEnum):
    APP = "app"
    URL = "url"
    VIEW = "view"  # dcc.Store: the checked view state, input of every drawing callback
    MAP = "map"
    INDICATOR = "indicator"
    YEAR = "year"
    YEAR_COMMITTED = "year-committed"  # dcc.Store: the slider's year once it stops moving (not while playing)
    PLAY = "play"
    PLAY_TIMER = "play-timer"
    PLAY_FRAMES = "play-frames"
    DISTRICT = "district"
    SPOTLIGHT = "spotlight"
    TABS = "tabs"
    CHART_KIND = "chart-kind"
    CHART = "chart"
    RANKING = "ranking"
    TREND = "trend"
    PROFILE = "profile"
    INDICATOR_NOTE = "indicator-note"
    DATA_AS_OF = "data-as-of"
    PRESENT_BUTTON = "present-button"
    PRESENTER_BAR = "presenter-bar"
    SCENE_TITLE = "scene-title"
    SCENE_NOTE = "scene-note"
    SCENE_POSITION = "scene-position"
    LEAVE_QUERY = "leave-query"
    TABLE = "table"
    TABLE_CAPTION = "table-caption"
    DOWNLOAD_BUTTON = "download-csv"
    DOWNLOAD = "download"
    SOURCES = "sources"
