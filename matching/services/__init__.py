"""The services every user action calls: each takes a database session and plain values."""
