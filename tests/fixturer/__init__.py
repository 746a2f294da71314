"""Fixtures shared by several apps' tests, loaded by `pytest_plugins` in tests/conftest.py."""
