"""Which money is yuan (CNY): 元 is the currency word of the mainland, Taiwan (New Taiwan dollars)
and, in speech, Hong Kong and Macau. An amount is CNY unless its own clause names another
currency (新台幣1億元, 港幣), or the report is one whose money is not renminbi: it names a
foreign currency and never renminbi, or it is a Taiwanese report (Taiwanese institutions, the
ROC school year or calendar, Taiwanese news agencies) or a Hong Kong or Macau one (two of the
places' names and their own bodies: 發展局, 建造業議會, 勞工事務局) with nothing of the mainland in it."""

from __future__ import annotations

import re

from .doc import Doc

FOREIGN_CURRENCY = re.compile(
    r"新[台臺]幣|新[台臺]币|[台臺]幣|[台臺]币|港幣|港币|港元|澳門幣|澳门币|葡幣|(?<=[0-9０-９万萬千百十])美金|美金(?=[0-9０-９])|NT\$|HK\$|US\$"
)
RENMINBI = re.compile(r"人民幣|人民币|RMB|CNY")
# Signs of a report from Taiwan, each counted once: a report needs two of them.
TAIWAN = re.compile(
    r"台灣新聞網|中央社|國立|科技大學|科大|學年度|國教署|勞委會|勞動部|技職司|教育部技職|"
    r"[臺台]北市|[臺台]中市|[臺台]南市|新北市|高雄市|桃園市|新竹|嘉義|彰化|雲林|屏東|花蓮|宜蘭|苗栗|南投|"
    r"技职司|国教署|技职教育|台湾新闻网|"  # the same in a Simplified-character repost
    r"技職|技职|技術型高級中等學校|技术型高级中等学校|"  # Taiwan's words for vocational education and its schools
    r"民國[0-9一二三四五六七八九十]+年|民国[0-9一二三四五六七八九十]+年|財團法人|财团法人|"  # the ROC's years; its foundations' legal form
    r"全[台臺](?![州山湾灣])|"  # 全台首例: all Taiwan (not 全台州, a mainland city)
    r"[台臺]股|[0-9]{4}-TW\b|"  # Taiwan's stock market and its tickers (上銀 (2049-TW)): financial news from Taiwan
    r"立委|立法委員|立法委员|"  # the Legislative Yuan's members (Hong Kong's are 立法會議員, the mainland's 人大代表)
    # Taiwan's word for a news report (the mainland's is 报道, 報道 in a Traditional repost), its papers and
    # stations, its Executive Yuan and economics ministry (the mainland has neither), its five-year and
    # medical junior colleges, its indigenous peoples
    r"報導|聯合報|联合报|自由時報|自由时报|中國時報|中国时报|ETtoday|東森|东森|今日新聞|NOWnews|"
    r"行政院|經濟部|经济部|五專|醫專|原住民|"
    # its word for colleges and universities (the mainland writes 大专院校) and its Workforce Development Agency
    r"大專校院|大专校院|勞動力發展署|劳动力发展署|"
    # its cities and counties by their bare names (not 平台南, a platform's 台 before 南京)
    r"高雄|基隆|澎湖|桃園|臺南|(?<!平)台南(?![京宁寧昌通阳陽充平])|臺北|(?<!平)台北(?![京])"
)
# Signs of a report from Hong Kong or Macau, whose 元 are their dollars: a report needs two of them.
HONG_KONG_MACAU = re.compile(
    r"香港|本港|港府|特區政府|特区政府|立法會|立法会|發展局|发展局|勞工及福利局|劳工及福利局|職業訓練局|职业训练局|"
    r"建造業議會|建造业议会|僱員再培訓局|雇员再培训局|澳門|澳门|本澳|澳府|勞工事務局|劳工事务局|"
    # the training council by its short name, students staying on, mainland students as Hong Kong calls them
    r"職訓局|职训局|VTC|留港|內地生|内地生|匯港|醫管局|医管局|"  # the council's English initials; the Hospital Authority
    # its regions and districts and its newspaper (九龍和新界供電網, 將軍澳, 明報專訊); not the mainland's
    # 九龙 (Chongqing's 九龙坡, Fujian's 九龙江, Sichuan's 九龙县)
    r"九[龍龙](?![坡江县縣湖山镇鎮])|新界|港島|港岛|將軍澳|将军澳|屯門|屯门|荃灣|荃湾|觀塘|观塘|葵涌|明報|明报|"
    # its government's words for its schooling: the policy address, self-financing post-secondary
    # institutions, the qualifications framework, its professional and vocational education, the
    # grants committee and the joint admissions
    r"施政報告|施政报告|自資|自资|專上|专上|資歷架構|资历架构|職專教育|职专教育|教資會|教资会|聯招|联招|JUPAS"
)
# The ROC calendar (105年, 108~112年: Taiwan's years; the mainland writes four digits): one sign.
ROC_YEAR = re.compile(
    r"(?<![0-9０-９.])1[01][0-9](?:[~～至-]1[01][0-9])?(?:學年度|学年度|年)"
    # 一0五年, 一〇六年, 一一四學年度: the same in Chinese numerals
    r"|(?<![一二三四五六七八九十〇零0-9０-９])一[0０〇零一][0-9０-９一二三四五六七八九〇零](?:學年度|学年度|年)"
)
# Signs of the mainland (a 縣 of a 省, the 中国 of a site's name), which overrule them.
# Taiwan's own counties (彰化縣), its 縣市 (cities and counties) and 縣府 (a county's government, as
# Taiwan calls it) are no sign of the mainland.
_TW_COUNTY = "|".join(("彰化", "雲林", "云林", "嘉義", "嘉义", "屏東", "屏东", "宜蘭", "宜兰", "花蓮", "花莲"))
_TW_COUNTY += "|" + "|".join(("臺東", "台東", "台东", "苗栗", "南投", "新竹", "澎湖", "金門", "金门", "連江", "连江"))
# 省 is a province, not the verb to save (省下约两千万元, 节省, 超級省油車): 省下, 省钱, 省油 and 节省 are no sign.
# Taiwan's own 中國 names are no sign either: its newspaper (中國時報), bank (中國信託), steelmaker (中國鋼鐵) and
# universities (中國醫藥大學, 中國科技大學 and its short name 中國科大 in Traditional characters, 中國文化大學).
_TW_CHINA_NAMES = "時報|时报|信託|信托|鋼鐵|钢铁|醫藥大學|医药大学|科技大學|科技大学|文化大學|文化大学|(?<=國)科大"
MAINLAND = re.compile(
    rf"人民幣|人民币|中[國国](?!{_TW_CHINA_NAMES})|(?<![節节])省(?![下錢钱去略力油電电時时水事能])|自治區|自治区|(?<!{_TW_COUNTY})(?:縣(?![市府])|县)|市委|黨委|党委"
)
TW_COUNTY_NAMED = re.compile(rf"(?:{_TW_COUNTY})縣|縣[(（]市[)）]")
# How far back in the clause a currency word still governs the amount (新台幣1億元, 港幣約3萬元).
REACH = 12


# Hong Kong's and Macau's dollars: a mainland report may name them for a donor's gift (捐资总额超过2.5亿港元)
# and count its own money in 元.
HK_MACAU_DOLLARS = re.compile(r"港幣|港币|港元|澳門幣|澳门币|葡幣|HK\$")


def report_money_is_foreign(text: str) -> bool:
    # a report naming another currency, and never renminbi, counts in it; unless that currency is
    # Hong Kong's or Macau's alone and the report is of the mainland (广东省台山市…)
    foreign = {m.group() for m in FOREIGN_CURRENCY.finditer(text)}
    if foreign and not RENMINBI.search(text):
        hong_kong_alone_on_mainland = all(HK_MACAU_DOLLARS.fullmatch(f) for f in foreign) and MAINLAND.search(text)
        if not hong_kong_alone_on_mainland:
            return True
    taiwan = {m.group() for m in TAIWAN.finditer(text)} | ({"ROC year"} if ROC_YEAR.search(text) else set())
    hong_kong_macau = {m.group() for m in HONG_KONG_MACAU.finditer(text)}
    if not (len(taiwan) >= 2 or len(hong_kong_macau) >= 2):
        return False
    # a report that names a Taiwanese county (苗栗縣) or Taiwan's 縣(市) speaks of that county by
    # its 縣 alone too (縣內廠商, 縣長): that 縣 is no sign of the mainland
    county_of_taiwan = TW_COUNTY_NAMED.search(text) is not None
    return not any(m.group() != "縣" or not county_of_taiwan for m in MAINLAND.finditer(text))


def doc_is_foreign_money(doc: Doc, pos: int) -> bool:
    """Whether the 元 amount at pos is in another currency than renminbi."""
    if doc.once("foreign_money", report_money_is_foreign):
        return True
    start, _ = doc.clause(pos)
    return bool(FOREIGN_CURRENCY.search(doc.text, max(start, pos - REACH), pos))
