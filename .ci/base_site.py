"""Make DEST a site folder holding only what `pip install deoldify-fastai` (no extras) brings: links to .venv's copies of
the base requirements and theirs, nothing else (no torch, fastai, matplotlib, ...), so `make wheel-check` runs
the wheel as a base install would, without downloading anything. Usage: python .ci/base_site.py DEST"""
import importlib.metadata as md, sys
from pathlib import Path
from packaging.requirements import Requirement

def closure(name:str) -> dict:
    "name -> distribution, for `name` and everything its base install requires (no extras)"
    seen, todo = {}, [name]
    while todo:
        d = md.distribution(Requirement(todo.pop()).name)
        if (n := d.metadata['Name'].lower()) in seen: continue
        seen[n] = d
        todo += [str(q) for q in map(Requirement, d.requires or []) if not q.marker or q.marker.evaluate({'extra': ''})]
    return seen

dest = Path(sys.argv[1]); dest.mkdir(parents=True)
deps = closure('deoldify-fastai')
for n,d in deps.items():
    if n == 'deoldify-fastai': continue  # the wheel under test is installed on its own
    for top in {Path(f).parts[0] for f in d.files or [] if not str(f).startswith('..')}:  # '..': scripts in bin/
        src = Path(d.locate_file(top))
        if src.exists() and not (dest/top).exists(): (dest/top).symlink_to(src)
mb = sum(f.stat().st_size for e in dest.iterdir() for f in ([e] if e.is_file() else Path(e.resolve()).rglob('*')) if f.is_file())/2**20
print(f"the base install's requirements: {len(deps)-1} packages, {mb:.0f} MB installed")
