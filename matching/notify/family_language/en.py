"""English wording for families."""

NAME = "English"
DATE_PATTERN = "{wd} {d} {month} {y}"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SUBJECTS = {
    "math": "Mathematics", "english": "English", "japanese": "Japanese", "science": "Science",
    "social": "Social studies", "study_habits": "Study habits",
}
TEXTS = {
    "title": "Learning support dates",
    "greeting": "Dear {guardian}",
    "intro": "Here are the dates and times of your child's learning support.",
    "visits": "Home visits",
    "rooms": "Study room",
    "date": "Date",
    "time": "Time",
    "child": "Child",
    "subject": "Subject",
    "tutor": "Tutor",
    "place": "Place",
    "cancelled": "Cancelled",
    "confirmed": "Confirmed",
    "substitute": "substitute tutor",
    "no_dates": "No dates are planned yet.",
    "confirm_help": "If these dates and times are fine, please press the button.",
    "confirm_button": "These dates are fine",
    "confirm_done": "Thank you. We have received your confirmation.",
    "change_heading": "Ask for a change",
    "change_help": "Write which dates do not suit you or what you would like to change. The coordinator will contact you.",
    "change_button": "Send",
    "change_done": "Thank you. Your message has been sent to the coordinator.",
    "change_empty": "Please write a message.",
    "change_too_long": "The message is too long (at most {limit} characters).",
    "letter_title": "Your learning support dates",
    "letter_issued": "Date of issue: {date}",
    "letter_contact": "If a date does not suit you, please contact the learning support office.",
    "letter_access": "You can also see these dates online: {url} — or open {entry_url} and enter the code {code}.",
    "office_heading": "Learning support office",
    "switch_language": "Language",
    "link_unknown": "This link does not work. Please contact the coordinator.",
    "link_expired": "This link has expired. Please ask the coordinator for a new link.",
    "link_revoked": "This link no longer works. Please ask the coordinator for a new link.",
    "code_heading": "Enter your code",
    "code_help": "Enter the 8-character code the coordinator gave you.",
    "code_button": "Show",
    "code_wrong": "The code is not correct. Please check it and try again.",
    "code_too_many": "Too many tries. Please try again in {minutes} minutes.",
    "notice_subject": "Your child's learning support dates",
    "reminder_subject": "Reminder: learning support tomorrow",
    "reminder_body": "Tomorrow, {date} {time}, {tutor} will visit for {child}'s {subject} lesson.",
}
