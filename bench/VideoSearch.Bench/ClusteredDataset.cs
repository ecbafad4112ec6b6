using System.Numerics.Tensors;

namespace VideoSearch.Bench;

/// <summary>
/// Synthetic L2-normalised embeddings shaped like real ones: points scattered around random cluster centres, most
/// of the scatter in a shared 16-dimensional subspace plus a little isotropic noise (real embeddings have low
/// intrinsic dimension; isotropic 512-dimensional noise would make every point nearly equidistant). Each block of
/// rows has its own seeded generator, so the data set is the same for a given seed whatever the thread count.
/// </summary>
internal sealed class ClusteredDataset
{
    private const int BlockRows = 4096;
    private const int LatentDimensions = 16;
    private readonly float[][] _centres;
    private readonly float[][] _basis;
    private readonly int _seed;

    public ClusteredDataset(int dimension, int clusters, int seed)
    {
        Dimension = dimension;
        _seed = seed;
        var random = new Random(seed);
        _centres = [.. Enumerable.Range(0, clusters).Select(_ => Gaussian(random, dimension, 1f / MathF.Sqrt(dimension)))];
        _basis = [.. Enumerable.Range(0, LatentDimensions).Select(_ => Gaussian(random, dimension, 1f))];
    }

    public int Dimension { get; }

    /// <summary>Rows [0, count) of stream <paramref name="stream"/> (0 = indexed data, 1 = queries) as one array.</summary>
    public float[] Generate(int count, int stream)
    {
        var rows = new float[(long)count * Dimension];
        int blocks = (count + BlockRows - 1) / BlockRows;
        Parallel.For(0, blocks, block =>
        {
            var random = new Random(HashCode.Combine(_seed, stream, block));
            var latent = new float[LatentDimensions];
            int end = Math.Min(count, (block + 1) * BlockRows);
            for (int row = block * BlockRows; row < end; row++)
            {
                var v = rows.AsSpan(row * Dimension, Dimension);
                for (int d = 0; d < v.Length; d++) v[d] = 0.1f / MathF.Sqrt(Dimension) * NextGaussian(random);
                TensorPrimitives.Add(v, _centres[random.Next(_centres.Length)], v);
                for (int j = 0; j < LatentDimensions; j++)
                    TensorPrimitives.MultiplyAdd(_basis[j], 0.15f / MathF.Sqrt(Dimension) * NextGaussian(random), v, v);
                TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
            }
        });
        return rows;
    }

    private static float[] Gaussian(Random random, int dimension, float scale)
    {
        var v = new float[dimension];
        for (int d = 0; d < dimension; d++) v[d] = scale * NextGaussian(random);
        return v;
    }

    private static float NextGaussian(Random random) =>
        MathF.Sqrt(-2f * MathF.Log(1f - random.NextSingle())) * MathF.Cos(2f * MathF.PI * random.NextSingle());
}
