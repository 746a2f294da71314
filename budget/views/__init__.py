"""The budget pages: budget years and their sammanställning, rader, intäkter and imports."""
