"""Study rooms (学習室 / 勉強会): session calendar per site, staffing by tutors, and each child's home site."""
