"""published/index.html: self-contained, bilingual, every version and file linked, a chart per
indicator; written atomically with catalog.json; rendered by headless Chromium from `serve()`."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest

from pipelines.publish import catalog, index_page

from conftest import ROOT
from release_helpers import DATASET, publish_two_versions, served

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """published/ with two versions of ie-facts: 1.0.0 (two reports) and 1.1.0 (one more)."""
    return publish_two_versions(tmp_path_factory.mktemp("index"))


@pytest.fixture
def pub(built, tmp_path) -> Path:
    return Path(shutil.copytree(built, tmp_path / "published"))


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value) of every src/href

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ("href", "src", "xlink:href", "srcset", "action"):
                self.refs.append((tag, k, v or ""))
                if tag == "a" and k == "href":
                    self.hrefs.append(v or "")


def links(html: str) -> Links:
    p = Links()
    p.feed(html)
    return p


def test_release_writes_the_page_with_the_catalogue(built):
    page = built / "index.html"
    assert page.exists() and (built / "catalog.json").exists()
    assert stat.S_IMODE(page.stat().st_mode) == 0o644  # readable by a web server running as another user
    assert not [p.name for p in built.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_every_version_and_file_is_listed_and_linked(built):
    html = (built / "index.html").read_text(encoding="utf-8")
    data = json.loads((built / "catalog.json").read_text(encoding="utf-8"))
    assert "产教融合开放数据" in html and "Industry–education integration open data" in html
    hrefs = set(links(html).hrefs)
    for v in data["datasets"][DATASET]["versions"]:
        assert f'id="{DATASET}-{v["version"]}"' in html
        assert v["created"] in html
        for f in v["files"]:
            assert f["path"] in hrefs
        for doc in ("datapackage.json", "README.md", "CHANGELOG.md", "SHA256SUMS"):
            assert f"{DATASET}/{v['version']}/{doc}" in hrefs
    for h in hrefs:  # every link resolves to a file of the folder
        assert (built / unquote(h)).is_file(), h
    assert html.count('class="latest"') == 1
    latest_row = re.search(rf'<tr id="{DATASET}-1\.1\.0">.*?</tr>', html).group(0)
    assert "latest" in latest_row and "facts: 12" in latest_row and "reports: 3" in latest_row
    assert "facts: 8" in re.search(rf'<tr id="{DATASET}-1\.0\.0">.*?</tr>', html).group(0)
    assert "KiB" in latest_row


def test_the_page_is_self_contained(built):
    html = (built / "index.html").read_text(encoding="utf-8")
    assert html.lower().count("<script") == 1 and "<script>" in html  # one inline script (the filters), no src
    assert "@import" not in html and "url(" not in html and "fetch(" not in html and "XMLHttpRequest" not in html
    for tag, attr, value in links(html).refs:
        if tag == "a" and value.startswith(("http://", "https://")):
            continue  # a fact's source: the report's own URL, a link out, never something the page loads
        assert "//" not in value and not value.startswith(("/", "data:")), (tag, attr, value)
    assert "<link" not in html.lower()


def test_a_chart_per_indicator_of_the_latest_version(built):
    html = (built / "index.html").read_text(encoding="utf-8")
    codes = {
        "partner_enterprises",
        "patents_granted",
        "tech_service_revenue",
        "nondegree_training_person_days",
        "industry_colleges",
        "order_class_enrolment",
    }
    for code in codes:
        fig = re.search(
            rf'<figure class="indicator" id="chart-{DATASET}-{code}-[A-Za-z_]+" data-indicator="{code}">'
            r".*?</figure>",
            html,
        )
        assert fig, code
        assert "<svg" in fig.group(0) and "<rect" in fig.group(0)
    patents = re.search(r'id="chart-ie-facts-patents_granted-item".*?</figure>', html).group(0)
    assert "3 facts" in patents and "42 item" in patents  # 12 + 9 + 21
    assert patents.count("<rect") == 3  # one bar per institution
    revenue = re.search(r'id="chart-ie-facts-tech_service_revenue-CNY".*?</figure>', html).group(0)
    assert "8,700,000 CNY" in revenue  # 350万元 + 520万元
    assert "授权专利数" in html or "专利" in html  # the indicator's Chinese name from indicators.parquet
    overview = re.search(r'<figure id="overview-ie-facts">.*?</figure>', html).group(0)
    assert overview.count("<rect") == len(codes)


def test_the_page_is_written_atomically(pub, monkeypatch):
    page = pub / "index.html"
    before = page.read_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("render failed")

    monkeypatch.setattr(index_page, "render", broken)
    with pytest.raises(RuntimeError):
        catalog.rebuild(pub)
    assert page.read_bytes() == before
    assert not [p.name for p in pub.iterdir() if p.name.startswith(".")]


def test_a_release_with_unreadable_tables_still_gets_a_page(pub):
    (pub / DATASET / "1.1.0" / "facts.parquet").write_bytes(b"not parquet")
    data = catalog.rebuild(pub)
    html = (pub / "index.html").read_text(encoding="utf-8")
    assert "Charts unavailable" in html and "1.1.0" in html and data["datasets"][DATASET]["latest"] == "1.1.0"


def test_names_are_escaped_and_an_empty_catalogue_renders():
    assert "No releases yet" in index_page.render({"datasets": {}}, {})
    evil = {
        "datasets": {
            "x<b>": {
                "name": "x<b>",
                "latest": "1.0.0",
                "versions": [
                    {
                        "version": "1.0.0",
                        "created": "<script>alert(1)</script>",
                        "rows": {"facts": 1},
                        "bytes": 10,
                        "latest": True,
                        "files": [{"path": "x<b>/1.0.0/a b.csv", "format": "csv", "bytes": 10, "table": "a b"}],
                    }
                ],
            }
        }
    }
    html = index_page.render(evil, {"x<b>": []})
    assert "<script>alert" not in html and "&lt;script&gt;" in html and "x%3Cb%3E/1.0.0/a%20b.csv" in html


@pytest.mark.e2e
@pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"),
    reason="Chromium is absent (run `make browser`); required when CI is set",
)
def test_headless_chromium_renders_the_served_page(built, tmp_path):
    assert CHROMIUM.exists(), "CI is set but /usr/bin/chromium is missing: run `make browser`"
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "published-index.png"
    shot.unlink(missing_ok=True)
    base = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'chromium'}",
        "--window-size=1400,1800",
    ]
    with served(built) as url:
        dom = subprocess.run(
            base + ["--dump-dom", url + "index.html"], capture_output=True, text=True, timeout=120, check=True
        ).stdout
        subprocess.run(
            base + [f"--screenshot={shot}", url + "index.html"], capture_output=True, timeout=120, check=True
        )
    assert '<section id="dataset-ie-facts">' in dom
    assert f'<tr id="{DATASET}-1.1.0">' in dom and "latest / 最新" in dom
    assert re.search(
        r'<figure class="indicator" id="chart-ie-facts-patents_granted-item"[^>]*>.*?<svg.*?<rect', dom, re.S
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def _fake_release(folder: Path, facts: list[dict], extra_columns: bool) -> Path:
    """A release folder with hand-made facts (and the real indicator catalogue)."""
    import pandas as pd

    from pipelines.publish.frames import catalogue_frame

    folder.mkdir(parents=True)
    base = {
        "report_id": "0" * 16,
        "published": pd.Timestamp("2024-03-01"),
        "char_start": 0,
        "quote": "q",
        "unit_text": "",
        "normalized_value": 0.0,
    }
    rows = [{**base, "fact_id": f"f{i}", **f} for i, f in enumerate(facts)]
    df = pd.DataFrame(rows)
    if not extra_columns:
        df = df.drop(columns=[c for c in ("entity_level", "period_start", "period_end") if c in df])
    df.to_parquet(folder / "facts.parquet")
    catalogue_frame().to_parquet(folder / "indicators.parquet")
    pd.DataFrame({"report_id": ["0" * 16], "origin": ["https://example.edu.cn/r.html"], "title": ["报告"]}).to_parquet(
        folder / "reports.parquet"
    )
    return folder


def test_percentages_are_never_summed_and_other_levels_never_credited(tmp_path):
    rate = dict(indicator_code="graduate_employment_rate", base_unit="percent")
    money = dict(indicator_code="tech_service_revenue", base_unit="CNY")
    facts = [
        {**rate, "institution": "浙江甲职业技术学院", "normalized_value": 96.5},
        {**rate, "institution": "浙江甲职业技术学院", "normalized_value": 97.1, "char_start": 10},
        {**rate, "institution": "江苏乙职业学院", "normalized_value": 98.0},
        {**money, "institution": "浙江甲职业技术学院", "normalized_value": 3_000_000.0},
        {**money, "institution": "浙江甲职业技术学院", "normalized_value": 1_000_000.0, "char_start": 20},
        {**money, "institution": "浙江甲职业技术学院", "normalized_value": 272_000_000.0, "entity_level": "city"},
        {
            **money,
            "institution": "浙江甲职业技术学院",
            "normalized_value": 5_000_000.0,
            "period_start": pd_ts("2022-01-01"),
            "period_end": pd_ts("2022-12-31"),
        },
    ]
    view = index_page.indicator_charts(_fake_release(tmp_path / "r", facts, extra_columns=True))
    by = {c.code: c for c in view.charts}
    assert by["graduate_employment_rate"].total is None  # a rate has no total
    assert sorted(v for _, v in by["graduate_employment_rate"].by_institution) == [97.1, 98.0]  # latest, not 193.6
    revenue = by["tech_service_revenue"]
    assert revenue.by_institution == [
        ("浙江甲职业技术学院 (2024)", 4_000_000.0)
    ]  # the city's 272 M is not the college's
    assert revenue.total == 4_000_000.0 and revenue.n_facts == 3
    html = index_page.render({"datasets": {"d": {"name": "d", "latest": "1.0.0", "versions": []}}}, {"d": view})
    fig = re.search(r'id="chart-d-graduate_employment_rate-percent".*?</figure>', html).group(0)
    assert "not summed" in fig and "合计" not in fig and "193" not in fig
    assert "272,000,000 CNY" in html  # in the table, at its own level
    row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*272,000,000(?:(?!</tr>).)*</tr>", html).group(0)
    assert "<td>city</td>" in row
    trend = re.search(r'<figure class="institution" data-institution="浙江甲职业技术学院".*?</figure>', html).group(0)
    assert "2022" in trend and "2024" in trend and "5,000,000" in trend and "4,000,000" in trend
    assert 'data-province="浙江"' in trend
    for key in ("province", "institution", "indicator", "year"):
        assert f'data-key="{key}"' in html
    assert '<a href="https://example.edu.cn/r.html" rel="noopener">报告</a>' in html


def test_without_level_or_period_columns_facts_are_institution_level_in_their_reports_year(tmp_path):
    facts = [
        dict(indicator_code="patents_granted", base_unit="item", institution="湖北丙职业学院", normalized_value=5.0),
        dict(indicator_code="patents_granted", base_unit="item", institution="湖北丙职业学院", normalized_value=7.0),
    ]
    view = index_page.indicator_charts(_fake_release(tmp_path / "r", facts, extra_columns=False))
    assert set(view.facts["level"]) == {"institution"} and set(view.facts["year"]) == {"2024"}
    assert view.charts[0].by_institution == [("湖北丙职业学院 (2024)", 12.0)] and view.charts[0].total == 12.0


def pd_ts(text: str):
    import pandas as pd

    return pd.Timestamp(text)


@pytest.mark.e2e
@pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"),
    reason="Chromium is absent (run `make browser`); required when CI is set",
)
def test_headless_chromium_filters_by_institution_and_indicator(built, tmp_path):
    assert CHROMIUM.exists(), "CI is set but /usr/bin/chromium is missing: run `make browser`"
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "published-index-filtered.png"
    shot.unlink(missing_ok=True)
    base = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'chromium'}",
        "--window-size=1400,1400",
    ]
    query = (
        "?institution=%E6%B1%89%E6%B0%B4%E8%81%8C%E4%B8%9A%E5%AD%A6%E9%99%A2&indicator=patents_granted"  # 汉水职业学院
    )
    with served(built) as url:
        dom = subprocess.run(
            base + ["--dump-dom", url + "index.html" + query], capture_output=True, text=True, timeout=120, check=True
        ).stdout
        subprocess.run(
            base + [f"--screenshot={shot}", url + "index.html" + query], capture_output=True, timeout=120, check=True
        )
    rows = re.findall(r"<tr ([^>]*)>", dom)
    visible = [r for r in rows if "data-institution" in r and "hidden" not in r]
    assert len(visible) == 1 and 'data-institution="汉水职业学院"' in visible[0]
    assert 'data-indicator="patents_granted"' in visible[0]
    assert re.search(r'<span id="shown-ie-facts">1</span>', dom)
    figs = re.findall(r'<figure class="indicator"[^>]*>', dom)
    assert [f for f in figs if "hidden" not in f] == [f for f in figs if "patents_granted" in f]
    inst = [f for f in re.findall(r'<figure class="institution"[^>]*>', dom) if "hidden" not in f]
    assert len(inst) == 1 and "汉水职业学院" in inst[0]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_per_institution_values_come_from_one_pass_over_the_facts(pub, monkeypatch):
    """The charts and trends read one table of values per institution, indicator, unit and year:
    the page's group-bys do not multiply with institutions × indicators."""
    calls = []
    real = index_page.per_institution
    monkeypatch.setattr(index_page, "per_institution", lambda own: calls.append(len(own)) or real(own))
    catalog.rebuild(pub)
    assert 1 <= len(calls) <= 2 * len(list((pub / DATASET).glob("[0-9]*")))  # charts and trends, per release
    import pandas as pd

    own = pd.DataFrame(
        {
            "institution": ["甲学院", "甲学院", "甲学院", "乙学院"],
            "indicator_code": ["patents_granted", "patents_granted", "graduate_employment_rate", "patents_granted"],
            "base_unit": ["item", "item", "percent", "item"],
            "year": ["2023", "2023", "2023", "2024"],
            "normalized_value": [3.0, 4.0, 95.0, 1.0],
            "published": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03", "2024-02-01"]),
            "char_start": [0, 10, 20, 0],
        }
    )
    got = real(own)
    assert got.to_dict("records") == [
        {
            "institution": "乙学院",
            "indicator_code": "patents_granted",
            "base_unit": "item",
            "year": "2024",
            "normalized_value": 1.0,
        },
        {
            "institution": "甲学院",
            "indicator_code": "graduate_employment_rate",
            "base_unit": "percent",
            "year": "2023",
            "normalized_value": 95.0,
        },
        {
            "institution": "甲学院",
            "indicator_code": "patents_granted",
            "base_unit": "item",
            "year": "2023",
            "normalized_value": 7.0,
        },
    ]  # counts add up, a rate is never summed


def test_a_big_release_lists_the_first_facts_and_says_where_the_rest_are(pub, monkeypatch):
    facts = pub / DATASET / "latest" / "facts.parquet"
    import pyarrow.parquet as pq

    n = pq.read_metadata(facts).num_rows
    assert n > 3
    monkeypatch.setattr(index_page, "PAGE_FACTS", 3)
    catalog.rebuild(pub)
    html = (pub / "index.html").read_text(encoding="utf-8")
    table = re.search(rf'<table class="facts" id="facts-{DATASET}">.*?</table>', html, re.S).group(0)
    assert len(re.findall(r"<tr data-province=", table)) == 3
    assert f'<span id="shown-{DATASET}">3</span> of {n})' in html
    assert f"the first 3 of {n} facts" in html


def test_the_page_a_release_draws_is_the_page_the_catalogue_draws_from_disk(pub):
    """A release draws its charts from its staging folder while its database is written; the page
    is the one drawn afterwards from the published folders."""
    page = (pub / "index.html").read_bytes()
    (pub / "index.html").unlink()
    catalog.rebuild(pub)
    assert (pub / "index.html").read_bytes() == page
