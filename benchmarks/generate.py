"""Synthetic partnership graphs of the same shape as the seeds, at any size, for the benchmarks.

The generator makes seed records (organisations, people, products, technologies, sources; agreements with
2-7 parties, GPU allocations with shares, investments, supply deals, positions; English and Korean labels;
one or two citations per fact) and turns them into quads with the real builder (kg.graph.seed_quads), so
the shape is the seeds' by construction. It can also write them as seed YAML for `kg build`.

    python benchmarks/generate.py --triples 1000000 -o /tmp/kg-1m.nq
    python benchmarks/generate.py --triples 10000 --yaml /tmp/seeds-10k
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.seeds import Citation, Record, Seeds  # noqa: E402

SYLLABLES = "가나다라마바사아자차카타파하고노도로모보소오조코토포호기니디리미비시이지치키티피히"
ORG_TYPES = [("Company", 60), ("GovernmentBody", 8), ("PublicResearchInstitute", 6), ("University", 6),
             ("InvestmentFirm", 10), ("Alliance", 5), ("IndustryAssociation", 5)]
AGREEMENT_TYPES = ["mou", "joint-venture", "joint-research", "cooperation"]
TRIPLES_PER_ORG = 78  # measured average of the output below, used to size a graph


def korean(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n))


def _entity(ident: str, kind: str, en: str, ko: str, **values) -> Record:
    return Record(ident, kind, {"label": {"en": en, "ko": ko}, **values}, "generated", 0)


def synthetic_seeds(organisations: int, seed: int = 0) -> Seeds:
    """A partnership graph with the given number of organisations and about three facts per organisation."""
    rng = random.Random(seed)
    entities: dict[str, Record] = {}
    sources: dict[str, Record] = {}
    facts: dict[str, Record] = {}

    def add(record: Record, into: dict) -> str:
        into[record.id] = record
        return record.id

    publishers = [add(_entity(f"publisher-{i}", "NewsPublisher", f"Publisher {i}", korean(rng, 3) + "일보"), entities)
                  for i in range(max(3, organisations // 500))]
    for i in range(max(5, organisations // 50)):
        ident = "news1-20251031" if i == 0 else f"source-{i}"
        sources[ident] = Record(ident, "source", {
            "publisher": rng.choice(publishers), "label": {"en": f"Article {i}", "ko": f"기사 {i}"},
            "date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "language": "ko",
            "file": f"article-{i}.txt"}, "generated", 0)
    source_ids = list(sources)
    kinds = [k for k, w in ORG_TYPES for _ in range(w)]
    # The first organisations take the ids the named queries default to, so every query has work to do.
    named = {0: ("nvidia", "Company"), 1: ("hyundai-motor-group", "Company"), 2: ("lg-uplus", "Company"),
             3: ("korea-government", "GovernmentBody")}
    orgs = [add(_entity(named.get(i, (f"org-{i}",))[0], named.get(i, (None, rng.choice(kinds)))[1],
                        f"Organisation {i}", korean(rng, 4), aliases=[f"Org{i}"]), entities)
            for i in range(organisations)]
    suppliers = orgs[: max(2, organisations // 100)]
    people = [add(_entity(f"person-{i}", "Person", f"Person {i}", korean(rng, 3)), entities)
              for i in range(max(1, organisations // 2))]
    roles = [add(_entity(f"role-{i}", "Role", f"Role {i}", f"직책 {i}"), entities) for i in range(10)]
    gpus = [add(_entity(f"gpu-{i}", "GPUModel", f"GPU {i}", f"GPU {i}"), entities) for i in range(5)]
    memory = [add(_entity(f"memory-{i}", "MemoryProduct", f"Memory {i}", f"메모리 {i}"), entities) for i in range(5)]
    topics = [add(_entity(f"topic-{i}", "Technology", f"Topic {i}", f"기술 {i}"), entities) for i in range(20)]

    def cites() -> list[Citation]:
        return [Citation(s, (rng.randint(1, 40),), "generated claim", "generated", 0)
                for s in rng.sample(source_ids, rng.choice((1, 1, 2)))]

    def fact(ident: str, kind: str, **values) -> None:
        facts[ident] = Record(ident, kind, values, "generated", 0, cites())

    date = lambda: f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"  # noqa: E731
    for i in range(organisations):
        parties = rng.sample(orgs, rng.randint(2, 7))
        if i % 4 == 0 and "nvidia" not in parties:  # a hub, as NVIDIA is in the seeds
            parties[0] = "nvidia"
        fact(f"agreement-{i}", "agreement", type=rng.choice(AGREEMENT_TYPES),
             parties=parties, status="signed", date=date(), topics=rng.sample(topics, 2))
        if i % 50 == 0:
            fact(f"target-{i}", "gpu-target", set_by="korea-government", gpus=rng.randint(1, 300) * 1000,
                 by_year=2025 + (i // 50) % 6, qualifier="at-least")
        if i % 3 == 0:
            total = f"allocation-{i}"
            fact(total, "gpu-allocation", supplier=rng.choice(suppliers[:3]), recipient=rng.choice(orgs),
                 gpus=rng.randint(1, 100) * 1000, qualifier="at-least", models=[rng.choice(gpus)])
            for j in range(2):
                fact(f"allocation-{i}-{j}", "gpu-allocation", supplier=facts[total].values["supplier"],
                     recipient=rng.choice(orgs), gpus=rng.randint(1, 50) * 1000, part_of=total)
        if i % 3 == 1:
            fact(f"investment-{i}", "investment", investors=rng.sample(orgs, rng.randint(1, 2)),
                 target=rng.choice(orgs), amount=rng.randint(1, 500) * 10**7, currency=rng.choice(["USD", "KRW"]))
        if i % 3 == 2:
            fact(f"supply-{i}", "supply", supplier=rng.choice(orgs), customer=rng.choice(suppliers),
                 products=[rng.choice(memory)], status="ongoing")
        if i % 2 == 0:
            fact(f"position-{i}", "position", person=rng.choice(people), organisation=orgs[i], role=rng.choice(roles))
    return Seeds(root=Path("generated"), sources=sources, entities=entities, facts=facts)


def organisations_for(triples: int) -> int:
    return max(10, round(triples / TRIPLES_PER_ORG))


def write_nquads(seeds: Seeds, path: Path) -> int:
    """Stream the graph as N-Quads (not sorted: a benchmark input, not an export). Returns the quad count."""
    from rdflib.plugins.serializers.nt import _nt_row

    from kg.graph import seed_quads

    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for s, p, o, g in seed_quads(seeds):
            out.write(_nt_row((s, p, o))[:-2] + f"<{g}> .\n")
            count += 1
    return count


def write_seed_yaml(seeds: Seeds, folder: Path) -> None:
    """Write the records as seed files that `kg build` reads."""
    import yaml

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "facts").mkdir(exist_ok=True)
    dump = lambda data, path: path.write_text(  # noqa: E731
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    dump({"sources": [{"id": r.id, **r.values} for r in seeds.sources.values()]}, folder / "sources.yaml")
    dump({"entities": [{"id": r.id, "type": r.kind, **r.values} for r in seeds.entities.values()]},
         folder / "entities.yaml")
    by_source: dict[str, list] = {s: [] for s in seeds.sources}
    for record in seeds.facts.values():
        first, *others = record.citations
        by_source[first.source].append({"id": record.id, "kind": record.kind, **record.values,
                                        "para": list(first.paras), "note": first.note})
        for c in others:
            by_source[c.source].append({"cite": record.id, "para": list(c.paras), "note": c.note})
    for source, entries in by_source.items():
        dump({"source": source, "facts": entries}, folder / "facts" / f"{source}.yaml")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, required=True, help="approximate size of the graph")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, help="write N-Quads here")
    parser.add_argument("--yaml", type=Path, help="write seed files into this folder")
    args = parser.parse_args()
    seeds = synthetic_seeds(organisations_for(args.triples), args.seed)
    if args.output:
        print(f"{write_nquads(seeds, args.output)} quads -> {args.output}")
    if args.yaml:
        write_seed_yaml(seeds, args.yaml)
        print(f"seed files -> {args.yaml}")


if __name__ == "__main__":
    main()
