"Write README.md from nbs/index.ipynb: markdown as is, code cells fenced, hidden and directive-only lines dropped (nbdev_readme needs quarto, which cannot be installed here)."
import json, re, sys
from pathlib import Path
root = Path(__file__).resolve().parent.parent
nb = json.loads((root/'nbs'/'index.ipynb').read_text())
parts = []
for c in nb['cells']:
    src = ''.join(c['source'])
    if c['cell_type'] == 'markdown': parts.append(src)
    elif not re.search(r'^#\|\s*(hide|export)', src, re.M):
        code = '\n'.join(l for l in src.split('\n') if not l.startswith('#|')).strip()
        if code: parts.append(f"```python\n{code.replace('../test_images', 'test_images')}\n```")
text = '\n\n'.join(parts) + '\n'
out = root/'README.md'
if '--check' in sys.argv:
    if out.read_text() != text: sys.exit("README.md is out of date: run `make readme` and commit it")
else: out.write_text(text)
