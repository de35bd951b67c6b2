"""An undated act followed by خلال/أثناء/في + a dated event noun (دعا، خلال اجتماع … يوم الثلاثاء …، إلى) was done
at that occasion, on its day — not on the publication day."""

from __future__ import annotations

from rasd.pipeline import analyze


def _dates(text: str) -> list[tuple[str, str | None]]:
    doc = analyze(text, published="2023-03-06")
    return [(ev.type, ev.date) for ev in doc.events]


def test_a_call_made_during_a_dated_meeting() -> None:
    text = (
        "وكان الرئيس المصري عبد الفتاح السيسي قد دعا، خلال اجتماع للحكومة يوم الثلاثاء 21 فبراير الماضي، "
        'إلى "إجراءات عاجلة" لضبط الأسعار.'
    )
    assert ("REQUEST", "2023-02-21") in _dates(text)


def test_without_the_occasion_the_publication_day_stays() -> None:
    text = 'ودعا الرئيس المصري عبد الفتاح السيسي إلى "إجراءات عاجلة" لضبط الأسعار.'
    assert _dates(text) == [("REQUEST", "2023-03-06")]


def test_a_past_act_does_not_take_next_weeks_date() -> None:
    text = (
        "كما أرسلت السعودية طائرتين تحملان فرقا للإغاثة إلى ليبيا، وأعلن وزير الخارجية السعودي فيصل بن فرحان "
        "أن سفينة ثالثة ستبحر نحو بنغازي مطلع الأسبوع المقبل."
    )
    assert ("AID", "2023-03-06") in _dates(text)


def test_a_date_in_a_before_clause_dates_only_that_clause() -> None:
    text = (
        "واتهم زعيم المعارضة أحمد ولد داداه ليل الجمعة 3 مارس الجيش بقصف مواقع أنصاره، وتوعد بالرد، "
        "قبل أن تسيطر قوات الجيش فجر السبت على مقر الحزب."
    )
    assert ("THREATEN", "2023-03-03") in _dates(text)


def test_a_coordinated_verb_keeps_its_subjects_date_past_an_event_noun() -> None:
    text = (
        'ودانت جامعة الدول العربية أمس الجمعة 3 مارس "بأشد العبارات" الهجوم الذي استهدف مدينة مأرب الاثنين '
        'الماضي، في بيان أصدرته الأمانة العامة، وطالبت بمحاسبة "مرتكبي هذا العمل".'
    )
    assert ("REQUEST", "2023-03-03") in _dates(text)
