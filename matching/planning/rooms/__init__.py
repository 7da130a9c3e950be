"""Study rooms (学習室): the problem from rows, the solve, review, adjustments, publish and substitutes."""
