from configparser import ConfigParser
import setuptools, shlex

# note: all settings are in settings.ini; edit there, not here
config = ConfigParser(delimiters=['='])
config.read('settings.ini', encoding='utf-8')
cfg = config['DEFAULT']

cfg_keys = 'version description keywords author author_email'.split()
expected = cfg_keys + "lib_name user branch license status min_python audience language".split()
for o in expected: assert o in cfg, "missing expected setting: {}".format(o)
setup_cfg = {o:cfg[o] for o in cfg_keys}

licenses = {
    'apache2': ('Apache Software License 2.0','OSI Approved :: Apache Software License'),
    'mit': ('MIT', None),  # an SPDX expression: setuptools deprecates license classifiers
    'gpl2': ('GNU General Public License v2', 'OSI Approved :: GNU General Public License v2 (GPLv2)'),
    'gpl3': ('GNU General Public License v3', 'OSI Approved :: GNU General Public License v3 (GPLv3)'),
    'bsd3': ('BSD License', 'OSI Approved :: BSD License'),
}
statuses = [ '1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable', '6 - Mature', '7 - Inactive' ]
py_versions = '3.10 3.11 3.12'.split()

requirements = shlex.split(cfg.get('requirements', ''))
dev_requirements = shlex.split(cfg.get('dev_requirements', ''))
onnx_requirements = shlex.split(cfg.get('onnx_requirements', ''))
torch_requirements = shlex.split(cfg.get('torch_requirements', ''))
notebook_requirements = shlex.split(cfg.get('notebook_requirements', ''))
serve_requirements = shlex.split(cfg.get('serve_requirements', ''))
cluster_requirements = shlex.split(cfg.get('cluster_requirements', ''))
min_python = cfg['min_python']
lic = licenses.get(cfg['license'].lower(), (cfg['license'], None))

setuptools.setup(
    name = cfg['lib_name'],
    license = lic[0],
    classifiers = [
        'Development Status :: ' + statuses[int(cfg['status'])],
        'Intended Audience :: ' + cfg['audience'].title(),
        'Natural Language :: ' + cfg['language'].title(),
    ] + ['Programming Language :: Python :: '+o for o in py_versions[py_versions.index(min_python):]] + (['License :: ' + lic[1] ] if lic[1] else []),
    url = cfg['git_url'],
    # the shipped weights (`models/`, beside the notebooks) travel inside the package as `deoldify/weights`
    # and four test photos, `deoldify.core.example_photo`'s, as `deoldify/photos`
    packages = setuptools.find_packages(include=['deoldify']) + ['deoldify.weights', 'deoldify.photos'],
    package_dir = {'deoldify.weights': 'models', 'deoldify.photos': 'test_images'},
    package_data = {'deoldify.weights': ['*.safetensors', '*.onnx', '*.md'],  # .onnx: the graphs ONNX Runtime fills with the weights
                    'deoldify.photos': ['camera.png', 'astronaut.png', 'chelsea.png', 'coffee.png', 'LICENSES.md']},
    install_requires = requirements,
    # the base install colorizes with ONNX Runtime; `torch` adds PyTorch and fastai (GPUs, training, DeOldify's weights, defade),
    # `notebook` the widget and matplotlib's before/after, `serve` the widget as a web page (Voilà), `cluster` Dask
    extras_require={ 'torch': torch_requirements, 'onnx': onnx_requirements, 'notebook': notebook_requirements,
                     'serve': notebook_requirements + serve_requirements, 'cluster': cluster_requirements,
                     'dev': torch_requirements + notebook_requirements + serve_requirements + cluster_requirements + dev_requirements },
    python_requires  = '>=' + cfg['min_python'],
    long_description = open('README.md', encoding='utf-8').read(),
    long_description_content_type = 'text/markdown',
    zip_safe = False,
    entry_points = {
        'console_scripts': cfg.get('console_scripts','').split(),
        'nbdev': [f'{cfg.get("lib_path")}={cfg.get("lib_path")}._modidx:d']
    },
    **setup_cfg)
