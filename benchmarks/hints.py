"""How much do colour hints help? PSNR on held-out photos with 0, 1, 5, 10 and 20 hints sampled from the truth.

The photos are the shipped model's validation photos (whole sources it never saw, recorded in its recipe),
every `--every`-th of them. For each photo and each count, hint points are drawn uniformly at random (seeded)
and given the true colour there (the mean over 3×3 pixels), as a user who knows the colours would; the
photo's grey copy is colorized with them at the default render factor and scored against the truth
(Zhang et al. 2017 report several dB with 10 hints). Also printed: how far the colour moves within 10 px
of a single hint vs beyond 25% of the photo's size from it (mean CbCr change, 0-255 levels).

    python benchmarks/hints.py [--model default] [--every 4] [--root DATASETS]
"""
import argparse, time
from pathlib import Path
import numpy as np
from deoldify.core import load_image, machine, rgb2ycc, to_gray
from deoldify.inference import load_colorizer, model_path
from deoldify.metrics import psnr
from deoldify.recipe import Recipe
from deoldify.train import valid_files

REPO = Path(__file__).resolve().parent.parent

def sample_hints(truth, n:int, rng) -> list:
    "`n` points drawn uniformly over `truth`, each with its true colour (3×3 mean)"
    a = np.asarray(truth, np.float32)
    h,w = a.shape[:2]
    ys,xs = rng.integers(1, h-1, n), rng.integers(1, w-1, n)
    return [(int(x), int(y), tuple(int(v) for v in a[y-1:y+2, x-1:x+2].reshape(-1,3).mean(0).round())) for x,y in zip(xs, ys)]

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--model', default='default')
    ap.add_argument('--every', type=int, default=4, help='use every n-th validation photo')
    ap.add_argument('--root', default=str(REPO.parent/'shared'), help="the recipe's data root (holding datasets/...)")
    a = ap.parse_args()
    files = valid_files(Recipe.read(model_path(a.model)), a.root)[::a.every]
    clr, rng, counts = load_colorizer(a.model), np.random.default_rng(0), (0, 1, 5, 10, 20)
    print(f"{machine()}; "
          f"model {clr.name}, render factor {clr.render_factor}, {len(files)} held-out photos")
    t, res, moved = time.perf_counter(), {n: [] for n in counts}, []
    for f in files:
        truth = load_image(f); grey = to_gray(truth)
        outs = {n: clr(grey, hints=sample_hints(truth, n, rng)) for n in counts}
        for n,o in outs.items(): res[n].append(psnr(o, truth))
        (x,y,_), = sample_hints(truth, 1, rng)
        c0,c1 = (rgb2ycc(np.asarray(o, np.float32))[...,1:] for o in (outs[0], clr(grey, hints=[(x, y, (40,190,40))])))
        d = np.linalg.norm(c1-c0, axis=-1)
        yy,xx = np.mgrid[:d.shape[0], :d.shape[1]]
        r = np.hypot(yy-y, xx-x)
        moved.append((d[r <= 10].mean(), d[r >= 0.25*max(d.shape)].mean()))
    print("| hints | PSNR (dB) | vs none |\n|---|---|---|")
    for n in counts: print(f"| {n} | {np.mean(res[n]):.2f} | {np.mean(res[n]) - np.mean(res[0]):+.2f} |")
    near,far = np.mean(moved, 0)
    print(f"one green hint: colour moves {near:.1f} levels within 10 px of it, {far:.2f} beyond a quarter of the photo "
          f"({time.perf_counter()-t:.0f} s)")

if __name__ == '__main__': main()
