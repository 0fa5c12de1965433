"""The project's own exception type: every expected failure is one of these."""


class OkoceError(Exception):
    """A failure the user can act on; the CLI prints its message as one line (after any
    `details`, such as a validation report) and exits with `exit_code`."""

    exit_code = 1

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details
