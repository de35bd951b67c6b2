"""Gender and number read off cues and candidate speakers (rasd/quotes/agreement.py), and the cues that stay
cues after a relative من ("who")."""

from __future__ import annotations

from test_quotes_corpus import analyze

from rasd.quotes.agreement import _form_agreement


def test_verb_forms_agreement() -> None:
    assert _form_agreement("قال", "قال", "verb") == ("m", "sg")
    assert _form_agreement("قالت", "قال", "verb") == ("f", "sg")
    assert _form_agreement("تقول", "قال", "verb") == ("f", "sg")
    assert _form_agreement("يقول", "قال", "verb") == ("m", "sg")
    assert _form_agreement("اكدا", "اكد", "verb") == ("m", "du")
    assert _form_agreement("اكدتا", "اكد", "verb") == ("f", "du")
    assert _form_agreement("يقولون", "قال", "verb") == (None, "pl")
    assert _form_agreement("دعا", "دعا", "verb") == ("m", "sg")  # a lemma ending in alif is no dual
    assert _form_agreement("لفتت", "لفت", "verb") == ("f", "sg")
    assert _form_agreement("توعد", "توعد", "verb") == ("m", "sg")
    assert _form_agreement("داعيه", "دعا", "participle") == ("f", "sg")
    assert _form_agreement("مؤكدين", "اكد", "participle") == (None, "pl")


def test_relative_man_keeps_its_cue() -> None:
    """من + verb is "who says": the verb still reports, unlike a verbal noun after a preposition."""
    doc = analyze('وتتباين آراء الخبراء حول الخطة، فمنهم من يرى أنها "فرصة أخيرة" للسلام.')
    assert [q.cue.text for q in doc.quotes] == ["يرى"]


def test_feminine_title_of_a_woman_outweighs_a_masculine_one() -> None:
    """رئيس بعثة… is written for a woman too; her feminine title elsewhere (رئيسة…) decides her gender, so a
    feminine participle after her finds her rather than a body before her."""
    from rasd.document import Role
    from rasd.quotes.agreement import speaker_agreement
    from rasd.quotes.context import build_context
    from rasd.quotes.records import SpeakerRec

    doc = analyze("وتحدثت منى الحسيني أمام الصحافيين.")
    person = next(e for e in doc.entities if e.type == "PER")
    masc, fem = "رئيس بعثة المنظمة في ليبيا", "رئيسة بعثة المنظمة في ليبيا بالإنابة"
    person.roles = [Role(text=masc), Role(text=fem)]
    ctx = build_context(doc)
    sp = SpeakerRec(0, 4, doc.text[0:4], entity=person.id, role=masc)
    assert speaker_agreement(ctx, sp) == ("f", "sg")
    man = SpeakerRec(0, 4, doc.text[0:4], entity=None, role=masc)
    assert speaker_agreement(ctx, man) == ("m", "sg")
