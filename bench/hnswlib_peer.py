#!/usr/bin/env python3
"""hnswlib on the vectors the `hnsw` benchmark wrote, with the same parameters; prints one JSON object.

Inputs (little-endian): data.f32 and queries.f32 = int32 count, int32 dim, then count*dim float32 (L2-normalised);
truth.i64 = int32 count, int32 k, then count*k int64 exact neighbour ids. Installs Debian's python3-hnswlib
and python3-numpy when missing (run with /usr/bin/python3, which is where they are installed).
"""
import argparse, json, os, subprocess, sys, time


def ensure_packages():
    try:
        import hnswlib, numpy  # noqa: F401
    except ImportError:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "python3-hnswlib", "python3-numpy"],
                       check=True, stdout=sys.stderr, env=env)


def read_matrix(path, dtype):
    import numpy as np
    header = np.fromfile(path, dtype=np.int32, count=2)
    return np.memmap(path, dtype=dtype, mode="r", offset=8, shape=(int(header[0]), int(header[1])))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--m", type=int, default=16)
    p.add_argument("--ef-construction", type=int, default=200)
    p.add_argument("--ef", default="32,64,128")
    p.add_argument("--build-threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=42)
    a = p.parse_args()
    ensure_packages()
    import hnswlib
    import numpy as np

    data = read_matrix(os.path.join(a.dir, "data.f32"), np.float32)
    queries = np.ascontiguousarray(read_matrix(os.path.join(a.dir, "queries.f32"), np.float32))
    truth = read_matrix(os.path.join(a.dir, "truth.i64"), np.int64)
    n, dim = data.shape
    k = truth.shape[1]

    index = hnswlib.Index(space="ip", dim=dim)
    index.init_index(max_elements=n, ef_construction=a.ef_construction, M=a.m, random_seed=a.seed)
    index.set_num_threads(a.build_threads)
    started, cpu_started = time.perf_counter(), time.process_time()
    chunk = 100_000  # memmap slices keep the peak memory at one copy of the index plus a chunk
    for start in range(0, n, chunk):
        end = min(n, start + chunk)
        index.add_items(np.ascontiguousarray(data[start:end]), np.arange(start, end), num_threads=a.build_threads)
    build_s, build_cpu_s = time.perf_counter() - started, time.process_time() - cpu_started

    index_path = os.path.join(a.dir, "hnswlib.bin")
    index.save_index(index_path)
    file_bytes = os.path.getsize(index_path)
    os.remove(index_path)

    runs = []
    for ef in [int(e) for e in a.ef.split(",")]:
        index.set_ef(ef)
        index.knn_query(queries[:200], k=k, num_threads=1)  # the same warm-up queries as ours
        started, cpu_started = time.perf_counter(), time.process_time()
        labels, _ = index.knn_query(queries, k=k, num_threads=1)
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
        hits = sum(len(set(labels[i].tolist()) & set(truth[i].tolist())) for i in range(len(queries)))
        runs.append({"ef": ef, "recall": hits / (k * len(queries)), "qps": len(queries) / seconds,
                     "cpu_qps": len(queries) / cpu_seconds})
    try:
        from importlib.metadata import version
        peer_version = version("hnswlib")
    except Exception:
        peer_version = getattr(hnswlib, "__version__", "unknown")
    print(json.dumps({"version": peer_version, "build_s": build_s, "build_cpu_s": build_cpu_s,
                      "file_bytes_per_vector": file_bytes / n, "runs": runs}))


if __name__ == "__main__":
    main()
