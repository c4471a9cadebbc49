"""Throughput per core of hearsay from Python, on Spark and from the CLI,
side by side on the same generated text, with peak memory per worker and
the cost of 196 million articles on paper.

    target/py-venv/bin/python scripts/bench_python.py [MB] [PRICE_PER_CORE_HOUR] [FOLDER]

Needs the package built into target/py-venv (`bash tests/python/run.sh`
does it) and `cargo build --release -p hearsay-cli`. MB defaults to 100;
the price to 0.0446 USD, an on-demand vCPU-hour of a general compute cloud
instance (AWS c7i.large in us-east-1, 0.0893 USD an hour for 2 vCPUs, as
listed in 2026; state your own). FOLDER, when given, holds .txt articles
used (again and again) instead of the generated ones, e.g.
../shared/corpus/polnear-train for news as dense in quotes as real news.
Prints JSON.
"""

import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "python"))
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

import hearsay  # noqa: E402
import hearsay.spark  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402
from articles import articles  # noqa: E402

ARTICLES = 196_000_000


def corpus(mb, folder=None):
    """Documents of about 4 KB (ten generated articles each) up to `mb` MB,
    or the articles of `folder`, repeated up to `mb` MB."""
    if folder:
        texts = []
        for name in sorted(os.listdir(folder)):
            if name.endswith(".txt"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    texts.append(f.read())
        docs, size = [], 0
        while size < mb * 1e6:
            doc = texts[len(docs) % len(texts)]
            docs.append(doc)
            size += len(doc.encode())
        return docs, size
    parts = articles(int(mb * 1e6 / 400) + 10, seed=11)
    docs, size = [], 0
    for i in range(0, len(parts), 10):
        doc = "\n\n".join(parts[i:i + 10])
        docs.append(doc)
        size += len(doc.encode())
        if size >= mb * 1e6:
            break
    return docs, size


def read_of(pattern, name):
    """The text of /proc/PID/`name` for each live process whose command
    line holds `pattern` (a process gone meanwhile is skipped)."""
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if pattern.encode() not in f.read():
                    continue
            with open(f"/proc/{pid}/{name}") as f:
                yield f.read()
        except OSError:
            continue


def peak_rss_mb(pattern):
    """Largest peak resident memory (VmHWM) of the processes whose command
    line holds `pattern`, in MB."""
    peaks = [int(line.split()[1]) / 1024
             for status in read_of(pattern, "status")
             for line in status.splitlines() if line.startswith("VmHWM:")]
    return round(max(peaks, default=0), 1)


def cpu_seconds(pattern):
    """User and system CPU seconds of the live processes whose command line
    holds `pattern`."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in read_of(pattern, "stat"):
        fields = stat.rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def main():
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 100.0
    price = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0446
    folder = sys.argv[3] if len(sys.argv) > 3 else None
    docs, size = corpus(mb, folder)
    out = {"input": folder or "generated", "documents": len(docs), "bytes": size}

    with tempfile.TemporaryDirectory() as tmp:
        # The CLI, one process, one thread, on the same texts as files.
        files = os.path.join(tmp, "files")
        os.mkdir(files)
        for i, doc in enumerate(docs):
            with open(os.path.join(files, f"{i:06}.txt"), "w", encoding="utf-8") as f:
                f.write(doc)
        cli = os.path.join(ROOT, "target", "release", "hearsay")
        t = time.perf_counter()
        subprocess.run([cli, "extract", "-o", os.path.join(tmp, "cli.json"), files], check=True)
        secs = time.perf_counter() - t
        out["cli"] = {"seconds": round(secs, 2), "mb_per_s_per_core": round(size / 1e6 / secs, 1)}

        # analyze_arrow in plain Python, one thread.
        array = pa.array(docs)
        t = time.perf_counter()
        rows = 0
        for k in range(0, len(docs), 1000):
            rows += hearsay.analyze_arrow(array.slice(k, 1000)).num_rows
        secs = time.perf_counter() - t
        out["python_analyze_arrow"] = {"seconds": round(secs, 2), "rows": rows,
                                       "mb_per_s_per_core": round(size / 1e6 / secs, 1)}

        # Spark in local mode on both cores: Parquet in, Parquet out.
        src = os.path.join(tmp, "in.parquet")
        pq.write_table(pa.table({"text": array}), src, row_group_size=500)
        spark = (SparkSession.builder.master("local[2]").appName("hearsay-bench")
                 .config("spark.ui.enabled", "false").config("spark.driver.memory", "2g").getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        df = spark.read.parquet(src).repartition(8)
        df.cache().count()
        # The same job three times: the first run pays for the JVM compiling
        # Spark's code paths (reading the cache, Arrow, the Parquet writer)
        # on the same two cores; the last is the steady state a job over
        # millions of articles runs in.
        jvm = "org.apache.spark.deploy.SparkSubmit"
        runs = []
        for run in ("first", "second", "third"):
            jvm_before, workers_before = cpu_seconds(jvm), cpu_seconds("pyspark.daemon")
            t = time.perf_counter()
            hearsay.spark.extract(df).write.mode("overwrite").parquet(os.path.join(tmp, f"out-{run}.parquet"))
            secs = time.perf_counter() - t
            runs.append((secs, cpu_seconds(jvm) - jvm_before, cpu_seconds("pyspark.daemon") - workers_before))
        cores = 2
        (first, _, _), (secs, jvm_cpu, workers_cpu) = runs[0], runs[-1]
        out["spark_local_2"] = {
            "seconds_first_run": round(first, 2),
            "mb_per_s_per_core_first_run": round(size / 1e6 / first / cores, 1),
            "seconds": round(secs, 2),
            "cores": cores,
            "mb_per_s_per_core": round(size / 1e6 / secs / cores, 1),
            "cpu_seconds_python_workers": round(workers_cpu, 1),
            "cpu_seconds_jvm": round(jvm_cpu, 1),
            "mb_per_cpu_second_python_workers": round(size / 1e6 / workers_cpu, 1) if workers_cpu else None,
            "mb_per_cpu_second_all": round(size / 1e6 / (workers_cpu + jvm_cpu), 1) if workers_cpu else None,
            "peak_rss_per_python_worker_mb": peak_rss_mb("pyspark.daemon"),
            "driver_jvm_peak_rss_mb": peak_rss_mb("org.apache.spark.deploy.SparkSubmit"),
        }
        spark.stop()

    cli_rate = out["cli"]["mb_per_s_per_core"]
    spark_rate = out["spark_local_2"]["mb_per_s_per_core"]
    out["spark_overhead_over_cli"] = round(cli_rate / spark_rate - 1, 3)
    out["spark_overhead_over_cli_first_run"] = round(
        cli_rate / out["spark_local_2"]["mb_per_s_per_core_first_run"] - 1, 3)
    core_hours = ARTICLES * 4000 / (spark_rate * 1e6) / 3600
    out["cost_196m_articles"] = {
        "assumed_bytes_per_article": 4000,
        "mean_bytes_per_document_here": round(size / len(docs)),
        "core_hours_at_spark_rate": round(core_hours, 1),
        "usd_per_core_hour": price,
        "usd": round(core_hours * price, 2),
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
