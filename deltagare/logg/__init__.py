"""The förbundschef's review of the access log (DOMAIN.md §2), pseudonymous throughout."""
