"""Reading the economy system's export of utfall: a file in, the utfall per rad and day out.

Pure: reads bytes and the year's rader, writes nothing. A file that cannot
be read at all (empty, broken, not CSV or XLSX, a column missing) raises a
Swedish ValidationError; a row that cannot be used becomes a `Radfel`, so
every bad row is reported at once. By layer:

- `fil`: the file into rows of cells (size, type, encoding, CSV or XLSX, the header);
- `celler`: a row's cells into values (amounts, dates, konto, namn) or errors;
- `fillasning`: the rows into groups by konto or namn (`las_fil`, the slow
  step, once per file; its `Fillasning` is stored as JSON);
- `matchning`: the groups onto the year's rader (`till_rader`, in a moment),
  and `las_utfall`, which does both steps.

CSV: semicolon, decimal comma, thousands with a space, no-break space or
dot, a currency beside the amount ("kr", "SEK"), UTF-8 (with or without
BOM) or cp1252, which economy systems often write. A ledger export's title
rows above the header and its sum rows are skipped, each told in the
preview, since reading a sum row as utfall would count its amounts twice.
XLSX: the first sheet, through pandas and openpyxl; cells may be typed.
"""
