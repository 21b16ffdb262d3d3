"""exports.py — an export read as carnet reads it, for the test tools:
UTF-8 (BOM or not) or Windows-1252, the delimiter of its header line."""
import csv
import io


def text_and_delimiter(path):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    return text, max(";,\t", key=text.split("\n", 1)[0].count)


def rows(path):
    """The export's rows, header first, as lists of strings."""
    text, delim = text_and_delimiter(path)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))


def dict_rows(path):
    """The export's rows as dicts keyed by the header."""
    text, delim = text_and_delimiter(path)
    return csv.DictReader(io.StringIO(text, newline=""), delimiter=delim)
