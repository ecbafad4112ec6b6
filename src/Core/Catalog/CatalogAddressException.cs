using VideoSearch.Core.Errors;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// The address given for a shared catalog (<c>--catalog</c>) is no PostgreSQL connection string, or names no server
/// or no database: the user's input is wrong, not the server or the data, so this is <see cref="ErrorKind.InvalidInput"/>.
/// </summary>
public sealed class CatalogAddressException : CatalogException
{
    /// <summary>Creates the exception for the address described by <paramref name="location"/> (without its password).</summary>
    public CatalogAddressException(string location, string message, Exception? inner = null)
        : base(ErrorKind.InvalidInput, location, message, inner)
    {
    }
}
