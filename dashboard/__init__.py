"""Khatlon Migration Dashboard: maps and charts of migration, remittances and services in Khatlon."""

__version__ = "0.1.0"
