"""What an ingest tells its caller: counts, time and the first failures (``cli`` draws them)."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_ERRORS = 200  # kept on the report and the run row; the quarantine holds them all


@dataclass
class IngestReport:
    run_id: int | None = None
    new: int = 0
    unchanged: int = 0
    new_versions: int = 0
    failed: int = 0
    files: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def cables(self) -> int:
        return self.new + self.unchanged + self.new_versions

    @property
    def rate(self) -> float:
        return self.cables / self.seconds if self.seconds > 0 else 0.0

    def add_error(self, message: str) -> None:
        self.failed += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(message)
