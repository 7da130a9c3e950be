"""The e-mail that carries an invitation or a password-reset link.

The link itself is a secret whose hash alone is stored, so this mail is sent at once and the outbox keeps a
copy with the link left out: it shows the mail went, and nothing in the database opens the account.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from matching.models import Channel, NotificationStatus
from matching.notify.outbox import Sender, enqueue

LINK_LEFT_OUT = "(リンクは保存していません / link not stored)"
SUBJECTS = {"invitation": "学習支援マッチング: アカウントのご案内", "reset": "学習支援マッチング: パスワード再設定のご案内"}
BODY = """{name} 様

学習支援マッチングの{what}です。次のリンクを開き、ご自身でパスワードを設定してください。
{link}

ログインID: {login}
このリンクは {expires} まで、1回だけ使えます。心当たりのない場合は、このメールを破棄してください。

(English) Open the link above to set your own password for the learning-support site. Login ID: {login}.
The link works once, until {expires}.
"""


@dataclass(frozen=True)
class AccountMail:
    """What the mail says: to whom, which account, the link and until when it works."""

    purpose: str
    address: str
    display_name: str
    login: str
    link: str
    expires: str


def _body(mail: AccountMail, link: str) -> str:
    what = "アカウントのご案内" if mail.purpose == "invitation" else "パスワード再設定のご案内"
    return BODY.format(name=mail.display_name, what=what, link=link, login=mail.login, expires=mail.expires)


def send_account_mail(session: Session, sender: Sender, mail: AccountMail, now: datetime) -> None:
    """Send the mail now (raises when the transport fails) and keep a copy without the link in the outbox."""
    subject = SUBJECTS[mail.purpose]
    sender.send(mail.address, subject, _body(mail, mail.link))
    notice = enqueue(session, kind=f"account_{mail.purpose}", channel=Channel.EMAIL, subject=subject,
                     body=_body(mail, LINK_LEFT_OUT), address=mail.address)
    notice.status, notice.sent_at, notice.attempts = NotificationStatus.SENT, now, 1
    session.commit()
