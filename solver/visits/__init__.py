"""Home-visit matching (個別訪問): which tutor visits which child, on which weekday and at what time."""
