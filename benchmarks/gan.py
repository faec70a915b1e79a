"""How much colour does a longer GAN stage buy, and at what PSNR: the GAN stage's checkpoints against a plain chroma gain.

Runs `deoldify.gan.train_gan` from STAGE1 at one size, its generator loss = adversarial + `--feat-weight` × (perceptual
+ L1) (DeOldify's `weights_gen=(1., 1.5)`: 1.5; the shipped GAN stage used 0.5, a relatively stronger adversarial
term, for 21 generator steps), keeping a checkpoint every `--every` generator steps
(a work folder that already holds `gan-log.json` is scored again, not retrained). Every checkpoint is then scored on
the tuning photos (`deoldify.train.tuning_files`: held-out sources, outside the validation list, so the card's
photos stay unseen) beside the grey copy, the stage-1 generator and every `--compare` model with its chroma
(YCbCr Cb, Cr) multiplied by each of `--gains` (`Colorizer(chroma=)`), the cheapest way to trade PSNR for colourfulness. Printed: the
table with machine and settings, and which rows meet the issue's targets on these photos (PSNR >= grey copy + 1.5 dB,
ΔCF <= 6, |cast| <= 2).

A checkpoint moves the quality frontier only if it beats the gain curve of the model it started from.

    python benchmarks/gan.py STAGE1 --work DIR [--feat-weight 1.5] [--size 192] [--photos 2000] [--epochs 6]
                             [--compare 'shipped=models/deoldify-lite0.safetensors'] [--gains 1 1.15 1.3]
"""
import argparse, time
from pathlib import Path
from deoldify.core import machine, md_table, to_gray
from deoldify.gan import train_gan
from deoldify.recipe import Recipe
from deoldify.inference import Colorizer
from deoldify.metrics import evaluate
from deoldify.models import load_generator
from frontier import gain_rows, held_out

REPO = Path(__file__).resolve().parent.parent

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('stage1', help='generator file to start from (written by train_generator)')
    ap.add_argument('--work', required=True, help="train_gan's working folder (checkpoints, gan-log.json)")
    ap.add_argument('--feat-weight', type=float, default=1.5, help="weight of the stage-1 loss next to the adversarial one (train_gan's feat_wgt)")
    ap.add_argument('--size', type=int, default=192)
    ap.add_argument('--photos', type=int, default=2000, help='training photos for the critic and the GAN phase')
    ap.add_argument('--epochs', type=int, default=6, help='GAN-phase epochs')
    ap.add_argument('--every', type=int, default=25, help='checkpoint every n generator steps')
    ap.add_argument('--compare', action='append', default=[], metavar='NAME=FILE', help='a generator to score at each gain')
    ap.add_argument('--gains', type=float, nargs='*', default=[1., 1.15, 1.3])
    ap.add_argument('--select', type=int, default=100, help='tuning photos the rows are scored on')
    ap.add_argument('--root', default=str(REPO.parent/'shared'), help="the recipe's data root (holding datasets/...)")
    a = ap.parse_args()
    work = Path(a.work)
    if not (work/'gan-log.json').exists():
        train_gan(a.stage1, work/'gan.safetensors', root=a.root, sizes=(a.size,), crit_epochs=(2,), gan_epochs=(a.epochs,), bss=(16,),
                  n_photos=a.photos, n_select=a.select, feat_wgt=a.feat_weight, every=a.every, work=work, card=False)
    log = Recipe.from_json((work/'gan-log.json').read_text(), str(work/'gan-log.json'))
    files = held_out(a.stage1, a.root, n=a.select)
    ms = {'grey copy': to_gray, 'stage 1': Colorizer(load_generator(a.stage1), chroma=1)}
    ms |= gain_rows(dict(c.split('=', 1) for c in a.compare), a.gains)
    ms |= {f: Colorizer(load_generator(work/'checkpoints'/f)) for st in log.stages for f in st['checkpoints']}
    t = time.perf_counter()
    tab = evaluate(ms, files)
    grey = tab.loc['grey copy', 'PSNR']
    met = {n: [k for k,ok in (('PSNR', r.PSNR >= grey+1.5), ('ΔCF', r['ΔCF'] <= 6),
                              ('cast', max(abs(r['cast a*']), abs(r['cast b*'])) <= 2)) if ok] for n,r in tab.drop('truth').iterrows()}
    st = log.stages[-1]
    print(f"{machine()}; "
          f"GAN stage from {Path(a.stage1).name}: {st['size']} px, {log.run['n_photos']} photos, stage-1 loss weight {log.run['feat_wgt']}, "
          f"{st['gen_steps']} generator / {st['critic_steps']} critic steps in {log.seconds/60:.0f} min on {log.machine}; "
          f"scored on {len(files)} tuning photos at the default render factor in {time.perf_counter()-t:.0f} s")
    print(md_table(tab))
    print(f'\nTargets met on these photos (PSNR >= {grey+1.5:.2f}, ΔCF <= 6, |cast| <= 2):')
    for n,m in met.items(): print(f'- {n}: {", ".join(m) or "none"}')

if __name__ == '__main__': main()
