"""Inputs: encodings detected without being told, HTML, JSONL, directories, and bad input reported."""

from __future__ import annotations

import codecs
import io
import json
import sys

import pytest

from rasd.inputs import MAX_DOC_CHARS, Article, InputError, iter_inputs
from rasd.inputs.decode import DecodeError, decode_bytes

ARABIC = "وقالت المتحدثة باسم الوزارة في بيان إن المحادثات ستستأنف الأسبوع المقبل في العاصمة، وأكدت أن الوفد مستعد."


def _items(paths):
    return list(iter_inputs([str(p) for p in paths]))


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),  # with BOM
        lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
        lambda s: s.encode("cp1256"),
        lambda s: s.encode("iso8859_6"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1256", "iso8859-6"],
)
def test_encodings_detected(encode):
    for text in (ARABIC, ARABIC[:30], "قال الرئيس."):
        decoded, _ = decode_bytes(encode(text))
        assert decoded == text


def test_legacy_encodings_on_real_article(seed_text):
    # the reference article is real Arabic news; drop the characters the old code pages lack
    for enc in ("cp1256", "iso8859_6"):
        data = seed_text.encode(enc, errors="ignore")
        decoded, used = decode_bytes(data)
        assert decoded == data.decode(enc), enc


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"", "empty"),
        (b"   \n\t ", "no text"),
        (bytes(range(256)) * 20, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
    ],
)
def test_bad_bytes(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)


def test_errors_name_file_and_line_and_keep_going(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARABIC, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    jl = tmp_path / "a.jsonl"
    jl.write_text(
        json.dumps({"id": "x1", "text": ARABIC, "published": "2024-01-02"}, ensure_ascii=False)
        + "\n{not json\n"
        + json.dumps({"title": "no text"})
        + "\n[1, 2]\n",
        encoding="utf-8",
    )
    items = _items([good, empty, binary, jl, tmp_path / "missing.txt"])
    errors = [i for i in items if isinstance(i, InputError)]
    arts = [i for i in items if isinstance(i, Article)]
    assert [a.origin for a in arts] == [str(good), f"{jl}:1"]
    assert arts[1].id == "x1" and arts[1].published == "2024-01-02" and arts[1].published_source == "metadata"
    origins = [e.origin for e in errors]
    assert origins == [
        str(empty),
        str(binary),
        f"{jl}:2",
        f"{jl}:3",
        f"{jl}:4",
        str(tmp_path / "missing.txt"),
    ]
    assert all("\n" not in str(e) for e in errors)


def test_html_title_and_date(examples_dir):
    (art,) = _items([examples_dir / "summit.html"])
    assert isinstance(art, Article)
    assert art.title == "قادة الخليج يختتمون قمتهم في الدوحة"
    assert art.published == "2023-12-05" and art.published_source == "metadata"
    assert "البديوي" in art.text and "الرئيسية" not in art.text


def test_directory_recursive_and_glob(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")  # unknown kinds inside directories are skipped
    assert len([i for i in _items([tmp_path]) if isinstance(i, Article)]) == 2
    assert len(list(iter_inputs([str(tmp_path / "**" / "*.txt")]))) == 2
    assert isinstance(list(iter_inputs([str(tmp_path / "*.nothing")]))[0], InputError)


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARABIC.encode("cp1256"))))
    (art,) = list(iter_inputs(["-"]))
    assert art.text == ARABIC and art.origin == "<stdin>"


def test_huge_text_is_split_at_paragraphs(tmp_path):
    big = tmp_path / "big.txt"
    para = ARABIC + "\n"
    big.write_text(para * (MAX_DOC_CHARS * 2 // len(para) + 5), encoding="utf-8")
    parts = _items([big])
    assert len(parts) >= 2 and all(isinstance(p, Article) for p in parts)
    assert all(len(p.text) <= MAX_DOC_CHARS for p in parts)
    assert all(p.text.endswith("\n") for p in parts[:-1])
    assert "".join(p.text for p in parts) == big.read_text(encoding="utf-8")
