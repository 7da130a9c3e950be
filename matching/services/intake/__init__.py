"""Intake: creating and editing children, tutors, sites and the school calendar."""
