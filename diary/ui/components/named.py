"""Controls that always carry a name for screen readers, because Flutter's web semantics drop some.

Measured with axe-core in Chromium (tests/e2e/test_accessibility.py), Flet 1.0.5:
- an `IconButton`'s tooltip does not name the button (it is merged into the surrounding group's label
  instead); a `semantics_label` on the icon itself does;
- a `Dropdown` shows as a button with no name at all (its label is drawn, not exposed); a tooltip names
  it, so `NamedDropdown` keeps one that says the label and the chosen option ("Time, 20:00");
- a selectable `Text` becomes a read-only text area with no label; `CopyableText` labels it with its own
  text, and is selectable only when there is text to copy;
- the eye of `TextField(can_reveal_password=True)` is an unnamed button: `passphrase_field` draws its own.
"""

from __future__ import annotations

import flet as ft

from diary.ui import text as T


def icon_button(icon: str, label: str, **kwargs) -> ft.IconButton:
    """An icon-only button named `label` for screen readers (keys, handlers and styles pass through)."""
    return ft.IconButton(icon=ft.Icon(icon, semantics_label=label), **kwargs)


class NamedDropdown(ft.Dropdown):
    """A drop-down whose accessible name is its label and its current choice, kept up to date."""

    def before_update(self) -> None:
        super().before_update()
        chosen = next((option.text or option.key for option in self.options if option.key == self.value), None)
        label = self.label if isinstance(self.label, str) else ""
        self.tooltip = f"{label}, {chosen}" if chosen else label


class CopyableText(ft.Text):
    """Text the user can select and copy (a path, a passphrase), read aloud by its own words."""

    def before_update(self) -> None:
        super().before_update()
        self.semantics_label = self.value or None
        self.selectable = bool(self.value)


def passphrase_field(**kwargs) -> ft.TextField:
    """A password field with a named show/hide button (Flet's own reveal button has no name)."""
    field = ft.TextField(password=True, **kwargs)

    def flip(e=None) -> None:
        field.password = not field.password
        field.suffix_icon = _eye(shown=not field.password, on_click=flip)

    field.suffix_icon = _eye(shown=False, on_click=flip)
    return field


def _eye(*, shown: bool, on_click) -> ft.IconButton:
    return icon_button(ft.Icons.VISIBILITY_OFF if shown else ft.Icons.VISIBILITY,
                       T.HIDE_PASSPHRASE if shown else T.SHOW_PASSPHRASE, on_click=on_click)
