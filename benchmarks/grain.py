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
from deoldify.metrics import colour_cast, colourfulness
from deoldify.recipe import Recipe
from deoldify.train import valid_files

REPO = Path(__file__).resolve().parent.parent

def chroma_error(out:Image.Image, truth:Image.Image) -> float:
    "Mean CIELAB a*b* distance per pixel between `out` and `truth` (same size)"
    o,t = (rgb2lab(np.asarray(im.convert('RGB'))/255.)[...,1:] for im in (out, truth))
    return float(np.hypot(*(o - t).transpose(2,0,1)).mean())

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--every', type=int, default=4, help='every Nth validation photo')
    ap.add_argument('--root', default=str(REPO.parent/'shared'), help="the model's data root (holding datasets/...)")
    a = ap.parse_args()
    t0 = time.perf_counter()
    fs = valid_files(Recipe.read(models_dir()/'deoldify-lite0.safetensors'), a.root)[::a.every]
    clr = load_colorizer()
    truths = [load_image(f).convert('RGB') for f in fs]
    truths = [t.resize(render_size(t.size, clr.render_factor), Image.BICUBIC) for t in truths]
    aged = [old_photo(t, np.random.default_rng([0, i]), p_clean=0) for i,t in enumerate(truths)]
    rows = {}
    for name,d in (('grain not calmed', False), ('grain calmed (default)', True)):
        clr.degrain = d
        outs = [clr(o) for o in aged]
        cast = colour_cast(outs, truths)
        rows[name] = {'chroma error': np.mean([chroma_error(o, t) for o,t in zip(outs, truths)]), 'cast a*': cast[0], 'cast b*': cast[1],
                      'CF': np.mean([colourfulness(o) for o in outs]), 'CF truth': np.mean([colourfulness(t) for t in truths])}
    tab = pd.DataFrame(rows).T.round(3)
    print(f"{machine()}; {len(fs)} validation photos aged by old_photo, default render factor, {time.perf_counter()-t0:.0f} s\n{md_table(tab)}")

if __name__ == '__main__': main()
