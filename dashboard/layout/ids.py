"""Component ids, in one place. ``map``, ``indicator``, ``year``, ``district``, ``language``,
``scene-title``, ``scene-note``, ``scene-position`` and ``data-status`` are a contract with outside
checks: do not rename them."""

from __future__ import annotations

from enum import StrEnum


class ID(StrEnum):
    APP = "app"
    ROOT = "app-root"  # everything that is re-rendered when the language changes
    URL = "url"
    URL_REQUEST = "url-request"  # dcc.Store: a URL the browser could not show from its scene cache
    VIEW = "view"  # dcc.Store: the checked view state, input of every drawing callback
    VIEWPORT = "viewport"  # dcc.Store: the window's size class, kept by assets/dashboard.js
    PAGE_LANGUAGE = "page-language"  # dcc.Store: the language the page was rendered in
    LANGUAGE_SINK = "language-sink"  # hidden: output of the callback that sets <html lang>
    CACHE_SINK = "cache-sink"  # hidden: output of the callback that fetches the boundaries for the scenes
    SCENE_CACHE = "scene-cache"  # dcc.Store: every scene's figures, fetched on entering presenter mode
    SCENE_CACHE_KEY = "scene-cache-key"  # dcc.Store: the data version, language and screen size of the cache
    STAGE = "stage"  # presenter mode: the scene's figures (apart from the tabs, so no control moves)
    STAGE_MAP = "stage-map"
    STAGE_RANKING = "stage-ranking"
    STAGE_CHART = "stage-chart"
    STAGE_PANEL = "stage-panel"  # the Sources or Table scene
    NOTICE = "notice"
    NOTICE_TEXT = "notice-text"
    NOTICE_CLOSE = "notice-close"
    LANGUAGE = "language"
    MAP = "map"
    FIGURE_UPDATES = "figure-updates"  # dcc.Store: new figures, or what changed in them (path/value pairs)
    DRAWN = "drawn"  # dcc.Store: the key of each figure on screen (graph id -> key)
    INDICATOR = "indicator"
    YEAR = "year"
    YEAR_COMMITTED = "year-committed"  # dcc.Store: the slider's year once it stops moving (not while playing)
    PLAY = "play"
    PLAY_TIMER = "play-timer"
    PLAY_FRAMES = "play-frames"
    DISTRICT = "district"
    SPOTLIGHT = "spotlight"
    LABELS = "labels"
    TABS = "tabs"
    CHART_KIND = "chart-kind"
    CHART = "chart"
    RANKING = "ranking"
    TREND = "trend"
    PROFILE = "profile"
    GAP = "gap-map"  # the coverage-gap map (tab gap)
    GAP_NEED = "gap-need"
    GAP_SERVICE = "gap-service"
    SHOW = "show"  # the value of the year, or the change since an earlier year (URL mode, from)
    TREND_DISTRICTS = "trend-districts"  # districts compared on the trend (URL districts)
    TREND_DISTRICTS_BOX = "trend-districts-box"
    BRIEF_LINK = "brief-link"  # the selected unit's printable brief
    CITE = "cite-text"  # the citation of the view (share bar)
    SHARE_FALLBACK = "share-fallback"  # the link in a text box, where the clipboard is unavailable
    SHARE_LINK = "share-link"
    INDICATOR_NOTE = "indicator-note"
    DATA_AS_OF = "data-as-of"
    PRESENT_BUTTON = "present-button"
    PRESENTER_BAR = "presenter-bar"
    SCENE_TITLE = "scene-title"
    SCENE_NOTE = "scene-note"
    SCENE_POSITION = "scene-position"
    DATA_STATUS = "data-status"
    LEAVE_QUERY = "leave-query"
    TABLE = "table"
    TABLE_CAPTION = "table-caption"
    TABLE_YEAR = "table-year"
    TABLE_SEARCH = "table-search"
    TABLE_SORT = "table-sort"  # dcc.Store: column and direction, set by the header buttons
    TABLE_COUNT = "table-count"
    DOWNLOAD_BUTTON = "download-csv"
    DOWNLOAD = "download"
    SOURCES = "sources"


SORT_BUTTON = "table-sort-button"  # pattern-matching id type: {"type": SORT_BUTTON, "column": ...}
