"""Round ten (the r/s/t articles): meetings of several parties and the numbered plurals naming them again,
relations severed, restored and suspended, envoys summoned or recalled, and words that only look like triggers
(ranking, a comparative, an interview). Through the whole pipeline, on sentences we wrote."""

from __future__ import annotations

from events_helpers import event_actors

from rasd.pipeline import analyze


def _events(text: str, published: str = "2024-03-05") -> list[tuple[str, set[str], str | None]]:
    """(type, all actors, date) of each event: symmetric events keep their parties in either order."""
    doc = analyze(text, published=published)
    name = {e.id: e.name_en or e.name for e in doc.entities}
    return [(ev.type, {name[i] for i in ev.source + ev.target}, ev.date) for ev in doc.events]


def _one_sided(text: str, published: str = "2024-03-05") -> list[tuple[str, set[str], set[str]]]:
    return event_actors(analyze(text, published=published))


LEADERS = {"Abdel Fattah el-Sisi", "Abdullah II of Jordan", "Mahmoud Abbas"}
SUMMIT = (
    "استضافت القاهرة الخميس قمة ثلاثية جمعت الرئيس المصري عبد الفتاح السيسي والعاهل الأردني الملك عبد الله "
    "الثاني والرئيس الفلسطيني محمود عباس، في إطار آلية التنسيق بين مصر والأردن وفلسطين."
)


def test_summit_joining_three_leaders_has_all_three() -> None:
    # جمعت X والرئيس Y والعاهل Z: every conjunct after the joining verb is a party, not only the first two
    events = _events(SUMMIT)
    assert ("CONSULT", LEADERS, "2024-02-29") in events


def test_numbered_plural_subject_names_the_parties_told_before() -> None:
    # القادة الثلاثة (SVO after إن) and ورفض القادة الثلاثة (VSO): the three leaders of the summit
    text = (
        SUMMIT
        + " وقال المتحدث باسم الرئاسة إن القادة الثلاثة اتفقوا على تنسيق المواقف. ورفض القادة الثلاثة أي تدخل."
    )
    events = _events(text)
    assert ("AGREE", LEADERS, "2024-02-29") in events
    assert ("REJECT", LEADERS, "2024-02-29") in events


def test_general_consulting_verb_of_the_summit_parties_folds_into_the_summit() -> None:
    # وناقش الزعماء الثلاثة …: what the three did at the summit, not a second meeting
    text = SUMMIT + " وناقش الزعماء الثلاثة الأوضاع في قطاع غزة."
    assert [e for e in _events(text) if e[0] == "CONSULT"] == [("CONSULT", LEADERS, "2024-02-29")]


def test_numbered_state_plural_takes_the_states_not_the_people() -> None:
    text = (
        "ووقعت مصر والأردن والعراق مذكرة تفاهم للربط الكهربائي. وأكدت الدول الثلاث رفضها أي تدخل خارجي، "
        "ورفضت الدول الثلاث محاولات زعزعة الاستقرار."
    )
    rejects = [e for e in _events(text) if e[0] == "REJECT"]
    assert rejects and all(e[1] == {"Egypt", "Jordan", "Iraq"} for e in rejects)


def test_numbered_plural_without_an_event_of_that_many_names_nobody() -> None:
    # only two parties were named: الدول الأربع has no antecedent, so no actor is invented
    text = "التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي. ورفضت الدول الأربع أي تدخل خارجي."
    assert not [e for e in _events(text) if e[0] == "REJECT"]


def test_severing_relations_announced_with_a_dated_aside() -> None:
    # أعلنت X، <date>، قطع علاقاتها: the verbal noun after the aside, dated by it
    text = "أعلنت البحرين، مساء أمس الاثنين 5 يونيو 2017، قطع علاقاتها الدبلوماسية مع قطر."
    assert _one_sided(text, "2017-06-06") == [("SANCTION", {"Bahrain"}, {"Qatar"})]
    assert _events(text, "2017-06-06")[0][2] == "2017-06-05"


def test_restoring_relations_is_cooperation_between_both() -> None:
    assert _events("وأعادت مصر علاقاتها الدبلوماسية مع تركيا.") == [
        ("COOPERATE", {"Egypt", "Turkey"}, "2024-03-05")
    ]
    assert _events("واستأنفت السعودية العلاقات الدبلوماسية مع إيران.")[0][:2] == (
        "COOPERATE",
        {"Saudi Arabia", "Iran"},
    )


def test_suspending_membership_sanctions_the_member() -> None:
    text = "وعلقت الجامعة العربية عضوية ليبيا في فبراير 2011."
    assert _one_sided(text) == [("SANCTION", {"Arab League"}, {"Libya"})]


def test_summoning_another_states_envoy_is_a_complaint_recalling_ones_own_a_sanction() -> None:
    summons = _one_sided("واستدعت الخارجية الإيرانية سفير بريطانيا لدى طهران.")
    assert summons == [("ACCUSE", {"Ministry of Foreign Affairs (Iran)"}, {"United Kingdom"})]
    recall = _one_sided("واستدعت فرنسا سفيرها في الجزائر للتشاور.")
    assert ("SANCTION", {"France"}, {"Algeria"}) in recall


def test_ranking_in_an_election_is_no_dissolution() -> None:
    # حل X في المركز الثالث، يليه Y: حل dissolves only a body
    text = "وحل رئيس حزب الوفد عبد السند يمامة في المركز الثالث، يليه المرشح المستقل أحمد الطنطاوي."
    assert _events(text) == []


def test_comparative_is_no_warning() -> None:
    # أكثر حذرا: "more cautious", not the dual verb حذرا (they warned)
    text = "وجاء الموقف الأردني أكثر حذرا، إذ قال وزير الخارجية أيمن الصفدي إن المملكة ستدرس التفاصيل."
    assert _events(text) == []


def test_interview_with_an_outlet_is_no_consultation() -> None:
    text = "وقال وزير الخارجية الإيراني عباس عراقجي في اتصال مع قناة الجزيرة إن المحادثات مستمرة."
    assert [e for e in _events(text) if e[0] == "CONSULT"] == []


def test_two_sides_as_object_are_the_last_pair() -> None:
    # دعت X الطرفين: the two sides of the clash; after an event noun, و + verb + a name is that verb's subject
    text = "اندلعت اشتباكات بين أرمينيا وأذربيجان على الحدود، ودعت روسيا الطرفين إلى ضبط النفس."
    assert ("REQUEST", {"Russia"}, {"Armenia", "Azerbaijan"}) in _one_sided(text)


def test_state_subject_then_an_indefinite_noun_naming_a_person() -> None:
    # انتقدت مصر تصريحات X: a name heads no construct; Egypt criticized, X is whose words
    text = "وانتقدت مصر تصريحات وزير الخارجية الإسرائيلي يائير لابيد."
    assert _one_sided(text) == [("ACCUSE", {"Egypt"}, {"Yair Lapid"})]


def test_visit_with_a_pronoun_after_a_relative_clause_is_its_subjects() -> None:
    # إلى تصريحات أدلى بها X خلال زيارته: X visits, not the subject of the main clause
    text = (
        "واستندت مصر إلى تصريحات أدلى بها وزير الخارجية الإسرائيلي يائير لابيد خلال زيارته للأردن في 3 مارس."
    )
    visits = [e for e in _one_sided(text) if e[0] == "CONSULT"]
    assert visits == [("CONSULT", {"Yair Lapid"}, {"Jordan"})]


def test_headline_ending_on_a_quotation_merges_with_the_lead() -> None:
    # a title ending on a quoted phrase has no stop of its own: its event is the lead's, dated by the lead
    text = (
        'البحرين تقطع علاقاتها مع قطر.. والدوحة تأسف لقرار "غير مبرر"\n'
        "أعلنت البحرين، مساء أمس الاثنين 5 يونيو 2017، قطع علاقاتها الدبلوماسية مع قطر.\n"
    )
    assert [e for e in _events(text, "2017-06-06") if e[0] == "SANCTION"] == [
        ("SANCTION", {"Bahrain", "Qatar"}, "2017-06-05")
    ]


def test_three_ministers_coordinated_with_double_waw_sign_a_declaration() -> None:
    # ووزيرة: و + وزيرة (a word known whole), so a new conjunct; وقع الإعلان is a signing
    text = (
        "وكان وزير الخارجية الأردني أيمن الصفدي ووزيرة الخارجية الألمانية أنالينا بيربوك قد وقعا الإعلان "
        "الاثنين 4 مارس في عمان."
    )
    assert ("AGREE", {"Ayman Safadi", "Annalena Baerbock"}, "2024-03-04") in _events(text)


def test_contact_group_is_no_phone_call() -> None:
    # لجنة اتصال وزارية تضم X و Y: a body named for its purpose, no call between its members
    text = "واتفق الوزراء على تشكيل لجنة اتصال وزارية تضم الأردن والسعودية والعراق لمتابعة تنفيذ البيان."
    assert [e for e in _events(text) if e[0] == "CONSULT"] == []


def test_outlet_relaying_the_words_is_no_target() -> None:
    # في كلمة بثتها قناة المسيرة: the channel carried the threat; no one is threatened by name
    text = "وتوعد المتحدث العسكري باسم الحوثيين يحيى سريع في كلمة متلفزة بثتها قناة المسيرة بأن الهجمات لن تمر دون رد."
    assert _one_sided(text) == [("THREATEN", {"Yahya Saree"}, set())]


def test_reinforcements_sent_to_a_province_target_no_one() -> None:
    text = "وقالت مصادر إن الجيش التركي دفع اليوم الأربعاء بتعزيزات عسكرية جديدة إلى ولاية هكاري."
    assert [(t, s, o) for t, s, o in _one_sided(text) if t == "MOBILIZE"] == [
        ("MOBILIZE", {"Turkish Armed Forces"}, set())
    ]


def test_meeting_on_the_sidelines_of_a_dated_signing_takes_its_day() -> None:
    text = (
        "ووقع وزير الخارجية الأردني أيمن الصفدي ووزيرة الخارجية الألمانية أنالينا بيربوك اتفاقية للتعاون "
        "الاثنين 4 مارس في عمان. والتقى الصفدي بيربوك على هامش التوقيع، وبحثا الأوضاع في غزة."
    )
    meetings = [e for e in _events(text, "2024-03-07") if e[0] == "CONSULT"]
    assert meetings == [("CONSULT", {"Ayman Safadi", "Annalena Baerbock"}, "2024-03-04")]


def test_act_asserted_by_a_participle_after_a_denial_is_outside_it() -> None:
    # نفى … أن …، مؤكدا أنه …: the participle's clause is asserted, not denied
    text = (
        "ونفى الرئيس التونسي قيس سعيد أن يكون قد تلقى أي دعوة، مؤكدا أنه التقى نظيره الجزائري عبد المجيد "
        "تبون في الجزائر."
    )
    doc = analyze(text, published="2024-03-05")
    meetings = [ev for ev in doc.events if ev.type == "CONSULT"]
    assert meetings and meetings[0].modality == "occurred"


def test_title_with_an_organization_then_its_holder_is_the_object() -> None:
    # استقبل X الأمين العام المساعد لجامعة الدول العربية Y: the holder named after the title's ل phrase
    text = "واستقبل وزير الخارجية الجزائري أحمد عطاف الأمين العام المساعد لجامعة الدول العربية حسام زكي."
    assert _events(text) == [("CONSULT", {"Ahmed Attaf", "Hossam Zaki"}, "2024-03-05")]


def test_same_preposition_repeated_after_waw_adds_its_party() -> None:
    # مع X ومع Y: both are the other parties of the talks
    text = (
        "وبحث وزير الخارجية المصري سامح شكري مع نظيره الأردني أيمن الصفدي ومع وزير الخارجية العراقي فؤاد "
        "حسين الأوضاع في غزة."
    )
    assert _events(text)[0][:2] == ("CONSULT", {"Sameh Shoukry", "Ayman Safadi", "Fuad Hussein"})


def test_what_something_means_is_no_act() -> None:
    text = 'وأضاف أن عودة ليبيا إلى الاتحاد "لا تعني استئناف العلاقات بين مصر وتركيا".'
    assert [e for e in _events(text) if e[0] == "COOPERATE"] == []


def test_participle_closes_the_clause_of_the_person_named_just_before() -> None:
    # دانت X …، ووصف الناطق باسمها Y ما جرى …، محملا إسرائيل: the spokesman blames, not the presidency
    text = (
        'ودانت الخارجية الأردنية الهجوم، ووصف الناطق باسمها سفيان القضاة ما جرى بأنه "تصعيد خطير"، '
        "محملا إسرائيل المسؤولية الكاملة."
    )
    assert ("ACCUSE", {"Sufian Qudah"}, {"Israel"}) in _one_sided(text)


def test_charges_between_the_sides_of_a_clash_are_of_the_clash_day() -> None:
    # the lead reports a clash on Saturday; each side's undated charge against the other is told from that day
    # (a third party's reaction to a one-sided strike keeps the publication day: corpus record
    # reaction-to-a-strike-keeps-the-publication-day)
    text = (
        "باكو - (أ ف ب):\n"
        "اندلعت اشتباكات عنيفة بين أرمينيا وأذربيجان على الحدود المشتركة صباح أمس السبت 9 مارس، بعد أسابيع من "
        "التوتر بين البلدين.\n"
        "واتهمت أرمينيا أذربيجان بقصف مواقعها الحدودية، فيما اتهمت أذربيجان أرمينيا بخرق وقف إطلاق النار.\n"
    )
    accusations = [e for e in _events(text, "2024-03-10") if e[0] == "ACCUSE"]
    assert accusations and all(e[2] == "2024-03-09" for e in accusations)


def test_dual_relative_stands_for_the_last_two_people() -> None:
    # بحضور X والأمين العام للأمم المتحدة Y، اللذين عقدا لقاء: both, though a preposition cuts the phrase
    text = (
        "وجرت مراسم التوقيع بحضور الرئيس المصري عبد الفتاح السيسي والأمين العام للأمم المتحدة أنطونيو "
        "غوتيريش، اللذين عقدا لقاء ثنائيا قبل المراسم."
    )
    meetings = [e for e in _events(text) if e[0] == "CONSULT"]
    assert meetings and meetings[0][1] == {"Abdel Fattah el-Sisi", "António Guterres"}


def test_object_after_an_adjunct_in_construct_and_a_date() -> None:
    # دعا X في خطاب العرش يوم 30 يوليو الرئيس Y: the adjunct's noun, its genitive and a date end the adjunct
    text = "ودعا العاهل الأردني الملك عبد الله الثاني في خطاب العرش يوم 30 يوليو الرئيس المصري عبد الفتاح السيسي إلى العمل سويا."
    assert _one_sided(text) == [("REQUEST", {"Abdullah II of Jordan"}, {"Abdel Fattah el-Sisi"})]


def test_what_a_document_asks_its_author_asks() -> None:
    # مذكرة وزعها X …، دعا فيها إلى …: the memo's author calls, not the subject of the main clause
    text = (
        "واستندت مصر إلى مذكرة وزعها وزير الخارجية الإثيوبي تاي أتسكي سيلاسي الشهر الماضي، دعا فيها إلى "
        "إعادة النظر في اتفاقيات مياه النيل."
    )
    assert ("REQUEST", {"Taye Atske Selassie"}, set()) in _one_sided(text, "2024-01-10")


def test_participle_opening_a_speakers_words_is_his() -> None:
    # وأضاف أن الأردن سيواصل دعم …، داعيا إلى …: the king's words (the quotes layer names him), not Jordan's
    text = (
        'وشدد العاهل الأردني الملك عبد الله الثاني على أن استقرار العراق "ركيزة أساسية لأمن المنطقة". وأضاف '
        "أن الأردن سيواصل دعم العراق في مجال الطاقة، داعيا إلى فتح المعابر الحدودية أمام الشاحنات."
    )
    assert ("REQUEST", {"Abdullah II of Jordan"}, set()) in _one_sided(text)


def test_feminine_pronoun_after_an_earlier_state_clause_is_the_state() -> None:
    # وقال X إن الجزائر "…"، وأضاف أنها ستواصل دعم …: أنها is Algeria, not the speaker
    text = (
        'وقال وزير الخارجية الجزائري أحمد عطاف إن الجزائر "ستطرح الملف على القمة"، وأضاف أنها ستواصل دعم '
        "الحكومة الليبية."
    )
    supports = [e for e in _one_sided(text) if e[0] == "SUPPORT"]
    assert supports and supports[0][1] == {"Algeria"}


def test_a_professor_quoted_on_the_news_is_a_commentator() -> None:
    text = (
        'ويرى أستاذ العلوم السياسية في جامعة بغداد إحسان الشمري أن الاتفاق "خطوة مهمة"، لكنه حذر من أن '
        '"الطريق إلى التسوية ما زال طويلا".'
    )
    assert _events(text) == []


def test_warning_that_any_act_by_someone_will_be_answered_threatens_him() -> None:
    text = (
        "ووقعت روسيا وأوكرانيا الاتفاق. وحذر مستشار الرئاسة الأوكرانية ميخايلو بودولياك من أن أي "
        '"استفزاز" روسي في البحر الأسود سيقابل "برد عسكري فوري".'
    )
    assert ("THREATEN", {"Mykhailo Podolyak"}, {"Russia"}) in _one_sided(text)


def test_announcing_a_restoration_between_them_is_the_announcers_act() -> None:
    # أعلنت X و Y إعادة العلاقات … بينهما: "between them" refers to the announcers, so أعلن is the light verb
    text = "أعلنت مصر وتركيا اليوم الأربعاء إعادة العلاقات الدبلوماسية بينهما إلى مستوى السفراء."
    assert ("COOPERATE", {"Egypt", "Turkey"}, "2024-03-05") in _events(text, "2024-03-05")


def test_welcome_reported_from_a_minister_is_his_and_aims_at_no_party_of_the_agreement() -> None:
    # نقلت الوكالة عن X ترحيبه بالاتفاق: X welcomes; welcoming an agreement targets none of its parties
    text = (
        "ووقعت مصر وتركيا اتفاقا للتعاون التجاري. ونقلت وكالة أنباء الشرق الأوسط عن وزير الخارجية المصري سامح "
        "شكري ترحيبه بالاتفاق."
    )
    assert ("SUPPORT", {"Sameh Shoukry"}, set()) in _one_sided(text)


def test_pluperfect_subject_past_a_relative_aside_holding_an_event_noun() -> None:
    # وكان X، الذي حضر اجتماعات "…" في …، قد التقى Y: the meetings noun in the aside does not hide X
    text = (
        'وكان الرئيس الإيراني إبراهيم رئيسي، الذي حضر اجتماعات "بريكس بلس" في جوهانسبرغ، قد التقى الرئيس '
        "الجنوب أفريقي سيريل رامافوزا."
    )
    meetings = [e for e in _events(text) if e[0] == "CONSULT"]
    assert meetings and meetings[0][1] == {"Ebrahim Raisi", "Cyril Ramaphosa"}


def test_several_callers_of_one_each_make_a_call_apiece() -> None:
    # تلقى X اتصالات …، إذ اتصل به Y، و Z: one call between each caller and X
    text = (
        "وتلقى الرئيس الجزائري عبد المجيد تبون اتصالات هاتفية للتهنئة، إذ اتصل به الرئيس التونسي قيس سعيد، "
        "والعاهل الأردني الملك عبد الله الثاني."
    )
    calls = sorted(sorted(e[1]) for e in _events(text) if e[0] == "CONSULT")
    assert calls == [
        ["Abdelmadjid Tebboune", "Abdullah II of Jordan"],
        ["Abdelmadjid Tebboune", "Kais Saied"],
    ]
