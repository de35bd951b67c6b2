"""A medium's reporter is the source he is (an unnamed person affiliated with the medium), not the medium."""

from rasd import analyze


def test_reporter_of_an_agency_is_the_source() -> None:
    doc = analyze("واحتشد آلاف المتظاهرين أمام مقر الحكومة، وفق ما أفاد مراسل وكالة الأنباء الألمانية.")
    (q,) = doc.quotes
    assert q.speaker is not None
    assert q.speaker.text == "مراسل وكالة الأنباء الألمانية"
    assert q.speaker.anonymous


def test_reporter_of_a_channel_with_a_place() -> None:
    doc = analyze('وقال مراسل قناة الجزيرة في رفح إن القصف "لم يتوقف طوال الليل".')
    (q,) = doc.quotes
    assert q.speaker is not None and q.speaker.anonymous
    assert q.speaker.text.startswith("مراسل قناة الجزيرة")
