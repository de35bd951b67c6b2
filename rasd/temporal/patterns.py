"""The recognition patterns, compiled once from the data files. They run on normalized text (see
``rasd.text.normalize``): hamza/alef folded to ا, ة to ه, ى to ي, no diacritics or tatweel, ASCII digits.

Every pattern has a group ``x``: the span of the expression, which leaves out proclitics and prepositions
(``في``, ``و``) that precede it."""

from __future__ import annotations

from functools import lru_cache

import regex

from .lexicon import holidays, months, parts_of_day, relative, units, weekdays, zones
from .numbers import alternation, cardinal_pattern, ordinal_pattern

FLAGS = regex.VERSION0

# A word start, allowing the proclitics و ف and ب ل ك before the expression (they stay out of the span).
# Written \b(?=\w) rather than (?<!\w): the same positions here, since what follows CL in every pattern starts
# with a word character (letters, digits, lexicon words: tests/test_temporal_word_start.py), and the regex
# engine finds \b about a quarter faster.
CL = r"\b(?=\w)(?:[وف]?[بلك]?)"
LAST_N_WORDS = (
    "الماضيين",
    "المقبلين",
    "الاخيرين",
    "القادمين",
    "الماضيه",
    "المقبله",
    "الاخيره",
    "القادمه",
    "الفايته",
    "المنصرمه",
    "الاولي",  # الساعات الـ72 الأولى: a span of that many units (PT72H)
)
LAST_N = "(?:" + "|".join(LAST_N_WORDS) + r")(?!\w)"
ERA = r"(?:م|ميلادي[ه]?|للميلاد|ه|هجري[ه]?|للهجره)(?!\w)"


@lru_cache(maxsize=1)
def fragments() -> dict[str, str]:
    rel = relative()
    pods = parts_of_day()
    unit_forms = units()
    f = {
        "MONTH": alternation(months()),
        "WEEKDAY": alternation(weekdays()),
        "WEEKDAY_BARE": alternation(w[2:] for w in weekdays()),
        "CARD": cardinal_pattern(),
        "ORD": ordinal_pattern(),
        "DIR": alternation(rel["direction"]),
        "DIR_AFTER": alternation(w for w in rel["direction"] if w not in ("هذا", "هذه")),
        "BOUNDARY": alternation(rel["boundary"]),
        "MOD": alternation(rel["mod"]),
        "PHRASE": alternation(rel["phrase"]),
        "SETADV": alternation(rel["set"]),
        "UNITREF": alternation(rel["unit"]),
        "PLURALREF": alternation(rel["plural_ref"]),
        "SEASON": alternation(list(rel["season"]) + ["ال" + w for w in rel["season"]]),
        "YEAR_NOUN": alternation(rel["year_noun"]),
        "SAME": alternation(rel["same_month"]),
        "ANAPHOR": alternation(rel["anaphor"]),
        "POD_ADV": alternation(w for w, p in pods.items() if p.use in ("adverb", "both")),
        "POD_NOUN": alternation(w for w, p in pods.items() if p.use in ("noun", "both")),
        "UNIT": alternation(w for w, (_, c) in unit_forms.items() if c != "pl_acc"),
        "UNIT_SG": alternation(w for w, (_, c) in unit_forms.items() if c == "1"),
        # decade and century nouns double as common words (عقد: held, contract): alone they need a phrase end
        "UNIT_SG_SHORT": alternation(
            w for w, (u, c) in unit_forms.items() if c == "1" and u not in ("DE", "CE")
        ),
        "UNIT_ACC": alternation(w for w, (u, c) in unit_forms.items() if c == "1" and w.endswith("ا")),
        "UNIT_SG_LONG": alternation(w for w, (u, c) in unit_forms.items() if c == "1" and u in ("DE", "CE")),
        "UNIT_DUAL": alternation(w for w, (_, c) in unit_forms.items() if c == "2"),
        "UNIT_PL": alternation(w for w, (_, c) in unit_forms.items() if c == "pl"),
        "UNIT_PL_ACC": alternation(w for w, (_, c) in unit_forms.items() if c == "pl_acc"),
        "HOLIDAY": alternation(holidays()),
        "ZONENAME": alternation(w for w in zones() if regex.search(r"\p{Arabic}", w)),
    }
    f["DAY"] = rf"(?:(?:ال\s*)?(?P<day>\d{{1,2}})(?!\d|[:./]\d)|(?P<dayw>{f['ORD']}))"
    f["PAIRED"] = rf"(?:\s*\(\s*(?P<m2>{f['MONTH']})\s*\)|\s*/\s*(?P<m2>{f['MONTH']}))?"
    f["YEAR"] = (
        rf"(?:\s*[،,]?\s*(?:(?:من\s+)?(?:ال)?(?:عام|سنه)\s+)?(?P<year>\d{{4}})(?!\d|[:./]\d)(?:\s*(?P<era>{ERA}))?)?"
    )
    # مطلع أكتوبر من العام نفسه، 5 مايو من ذات السنة: the year last told (dates.py)
    f["SAME_YEAR"] = (
        r"\s+من\s+(?:(?:ال)?(?:عام|سنه)\s+(?P<sameyear>نفسه|نفسها|ذاته|ذاتها|عينه)"
        r"|(?P<sameyear>نفس|ذات)\s+(?:ال)?(?:عام|سنه))(?!\w)"
    )
    f["ZONE"] = (
        rf"(?:(?:ب|حسب\s+|وفق\s+|علي\s+)?(?:ال)?توقيت\s+(?P<zname>{f['ZONENAME']})"
        rf"|(?P<zname>(?i:GMT|UTC)|ت\s*\.?\s*غ)(?!\w)(?:\s*(?P<zoff>[+-]\s*\d{{1,2}}(?::\d{{2}})?))?)"
    )
    return f


def _c(p: str) -> regex.Pattern:
    return regex.compile(p, FLAGS)


@lru_cache(maxsize=1)
def rules() -> list[tuple[str, regex.Pattern]]:
    """``(name, pattern)`` in priority order (earlier wins between matches of the same length)."""
    f = fragments()
    podc = rf"(?:(?P<podc>{f['POD_NOUN']})\s+(?:يوم\s+)?)?"
    wd_prefix = (
        rf"(?:(?:يوم\s+)?(?P<wd>{f['WEEKDAY']})\s*[،,]?\s*(?:(?:الموافق|الموافقه)\s+)?(?P<po>\(\s*)?)?"
    )
    bnd = rf"(?:(?P<bnd>{f['BOUNDARY']})\s+)?"
    year_kw = r"(?:ال)?(?:عامي|سنتي|عام|سنه)"
    preps = r"(?:في|منذ|حتي|خلال|بحلول|قبل|بعد|عام|سنه)"
    bare = (
        # not before a definite noun (خلال ساعات الصباح: a part of the day), but before الي (إلى) it is
        rf"(?:(?P<unit>{f['UNIT_SG_SHORT']}|{f['UNIT_PL']})(?!\s+ال(?!ي(?!\w))\w)"
        rf"|(?P<unit>{f['UNIT_SG_LONG']})(?=\s*(?:[.,،؛:)\"»]|$|من\s+الزمن|تقريبا|و\s)))"
    )
    dur_tail = r"(?:\s+و\s*(?P<half>نصف|ربع))?(?:\s+(?P<post>تقريبا|علي\s+الاقل))?"
    # prepositions, and verbs of lasting, after which a unit noun alone is one unit (استمر ساعة)
    dur_preps = (
        r"(?:لمده|خلال|طوال|طيله|مدي|مدار|غضون|قبل|بعد|منذ|نحو|حوالي|قرابه|زهاء"
        r"|[يت]?استمر[ت]?|[يت]?ستمر|دام[ت]?|[يت]?دوم|[يت]?استغرق[ت]?|[يت]?ستغرق)"
    )
    return [
        (
            "range_days",
            _c(
                rf"(?<!\w)(?:من|بين|(?P<lst>(?:ال)?يومي))\s+(?P<x1>(?:ال\s*)?(?P<d1>\d{{1,2}}))\s*(?:الي|حتي|و|-|–)\s*"
                rf"(?P<x>(?:ال\s*)?(?P<day>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?P<mon>{f['MONTH']}){f['PAIRED']}{f['YEAR']}"
                rf"(?:\s+(?P<rel>{f['DIR_AFTER']}))?)"
            ),
        ),
        (
            "range_days_dash",
            _c(
                rf"(?<![\w/.-])(?P<x1>(?P<d1>\d{{1,2}}))\s*[-–]\s*"
                rf"(?P<x>(?P<day>\d{{1,2}})\s+(?:من\s+)?(?P<mon>{f['MONTH']}){f['PAIRED']}{f['YEAR']}"
                rf"(?:\s+(?P<rel>{f['DIR_AFTER']}))?)"
            ),
        ),
        (
            "range_years",
            _c(
                rf"(?<!\w)(?:من|بين|ما\s+بين)\s+(?:(?:ال)?(?:عامي|سنتي|عام|سنه)\s+)?(?P<x1>(?P<y1>\d{{4}}))(?!\d)"
                rf"\s*(?:الي|حتي|و|-|–)\s*(?:{year_kw}\s+)?(?P<x>(?P<year>\d{{4}}))(?!\d)"
                r"|(?<![\w/.-])(?P<x1>(?P<y1>\d{4}))\s*[-–/]\s*(?P<x>(?P<year>\d{4}))(?![\w/.-])"
            ),
        ),
        (
            "date",
            _c(
                rf"{CL}(?P<x>{podc}{wd_prefix}{f['DAY']}\s*(?:من\s+)?(?:شهر\s+)?(?P<mon>{f['MONTH']}){f['PAIRED']}"
                rf"{f['YEAR']}(?(po)\s*\)|)(?:\s+(?P<rel>{f['DIR_AFTER']})|{f['SAME_YEAR']})?)"
            ),
        ),
        (
            "day_rel_month",
            _c(
                rf"{CL}(?P<x>{podc}{wd_prefix}{f['DAY']}\s*(?:من\s+)?(?:(?:الشهر|هذا\s+الشهر)\s+)?"
                rf"(?P<rel>{f['DIR_AFTER']})(?(po)\s*\)|))"
                # the day of the month just mentioned: 27 من الشهر نفسه، في العاشر من ذات الشهر
                rf"|{CL}(?P<x>{podc}{wd_prefix}{f['DAY']}\s*(?:من\s+)?"
                rf"(?:الشهر\s+(?P<same>{f['SAME']})|(?P<same>{f['SAME']})\s+الشهر)(?!\w)(?(po)\s*\)|))"
            ),
        ),
        (
            "numeric_date",
            _c(
                rf"(?<![\d/.-])(?P<x>(?:(?:يوم\s+)?(?P<wd>{f['WEEKDAY']})\s*[،,]?\s*(?:(?:الموافق|الموافقه)\s+)?)?"
                r"(?:(?P<day>\d{1,2})(?P<sep>[/.-])(?P<mo>\d{1,2})(?P=sep)(?P<year>\d{4})"
                r"|(?P<year>\d{4})(?P<sep>[/-])(?P<mo>\d{1,2})(?P=sep)(?P<day>\d{1,2}))(?![\d/.-])"
                rf"(?:\s*(?P<era>{ERA}))?)"
            ),
        ),
        (
            "month",
            _c(
                rf"{CL}(?P<x>{bnd}(?:(?P<shahr>شهر)\s+)?(?P<mon>{f['MONTH']}){f['PAIRED']}{f['YEAR']}"
                rf"(?:\s+(?P<rel>{f['DIR_AFTER']})|{f['SAME_YEAR']})?)"
            ),
        ),
        (
            "year",
            _c(
                # (للعام 2025: the article's ا is not written after ل; both lams stay out of the span)
                rf"{CL}(?:(?<=ل)ل(?=عام|سنه))?(?P<x>{bnd}{year_kw}\s+(?P<year>\d{{3,4}})(?!\d|[:./%]\d|%)(?:\s*(?P<era>{ERA}))?)"
                rf"|{CL}(?P<x>(?P<bnd>{f['BOUNDARY']})\s+(?P<year>\d{{4}})(?!\d|[:./%]\d|%))"
                rf"|(?<!\w)(?:{preps})\s+(?P<x>(?P<year>\d{{4}})(?!\d|[:./%]\d|%)(?:\s*(?P<era>{ERA}))?)"
                rf"|(?<![\d\w])(?P<x>(?P<year>\d{{3,4}})\s*(?P<era>{ERA}))"
                rf"|(?<=\d{{4}}\s*[،,]?\s*و\s*)(?P<x>(?P<year>\d{{4}})(?!\d|[:./%]\d|%))"
                # a bare year after a noun naming a dated event (اتفاقية 1968); rules.py rejects quantities
                rf"|(?<!\w)[وفبلك]?(?:ال)?(?P<ynoun>{f['YEAR_NOUN']})\s+(?P<x>(?P<year>\d{{4}})(?!\d|[:./%,]\d|%))"
            ),
        ),
        (
            "decade",
            _c(
                rf"{CL}(?P<x>{bnd}(?:عقد\s+)?(?:ال)?(?P<dec>عشرين|ثلاثين|اربعين|خمسين|ستين|سبعين|ثمانين|تسعين)(?:يات|ات)"
                rf"(?:\s+(?:من\s+)?القرن\s+(?:(?P<cord>{f['ORD']})|(?P<crel>{f['DIR_AFTER']})))?)"
            ),
        ),
        (
            "century",
            _c(rf"{CL}(?P<x>{bnd}القرن\s+(?:(?P<cord>{f['ORD']})|(?P<crel>{f['DIR_AFTER']})))"),
        ),
        (
            "time_hm",
            _c(
                rf"{CL}(?P<x>(?:(?:تمام\s+)?(?:ال)?ساعه\s+)?(?P<h>\d{{1,2}}):(?P<mi>\d{{2}})(?!\d)"
                rf"(?:\s*(?P<pod>{f['POD_ADV']})|(?=\s+(?:من\s+)?(?P<pod>{f['POD_NOUN']})\s))?)"
                rf"|{CL}(?P<x>(?:تمام\s+)?(?:ال)?ساعه\s+(?P<h>\d{{1,2}})\.(?P<mi>\d{{2}})(?!\d)"
                rf"(?:\s*(?P<pod>{f['POD_ADV']})|(?=\s+(?:من\s+)?(?P<pod>{f['POD_NOUN']})\s))?)"
            ),
        ),
        (
            # AFP's style: (08,00 ت غ), a comma or a point between hour and minutes, then a zone; a rule of its
            # own so that it is tried only in sentences that write such a zone (scan.py)
            "time_zoned",
            _c(
                r"(?<![\w.,:])(?P<x>(?P<h>\d{1,2})[,.](?P<mi>\d{2})(?!\d))"
                r"(?=\s*(?:ت\s*\.?\s*غ(?!\w)|(?i:GMT|UTC)))"
            ),
        ),
        (
            "time_h",
            _c(
                rf"{CL}(?P<x>(?:تمام\s+)?(?:ال)?ساعه\s+(?:ال\s*)?(?P<h>\d{{1,2}})(?![\d:.,])(?:\s*(?P<pod>{f['POD_ADV']})|(?=\s+(?:من\s+)?(?P<pod>{f['POD_NOUN']})\s))?)"
                rf"|(?<![\w.,:])(?P<x>(?P<h>\d{{1,2}})(?![\d:.,])\s*(?P<pod>{f['POD_ADV']}))"
            ),
        ),
        (
            "time_words",
            _c(
                rf"{CL}(?P<x>(?:تمام\s+)?(?:ال)?ساعه\s+(?P<hw>{f['ORD']})"
                rf"(?:\s+و\s*(?P<frac>النصف|الربع|الثلث))?(?:\s+الا\s+(?P<minus>ربعا|ربع|ثلثا|ثلث))?"
                rf"(?:\s+(?P<pod>{f['POD_ADV']})|(?=\s+(?:من\s+)?(?P<pod>{f['POD_NOUN']})\s))?)"
                rf"|{CL}(?P<x>(?:تمام\s+)?(?P<hw>{f['ORD']})(?:\s+و\s*(?P<frac>النصف|الربع|الثلث))?"
                # (not مساء before a day: الثامنة مساء الخميس leaves مساء الخميس to the day, see the last branch)
                rf"\s+(?P<pod>{f['POD_ADV']}))(?!\s+(?:اليوم|امس|غدا|يوم|{f['WEEKDAY']})(?!\w))"
                rf"|{CL}(?P<x>(?:عند\s+)?منتصف\s+(?P<mid>الليل|النهار))"
                # a bare ordinal hour before a named zone: (السابعة بتوقيت غرينتش); the zone joins the span (rules.py)
                rf"|{CL}(?P<x>(?:تمام\s+)?(?P<hw>{f['ORD']})(?:\s+و\s*(?P<frac>النصف|الربع|الثلث))?)"
                rf"\s+(?:ب|حسب\s+|وفق\s+)?(?:ال)?توقيت\s+{f['ZONENAME']}(?!\w)"
                # an ordinal hour after a preposition, before a part of day and a day: عند الحادية عشرة قبل ظهر
                # أمس (not الجولة الثانية صباح الأحد: no preposition right before the ordinal); the match holds the
                # part of day and the day word, the span the hour only (the day is a mention of its own)
                rf"|(?<!\w)(?:عند|في|حتي|منذ|قرابه|نحو|حوالي)\s+(?P<x>(?P<hw>{f['ORD']})"
                rf"(?:\s+و\s*(?P<frac>النصف|الربع|الثلث))?)"
                rf"\s+(?P<pod>{f['POD_NOUN']})\s+(?:اليوم|امس|غدا|يوم|{f['WEEKDAY']})(?!\w)"
            ),
        ),
        (
            "weekday",
            _c(rf"{CL}(?P<x>{podc}(?:يوم\s+)?(?P<wd>{f['WEEKDAY']})(?:\s+(?P<rel>{f['DIR_AFTER']}))?)"),
        ),
        (
            "phrase",
            _c(
                rf"{CL}(?P<x>(?:(?P<podc>{f['POD_NOUN']})\s+)?(?P<phrase>{f['PHRASE']})"
                rf"(?:\s*[،,]?\s*(?P<wd2>{f['WEEKDAY']}))?)"
                # not the n-th day (اليوم السادس عشر من الهدنة) nor a day named by what follows it
                r"(?!\s+(?:التالي|الاول|الثاني|الثالث|الاخير|نفسه|ذاته|الذي|التي|العالمي|الوطني|الدولي))"
                rf"(?!\s+{f['ORD']}(?!\w))"
                # ذلك اليوم / هذا اليوم: a day told before (resolved in __init__.py), not the day of writing
                # نفس اليوم / ذات اليوم / اليوم نفسه: the day just told (resolved in __init__.py)
                rf"|{CL}(?P<x>(?:(?P<ana>{f['ANAPHOR']})|(?P<same>نفس|ذات))\s+(?P<phrase>اليوم))(?!\s+{f['ORD']}(?!\w))"
                rf"|{CL}(?P<x>(?:(?P<podc>{f['POD_NOUN']})\s+)?(?P<phrase>اليوم)\s+(?P<same>نفسه|ذاته|عينه))(?!\w)"
            ),
        ),
        (
            "set",
            _c(
                rf"{CL}(?P<x>كل\s+(?:(?P<n>\d+|{f['CARD']})\s+)?(?P<unit>{f['UNIT']})"
                rf"(?:\s+(?:(?P<wd>{f['WEEKDAY_BARE']})|(?P<wd>{f['WEEKDAY']})))?)"
                rf"|{CL}(?P<x>كل\s+(?:(?P<wd>{f['WEEKDAY']})|(?P<wd>{f['WEEKDAY_BARE']})))"
                rf"|{CL}(?P<x>(?P<adv>{f['SETADV']}))"
                rf"|{CL}(?P<x>(?:(?:\d+|{f['CARD']})\s+مرات|مره|مرتين)\s+(?:(?:واحده|كل)\s+)?(?:كل|في)\s+(?:ال)?"
                rf"(?P<unit>{f['UNIT']}))"
            ),
        ),
        (
            "rel_unit",
            _c(
                rf"{CL}(?P<x>{bnd}(?:(?P<dir0>هذا|هذه)\s+)?(?P<unit>{f['UNITREF']})"
                rf"(?:\s+(?P<rel>{f['DIR_AFTER']}))?)"
            ),
        ),
        (
            "plural_ref",
            _c(rf"{CL}(?P<x>(?P<pl>{f['PLURALREF']})(?:\s+القليله)?\s+(?P<rel>{f['DIR_AFTER']}|الاخيره))"),
        ),
        (
            "season",
            _c(
                rf"{CL}(?P<x>(?P<dir0>هذا|هذه)\s+(?:ال)?(?P<season>{f['SEASON']})(?!\w))"
                # a season with a year or direction; or after a boundary word, فصل or a noun of arrival
                # (نهاية الصيف، فصل الشتاء، حلول الشتاء): rules.py wants one of those; الربيع العربي is no season
                rf"|{CL}(?:(?P<arrive>حلول|قدوم|اقتراب)\s+)?(?P<x>{bnd}(?:(?P<fasl>فصل)\s+)?(?P<season>{f['SEASON']})"
                rf"(?!\s+العربي)"
                rf"(?:\s+(?:(?:من\s+)?(?:ال)?عام\s+)?(?P<year>\d{{4}})(?!\d)|\s+(?P<rel>{f['DIR_AFTER']})"
                rf"|\s+(?:(?P<dir0>هذا)\s+)?(?:من\s+)?(?P<unit>العام|السنه)(?:\s+(?P<urel>{f['DIR_AFTER']}))?)?)"
            ),
        ),
        (
            "past_n",
            _c(
                rf"{CL}(?P<x>(?:(?P<mod>{f['MOD']})\s+)?ال(?P<unit>{f['UNIT_DUAL']}|{f['UNIT_PL']})"
                rf"(?:\s+ال\s*(?P<n>\d+|{f['CARD']}))?\s+(?P<prel>{LAST_N}))"
            ),
        ),
        (
            "quarter",
            _c(
                rf"{CL}(?P<x>(?P<qh>الربع|النصف)\s+(?P<qo>الاول|الثاني|الثالث|الرابع|الاخير)\s+(?:من\s+)?"
                rf"(?:(?:ال)?(?:عام|سنه)\s+(?P<year>\d{{4}})|(?P<year>\d{{4}})"
                rf"|(?P<unit>العام|السنه)(?:\s+(?P<rel>{f['DIR_AFTER']}))?|(?P<dir0>هذا|هذه)\s+(?P<unit>العام|السنه)))"
            ),
        ),
        (
            "duration",
            _c(duration_source(range(len(duration_branches())))),
        ),
        (
            # a unit noun alone after a preposition or a mod is one unit (لمدة ساعة، قبل يوم، نحو شهر); the
            # preposition stays out of the span, the mod is in it
            "duration_bare",
            _c(
                rf"(?<!\w)[وفل]?{dur_preps}\s+(?P<x>{bare}{dur_tail})"
                rf"|{CL}(?P<x>(?P<mod>{f['MOD']})\s+{bare}{dur_tail})"
            ),
        ),
        # a holiday on a fixed day of its calendar (holidays.tsv), maybe with its Gregorian year: قبل أيام من عيد
        # الفطر، عيد الأضحى عام 2006
        (
            "holiday",
            _c(
                rf"{CL}(?P<x>(?P<hol>{f['HOLIDAY']})(?:\s+(?:(?:ال)?(?:عام|سنه)\s+)?(?P<year>\d{{4}})(?![\d%]))?)"
                r"(?!\w)"
            ),
        ),
    ]


@lru_cache(maxsize=1)
def duration_branches() -> tuple[str, ...]:
    """The branches of the "duration" rule, in order: what follows its optional mod."""
    f = fragments()
    num = rf"(?:\d+(?:[.,]\d+)?(?![\d:/])|{f['CARD']})"
    return (
        rf"(?P<n>{num})\s+(?P<unit>{f['UNIT']})",
        rf"ال\s*(?P<n>\d+)\s+(?P<unit>{f['UNIT']})(?:\s+(?P<prel>{LAST_N}))?",
        rf"(?P<unit>{f['UNIT_DUAL']})",
        rf"(?P<frac>نصف|ربع)\s+(?P<unit>{f['UNIT_SG']})",
        # an indefinite accusative singular is one unit: استمرت أسبوعا كاملا; not with an adjective of another
        # kind (عاشت المدينة يوما داميا: a day described, not a length of time)
        rf"(?P<unit>{f['UNIT_ACC']})(?!\s+ما(?!\w))"
        rf"(?!\s+(?!و|كاملا|كامله|واحدا|تقريبا|اضافيا|جديدا|اخر)\w+ا(?!\w))"
        rf"(?:\s+(?:(?P<full>كاملا|كامله|بكامله)|(?P<one>واحدا)(?!\w)))?",
        # an indefinite accusative plural alone is an unspecified count: يطول أشهرا (PXM)
        rf"(?P<unit>{f['UNIT_PL_ACC']})",
        rf"(?P<unit>{f['UNIT_SG']})(?=\s+و\s*(?:نصف|ربع)(?!\w))",
        rf"(?P<unit>{f['UNIT_SG']})\s+(?P<one>واحد|واحده)(?!\w)",
        rf"(?P<vague>بضع[ه]?|عده)\s+(?P<unit>{f['UNIT']})",
        # a plural unit right after the preposition ل is an unspecified count: منعت لساعات، قد تستمر لأيام (the
        # preposition is the clitic before the match; not before a definite noun: لأيام العيد)
        rf"(?<=(?<!\w)[وف]?ل)(?P<unit>{f['UNIT_PL']})(?!\w)(?!\s+ال(?!ي(?!\w))\w)",
    )


def duration_source(keep) -> str:
    """The "duration" pattern with the branches ``keep`` (indices into :func:`duration_branches`)."""
    f = fragments()
    branches = duration_branches()
    return (
        rf"{CL}(?P<x>(?:(?P<mod>{f['MOD']})\s+)?"
        rf"(?:{'|'.join(branches[i] for i in keep)})"
        rf"(?:\s+و\s*(?P<half>نصف|ربع))?(?:\s+(?P<post>تقريبا|علي\s+الاقل))?)"
    )


@lru_cache(maxsize=1)
def zone_after() -> regex.Pattern:
    """A zone right after a clock time, possibly behind a closing quote or bracket, or in brackets (ت.غ)."""
    return _c(rf"(?P<gap>\s*(?P<close>[\"»”’)\]]?\s*\(?)\s*)(?P<zone>{fragments()['ZONE']})")


@lru_cache(maxsize=1)
def today_before() -> regex.Pattern:
    """اليوم (after a part of day, or و/ف) right before a weekday and date: the date is the day of writing
    (``اليوم الثلاثاء 15 أفريل``, ``صباح اليوم الأربعاء 14 ماي``). Looked for behind the few dates with a
    weekday rather than in the date rule, where it would be tried at every word."""
    return _c(rf"(?:(?<!\w)(?P<podc>{fragments()['POD_NOUN']})\s+|(?<!\w)[وف]?)(?P<today>اليوم)\s*[،,]?\s*$")


# A preposition just before a duration turns it into a date counted from the publication date.
# منذ before a date, maybe with a noun phrase between and no punctuation (منذ 25 آذار، منذ الانتخابات التي
# جرت في 10 تشرين الأول 2021): when something began, not the day of the report
SINCE_BEFORE = regex.compile(r"(?:^|[\s(])[وف]?منذ(?:\s+[^\s،,.:;؛]+){0,6}\s+$")


@lru_cache(maxsize=1)
def day_word_before() -> regex.Pattern:
    """A day counted from the writing (اليوم، أمس، غدا…, maybe after a part of day) right before a weekday and
    date (``أمس الأحد، الموافق 18 ذو القعدة``): with the date's weekday it tells the weekday of publication."""
    phrases = relative()["phrase"].items()
    words = alternation(w for w, (_, v) in phrases if v[:2] in ("D-", "D+") and "T" not in v)
    return _c(rf"(?:(?<!\w){fragments()['POD_NOUN']}\s+|(?<!\w)[وف]?)(?P<dw>{words})\s*[،,]?\s*$")


PREP_BEFORE = regex.compile(r"(?:^|[\s(])[وف]?(?P<prep>قبل|بعد|منذ)\s*$")
# من after a duration (maybe behind فقط/تقريبا): counted from an event, not from the publication date
AFTER_MIN = regex.compile(r"\s+(?:(?:فقط|تقريبا)\s+)?من\s+(?!الزمن)")
RANGE_BETWEEN = regex.compile(r"^\s*(?:الي|حتي|و|-|–|ل)\s*$")
RANGE_BEFORE = regex.compile(r"(?:^|\s)[و]?(?:من|بين|ما\s+بين)\s*$")
