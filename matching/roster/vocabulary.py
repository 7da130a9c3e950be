"""The Japanese words a roster sheet uses for the domain's closed vocabularies (codes are accepted too)."""

from __future__ import annotations

from matching.models import Channel, Eligibility, Mode, ReferralSource, SupportEndReason, TutorKind

MODES = {"個別訪問": Mode.HOME_VISIT, "学習室": Mode.STUDY_ROOM}
CHANNELS = {"メール": Channel.EMAIL, "手紙": Channel.LETTER, "電話": Channel.PHONE}
REFERRALS = {"ケースワーカー": ReferralSource.CASEWORKER, "学校": ReferralSource.SCHOOL,
             "保護者": ReferralSource.GUARDIAN, "その他": ReferralSource.OTHER}
ELIGIBILITIES = {"生活保護": Eligibility.WELFARE, "生活困窮": Eligibility.LOW_INCOME,
                 "ひとり親": Eligibility.SINGLE_PARENT, "その他": Eligibility.OTHER}
TUTOR_KINDS = {"学生ボランティア": TutorKind.STUDENT_VOLUNTEER, "元教員": TutorKind.RETIRED_TEACHER,
               "学習支援員": TutorKind.PAID_STAFF, "その他": TutorKind.OTHER}
END_REASONS = {"卒業": SupportEndReason.GRADUATED, "転居": SupportEndReason.MOVED, "辞退": SupportEndReason.DECLINED,
               "その他": SupportEndReason.OTHER}
GENDERS = {"女": "female", "男": "male"}
LANGUAGES = {"日本語": "ja", "英語": "en", "中国語": "zh-Hans", "ベトナム語": "vi", "ネパール語": "ne",
             "タガログ語": "tl", "韓国語": "ko", "ポルトガル語": "pt"}


def word(words: dict, value) -> str:
    """The sheet's word for a code or enum member ("" for None)."""
    if value is None:
        return ""
    for text, member in words.items():
        if member == value:
            return text
    return str(getattr(value, "value", value))
