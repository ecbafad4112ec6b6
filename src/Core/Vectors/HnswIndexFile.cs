using System.Runtime.InteropServices;

namespace VideoSearch.Core.Vectors;

/// <summary>
/// The saved form of an <see cref="HnswGraph"/>, version 1, little-endian:
/// "VSHNSW", ushort version; int dimension, M, efConstruction, efSearch, seed, nodeCount, deletedCount,
/// entryPoint, maxLevel; long ids[n]; byte deleted[n]; int levels[n]; float vectors[n·dimension];
/// int layer0[n·(2M+1)] (count then links); for each node with level L &gt; 0, int upper[L·(M+1)];
/// then the XxHash3 of all of the above. Node order is kept, so load then save gives the same bytes.
/// </summary>
internal static class HnswIndexFile
{
    public const string Magic = "VSHNSW";
    public const ushort Version = 1;

    public static void Write(string path, HnswGraph graph)
    {
        using var writer = new IndexFileWriter(path, Magic, Version);
        var options = graph.Options;
        int n = graph.NodeCount;
        foreach (int field in (ReadOnlySpan<int>)[graph.Dimension, options.M, options.EfConstruction, options.EfSearch,
                     options.Seed, n, graph.DeletedCount, graph.EntryPoint, graph.MaxLevel])
            writer.Write(field);
        for (int node = 0; node < n; node++) writer.Write(graph.IdOf(node));
        for (int node = 0; node < n; node++) writer.Write((byte)(graph.IsDeleted(node) ? 1 : 0));
        for (int node = 0; node < n; node++) writer.Write(graph.LevelOf(node));
        for (int node = 0; node < n; node++) writer.Write(graph.VectorOf(node));
        for (int node = 0; node < n; node++) writer.Write<int>(graph.LinkBlock(node, 0));
        for (int node = 0; node < n; node++)
            for (int level = 1; level <= graph.LevelOf(node); level++)
                writer.Write<int>(graph.LinkBlock(node, level));
        writer.Commit();
    }

    /// <exception cref="VectorIndexCorruptException">Anything about the file is wrong.</exception>
    public static HnswGraph Read(string path)
    {
        using var reader = new IndexFileReader(path, Magic, Version);
        int dimension = reader.Read<int>(), m = reader.Read<int>(), efConstruction = reader.Read<int>();
        int efSearch = reader.Read<int>(), seed = reader.Read<int>(), n = reader.Read<int>();
        int deletedCount = reader.Read<int>(), entryPoint = reader.Read<int>(), maxLevel = reader.Read<int>();
        if (dimension is < 1 or > 1 << 16) throw reader.Corrupt($"dimension {dimension} is out of range");
        if (n < 0 || deletedCount < 0 || deletedCount > n) throw reader.Corrupt($"node count {n} / removed {deletedCount} is inconsistent");
        HnswOptions options;
        try
        {
            options = new HnswOptions(m, efConstruction, efSearch, seed);
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e) { throw new VectorIndexCorruptException(path, $"its parameters are invalid: {e.Message}", e); }
        reader.Require(n * (long)(sizeof(long) + 1 + sizeof(int) + dimension * sizeof(float) + (2 * m + 1) * sizeof(int)), "the node arrays");

        var ids = new long[n];
        var deleted = new byte[n];
        var levels = new int[n];
        reader.Read<long>(ids);
        reader.Read<byte>(deleted);
        reader.Read<int>(levels);
        long upperInts = 0;
        foreach (int level in levels)
        {
            if (level is < 0 or > 31) throw reader.Corrupt($"node level {level} is out of range");
            upperInts += level * (long)(m + 1);
        }
        reader.Require(n * (long)(dimension * sizeof(float) + (2 * m + 1) * sizeof(int)) + upperInts * sizeof(int), "the vectors and links");

        var graph = new HnswGraph(dimension, options);
        graph.EnsureCapacity(n);
        var vector = new float[dimension];
        for (int node = 0; node < n; node++)
        {
            reader.Read<float>(vector);
            graph.RestoreNode(ids[node], deleted[node] != 0, levels[node], vector);
        }
        if (graph.DeletedCount != deletedCount) throw reader.Corrupt("its removed-node count does not match its flags");
        for (int node = 0; node < n; node++) ReadLinks(reader, graph.LinkBlock(node, 0), 2 * m, n);
        for (int node = 0; node < n; node++)
            for (int level = 1; level <= levels[node]; level++)
                ReadLinks(reader, graph.LinkBlock(node, level), m, n);
        reader.VerifyChecksum();

        bool entryValid = n == 0 ? entryPoint == -1 && maxLevel == -1
            : entryPoint >= 0 && entryPoint < n && maxLevel == levels[entryPoint];
        if (!entryValid) throw reader.Corrupt($"entry point {entryPoint} at level {maxLevel} is inconsistent");
        graph.SetEntryPoint(entryPoint, maxLevel);
        return graph;
    }

    private static void ReadLinks(IndexFileReader reader, Span<int> block, int maxLinks, int nodeCount)
    {
        reader.Read(block);
        int count = block[0];
        if (count < 0 || count > maxLinks) throw reader.Corrupt($"a neighbour list holds {count} links (at most {maxLinks})");
        foreach (int link in block.Slice(1, count))
            if ((uint)link >= (uint)nodeCount) throw reader.Corrupt($"a link points at node {link} of {nodeCount}");
    }
}
