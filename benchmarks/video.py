"""Flicker and speed of `colorize_video`: each frame on its own vs stabilised, on two films.

1. A film made from a held-out photo (the shipped model's first validation photo, a source it never saw):
   a slow pan and zoom, grey, with film grain, so its true colours are known: flicker and PSNR vs the truth.
2. A real film, if given (`--real`; default: OpenCV's vtest.avi, pedestrians in front of a still camera,
   from Debian's opencv-doc package, `apt-get install opencv-doc`): flicker.

Flicker is `deoldify.video.chroma_flicker`: the mean absolute chroma change between consecutive frames over
the pixels whose luminance did not change. Frames per second are the whole command's (decode, colorize,
stabilise, encode), at the default render factor unless `--render-factor`.

`--profile` says where a stabilised run's time goes, on each film: decoding (reading frames), the model (its guess at
render size), the optical flow and blending (`ChromaStabilizer`), the luminance merge at full size, and the rest (encoding
and writing the chunks, joining them with the sound), each timed around the call in the same run.

`--batch N` runs the model on N frames at once, a batch ahead of the rest (`colorize_video`'s `batch`: a GPU's way;
the profile is of one frame at a time).

    python benchmarks/video.py [--frames 96] [--render-factor N] [--real FILM] [--profile] [--device cuda] [--batch 16]
"""
import argparse, collections, tempfile, time
from pathlib import Path
import numpy as np
from deoldify.core import machine
from deoldify.inference import load_colorizer, model_path
from deoldify.metrics import psnr
from deoldify.recipe import Recipe
from deoldify.train import valid_files
from deoldify.video import colorize_video, chroma_flicker, pan_frames, read_frames, write_clip

REPO = Path(__file__).resolve().parent.parent

def run(clr, film, dest, smooth, batch=None):
    t = time.perf_counter()
    colorize_video(film, dest, clr, smooth=smooth, show_progress=False, batch=batch)
    frames = read_frames(dest)
    return frames, len(frames)/(time.perf_counter()-t)

def profiled(clr, film, dest) -> dict:
    "Milliseconds per frame in each stage of one stabilised `colorize_video` run (see above)"
    import deoldify.video as V
    spent, n = collections.Counter(), [0]
    def timed(name, f):
        def g(*a, **k):
            t = time.perf_counter()
            try: return f(*a, **k)
            finally: spent[name] += time.perf_counter() - t
        return g
    def frames(*a, **k):
        it = real_frames(*a, **k)
        while True:
            t = time.perf_counter()
            try: o = next(it)
            except StopIteration: return
            finally: spent['decode'] += time.perf_counter() - t
            n[0] += 1; yield o
    real_frames, real_merge, real_stab, real_guess = V.video_frames, V.merge_luminance, V.ChromaStabilizer.__call__, clr.guess
    V.video_frames, V.merge_luminance, V.ChromaStabilizer.__call__, clr.guess = frames, timed('merge', real_merge), timed('flow', real_stab), timed('model', real_guess)
    try:
        t = time.perf_counter(); colorize_video(film, dest, clr, smooth=True, show_progress=False, batch=1); total = time.perf_counter() - t
    finally: V.video_frames, V.merge_luminance, V.ChromaStabilizer.__call__ = real_frames, real_merge, real_stab; del clr.guess
    spent['rest (encode, write, join)'] = total - sum(spent.values())
    return {k: 1000*v/n[0] for k,v in spent.items()} | {'total': 1000*total/n[0]}

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--frames', type=int, default=96, help="length of the film made from a photo")
    ap.add_argument('--render-factor', type=int, default=None)
    ap.add_argument('--real', default='/usr/share/doc/opencv-doc/examples/data/vtest.avi')
    ap.add_argument('--real-frames', type=int, default=120, help='first frames of the real film used')
    ap.add_argument('--root', default=str(REPO.parent/'shared'), help="the recipe's data root (holding datasets/...)")
    ap.add_argument('--profile', action='store_true', help='only: milliseconds per frame in each stage of a stabilised run')
    ap.add_argument('--device', help="the model's device, e.g. cuda (default: the GPU if torch sees one)")
    ap.add_argument('--batch', type=int, help="frames per run of the model (default: colorize_video's, 16 on a GPU, 1 on the CPU)")
    a = ap.parse_args()
    clr = load_colorizer('default', a.render_factor, device=a.device)
    tmp = Path(tempfile.mkdtemp())
    photo = valid_files(Recipe.read(model_path()), a.root)[0]
    print(f"{machine()}; "
          f"model {clr.name} on {clr.device}, render factor {clr.render_factor}, batch {a.batch or 'default'}")
    truth = pan_frames(photo, a.frames, size=(320, 240))
    films = {f'{photo.name}: pan and zoom, {a.frames} frames 320×240, grain 4': (write_clip(truth, tmp/'pan.mp4', grain=4), truth)}
    if Path(a.real).exists():
        import av
        with av.open(a.real) as c: fr = [f.to_image() for _,f in zip(range(a.real_frames), c.decode(video=0))]
        films[f'{Path(a.real).name}: first {len(fr)} frames {fr[0].width}×{fr[0].height}'] = (write_clip(fr, tmp/'real.mp4', fps=10, audio=None), None)
    else: print(f"{a.real}: not there, real film skipped")
    if a.profile:
        rows = {name: profiled(clr, film, tmp/f'prof{i}.mp4') for i,(name,(film,_)) in enumerate(films.items())}
        keys = list(next(iter(rows.values())))
        print("milliseconds per frame, stabilised run\n\n| film | " + " | ".join(keys) + " |\n|---|" + "---|"*len(keys))
        for name,r in rows.items(): print(f"| {name} | " + " | ".join(f"{r[k]:.1f}" for k in keys) + " |")
        return
    print("| film | per frame: flicker | stabilised: flicker | ratio | per frame: PSNR | stabilised: PSNR | frames/s (stabilised) |")
    print("|---|---|---|---|---|---|---|")
    for name,(film,tr) in films.items():
        (per,_),(st,fps) = run(clr, film, tmp/'per.mp4', False, a.batch), run(clr, film, tmp/'st.mp4', True, a.batch)
        f0,f1 = chroma_flicker(per), chroma_flicker(st)
        q = [f"{np.mean([psnr(o, t) for o,t in zip(fs, tr)]):.2f}" if tr else '—' for fs in (per, st)]
        print(f"| {name} | {f0:.3f} | {f1:.3f} | {f1/f0:.2f} | {q[0]} | {q[1]} | {fps:.1f} |")
        for o in ('per.mp4', 'st.mp4'): (tmp/o).unlink()

if __name__ == '__main__': main()
