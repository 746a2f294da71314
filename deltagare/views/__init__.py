"""The samordnare's pages, one module per page group; see deltagare/urls.py."""
