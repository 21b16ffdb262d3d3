#!/usr/bin/python3
"""check_workbooks.py FIGURES.tsv HR-DETAIL.tsv CARNET.xlsx EFFECTIFS.xlsx

Reads both workbooks back with openpyxl (Debian's python3-openpyxl) and
checks them against the figures table they were made from: every key
figure's cell, the charts of each sheet, number formats, totals that add
up, document properties, and the small-count rule.  Prints one line per
failed check and "workbooks: N passed, N failed"; exits 1 on a failure.
"""
import csv
import datetime
import sys

import openpyxl

figures_path, detail_path, carnet_path, effectifs_path = sys.argv[1:5]
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def table(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t")
        return {(r["indicator"], r["dimensions"]): r for r in rows}


figures = table(figures_path)
detail = table(detail_path)


def value(ind, dims=""):
    return float(figures[(ind, dims)]["value"])


# ---- the carnet workbook ---------------------------------------------------

wb = openpyxl.load_workbook(carnet_path)
check(wb.sheetnames == ["Chiffres clés", "Patrimoine", "Solidarité", "Insertion",
                        "Qualité de service", "Ressources humaines",
                        "Renaturation", "Enjeux 2024", "Sources",
                        "Qualité des données"], f"sheets: {wb.sheetnames}")
p = wb.properties
check(p.title == "Carnet de voyage(s) — Rapport d'activité 2023", f"title {p.title!r}")
check(p.creator == "Terres & Toits, office public de l'habitat", f"author {p.creator!r}")
check("logement social" in (p.keywords or ""), f"keywords {p.keywords!r}")
check(p.created == datetime.datetime(2023, 12, 31), f"created {p.created}")


def rows_of(ws):
    """label -> (value cell, row) for the figures table of a loop sheet."""
    out = {}
    for row in ws.iter_rows(min_row=4, max_col=5):
        if row[0].value is None:
            break
        out[row[0].value] = row
    return out


# Every published figure, where the carnet shows it: (sheet, label,
# indicator, dims, scale, number format)
KEY = [
    ("Ressources humaines", "Salariés en CDI ou CDD au 31 décembre", "rh.effectif", "", 1, "#,##0"),
    ("Ressources humaines", "Personnel de proximité", "rh.part_proximite", "", 100, "0\\ %"),
    ("Ressources humaines", "Agents de maîtrise", "rh.part_categorie", "categorie=maitrise", 100, "0.0\\ %"),
    ("Ressources humaines", "Âge moyen (ans)", "rh.age_moyen", "", 1, "#,##0"),
    ("Ressources humaines", "Salariés de moins de 35 ans", "rh.part_moins_35", "", 100, "0\\ %"),
    ("Ressources humaines", "Femmes", "rh.part_femmes", "", 100, "0.0\\ %"),
    ("Ressources humaines", "Hommes", "rh.part_hommes", "", 100, "0.0\\ %"),
    ("Ressources humaines", "Femmes parmi les cadres", "rh.part_femmes_categorie", "categorie=cadre", 100, "0\\ %"),
    ("Ressources humaines", "Femmes parmi les agents de maîtrise", "rh.part_femmes_categorie", "categorie=maitrise", 100, "0\\ %"),
    ("Ressources humaines", "Femmes parmi le personnel d'exécution", "rh.part_femmes_categorie", "categorie=execution", 100, "0.0\\ %"),
    ("Ressources humaines", "Recrutements", "rh.recrutements", "", 1, "#,##0"),
    ("Ressources humaines", "Promotions internes", "rh.promotions", "", 1, "#,##0"),
    ("Ressources humaines", "Travailleurs reconnus handicapés", "rh.rqth", "", 1, "#,##0"),
    ("Ressources humaines", "Postes aménagés", "rh.postes_amenages", "", 1, "#,##0"),
    ("Ressources humaines", "Salariés formés", "formation.salaries_formes", "", 1, "#,##0"),
    ("Ressources humaines", "Heures de formation", "formation.heures", "", 1, "#,##0"),
    ("Ressources humaines", "Budget de formation (part de la masse salariale)", "rh.budget_formation", "", 100, "0.00\\ %"),
    ("Insertion", "Chantiers d'insertion", "insertion.operations", "type=chantier_insertion", 1, "#,##0"),
    ("Insertion", "Chantiers école", "insertion.operations", "type=chantier_ecole", 1, "#,##0"),
    ("Insertion", "Heures d'insertion", "insertion.heures", "", 1, "#,##0"),
    ("Insertion", "Emplois en CDDI créés", "insertion.cddi", "", 1, "#,##0"),
    ("Insertion", "Subvention du budget citoyen", "insertion.budget_citoyen_subvention_principale", "", 1, '#,##0\\ "€"'),
    ("Qualité de service", "Locataires interrogés", "enquete.entretiens", "", 1, "#,##0"),
    ("Qualité de service", "Locataires satisfaits de l'office", "enquete.satisfaction", "item=q_global", 100, "0\\ %"),
    ("Qualité de service", "Satisfaits des relations et du contact", "enquete.satisfaction", "item=q_relation", 100, "0\\ %"),
    ("Qualité de service", "Satisfaits des équipements des parties communes", "enquete.satisfaction", "item=q_equipements", 100, "0\\ %"),
    ("Qualité de service", "Satisfaits du rapport qualité-prix", "enquete.satisfaction", "item=q_qualite_prix", 100, "0\\ %"),
    ("Qualité de service", "Véhicules en location longue durée", "flotte.vehicules", "", 1, "#,##0"),
    ("Qualité de service", "Dont véhicules électriques ou hybrides", "flotte.part_faibles_emissions", "", 100, "0\\ %"),
    ("Qualité de service", "Nouveaux véhicules dans l'année", "flotte.nouveaux", "", 1, "#,##0"),
    ("Patrimoine", "Investissement en construction neuve", "patrimoine.investissement_construction", "", 1, '#,##0.0,,\\ "M€"'),
    ("Patrimoine", "Coût par logement réhabilité", "patrimoine.renouvellement_cout_logement", "", 1, '#,##0\\ "€"'),
    ("Patrimoine", "Tonnes de CO2 évitées par la déconstruction sélective", "patrimoine.co2_evite", "", 1, "#,##0.00"),
    ("Solidarité", "Expulsions", "solidarite.expulsions", "annee=2023", 1, "#,##0"),
    ("Chiffres clés", "Logements", "cles.logements", "", 1, "#,##0"),
    ("Chiffres clés", "Personnes logées", "cles.personnes_logees", "", 1, "#,##0"),
]
for sheet, label, ind, dims, scale, fmt in KEY:
    rows = rows_of(wb[sheet])
    check(label in rows, f"{sheet}: no row {label!r}")
    if label not in rows:
        continue
    cell = rows[label][1]
    want = value(ind, dims) / scale
    check(isinstance(cell.value, (int, float)) and abs(cell.value - want) < 1e-9,
          f"{sheet}/{label}: {cell.value!r}, want {want}")
    check(cell.number_format == fmt, f"{sheet}/{label}: format {cell.number_format!r}, want {fmt!r}")

# the year before, where the edition compares
row = rows_of(wb["Solidarité"])["Expulsions"]
check(row[3].value == value("solidarite.expulsions", "annee=2022"), f"2022 evictions: {row[3].value}")

# charts: count and kind per sheet
CHARTS = {"Qualité de service": ["BarChart", "BarChart", "DoughnutChart"],
          "Insertion": ["BarChart"],
          "Ressources humaines": ["BarChart", "DoughnutChart"]}
for name in wb.sheetnames:
    kinds = [type(c).__name__ for c in wb[name]._charts]
    check(kinds == CHARTS.get(name, []), f"{name}: charts {kinds}")
insertion_chart = wb["Insertion"]._charts[0]
check(insertion_chart.type == "col", f"insertion chart is {insertion_chart.type}")
rh_bars = wb["Ressources humaines"]._charts[0]
check(rh_bars.grouping == "stacked" and len(rh_bars.series) == 2, "women/men chart stacked in two series")

# frozen headers and print set-up on every loop sheet
for name in wb.sheetnames[:8]:
    ws = wb[name]
    check(ws.freeze_panes == "A4", f"{name}: freeze {ws.freeze_panes}")
    check(ws.page_setup.paperSize == 9, f"{name}: not A4")
    check(ws.oddFooter.right.text == "Page &P / &N", f"{name}: footer")

# Sources: every figure of the table, with its provenance
src = wb["Sources"]
listed = {(r[0], r[1] or "") for r in src.iter_rows(min_row=4, values_only=True)}
check(listed == set(figures), f"Sources lists {len(listed)} figures, the table {len(figures)}")
for r in src.iter_rows(min_row=4, values_only=True):
    ind, dims, v = r[0], r[1] or "", r[2]
    f = figures[(ind, dims)]
    check(r[4] == f["source"] and r[5] == f["sha256"], f"Sources {ind} {dims}: provenance")
    if isinstance(v, (int, float)):
        # the table's double, to the 16 significant digits libxlsxwriter
        # 1.1.4 writes a cell with (%.16G: at most one unit in the last
        # place away; Excel shows 15)
        want = float(f["value"])
        check(v == float("%.16g" % want), f"Sources {ind} {dims}: {v!r}, want {want!r}")
    else:
        check(v in ("<\u00a05", "s"), f"Sources {ind} {dims}: {v!r}")

# the small-count rule: no breakdown of people shows 1 to 4
PEOPLE = {"rh.effectif", "rh.pyramide", "rh.recrutements", "rh.departs",
          "rh.promotions", "rh.rqth", "rh.postes_amenages",
          "formation.salaries_formes", "insertion.cddi",
          "insertion.sorties_emploi", "enquete.entretiens"}
small = 0
for r in src.iter_rows(min_row=4, values_only=True):
    if r[0] in PEOPLE and r[1] and isinstance(r[2], (int, float)):
        check(not 1 <= r[2] <= 4, f"Sources: small count shown for {r[0]} {r[1]}: {r[2]}")
    small += r[2] == "<\u00a05"
check(small > 0, "no '< 5' in Sources: the fixtures hold small breakdowns")

q = [r for r in wb["Qualité des données"].iter_rows(min_row=4, values_only=True)]
check(any(r[0] == "avertissement" and "12 147" in r[4].replace("\u202f", " ") for r in q),
      "quality sheet: the failed rule on individual dwellings")
check(any(r[0] == "conforme" for r in q), "quality sheet: checks that hold")

# ---- the headcount workbook --------------------------------------------------

wb = openpyxl.load_workbook(effectifs_path)
vals = openpyxl.load_workbook(effectifs_path, data_only=True)
check(wb.sheetnames == ["Effectifs au 31-12", "Pyramide des âges", "Mouvements",
                        "Promotions, formation, handicap"], f"sheets {wb.sheetnames}")


def numbers(ws, row, first_col, last_col):
    return [ws.cell(row, c).value for c in range(first_col, last_col + 1)]


# Effectifs: every line's total is the sum of its cells; the total row the
# sum of the lines; the grand total the headcount.
ws, wv = wb["Effectifs au 31-12"], vals["Effectifs au 31-12"]
row = 4
while wv.cell(row, 1).value != "Total":
    cells = numbers(wv, row, 2, 5)
    check(wv.cell(row, 6).value == sum(cells), f"headcount line {row} total")
    check(ws.cell(row, 6).value.startswith("=SUM("), f"headcount line {row}: no formula")
    row += 1
for col in range(2, 7):
    column = [wv.cell(r, col).value for r in range(4, row)]
    check(wv.cell(row, col).value == sum(column), f"headcount column {col} total")
check(wv.cell(row, 6).value == value("rh.effectif"), "headcount grand total")

wv = vals["Pyramide des âges"]
fem = [wv.cell(r, 2).value for r in range(4, 13)]
hom = [wv.cell(r, 3).value for r in range(4, 13)]
check(sum(fem) == value("rh.effectif", "sexe=f") and sum(hom) == value("rh.effectif", "sexe=h"),
      "pyramid adds up to women and men")
check(wv.cell(13, 4).value == value("rh.effectif"), "pyramid total")
kinds = [type(c).__name__ for c in wb["Pyramide des âges"]._charts]
check(kinds == ["BarChart"], f"pyramid chart {kinds}")
check(wb["Pyramide des âges"]._charts[0].overlap == 100, "pyramid bars overlap")

wv = vals["Mouvements"]
recr = [wv.cell(r, 4).value for r in range(5, 17)]
check(sum(recr) == value("rh.recrutements") == wv.cell(17, 4).value, "recruitments by month add up")

print(f"workbooks: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
