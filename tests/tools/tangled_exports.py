#!/usr/bin/python3
"""tangled_exports.py OUT [ROWS] — exports full of what the key checks
decide: duplicates of every kind, people with several contracts
(renewals, overlaps, another birth date), trainees missing from the
register, operations of two types, plates in service twice, repeated
interview ids, rows out of the year — and no error, so that every output
is written (the defect corpus, tests/bad.sh, has the errors).  Rows are shuffled,
so that a key's rows lie far apart in the file and across the sorted
runs of a small --memory.  Deterministic (a fixed seed).

tests/memory.sh reads them in memory and spilled and compares every
output; the 2023 fixtures have no duplicate at all.
"""
import os
import random
import sys
from datetime import date, timedelta

out = sys.argv[1]
ROWS = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
rnd = random.Random(2023)
os.makedirs(out, exist_ok=True)

DIRECTIONS = ["Écluses du Nord", "Val de Lys", "Cœur de Vallée", "Siège"]


def day(y0=2018, y1=2024):
    start = date(y0, 1, 1)
    return start + timedelta(days=rnd.randrange((date(y1, 12, 31) - start).days))


def fr(d):
    return d.strftime("%d/%m/%Y") if d else ""


def write(name, header, rows, sep=";"):
    rnd.shuffle(rows)
    with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as f:
        f.write(sep.join(header) + "\r\n")
        for r in rows:
            f.write(sep.join(r) + "\r\n")


# ---- the HR register: people with one to five contracts
people = []
rows = []
while len(rows) < ROWS:
    m = "M%06d" % len(people)
    people.append(m)
    sexe = rnd.choice("FH")
    birth = day(1960, 2000)
    start = day(2015, 2023)
    for k in range(rnd.choice([1, 1, 2, 3, 5])):
        kind = rnd.choice(["CDI", "CDD", "CDD", "Stage", "Apprentissage"])
        end = start + timedelta(days=rnd.randrange(30, 900))
        end = None if kind == "CDI" and rnd.random() < 0.7 else end
        b, s = birth, sexe
        if rnd.random() < 0.03:                 # another birth date or sex
            b = birth + timedelta(days=1)
        motif = rnd.choice(["Démission", "Fin de contrat", "Retraite", ""]) if end else ""
        row = [m, "Nom", "Prénom", s, fr(b), fr(start), fr(end), motif, kind,
               rnd.choice(["Cadre", "Agent de maîtrise", "Employé", "Ouvrier"]),
               rnd.choice("ON"), rnd.choice(["100", "80,5", "50"]),
               rnd.choice(DIRECTIONS), rnd.choice("NNNNO"), rnd.choice("NNNO"),
               fr(day(2020, 2024)) if rnd.random() < 0.2 else ""]
        rows.append(row)
        if rnd.random() < 0.05:                 # the same contract twice
            rows.append(list(row))
        # the next one: a renewal the day after, an overlap, or a gap
        nxt = rnd.random()
        if end is None:
            start = start + timedelta(days=rnd.randrange(1, 400))
        elif nxt < 0.4:
            start = end + timedelta(days=1)
        elif nxt < 0.6:
            start = end - timedelta(days=rnd.randrange(1, 20))
        else:
            start = end + timedelta(days=rnd.randrange(2, 200))
write("rh_effectifs.csv",
      ["Matricule", "Nom", "Prénom", "Sexe", "Date de naissance", "Date d'entrée",
       "Date de sortie", "Motif de sortie", "Type de contrat", "Catégorie",
       "Proximité", "Temps de travail", "Direction", "RQTH", "Poste aménagé",
       "Date de promotion"], rows)

# ---- training: sessions of the register's people, and of strangers
rows = []
while len(rows) < ROWS:
    m = rnd.choice(people) if rnd.random() < 0.95 else "M9%05d" % rnd.randrange(99999)
    row = [m, fr(day(2022, 2024)), rnd.choice(["Sécurité", "Accueil", "Bureautique"]),
           rnd.choice(["3,5", "7", "14", "0,25"]),
           rnd.choice(["Collective", "Individuelle", "", "À distance"])]
    rows.append(row)
    if rnd.random() < 0.05:
        rows.append(list(row))
write("rh_formations.csv", ["Matricule", "Date", "Intitulé", "Heures", "Modalité"], rows)

# ---- work integration: operations, some with two types
rows = []
ops = ["OP-%04d" % i for i in range(ROWS // 8 + 1)]
types = ["Chantier d'insertion", "Chantier école", "Clause sociale"]
optype = {op: rnd.choice(types) for op in ops}
benefs = ["B%05d" % i for i in range(ROWS // 3 + 1)]
while len(rows) < ROWS:
    op = rnd.choice(ops)
    t = optype[op] if rnd.random() < 0.97 else rnd.choice(types)
    start = day(2022, 2024)
    end = start + timedelta(days=rnd.randrange(20, 400)) if rnd.random() < 0.9 else None
    row = [op, t, "Lens", "Structure", rnd.choice(benefs),
           rnd.choice(["CDDI", "CDDI", "Contrat de professionnalisation"]), fr(start),
           fr(end), rnd.choice(["0", "35", "151,67", "12,5"]), rnd.choice(["Oui", "Non", "Non", ""])]
    rows.append(row)
    if rnd.random() < 0.05:
        rows.append(list(row))
write("insertion.csv",
      ["Opération", "Type d'opération", "Commune", "Structure", "Bénéficiaire",
       "Type de contrat", "Date de début", "Date de fin", "Heures", "Sortie emploi"], rows)

# ---- the survey: some ids twice, weights whose sums depend on their order
rows = []
items = ["q_global", "q_proprete", "q_demandes"]
answers = ["Très satisfait", "Assez satisfait", "Peu satisfait", "Pas du tout satisfait", "NSP", ""]
n = 0
while len(rows) < ROWS:
    n += 1
    i = n if rnd.random() < 0.96 else rnd.randrange(1, n + 1)
    rows.append(["ENQ-%06d" % i, fr(day(2023, 2024)), rnd.choice(DIRECTIONS), "Lens",
                 rnd.choice(["Collectif", "Individuel"]), "%.3f" % rnd.uniform(0.5, 1.5)]
                + [rnd.choice(answers) for _ in items])
write("enquete_satisfaction.csv",
      ["ID", "Date", "Direction", "Agence", "Habitat", "Poids"] + items, rows, sep=",")

# ---- the fleet: plates leased twice, rows twice, vehicles gone or to come
rows = []
plates = ["AB-%03d-CD" % i for i in range(ROWS // 2 + 1)]
energies = ["Essence", "Diesel", "Électrique", "Hybride", "Hybride rechargeable"]
while len(rows) < ROWS:
    start = day(2018, 2024)
    end = start + timedelta(days=rnd.randrange(100, 2000)) if rnd.random() < 0.5 else None
    row = [rnd.choice(plates), "Renault", "Kangoo", rnd.choice(energies),
           rnd.choice(["LLD", "Propriété"]), start.isoformat(),
           end.isoformat() if end else "", str(rnd.randrange(0, 200)), "Lens"]
    rows.append(row)
    if rnd.random() < 0.05:
        rows.append(list(row))
write("flotte.csv", ["Immatriculation", "Marque", "Modèle", "Énergie", "Détention",
                     "Date début", "Date fin", "CO2", "Site"], rows, sep="\t")
