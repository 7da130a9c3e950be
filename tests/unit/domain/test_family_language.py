"""The families' wording: every language complete, dates written each language's way, furigana as ruby."""

from __future__ import annotations

import re
from datetime import date

import pytest

from matching.notify import family_language as fl
from matching.subjects import SUBJECTS

DAY = date(2026, 12, 1)  # a Tuesday


@pytest.mark.parametrize("language", fl.SUPPORTED)
def test_every_language_has_every_text_and_subject(language):
    module = fl.LANGUAGES[language]
    assert set(module.TEXTS) == set(fl.ja.TEXTS)
    assert set(module.SUBJECTS) == set(SUBJECTS)
    assert len(module.WEEKDAYS) == 7 and module.NAME


@pytest.mark.parametrize("language, written", [
    ("ja", "2026年12月1日(火)"), ("ja-easy", "12がつ1にち(かようび)"), ("en", "Tuesday 1 December 2026"),
    ("zh-Hans", "2026年12月1日(星期二)"), ("vi", "Thứ Ba, 01/12/2026")])
def test_dates_are_written_the_languages_way(language, written):
    assert fl.format_date(language, DAY) == written


@pytest.mark.parametrize("language", ["ja", "ja-easy"])
def test_every_kanji_in_the_japanese_texts_carries_furigana(language):
    kanji = re.compile(r"[\u4e00-\u9fff]")
    for key, template in fl.LANGUAGES[language].TEXTS.items():
        bare = re.sub(r"\[[^\]|]+\|[^\]]+\]", "", template)
        assert not kanji.search(bare), f"{language}.{key} has kanji without furigana: {bare}"


def test_furigana_becomes_ruby_in_html_and_brackets_in_plain_text():
    assert "<ruby>学習<rt>がくしゅう</rt></ruby>" in fl.text("ja", "title")
    assert fl.plain("ja", "title") == "学習(がくしゅう)支援(しえん)の予定(よてい)"


def test_values_are_escaped_but_names_keep_their_ruby():
    assert "&lt;b&gt;" in fl.text("en", "greeting", guardian="<b>")
    assert fl.text("ja", "greeting", guardian=fl.ruby_name("山田", "やまだ")).startswith(
        "<ruby>山田<rt>やまだ</rt></ruby>")


@pytest.mark.parametrize("stored, chosen", [
    ("ja", "ja"), ("en", "en"), ("en-US", "en"), ("vi", "vi"), ("zh-Hans", "zh-Hans"), ("zh-CN", "zh-Hans"),
    ("ne", "ja-easy"), ("tl", "ja-easy"), ("ko", "ja-easy"), ("pt", "ja-easy"), ("", "ja-easy")])
def test_a_household_gets_its_language_or_easy_japanese(stored, chosen):
    assert fl.family_language(stored) == chosen


def test_letters_pair_the_households_language_with_japanese():
    assert fl.letter_languages("vi") == ("vi", "ja")
    assert fl.letter_languages("pt") == ("ja-easy", "ja")
    assert fl.letter_languages("ja") == ("ja",)


def test_e_mail_texts_are_plain_text_with_furigana_in_brackets():
    body = fl.plain("ja", "reminder_body", date="12月1日", time="18:00", tutor="太郎", child="花子", subject="数学")
    assert "<ruby>" not in body and "明日(あした)" in body and "訪問(ほうもん)" in body
    assert fl.plain("en", "notice_subject").startswith("Your child")


def test_a_family_page_offers_every_language_its_own_first():
    assert fl.page_languages("vi")[:3] == ("vi", "ja", "ja-easy") and set(fl.page_languages("vi")) == set(fl.SUPPORTED)
    assert fl.page_languages("ne")[0] == "ja-easy"  # no Nepali wording yet: やさしい日本語 first, English offered too
    assert "en" in fl.page_languages("ne") and len(fl.page_languages("ja")) == len(fl.SUPPORTED)
