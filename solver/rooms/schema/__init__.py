"""JSON schemas of the rooms problem and solution formats, shipped as package data."""
