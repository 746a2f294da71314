"""The förbundschef's management pages, split by page group."""
