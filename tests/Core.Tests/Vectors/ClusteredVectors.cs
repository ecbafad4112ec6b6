namespace VideoSearch.Core.Tests.Vectors;

/// <summary>
/// Synthetic embeddings shaped like real ones: points around random cluster centres with most of their spread in a
/// low-dimensional subspace, so nearest neighbours are meaningful (isotropic noise in 512 dimensions is not).
/// </summary>
internal static class ClusteredVectors
{
    public static float[][] Generate(int count, int dimension, int clusters, int seed)
    {
        var random = new Random(seed);
        int latent = Math.Min(16, dimension);
        var centres = new float[clusters][];
        for (int c = 0; c < clusters; c++) centres[c] = Gaussian(random, dimension, 1f);
        var basis = new float[latent][];
        for (int j = 0; j < latent; j++) basis[j] = Gaussian(random, dimension, 1f);
        float latentScale = 0.15f, noiseScale = 0.1f / MathF.Sqrt(dimension);
        var vectors = new float[count][];
        for (int i = 0; i < count; i++)
        {
            var centre = centres[random.Next(clusters)];
            var v = new float[dimension];
            for (int d = 0; d < dimension; d++) v[d] = centre[d] / MathF.Sqrt(dimension) + noiseScale * NextGaussian(random);
            for (int j = 0; j < latent; j++)
            {
                float z = latentScale * NextGaussian(random) / MathF.Sqrt(dimension);
                for (int d = 0; d < dimension; d++) v[d] += z * basis[j][d];
            }
            vectors[i] = v;
        }
        return vectors;
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
