"""The spreadsheet forms (.xlsx, through openpyxl): an agency's facts as a workbook an ISO officer
fills in (`layout`, `facts_writer`, `facts_reader`), and a portfolio's table as a workbook a steering
committee files (`province_table`). Nothing here builds XML by hand."""
