"""Speakers linked to the right entity when the text names them in parts: a lone last name after the full
name, a bare title after the person it stood before, a relayed source and the medium that carried it."""

from __future__ import annotations

from quotes_helpers import speaker_entity_name
from test_quotes_corpus import analyze


def test_lone_last_name_is_the_person_named_in_full_before() -> None:
    """عباس after علي محمود عباس is the same man, whichever other Abbas a knowledge base knows."""
    doc = analyze(
        "واستقبل وزير الدفاع الروسي نظيره السوري علي محمود عباس في موسكو. "
        'ونقلت وكالة تاس عن عباس قوله إن بلاده "لن تقبل بأي تصعيد".'
    )
    quotes = [q for q in doc.quotes if q.cue.text == "ونقلت"]
    assert len(quotes) == 1
    full = next(e for e in doc.entities if any(m.text == "علي محمود عباس" for m in e.mentions))
    assert quotes[0].speaker.entity == full.id


def test_relay_keeps_the_medium_as_channel() -> None:
    doc = analyze("وقالت قناة العربية نقلا عن مصادر مطلعة إن الوفد سيصل غدا.")
    (q,) = doc.quotes
    assert q.speaker.text == "مصادر مطلعة" and q.speaker.anonymous
    assert q.channel == "television"


def test_affiliation_owner_is_not_the_speaker() -> None:
    doc = analyze("وقال مسؤول في مكتب رئيس الحكومة الليبية عبد الحميد الدبيبة إن الاتفاق بات قريبا.")
    (q,) = doc.quotes
    assert q.speaker.anonymous
    assert q.speaker.text.startswith("مسؤول في مكتب")
    assert q.speaker.affiliation is not None


def test_bare_title_links_to_the_person_it_stood_before() -> None:
    doc = analyze(
        "وترأس أمير الكويت الشيخ مشعل الأحمد الجابر الصباح اجتماع مجلس الوزراء. "
        'وقال الأمير إن الحكومة "مطالبة بتسريع المشاريع".'
    )
    (q,) = doc.quotes
    assert q.speaker.entity is not None
    assert "مشعل" in (speaker_entity_name(doc, q) or "")


def test_definite_first_name_after_the_body() -> None:
    """مندوب ليبيا الطاهر السني: after the country the title is of, a definite word that is no adjective
    begins the name."""
    doc = analyze("وقال مندوب ليبيا الطاهر السني إن الحكومة ملتزمة بالهدنة.")
    (q,) = doc.quotes
    assert q.speaker.text == "الطاهر السني"
    doc = analyze("وقال مندوب ليبيا الدائم إن الحكومة ملتزمة بالهدنة.")
    (q,) = doc.quotes
    assert q.speaker.text.startswith("مندوب ليبيا")


def test_given_name_left_out_unlinks_another_person() -> None:
    """هادي | بوريل: the entities layer linked the family name alone to a known person whose given name is
    another; the speaker is the whole name, linked to no one rather than to the wrong man."""
    doc = analyze("وأكد مدير الدفاع المدني هادي بوريل أن فرق الإنقاذ انتشرت في الأحياء المتضررة.")
    (q,) = doc.quotes
    assert q.speaker.text == "هادي بوريل"
    assert q.speaker.role == "مدير الدفاع المدني"
    ent = doc.entity(q.speaker.entity) if q.speaker.entity else None
    assert ent is None or "هادي" in ent.name


def test_given_name_of_the_linked_person_keeps_the_link() -> None:
    """محمد | بن سلمان or a full mention: the given name is the linked person's own, the link stays."""
    doc = analyze('وأكد ولي العهد الأمير محمد بن سلمان أن المملكة "ماضية في الإصلاح".')
    (q,) = doc.quotes
    assert q.speaker.text == "محمد بن سلمان"
    assert speaker_entity_name(doc, q) is not None and "محمد" in speaker_entity_name(doc, q)


def test_shortened_organization_is_the_one_named_in_full() -> None:
    """اللجنة الدولية after اللجنة الدولية للصليب الأحمر: the same organization, linked."""
    doc = analyze(
        "وصلت بعثة من اللجنة الدولية للصليب الأحمر إلى مخيم الهول شمال شرقي سوريا. "
        "ووزعت البعثة مساعدات على 500 عائلة، وفق ما أعلنت اللجنة الدولية."
    )
    (q,) = doc.quotes
    full = next(e for e in doc.entities if any(m.text == "اللجنة الدولية للصليب الأحمر" for m in e.mentions))
    assert q.speaker.text == "اللجنة الدولية"
    assert q.speaker.entity == full.id


def test_resolution_speaks_for_the_body_that_adopted_it() -> None:
    doc = analyze(
        "وتبنى مجلس الأمن الدولي الجمعة قرارا بشأن الصومال. ويطالب القرار الحكومة بإجراء الانتخابات في موعدها."
    )
    (q,) = doc.quotes
    council = next(e for e in doc.entities if any(m.text == "مجلس الأمن الدولي" for m in e.mentions))
    assert q.speaker.text == "القرار" and q.speaker.entity == council.id


def test_family_name_left_out_unlinks_another_person() -> None:
    """جولي | كوزاك: the given name alone was linked to someone else; the whole name speaks, not that person."""
    doc = analyze(
        "وأوضحت المتحدثة باسم صندوق النقد الدولي جولي كوزاك للصحافيين في واشنطن أن المفاوضات مستمرة."
    )
    (q,) = doc.quotes
    assert q.speaker.text == "جولي كوزاك"
    ent = doc.entity(q.speaker.entity) if q.speaker.entity else None
    assert ent is None or "كوزاك" in ent.name


def test_named_body_then_whom_it_calls_on() -> None:
    doc = analyze("ودعت منظمة العفو الدولية السلطات المصرية إلى الإفراج عن المعتقلين.")
    (q,) = doc.quotes
    assert q.speaker.text == "منظمة العفو الدولية"


def test_subject_span_leaves_the_conjunction_out() -> None:
    doc = analyze('والمعارضة، من جهتها، ترى أن الحكومة "فشلت في إدارة الأزمة".')
    (q,) = doc.quotes
    assert q.speaker.text == "المعارضة"


def test_lone_last_name_before_a_namesake_named_later() -> None:
    """فقي after أحمد معلم فقي is still him, though the entities layer linked it to a namesake whose full
    name (موسى فقي محمد) comes only later in the article."""
    doc = analyze(
        "وصل وزير الخارجية الصومالي أحمد معلم فقي إلى أديس أبابا أمس لإجراء محادثات. "
        'ونفى فقي أن تكون بلاده قدمت أي تنازل، مؤكدا أن "السيادة خط أحمر". '
        "وشارك في الاجتماع رئيس مفوضية الاتحاد الأفريقي موسى فقي محمد."
    )
    minister = next(e for e in doc.entities if any(m.text == "أحمد معلم فقي" for m in e.mentions))
    for cue in ("ونفى", "مؤكدا"):
        (q,) = [q for q in doc.quotes if q.cue.text == cue]
        assert q.speaker.entity == minister.id


def test_unknown_given_name_drops_the_link() -> None:
    """الباحث يوهانس | كلاين: the given name the entities layer did not know joins the speaker, and the link
    to the known person with that family name (another given name) is dropped."""
    doc = analyze('وقال الباحث في المعهد يوهانس شولتس إن ألمانيا "تراجع حساباتها".')
    q = doc.quotes[0]
    assert q.speaker is not None and q.speaker.text == "يوهانس شولتس"
    assert q.speaker.entity is None or "Olaf" not in (doc.entity(q.speaker.entity).name_en or "")
