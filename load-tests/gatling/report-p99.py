#!/usr/bin/env python3
"""Prints 'name|count|failed|p50|p99' for every row of a Gatling HTML report's statistics table (index.html)."""
import html
import re
import sys

page = open(sys.argv[1], encoding='utf-8').read()
body = page[page.index('<tbody>'):]
for row in re.findall(r'<tr[^>]*>(.*?)</tr>', body, re.S):
    names = re.findall(r'class="ellipsed-name">([^<]*)<', row)
    cells = dict(re.findall(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>', row))
    if names and cells:
        print('|'.join([html.unescape(names[0]).strip(), cells.get('2', ''), cells.get('4', '').replace('-', '0'), cells.get('8', ''), cells.get('11', '')]))
