"""Helpers shared by several apps' tests: plain functions and constants, no fixtures."""
