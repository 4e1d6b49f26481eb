"""The Flet user interface. Screens are thin; their logic lives in ui/state (no Flet there)."""
