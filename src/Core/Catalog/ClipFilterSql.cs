namespace VideoSearch.Core.Catalog;

/// <summary>
/// The one translation of a <see cref="ClipFilter"/> into SQL conditions on the <c>videos</c> table (aliased
/// <c>v</c>), shared by search's allowed-clip read and the library listing so both admit the same videos.
/// </summary>
internal static class ClipFilterSql
{
    /// <summary>The conditions (to be joined with AND) and their parameters; empty lists when nothing is restricted.</summary>
    public static (List<string> Conditions, List<(string Name, object Value)> Parameters) Build(ClipFilter filters, LibraryRootPaths paths)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var conditions = new List<string>();
        var parameters = new List<(string, object)>();
        if (filters.Folder is { Length: > 0 } folder)
        {
            // A prefix comparison on whole path segments: "/a/b" admits "/a/b/x.mp4" but not "/a/bc/x.mp4".
            // The folder is this machine's; the stored paths are where each root was first added.
            string prefix = paths.ToStored(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))) + Path.DirectorySeparatorChar;
            conditions.Add("substr(v.path, 1, length(@prefix)) = @prefix");
            parameters.Add(("@prefix", prefix));
        }
        if (filters.MinDurationSeconds is { } min)
        {
            conditions.Add("v.duration_s >= @min");
            parameters.Add(("@min", min));
        }
        if (filters.MaxDurationSeconds is { } max)
        {
            conditions.Add("v.duration_s <= @max");
            parameters.Add(("@max", max));
        }
        if (filters.ModifiedAfter is { } after)
        {
            conditions.Add("v.mtime_ns >= @after");
            parameters.Add(("@after", FileIdentity.ToUnixNs(after.UtcDateTime)));
        }
        if (filters.ModifiedBefore is { } before)
        {
            conditions.Add("v.mtime_ns < @before");
            parameters.Add(("@before", FileIdentity.ToUnixNs(before.UtcDateTime)));
        }
        return (conditions, parameters);
    }
}
