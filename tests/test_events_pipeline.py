"""Actors that need the other layers (the quotes layer's speakers, nisba adjectives of the entities), through the
whole pipeline."""

from __future__ import annotations

from events_helpers import event_actors

from rasd.pipeline import analyze


def _events(text: str) -> list[tuple[str, set[str], set[str]]]:
    return event_actors(analyze(text, published="2024-03-12"))


def test_his_country_is_the_speakers_state() -> None:
    # بلاده as the subject, in the words of a minister named in the sentence before: his state rejects
    text = (
        "ونقلت وكالة الأناضول عن وزير الخارجية التركي هاكان فيدان قوله إن تركيا لن تتخلى عن مواقفها. "
        "وأضاف أن بلاده ترفض القرار."
    )
    assert [e for e in _events(text) if e[0] == "REJECT"] == [("REJECT", {"Turkey"}, set())]


def test_nisba_after_an_organization_describes_it() -> None:
    text = "وأعلنت الرئاسة عن عدة اتفاقيات، أبرزها اتفاق بين مجمع سونلغاز وشركة إيني الإيطالية لنقل الكهرباء نحو إيطاليا."
    agree = [e for e in _events(text) if e[0] == "AGREE"]
    assert agree and all("Italy" not in src | tgt for _, src, tgt in agree)


def test_definite_noun_restates_the_strike() -> None:
    # القصف التركي, condemned the next day, is the strike told before in other words: one ASSAULT
    text = (
        "استهدفت طائرة مسيرة تركية مساء الجمعة موقعا قرب مدينة القامشلي، وفق ما أعلنت وزارة الدفاع في تركيا. "
        "وفي دمشق، دان وزير الخارجية السوري فيصل المقداد القصف التركي، معتبرا أنه انتهاك للسيادة."
    )
    assert [e for e in _events(text) if e[0] == "ASSAULT"] == [("ASSAULT", {"Turkey"}, set())]


def test_coordinated_verb_inside_the_quote_continues_its_subject() -> None:
    # the quote's own clause (الأردن …، ويطالب) has a subject of its own: the kingdom demands, not the speaker
    text = 'ونقلت وكالة بترا عن الصفدي قوله إن الأردن "لا يقبل المساس بالوصاية الهاشمية، ويطالب بوقف الاقتحامات".'
    assert [e for e in _events(text) if e[0] == "REQUEST"] == [("REQUEST", {"Jordan"}, set())]


def test_removing_the_threat_is_no_threat() -> None:
    # التهديد after another noun (لإبعاد) is a danger to remove, not an act of threatening
    text = (
        "وقصف الجيش الإسرائيلي مواقع في جنوب لبنان. وكتب المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي أن "
        'الجيش "سيواصل العمل لإبعاد التهديد عن سكان الشمال".'
    )
    assert [e for e in _events(text) if e[0] == "THREATEN"] == []


def test_light_verb_over_a_sidelines_occasion() -> None:
    # على هامش القمة frames the act: عقد still governs the meeting noun after it
    text = "وعقد الرئيس التركي رجب طيب أردوغان على هامش القمة لقاء ثنائيا مع الرئيس الأميركي جو بايدن."
    assert ("CONSULT", {"Recep Tayyip Erdoğan"}, {"Joe Biden"}) in _events(text)


def test_title_then_a_phrase_naming_its_holder() -> None:
    # المديرة التنفيذية لليونيسف كاثرين راسل: the title is hers, not the earlier director's it resembles
    text = (
        "وقالت المديرة التنفيذية للبرنامج سيندي ماكين إن الهجوم شائن. وحذرت المديرة التنفيذية لليونيسف "
        "كاثرين راسل من أن 730 ألف طفل يعانون سوء التغذية."
    )
    assert [e for e in _events(text) if e[0] == "THREATEN"] == [("THREATEN", {"Catherine M. Russell"}, set())]


def test_past_verb_after_the_reported_clause_is_the_speakers() -> None:
    # ودعا (past) after the reported clause's present ترفض goes back to قال: the spokesman asks, not Tehran
    text = (
        'وقال المتحدث باسم وزارة الخارجية الإيرانية ناصر كنعاني في مؤتمر صحافي إن طهران "ترفض بشدة" '
        "الاتهامات، ودعا الاتحاد الأوروبي إلى مراجعة موقفه."
    )
    assert ("REQUEST", {"Nasser Kanaani"}, {"European Union"}) in _events(text)


def test_present_verb_after_the_reported_clause_continues_it() -> None:
    # وتدعو (present, like ترفض) is still the reported clause: Tehran asks
    text = "وقال كنعاني إن طهران ترفض الاتهامات وتدعو الاتحاد الأوروبي إلى مراجعة موقفه."
    assert [e for e in _events(text) if e[0] == "REQUEST"] == [("REQUEST", {"Tehran"}, {"European Union"})]


def test_a_state_dual_in_a_relative_clause_is_no_object() -> None:
    # البلدان is the subject of the relative clause after إلى, not the one asked: the call asks no one
    text = (
        "وأجرى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا مع نظيره السوري فيصل المقداد بشأن الحدود بين "
        "الأردن وسوريا. ودعا الصفدي إلى تفعيل اللجنة المشتركة التي شكلها البلدان العام الماضي."
    )
    assert [e for e in _events(text) if e[0] == "REQUEST"] == [("REQUEST", {"Ayman Safadi"}, set())]


def test_a_title_after_a_time_adjunct_opens_the_object() -> None:
    # في وقت لاحق is when; the title after it, and the name after the title, is whom he received
    text = "واستقبل الرئيس التونسي قيس سعيد في وقت لاحق رئيسة الوزراء الإيطالية جورجيا ميلوني."
    assert ("CONSULT", {"Kais Saied"}, {"Giorgia Meloni"}) in _events(text)


def test_a_meeting_verbs_object_pronoun_is_the_main_subject() -> None:
    # يستقبله after talks with Y: the king receives the visiting minister (the sentence's subject), not Y
    text = (
        "وعقد وزير الخارجية الفرنسي جان نويل بارو جلسة محادثات مع نظيره المغربي ناصر بوريطة، قبل أن "
        "يستقبله العاهل المغربي الملك محمد السادس."
    )
    found = [(src, tgt) for t, src, tgt in _events(text) if t == "CONSULT"]
    assert any(src | tgt == {"Mohammed VI of Morocco", "Jean-Noël Barrot"} for src, tgt in found), found


def test_a_titled_object_with_a_phrase_before_the_name_is_the_holder() -> None:
    # الرئيس السوري للمرحلة الانتقالية أحمد الشرع: the title's holder is met, not the state of its nisba
    text = "وفي أول زيارة له إلى سوريا، التقى وزير الخارجية الفرنسي جان نويل بارو الرئيس السوري للمرحلة الانتقالية أحمد الشرع."
    assert ("CONSULT", {"Jean-Noël Barrot"}, {"Ahmed al-Sharaa"}) in _events(text)


def test_a_name_after_a_way_of_saying_is_the_object() -> None:
    # في بيان is how the party asked; the minister named after it is whom it asked
    text = "وبعد إعلان التشكيل، طالب حزب الوفد في بيان مصطفى مدبولي بمراجعة أسعار الكهرباء."
    assert ("REQUEST", {"Wafd Party"}, {"Mostafa Madbouly"}) in _events(text)


def test_a_coordinated_blame_after_a_report_opened_by_ghayr_anna() -> None:
    # غير أن opens the sentence; أكد X أن … is the report, so وحمّل continues X and its gap holds the object
    text = (
        'غير أن وزير الخارجية الإيراني عباس عراقجي أكد في تصريحات للتلفزيون الرسمي أن بلاده "لن تقبل '
        'بالشروط"، وحمّل الولايات المتحدة مسؤولية "فشل المفاوضات".'
    )
    assert ("ACCUSE", {"Abbas Araghchi"}, {"United States"}) in _events(text)


def test_his_forces_are_the_body_his_title_names() -> None:
    # قواته in a spokesman's words: the force he speaks for (his title names it), not his state
    text = "وقال المتحدث باسم قوات سوريا الديمقراطية فرهاد شامي إن قواته اعتقلت خمسة مسلحين قرب الحسكة."
    assert [e for e in _events(text) if e[0] == "COERCE"] == [("COERCE", {"Syrian Democratic Forces"}, set())]


def test_a_construct_phrase_after_the_subjects_name_is_the_object() -> None:
    # أعضاء الوفد الإيراني after the minister's name: another phrase (the delegation of Iran), the one received
    text = (
        "وتستضيف سلطنة عمان محادثات بين إيران والولايات المتحدة. واستقبل وزير الخارجية العماني بدر "
        "البوسعيدي أعضاء الوفد الإيراني مساء الأحد."
    )
    assert ("CONSULT", {"Badr Albusaidi"}, {"Iran"}) in _events(text)
