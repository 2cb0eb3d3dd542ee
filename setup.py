"""Packs the shipped knowledge base (data/) and the handbook templates (templates/) into the wheel,
as wijkmodulen/_kb and wijkmodulen/_templates."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
PACKED = {"data": "_kb", "templates": "_templates"}


class BuildWithKnowledgeBase(build_py):
    def run(self) -> None:
        super().run()
        for source, name in PACKED.items():
            target = Path(self.build_lib) / "wijkmodulen" / name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(ROOT / source, target)


setup(cmdclass={"build_py": BuildWithKnowledgeBase})
