"""The extractor on real public report excerpts (samples/real): the gold is well formed, every
file is in the manifest with its public URL, and the scores do not fall below what was measured
(README, "Extraction quality"). Batch H is held out: it is scored, never tuned on."""

from __future__ import annotations

import csv

import pytest

from pipelines.devtools.attribution_eval import score_attribution
from pipelines.devtools.evaluate import predictions, read_gold, score
from pipelines.ingest.manifest import read_manifest
from schemas.catalog import BASE_UNITS, ENTITY_LEVELS, QUALIFIERS, indicator_codes

from conftest import REAL

# Floors a little under the figures measured when this test was written (README), so that a
# change that loses ground on real text fails here.
FLOORS = {
    # measured 0.932 / 0.997 / 0.916 (A-G, I-ZY); 0.930 / 0.997 / 0.917 with ZZ-YG in; 0.922 / 0.997 / 0.918
    # with YI in (three of its tables, 191 facts, in shapes not read yet: two-line bilingual labels,
    # cell per line under a note, a floor-area table with no unit written); 0.918 / 0.997 / 0.913 with YJ-YM in
    # (0.914 / 0.997 / 0.912 on their arrival); 0.925 / 0.997 / 0.914 with the floor-space tables that
    # name 面积 and no unit read (left: AI pages' cells glued into one number, 850097.2%); 0.916 / 0.997 / 0.913
    # with YN-YZ in (YS's yearbook table under 单位:人 (person) whose first column counts schools, 78 facts);
    # 0.914 / 0.997 / 0.915 with XA-XL in; 0.911 / 0.997 / 0.913 with XM-XQ in (0.820 / 0.998 / 0.864 on
    # their arrival: heritage workshops', firms' and AI pages' numbers, Guangdong's 三项工程 economy figures);
    # 0.908 / 0.997 / 0.913 with XR-XV in (0.822 / 0.989 / 0.913 on arrival: rescue forces, campus parcels);
    # 0.905 / 0.997 / 0.912 with XW-WE in, after that round's rules (comparators' columns, aircraft, medal
    # tallies); 0.904 / 0.997 / 0.910 with WF-WJ in (0.838 / 0.993 / 0.841 on arrival); 0.901 / 0.996 / 0.909
    # with WK-WY in, after the sixteenth session's rules; 0.899 / 0.996 / 0.909 with WZ and VA-VD in (0.823 /
    # 0.998 / 0.900 on arrival: judicial police colleges' English profiles with garbled digits and AI tables);
    # 0.898 / 0.997 / 0.906 with VE-VI in, after English staff, classes and papers (0.847 / 1.000 / 0.858 on
    # arrival: chemical, power, elderly-care, steel and culinary pages); 0.898 / 0.997 / 0.906 with VJ-VS in
    # (0.877 / 1.000 / 0.853 and 0.876 / 0.996 / 0.895 on arrival); 0.898 / 0.997 / 0.906 with VT-VX in,
    # after innovation contests' awards (0.880 / 0.996 / 0.837 on arrival); 0.896 / 0.996 / 0.907 with VY-UM
    # in (0.832 / 0.992 / 0.874, 0.912 / 0.998 / 0.919 and 0.807 / 1.000 / 0.874 on arrival); 0.895 / 0.997 /
    # 0.909 with UN-TB in, after the eighteenth session's rules (0.910 / 1.000 / 0.930, 0.863 / 1.000 / 0.884
    # and 0.844 / 1.000 / 0.910 on arrival: contests' formats and durations, NCO intake tables, wind farms);
    # 0.892 / 0.997 / 0.909 with TC-TQ in (0.846 / 0.998 / 0.903, 0.809 / 1.000 / 0.920 and 0.872 / 0.998 /
    # 0.872 on arrival: contests' structure, teams as organisations in TI, cross-strait pages); 0.891 / 0.997 /
    # 0.909 with TR-TV in (0.812 / 1.000 / 0.904 on arrival: prizes counted in 隊 and 名, editions held);
    # 0.890 / 0.997 / 0.909 with TW-SH in, after the nineteenth session's first rules (0.796 / 1.000 / 0.868
    # and 0.831 / 0.995 / 0.815 on arrival: sparse pages of industries' shortages, plans, English profiles,
    # repeated paragraphs labelled once); 0.887 / 0.997 / 0.908 with RG-RL in; 0.886 / 0.997 / 0.908 with
    # RM-RP in, after the twenty-first session's rules (0.807 / 0.996 / 0.858 on arrival: English profiles
    # and contests, a bureau's table of majors in Traditional characters, pinyin-glossed mirrors); the same
    # with RQ-RT in (0.867 / 0.996 / 0.880 on arrival: quality reports, county centres, firms' releases);
    # 0.882 / 0.997 / 0.906 at the twenty-sixth session's end; 0.882 / 0.996 / 0.905 with the
    # twenty-seventh's OD-NA in, after its rules (0.825 / 0.993 / 0.840 on arrival); 0.882 / 0.997 / 0.904
    # (F1 0.8816) with the twenty-eighth's NB-NV in, after its rules (0.853 / 0.992 / 0.871 on arrival);
    # 0.881 / 0.997 / 0.904 (F1 0.8814) with the twenty-ninth's NW-MK in, after its rules (0.842 / 0.989 /
    # 0.889 on arrival); 0.882 / 0.997 / 0.904 (F1 0.8817) with the thirtieth's ML-MV in, after its rules
    # (0.872 / 0.997 / 0.843 on arrival); 0.879 / 0.996 / 0.904 (F1 0.8787) with the thirty-first's
    # twenty-five batches MW-LU in, after its rules (0.741 / 0.993 / 0.867 on arrival, 0.757 / 0.992 / 0.871
    # after: sparse pages, Taiwanese closures and budgets, markdown tables of plans; the 5,676 reports before
    # them went 0.8821 -> 0.8830 under the session's rules, with six pages' gold corrected for NT dollars),
    # so the F1 floor steps down from 0.88 to 0.87: the new batches, not a regression, took the whole below it;
    # 0.876 / 0.996 / 0.907 (F1 0.8762) with the thirty-second's LV-JD in, after its rules (0.745 / 0.995 / 0.942
    # on arrival; the 6,003 reports before them 0.8783 -> 0.8804, their gold labelling a repeated sentence once);
    # 0.875 / 0.996 / 0.907 (F1 0.8753) with the thirty-third's thirty-four batches JE-IL in, after its rules
    # (0.834 / 0.987 / 0.877 on arrival, 0.844 / 0.990 / 0.881 after; the 6,401 reports before them 0.8762 -> 0.8768)
    "dev": {"f1": 0.87, "qualifier_acc": 0.97, "code_acc": 0.9},
    "held_out": {"f1": 0.86, "qualifier_acc": 0.97, "code_acc": 0.78},  # measured 0.875 / 0.990 / 0.810 (H)
}


def manifest() -> list[dict]:
    with (REAL / "sources.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def batch(names: set[str]):
    gold = [g for g in read_gold([REAL / "gold"]) if g["file"] in names]
    return gold, predictions(REAL / "inbox" / name for name in sorted(names))


def test_every_report_has_its_public_source_and_its_gold():
    rows = manifest()
    inbox = sorted(p.name for p in (REAL / "inbox").iterdir())
    assert sorted(r["file"] for r in rows) == inbox and len(inbox) >= 60
    assert all(r["url"].startswith(("http://", "https://")) for r in rows)
    assert sorted(p.stem for p in (REAL / "gold").glob("*.csv")) == sorted(n[:-4] for n in inbox)
    held_out = [r for r in rows if r["batch"] == "H"]
    assert len(held_out) >= 15


def test_gold_is_well_formed():
    codes = set(indicator_codes())
    for g in read_gold([REAL / "gold"]):
        text = (REAL / "inbox" / g["file"]).read_text(encoding="utf-8")
        assert g["quote"] in text, g
        assert g["number_text"].strip("近约余多逾超过以上左右餘約 ") in g["quote"], g
        assert g["base_unit"] in BASE_UNITS and g["qualifier"] in QUALIFIERS and g["indicator_code"] in codes, g
        assert g["entity_level"] in ENTITY_LEVELS, g


@pytest.mark.parametrize("which", ["dev", "held_out"])
def test_scores_hold(which):
    names = {r["file"] for r in manifest() if (r["batch"] == "H") == (which == "held_out")}
    result = score(*batch(names))
    floor = FLOORS[which]
    assert result.f1 >= floor["f1"], result.summary()
    assert result.qualifier_acc >= floor["qualifier_acc"], result.summary()
    assert result.code_acc >= floor["code_acc"], result.summary()


def test_attribution_holds_on_the_development_batches():
    names = {r["file"] for r in manifest() if r["batch"] != "H"}
    result = score_attribution(
        read_gold([REAL / "gold"]),
        sorted(REAL / "inbox" / n for n in names),
        manifest=read_manifest(REAL / "sources.csv"),
    )
    assert result.facts >= 1300
    # measured on A-G and I-T: entity 0.675, level 0.700, period 0.746 (K's yearbook table names no
    # one; P's bureau reports name their city by a short form, 楚雄州, or not at all; S's and T's
    # unnamed university and Taiwanese programmes are labelled at levels no rule here infers)
    # measured 0.652 / 0.747 / 0.690 with batches W-ZD in (their reports are harder to attribute:
    # A-V alone measured 0.665 / 0.752 / 0.691); 0.678 / 0.742 / 0.699 with ZI and ZJ in, after the
    # attribution rules of that session (whole school names, places' kinds of school, 楚雄州, 全区);
    # 0.696 / 0.742 / 0.714 after the next (names cut at their last lead word, a school's offices as
    # publishers, Hong Kong's and Macau's public bodies); 0.701 / 0.750 / 0.715 with ZK-ZM in, after
    # that session's rules (a row's bare year, a place labelling its row, a government publisher's place);
    # 0.711 / 0.740 / 0.751 (entity / level / period) with ZN and ZO in, after the next (an unnamed
    # school's employment report, short names the text defines, a college opening the report, consortia);
    # 0.733 / 0.751 / 0.756 with ZP-ZS in, after the ninth session's rules (universities named before
    # their counts, kinds of school no name, a cell-per-line table's caption year); 0.735 / 0.752 / 0.762
    # with ZT in, after the tenth session's English years; 0.746 / 0.761 / 0.762 after its Taiwanese
    # cities and Hong Kong bodies in publisher lines; 0.746 / 0.764 / 0.762 with ZU in; 0.770 / 0.786 /
    # 0.765 after the eleventh session's rules (municipalities are cities, lists ending in 等 and a
    # count, English provinces, provincial government sites, a word for one's own place of its kind,
    # Macau's own words, 台湾地区) with ZV and ZW in; 0.768 / 0.784 / 0.758 with ZX in; 0.767 / 0.783 /
    # 0.755 with ZY in; 0.758 / 0.780 / 0.757 with ZZ and YA in (firms as the givers, English pages
    # about firms, an unnamed school known from its URL), 0.760 / 0.783 / 0.761 after the twelfth
    # session's rules (founding years, wrapped lines, titles held, the school a report speaks as);
    # 0.755 / 0.778 / 0.755 with YB and YC in (unnamed schools labelled 某中等职业学校, a metro firm's
    # order classes, English pages dated only by a copyright line); 0.753 / 0.776 / 0.748 with YD and YE
    # in, after relative years and national bodies' names (spam mirrors dated a year after their story);
    # 0.750 / 0.774 / 0.744 with YF-YI in (universities' engineering masters, unnamed schools' tables);
    # 0.741 / 0.768 / 0.745 with YJ-YM in (YL's pages name several institutions each, YK's bureaus speak
    # for their city or province), 0.743 / 0.771 / 0.739 after the thirteenth session's rules and the
    # tables they read (a count's verb ends a name, a list of names once each is about none of them);
    # 0.747 / 0.774 / 0.729 with the floor-space tables read (166 facts whose gold periods are guesses:
    # 2008? for tables on a page the ministry dated 2010, 2019? from a folder of the address); 0.742 /
    # 0.769 / 0.725 with YN-YQ in (YQ's undated AI pages labelled 2025?, the year the labeller guessed);
    # 0.736 / 0.765 / 0.723 with YR-YZ in (YR's schools known only from an address or named by a
    # contest's list, YX's firms and foreign partners); 0.731 / 0.762 / 0.718 with YS-YV in (private groups
    # and firms as owners, undated AI pages); 0.724 / 0.757 / 0.717 with XA-XE in (XA's certified firms
    # own their numbers: entity 0.044 on arrival; XB's and XD's contest and admissions pages name many);
    # 0.718 / 0.753 / 0.716 with XF-XH in (national MOOC and resource-library figures, papers counting
    # agricultural colleges, women's federations and county bureaus training nannies: entity 0.41-0.53);
    # 0.714 / 0.749 / 0.717 with XI and XJ in (firms' own training: XI's entity 0.230); 0.710 / 0.744 /
    # 0.719 with XK and XL in (sector bodies' contests, whose fields the labellers give to the body or the
    # nation; aid programmes labelled as groups: 内地西藏班); 0.712 / 0.746 / 0.723 after the fifteenth
    # session's first rules (ROC and Traditional years, titles held, firms as subjects); 0.710 / 0.746 /
    # 0.721 with XM-XQ in (heritage workshops, mines and power bureaus own their numbers); 0.703 / 0.742 /
    # 0.723 with XR-XV in (rescue forces and union bodies named by description, contests' fields);
    # 0.694 / 0.737 / 0.725 with XW-YY in (XX's flight schools and airlines, YY's kindergartens and AI
    # pages' invented schools, XY's banks: firms and bodies the rules here do not name); 0.697 / 0.738 /
    # 0.724 after the city gazetteer; 0.693 / 0.736 / 0.720 with WA-WJ in (unions, federations for the
    # disabled, sports bureaus and fisheries stations as owners); 0.690 / 0.735 / 0.719 with WK-WO in
    # (platforms' and women's federations' streamers, senior universities); 0.692 / 0.733 / 0.719 with
    # WP-WT in, after the sixteenth session's rules (a city by its short name, the one city an opening
    # names, 建设 in a school's name); 0.686 / 0.727 / 0.720 with WU-WY in (foundations and donors,
    # parks labelled as groups, partners abroad: WV's entity 0.126 on arrival); 0.682 / 0.724 / 0.718 with
    # WZ and VA-VD in (hotel groups, blind-massage bodies, police colleges' English pages); 0.673 / 0.718 /
    # 0.715 with VE-VI in (steelmakers, grid companies, unions and hospitals own their numbers; English
    # profiles name their college in English: entity 0.21-0.51 on arrival); 0.675 / 0.720 / 0.715 after a
    # school named first or in the headline; 0.669 / 0.716 / 0.714 with VJ-VS in (contests' totals given to
    # their organisers, inland Tibetan classes in English, unnamed schools); 0.666 / 0.713 / 0.709 with VT-VX
    # in (innovation contests' totals, studios in firms, undated profiles whose years the labellers guessed);
    # 0.662 / 0.712 / 0.708 with VY-UM in (groups' and broadcast schools' networks labelled as groups);
    # 0.656 / 0.705 / 0.705 with UN-UR in (a contest's teams, entrants and prizes labelled as the contest's
    # own, a group: UN's entity 0.131 on arrival; Australia's TAFE system as a group); 0.653 / 0.703 / 0.706
    # with US-UW in (port groups, senior universities and learning cities, contests' provinces); 0.652 /
    # 0.701 / 0.706 with UX-TB in (power groups' wind contests, hospitals', postal firms' and water firms' own);
    # 0.646 / 0.699 / 0.707 with TC-TQ in (cross-strait bodies, mine-rescue teams, hotels and shipyards);
    # 0.645 / 0.698 / 0.707 with TR-TV in (maritime safety bodies, ICT contests as the firm's); 0.639 /
    # 0.697 / 0.712 with TW-ST in (their entity 0.528: English profiles whose college is named only in
    # English, contests' totals given to their organisers, names inferred from a site's host); 0.632 / 0.695 /
    # 0.714 with RG-RL in; 0.629 / 0.693 / 0.714 with RM-RP in (RO's English pages name their college only
    # in English: entity 0.17 on arrival; RN's bureau summaries 0.16); 0.626 / 0.694 / 0.714 with RQ-RT in;
    # 0.620 / 0.690 / 0.727 with the thirty-second session's LV-JD in and its English statistics tables read
    # (their 265 newly matched facts had no period and their provinces' rows no city), 0.623 / 0.692 / 0.728
    # (all reports) after the title year and the English row places (KI and KV: 0.681 / 0.869 -> 0.843 / 0.869);
    # 0.620 / 0.687 / 0.727 (entity 0.6202, level 0.6870) with the thirty-third session's JE-IL in (their
    # 1,727 matched facts 0.571 / 0.595 / 0.713: community colleges and adult schools known by short names,
    # agricultural broadcasting schools' networks labelled as the school, Taiwan's county governments, Macau's
    # and Hong Kong's bodies; the session-start code scores them 0.572 / 0.597 / 0.715, and the reports before
    # them 0.6227 / 0.6915 -> 0.6224 / 0.6912 under the session's rules), so the entity and level floors step
    # down to 0.61 and 0.68: the new batches, not a regression, took the level below 0.69
    assert result.name_ok / result.facts >= 0.61 and result.period_ok / result.facts >= 0.70, result.summary()
    assert result.level_ok / result.facts >= 0.68, result.summary()
