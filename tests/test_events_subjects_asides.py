"""Round nine (the p/q articles): subjects and objects set off by asides, delegations and crowds acting for
their body, the chair of a meeting, a stance on an act with someone, protesters storming a building. Through the
whole pipeline, on sentences we wrote."""

from __future__ import annotations

from events_helpers import event_actors

from rasd.pipeline import analyze


def _events(text: str) -> list[tuple[str, set[str], set[str]]]:
    return event_actors(analyze(text, published="2024-05-20"))


def test_object_after_a_relative_clause_set_off_by_commas() -> None:
    # the relative clause describes the host; the person after its closing comma is the one received
    text = (
        "واستقبل وزير الخارجية الأردني أيمن الصفدي، الذي عاد من جولة أوروبية مساء أمس، نظيره المصري سامح "
        "شكري في عمان."
    )
    assert ("CONSULT", {"Ayman Safadi"}, {"Sameh Shoukry"}) in _events(text)


def test_pluperfect_subject_after_kana_past_asides() -> None:
    # وكان X، الذي …، قد التقى: the subject stands right after كان, the asides between do not hide it
    text = (
        "وكان وزير الخارجية الأردني أيمن الصفدي، الذي وصل أمس إلى القاهرة، قد التقى نظيره المصري سامح شكري."
    )
    assert ("CONSULT", {"Ayman Safadi"}, {"Sameh Shoukry"}) in _events(text)


def test_delegation_of_a_body_acts_for_it() -> None:
    # وفد من X برئاسة Y، …، قد زار: the delegation's body visits; the capital after the verb is where
    text = (
        "وكان وفد من صندوق النقد الدولي برئاسة المدير الإقليمي جهاد أزعور، ومسؤولين آخرين، قد زار بيروت "
        "الأسبوع الماضي."
    )
    visits = [e for e in _events(text) if e[0] == "CONSULT"]
    assert visits and visits[0][1] == {"International Monetary Fund"}


def test_delegation_subject_after_the_verb_then_its_object() -> None:
    text = "ومن المقرر أن يزور وفد من المفوضية الأوروبية المغرب الأسبوع المقبل لبحث ملف الهجرة."
    assert ("CONSULT", {"European Commission"}, {"Morocco"}) in _events(text)


def test_the_chair_of_a_bodys_meeting_is_no_party() -> None:
    # عقدت X اجتماعا برئاسة Y: the body held the meeting; its head only chaired it
    text = "وعقدت جامعة الدول العربية اجتماعا طارئا مساء الأحد برئاسة أمينها العام أحمد أبو الغيط."
    meetings = [e for e in _events(text) if e[0] == "CONSULT"]
    assert meetings == [("CONSULT", {"Arab League"}, set())]


def test_talks_headed_by_two_people_keep_them_as_parties() -> None:
    # no named subject of the light verb: the heads of the talks are their parties (unchanged)
    text = (
        "وعقدت جولة المحادثات في إسطنبول برئاسة مساعد الرئيس الروسي فلاديمير ميدينسكي ووزير الدفاع "
        "الأوكراني رستم عمروف."
    )
    assert ("CONSULT", {"Vladimir Medinsky"}, {"Rustem Umerov"}) in _events(text)


def test_rejecting_an_act_with_someone_is_aimed_at_him() -> None:
    text = "من جهتها، رفضت حركة الجهاد الإسلامي أي تطبيع مع إسرائيل."
    assert ("REJECT", {"Palestinian Islamic Jihad"}, {"Israel"}) in _events(text)


def test_protesters_storming_a_building_protest() -> None:
    # a crowd of supporters storming a building protests; no named target is needed
    text = "واقتحم مئات من أنصار التيار الصدري مبنى مجلس المحافظة في البصرة احتجاجا على نتائج الانتخابات."
    assert [e[:2] for e in _events(text)] == [("PROTEST", {"Sadrist Movement"})]


def test_police_storming_a_protest_camp_is_no_protest() -> None:
    # the protesters are the object here: the storming stays an assault (or nothing without a named target)
    text = "واقتحمت الشرطة الإسرائيلية مخيم المحتجين قرب مدينة حيفا فجر اليوم."
    assert all(e[0] != "PROTEST" for e in _events(text))


def test_storming_protesters_aim_at_no_landmark() -> None:
    text = "واقتحم آلاف من أنصار التيار الصدري المنطقة الخضراء في بغداد مساء الجمعة."
    assert [e for e in _events(text) if e[0] == "PROTEST"] == [("PROTEST", {"Sadrist Movement"}, set())]


def test_an_air_bridge_sent_is_aid() -> None:
    text = "وسيّرت الكويت جسرا جويا إلى لبنان يحمل أدوية ومواد غذائية."
    assert ("AID", {"Kuwait"}, {"Lebanon"}) in _events(text)


def test_closing_the_border_with_a_state_coerces_it() -> None:
    assert ("COERCE", {"Algeria"}, {"Morocco"}) in _events("وأغلقت الجزائر حدودها البرية مع المغرب.")


def test_an_announced_closure_of_ones_own_border() -> None:
    # أعلن before an event noun whose later word carries the subject's pronoun (حدودها): the subject acts
    text = "وأعلنت تركيا إغلاق حدودها مع سوريا حتى إشعار آخر."
    assert ("COERCE", {"Turkey"}, {"Syria"}) in _events(text)


def test_a_past_act_takes_no_date_still_to_come() -> None:
    # the coming date belongs to the فيما clause; the demand made is dated by publication
    text = (
        "وطالبت منظمة هيومن رايتس ووتش الحكومة المصرية بالإفراج عن المعتقلين، فيما قال مسؤول إن الملف "
        "سيبحث في اجتماع يعقد في 15 حزيران المقبل."
    )
    doc = analyze(text, published="2024-05-20")
    requests = [ev for ev in doc.events if ev.type == "REQUEST"]
    assert requests and requests[0].date == "2024-05-20" and requests[0].date_source == "published"


def test_the_chair_of_a_meeting_held_by_a_body_set_off_by_an_aside() -> None:
    text = (
        "وعقدت جامعة الدول العربية، المنظمة الإقليمية الأقدم، اجتماعا طارئا مساء الأحد برئاسة أمينها العام "
        "أحمد أبو الغيط."
    )
    assert [e for e in _events(text) if e[0] == "CONSULT"] == [("CONSULT", {"Arab League"}, set())]


def test_freezing_anothers_body_coerces_it() -> None:
    # أعلن X تجميد اختصاصات البرلمان: the announcer acts on the body; freezing one's own talks stays a concession
    text = "وأعلن الرئيس التونسي قيس سعيد، مساء الأحد، تجميد أعمال مجلس نواب الشعب لمدة شهر."
    assert ("COERCE", {"Kais Saied"}, {"Assembly of the Representatives of the People"}) in _events(text)


def test_freezing_talks_stays_a_concession() -> None:
    text = "وجمدت الحكومة الإسرائيلية المفاوضات مع حركة حماس حتى إشعار آخر."
    assert all(e[0] != "COERCE" for e in _events(text))


def test_barring_a_person_then_his_sit_in() -> None:
    # منع X Y من: a coercion of Y; after ف the one barred is the one who acts next
    text = (
        "ومنعت الشرطة الإسرائيلية وزير الأمن القومي إيتمار بن غفير من دخول المسجد الأقصى صباح اليوم، "
        "فاعتصم أمام باب المغاربة لساعتين."
    )
    events = _events(text)
    assert ("COERCE", {"Israel Police"}, {"Itamar Ben-Gvir"}) in events
    assert ("PROTEST", {"Itamar Ben-Gvir"}, set()) in events


def test_a_states_agency_acts_a_news_agency_does_not() -> None:
    # Israel Police is an "agency" in the knowledge base like Reuters, but a state's agency acts
    text = "القدس - (رويترز): واعتقلت الشرطة الإسرائيلية، فجر اليوم، النائب العربي في الكنيست أيمن عودة."
    events = _events(text)
    assert events and events[0][:2] == ("COERCE", {"Israel Police"})


def test_a_verb_carrying_its_object_after_a_linker_takes_the_name_after_it() -> None:
    # بعدما منعها X من …: the pronoun is the object, X the subject (not the main clause's subject)
    text = "وقالت وزارة الصحة إن الشاحنات عادت إلى العريش، بعدما منعتها حركة حماس من دخول غزة."
    assert [e[:2] for e in _events(text) if e[0] == "COERCE"] == [("COERCE", {"Hamas"})]


def test_a_raided_landmark_is_where_not_whom() -> None:
    text = "وكانت الشرطة الإسرائيلية قد اقتحمت المسجد الأقصى فجر الجمعة واعتدت على المعتكفين."
    assert [e for e in _events(text) if e[0] == "ASSAULT"] == [("ASSAULT", {"Israel Police"}, set())]


def test_a_threat_inside_a_warning_is_the_warning() -> None:
    # حذر X من أن بلاده "لن تتردد …": one THREATEN, by the warner
    text = 'وحذر وزير الدفاع الفرنسي سيباستيان لوكورنو من أن فرنسا "لن تتردد في الرد" على أي هجوم.'
    threats = [e for e in _events(text) if e[0] == "THREATEN"]
    assert [t[1] for t in threats] == [{"Sébastien Lecornu"}]


def test_standing_with_a_state_supports_it() -> None:
    text = 'وقال وزير الخارجية الأردني أيمن الصفدي إن الأردن "يقف مع مصر" في مواجهة التحديات.'
    assert ("SUPPORT", {"Jordan"}, {"Egypt"}) in _events(text)


def test_not_standing_idly_by_after_an_accusation_threatens_the_accused() -> None:
    text = 'واتهم الرئيس الجزائري عبد المجيد تبون المغرب بـ"التصعيد المتعمد"، مؤكدا أن الجزائر "لن تقف مكتوفة الأيدي".'
    assert ("THREATEN", {"Algeria"}, {"Morocco"}) in _events(text)


def test_a_title_right_before_an_honorific_and_a_name_is_that_names() -> None:
    # the entities layer tied وزير الخارجية السعودي to the crown prince; the name after الأمير holds it here
    from rasd.document import Role, Span
    from rasd.events.context.references import _reference_spans
    from rasd.events.fixture import prepared

    text = (
        "واستقبل ولي العهد محمد بن سلمان الرئيس الفرنسي إيمانويل ماكرون. والتقى ماكرون بعد ذلك وزير الخارجية "
        "السعودي الأمير فيصل بن فرحان."
    )
    doc = prepared(
        text,
        "2024-05-20",
        [
            ["إيمانويل ماكرون", "PER", "Emmanuel Macron", "person/emmanuel-macron", "country/FR", "person"],
            ["ماكرون", "PER", "Emmanuel Macron", "person/emmanuel-macron", "country/FR", "person"],
            ["فيصل بن فرحان", "PER", "Faisal bin Farhan Al Saud", "person/faisal-bin-farhan", "country/SA"],
            ["محمد بن سلمان", "PER", "Mohammed bin Salman", "person/mohammed-bin-salman", "country/SA"],
        ],
    )
    title = "وزير الخارجية السعودي"
    start = text.index(title)
    crown_prince = next(e for e in doc.entities if e.name_en == "Mohammed bin Salman")
    crown_prince.roles.append(Role(text=title, span=Span(start=start, end=start + len(title), text=title)))
    assert (start, start + len(title), crown_prince.id) not in _reference_spans(doc)


def test_welcoming_someones_statements_is_aimed_at_him() -> None:
    # بتصريحات: ب before a way of saying is the preposition (its phrase names whom the welcome is aimed at)
    text = "ورحب وزير الخارجية الأردني أيمن الصفدي بتصريحات الرئيس الفرنسي إيمانويل ماكرون."
    assert ("SUPPORT", {"Ayman Safadi"}, {"Emmanuel Macron"}) in _events(text)


def test_a_visit_takes_the_date_of_the_meeting_during_it() -> None:
    text = (
        "وجاءت التصريحات بعد زيارة قام بها المبعوث الأميركي آموس هوكستين إلى بيروت، التقى خلالها رئيس مجلس "
        "النواب نبيه بري يوم الأحد الماضي."
    )
    doc = analyze(text, published="2024-05-20")
    visit = next(ev for ev in doc.events if ev.mode == "visit")
    assert visit.date == "2024-05-19" and visit.date_source == "timex"


def test_a_visit_announced_in_a_second_clause_is_by_the_one_named_there() -> None:
    # the sentence opens on another act; the visitor is the subject after أن, and he meets those named
    text = (
        "وأجرى وزير الخارجية اللبناني عبد الله بو حبيب اتصالا هاتفيا بنظيره الأردني أيمن الصفدي، فيما أعلنت "
        "الخارجية الأميركية أن المبعوث آموس هوكستين سيصل إلى بيروت الأسبوع المقبل في زيارة يلتقي خلالها "
        "رئيس مجلس النواب نبيه بري."
    )
    events = _events(text)
    assert ("CONSULT", {"Amos Hochstein"}, {"Beirut"}) in events
    assert ("CONSULT", {"Amos Hochstein"}, {"Nabih Berri"}) in events


def test_a_body_named_again_by_its_head_and_adjective() -> None:
    # الاتحاد الدولي after الاتحاد الدولي لكرة القدم: the same body (not another one its adjective would name)
    text = "وأصدر الاتحاد الدولي لكرة القدم بيانا بشأن أحداث المباراة. وهدد الاتحاد الدولي بمعاقبة الأندية المخالفة."
    assert ("THREATEN", {"FIFA"}, set()) in _events(text)


def test_object_after_an_apposition_set_off_by_commas() -> None:
    # ، صاحبة أكبر كتلة في البرلمان،: an indefinite apposition describing the subject; the object follows it
    text = (
        "وأعلن رئيس الجمهورية قيس سعيد حل الحكومة. واتهم الحزب الدستوري الحر، أحد أبرز أحزاب المعارضة، "
        "رئيس الجمهورية بتجاوز صلاحياته."
    )
    assert ("ACCUSE", {"Free Destourian Party"}, {"Kais Saied"}) in _events(text)


def test_a_dated_aside_then_the_titled_object() -> None:
    # a guard: the aside rules leave a date between commas and the titled object after it as they were
    text = "واستقبل الملك عبد الله الثاني، أمس، رئيس الوزراء العراقي محمد شياع السوداني في عمان."
    assert ("CONSULT", {"Abdullah II of Jordan"}, {"Mohammed Shia al-Sudani"}) in _events(text)


def test_a_press_conference_alone_is_no_meeting() -> None:
    text = 'وقال وزير الخارجية الأردني أيمن الصفدي في مؤتمر صحافي إن "علاقتنا مع مصر استراتيجية".'
    assert [e for e in _events(text) if e[0] == "CONSULT"] == []


def test_a_joint_press_conference_is_a_meeting() -> None:
    text = "وقال وزير الخارجية الأردني أيمن الصفدي في مؤتمر صحافي مع نظيره المصري سامح شكري إن الحل سياسي."
    assert ("CONSULT", {"Ayman Safadi"}, {"Sameh Shoukry"}) in _events(text)


def test_a_past_verb_after_a_reported_present_goes_back_to_the_speaker() -> None:
    # أكد X أن عمّان "تقف مع …"، ودعا إلى …: the call is the speaker's, not the reported clause's subject
    text = (
        'وأكد وزير الخارجية الأردني أيمن الصفدي أن الأردن "يقف مع مصر" في ملف المياه، ودعا إلى استئناف '
        "المفاوضات."
    )
    assert ("REQUEST", {"Ayman Safadi"}, set()) in _events(text)


def test_a_summit_between_the_two_sides_names_the_last_pair() -> None:
    # بين الجانبين after the summit: the pair of bodies named before; the city that hosts one is no party
    text = (
        "واتفق الاتحاد الأوروبي والاتحاد الأفريقي، اليوم الخميس، على خطة للهجرة. وأعلن المتحدث أن القمة "
        "المقبلة بين الجانبين ستعقد في أديس أبابا، بعد القمة التي احتضنتها بروكسل العام الماضي."
    )
    summits = [e for e in _events(text) if e[0] == "CONSULT"]
    assert summits == [("CONSULT", {"European Union"}, {"African Union"})]


def test_a_signing_whose_subject_is_two_titled_names() -> None:
    # the gap between وقع and مذكرة holds two titled people: a name's later words do not count against it
    text = "وقع وزير الخارجية الأردني أيمن الصفدي ووزير الخارجية المصري سامح شكري، أمس، مذكرة تفاهم للتعاون."
    assert ("AGREE", {"Ayman Safadi"}, {"Sameh Shoukry"}) in _events(text)


def test_a_curfew_imposed_or_announced_coerces() -> None:
    events = _events("وفرض الجيش اللبناني حظر التجول في مدينة طرابلس مساء الأحد.")
    assert ("COERCE", {"Lebanese Armed Forces"}, set()) in events
    events = _events("وأعلنت وزارة الداخلية العراقية حظرا شاملا للتجوال في بغداد.")
    assert ("COERCE", {"Ministry of Interior (Iraq)"}, set()) in events


def test_a_curfew_spoken_of_is_no_act() -> None:
    assert _events("وقال مصدر أمني إن حظر التجول سيستمر حتى إشعار آخر.") == []


def test_a_briefing_to_a_body_is_a_consultation() -> None:
    text = "وقدم المبعوث الأممي إلى اليمن هانس غروندبرغ إحاطة أمام مجلس الأمن الدولي مساء الثلاثاء."
    assert ("CONSULT", {"Hans Grundberg"}, {"United Nations Security Council"}) in _events(text)


def test_a_press_briefing_alone_is_how_one_spoke() -> None:
    text = 'وقال المتحدث باسم الخارجية الأميركية ماثيو ميلر في إحاطة صحافية إن "المحادثات بناءة".'
    assert [e for e in _events(text) if e[0] == "CONSULT"] == []


def test_inspecting_unnamed_places_is_no_visit() -> None:
    # تفقد X المناطق المنكوبة: an inspection names no one visited; تفقد X حي سوق الجمعة (a named place) stays
    assert (
        _events("وتفقد رئيس الوزراء العراقي محمد شياع السوداني المناطق المتضررة من السيول في جنوب البلاد.")
        == []
    )
    visits = _events("وتفقد رئيس الوزراء اللبناني نجيب ميقاتي أمس مرفأ بيروت.")
    assert visits and visits[0][:2] == ("CONSULT", {"Najib Mikati"})


def test_an_analysts_comment_holds_no_event() -> None:
    # يرى المحلل X أن "انسحاب Y …"، لكنه استبعد …: comment on events, not events; a minister after فيما acts
    text = (
        'ويرى المحلل السياسي العراقي إحسان الشمري أن "انسحاب الصدر يربك المشهد"، لكنه استبعد أي مواجهة '
        "مسلحة، فيما رفض وزير الخارجية العراقي فؤاد حسين أي تدخل خارجي."
    )
    events = _events(text)
    assert [e[0] for e in events] == ["REJECT"] and events[0][1] == {"Fuad Hussein"}


def test_welcoming_the_words_of_a_bare_title() -> None:
    # بتصريحات ولي العهد: the statements of the crown prince named before with that title
    text = (
        "وقال ولي العهد السعودي الأمير محمد بن سلمان في مقابلة إن المملكة تدعم الحل السياسي. ورحب وزير "
        "الخارجية المصري سامح شكري بتصريحات ولي العهد."
    )
    assert ("SUPPORT", {"Sameh Shoukry"}, {"Mohammed bin Salman"}) in _events(text)
