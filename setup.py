"""Packs the shipped knowledge base (data/) and templates into the wheel as wijkmodulen/_kb."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithKnowledgeBase(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "wijkmodulen" / "_kb"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(ROOT / "data", target)


setup(cmdclass={"build_py": BuildWithKnowledgeBase})
