using System.Net.Http.Json;
using System.Text.Json;

namespace VideoSearch.Web.Tests.EndToEnd;

/// <summary>
/// What random weights cannot show: with the trained model, through the real server, each caption finds its own scene.
/// Its video's best moment must lie inside the scene for at least 80% of the captions (the localisation target the
/// model meets, 0.94 on the whole test split), and the scene must be among the first five moments for every caption.
/// </summary>
[Collection(SceneLibraryCollection.Name)]
public sealed class SceneSearchApiTests(SceneLibrary library)
{
    [Fact]
    public async Task Search_EachSceneCaption_FindsThatScene()
    {
        var report = new List<string>();
        int localised = 0;
        foreach (var scene in library.Scenes)
        {
            using var answer = await library.Client.GetFromJsonAsync<JsonDocument>("/api/search?q=" + Uri.EscapeDataString(scene.Caption));
            var moments = answer!.RootElement.GetProperty("videos").EnumerateArray()
                .SelectMany(v => v.GetProperty("moments").EnumerateArray().Select(m => (
                    File: v.GetProperty("fileName").GetString(),
                    Middle: (m.GetProperty("startSeconds").GetDouble() + m.GetProperty("endSeconds").GetDouble()) / 2)))
                .ToList();
            string file = Path.GetFileName(scene.Video);
            var own = moments.FirstOrDefault(m => m.File == file);
            if (own.File is not null && scene.Contains(own.Middle)) localised++;
            else report.Add($"\"{scene.Caption}\": {file}'s best moment is at {own.Middle:0.00} s, the scene is {scene.Start:0.00}-{scene.End:0.00} s");
            Assert.True(moments.Take(5).Any(m => m.File == file && scene.Contains(m.Middle)),
                $"\"{scene.Caption}\" ({file} {scene.Start:0.00}-{scene.End:0.00} s) is not among the first five moments: " +
                string.Join(", ", moments.Take(5).Select(m => $"{m.File} {m.Middle:0.00} s")));
        }
        Assert.True(localised >= 0.8 * library.Scenes.Count, $"{localised} of {library.Scenes.Count} localised:{Environment.NewLine}{string.Join(Environment.NewLine, report)}");
    }
}
