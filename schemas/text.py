"""`Text`: the dtype of the published tables' string columns. It is pandera's `str` (values are
Python strings or missing) with one change: a column that already holds only strings is
recognised in one vectorised pass (pandas' infer_dtype, in C), where pandera's `str` calls
`isinstance` once per value and coerces every value again (about half the time of validating the
facts table). Any other column goes through pandera's own coercion and check, failure cases and
all.
"""

from __future__ import annotations

import pandas as pd
from pandera import dtypes
from pandera.engines import pandas_engine


def only_text(s) -> bool:
    """True where s is an object Series whose values are all strings or missing."""
    return (
        isinstance(s, pd.Series)
        and s.dtype == object
        and pd.api.types.infer_dtype(s, skipna=True) in ("string", "empty")
    )


@pandas_engine.Engine.register_dtype
@dtypes.immutable
class Text(pandas_engine.NpString):
    """pandera's `str`, checked and coerced in one pass where the values are strings already."""

    def coerce(self, data_container):
        return data_container if only_text(data_container) else super().coerce(data_container)

    def check(self, pandera_dtype, data_container=None):
        if data_container is not None and only_text(data_container):
            return True
        return super().check(pandera_dtype, data_container)

    def __str__(self) -> str:
        return "str"  # what describe.py and the error messages name: the same type as pandera's str
