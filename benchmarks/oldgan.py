"""An adversarial fine-tune on genuine old photos as unpaired inputs: does it make the model surer of them?

The generator keeps learning from modern pairs (grey input degraded by `deoldify.degrade.old_photo`, colour truth,
the stage-1 perceptual + L1 loss, weight `--feat`), and also colours crops of genuine old photos, which have no truth:
a patch critic (`deoldify.critic.critic`) learns to tell its colours on them from the true colours of modern photos,
and the generator is pushed (weight `--adv`) to make them indistinguishable. Both sides carry an old photo's luminance
(the real ones get their degraded input's), so the critic can only judge colour. The old photos are split by name:
the even-numbered half trains, the odd-numbered half is only measured. Critic pretraining, then alternating steps,
TTUR (critic lr = `--ttur` × generator lr), Adam β₁ = 0; a checkpoint every `--every` generator steps. Each checkpoint is
measured at the init's chroma gain: the CF ratio on the held-out half of the old photos (`domain_gap`) and PSNR/ΔCF on
100 tuning photos (held-out sources, outside the validation list). Prints the table with the machine and settings.

    python benchmarks/oldgan.py INIT.safetensors WORK_DIR [--steps 300] [--size 160] [--bs 8] [--adv 1] [--feat 0.5]
"""
import argparse, json, random, time
from pathlib import Path
import numpy as np, torch
from PIL import Image
from deoldify.core import chroma_gain, load_image, machine, md_table, weights_meta
from deoldify.critic import critic, patch_bce
from deoldify.data import colorize_dls, source_split
from deoldify.inference import Colorizer
from deoldify.loss import FeatureLoss, with_luma
from deoldify.metrics import domain_gap, evaluate
from deoldify.models import load_generator, save_generator
from deoldify.recipe import Recipe
from deoldify.train import tuning_files, valid_files

REPO = Path(__file__).resolve().parent.parent

def old_crops(files, size:int, bs:int, rng):
    "Endless batches of random grey crops (B×3×size×size in [0,1]) of `files`, each first brought to a short side of 1-1.6 × 256/160 × `size`"
    ims = [load_image(f).convert('L') for f in files]
    while True:
        xs = []
        for im in (ims[i] for i in rng.integers(len(ims), size=bs)):
            k = size*256/160*rng.uniform(1, 1.6)/min(im.size)  # the scale the model renders them at, and a little larger
            im = im.resize((max(size, round(im.width*k)), max(size, round(im.height*k))), Image.BICUBIC)
            x,y = rng.integers(im.width-size+1), rng.integers(im.height-size+1)
            a = np.asarray(im.crop((x, y, x+size, y+size)), np.float32)/255
            xs.append(np.repeat((a[:, ::-1] if rng.random() < .5 else a)[None], 3, 0))
        yield torch.from_numpy(np.stack(xs))

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('init'); ap.add_argument('work')
    ap.add_argument('--steps', type=int, default=300, help='generator steps')
    ap.add_argument('--crit-steps', type=int, default=150, help='critic pretraining steps')
    ap.add_argument('--size', type=int, default=160); ap.add_argument('--bs', type=int, default=8)
    ap.add_argument('--adv', type=float, default=1.); ap.add_argument('--feat', type=float, default=0.5)
    ap.add_argument('--lr', type=float, default=5e-5); ap.add_argument('--ttur', type=float, default=4.)
    ap.add_argument('--every', type=int, default=50)
    ap.add_argument('--n', type=int, default=100, help='tuning photos and validation photos the checkpoints are measured on')
    ap.add_argument('--root', default=str(REPO.parent/'shared'), help="the data root (holding datasets/...)")
    a = ap.parse_args()
    work = Path(a.work); work.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(0); random.seed(0); rng = np.random.default_rng(0)
    log = Recipe.read(a.init); root = Path(a.root)
    train,_ = source_split([root/d for d in log.data], log.held_out, log.n_valid)
    olds = sorted((root/'datasets/oldphotos').glob('*.jpg'))
    dl = colorize_dls(train, a.size, a.bs, valid=train[:a.bs]).train
    old = old_crops(olds[::2], a.size, a.bs, rng)
    gen, crit, floss = load_generator(a.init).train(), critic(64), FeatureLoss()
    og = torch.optim.Adam(gen.parameters(), a.lr, betas=(0., .99))
    oc = torch.optim.Adam(crit.parameters(), a.lr*a.ttur, betas=(0., .99))
    def batches():
        while True: yield from dl
    pairs = batches()
    def crit_step():
        x,y = next(pairs); xo = next(old)
        with torch.no_grad(): fake = with_luma(gen(xo), xo)
        real = with_luma(torch.as_tensor(y).as_subclass(torch.Tensor), torch.as_tensor(x).as_subclass(torch.Tensor))  # true colour, degraded luminance
        loss = (patch_bce(crit(real), torch.ones(len(real))) + patch_bce(crit(fake), torch.zeros(len(fake))))/2
        oc.zero_grad(); loss.backward(); oc.step()
        return loss.item()
    t0 = time.time(); hist = []
    for i in range(a.crit_steps): hist.append(('critic', crit_step()))
    ckpts = []
    for i in range(1, a.steps+1):
        hist.append(('critic', crit_step()))
        x,y = next(pairs); xo = next(old)
        x,y = (torch.as_tensor(o).as_subclass(torch.Tensor) for o in (x,y))
        fake = with_luma(gen(xo), xo)
        adv, feat = patch_bce(crit(fake), torch.ones(len(fake))), floss(gen(x), y)
        loss = a.adv*adv + a.feat*feat
        og.zero_grad(); loss.backward(); og.step()
        hist.append(('gen', adv.item(), feat.item()))
        if i % a.every == 0:
            ckpts.append(save_generator(gen.eval(), work/f'step-{i:04d}.safetensors', recipe=log.to_json(), chroma=chroma_gain(weights_meta(a.init))))
            gen.train()
            print(f"step {i}: critic {np.mean([h[1] for h in hist[-2*a.every:] if h[0]=='critic']):.3f}, "
                  f"adv {np.mean([h[1] for h in hist[-2*a.every:] if h[0]=='gen']):.3f}, feat {np.mean([h[2] for h in hist[-2*a.every:] if h[0]=='gen']):.3f}, {time.time()-t0:.0f} s", flush=True)
    (work/'log.json').write_text(json.dumps(dict(args=vars(a), hist=hist)))
    g = chroma_gain(weights_meta(a.init))
    clrs = {'init': Colorizer(load_generator(a.init), chroma=g)} | {f.stem: Colorizer(load_generator(f), chroma=g) for f in ckpts}
    valid = valid_files(log, root)
    gap = domain_gap(clrs, olds[1::2], valid[::len(valid)//a.n][:a.n])
    tab = evaluate(clrs, tuning_files(log, root, a.n)).drop('truth')
    print(f"{machine()}; {a.steps} generator steps at {a.size} px, batch {a.bs}, adv {a.adv}, feat {a.feat}, lr {a.lr:g}, TTUR ×{a.ttur}, "
          f"{time.time()-t0:.0f} s; gap on the {len(olds[1::2])} held-out old photos vs {a.n} validation photos; PSNR and ΔCF on {a.n} tuning photos; chroma ×{g:g}")
    print(md_table(gap.join(tab[['PSNR', 'ΔCF', 'Fréchet-Lite']])))

if __name__ == '__main__': main()
