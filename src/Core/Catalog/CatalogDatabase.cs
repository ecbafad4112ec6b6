using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// The database a catalog lives in: the embedded SQLite file (<see cref="SqliteCatalogDatabase"/>, the default) or a
/// PostgreSQL server shared by many machines (<see cref="PostgresCatalogDatabase"/>). The repositories are written once
/// against ADO.NET; what differs between the two (transactions, the few statements SQL does not share, locks and error
/// codes) is asked of this class, so every rule of the catalog has one implementation.
/// </summary>
public abstract class CatalogDatabase : IDisposable
{
    /// <summary>Where the catalog is, for messages: the file's path, or the server and database.</summary>
    public abstract string Location { get; }

    /// <summary>
    /// Whether other processes, possibly on other machines, write this catalog at the same time: indexers then claim
    /// videos under leases, and search nodes follow the change sequence.
    /// </summary>
    public abstract bool IsShared { get; }

    /// <summary>
    /// Runs <paramref name="work"/> on a pooled connection and closes it after: the one place where every catalog
    /// operation passes, so a failure the catalog names (a damaged file, a full disk, a lost server, ...) is translated
    /// here rather than in each repository method.
    /// </summary>
    internal async Task<T> RunAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using DbConnection connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not CatalogException && TryTranslate(ex, out CatalogException? translated))
        {
            throw translated;
        }
    }

    /// <summary>Runs <paramref name="work"/> as <see cref="RunAsync{T}"/> does, for operations without a result.</summary>
    internal Task RunAsync(Func<DbConnection, Task> work, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await work(connection).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>
    /// One step of work that cannot run inside <see cref="RunAsync{T}"/> (an iterator, which cannot yield inside a
    /// try with a catch), translated the same way.
    /// </summary>
    internal async Task<T> GuardAsync<T>(Func<Task<T>> step)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not CatalogException && TryTranslate(ex, out CatalogException? translated))
        {
            throw translated;
        }
    }

    /// <summary>Opens a pooled connection with the catalog's per-connection settings applied.</summary>
    internal abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Translates a driver failure into the catalog's exception for it, or returns false when it is not one the catalog
    /// names (a constraint, contention): those are the callers' own concern.
    /// </summary>
    public abstract bool TryTranslate(Exception exception, [NotNullWhen(true)] out CatalogException? translated);

    /// <summary>Whether <paramref name="exception"/> is a unique-constraint violation.</summary>
    internal abstract bool IsUniqueViolation(Exception exception);

    /// <summary>Begins a transaction that writes: it holds the write lock from its start, so two writers never deadlock.</summary>
    internal abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Begins a read-only transaction over one snapshot, so several reads agree while indexers write.</summary>
    internal abstract Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A condition that <paramref name="column"/> is one of the ids in <paramref name="parameter"/> (see <see cref="IdList"/>).</summary>
    internal abstract string IdIn(string column, string parameter);

    /// <summary>The value of an id-list parameter: one parameter for any number of ids, so statements are prepared once.</summary>
    internal abstract object IdList(IEnumerable<long> ids);

    /// <summary>What a row-claiming SELECT ends with so that concurrent claimers skip each other's rows ("" when there is one writer).</summary>
    internal abstract string SkipLocked { get; }

    /// <summary>The database's clock in Unix milliseconds, as SQL: leases are timed by one clock, not each machine's.</summary>
    internal abstract string NowMs { get; }

    /// <summary>
    /// Holds the library's scan lock until the result is disposed: one process at a time scans the roots and records
    /// the differences. It is released when the holder's connection ends, so a killed scanner never blocks the others.
    /// </summary>
    public abstract Task<IAsyncDisposable> LockScanAsync(CancellationToken cancellationToken);

    /// <summary>Closes the pooled connections.</summary>
    public abstract void Dispose();
}
