"""Training throughput in images per second, in one process and in several (`torchrun`: DistributedDataParallel).

The photos are ../shared/datasets/photos/train written once as tar shards into a temporary folder and streamed
(`deoldify.distributed`), as `deoldify train SHARDS` reads them. Each run trains the Lite0 generator with hints, as
`train_generator` does, for two epochs of `--images` photos at `--size` px, batch `--bs` per process; the
second epoch's training phase is timed (the first warms up). One process uses all of torch's threads; under
torchrun each of N processes gets one (torchrun's default), so on a CPU the runs share the same cores.
On GPUs, one process per GPU.

    python benchmarks/distributed.py [--procs 1 2] [--size 96] [--bs 8] [--images 192]
"""
import argparse, json, subprocess, sys, tempfile, time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

def child(index, size, bs, images):
    import torch
    from fastai.vision.all import Callback, rank_distrib, num_distrib, distrib_barrier
    from fastai.distributed import teardown_distrib
    from deoldify.distributed import stream_dls, distributed
    from deoldify.train import generator_learner, StreamEpochs
    class Clock(Callback):
        def before_train(self): self.t = time.perf_counter()
        def after_train(self): self.secs = getattr(self, 'secs', []) + [time.perf_counter() - self.t]
    learn = generator_learner(stream_dls(index, size, bs, n=images), hints=True)
    clock = Clock()
    with distributed(learn), learn.no_logging(), learn.no_bar(): learn.fit(2, 1e-3, cbs=[clock, StreamEpochs()])
    if rank_distrib() == 0:
        print(json.dumps(dict(processes=max(1, num_distrib()), threads=torch.get_num_threads(), seconds=round(clock.secs[-1], 2),
                              images_per_s=round(images/clock.secs[-1], 2))))
    distrib_barrier(); teardown_distrib()

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--procs', type=int, nargs='+', default=[1, 2])
    ap.add_argument('--size', type=int, default=96)
    ap.add_argument('--bs', type=int, default=8)
    ap.add_argument('--images', type=int, default=192, help='photos per epoch, all processes together')
    ap.add_argument('--child', help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child: return child(a.child, a.size, a.bs, a.images)
    import torch
    from deoldify.distributed import write_shards
    from deoldify.core import machine
    gpus = torch.cuda.device_count()
    print(f"{machine()}, {gpus} GPUs; Lite0 generator with hints, "
          f"{a.size} px crops, batch {a.bs} per process, {a.images} photos per epoch")
    with tempfile.TemporaryDirectory() as d:
        index = write_shards(REPO.parent/'shared/datasets/photos/train', d, per_shard=32, held_out=('tuxpaint-data',), n_valid=8)
        for n in a.procs:
            launch = [sys.executable] if n == 1 else [sys.executable, '-m', 'torch.distributed.run', '--nproc_per_node', str(n), '--standalone']
            r = subprocess.run([*launch, __file__, '--child', str(index), '--size', str(a.size), '--bs', str(a.bs), '--images', str(a.images)],
                               capture_output=True, text=True)
            if r.returncode: sys.exit(f"{n} processes failed: {(r.stderr.strip().splitlines() or ['no message'])[-1]}")
            res = json.loads(next(l for l in r.stdout.splitlines() if l.startswith('{')))
            print(f"{res['processes']} process(es) x {res['threads']} thread(s): {res['images_per_s']} images/s ({res['seconds']} s an epoch)")

if __name__ == '__main__': main()
