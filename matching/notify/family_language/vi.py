"""Vietnamese (Tiếng Việt) wording for families."""

NAME = "Tiếng Việt"
DATE_PATTERN = "{wd}, {dd}/{mm}/{y}"
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
MONTHS = ()
SUBJECTS = {
    "math": "Toán", "english": "Tiếng Anh", "japanese": "Tiếng Nhật (Quốc ngữ)", "science": "Khoa học",
    "social": "Xã hội", "study_habits": "Thói quen học tập",
}
TEXTS = {
    "title": "Lịch hỗ trợ học tập",
    "greeting": "Kính gửi {guardian}",
    "intro": "Chúng tôi xin thông báo ngày và giờ hỗ trợ học tập cho con của quý vị.",
    "visits": "Thăm tại nhà",
    "rooms": "Phòng học",
    "date": "Ngày",
    "time": "Giờ",
    "child": "Con",
    "subject": "Môn học",
    "tutor": "Giáo viên",
    "place": "Địa điểm",
    "cancelled": "Đã hủy",
    "confirmed": "Đã xác nhận",
    "substitute": "giáo viên thay thế",
    "no_dates": "Hiện chưa có lịch.",
    "confirm_help": "Nếu ngày và giờ này phù hợp, xin vui lòng nhấn nút.",
    "confirm_button": "Lịch này phù hợp",
    "confirm_done": "Xin cảm ơn. Chúng tôi đã nhận được xác nhận của quý vị.",
    "change_heading": "Yêu cầu thay đổi",
    "change_help": "Xin hãy viết ngày không phù hợp hoặc điều muốn thay đổi. Điều phối viên sẽ liên lạc với quý vị.",
    "change_button": "Gửi",
    "change_done": "Xin cảm ơn. Tin nhắn đã được gửi đến điều phối viên.",
    "change_empty": "Xin hãy viết tin nhắn.",
    "change_too_long": "Tin nhắn quá dài (tối đa {limit} ký tự).",
    "letter_title": "Thông báo lịch hỗ trợ học tập",
    "letter_issued": "Ngày phát hành: {date}",
    "letter_contact": "Nếu có ngày không phù hợp, xin hãy liên lạc với văn phòng hỗ trợ học tập.",
    "letter_access": "Quý vị cũng có thể xem lịch trên trang này: {url} — hoặc mở {entry_url} và nhập mã {code}.",
    "office_heading": "Văn phòng hỗ trợ học tập",
    "switch_language": "Ngôn ngữ",
    "link_unknown": "Liên kết này không sử dụng được. Xin hãy liên lạc với điều phối viên.",
    "link_expired": "Liên kết này đã hết hạn. Xin hãy xin điều phối viên liên kết mới.",
    "link_revoked": "Liên kết này không còn sử dụng được. Xin hãy xin điều phối viên liên kết mới.",
    "code_heading": "Nhập mã",
    "code_help": "Xin hãy nhập mã 8 ký tự mà điều phối viên đã cho quý vị.",
    "code_button": "Xem",
    "code_wrong": "Mã không đúng. Xin hãy kiểm tra và thử lại.",
    "code_too_many": "Quý vị đã thử quá nhiều lần. Xin hãy thử lại sau {minutes} phút.",
    "notice_subject": "Lịch hỗ trợ học tập của con quý vị",
    "reminder_subject": "Nhắc lịch: ngày mai có buổi hỗ trợ học tập",
    "reminder_body": "Ngày mai, {date} {time}, {tutor} sẽ đến dạy môn {subject} cho {child}.",
}
