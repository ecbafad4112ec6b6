using System.Net.Http.Json;
using System.Text.Json;

namespace VideoSearch.Web.Tests.EndToEnd;

/// <summary>What random weights cannot show: with the trained model, a caption finds its own scene, through the real server.</summary>
[Collection(SceneLibraryCollection.Name)]
public sealed class SceneSearchApiTests(SceneLibrary library)
{
    [Fact]
    public async Task Search_EachSceneCaption_PutsThatScenesMomentFirst()
    {
        var misses = new List<string>();
        foreach (var scene in library.Scenes)
        {
            using var answer = await library.Client.GetFromJsonAsync<JsonDocument>("/api/search?q=" + Uri.EscapeDataString(scene.Caption));
            var top = answer!.RootElement.GetProperty("videos")[0];
            var moment = top.GetProperty("moments")[0];
            double middle = (moment.GetProperty("startSeconds").GetDouble() + moment.GetProperty("endSeconds").GetDouble()) / 2;
            bool right = Path.GetFileName(top.GetProperty("path").GetString()) == Path.GetFileName(scene.Video) && scene.Contains(middle);
            if (!right) misses.Add($"\"{scene.Caption}\" ({Path.GetFileName(scene.Video)} {scene.Start:0.00}-{scene.End:0.00} s) found {Path.GetFileName(top.GetProperty("path").GetString())} at {middle:0.00} s");
        }
        Assert.True(misses.Count == 0, string.Join(Environment.NewLine, misses));
    }
}
