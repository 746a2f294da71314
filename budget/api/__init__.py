"""`budget/` over the REST API: budget years, their rader, utfall and sammanställning (API.md)."""
