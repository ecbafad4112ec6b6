using System.CommandLine;
using System.Globalization;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Inference;
using VideoSearch.Core.Inspection;
using VideoSearch.Core.Native;

namespace VideoSearch.Cli.Commands;

/// <summary><c>videosearch model info &lt;folder|hub-id&gt;</c>: what a model is and where its files came from.</summary>
internal static class ModelCommand
{
    public static Command Create()
    {
        var reference = new Argument<string>("model")
        {
            Description = "A model folder or a Hugging Face id (org/name[@revision]).",
            DefaultValueFactory = _ => CommonOptions.DefaultModel,
        };
        var precision = CommonOptions.Precision();
        var info = new Command("info", "Show a model's architecture, parameter count, where its files came from, and the precision it would run in here.")
        {
            reference, precision,
        };
        info.SetAction((parse, cancellationToken) => CliErrors.RunAsync(async () =>
        {
            // Resolved first: a bad value is refused before anything is downloaded.
            PrecisionChoice choice = PrecisionChoice.Resolve(parse.GetValue(precision), CpuFeatures.Current);
            var inspector = new ModelInspector(ModelLocator.FromEnvironment());
            var progress = ConsoleDownloadProgress.ForStandardError();
            ModelSummary summary = await inspector.InspectAsync(parse.GetValue(reference)!, progress, cancellationToken);
            Print(summary);
            Console.WriteLine($"precision:    {choice}");
            return ExitCodes.Ok;
        }));
        return new Command("model", "Inspect models.") { info };
    }

    private static void Print(ModelSummary s)
    {
        var c = s.Config;
        var t = c.TextConfig;
        var v = c.VisionConfig;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"model:        {s.Resolved.Describe()}");
        Console.WriteLine($"parameters:   {s.ParameterCount.ToString("N0", inv)} in {s.TensorCount} tensors ({string.Join(", ", s.DTypes.Select(d => $"{d.Value} {d.Key}"))})");
        Console.WriteLine($"projection:   {c.ProjectionDim}; logit_scale_init {c.LogitScaleInitValue.ToString(inv)}");
        Console.WriteLine($"text:         vocab {t.VocabSize}, hidden {t.HiddenSize}, mlp {t.IntermediateSize}, {t.NumHiddenLayers} layers x {t.NumAttentionHeads} heads, {t.MaxPositionEmbeddings} positions, {t.HiddenAct}");
        Console.WriteLine($"vision:       {v.ImageSize}px / patch {v.PatchSize}, {v.NumFrames} frames, hidden {v.HiddenSize}, mlp {v.IntermediateSize}, {v.NumHiddenLayers} layers x {v.NumAttentionHeads} heads, {v.HiddenAct}");
        Console.WriteLine($"MIT:          hidden {v.MitHiddenSize}, mlp {v.MitIntermediateSize}, {v.MitNumHiddenLayers} layers x {v.MitNumAttentionHeads} heads");
        Console.WriteLine($"prompts:      {c.PromptLayers} layers x {c.PromptNumAttentionHeads} heads, alpha {c.PromptAlpha.ToString(inv)}, {c.PromptHiddenAct}");
        Console.WriteLine("files:");
        foreach (var (name, bytes) in s.Files) Console.WriteLine($"  {name,-28} {bytes.ToString("N0", inv),15} bytes");
    }
}
