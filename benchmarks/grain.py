"""Calming the grain (`deoldify.colorizer.calm_grain`) where the colour truth is known: modern photos aged like old ones.

Genuine old photos have no colour truth, so `benchmarks/oldphotos.py --raw` can only say that the model is more colourful
on them with their grain calmed. Here each held-out validation photo (every `--every`th), at render size, is degraded
with `deoldify.degrade.old_photo` (grain, softness, tone curves, damage; seeded) and coloured with and without
`calm_grain`; against its truth in CIELAB: the mean chroma error (a*b* distance per pixel), the colour cast (mean
a*, b* of output minus truth) and the colourfulness (CF) beside the truth's. Prints the table with the machine.

    python benchmarks/grain.py [--every 4] [--root DATASETS]
"""
import argparse, time
from pathlib import Path
import numpy as np, pandas as pd
from PIL import Image
from skimage.color import rgb2lab
from deoldify.core import load_image, machine, md_table, models_dir
from deoldify.degrade import old_photo
from deoldify.inference import load_colorizer, render_size
from deoldify.metrics import colourfulness
from deoldify.recipe import Recipe
from deoldify.train import valid_files

REPO = Path(__file__).resolve().parent.parent

def scores(out:Image.Image, truth:Image.Image) -> dict:
    "Chroma error, cast and colourfulness of `out` against `truth` (same size)"
    o,t = (rgb2lab(np.asarray(im.convert('RGB'))/255.) for im in (out, truth))
    return {'chroma error': np.hypot(*(o[...,1:] - t[...,1:]).transpose(2,0,1)).mean(), 'cast a*': (o[...,1] - t[...,1]).mean(),
            'cast b*': (o[...,2] - t[...,2]).mean(), 'CF': colourfulness(out), 'CF truth': colourfulness(truth)}

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--every', type=int, default=4, help='every Nth validation photo')
    ap.add_argument('--root', default=str(REPO.parent/'shared'), help="the model's data root (holding datasets/...)")
    a = ap.parse_args()
    t0 = time.perf_counter()
    fs = valid_files(Recipe.read(models_dir()/'deoldify-lite0.safetensors'), a.root)[::a.every]
    calm,raw = load_colorizer(),load_colorizer()
    raw.degrain = False
    rows = {'grain not calmed': [], 'grain calmed (default)': []}
    for i,f in enumerate(fs):
        t = load_image(f).convert('RGB'); t = t.resize(render_size(t.size, calm.render_factor), Image.BICUBIC)
        aged = old_photo(t, np.random.default_rng([0, i]), p_clean=0)
        for k,c in zip(rows, (raw, calm)): rows[k].append(scores(c(aged), t))
    tab = pd.DataFrame({k: pd.DataFrame(v).mean() for k,v in rows.items()}).T.round(3)
    print(f"{machine()}; {len(fs)} validation photos aged by old_photo, default render factor, {time.perf_counter()-t0:.0f} s\n{md_table(tab)}")

if __name__ == '__main__': main()
