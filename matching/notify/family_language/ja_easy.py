"""やさしい日本語 for families: short sentences, furigana on every kanji as [漢字|かんじ], dates in kana."""

NAME = "やさしい にほんご"
DATE_PATTERN = "{m}がつ{d}にち({wd})"
WEEKDAYS = ("げつようび", "かようび", "すいようび", "もくようび", "きんようび", "どようび", "にちようび")
MONTHS = ()
SUBJECTS = {
    "math": "[数学|すうがく]", "english": "[英語|えいご]", "japanese": "[国語|こくご]", "science": "[理科|りか]",
    "social": "[社会|しゃかい]", "study_habits": "[勉強|べんきょう]の[習慣|しゅうかん]",
}
TEXTS = {
    "title": "[勉強|べんきょう]の[日|ひ]",
    "greeting": "{guardian} さん",
    "intro": "[子|こ]どもの [勉強|べんきょう]の [日|ひ]と [時間|じかん]です。",
    "visits": "[先生|せんせい]が [家|いえ]に [来|き]ます",
    "rooms": "[勉強|べんきょう]の [部屋|へや]",
    "date": "[日|ひ]",
    "time": "[時間|じかん]",
    "child": "[子|こ]ども",
    "subject": "[勉強|べんきょう]",
    "tutor": "[先生|せんせい]",
    "place": "ところ",
    "cancelled": "ありません([中止|ちゅうし])",
    "confirmed": "わかりました",
    "substitute": "ちがう [先生|せんせい]",
    "no_dates": "まだ [日|ひ]は ありません。",
    "confirm_help": "この [日|ひ]と [時間|じかん]で いいですか。いいときは ボタンを [押|お]して ください。",
    "confirm_button": "はい、だいじょうぶです",
    "confirm_done": "ありがとうございます。わかりました。",
    "change_heading": "[日|ひ]を かえたいとき",
    "change_help": "だめな [日|ひ]を [書|か]いて ください。あとで [電話|でんわ]します。",
    "change_button": "おくる",
    "change_done": "ありがとうございます。おくりました。",
    "change_empty": "なにか [書|か]いて ください。",
    "change_too_long": "[長|なが]すぎます。{limit}[文字|もじ]まで です。",
    "letter_title": "[勉強|べんきょう]の [日|ひ]の おしらせ",
    "letter_issued": "[書|か]いた [日|ひ]: {date}",
    "letter_contact": "だめな [日|ひ]が あるときは、[電話|でんわ]して ください。",
    "letter_access": "[予定|よてい]は この ページでも [見|み]られます: {url}　または {entry_url} で コード {code} を いれて ください。",
    "office_heading": "[連絡|れんらく]する ところ",
    "switch_language": "ことば",
    "link_unknown": "この リンクは つかえません。コーディネーターに [電話|でんわ]して ください。",
    "link_expired": "この リンクは もう つかえません。あたらしい リンクを もらって ください。",
    "link_revoked": "この リンクは もう つかえません。あたらしい リンクを もらって ください。",
    "code_heading": "コードを いれて ください",
    "code_help": "コーディネーターから きいた 8[文字|もじ]の コードを いれて ください。",
    "code_button": "[見|み]る",
    "code_wrong": "コードが ちがいます。もう いちど みて ください。",
    "code_too_many": "たくさん ためしました。{minutes}ふん まってから、もう いちど ためして ください。",
    "notice_subject": "[勉強|べんきょう]の [日|ひ]が きまりました",
    "reminder_subject": "あしたは [勉強|べんきょう]の [日|ひ]です",
    "reminder_body": "あした {date} {time}に、{tutor}さんが [来|き]ます。{child}さんの {subject}の [勉強|べんきょう]です。",
}
