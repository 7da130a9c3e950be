"""The domain of the learning-support service: models, services, calendar and access policy.

Imports no web framework; the web app calls these services.
"""
