namespace VideoSearch.Cli.Tests.Support;

/// <summary>What a library's catalog holds at one moment, read from its SQLite file.</summary>
/// <param name="Videos">Rows in <c>videos</c> (any status).</param>
/// <param name="Indexed">Videos whose status is <c>indexed</c>.</param>
/// <param name="Clips">Rows in <c>clips</c>.</param>
internal readonly record struct CatalogCounts(int Videos, int Indexed, int Clips);
