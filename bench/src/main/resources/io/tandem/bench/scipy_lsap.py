"""scipy's linear_sum_assignment on matrices written by ScipyMatchingBenchmark.

Usage: python3 scipy_lsap.py REPEATS FILE...  Each FILE holds n*n little-endian int64 costs,
row-major, n = sqrt(size). The costs are converted to float64 once (exact below 2^53), outside
the timing; the solve is timed REPEATS times. Prints one JSON line per file:
{"file": ..., "n": ..., "optimum": <exact integer total>, "nanos": [..]}.
"""
import json
import sys
import time

import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment


def main():
    repeats = int(sys.argv[1])
    print(json.dumps({"scipy": scipy.__version__, "numpy": np.__version__}), flush=True)
    for path in sys.argv[2:]:
        raw = np.fromfile(path, dtype="<i8")
        n = int(round(len(raw) ** 0.5))
        ints = raw.reshape(n, n)
        costs = ints.astype(np.float64)
        linear_sum_assignment(costs)  # warm-up: page in the matrix
        nanos = []
        optimum = None
        for _ in range(repeats):
            start = time.perf_counter_ns()
            rows, cols = linear_sum_assignment(costs)
            nanos.append(time.perf_counter_ns() - start)
            total = int(ints[rows, cols].sum())
            if optimum is not None and optimum != total:
                raise SystemExit("scipy is not deterministic")
            optimum = total
        print(json.dumps({"file": path, "n": n, "optimum": optimum, "nanos": nanos}), flush=True)


if __name__ == "__main__":
    main()
