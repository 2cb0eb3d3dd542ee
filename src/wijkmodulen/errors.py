"""The one base class of the errors a user can cause: a Dutch message and the exit code to leave with.

Raised anywhere below the front ends; the command line handles it in one place: ``details`` (lines
such as ``file:line:column: message``) on stdout, the message as one line on stderr, then exit with
``exit_code`` (2: the tool could not do its job, 1: it did its job and found problems).
"""

from __future__ import annotations


class WijkmodulenError(Exception):
    def __init__(self, message: str, exit_code: int = 2, details: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.details = details

    def __str__(self) -> str:
        return self.message
