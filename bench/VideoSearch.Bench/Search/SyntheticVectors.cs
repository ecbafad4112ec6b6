namespace VideoSearch.Bench.Search;

/// <summary>
/// Unit vectors with cluster structure (clips of one scene are alike): each is a random cluster centre plus noise,
/// normalised. Seeded, so every run indexes the same library.
/// </summary>
internal static class SyntheticVectors
{
    public static float[] Clustered(int count, int dimension, int clusters, int seed)
    {
        var random = new Random(seed);
        var centres = new float[clusters * dimension];
        for (int i = 0; i < centres.Length; i++) centres[i] = Gaussian(random);
        var vectors = new float[(long)count * dimension];
        for (int v = 0; v < count; v++)
        {
            int centre = random.Next(clusters);
            var row = vectors.AsSpan(v * dimension, dimension);
            double norm = 0;
            for (int d = 0; d < dimension; d++)
            {
                row[d] = centres[centre * dimension + d] + 0.7f * Gaussian(random);
                norm += row[d] * (double)row[d];
            }
            float scale = (float)(1 / Math.Sqrt(norm));
            for (int d = 0; d < dimension; d++) row[d] *= scale;
        }
        return vectors;
    }

    public static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
