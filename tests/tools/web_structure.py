#!/usr/bin/env python3
"""web_structure.py — what the web edition's pages must hold, read with
Python's HTML parser (no browser needed):

    web_structure.py WEB_DIR

- every page: <html lang="fr">, a skip link first in <body> leading to
  <main id="contenu">, the landmarks header, nav, main and footer, one h1,
  headings that never skip a level, no <script>, no inline event handler;
- every link, src, srcset and url() names a file of the folder (or an
  anchor of it, or data:), so that no request leaves the folder;
- every <img> has an alt, a width and a height, and loading="lazy" when
  it is a photo; every photo's srcset lists files whose widths it states
  (checked on the files with PIL);
- every chart's <svg> has role="img" and an aria-label, and a table of
  its data with header cells.

Prints one line per problem; exit 1 if any."""
import os
import re
import sys
from html.parser import HTMLParser

from PIL import Image

root = sys.argv[1]
problems = []


class Page(HTMLParser):
    def __init__(self, name):
        super().__init__(convert_charrefs=True)
        self.name = name
        self.tags = []          # (tag, attrs) in order
        self.ids = set()
        self.headings = []
        self.stack = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a, list(self.stack)))
        if 'id' in a:
            self.ids.add(a['id'])
        if re.fullmatch(r'h[1-6]', tag):
            self.headings.append(int(tag[1]))
        if tag not in ('img', 'meta', 'link', 'br', 'use', 'path', 'rect', 'circle', 'input'):
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a, list(self.stack)))
        if 'id' in a:
            self.ids.add(a['id'])

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass


def bad(page, what):
    problems.append(f'{page}: {what}')


pages = {}
for name in sorted(os.listdir(root)):
    if name.endswith('.html'):
        p = Page(name)
        p.feed(open(os.path.join(root, name), encoding='utf-8').read())
        pages[name] = p


def target_ok(page, ref):
    if ref.startswith('data:'):
        return True
    if re.match(r'^[a-z]+:', ref) or ref.startswith('//'):
        bad(page, f'leaves the folder: {ref}')
        return False
    path, _, anchor = ref.partition('#')
    file = path or page
    if not os.path.isfile(os.path.join(root, file)):
        bad(page, f'no such file: {ref}')
        return False
    if anchor and file in pages and anchor not in pages[file].ids:
        bad(page, f'no such anchor: {ref}')
        return False
    return True


for name, p in pages.items():
    tags = [t for t, _, _ in p.tags]
    html = [a for t, a, _ in p.tags if t == 'html']
    if not html or html[0].get('lang') != 'fr':
        bad(name, 'no <html lang="fr">')
    body = tags.index('body') if 'body' in tags else -1
    first = p.tags[body + 1] if body >= 0 else None
    if not first or first[0] != 'a' or first[1].get('href') != '#contenu':
        bad(name, 'the first thing in <body> is not the skip link to #contenu')
    mains = [a for t, a, _ in p.tags if t == 'main']
    if len(mains) != 1 or mains[0].get('id') != 'contenu':
        bad(name, 'not one <main id="contenu">')
    for land in ('header', 'nav', 'footer'):
        if land not in tags:
            bad(name, f'no <{land}>')
    if p.headings.count(1) != 1 or p.headings[0] != 1:
        bad(name, f'{p.headings.count(1)} h1, the first heading h{p.headings[0] if p.headings else 0}')
    for a, b in zip(p.headings, p.headings[1:]):
        if b > a + 1:
            bad(name, f'h{a} followed by h{b}')
    if 'script' in tags:
        bad(name, 'a <script>')
    for t, a, stack in p.tags:
        if any(k.startswith('on') for k in a):
            bad(name, f'an event handler on <{t}>')
        for k in ('href', 'src'):
            if k in a and not (t == 'use' or k == 'href' and a[k].startswith('#') and a[k][1:] in p.ids):
                target_ok(name, a[k])
        if 'srcset' in a:
            for item in a['srcset'].split(','):
                ref, w = item.split()
                if target_ok(name, ref):
                    got = Image.open(os.path.join(root, ref)).size[0]
                    if f'{got}w' != w:
                        bad(name, f'{ref} is {got} px wide, srcset says {w}')
        if t == 'img':
            for k in ('alt', 'width', 'height'):
                if k not in a:
                    bad(name, f'<img src="{a.get("src")}"> has no {k}')
            if 'figure' in stack:
                if a.get('loading') != 'lazy':
                    bad(name, f'photo {a.get("src")} does not load lazily')
                file = os.path.join(root, a.get('src', ''))
                if os.path.isfile(file):
                    w, h = Image.open(file).size
                    if (str(w), str(h)) != (a.get('width'), a.get('height')):
                        bad(name, f'{a["src"]} is {w}x{h}, the page says {a.get("width")}x{a.get("height")}')
        if t == 'svg' and 'figure' in stack:
            if a.get('role') != 'img' or not a.get('aria-label'):
                bad(name, 'a chart without role="img" and an aria-label')
    charts = sum(1 for t, a, s in p.tags if t == 'svg' and 'figure' in s)
    tables = sum(1 for t, a, s in p.tags if t == 'table')
    if charts != tables:
        bad(name, f'{charts} charts for {tables} tables')
    if tables and not any(t == 'th' and a.get('scope') == 'row' for t, a, _ in p.tags):
        bad(name, 'tables without row headers')

# the stylesheet's url()s
css = open(os.path.join(root, 'carnet.css'), encoding='utf-8').read()
for ref in re.findall(r'url\("?([^")]+)"?\)', css):
    target_ok('carnet.css', ref)

for line in problems:
    print(line)
sys.exit(1 if problems else 0)
