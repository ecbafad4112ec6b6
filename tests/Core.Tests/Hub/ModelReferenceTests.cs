using VideoSearch.Core.Hub;

namespace VideoSearch.Core.Tests.Hub;

public class ModelReferenceTests
{
    [Fact]
    public void Parse_HubIdWithoutRevision_UsesMain()
    {
        ModelReference reference = ModelReference.Parse("microsoft/xclip-base-patch32");

        Assert.False(reference.IsFolder);
        Assert.Equal("microsoft", reference.Organisation);
        Assert.Equal("xclip-base-patch32", reference.Name);
        Assert.Equal("microsoft/xclip-base-patch32", reference.RepoId);
        Assert.Equal("main", reference.Revision);
    }

    [Theory]
    [InlineData("microsoft/xclip-base-patch32@v1.0", "v1.0")]
    [InlineData("microsoft/xclip-base-patch32@refs/pr/3", "refs/pr/3")]
    [InlineData("microsoft/xclip-base-patch32@0123456789abcdef0123456789abcdef01234567", "0123456789abcdef0123456789abcdef01234567")]
    public void Parse_HubIdWithRevision_KeepsRevision(string value, string revision)
    {
        Assert.Equal(revision, ModelReference.Parse(value).Revision);
    }

    [Fact]
    public void Parse_ExistingFolder_IsAbsoluteFolder()
    {
        using var folder = new TempDirectory();

        ModelReference reference = ModelReference.Parse(folder.Path);

        Assert.True(reference.IsFolder);
        Assert.Equal(folder.Path, reference.Folder);
        Assert.Null(reference.RepoId);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("./no-such-model")]
    [InlineData("/no/such/model/folder")]
    [InlineData("~/no-such-videosearch-model")]
    public void Parse_PathThatDoesNotExist_ThrowsNamingIt(string value)
    {
        var error = Assert.Throws<ModelReferenceException>(() => ModelReference.Parse(value));

        Assert.Contains(value, error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void Parse_File_ThrowsSayingItIsAFile()
    {
        using var folder = new TempDirectory();
        string file = Path.Combine(folder.Path, "config.json");
        File.WriteAllText(file, "{}");

        var error = Assert.Throws<ModelReferenceException>(() => ModelReference.Parse(file));

        Assert.Contains("is a file", error.Message);
    }

    [Theory]
    [InlineData("a/b/c")]
    [InlineData("xclip")]
    [InlineData("org/")]
    [InlineData("-org/name")]
    [InlineData("org/name-")]
    [InlineData("org/na--me")]
    [InlineData("org/na..me")]
    [InlineData("org/na me")]
    [InlineData("org/name%2F..")]
    [InlineData("org/name@")]
    [InlineData("org/name@../../etc")]
    [InlineData("org/name@refs//pr")]
    [InlineData("org/name@/abs")]
    [InlineData("org/name@a b")]
    [InlineData("   ")]
    public void Parse_HostileOrMalformedValue_ThrowsTypedError(string value)
    {
        Assert.Throws<ModelReferenceException>(() => ModelReference.Parse(value));
    }

    [Fact]
    public void Parse_RepoIdLongerThanHubLimit_Throws()
    {
        var error = Assert.Throws<ModelReferenceException>(() => ModelReference.Parse("org/" + new string('a', 93)));

        Assert.Contains("96", error.Message);
    }
}
