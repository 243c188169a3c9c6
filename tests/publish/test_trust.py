"""A refresh never publishes a wrong release: no empty release, no silent mass removal, no
removal labelled a PATCH; the changelog sees no change in a null and shows a changed fact as
old → new; the comparison is by keys and row hashes."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pandas as pd
import pytest

from pipelines.publish import changelog, release, versioning

from release_helpers import DATASET, copy_tables, three_report_tables


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    return three_report_tables(tmp_path_factory.mktemp("trust"))


copy = copy_tables


def test_removing_rows_is_never_a_patch():
    fields = {"facts": {"fact_id": "string"}}
    assert versioning.bump_kind(fields, fields, rows_added=0, rows_removed=1, rows_changed=0) == "minor"
    assert versioning.bump_kind(fields, fields, rows_added=0, rows_removed=0, rows_changed=1) == "patch"


def test_a_release_without_reports_is_refused(three, tmp_path):
    empty = {t: df.iloc[0:0] for t, df in three.items()}
    with pytest.raises(release.ReleaseError, match="no reports"):
        release.run(empty, tmp_path / "pub", DATASET)
    assert not (tmp_path / "pub" / DATASET / "1.0.0").exists()


def _drop_report(tables, institution):
    out = copy(tables)
    rid = set(out["reports"].loc[out["reports"]["institution"] == institution, "report_id"])
    for t in ("facts", "reports", "report_texts"):
        out[t] = out[t][~out[t]["report_id"].isin(rid)]
    out["institutions"] = out["institutions"][out["institutions"]["institution"] != institution]
    return out


def test_a_release_removing_too_many_facts_is_refused_unless_allowed(three, tmp_path, monkeypatch):
    pub = tmp_path / "pub"
    assert release.run(three, pub, DATASET, today=date(2024, 7, 1)).version == "1.0.0"
    catalogue = (pub / "catalog.json").read_bytes()
    smaller = _drop_report(three, "襄阳工业职业技术学院")  # 4 of 12 facts: 33 %
    with pytest.raises(release.ShrinkError, match=r"remove 4 of the 12 facts .*33%.*25%.*--allow-shrink"):
        release.run(smaller, pub, DATASET, today=date(2024, 8, 1))
    assert (pub / "catalog.json").read_bytes() == catalogue
    assert sorted(p.name for p in (pub / DATASET).iterdir() if not p.name.startswith(".")) == ["1.0.0", "latest"]

    monkeypatch.setenv("CHANJIAO_MAX_SHRINK", "0.5")  # the share is configurable
    result = release.run(smaller, pub, DATASET, today=date(2024, 8, 1))
    assert (result.version, result.bump) == ("1.1.0", "minor")  # rows removed: never a patch

    monkeypatch.delenv("CHANJIAO_MAX_SHRINK")
    nothing = _drop_report(_drop_report(smaller, "汉水职业学院"), "江陵职业技术学院")
    with pytest.raises(release.ReleaseError):
        release.run(nothing, pub, DATASET)
    one = _drop_report(smaller, "汉水职业学院")
    with pytest.raises(release.ShrinkError):
        release.run(one, pub, DATASET, today=date(2024, 9, 1))
    assert release.run(one, pub, DATASET, today=date(2024, 9, 1), allow_shrink=True).version == "1.2.0"


def test_nulls_empty_strings_and_nan_are_no_change(three, tmp_path):
    pub = tmp_path / "pub"
    result = release.run(three, pub, DATASET, today=date(2024, 7, 1))
    old = release.read_release_tables(result.path)
    new = copy(three)
    facts = new["facts"]
    facts["subject"] = facts["subject"].astype(object)
    facts.loc[facts.index[:3], "subject"] = ""  # published as null
    facts.loc[facts.index[3:5], "subject"] = np.nan
    facts.loc[facts.index[5:7], "subject"] = None
    inst = new["institutions"]
    inst["abbreviations"] = [""] * len(inst)
    old["facts"].loc[old["facts"].index[:7], "subject"] = None  # what the writer made of them
    old["institutions"]["abbreviations"] = None
    diff = changelog.diff_release(old, new)
    assert {t: d.counts for t, d in diff.tables.items() if any(d.counts.values())} == {}


def test_a_changed_fact_shows_old_and_new_values(three, tmp_path):
    pub = tmp_path / "pub"
    release.run(three, pub, DATASET, today=date(2024, 7, 1))
    new = copy(three)
    i = new["facts"].index[new["facts"]["quote"].str.contains("350万元")][0]
    new["facts"].loc[i, ["value", "normalized_value"]] = [360.0, 3_600_000.0]
    fid = new["facts"].loc[i, "fact_id"]
    result = release.run(new, pub, DATASET, today=date(2024, 8, 1))
    assert (result.version, result.bump) == ("1.0.1", "patch")
    log = (result.path / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "| facts | 0 | 0 | 1 |" in log and "| institutions | 0 | 0 | 0 |" in log
    line = next(ln for ln in log.splitlines() if f"`{fid}`" in ln)
    assert "value: 350 → 360" in line and "normalized_value: 3.5e+06 → 3.6e+06" in line
    assert "quote" not in line  # only what changed


def test_the_diff_matches_rows_by_key_not_by_position(three):
    old = three["facts"]
    new = old.iloc[::-1].copy()  # same rows, another order
    d = changelog.diff_table(old, new, "facts")
    assert d.counts == {"added": 0, "removed": 0, "changed": 0}
    new = new.iloc[1:].copy()
    new.loc[new.index[0], "indicator_code"] = "patents_granted"
    d = changelog.diff_table(old, new, "facts")
    assert d.counts == {
        "added": 0,
        "removed": 1,
        "changed": int(old.loc[new.index[0], "indicator_code"] != "patents_granted"),
    }
    assert d.removed["fact_id"].tolist() == [old["fact_id"].iloc[-1]]


def test_dates_compare_by_day_whatever_their_type(three):
    old = three["reports"].copy()
    new = old.copy()
    old["published"] = [
        None if pd.isna(v) else pd.Timestamp(v).date() for v in old["published"]
    ]  # as read from Parquet
    assert changelog.diff_table(old, new, "reports").counts == {"added": 0, "removed": 0, "changed": 0}
    new["published"] = new["published"] + pd.Timedelta(days=1)
    assert changelog.diff_table(old, new, "reports").counts["changed"] == int(new["published"].notna().sum())


def test_diff_metadata_is_json(three):
    d = changelog.diff_release({"facts": three["facts"].iloc[:4]}, {"facts": three["facts"]})
    assert json.loads(json.dumps(changelog.diff_metadata(d)))["facts"]["added"] == len(three["facts"]) - 4
