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
  validation photos as m·exp(prediction − its mean);
- per-photo regression on what the network knows of the scene: the same, on its encoder's output averaged and
  max-pooled over the photo (640 numbers, free at inference), fitted on `--train` photos from each training
  source (the network has seen them, so their best gains run high: only the prediction's ups and downs are used).

The deployable readouts are scored with `deoldify.metrics.evaluate` on the validation photos (the full table);
the per-photo policies from each photo's PSNR and colourfulness at gains 0.5–3.0 (step 0.1). Prints the
tables with the machine and settings.

    python benchmarks/readout.py [models/deoldify-lite0.safetensors] [--gains 1.2 1.3 1.4] [--boosts 5 6] [--train 60]
"""
import argparse, time
from pathlib import Path
import numpy as np, pandas as pd, torch
from PIL import Image
from deoldify.core import load_image, machine, md_table, merge_luminance, rgb2ycc, scale_chroma, to_gray, ycc2rgb
from deoldify.inference import Colorizer
from deoldify.data import manifest
from deoldify.metrics import colourfulness, evaluate, psnr
from deoldify.models import load_generator
from deoldify.recipe import Recipe
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
    "Per photo: PSNR and colourfulness at each gain of `GRID`, the truth's colourfulness, the guess's `stats` and pooled encoder output"
    P,C,T,X,E,enc = [],[],[],[],[],{}
    h = cz.model.layers[0].register_forward_hook(lambda m,i,o: enc.update(e=torch.cat([o.mean((2,3)), o.amax((2,3))], 1)[0].float().cpu().numpy()))
    for f in files:
        truth = load_image(f); grey = to_gray(truth); gs = cz.guess(grey)
        outs = [merge_luminance(grey, scale_chroma(gs, g)) for g in GRID]
        P.append([psnr(o, truth) for o in outs]); C.append([colourfulness(o) for o in outs])
        T.append(colourfulness(truth)); X.append(stats(gs, grey)); E.append(enc['e'])
    h.remove()
    return np.array(P), np.array(C), np.array(T), np.array(X), np.array(E)

def ridge(X, y, alpha:float):
    "Ridge regression of `y` on standardised `X` (intercept not penalised): the predictor"
    mu,sd = X.mean(0), X.std(0)+1e-9
    A = np.c_[np.ones(len(X)), (X-mu)/sd]
    w = np.linalg.solve(A.T@A + alpha*np.diag([0.]+[1.]*X.shape[1]), A.T@y)
    return lambda Z: np.c_[np.ones(len(Z)), (Z-mu)/sd]@w

def train_sample(weights, root, n:int) -> list:
    "`n` photos (seeded) of each training source in `weights`' recipe"
    log = Recipe.read(weights)
    df = pd.concat([manifest(Path(root)/f) for f in log.data if (Path(root)/f/'MANIFEST.tsv').exists()])
    df = df[~df.source.isin(log.held_out)]
    return [p for _,g in df.groupby('source') for p in g.path.sample(min(n, len(g)), random_state=0)]

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
    ap.add_argument('--train', type=int, default=60, help='training photos per source the encoder regression is fitted on')
    a = ap.parse_args()
    cz,t = Colorizer(load_generator(a.weights), chroma=1.),time.perf_counter()
    tune,valid = held_out(a.weights, a.root), held_out(a.weights, a.root, valid=True)
    print(f"{machine()}; "
          f"{Path(a.weights).name} at the default render factor; {len(tune)} tuning, {len(valid)} validation photos")
    rows = {'grey copy': to_gray} | {f'gain × {g:g}': Colorizer(cz.model, chroma=g) for g in a.gains}
    rows |= {f'radial d = {d:g}': radial(cz, d) for d in a.boosts}
    print("\nDeployable readouts on the validation photos:\n")
    print(md_table(evaluate(rows, valid)))
    (Pt,Ct,Tt,Xt,_),(Pv,Cv,Tv,Xv,Ev) = grid(cz, tune), grid(cz, valid)
    best = lambda P: np.log(GRID[P.argmax(1)])
    trn = train_sample(a.weights, a.root, a.train); Pr,_,_,_,Er = grid(cz, trn)
    preds = {'regression': ridge(Xt, best(Pt), 10)(Xv)} | {f'encoder regression, α = {al:g}': ridge(Er, best(Pr), al)(Ev) for al in (1e2, 1e3, 1e4)}
    rs = ', '.join(f"{k} r = {np.corrcoef(p, best(Pv))[0,1]:.2f}" for k,p in preds.items())
    res = {f'gain × {m:g}': at(Pv, Cv, Tv, np.full(len(Tv), m)) for m in (1.2, 1.3, 1.4, 1.5)}
    res |= {f'{k}, m = {m:g}': at(Pv, Cv, Tv, m*np.exp(p-p.mean())) for k,p in preds.items() for m in (1.2, 1.3, 1.4, 1.5)}
    res |= {f'oracle, λ = {l:g}': at(Pv, Cv, Tv, GRID[(Pv + l*Cv).argmax(1)]) for l in (0.02, 0.05, 0.1)}
    print(f"\nPer-photo gains on the validation photos (regression fitted on the tuning photos, encoder regression on "
          f"{len(trn)} training photos; each prediction's correlation with the best gain on the validation photos: {rs}; "
          f"{time.perf_counter()-t:.0f} s in all):\n")
    print(md_table(pd.DataFrame(res, index=['PSNR', 'ΔCF']).T))

if __name__ == '__main__': main()
