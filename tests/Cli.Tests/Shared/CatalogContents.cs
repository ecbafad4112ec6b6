using System.Data.Common;

namespace VideoSearch.Cli.Tests.Shared;

/// <summary>
/// Every video of a catalog by its path under the root, with its status and clip count: read with the same SQL from
/// the SQLite file and from PostgreSQL, so a shared run and a single SQLite run over the same media compare row by row.
/// </summary>
internal static class CatalogContents
{
    private const string PerVideo =
        "SELECT v.relative_path, v.status, count(c.id) FROM videos v LEFT JOIN clips c ON c.video_id = v.id " +
        "GROUP BY v.id, v.relative_path, v.status ORDER BY v.relative_path;";

    /// <summary>Reads the contents over an open <paramref name="connection"/>.</summary>
    public static async Task<SortedDictionary<string, VideoContents>> ReadAsync(DbConnection connection)
    {
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = PerVideo;
        await using DbDataReader row = await command.ExecuteReaderAsync();
        var contents = new SortedDictionary<string, VideoContents>(StringComparer.Ordinal);
        while (await row.ReadAsync())
            contents.Add(row.GetString(0), new VideoContents(row.GetString(1), Convert.ToInt64(row.GetValue(2))));
        return contents;
    }

    /// <summary>
    /// Asserts that the shared catalog holds what the SQLite run over the same media holds: the same videos, each with
    /// the same status and clip count (so no clip stored twice, none missing).
    /// </summary>
    public static void AssertSameAsSqlite(SortedDictionary<string, VideoContents> sqlite, SortedDictionary<string, VideoContents> shared,
        string programOutput) =>
        Assert.True(sqlite.SequenceEqual(shared),
            $"the shared catalog differs from the SQLite run.\nSQLite:\n{Describe(sqlite)}\nshared:\n{Describe(shared)}\n{programOutput}");

    private static string Describe(IReadOnlyDictionary<string, VideoContents> contents) =>
        string.Join(Environment.NewLine, contents.Select(pair => $"  {pair.Key}: {pair.Value}"));
}
