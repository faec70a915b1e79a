"""Defade against the classical fixes, fade by fade, on genuinely faded scans, and its speed.

The photos are the shipped restorer's validation photos (whole sources it never saw, recorded in its recipe): each
aged once with a fixed seed (`deoldify.defade.age`, never left clean), and each faded by every kind in
`deoldify.defade.FADES` (`fade_table`, the clean photo included). The baselines are Pillow's autocontrast and equalize
and OpenCV's CLAHE. This rewrites the restorer's card (models/NAME.md) with the tables. Then the genuinely faded scans
among the old photos of `datasets/oldphotos` (those whose 1st-99th luminance percentiles span under 2/3 of the scale):
their range before and after, and a contact sheet (as scanned | autocontrast | defade) in images/defade_oldphotos.jpg.
Speed: `defade` on a 1 and a 12 megapixel photo, best of 3, with torch's threads as set.

    python benchmarks/defade.py [--weights models/deoldify-defade.safetensors] [--root DATASETS] [--every 1]
"""
import argparse, time
from pathlib import Path
import numpy as np
from PIL import Image
from deoldify.core import load_image, machine, md_table, models_dir
from deoldify.restorer import load_restorer, defade, DEFAULT_RESTORER
from deoldify.defade import restorer_card, BASELINES
from deoldify.metrics import contact_sheet

REPO = Path(__file__).resolve().parent.parent

def span(im) -> float: return float(np.ptp(np.percentile(np.asarray(im.convert('L')), [1, 99])))

def faded_scans(m, root:Path):
    "The genuinely faded old photos: their luminance span as scanned, autocontrasted and restored, and a contact sheet"
    fs = [f for f in sorted((root/'datasets/oldphotos').glob('*.jpg')) if span(load_image(f)) < 255*2/3]
    fixes = {'autocontrast': BASELINES['autocontrast'], 'defade': lambda im: defade(im, m)}
    print(f"{len(fs)} genuinely faded scans (luminance span under 2/3): mean span as scanned {np.mean([span(load_image(f)) for f in fs]):.0f} levels, "
          + ', '.join(f"{k} {np.mean([span(fn(load_image(f).convert('L'))) for f in fs]):.0f}" for k,fn in fixes.items()))
    sheet = contact_sheet({k: (lambda fn: lambda g: fn(g.convert('L')))(fn) for k,fn in fixes.items()}, fs, height=128, cols=2, truth=False)
    sheet.save(REPO/'images/defade_oldphotos.jpg', quality=88)
    print(f"sheet (as scanned | autocontrast | defade): {REPO/'images/defade_oldphotos.jpg'}")

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--weights', default=str(models_dir()/f'{DEFAULT_RESTORER}.safetensors'))
    ap.add_argument('--root', default=str(REPO.parent/'shared'), help="the recipe's data root (holding datasets/...)")
    ap.add_argument('--every', type=int, default=1, help='score every n-th validation photo')
    a = ap.parse_args()
    print(f"{machine()}; restorer {Path(a.weights).name}")
    t = time.perf_counter()
    card, tab = restorer_card(a.weights, a.root, a.every)
    print(md_table(tab), f"\n({time.perf_counter()-t:.0f} s; card, with the fade-by-fade table, written to {card})")
    m, rng = load_restorer(a.weights), np.random.default_rng(0)
    faded_scans(m, Path(a.root))
    for w,h in [(1200, 834), (4240, 2830)]:
        img = Image.fromarray(rng.integers(0, 256, (h, w), np.uint8))
        defade(img, m)  # warm-up
        ts = []
        for _ in range(3): t = time.perf_counter(); defade(img, m); ts.append(time.perf_counter()-t)
        print(f"{w}×{h} ({w*h/1e6:.1f} MP): {min(ts):.3f} s, {min(ts)/(w*h/1e6):.3f} s per megapixel")

if __name__ == '__main__': main()
