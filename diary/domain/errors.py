"""Errors the domain raises. Each carries a sentence a user can act on."""


class DiaryError(Exception):
    """Base for errors whose message is safe and useful to show a user."""


class ValidationFailed(DiaryError):
    """Input broke a rule; the message names the field and the allowed values."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotFound(DiaryError):
    """The thing asked for does not exist (any more)."""
