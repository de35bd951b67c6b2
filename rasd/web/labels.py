"""Arabic labels for the page's interface (not language data the analysis uses)."""

from __future__ import annotations

ENTITY_TYPES = {"PER": "شخص", "ORG": "منظمة", "LOC": "مكان", "MISC": "أخرى"}
BLOCK_KINDS = {"heading": "عنوان", "paragraph": "فقرة", "boilerplate": "حشو الموقع"}
QUOTE_KINDS = {"direct": "مباشر", "indirect": "غير مباشر", "mixed": "مختلط"}
TIMEX_TYPES = {"DATE": "تاريخ", "TIME": "وقت", "DURATION": "مدة", "SET": "تكرار"}
MODALITIES = {
    "occurred": "وقع",
    "planned": "مخطط له",
    "hypothetical": "افتراضي",
    "conditional": "مشروط",
    "negated": "منفي",
    "denied": "مُنكَر",
}
# PLOVER event types, glossed for Arabic readers; unknown types are shown as they are.
EVENT_TYPES = {
    "AGREE": "اتفاق",
    "CONSULT": "تشاور",
    "SUPPORT": "دعم",
    "CONCEDE": "تنازل",
    "COOPERATE": "تعاون",
    "AID": "مساعدة",
    "RETREAT": "انسحاب",
    "REQUEST": "طلب",
    "ACCUSE": "اتهام",
    "REJECT": "رفض",
    "THREATEN": "تهديد",
    "PROTEST": "احتجاج",
    "SANCTION": "عقوبات",
    "MOBILIZE": "حشد",
    "COERCE": "إكراه",
    "ASSAULT": "اعتداء",
    "DISAPPROVE": "استنكار",
    "DEMAND": "مطالبة",
}


def entity_type(code: str | None) -> str:
    return ENTITY_TYPES.get(code or "", code or "")


def event_type(code: str | None) -> str:
    return EVENT_TYPES.get(code or "", code or "")


def modality(code: str | None) -> str:
    return MODALITIES.get(code or "", code or "")


def quote_kind(code: str | None) -> str:
    return QUOTE_KINDS.get(code or "", code or "")


def timex_type(code: str | None) -> str:
    return TIMEX_TYPES.get(code or "", code or "")
