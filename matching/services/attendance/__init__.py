"""Attendance: marking dated home visits and taking the roll call of study-room sessions, every change audited."""
