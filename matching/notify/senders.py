"""Ways to deliver e-mail: a real SMTP server, or a folder of .eml files for the demo."""

from __future__ import annotations

import os
import smtplib
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

from matching.private_files import write_private


def _message(sender: str, to: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    message.set_content(body, charset="utf-8")
    return message


class SmtpSender:
    """Sends through an SMTP server (STARTTLS and login when configured)."""

    delivers = True

    def __init__(self, host: str, port: int, from_address: str, username: str = "", password: str = "",
                 starttls: bool = False, timeout_s: float = 10.0):
        self.host, self.port, self.from_address = host, port, from_address
        self._username, self._password, self._starttls, self._timeout = username, password, starttls, timeout_s

    def send(self, to: str, subject: str, body: str) -> None:
        """Deliver one message; raises on any refusal or connection failure."""
        with smtplib.SMTP(self.host, self.port, timeout=self._timeout) as smtp:
            if self._starttls:
                smtp.starttls()
            if self._username:
                smtp.login(self._username, self._password)
            smtp.send_message(_message(self.from_address, to, subject, body))


class FolderSender:
    """Writes each message as an .eml file into a folder (the embedded demo has no mail server): nothing is sent.

    The messages carry children's and guardians' names, so the folder and files are the site's user's alone.
    """

    delivers = False

    def __init__(self, folder: Path, from_address: str):
        self.folder, self.from_address = Path(folder), from_address

    def send(self, to: str, subject: str, body: str) -> None:
        """Write one message to the folder, readable by the site's user only."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)
        message = _message(self.from_address, to, subject, body)
        name = message["Message-ID"].strip("<>").replace("@", "_")
        write_private(self.folder / f"{name}.eml", message.as_bytes())
