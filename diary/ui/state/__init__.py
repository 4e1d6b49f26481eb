"""Pure view-state builders: what a screen shows, computed without Flet."""
