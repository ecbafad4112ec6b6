using System.Numerics.Tensors;

namespace VideoSearch.Bench;

/// <summary>
/// Exact k nearest neighbours (inner product of unit vectors) of every query, the ground truth for recall. The data
/// is read in blocks small enough to stay in cache while every query is scored against them, so a million vectors
/// (2 GB) are read from memory once rather than once per query.
/// </summary>
internal static class ExactNeighbours
{
    private const int BlockRows = 256;

    /// <summary>Row numbers of the <paramref name="k"/> best rows of <paramref name="data"/> per query, best first.</summary>
    public static long[] Find(float[] data, float[] queries, int rows, int queryCount, int dim, int k)
    {
        int blocks = (rows + BlockRows - 1) / BlockRows;
        var partials = new List<TopK[]>();
        Parallel.For(0, blocks, () => NewTops(queryCount, k), (block, _, tops) =>
        {
            int end = Math.Min(rows, (block + 1) * BlockRows);
            for (int q = 0; q < queryCount; q++)
            {
                var query = queries.AsSpan(q * dim, dim);
                for (int row = block * BlockRows; row < end; row++)
                    tops[q].Offer(TensorPrimitives.Dot(query, data.AsSpan(row * dim, dim)), row);
            }
            return tops;
        }, tops => { lock (partials) partials.Add(tops); });

        var truth = new long[queryCount * k];
        for (int q = 0; q < queryCount; q++)
        {
            var merged = new TopK(k);
            foreach (var tops in partials) tops[q].MergeInto(merged);
            merged.Best().CopyTo(truth.AsSpan(q * k, k));
        }
        return truth;
    }

    private static TopK[] NewTops(int count, int k) => [.. Enumerable.Range(0, count).Select(_ => new TopK(k))];

    /// <summary>The k highest scores seen, kept sorted (k is small, so insertion beats a heap).</summary>
    private sealed class TopK(int k)
    {
        private readonly float[] _scores = [.. Enumerable.Repeat(float.NegativeInfinity, k)];
        private readonly long[] _rows = [.. Enumerable.Repeat(-1L, k)];

        public void Offer(float score, long row)
        {
            if (score <= _scores[^1]) return;
            int i = _scores.Length - 1;
            for (; i > 0 && _scores[i - 1] < score; i--)
            {
                _scores[i] = _scores[i - 1];
                _rows[i] = _rows[i - 1];
            }
            _scores[i] = score;
            _rows[i] = row;
        }

        public void MergeInto(TopK other)
        {
            for (int i = 0; i < _scores.Length && _rows[i] >= 0; i++) other.Offer(_scores[i], _rows[i]);
        }

        public long[] Best() => _rows;
    }
}
