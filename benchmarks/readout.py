"""Can a smarter readout of the same network buy colour more cheaply than the shipped uniform chroma gain?

The shipped model multiplies the chroma (YCbCr Cb, Cr) of its guess by one gain for every photo and pixel
(`Colorizer(chroma=)`). Three other readouts of the same guess, each scored against that gain curve:

- radial boost: c' = g·c + d·c/sqrt(|c|² + 4²), an equal outward step of d levels for every coloured pixel
  (where the network is a conditional mean, the squared error an outward step costs does not grow with the
  chroma it starts from, while a gain's does);
- per-photo oracle: each photo's gain picked, knowing its truth, to maximise PSNR + λ·CF; not deployable, it
  bounds what any per-photo gain could give;
- per-photo regression: ridge regression of each photo's PSNR-best gain on 11 statistics of the guess
  (chroma mean, median, 90th percentile, hue concentration, mean Cb and Cr, luma mean and std, gradient,
  share of grey pixels, log size), fitted on the tuning photos (`deoldify.train.tuning_files`), applied to the
  validation photos as m·exp(prediction − its mean).

The deployable readouts are scored with `deoldify.metrics.evaluate` on the validation photos (the full table);
the per-photo policies from each photo's PSNR and colourfulness at gains 0.5–3.0 (step 0.1). Prints the
tables with the machine and settings.

    python benchmarks/readout.py [models/deoldify-lite0.safetensors] [--gains 1.2 1.3 1.4] [--boosts 5 6]
"""
import argparse, os, platform, time
from pathlib import Path
import numpy as np, pandas as pd, torch
from PIL import Image
from deoldify.core import load_image, merge_luminance, rgb2ycc, scale_chroma, to_gray, ycc2rgb
from deoldify.inference import Colorizer
from deoldify.metrics import colourfulness, evaluate, psnr
from deoldify.models import load_generator
from deoldify.train import md_table
from frontier import held_out

REPO = Path(__file__).resolve().parent.parent
GRID = np.round(np.arange(0.5, 3.01, 0.1), 2)

def radial(cz, d, g=1., eps=4.):
    "Colorizer `cz` (at chroma 1) reading its guess out as g·c + d·c/sqrt(|c|²+eps²)"
    def f(grey):
        ycc = rgb2ycc(np.asarray(cz.guess(grey), np.float32)); c = ycc[...,1:]
        ycc[...,1:] = g*c + d*c/np.sqrt((c**2).sum(-1, keepdims=True) + eps**2)
        return cz.merge(grey, Image.fromarray(np.clip(ycc2rgb(ycc)+0.5, 0, 255).astype(np.uint8)))
    return f

def stats(guess:Image.Image, grey:Image.Image) -> list:
    "The 11 statistics of a guess the regression sees"
    ycc = rgb2ycc(np.asarray(guess, np.float32)); c,y = ycc[...,1:],ycc[...,0]
    r = np.sqrt((c**2).sum(-1)); gy,gx = np.gradient(y)
    return [r.mean(), np.median(r), np.quantile(r, .9), np.linalg.norm(c.mean((0,1)))/(r.mean()+1e-6), *c.mean((0,1)),
            y.mean(), y.std(), np.hypot(gx, gy).mean(), (r<3).mean(), np.log(grey.width*grey.height)]

def grid(cz, files):
    "Per photo: PSNR and colourfulness at each gain of `GRID`, the truth's colourfulness, and the guess's `stats`"
    P,C,T,X = [],[],[],[]
    for f in files:
        truth = load_image(f); grey = to_gray(truth); gs = cz.guess(grey)
        outs = [merge_luminance(grey, scale_chroma(gs, g)) for g in GRID]
        P.append([psnr(o, truth) for o in outs]); C.append([colourfulness(o) for o in outs])
        T.append(colourfulness(truth)); X.append(stats(gs, grey))
    return np.array(P), np.array(C), np.array(T), np.array(X)

def at(P, C, T, g) -> tuple:
    "Mean PSNR and ΔCF when photo i gets gain g[i] (nearest on the grid)"
    i = np.abs(GRID[None]-np.asarray(g)[:,None]).argmin(1); r = np.arange(len(T))
    return P[r,i].mean(), abs(C[r,i].mean() - T.mean())

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('weights', nargs='?', default=str(REPO/'models/deoldify-lite0.safetensors'))
    ap.add_argument('--gains', type=float, nargs='*', default=[1.2, 1.3, 1.4])
    ap.add_argument('--boosts', type=float, nargs='*', default=[5., 6.], help='radial steps d (levels of 255), at g = 1')
    ap.add_argument('--root', default=str(REPO.parent/'shared'), help="the recipe's data root (holding datasets/...)")
    a = ap.parse_args()
    cz,t = Colorizer(load_generator(a.weights), chroma=1.),time.perf_counter()
    tune,valid = held_out(a.weights, a.root), held_out(a.weights, a.root, valid=True)
    print(f"{platform.machine()}, {os.cpu_count()} CPUs, torch {torch.__version__}, {torch.get_num_threads()} threads; "
          f"{Path(a.weights).name} at the default render factor; {len(tune)} tuning, {len(valid)} validation photos")
    rows = {'grey copy': to_gray} | {f'gain × {g:g}': Colorizer(cz.model, chroma=g) for g in a.gains}
    rows |= {f'radial d = {d:g}': radial(cz, d) for d in a.boosts}
    print("\nDeployable readouts on the validation photos:\n")
    print(md_table(evaluate(rows, valid)))
    (Pt,Ct,Tt,Xt),(Pv,Cv,Tv,Xv) = grid(cz, tune), grid(cz, valid)
    mu,sd = Xt.mean(0), Xt.std(0)+1e-9
    A = np.c_[np.ones(len(Xt)), (Xt-mu)/sd]
    w = np.linalg.solve(A.T@A + 10*np.eye(A.shape[1]), A.T@np.log(GRID[Pt.argmax(1)]))  # ridge, λ = 10
    pred = np.c_[np.ones(len(Xv)), (Xv-mu)/sd]@w
    r = np.corrcoef(pred, np.log(GRID[Pv.argmax(1)]))[0,1]
    res = {f'gain × {m:g}': at(Pv, Cv, Tv, np.full(len(Tv), m)) for m in (1.2, 1.3, 1.4, 1.5)}
    res |= {f'regression, m = {m:g}': at(Pv, Cv, Tv, m*np.exp(pred-pred.mean())) for m in (1.2, 1.3, 1.4, 1.5)}
    res |= {f'oracle, λ = {l:g}': at(Pv, Cv, Tv, GRID[(Pv + l*Cv).argmax(1)]) for l in (0.02, 0.05, 0.1)}
    print(f"\nPer-photo gains on the validation photos (regression fitted on the tuning photos; its prediction's "
          f"correlation with the best gain on the validation photos r = {r:.2f}; {time.perf_counter()-t:.0f} s in all):\n")
    print(md_table(pd.DataFrame(res, index=['PSNR', 'ΔCF']).T))

if __name__ == '__main__': main()
