"""schemas/text.py: the string columns' dtype is pandera's str, recognised in one pass."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pytest
from pandera.errors import SchemaErrors
from pandera.typing import Series

from schemas.text import Text, only_text


class Model(pa.DataFrameModel):
    name: Series[Text] = pa.Field(nullable=True)

    class Config:
        coerce = True


class Strict(pa.DataFrameModel):
    name: Series[Text] = pa.Field(nullable=True)


def test_only_text_is_strings_or_missing_in_an_object_column():
    assert only_text(pd.Series(["a", None, "b"], dtype=object))
    assert only_text(pd.Series([None, None], dtype=object))
    assert not only_text(pd.Series(["a", 5], dtype=object))
    assert not only_text(pd.Series([1.5, 2.0]))


def test_strings_pass_as_they_are_and_other_values_are_coerced_as_pandera_str_does():
    df = pd.DataFrame({"name": pd.Series(["a", None], dtype=object)})
    assert Model.validate(df)["name"].tolist() == ["a", None]
    mixed = pd.DataFrame({"name": pd.Series(["a", 5, None], dtype=object)})
    assert Model.validate(mixed)["name"].tolist() == ["a", "5", None]


def test_without_coercion_a_value_that_is_no_string_is_a_failure_case():
    mixed = pd.DataFrame({"name": pd.Series(["a", 5], dtype=object)})
    with pytest.raises(SchemaErrors) as err:
        Strict.validate(mixed, lazy=True)
    assert 5 in err.value.failure_cases["failure_case"].tolist()


def test_it_reads_as_str_wherever_a_schema_is_described():
    assert str(Model.to_schema().columns["name"].dtype) == "str"
