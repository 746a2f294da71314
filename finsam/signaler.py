"""Signals of the core, so the apps above it can add to what it does without it importing them.

`forbund_skapat` is sent inside `forbund_skapa`'s transaction: a receiver
that fails rolls the new förbund back. The checks below are sent before a
write: a receiver that raises a ValidationError refuses it. Receivers call a service; the rule
they add is that service's (STYLE.md: signals hold no business rules).
"""

from django.dispatch import Signal

# Sent with `forbund`, the new Forbund row.
forbund_skapat = Signal()

# Sent with `part`, validated but not yet saved, by `part_skapa` and
# `part_andra`: a receiver refuses with a ValidationError. The kommunkod is
# checked against SCB's kommuner this way (scb/apps.py): scb stands on a floor
# above the core, so the core asks instead of importing it, and the web form
# and the API's `parter` POST share the one check.
part_kontrolleras = Signal()

# Sent with `forbund` before personnummer are switched off
# (`forbund_andra_installningar`): deltagare refuses while identities are
# stored (deltagare/apps.py), since the core cannot count them itself.
personnummer_stangs_av = Signal()
