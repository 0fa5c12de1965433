"""The project's own exception type: every expected failure is one of these."""


class OkoceError(Exception):
    """A failure the user can act on; the CLI prints its message as one line."""
