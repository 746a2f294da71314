"""Jämställdhetsanalys: women against men on each outcome, told from noise (issue 17)."""
