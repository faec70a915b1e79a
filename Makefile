# Two commands do all the set-up: `make demo` and `make test` (see README).
SHELL := /bin/bash
PY ?= python3
VENV := .venv
# the commits of the models the colour benchmark compares with: the one shipped before the GPU-trained model, and the GPU + GAN model
PREVIOUS ?= 93c78d1
PREVIOUS_GAN ?= 7e50a6c
BIN := $(VENV)/bin

.PHONY: demo test browser-test wheel-check bench bench-defade bench-video bench-colour bench-oldphotos bench-hints bench-encoders bench-original bench-auto bench-large bench-distributed bench-archive readme venv clean

venv: $(VENV)/.installed

# Re-install whenever the pins or the package metadata change; the package asks for ranges, constraints.txt pins them.
$(VENV)/.installed: settings.ini setup.py constraints.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]" -c constraints.txt
	touch $@

demo: venv
	$(BIN)/deoldify colorize test_images --out result_images
	@echo "Colorized photos are in $(CURDIR)/result_images"

# README.md is generated from nbs/index.ipynb (nbdev_readme needs quarto, which cannot be installed here);
# its pictures in images/ are rendered by the shipped model
readme: venv
	cd nbs && DEOLDIFY_PICTURES=write OMP_NUM_THREADS=1 ../$(BIN)/nbdev_test --path index.ipynb
	DEOLDIFY_PICTURES=write $(BIN)/python .ci/browser.py
	$(BIN)/python .ci/readme.py

bench: venv
	$(BIN)/deoldify benchmark

# colour on the held-out sources: the shipped model's card regenerated beside the grey copy and the previous models
bench-colour: venv
	git show $(PREVIOUS):models/deoldify-lite0.safetensors > .previous.safetensors
	git show $(PREVIOUS_GAN):models/deoldify-lite0.safetensors > .previous-gan.safetensors
	$(BIN)/python benchmarks/colour.py --compare 'previous shipped model (commit $(PREVIOUS))=.previous.safetensors' \
	  --compare 'previous shipped model (commit $(PREVIOUS_GAN), GAN stage)=.previous-gan.safetensors'

# colour on the 218 genuine old photos vs grey copies of the validation photos (the domain gap), with and without calm_grain: the card's section and a contact sheet
bench-oldphotos: venv
	$(BIN)/python benchmarks/oldphotos.py --card --raw

# flicker (per frame vs stabilised), PSNR and frames/s on a film made from a held-out photo and on OpenCV's vtest.avi (Debian's opencv-doc)
bench-video: venv
	$(BIN)/python benchmarks/video.py

# defade vs Pillow autocontrast/equalize and OpenCV CLAHE on aged held-out photos (rewrites the restorer's card), and its speed
bench-defade: venv
	$(BIN)/python benchmarks/defade.py

# PSNR with 0, 1, 5, 10, 20 colour hints sampled from the truth, on the shipped model's held-out photos
bench-hints: venv
	$(BIN)/python benchmarks/hints.py

# EfficientNet-Lite0/1/2 generators: seconds per 1 MP photo, parameters, file size
bench-encoders: venv
	$(BIN)/python benchmarks/encoders.py

# DeOldify's generators (synthetic weights from ../shared/compat): eager vs fast paths, speed, memory, output difference
bench-original: venv
	$(BIN)/python benchmarks/original.py

# peak memory and time for a 24-megapixel photo at render factor 35, and its result against a small one's
bench-large: venv
	$(BIN)/python benchmarks/large.py

# photos/s of `deoldify colorize` on 200 genuine old photos of mixed sizes: the model alone (its ceiling), then the command before workers, one worker and one per CPU, in turns; peak memory
bench-archive: venv
	$(BIN)/python benchmarks/archive.py --ceiling --before c93ee62 --repeats 2

# training images/s in one process and in two under torchrun (DistributedDataParallel; gloo on a CPU)
bench-distributed: venv
	$(BIN)/python benchmarks/distributed.py

# render_factor='auto' vs the fixed default on the shipped model's validation photos
bench-auto: venv
	$(BIN)/python benchmarks/auto_render_factor.py

# Notebooks are the source: exporting them must leave deoldify/ exactly as committed. The tests run with ../shared (this
# workplace's data, which a user's clone does not have) out of bounds: .ci/guard fails any read of it.
# Every temporary file the notebooks and their subprocesses make goes into one folder, removed when the run ends
# (passed or failed), so repeated runs never fill the disk.
LIBSTATE = { git status --porcelain -- deoldify; git diff -- deoldify; cat $$(git ls-files --others --exclude-standard -- deoldify) /dev/null; } | md5sum
test: venv
	@before=$$($(LIBSTATE)); $(BIN)/nbdev_export; after=$$($(LIBSTATE)); [ "$$before" = "$$after" ] \
	  || { echo "nbdev_export changed deoldify/: notebooks and library are out of sync"; git status --short -- deoldify; exit 1; }
	$(BIN)/python .ci/readme.py --check
	$(BIN)/python .ci/import_cycles.py  # modules import only downward: prints the layers, fails on a cycle
	@set -o pipefail; rm -f .shared-reads.log; tmp=$$(mktemp -d /tmp/deoldify-test.XXXXXX); trap 'rm -rf "$$tmp"' EXIT; \
	  TMPDIR=$$tmp DEOLDIFY_NO_READ=$(abspath $(CURDIR)/../shared) DEOLDIFY_NO_READ_LOG=$(CURDIR)/.shared-reads.log PYTHONPATH=$(CURDIR)/.ci/guard \
	  OMP_NUM_THREADS=1 $(BIN)/nbdev_test --n_workers 2 --do_print 2>&1 | tee .test.log; rc=$$?; \
	  n=$$(grep -o 'Starting /' .test.log | wc -l); \
	  m=$$(sed -n '/^=====/,$$p' .test.log | grep -c '^	'); \
	  echo "$$((n-m)) passed, $$m failed"; \
	  if [ -s .shared-reads.log ]; then echo "tests read ../shared, which a user's clone does not have:"; sort -u .shared-reads.log | head -20; exit 1; fi; exit $$rc
	$(MAKE) --no-print-directory wheel-check
	$(MAKE) --no-print-directory browser-test

# `deoldify serve` in a real browser: Debian's Chromium (installed with apt-get where missing) driven by Playwright
# opens the page, colorizes, lets go of a slider, uploads, downloads (.ci/browser.py); its screenshots are removed after
browser-test: venv
	@tmp=$$(mktemp -d /tmp/deoldify-browser.XXXXXX); trap 'rm -rf "$$tmp"' EXIT; TMPDIR=$$tmp $(BIN)/python .ci/browser.py

# The wheel a user installs: built, installed into a fresh venv outside the repository with only the base install's
# dependencies (lent by .venv through a .pth file to a folder of links, so nothing is downloaded and torch is absent),
# then used there as a user would (.ci/wheel_check.py).
WHEEL_DIR := $(shell mktemp -d -u /tmp/deoldify-wheel.XXXXXX)
wheel-check: venv
	mkdir -p $(WHEEL_DIR)
	$(BIN)/pip wheel -q --no-deps --no-build-isolation -w $(WHEEL_DIR)/dist .
	$(BIN)/python -m venv --without-pip $(WHEEL_DIR)/venv
	$(BIN)/python .ci/base_site.py $(WHEEL_DIR)/site
	$(WHEEL_DIR)/venv/bin/python -c "import site,sys; open(site.getsitepackages()[0]+'/_deps.pth','w').write(sys.argv[1])" $(WHEEL_DIR)/site
	$(BIN)/pip --python $(WHEEL_DIR)/venv/bin/python install -q --no-deps $(WHEEL_DIR)/dist/*.whl
	cd $(WHEEL_DIR) && OMP_NUM_THREADS=1 venv/bin/python $(CURDIR)/.ci/wheel_check.py
	rm -rf $(WHEEL_DIR)

clean:
	rm -rf $(VENV) result_images .test.log
