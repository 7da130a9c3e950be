"""Names are searched in one spelling, whichever kana the coordinator types."""

from matching.kana import fold_kana
from matching.models.base import name_key_of


def test_katakana_half_width_and_hiragana_fold_to_the_same_spelling():
    assert fold_kana("ササキ") == fold_kana("ｻｻｷ") == fold_kana("ささき") == "ささき"


def test_voiced_half_width_marks_join_their_kana():
    assert fold_kana("ｶﾞｯｺｳ") == "がっこう"


def test_latin_letters_fold_to_lower_case_half_width():
    assert fold_kana("ＮＧＵＹＥＮ Van") == "nguyen van"


def test_kanji_and_long_vowel_mark_are_kept():
    assert fold_kana("佐々木リー") == "佐々木りー"


def test_a_name_key_holds_every_part_folded_and_apart():
    assert name_key_of("グエン", "ヴァン", "グエン", "ヴァン") == "ぐえん ゔぁん ぐえん ゔぁん"
