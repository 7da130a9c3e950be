"""Home visits (個別訪問): the problem from rows, the solve, review, adjustments, publish and substitutes."""
