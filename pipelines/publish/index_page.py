"""published/index.html: a static, self-contained catalogue page (no external file, no network:
it opens from a served folder or from disk on a machine without internet).

Per dataset: filters (province, institution, indicator, year); its versions (the latest marked)
with date, size, rows per table and a link to every file; and for the latest version, read from
its Parquet files: facts per indicator, one indicator across institutions, one institution across
years, and the table of facts with their quotes and source links.

Numbers are aggregated only as their unit allows: counts and money add up (within an
institution's year), rates and shares (percent) never do and are shown per institution and year.
Facts about another entity level (a city, a province: `entity_level`) are never credited to a
college. A fact's year is its period (`period_end`/`period_start`) where the table has one, else
the year of its report. The only script is inline and only filters what is already on the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path
from urllib.parse import quote

import pandas as pd
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
form.filters{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0;padding:.6rem;background:#f6f8fa;border-radius:.4rem}
form.filters label{display:flex;flex-direction:column;font-size:.8rem;color:#57606a}
form.filters select{font-size:.9rem;max-width:16rem}table.facts td.num{text-align:right;white-space:nowrap}
table.facts{font-size:.85rem}[hidden]{display:none!important}
"""


# Units whose values add up (counts and money); a rate or share (percent) or an unknown unit
# (other) never does: those are shown per institution and period, never summed.
ADDITIVE_UNITS = frozenset({"CNY", "person_day", "person_time", "person", "paper", "hour", "item", "unit"})
INSTITUTION_LEVEL = "institution"
PROVINCES = (
    "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建", "江西",
    "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃",
    "青海", "宁夏", "新疆",
)  # fmt: skip
CITIES = {
    "深圳": "广东", "广州": "广东", "东莞": "广东", "佛山": "广东", "珠海": "广东", "中山": "广东", "南京": "江苏",
    "苏州": "江苏", "无锡": "江苏", "常州": "江苏", "南通": "江苏", "杭州": "浙江", "宁波": "浙江", "温州": "浙江",
    "金华": "浙江", "义乌": "浙江", "武汉": "湖北", "襄阳": "湖北", "长沙": "湖南", "成都": "四川", "西安": "陕西",
    "青岛": "山东", "济南": "山东", "烟台": "山东", "威海": "山东", "淄博": "山东", "郑州": "河南", "合肥": "安徽",
    "芜湖": "安徽", "福州": "福建", "厦门": "福建", "泉州": "福建", "南昌": "江西", "沈阳": "辽宁", "大连": "辽宁",
    "长春": "吉林", "哈尔滨": "黑龙江", "石家庄": "河北", "太原": "山西", "南宁": "广西", "柳州": "广西",
    "昆明": "云南", "贵阳": "贵州", "兰州": "甘肃", "乌鲁木齐": "新疆", "呼和浩特": "内蒙古", "包头": "内蒙古",
    "海口": "海南", "三亚": "海南", "银川": "宁夏", "西宁": "青海", "拉萨": "西藏",
}  # fmt: skip
UNKNOWN = "(unknown)"


def province_of(name: str | None) -> str:
    """The province an institution's name starts with (or whose city it starts with), else (unknown)."""
    if not name:
        return UNKNOWN
    for p in PROVINCES:
        if name.startswith(p):
            return p
    for city, p in CITIES.items():
        if name.startswith(city):
            return p
    return UNKNOWN


@dataclass(frozen=True)
class IndicatorChart:
    code: str
    name_zh: str
    name_en: str
    base_unit: str
    n_facts: int
    total: float | None  # None: the unit does not add up
    by_institution: list[tuple[str, float]]  # (label "institution (year)", value)

    @property
    def additive(self) -> bool:
        return self.base_unit in ADDITIVE_UNITS


@dataclass
class ReleaseView:
    """What the page shows of one release: facts at every entity level, with year and province."""

    facts: pd.DataFrame
    charts: list[IndicatorChart]
    names: dict[str, tuple[str, str]]
    values: pd.DataFrame  # per_institution of the institution-level facts: what charts and trends show

    def __len__(self) -> int:
        return len(self.charts)

    def __iter__(self):
        return iter(self.charts)

    def __getitem__(self, i):
        return self.charts[i]


# The facts columns the page reads (the sentence and the rest stay on disk: at 10k reports the
# whole table is half a gigabyte in memory).
PAGE_COLUMNS = (
    "report_id",
    "institution",
    "entity_level",
    "period_start",
    "period_end",
    "published",
    "province",
    "indicator_code",
    "base_unit",
    "normalized_value",
    "char_start",
    "quote",
)
# The most facts the page lists: past it the table would be a page no browser wants (105 MB of HTML
# at 10k reports); the charts still count every fact, and the files hold them all.
PAGE_FACTS = 5000


def _fact_frame(folder: Path) -> tuple[pd.DataFrame, dict[str, tuple[str, str]]]:
    path = folder / "facts.parquet"
    present = set(pq.read_schema(path).names)
    facts = pq.read_table(path, columns=[c for c in PAGE_COLUMNS if c in present]).to_pandas()
    names_df = pq.read_table(folder / "indicators.parquet", columns=["code", "name_zh", "name_en"]).to_pandas()
    try:
        reports = pq.read_table(folder / "reports.parquet", columns=["report_id", "origin", "title"]).to_pandas()
    except (OSError, pa.ArrowException, KeyError):
        reports = pd.DataFrame(columns=["report_id", "origin", "title"])
    for c in facts.columns:
        if isinstance(facts[c].dtype, pd.CategoricalDtype):
            facts[c] = facts[c].astype(object)
    n = len(facts)
    level = facts["entity_level"] if "entity_level" in facts else pd.Series([None] * n, index=facts.index)
    facts["level"] = level.astype(object).where(level.notna(), INSTITUTION_LEVEL)
    # the period a fact is about where the table says so, else the year of its report
    year = pd.Series([pd.NA] * n, index=facts.index, dtype="Int64")
    for col in ("period_end", "period_start"):
        if col in facts:
            y = pd.to_datetime(facts[col], errors="coerce").dt.year.astype("Int64")
            year = year.fillna(y)
    year = year.fillna(pd.to_datetime(facts["published"], errors="coerce").dt.year.astype("Int64"))
    facts["year"] = year.astype(object).where(year.notna(), UNKNOWN).astype(str)
    inst = facts["institution"].astype(object)
    facts["institution"] = inst.where(inst.notna() & (inst != ""), UNKNOWN)
    provinces = facts["institution"].map({n: province_of(n) for n in facts["institution"].unique()})
    if "province" in facts:
        prov = facts["province"].astype(object)
        facts["province"] = prov.where(prov.notna(), provinces)
    else:
        facts["province"] = provinces
    facts = facts.merge(reports, on="report_id", how="left")
    names = {r.code: (r.name_zh, r.name_en) for r in names_df.itertuples()}
    return facts, names


PER_KEYS = ["institution", "indicator_code", "base_unit", "year"]


def per_institution(own: pd.DataFrame) -> pd.DataFrame:
    """One value per institution, indicator, unit and year: the sum where the unit adds up, else
    the latest reported. One group-by over all facts (the page's charts read slices of it), so
    the page costs time linear in the facts, not institutions × indicators group-bys."""
    add = own["base_unit"].isin(ADDITIVE_UNITS)
    summed = own[add].groupby(PER_KEYS, as_index=False, sort=True)["normalized_value"].sum()
    ordered = own[~add].sort_values(["published", "char_start"], kind="mergesort", na_position="first")
    latest = ordered.groupby(PER_KEYS, as_index=False, sort=True)["normalized_value"].last()
    both = pd.concat([summed, latest], ignore_index=True)
    return both.sort_values(PER_KEYS, kind="mergesort").reset_index(drop=True)


def indicator_charts(folder: Path) -> ReleaseView | None:
    """The release's facts and, per indicator and unit, one value per institution (its latest
    year; institution-level facts only). None when the release's tables cannot be read."""
    try:
        facts, names = _fact_frame(folder)
    except (OSError, pa.ArrowException, KeyError):
        return None
    own = facts[facts["level"] == INSTITUTION_LEVEL]
    out = []
    values = per_institution(own)
    per_all = {k: g for k, g in values.groupby(["indicator_code", "base_unit"], sort=False)}
    for (code, unit), g in own.groupby(["indicator_code", "base_unit"], sort=True):
        additive = unit in ADDITIVE_UNITS
        per = per_all[(code, unit)]
        latest = per.sort_values("year", kind="mergesort").groupby("institution").tail(1)
        latest = latest.sort_values(["normalized_value", "institution"], ascending=[False, True], kind="mergesort")
        zh, en = names.get(code, (code, code))
        out.append(
            IndicatorChart(
                code,
                zh,
                en,
                unit,
                len(g),
                float(latest["normalized_value"].sum()) if additive else None,
                [
                    (f"{r.institution} ({r.year})", float(r.normalized_value))
                    for r in latest.head(TOP_INSTITUTIONS).itertuples()
                ],
            )
        )
    charts = sorted(out, key=lambda c: (-c.n_facts, c.code, c.base_unit))
    return ReleaseView(facts, charts, names, values)


def bar_chart(
    items: list[tuple[str, float]],
    title: str,
    label_width: int = 170,
    width: int = 420,
    groups: list[str] | None = None,
) -> str:
    """Horizontal bars as inline SVG: a label, a bar scaled to the largest value, the value.
    groups (one per item, e.g. the unit): each bar is scaled to the largest of its own group, so
    that yuan and persons are never drawn on one scale."""
    bar, gap = 14, 5
    height = gap + len(items) * (bar + gap)
    groups = groups or [""] * len(items)
    tops = {g: max((v for (_, v), h in zip(items, groups) if h == g), default=0) or 1 for g in set(groups)}
    room = width - label_width - 80
    parts = [
        f'<svg class="bars" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for i, (label, value) in enumerate(items):
        y = gap + i * (bar + gap)
        w = max(1, round(room * value / tops[groups[i]]))
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


def charts_section(ds_name: str, version: str, charts) -> str:
    if charts is None:
        return f'<p class="note">Charts unavailable: the tables of {escape(version)} could not be read.</p>'
    if not len(charts):
        return f'<p class="note">No facts in {escape(version)}. / 该版本暂无事实。</p>'
    # an indicator measured in more than one base unit (other: persons, CNY, items …) shows the unit
    multi = {c.code for c in charts if sum(d.code == c.code for d in charts) > 1}
    overview = bar_chart(
        [(f"{c.name_zh} ({c.base_unit})" if c.code in multi else c.name_zh, c.n_facts) for c in charts],
        f"facts per indicator, {ds_name} {version}",
        label_width=260,
        width=620,
    )
    out = [
        trends_section(ds_name, charts) if isinstance(charts, ReleaseView) else "",
        "<h3>One indicator across institutions / 各院校同一指标</h3>",
        '<p class="note">Each bar is one institution in its latest year. Counts and money are summed within '
        "that year; rates and shares (percent) are never added up: each bar is the value the institution "
        "reported. Figures about cities, provinces or other bodies are not credited to a college: they are "
        "in the table below with their level. / 每条为院校最近一年的数值；计数与金额按年加总，比率（%）不加总；"
        "城市、省级等其他主体的数字不计入院校。</p>",
        '<div class="charts">',
    ]
    for c in charts:
        title = f"{c.code} ({c.base_unit}): {c.name_zh} / {c.name_en}"
        if c.additive:
            shown = f"total / 合计 {number(c.total or 0)} {escape(c.base_unit)} (latest year of each institution)"
        else:
            shown = f"{escape(c.base_unit)}, per institution, not summed / 按院校列示，不加总"
        out.append(
            f'<figure class="indicator" id="chart-{escape(ds_name)}-{escape(c.code)}-{escape(c.base_unit)}" '
            f'data-indicator="{escape(c.code)}"><figcaption><b>{escape(c.name_zh)}</b> / {escape(c.name_en)} '
            f"<code>{escape(c.code)}</code><br>{c.n_facts} facts / 条事实, {shown}</figcaption>"
            f"{bar_chart(c.by_institution, title)}</figure>"
        )
    out.append("</div>")
    if isinstance(charts, ReleaseView):
        out.append(facts_table(ds_name, charts))
    out += [
        f"<h3>Indicators in {escape(version)} / 指标概览</h3>",
        f'<figure id="overview-{escape(ds_name)}"><figcaption>Facts per indicator (institution level) / '
        f"各指标事实数（院校层面）</figcaption>{overview}</figure>",
    ]
    return "".join(out)


def trends_section(ds_name: str, view: ReleaseView) -> str:
    """Per institution, each indicator by year (institution-level facts only)."""
    own = view.facts[view.facts["level"] == INSTITUTION_LEVEL]
    if own.empty:
        return ""
    ranked = own.groupby("institution").size().sort_values(ascending=False, kind="mergesort")
    out = [
        "<h3>One institution across years / 单个院校历年数据</h3>",
        f'<p class="note">Choose an institution above; without a choice the {TOP_INSTITUTIONS} with the most facts '
        "are shown. Bars are scaled within each unit. / 请在上方选择院校；各单位分别缩放。</p>",
        '<div class="charts">',
    ]
    # one pass over the columns, then each institution's rows by position (no frame per institution)
    province_of = own.groupby("institution", sort=False)["province"].first().to_dict()
    years_of = {inst: sorted(set(ys)) for inst, ys in own.groupby("institution", sort=False)["year"]}
    v = view.values
    labels = [f"{view.names.get(code, (code,))[0]} · {year}" for code, year in zip(v["indicator_code"], v["year"])]
    numbers = v["normalized_value"].astype(float).tolist()
    units = v["base_unit"].tolist()
    rows_of = v.groupby("institution", sort=False).indices
    for rank, (inst, _) in enumerate(ranked.items()):
        items = [(labels[i], numbers[i], units[i]) for i in rows_of.get(inst, ())]
        province = province_of[inst]
        years = years_of[inst]
        chart = bar_chart(
            [(f"{label} ({unit})", v) for label, v, unit in items],
            f"{inst} by year",
            label_width=230,
            groups=[unit for _, _, unit in items],
        )
        hidden = " hidden" if rank >= TOP_INSTITUTIONS else ""
        out.append(
            f'<figure class="institution" data-institution="{escape(inst)}" data-province="{escape(province)}"'
            f' data-top="{int(rank < TOP_INSTITUTIONS)}"{hidden}><figcaption><b>{escape(inst)}</b> · '
            f"{escape(province)} · {escape(', '.join(years))}</figcaption>{chart}</figure>"
        )
    out.append("</div>")
    return "".join(out)


def _source(origin, title) -> str:
    origin = "" if origin is None or (isinstance(origin, float) and pd.isna(origin)) else str(origin)
    text = title if isinstance(title, str) and title else origin
    if origin.lower().startswith(("http://", "https://")):
        return f'<a href="{escape(origin)}" rel="noopener">{escape(fit(text, 200))}</a>'
    return escape(fit(text, 200))


def facts_table(ds_name: str, view: ReleaseView) -> str:
    f = view.facts.sort_values(["province", "institution", "year", "indicator_code", "char_start"], kind="mergesort")
    total = len(f)
    f = f.head(PAGE_FACTS)
    # what many rows share (a province, an institution, a report's source link) is escaped once
    esc = lru_cache(maxsize=None)(escape)
    sources = {
        rid: _source(origin, title)
        for rid, origin, title in f[["report_id", "origin", "title"]]
        .drop_duplicates("report_id")
        .itertuples(index=False)
    }
    rows = []
    for r in f.itertuples():
        zh, en = view.names.get(r.indicator_code, (r.indicator_code, r.indicator_code))
        rows.append(
            f'<tr data-province="{esc(r.province)}" data-institution="{esc(r.institution)}" '
            f'data-indicator="{esc(r.indicator_code)}" data-year="{esc(r.year)}">'
            f"<td>{esc(r.province)}</td><td>{esc(r.institution)}</td><td>{esc(str(r.level))}</td>"
            f"<td>{esc(r.year)}</td><td>{esc(zh)}<br><small>{esc(en)}</small></td>"
            f'<td class="num">{number(r.normalized_value)} {esc(r.base_unit)}</td>'
            f"<td>{escape(r.quote)}</td><td>{sources[r.report_id]}</td></tr>"
        )
    capped = (
        f'<p class="sub">The page lists the first {len(f):,} of {total:,} facts; every fact is in the '
        f"release's facts.csv, facts.parquet and DuckDB file. / 本页列出前 {len(f):,} 条，全部事实见下载文件。</p>"
        if total > len(f)
        else ""
    )
    return (
        f'<h3>Facts / 事实 (<span id="shown-{escape(ds_name)}">{len(f)}</span> of {total})</h3>{capped}'
        f'<table class="facts" id="facts-{escape(ds_name)}"><thead><tr><th>province / 省份</th>'
        "<th>institution / 主体</th><th>level / 层级</th><th>year / 年份</th><th>indicator / 指标</th>"
        "<th>value / 数值</th><th>quote / 原文</th><th>source / 来源</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def filters(ds_name: str, view) -> str:
    """Four selects (province, institution, indicator, year) that narrow the table and the charts."""
    if not isinstance(view, ReleaseView) or view.facts.empty:
        return ""
    f = view.facts

    def select(key: str, label: str, values: list[tuple[str, str]]) -> str:
        opts = "".join(f'<option value="{escape(v)}">{escape(t)}</option>' for v, t in values)
        return (
            f'<label>{label}<select data-key="{key}" data-dataset="{escape(ds_name)}">'
            f'<option value="">all / 全部</option>{opts}</select></label>'
        )

    codes = sorted(set(f["indicator_code"]))
    return (
        f'<form class="filters" id="filters-{escape(ds_name)}">'
        + select("province", "province / 省份", [(p, p) for p in sorted(set(f["province"]))])
        + select("institution", "institution / 院校", [(i, i) for i in sorted(set(f["institution"]))])
        + select("indicator", "indicator / 指标", [(c, f"{view.names.get(c, (c,))[0]} ({c})") for c in codes])
        + select("year", "year / 年份", [(y, y) for y in sorted(set(f["year"]))])
        + "</form>"
    )


# Inline (the page stays one self-contained file): show only what matches every chosen filter.
SCRIPT = """
document.querySelectorAll('form.filters').forEach(function (form) {
  var ds = form.id.slice('filters-'.length);
  var section = document.getElementById('dataset-' + ds);
  function apply() {
    var want = {};
    form.querySelectorAll('select').forEach(function (s) { if (s.value) want[s.dataset.key] = s.value; });
    var match = function (el, keys) {
      return keys.every(function (k) { return !want[k] || !el.dataset[k] || el.dataset[k] === want[k]; });
    };
    var shown = 0;
    section.querySelectorAll('table.facts tbody tr').forEach(function (tr) {
      var ok = match(tr, ['province', 'institution', 'indicator', 'year']);
      tr.hidden = !ok; if (ok) shown++;
    });
    var counter = document.getElementById('shown-' + ds); if (counter) counter.textContent = shown;
    section.querySelectorAll('figure.indicator').forEach(function (fig) { fig.hidden = !match(fig, ['indicator']); });
    section.querySelectorAll('figure.institution').forEach(function (fig) {
      var chosen = want.institution || want.province;
      fig.hidden = chosen ? !match(fig, ['institution', 'province']) : fig.dataset.top !== '1';
    });
  }
  form.addEventListener('change', apply);
  var params = new URLSearchParams(location.search);
  form.querySelectorAll('select').forEach(function (s) {
    var v = params.get(s.dataset.key);
    if (v !== null && Array.prototype.some.call(s.options, function (o) { return o.value === v; })) s.value = v;
  });
  apply();
});
"""


def render(catalog_data: dict, charts: dict[str, list[IndicatorChart] | None]) -> str:
    """The page from catalog.json's data and the charts of each dataset's latest version."""
    datasets = catalog_data.get("datasets", {})
    body = []
    for name, ds in sorted(datasets.items()):
        body.append(
            f'<section id="dataset-{escape(name)}"><h2>{escape(name)}</h2>'
            f"<p>Latest / 最新版本: <b>{escape(ds['latest'])}</b>. Download and verify / 下载并校验: "
            f"<code>chanjiao download {escape(name)} --from URL-OF-THIS-PAGE</code></p>"
            f"{filters(name, charts.get(name))}{versions_table(ds)}"
            f"{charts_section(name, ds['latest'], charts.get(name))}</section>"
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
        '<a href="catalog.json">catalog.json</a></p>' + "".join(body) + f"<script>{SCRIPT}</script></body></html>\n"
    )


def write_index_page(
    root: Path, catalog_data: dict, drawn: dict[str, tuple[str, ReleaseView | None]] | None = None
) -> Path:
    """Write published/index.html atomically (readers see the old page or the new one). drawn:
    dataset -> (version, its indicator_charts) where the caller drew them already (a release draws
    its own from its staging folder while its database is written)."""
    root = Path(root)
    drawn = drawn or {}
    charts = {}
    for name, ds in catalog_data.get("datasets", {}).items():
        version, view = drawn.get(name, (None, None))
        charts[name] = view if version == ds["latest"] else indicator_charts(root / name / ds["latest"])
    path = root / INDEX
    write_atomic(path, render(catalog_data, charts))
    return path
