using System.Text.RegularExpressions;
using Npgsql;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// Reads a PostgreSQL catalog address: Npgsql's keyword form (<c>Host=db;Database=videos;Username=vs</c>) or a
/// <c>postgresql://user:password@host:port/database</c> URL, as libpq and most tools write it.
/// </summary>
public static partial class PostgresConnectionString
{
    /// <summary>Whether <paramref name="text"/> names a PostgreSQL catalog rather than a library folder.</summary>
    public static bool Looks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.TrimStart();
        return trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || (trimmed.Contains('=') && trimmed.Contains("host", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="CatalogAddressException">It is neither form, or names no server or no database.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = text.Contains("://", StringComparison.Ordinal) ? FromUrl(text.Trim()) : new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
        {
            throw new CatalogAddressException("PostgreSQL", $"'{Redact(text)}' is not a PostgreSQL connection string: {e.Message}", e);
        }
        if (string.IsNullOrEmpty(builder.Host))
            throw new CatalogAddressException("PostgreSQL", $"'{Redact(text)}' names no server (Host=...)");
        if (string.IsNullOrEmpty(builder.Database))
            throw new CatalogAddressException(Describe(builder), "The connection string names no database (Database=...)");
        return builder;
    }

    /// <summary>The address without its password, for messages and logs.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        string user = string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@";
        return $"postgresql://{user}{builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string text)
    {
        var url = new Uri(text);
        if (url.Scheme is not ("postgresql" or "postgres"))
            throw new FormatException($"the scheme is '{url.Scheme}', not postgresql");
        var builder = new NpgsqlConnectionStringBuilder { Host = url.Host };
        if (url.Port > 0) builder.Port = url.Port;
        builder.Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/'));
        if (url.UserInfo.Length > 0)
        {
            string[] parts = url.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        return builder;
    }

    private static string Redact(string text)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(text);
            if (builder.Password is not null) builder.Password = "***";
            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            // A string Npgsql cannot read is the one most likely to be shown: mask its password all the same.
            return text.Contains('@') ? "postgresql://***" : PasswordValue().Replace(text, "${key}***");
        }
    }

    /// <summary>The value of a password keyword (Npgsql's spellings: Password, PWD, PSW): quoted, or up to the next semicolon.</summary>
    [GeneratedRegex(@"(?<key>\b(?:password|pwd|psw)\s*=\s*)(?:""[^""]*""?|'[^']*'?|[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordValue();
}
