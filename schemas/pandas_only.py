"""Building a DataFrameModel's schema, pandera asks which Series and Index types exist in every
dataframe library it supports, and so imports `dask.dataframe` where Dask is installed (it is
here, for extraction on a Dask cluster): about 0.4 s in every process that validates a table,
for types no model of this project uses. `pandas_types_only()` gives pandera's model builder
the pandas types alone; a model annotated with another library's types would not be recognised,
and none is (tests/schemas/test_pandas_only.py builds every published model and validates it
without importing Dask)."""

from __future__ import annotations


def pandas_types_only() -> None:
    from pandera.api.pandas import model
    from pandera.typing import Index, Series

    if hasattr(model, "get_index_types") and hasattr(model, "get_series_types"):
        model.get_index_types = lambda: {Index}
        model.get_series_types = lambda: {Series}
