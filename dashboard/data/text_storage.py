"""pandas 3 stores text in pyarrow when pyarrow is installed (svy brings it). The validator's many
small string operations then take about twice the memory (200,000 rows: 388 MB against 204 MB) and
more time, so the data package keeps pandas' Python-backed strings. Imported first by the package."""

import pandas as pd

pd.set_option("mode.string_storage", "python")
