"""published/index.html: a static, self-contained catalogue page (no script, no external file:
it opens from a served folder or from disk on a machine without internet).

Per dataset: its versions (the latest marked) with date, size, rows per table and a link to every
file; and for the latest version a bar chart of facts per indicator and, per indicator, a small
chart of its summed normalised values per institution, read from that version's facts.parquet.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote

import pyarrow as pa
import pyarrow.parquet as pq

from .files import write_atomic

INDEX = "index.html"
DOCS = ("datapackage.json", "README.md", "CHANGELOG.md", "SHA256SUMS")
TOP_INSTITUTIONS = 8
STYLE = """
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2rem auto;
max-width:72rem;padding:0 1rem;color:#1d2530;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:2px solid #d0d7de;padding-bottom:.2rem;margin-top:2.5rem}
.sub{color:#57606a;margin-top:0}table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border:1px solid #d0d7de;padding:.35rem .5rem;vertical-align:top;text-align:left}th{background:#f6f8fa}
.latest{background:#1f883d;color:#fff;border-radius:.6rem;padding:0 .45rem;font-size:.75rem;margin-left:.3rem}
ul.rows,ul.files{margin:0;padding-left:1rem}code{background:#f6f8fa;padding:0 .2rem}
.charts{display:flex;flex-wrap:wrap;gap:1rem}figure{margin:0;border:1px solid #d0d7de;border-radius:.4rem;
padding:.5rem}figcaption{font-size:.85rem;margin-bottom:.3rem}svg.bars text{font-size:11px;fill:#1d2530}
svg.bars rect{fill:#0969da}.note{color:#57606a;font-size:.85rem}
"""


@dataclass(frozen=True)
class IndicatorChart:
    code: str
    name_zh: str
    name_en: str
    base_unit: str
    n_facts: int
    total: float
    by_institution: list[tuple[str, float]]


def indicator_charts(folder: Path) -> list[IndicatorChart] | None:
    """Per indicator of a release: facts, summed normalised value and the top institutions.
    None when the release's tables cannot be read (the page then says so)."""
    try:
        facts = pq.read_table(
            folder / "facts.parquet", columns=["indicator_code", "institution", "normalized_value", "base_unit"]
        ).to_pandas()
        names = pq.read_table(folder / "indicators.parquet", columns=["code", "name_zh", "name_en"]).to_pandas()
    except (OSError, pa.ArrowException):
        return None
    facts["indicator_code"] = facts["indicator_code"].astype(str)
    facts["base_unit"] = facts["base_unit"].astype(str)
    facts["institution"] = facts["institution"].astype(object).where(facts["institution"].notna(), "(unknown)")
    label = {r.code: (r.name_zh, r.name_en) for r in names.itertuples()}
    out = []
    for (code, unit), g in facts.groupby(["indicator_code", "base_unit"], sort=True):
        per = g.groupby("institution")["normalized_value"].sum().sort_values(ascending=False, kind="mergesort")
        zh, en = label.get(code, (code, code))
        out.append(
            IndicatorChart(
                code,
                zh,
                en,
                unit,
                len(g),
                float(g["normalized_value"].sum()),
                [(str(k), float(v)) for k, v in per.head(TOP_INSTITUTIONS).items()],
            )
        )
    return sorted(out, key=lambda c: (-c.n_facts, c.code, c.base_unit))


def bar_chart(items: list[tuple[str, float]], title: str, label_width: int = 170, width: int = 420) -> str:
    """Horizontal bars as inline SVG: a label, a bar scaled to the largest value, the value."""
    bar, gap = 14, 5
    height = gap + len(items) * (bar + gap)
    top = max((v for _, v in items), default=0) or 1
    room = width - label_width - 80
    parts = [
        f'<svg class="bars" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for i, (label, value) in enumerate(items):
        y = gap + i * (bar + gap)
        w = max(1, round(room * value / top))
        shown = fit(label, label_width - 10)
        parts.append(
            f'<text x="{label_width - 6}" y="{y + bar - 3}" text-anchor="end">{escape(shown)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{w}" height="{bar}">'
            f"<title>{escape(label)}: {number(value)}</title></rect>"
            f'<text x="{label_width + w + 4}" y="{y + bar - 3}">{number(value)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def fit(label: str, px: int) -> str:
    """The label cut to about px pixels of 11px text (a CJK character is about twice a Latin one)."""
    used, out = 0, []
    for ch in label:
        used += 11 if ord(ch) > 0x2E80 else 6
        if used > px:
            return "".join(out[:-1]) + "…"
        out.append(ch)
    return label


def number(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def size(n: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def href(path: str) -> str:
    return escape("/".join(quote(part) for part in path.split("/")))


def _link(path: str, text: str) -> str:
    return f'<a href="{href(path)}">{escape(text)}</a>'


def versions_table(ds: dict) -> str:
    rows = [
        "<table><thead><tr><th>version / 版本</th><th>created / 发布日期</th><th>size / 大小</th>"
        "<th>rows per table / 各表行数</th><th>files / 文件</th></tr></thead><tbody>"
    ]
    for v in ds["versions"]:
        base = f"{ds['name']}/{v['version']}"
        badge = '<span class="latest">latest / 最新</span>' if v.get("latest") else ""
        counts = "".join(f"<li>{escape(t)}: {n if n is not None else '?'}</li>" for t, n in sorted(v["rows"].items()))
        by_table: dict[str, list[dict]] = {}
        for f in v["files"]:
            by_table.setdefault(f["table"], []).append(f)
        files = [f"<li>{' · '.join(_link(f'{base}/{d}', d) for d in DOCS)}</li>"]
        files += [
            f"<li>{escape(t)}: "
            + " · ".join(
                f"{_link(f['path'], f['format'])} ({size(f['bytes'])})"
                for f in sorted(fs, key=lambda f: f["format"], reverse=True)
            )
            + "</li>"
            for t, fs in sorted(by_table.items())
        ]
        rows.append(
            f'<tr id="{escape(ds["name"])}-{escape(v["version"])}"><td><b>{escape(v["version"])}</b>{badge}</td>'
            f"<td>{escape(str(v.get('created') or ''))}</td><td>{size(v['bytes'])}</td>"
            f'<td><ul class="rows">{counts}</ul></td><td><ul class="files">{"".join(files)}</ul></td></tr>'
        )
    rows.append("</tbody></table>")
    return "".join(rows)


def charts_section(ds_name: str, version: str, charts: list[IndicatorChart] | None) -> str:
    if charts is None:
        return f'<p class="note">Charts unavailable: the tables of {escape(version)} could not be read.</p>'
    if not charts:
        return f'<p class="note">No facts in {escape(version)}. / 该版本暂无事实。</p>'
    # an indicator measured in more than one base unit (other: persons, CNY, items …) shows the unit
    multi = {c.code for c in charts if sum(d.code == c.code for d in charts) > 1}
    overview = bar_chart(
        [(f"{c.code} ({c.base_unit})" if c.code in multi else c.code, c.n_facts) for c in charts],
        f"facts per indicator, {ds_name} {version}",
        label_width=260,
        width=620,
    )
    out = [
        f"<h3>Indicators in {escape(version)} / 指标概览</h3>",
        f'<figure id="overview-{escape(ds_name)}"><figcaption>Facts per indicator / 各指标事实数</figcaption>'
        f"{overview}</figure>",
        "<h3>Per indicator, summed normalised value by institution / 各指标按院校汇总</h3>",
        '<div class="charts">',
    ]
    for c in charts:
        title = f"{c.code} ({c.base_unit}): {c.name_zh} / {c.name_en}"
        out.append(
            f'<figure class="indicator" id="chart-{escape(ds_name)}-{escape(c.code)}-{escape(c.base_unit)}" '
            f'data-indicator="{escape(c.code)}"><figcaption><b>{escape(c.name_zh)}</b> / {escape(c.name_en)} '
            f"<code>{escape(c.code)}</code><br>{c.n_facts} facts / 条事实, total / 合计 "
            f"{number(c.total)} {escape(c.base_unit)}</figcaption>"
            f"{bar_chart(c.by_institution, title)}</figure>"
        )
    out.append("</div>")
    return "".join(out)


def render(catalog_data: dict, charts: dict[str, list[IndicatorChart] | None]) -> str:
    """The page from catalog.json's data and the charts of each dataset's latest version."""
    datasets = catalog_data.get("datasets", {})
    body = []
    for name, ds in sorted(datasets.items()):
        body.append(
            f'<section id="dataset-{escape(name)}"><h2>{escape(name)}</h2>'
            f"<p>Latest / 最新版本: <b>{escape(ds['latest'])}</b>. Download and verify / 下载并校验: "
            f"<code>chanjiao download {escape(name)} --from URL-OF-THIS-PAGE</code></p>"
            f"{versions_table(ds)}{charts_section(name, ds['latest'], charts.get(name))}</section>"
        )
    if not body:
        body.append("<p>No releases yet. / 暂无发布。</p>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>chanjiao 产教融合开放数据 · releases</title>"
        f"<style>{STYLE}</style></head><body>"
        "<h1>产教融合开放数据 / Industry–education integration open data</h1>"
        '<p class="sub">chanjiao releases: every version is immutable; each file is listed with its size, and '
        "its sha256 is in SHA256SUMS. / 各版本发布后不再修改，文件校验值见 SHA256SUMS。 "
        '<a href="catalog.json">catalog.json</a></p>' + "".join(body) + "</body></html>\n"
    )


def write_index_page(root: Path, catalog_data: dict) -> Path:
    """Write published/index.html atomically (readers see the old page or the new one)."""
    root = Path(root)
    charts = {
        name: indicator_charts(root / name / ds["latest"]) for name, ds in catalog_data.get("datasets", {}).items()
    }
    path = root / INDEX
    write_atomic(path, render(catalog_data, charts))
    return path
