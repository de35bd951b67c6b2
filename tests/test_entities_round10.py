"""Rules of the tenth entity round (the u–y development articles), each on sentences written by us."""

from __future__ import annotations

from rasd.pipeline import analyze


def mentions(text: str) -> dict[str, str]:
    """Each mention's text -> its entity's type."""
    doc = analyze(text)
    return {m.text: e.type for e in doc.entities for m in e.mentions}


def test_a_weekday_after_a_body_is_no_person() -> None:
    got = mentions("وقالت البعثة الإيرانية لدى الأمم المتحدة ليل السبت إن الأمر انتهى بالنسبة إليها.")
    assert "الأمم المتحدة" in got
    assert not any("السبت" in m for m in got)
    got = mentions("وقال المتحدث باسم الجامعة العربية صباح الأحد إن الاجتماع الطارئ تأجل.")
    assert not any("الأحد" in m for m in got)


def test_a_given_name_like_a_weekday_stays() -> None:
    # جمعة without the article is a given name or a family name
    got = mentions("وأدى الصلاة في الجامع الكبير يوم الجمعة الوزير محمود جمعة.")
    assert got.get("محمود جمعة") == "PER"


def test_a_name_does_not_run_on_into_a_glued_word() -> None:
    got = mentions("أما بن سلمان فشكر الرئيس الفرنسي على دعمه للمبادرة.")
    assert got.get("بن سلمان") == "PER"
    assert "بن سلمان فشكر" not in got
    got = mentions("وقال مدير الهيئة هشام عبد الغفار لوكالة فرانس برس إن السفينة تحركت.")
    assert got.get("هشام عبد الغفار") == "PER"
    # a name whose word begins with a clitic letter stays whole
    got = mentions("أما فؤاد حسين فقال إن الحوار مستمر.")
    assert got.get("فؤاد حسين") == "PER"


def test_an_adverb_and_a_glued_title_before_a_name_stay_out() -> None:
    from rasd.entities.cues import one_word_titles
    from rasd.entities.features import name_words
    from rasd.entities.kb import shipped_kb
    from rasd.entities.mention import Mention
    from rasd.entities.organizations import org_head_word
    from rasd.entities.run_on_words import person_run_on
    from rasd.text import tokenize

    toks = tokenize("واتصل هاتفياً بالشيخ ناصر الحمود وهنأه.")
    a = next(k for k, t in enumerate(toks) if t.text == "هاتفياً")
    b = next(k for k, t in enumerate(toks) if t.text == "الحمود")
    m = Mention(a, b, toks[a].start, toks[b].end, "PER")
    got = person_run_on(toks, m, shipped_kb(), name_words(), one_word_titles(), org_head_word)
    assert got is not None and toks[got.first].text == "ناصر"


def test_a_given_name_after_a_title_begins_the_name() -> None:
    # علي folds with the preposition على: after a title it is the given name
    got = mentions("وأصدر المحقق مذكرة توقيف بحق النائب علي حسن خليل بتهمة الإهمال.")
    assert got.get("علي حسن خليل") == "PER"
    got = mentions("واستقبل الرئيس في قصره رئيس غينيا بيساو عمر سيسوكو إمبالو، وبحث معه العلاقات.")
    assert got.get("عمر سيسوكو إمبالو") == "PER"
    # the preposition as written is no name
    got = mentions("وشدد الوزير على حسن الجوار بين البلدين.")
    assert not any(m.startswith("على") for m in got)


def test_the_kbs_own_name_stands_against_a_shorter_model_name() -> None:
    got = mentions("ووصل آلاف الحجاج إلى مكة المكرمة أمس لأداء المناسك.")
    assert got.get("مكة المكرمة") == "LOC"
    got = mentions("وسقطت طائرة مسيرة قرب المنطقة الخضراء في بغداد فجر اليوم.")
    assert got.get("المنطقة الخضراء") == "LOC"


def test_a_town_class_noun_stays_out_of_the_kbs_name() -> None:
    # an indefinite head noun in construct stays out of a name the KB spells with it
    got = mentions("وتجددت الاشتباكات في مدينة الزاوية غرب طرابلس مساء أمس.")
    assert "مدينة الزاوية" not in got


def test_a_ministers_portfolio_is_no_body() -> None:
    got = mentions("وأعفى الرئيس وزير الشؤون الدينية أحمد الحمدي من مهامه مساء الخميس.")
    assert "الشؤون الدينية" not in got
    got = mentions("وعقد في الرياض اجتماع لمستشاري الأمن الوطني في دول المنطقة.")
    assert "الأمن الوطني" not in got
    # a body after an adviser's title stays
    got = mentions("وقال مستشار الرئاسة الأوكرانية ميخايلو بودولياك إن الهجوم فشل.")
    assert got.get("الرئاسة الأوكرانية") == "ORG"


def test_a_time_word_verb_before_a_known_person_stays_out() -> None:
    got = mentions("وظهر الكاظمي بعد ساعات في كلمة متلفزة من مكتبه.")
    assert got.get("الكاظمي") == "PER"
    # a KB person whose given name is a time word keeps it
    got = mentions("واستقبل صباح الأحمد الوفد الزائر في قصر بيان.")
    assert got.get("صباح الأحمد") == "PER"


def test_a_known_persons_name_does_not_run_on_into_a_verb_in_ya() -> None:
    got = mentions("الشيخ مشعل الأحمد يؤدي اليمين الدستورية أمام مجلس الأمة.")
    assert got.get("مشعل الأحمد") == "PER"
    # an unknown person's nisba-like surname stays
    got = mentions("وقال الباحث أحمد يحياوي إن الوضع معقد.")
    assert got.get("أحمد يحياوي") == "PER"


def test_no_person_after_a_word_no_name_follows() -> None:
    assert not mentions("وبات آلاف السكان بلا مأوى بعد الفيضانات الأخيرة.")
    got = mentions("وأطلقت البحرية الأميركية صواريخ كروز على مواقع في الساحل.")
    assert "كروز" not in got
    got = mentions("وضربت العاصفة دانيال الساحل الشرقي ليل الأحد.")
    assert not any(t == "PER" for t in got.values())
    # the senator is still named
    assert mentions("وقال السيناتور تيد كروز إن القرار خاطئ.").get("تيد كروز") == "PER"


def test_a_name_does_not_run_on_into_under_arrest() -> None:
    got = mentions("ونفى المتحدث أن يكون الأمير فيصل قيد الاعتقال، موضحا أنه طلب منه التوقف.")
    assert not any("قيد" in m for m in got)


def test_the_au_commission_is_a_body_of_its_own() -> None:
    doc = analyze("وقالت مفوضية الاتحاد الأفريقي في بيان إن القمة الطارئة ستعقد الشهر المقبل.")
    got = {m.text: e.kb_id for e in doc.entities for m in e.mentions}
    assert got.get("مفوضية الاتحاد الأفريقي") == "org/au-commission"


def test_the_city_named_before_is_no_new_place() -> None:
    from rasd.entities.generic_places import without_generic_places
    from rasd.entities.mention import Mention
    from rasd.text import tokenize

    toks = tokenize("ونزح أكثر من 30 ألف شخص من المدينة بعد السيول.")
    i = next(k for k, t in enumerate(toks) if t.text == "المدينة")
    city = Mention(i, i, toks[i].start, toks[i].end, "LOC")
    assert without_generic_places(toks, [city]) == []
    linked = Mention(i, i, toks[i].start, toks[i].end, "LOC", ("city/medina",), "kb")
    assert without_generic_places(toks, [linked]) == [linked]
    assert mentions("ووصل الوفد إلى المدينة المنورة أمس.").get("المدينة المنورة") == "LOC"
