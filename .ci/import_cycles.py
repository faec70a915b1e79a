"""Zero import circles in the package: every `import deoldify.X` / `from .X import` (at the top or inside a function) is an
edge of the module graph, and the graph must have no cycle. Prints the modules in layers (each imports only the ones above)."""
import ast, sys
from pathlib import Path

def edges(pkg:Path) -> dict:
    "module -> the package modules it imports, anywhere in its code"
    res = {}
    for f in sorted(pkg.glob('*.py')):
        if f.stem.startswith('_'): continue
        deps = set()
        for n in ast.walk(ast.parse(f.read_text())):
            if isinstance(n, ast.ImportFrom):
                mod = n.module or ''
                if n.level == 1: deps.add(mod.split('.')[0] if mod else None)
                elif mod.startswith('deoldify.'): deps.add(mod.split('.')[1])
                elif mod == 'deoldify': deps.update(a.name for a in n.names)
            elif isinstance(n, ast.Import): deps.update(a.name.split('.')[1] for a in n.names if a.name.startswith('deoldify.'))
        res[f.stem] = {d for d in deps if d and d != f.stem and (pkg/f'{d}.py').exists()}
    return res

def layers(g:dict) -> list:
    "Topological layers of `g`; raises with the modules left if there is a cycle"
    done, res = set(), []
    while len(done) < len(g):
        layer = sorted(m for m,d in g.items() if m not in done and d <= done)
        if not layer: raise SystemExit(f"import cycle among: {sorted(m for m in g if m not in done)}: " +
                                       '; '.join(f"{m} -> {sorted(g[m] - done)}" for m in sorted(g) if m not in done))
        res.append(layer); done |= set(layer)
    return res

if __name__ == '__main__':
    for i,l in enumerate(layers(edges(Path(sys.argv[1] if len(sys.argv) > 1 else 'deoldify')))): print(i, ' '.join(l))
