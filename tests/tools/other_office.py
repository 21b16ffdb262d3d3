#!/usr/bin/python3
"""other_office.py — the exports of an office that is not the bundled one,
for the tests of `carnet init`, `--previous` and a first carnet.

    other_office.py DIR YEAR [SIZE]

writes into DIR the six exports of "Habitat de la Vallée", a smaller
office with five directions of its own (one spelled "Cœur de Vallée"),
other exit reasons ("Fin de période d'essai") and its own declared
figures, for YEAR; SIZE (default 1) scales the headcount, so that a second
run for YEAR - 1 with SIZE 0.95 gives last year's exports.  Deterministic,
and every count is known in advance: the headcount on 31/12 is
round(200 * SIZE), women the first 55 % of it.
"""
import datetime as dt
import os
import random
import sys

DIRECTIONS = ["Cœur de Vallée", "Plateau Sud", "Rives de l'Aa", "Monts et Forêts",
              "Siège"]


def write(path, header, rows, sep=";", encoding="utf-8"):
    with open(path + ".tmp", "w", encoding=encoding, newline="") as f:
        f.write(sep.join(header) + "\r\n")
        for r in rows:
            f.write(sep.join(str(v) for v in r) + "\r\n")
    os.replace(path + ".tmp", path)


def fr(d):
    return d.strftime("%d/%m/%Y") if d else ""


def main():
    out, year = sys.argv[1], int(sys.argv[2])
    size = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
    rng = random.Random(year)
    os.makedirs(out, exist_ok=True)
    n = round(200 * size)
    women = round(n * 0.55)
    staff = []
    for i in range(n):
        staff.append(dict(
            m=f"V{i:05d}", sexe="F" if i < women else "H",
            naissance=dt.date(1960 + i % 40, 1 + i % 12, 1 + i % 28),
            entree=dt.date(2000 + i % 20, 1 + i % 12, 1),
            contrat="CDI" if i % 10 else "CDD",
            categorie=["Cadre", "Agent de maîtrise", "Employé", "Ouvrier"][i % 4],
            proximite="Oui" if i % 3 == 0 else "Non",
            direction=DIRECTIONS[i % len(DIRECTIONS)]))
    rows = [[s["m"], s["sexe"], fr(s["naissance"]), fr(s["entree"]), "", "",
             s["contrat"], s["categorie"], s["proximite"], 100, s["direction"], "Non", "Non", ""]
            for s in staff]
    # people who left during the year: their reasons as the HRIS spells them
    for k, reason in enumerate(["Démission", "Fin de période d'essai", "Retraite",
                                "Fin de période d'essai", "Mutation"]):
        rows.append([f"D{k:04d}", "H", fr(dt.date(1980, 3, 3)), fr(dt.date(2015, 1, 1)),
                     fr(dt.date(year, 3 + k, 10)), reason, "CDI", "Employé", "Non", 100,
                     DIRECTIONS[k], "Non", "Non", ""])
    write(os.path.join(out, "rh_effectifs.csv"),
          ["Matricule", "Sexe", "Date de naissance", "Date d'entrée", "Date de sortie",
           "Motif de sortie", "Type de contrat", "Catégorie", "Proximité", "Temps de travail",
           "Direction", "RQTH", "Poste aménagé", "Date de promotion"], rows)
    write(os.path.join(out, "rh_formations.csv"),
          ["Matricule", "Date", "Intitulé", "Heures", "Modalité"],
          [[s["m"], fr(dt.date(year, 2 + i % 10, 5)), "Sécurité", 7,
            "Collective" if i % 2 else "Individuelle"] for i, s in enumerate(staff[: n // 2])])
    write(os.path.join(out, "insertion.csv"),
          ["operation", "type_operation", "beneficiaire", "type_contrat", "date_debut",
           "date_fin", "heures", "sortie_emploi"],
          [[f"OP{i % 6}", ["Chantier d'insertion", "Chantier école", "Clause sociale"][i % 3],
            f"B{i:04d}", "CDDI", fr(dt.date(year, 1 + i % 12, 1)), fr(dt.date(year, 12, 31)),
            100 + i, "Oui" if i % 4 == 0 else "Non"] for i in range(round(40 * size))])
    items = ["q_global", "q_proprete", "q_relation"]
    answers = ["Très satisfait", "Assez satisfait", "Peu satisfait", "Pas du tout satisfait"]
    write(os.path.join(out, "enquete_satisfaction.csv"),
          ["ID", "Date", "Direction"] + items,
          [[f"E{year}-{i:05d}", fr(dt.date(year, 5, 2 + i % 25)),
            DIRECTIONS[i % 4]] + [answers[rng.randrange(3)] for _ in items]
           for i in range(round(300 * size))], sep=",")
    write(os.path.join(out, "flotte.csv"),
          ["Immatriculation", "Énergie", "Détention", "Date début", "Date fin"],
          [[f"VV-{i:03d}-AA", ["Diesel", "Électrique", "Hybride"][i % 3], "LLD",
            (dt.date(year - 1, 1 + i % 12, 1)).isoformat(), ""] for i in range(round(20 * size))],
          sep="\t")
    write(os.path.join(out, "chiffres_cles.csv"),
          ["Indicateur", "Année", "Valeur", "Unité", "Source"],
          [["cles.logements", year, round(6400 * size), "logements", "Direction générale"],
           ["cles.personnes_logees", year, round(14100 * size), "personnes", "Direction générale"],
           ["patrimoine.logements_rehabilites", year, round(180 * size), "logements",
            "Direction du patrimoine"],
           ["patrimoine.jardins_partages", year, 7, "jardins", "Direction du patrimoine"],
           ["solidarite.expulsions", year, 12, "expulsions", "Direction de la proximité"],
           ["solidarite.expulsions", year - 1, 15, "expulsions", "Direction de la proximité"]])


if __name__ == "__main__":
    main()
