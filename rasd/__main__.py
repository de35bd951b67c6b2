"""``python -m rasd`` runs the same command line as ``rasd``."""

from .cli import main

main()
