"""Speakers of the seventh round: the maker of a call who speaks during it, "the same source" quoted again,
a researcher named after the body he works for, and a compound given name with its family name."""

from __future__ import annotations

from quotes_helpers import speaker_entity_name
from test_quotes_corpus import analyze

from rasd.document import Document, Quote


def _quote(doc: Document, cue: str) -> Quote:
    found = [q for q in doc.quotes if q.cue.text == cue]
    assert len(found) == 1, [(q.cue.text, q.speaker and q.speaker.text) for q in doc.quotes]
    return found[0]


def test_caller_speaks_during_the_call_not_the_person_called() -> None:
    """أجرى X اتصالا بنظيره Y، أكد خلاله: X, who made the call, is the subject of أكد."""
    doc = analyze(
        "وأجرى وزير الخارجية المصري سامح شكري، مساء أمس، اتصالا هاتفيا بنظيره الأردني أيمن الصفدي، "
        'أكد خلاله أن القاهرة "ترفض أي تهجير للفلسطينيين".'
    )
    assert _quote(doc, "أكد").speaker.text == "سامح شكري"


def test_meeting_with_someone_gives_the_host_as_speaker() -> None:
    doc = analyze(
        "والتقى الرئيس التونسي قيس سعيد مع رئيسة الوزراء الإيطالية جورجيا ميلوني في قصر قرطاج، "
        'أكد خلاله أن تونس "لن تكون حارسا لحدود أوروبا".'
    )
    assert _quote(doc, "أكد").speaker.text == "قيس سعيد"


def test_call_received_from_someone_keeps_the_caller() -> None:
    """تلقى X اتصالا من Y، أكد خلاله: unchanged, the caller Y is the nearest person and speaks."""
    doc = analyze(
        "وتلقى الرئيس عبد الفتاح السيسي اتصالا هاتفيا من الرئيس الأمريكي جو بايدن، "
        'أكد خلاله أن واشنطن "تدعم جهود الوساطة".'
    )
    assert _quote(doc, "أكد").speaker.text == "جو بايدن"


def test_the_same_source_is_the_source_described_before() -> None:
    doc = analyze(
        'قال مصدر حكومي مطلع إن "المفاوضات مع الصندوق متعثرة". '
        'وبحسب المصدر نفسه، فإن الخلاف "لا يزال قائما حول توزيع الخسائر".'
    )
    sp = _quote(doc, "وبحسب").speaker
    assert sp.text == "مصدر حكومي مطلع" and sp.anonymous


def test_the_same_sources_with_thatiha() -> None:
    doc = analyze(
        'قالت مصادر دبلوماسية غربية إن "الاتفاق بات قريبا". '
        'وأضافت المصادر ذاتها أن "التوقيع قد يتم الأسبوع المقبل".'
    )
    assert _quote(doc, "وأضافت").speaker.text == "مصادر دبلوماسية غربية"


def test_researcher_named_after_a_centre_holding_a_place_name() -> None:
    """الباحث في مركز دراسات الخليج X: the body's phrase ends in a place's name; the person follows it."""
    doc = analyze('ويرى الباحث في مركز دراسات الخليج عبد الكريم ضاهر أن الاتفاق "هش وقابل للانهيار".')
    sp = _quote(doc, "ويرى").speaker
    assert sp.text == "عبد الكريم ضاهر"
    assert sp.role is not None and sp.role.startswith("الباحث في مركز")


def test_three_word_name_swallowed_by_the_centre_mention() -> None:
    """A body's mention that ran on over a three-word name: the name is the speaker, as written."""
    doc = analyze('ويرى الباحث في مركز جسور للدراسات عبد الوهاب عاصي أن الزيارة "تحمل رسالة دعم واضحة".')
    assert _quote(doc, "ويرى").speaker.text == "عبد الوهاب عاصي"


def test_compound_given_name_keeps_the_family_name() -> None:
    """عبد الرحمن وهبة: the speaker is the full name as written, never the person the compound given name
    alone stands for (the entities layer may find the whole name, an unknown person, or the given name only)."""
    doc = analyze('ويقول الأستاذ في جامعة القاهرة عبد الرحمن وهبة إن "الأزمة أعمق مما يبدو".')
    q = _quote(doc, "ويقول")
    assert q.speaker.text == "عبد الرحمن وهبة"
    assert speaker_entity_name(doc, q) in (None, "عبد الرحمن وهبة")
    ent = doc.entity(q.speaker.entity) if q.speaker.entity else None
    assert ent is None or ent.kb_id is None


def test_participle_describing_with_bi_anna() -> None:
    """واصفا إياها بأنها "…": the participle of وصف reports the subject's words."""
    doc = analyze('ووقع الرئيس الكيني وليام روتو أمس قانونا يلغي الاتفاقية، واصفا إياها بأنها "خطأ تاريخي".')
    q = _quote(doc, "واصفا")
    assert q.speaker.text == "وليام روتو" and q.content.text == "خطأ تاريخي"


def test_urging_inside_a_statement_gives_the_participle_to_the_urger() -> None:
    """حثت X على "…"، محذرة: the urging is a quote of its own, and the participle after it is hers."""
    doc = analyze(
        'وقالت الوزارة في بيان إن الوزيرة حثت الأطراف على "ضبط النفس والعودة إلى الحوار"، '
        "محذرة من أن التصعيد يهدد المنطقة."
    )
    urged = _quote(doc, "حثت")
    assert urged.speaker.text == "الوزيرة" and urged.content.text == "ضبط النفس والعودة إلى الحوار"
    assert _quote(doc, "محذرة").speaker.text == "الوزيرة"


def test_idh_opens_a_clause_and_is_no_speaker() -> None:
    """…، إذ تطالب النقابة بأن…: إذ opens the clause; the subject follows the verb."""
    doc = analyze(
        "وتعثرت المفاوضات بسبب الخلاف على الموازنة، إذ تطالب نقابة المعلمين بأن تتحمل الحكومة كلفة "
        "الزيادات كاملة."
    )
    assert _quote(doc, "تطالب").speaker.text == "نقابة المعلمين"


def test_idh_with_a_cue_ends_an_attributed_statement() -> None:
    doc = analyze(
        "وبحسب مصادر مطلعة، فإن المفاوضات تعثرت بسبب الخلاف على الموازنة، إذ تطالب نقابة المعلمين "
        'بأن تتحمل الحكومة كلفة "الزيادات المقررة" كاملة.'
    )
    source = _quote(doc, "وبحسب")
    assert source.content.text == "المفاوضات تعثرت بسبب الخلاف على الموازنة"
    assert _quote(doc, "تطالب").speaker.text == "نقابة المعلمين"


def test_idh_before_a_title_and_name_with_a_quoted_object() -> None:
    doc = analyze(
        "وأيدت الجامعة العربية موقف الأردن، إذ أكد أمينها العام أحمد أبو الغيط في تصريح صحافي "
        'الاثنين "دعم الجامعة الكامل للمملكة".'
    )
    assert _quote(doc, "أكد").speaker.text == "أحمد أبو الغيط"


def test_memorandum_in_a_headline_is_no_cue() -> None:
    """مذكرة is a memorandum as often as "reminding": only after a comma is it the participle."""
    doc = analyze('الأردن يسلم إسرائيل مذكرة احتجاج على اقتحام "المسجد الأقصى"')
    assert not [q for q in doc.quotes if q.cue.text == "مذكرة"]
    doc = analyze('وقالت الوزيرة إن الحل سياسي، مذكرة بأن "الحرب لا رابح فيها".')
    assert _quote(doc, "مذكرة").speaker.text == "الوزيرة"


def test_figures_of_a_body_named_before_speak_for_it() -> None:
    """وبحسب أرقام المنتدى: the figures' owner (a definite noun in alif maqsura, no nisba adjective) is the
    forum named in full before."""
    doc = analyze(
        "وأصدر المنتدى الاقتصادي العالمي تقريره السنوي أمس. "
        "وبحسب أرقام المنتدى، تراجع النمو العالمي إلى 2 في المئة."
    )
    q = _quote(doc, "وبحسب")
    forum = next(e for e in doc.entities if e.name.startswith("المنتدى"))
    assert q.speaker.entity == forum.id


def test_estimates_of_a_bank_name_the_bank() -> None:
    doc = analyze(
        "وخفض البنك الدولي توقعاته للنمو في المنطقة. وبحسب تقديرات البنك، انكمش الاقتصاد بنسبة 5 في المئة."
    )
    q = _quote(doc, "وبحسب")
    bank = next(e for e in doc.entities if e.name.startswith("البنك الدولي"))
    assert q.speaker.entity == bank.id


def test_title_ending_in_a_region_then_a_place_phrase_is_no_name() -> None:
    """المدير العام لدائرة الخليج في الوزارة: the phrase after the title's region is no person's name."""
    doc = analyze('وقالت الصحيفة إن المدير العام لدائرة الخليج في الوزارة أكد أن "العلاقات متينة".')
    assert _quote(doc, "أكد").speaker.text == "المدير العام لدائرة الخليج في الوزارة"


def test_relative_clause_after_a_comma_reports_the_source_just_named() -> None:
    """بحسب ما أعلنت X، التي أشارت إلى…: the clause set off by a comma is X's words too."""
    doc = analyze(
        "وسقطت قذيفتان على محيط المطار، بحسب ما أعلنت قيادة العمليات المشتركة، "
        "التي أشارت إلى عدم وقوع إصابات."
    )
    q = _quote(doc, "أشارت")
    assert q.speaker.text == "قيادة العمليات المشتركة" and q.content.text == "عدم وقوع إصابات"
    doc = analyze(
        "وسقطت قذيفتان على محيط المطار، بحسب ما أعلنت قيادة العمليات المشتركة، "
        "التي أشارت إلى أن الهجوم لم يسفر عن إصابات."
    )
    assert _quote(doc, "أشارت").speaker.text == "قيادة العمليات المشتركة"


def test_restrictive_relative_with_a_noun_phrase_is_no_quote() -> None:
    """الدول التي دعت إلى…: with no comma the clause only tells which countries."""
    doc = analyze("وزار الوفد الدول التي دعت إلى وقف إطلاق النار.")
    assert not [q for q in doc.quotes if q.cue.text == "دعت"]
