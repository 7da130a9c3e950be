"""Simplified Chinese (简体中文) wording for families."""

NAME = "中文(简体)"
DATE_PATTERN = "{y}年{m}月{d}日({wd})"
WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
MONTHS = ()
SUBJECTS = {
    "math": "数学", "english": "英语", "japanese": "国语(日语)", "science": "理科", "social": "社会",
    "study_habits": "学习习惯",
}
TEXTS = {
    "title": "学习支援日程",
    "greeting": "{guardian} 您好",
    "intro": "现通知您孩子学习支援的日期和时间。",
    "visits": "家庭访问",
    "rooms": "学习室",
    "date": "日期",
    "time": "时间",
    "child": "孩子",
    "subject": "科目",
    "tutor": "老师",
    "place": "地点",
    "cancelled": "取消",
    "confirmed": "已确认",
    "substitute": "代课老师",
    "no_dates": "目前还没有安排日程。",
    "confirm_help": "如果这些日期和时间没有问题,请按下按钮。",
    "confirm_button": "日程没有问题",
    "confirm_done": "谢谢。我们已收到您的确认。",
    "change_heading": "申请变更",
    "change_help": "请写下不方便的日期或想变更的内容。协调员会与您联系。",
    "change_button": "发送",
    "change_done": "谢谢。您的留言已发送给协调员。",
    "change_empty": "请填写留言。",
    "change_too_long": "留言太长(最多{limit}个字)。",
    "letter_title": "学习支援日程通知",
    "letter_issued": "发行日期: {date}",
    "letter_contact": "如有不方便的日期,请联系学习支援事务局。",
    "letter_access": "您也可以在网上查看日程: {url} ——或打开 {entry_url} 并输入代码 {code}。",
    "office_heading": "学习支援事务局",
    "switch_language": "语言",
    "link_unknown": "此链接无法使用。请联系协调员。",
    "link_expired": "此链接已过期。请向协调员索取新的链接。",
    "link_revoked": "此链接已停用。请向协调员索取新的链接。",
    "code_heading": "输入代码",
    "code_help": "请输入协调员告诉您的8位代码。",
    "code_button": "查看",
    "code_wrong": "代码不正确。请确认后再试一次。",
    "code_too_many": "尝试次数过多。请在 {minutes} 分钟后再试。",
    "notice_subject": "孩子的学习支援日程",
    "reminder_subject": "提醒：明天有学习支援",
    "reminder_body": "明天 {date} {time}，{tutor}将上门为{child}辅导{subject}。",
}
