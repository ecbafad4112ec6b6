using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VideoSearch.Cli.Hosting;
using VideoSearch.Core.Classification;
using VideoSearch.Core.Library;
using VideoSearch.Web.Hosting;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Inference;
using VideoSearch.Core.Media;
using VideoSearch.Core.Model;
using VideoSearch.Core.Native;
using VideoSearch.Core.Processing;

namespace VideoSearch.Cli.Commands;

/// <summary><c>videosearch classify &lt;video&gt; --labels "a,b,c"</c>: the X-CLIP model card's zero-shot example.</summary>
internal static class ClassifyCommand
{
    public static Command Create()
    {
        var video = new Argument<FileInfo>("video") { Description = "The video file." };
        var labels = new Option<string>("--labels", "-l")
        {
            Description = "Comma-separated labels, e.g. \"playing sports,eating spaghetti,go shopping\".",
            Required = true,
        };
        var model = CommonOptions.Model();
        var seed = new Option<int?>("--seed") { Description = "Seed for the random window, for repeatable results." };
        var window = new Option<double?>("--window") { Description = "Start of the window in seconds (instead of a random window)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = SettingOverrides.Allow(new Command("classify",
            "Zero-shot classify a window of num_frames consecutive frames against labels.")
        {
            video, labels, model, CommonOptions.Precision(), seed, window, json,
        });
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(async () =>
        {
            string[] labelList = parse.GetValue(labels)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (labelList.Length == 0)
            {
                parse.InvocationConfiguration.Error.WriteLine("error: --labels needs at least one label.");
                return ExitCodes.Usage;
            }
            FileInfo file = parse.GetValue(video)!;
            if (!file.Exists) throw new FileNotFoundException($"No such video: {file.FullName}", file.FullName);

            var builder = CliHost.CreateBuilder(SettingOverrides.Of(parse), LogFormat.Plain, LogLevel.Warning);
            builder.Services.AddVideoSearchModels();
            using IHost host = builder.Build();
            await host.StartAsync(cancellationToken);
            ResolvedModel resolved = await host.Services.GetRequiredService<ModelLocator>()
                .ResolveAsync(CommonOptions.RequestedModel(parse, model), ConsoleDownloadProgress.ForStandardError(), cancellationToken);
            using XClipModel xclip = XClipModel.FromPretrained(resolved.Folder);
            xclip.UsePrecision(PrecisionChoice.Resolve(
                builder.Configuration[$"{ModelOptions.SectionName}:{nameof(ModelOptions.Precision)}"], CpuFeatures.Current).Resolved);
            var classifier = new ZeroShotClassifier(xclip, XClipProcessor.FromFolder(resolved.Folder),
                host.Services.GetRequiredService<MediaProbe>(), host.Services.GetRequiredService<FrameExtractor>());
            ClassificationResult result = await classifier.ClassifyAsync(
                file.FullName, labelList, parse.GetValue(window), parse.GetValue(seed), cancellationToken);
            TextWriter output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) output.WriteLine(System.Text.Json.JsonSerializer.Serialize(result));
            else Print(result, output);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Print(ClassificationResult result, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"frames at {string.Join(", ", result.FrameTimestamps.Select(t => t.ToString("0.00", inv)))} s");
        int width = Math.Max(5, result.Labels.Max(l => l.Length));
        foreach (int i in Enumerable.Range(0, result.Labels.Count).OrderByDescending(i => result.Probabilities[i]))
        {
            float p = result.Probabilities[i];
            string bar = new('#', (int)Math.Round(p * 30));
            output.WriteLine($"{result.Labels[i].PadRight(width)}  {p.ToString("0.0000", inv)}  {bar}");
        }
    }
}
