namespace VideoSearch.Web.Tests.Support;

/// <summary>Tests sharing one <see cref="WebServerFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class WebServerCollection : ICollectionFixture<WebServerFixture>
{
    public const string Name = "web server";
}
