"""Notices to tutors and families: the outbox, its delivery by e-mail, and letters for the post."""
