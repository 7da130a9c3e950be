"""The tutor's side of the site."""
