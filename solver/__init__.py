"""Optimisation models for the learning-support programme: home visits and study rooms.

Pure: plain dataclasses in and out, no database and no web code.
"""
