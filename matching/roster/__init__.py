"""The roster in spreadsheets: importing sites, tutors and children from .xlsx or CSV, and exporting them."""
