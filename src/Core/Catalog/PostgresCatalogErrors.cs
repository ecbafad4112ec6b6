using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using Npgsql;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// The one table from PostgreSQL and Npgsql failures to the catalog's typed exceptions, as <see cref="CatalogErrors"/>
/// is for SQLite: a lost or unreachable server, a full disk, a refused login or a missing database become
/// <see cref="CatalogStorageException"/>, damaged data <see cref="CatalogCorruptException"/>. Constraint violations,
/// serialization failures and the like are not translated: they are the callers' own concern.
/// </summary>
public static class PostgresCatalogErrors
{
    /// <summary>Translates <paramref name="exception"/>, or returns false when it is not a failure the catalog names.</summary>
    public static bool TryTranslate(Exception exception, string location, [NotNullWhen(true)] out CatalogException? translated)
    {
        ArgumentNullException.ThrowIfNull(exception);
        translated = exception switch
        {
            PostgresException server => FromServer(server, location),
            NpgsqlException client when IsConnectionLoss(client) => CatalogStorageException.OfServer(
                CatalogStorageReason.ServerUnavailable, location, Detail(client), client),
            _ => null,
        };
        return translated is not null;
    }

    private static CatalogException? FromServer(PostgresException e, string location)
    {
        string detail = $"{e.SqlState}: {e.MessageText}";
        CatalogStorageReason? reason = e.SqlState switch
        {
            PostgresErrorCodes.DiskFull or PostgresErrorCodes.OutOfMemory => CatalogStorageReason.DiskFull,
            PostgresErrorCodes.ReadOnlySqlTransaction => CatalogStorageReason.ReadOnly,
            PostgresErrorCodes.InvalidCatalogName => CatalogStorageReason.CannotOpen,
            PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification
                or PostgresErrorCodes.InsufficientPrivilege => CatalogStorageReason.PermissionDenied,
            PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.TooManyConnections => CatalogStorageReason.ServerUnavailable,
            _ when e.SqlState.StartsWith("08", StringComparison.Ordinal) => CatalogStorageReason.ServerUnavailable,
            _ => null,
        };
        if (reason is { } known) return CatalogStorageException.OfServer(known, location, detail, e);
        return e.SqlState is PostgresErrorCodes.DataCorrupted or PostgresErrorCodes.IndexCorrupted
            ? new CatalogCorruptException(location, detail, e)
            : null;
    }

    /// <summary>A connection that could not be made or broke: a socket, an I/O error or a timeout under the Npgsql error.</summary>
    private static bool IsConnectionLoss(NpgsqlException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            if (inner is SocketException or IOException or TimeoutException or EndOfStreamException) return true;
        return e.IsTransient;
    }

    private static string Detail(Exception e) => e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message;
}
