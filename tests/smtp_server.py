"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for mail tests."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Keep:
    def __init__(self, inbox: list[EmailMessage]):
        self.inbox = inbox

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        self.inbox.append(message)
        return "250 OK"


class LoopbackSmtp:
    """Start and stop a real SMTP server on a fixed loopback port; messages land in .inbox."""

    def __init__(self, port: int):
        self.port = port
        self.inbox: list[EmailMessage] = []
        self._controller = None

    def start(self) -> None:
        """Start listening."""
        self._controller = Controller(_Keep(self.inbox), hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        """Stop listening (later sends are refused)."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@contextmanager
def running_smtp() -> Iterator[LoopbackSmtp]:
    """A loopback SMTP server on a free port, started for the block and stopped after it."""
    server = LoopbackSmtp(free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()
