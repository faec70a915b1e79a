"""Defade against the classical fixes, and its speed: luminance PSNR/SSIM on aged held-out photos, seconds per megapixel.

The photos are the shipped restorer's validation photos (whole sources it never saw, recorded in its recipe),
each aged once with a fixed seed (`deoldify.defade.age`, never left clean). The baselines are Pillow's
autocontrast and equalize and OpenCV's CLAHE. This rewrites the restorer's card (models/NAME.md) with the
table. Speed: `defade` on a 1 and a 12 megapixel photo, best of 3, with torch's threads as set.

    python benchmarks/defade.py [--weights models/deoldify-defade.safetensors] [--root DATASETS] [--every 1]
"""
import argparse, os, platform, time
from pathlib import Path
import numpy as np, torch
from PIL import Image
from deoldify.defade import restorer_card, load_restorer, defade, DEFAULT_RESTORER
from deoldify.inference import models_dir
from deoldify.train import md_table

REPO = Path(__file__).resolve().parent.parent

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--weights', default=str(models_dir()/f'{DEFAULT_RESTORER}.safetensors'))
    ap.add_argument('--root', default=str(REPO.parent/'shared'), help="the recipe's data root (holding datasets/...)")
    ap.add_argument('--every', type=int, default=1, help='score every n-th validation photo')
    a = ap.parse_args()
    print(f"{platform.machine()}, {os.cpu_count()} CPUs, torch {torch.__version__}, {torch.get_num_threads()} threads; restorer {Path(a.weights).name}")
    t = time.perf_counter()
    card, tab = restorer_card(a.weights, a.root, a.every)
    print(md_table(tab), f"\n({time.perf_counter()-t:.0f} s; card written to {card})")
    m, rng = load_restorer(a.weights), np.random.default_rng(0)
    for w,h in [(1200, 834), (4240, 2830)]:
        img = Image.fromarray(rng.integers(0, 256, (h, w), np.uint8))
        defade(img, m)  # warm-up
        ts = []
        for _ in range(3): t = time.perf_counter(); defade(img, m); ts.append(time.perf_counter()-t)
        print(f"{w}×{h} ({w*h/1e6:.1f} MP): {min(ts):.3f} s, {min(ts)/(w*h/1e6):.3f} s per megapixel")

if __name__ == '__main__': main()
