"""Planning: turning the database into solver problems, running solves as jobs, and storing their plans."""
