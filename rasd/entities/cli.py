"""``rasd train-ner``: rebuild the NER model from the shared corpora."""

from __future__ import annotations

import json

import typer


def train_ner(
    out: str = typer.Option(None, help="where to write the model (default: rasd/data/models/ner.crfsuite)"),
    shared: str = typer.Option(None, help="the ner corpora folder (default: ../shared/data/ner)"),
    extra: bool = typer.Option(False, help="also train on the Wiki-NER and Wojood train splits"),
    holdout: bool = typer.Option(False, help="train on 90% of ANERcorp train, score on the held-out tenth"),
    holdout_tenth: int = typer.Option(9, help="which tenth of ANERcorp train --holdout keeps apart (0-9)"),
    no_kb: bool = typer.Option(False, help="train without knowledge-base gazetteer features"),
    c1: float = typer.Option(0.15, help="L1 regularization"),
    c2: float = typer.Option(0.01, help="L2 regularization"),
    iterations: int = typer.Option(150, help="L-BFGS iterations"),
    bilou: bool = typer.Option(False, help="train with BILOU labels instead of BIO"),
    kb_dropout: float = typer.Option(0.0, help="share of training sentences seen without KB features"),
    charnet: bool = typer.Option(
        False,
        help="also train the character network whose label probabilities are CRF features (needs torch)",
    ),
    charnet_folds: int = typer.Option(4, help="jackknife folds of the character network's training features"),
    charnet_extra: bool = typer.Option(
        False, help="the character network also learns from Wiki-NER and Wojood"
    ),
    charnet_epochs: int = typer.Option(0, help="the character network's epochs (0: the shipped setting)"),
    charnet_context: bool = typer.Option(
        False, help="the CRF also reads the network's probabilities of the words before and after"
    ),
    charnet_cache: str = typer.Option(
        None, help="a folder keeping the character network and its jackknifed features for a rerun"
    ),
    self_train: float = typer.Option(
        0.0,
        help="retrain with the Wiki-NER and Wojood train text as the model tags it, sentences labelled with"
        " at least this probability (0: off)",
    ),
) -> None:
    """Train the entity recognizer (a CRF) reproducibly from ANERcorp train (never a test split)."""
    from .train import train

    summary = train(
        out=out,
        shared=shared,
        extra=extra,
        holdout=holdout,
        holdout_tenth=max(0, min(9, holdout_tenth)),
        use_kb=not no_kb,
        c1=c1,
        c2=c2,
        iterations=iterations,
        bilou=bilou,
        kb_dropout=kb_dropout,
        charnet=charnet,
        charnet_folds=max(2, charnet_folds),
        charnet_extra=charnet_extra,
        charnet_params={"epochs": charnet_epochs} if charnet_epochs > 0 else None,
        charnet_cache=charnet_cache,
        charnet_window=(-1, 1) if charnet_context else (),
        self_train=self_train,
    )
    typer.echo(json.dumps(summary, ensure_ascii=False, indent=1))
