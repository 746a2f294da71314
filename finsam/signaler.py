"""Signals of the core, so the apps above it can add to what it does without it importing them.

`forbund_skapat` is sent inside `forbund_skapa`'s transaction: a receiver
that fails rolls the new förbund back. Receivers call a service; the rule
they add is that service's (STYLE.md: signals hold no business rules).
"""

from django.dispatch import Signal

# Sent with `forbund`, the new Forbund row.
forbund_skapat = Signal()
