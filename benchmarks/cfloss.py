"""Does a colourfulness term in the loss beat the chroma gain: a fine-tune that matches each photo's colourfulness, scored against the gain curve.

Fine-tunes INIT with `deoldify.train.train_generator` (one stage, as the shipped model's 192 px FixRes stage: 6 epochs
of 3000 photos, peak lr 3e-4, batch 16) on a loss = the usual perceptual + pixel L1 (`FeatureLoss`) + `--weight` ×
|CF(output) − CF(truth)| per photo, CF being Hasler & Süsstrunk's colourfulness (`deoldify.metrics.colourfulness`,
on 0-1, differentiable here). The pixel and perceptual losses reward the safe average when the network is unsure;
this term asks for the truth's amount of colour, photo by photo, so the network could learn where to be vivid
where a gain is the same everywhere. An existing DEST (its recipe records the weight) is scored again, not retrained.

Then INIT and DEST, each with its chroma multiplied by each of `--gains` (`Colorizer(chroma=)`), are scored on the
tuning photos (`deoldify.train.tuning_files`: held-out sources, outside the validation list) beside the grey copy.
The term moves the quality frontier only if DEST's rows beat INIT's gain curve (more colour at the same PSNR).

With `--valid` the same rows are scored on INIT's validation photos, to report what a choice made on the tuning
photos gives on photos nothing was chosen on.

    python benchmarks/cfloss.py INIT DEST [--weight 10] [--gains 1 1.15 1.3 1.45 1.6] [--valid]
"""
import argparse, time
from pathlib import Path
import torch
import deoldify.train as T
from deoldify.recipe import Recipe
from deoldify.core import machine, md_table, to_gray
from deoldify.loss import FeatureLoss, with_luma
from deoldify.metrics import evaluate
from deoldify.models import load_generator, save_generator
from frontier import gain_rows, held_out

REPO = Path(__file__).resolve().parent.parent

def cf(x):
    "Colourfulness per photo of B×3×H×W RGB in [0,1], as `deoldify.metrics.colourfulness` (|rg|, |yb| variant)"
    rg,yb = (x[:,0]-x[:,1]).abs().flatten(1), (0.5*(x[:,0]+x[:,1])-x[:,2]).abs().flatten(1)
    return torch.hypot(rg.std(1), yb.std(1)) + 0.3*torch.hypot(rg.mean(1), yb.mean(1))

def cf_loss(weight:float):
    "`FeatureLoss` plus `weight` × the mean |CF(output with the truth's luma) − CF(truth)|"
    class CFLoss(FeatureLoss):
        def forward(self, pred, targ):
            res = super().forward(pred, targ)
            p,t = (torch.Tensor.as_subclass(o, torch.Tensor) for o in (pred, targ))
            return res + weight*(cf(with_luma(p, t)) - cf(t)).abs().mean()
    return CFLoss

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('init', help='generator file to start from (written by train_generator)')
    ap.add_argument('dest', help='the fine-tuned generator file (scored again if it exists)')
    ap.add_argument('--weight', type=float, default=10., help='weight of the colourfulness term (the rest of the loss is about 6)')
    ap.add_argument('--gains', type=float, nargs='*', default=[1., 1.15, 1.3, 1.45, 1.6])
    ap.add_argument('--select', type=int, default=100, help='tuning photos the rows are scored on')
    ap.add_argument('--valid', action='store_true', help="score on INIT's validation photos instead (to report, not to choose)")
    ap.add_argument('--root', default=str(REPO.parent/'shared'), help="the recipe's data root (holding datasets/...)")
    a = ap.parse_args()
    dest = Path(a.dest)
    if not dest.exists():
        T.FeatureLoss = cf_loss(a.weight)  # the loss `generator_learner` builds for the RGB head
        T.train_generator([Path(a.root)/'datasets/photos2/train', Path(a.root)/'datasets/photos/train'], dest, sizes=(192,), epochs=(6,),
                          lrs=(3e-4,), bss=(16,), chunk=3000, init=a.init, card=False)
        log = Recipe.read(dest); log.run['cf_weight'] = a.weight  # the recipe records the loss it was trained on
        save_generator(load_generator(dest), dest, encoder=log.encoder, recipe=log.to_json())
    log = Recipe.read(dest)
    files = held_out(a.init, a.root, a.valid, a.select)
    ms = {'grey copy': to_gray} | gain_rows({'init': a.init, 'CF loss': dest}, a.gains)
    t = time.perf_counter()
    tab = evaluate(ms, files)
    st = log.stages[-1]
    print(f"{machine()}; "
          f"{dest.name} from {Path(a.init).name}: {st['size']} px, {st['images']} images, colourfulness weight {log.run['cf_weight']:g}, "
          f"{st['seconds']/60:.0f} min on {log.machine}; scored on {len(files)} {'validation' if a.valid else 'tuning'} photos at the default render factor in {time.perf_counter()-t:.0f} s")
    print(md_table(tab))

if __name__ == '__main__': main()
