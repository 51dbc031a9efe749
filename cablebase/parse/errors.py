"""The parser's one error type: every failure names the input and the problem."""

from __future__ import annotations


class ParseError(Exception):
    def __init__(
        self,
        reason: str,
        *,
        path: str | None = None,
        line: int | None = None,
        format: str | None = None,
    ) -> None:
        self.reason = reason
        self.path = path
        self.line = line
        self.format = format
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        fmt = f" [{self.format}]" if self.format else ""
        return f"{where}{fmt}: {self.reason}"
