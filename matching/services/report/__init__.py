"""The monthly and annual report (月次・年次実績報告): figures from attendance, tables, small-cell hiding, .xlsx."""
