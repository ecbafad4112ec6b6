using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VideoSearch.Cli.Hosting;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Library;
using VideoSearch.Core.Media;
using VideoSearch.Core.Native;
using VideoSearch.Training.FineTuning;
using VideoSearch.Web.Hosting;

using VideoSearch.Training.Rows;

namespace VideoSearch.Cli.Commands;

/// <summary><c>videosearch train --data rows.jsonl --model &lt;folder|hub-id&gt; --out &lt;folder&gt;</c>: fine-tunes X-CLIP
/// with its contrastive loss and writes a model folder after every epoch.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<FileInfo>("--data") { Description = "Training rows: JSON Lines of {\"video\", \"start\", \"end\", \"caption\"}; video paths relative to the file.", Required = true };
        var validation = new Option<FileInfo?>("--validation") { Description = "Validation rows in the same format; their loss is printed after every epoch." };
        var model = new Option<string>("--model", "-m") { Description = "The model to start from: a folder or a Hugging Face id (optionally @revision).", Required = true };
        var scratch = new Option<bool>("--from-scratch") { Description = "Start from seeded random weights of the model's config (its tokenizer and preprocessing are kept)." };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Where the trained model folder is written (after every epoch).", Required = true };
        var resume = new Option<bool>("--resume") { Description = "Continue the run saved in --out with the same data and options." };
        var defaults = new TrainingOptions();
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training rows.", DefaultValueFactory = _ => defaults.Epochs };
        var lr = new Option<double>("--lr") { Description = "Peak learning rate (AdamW; linear warm-up, then cosine decay).", DefaultValueFactory = _ => defaults.LearningRate };
        var batch = new Option<int>("--batch") { Description = "Clips per step (distinct captions in each).", DefaultValueFactory = _ => defaults.BatchSize };
        var seed = new Option<int>("--seed") { Description = "Seed of the starting weights, the clip order and dropout.", DefaultValueFactory = _ => defaults.Seed };
        var decay = new Option<double>("--weight-decay") { Description = "AdamW weight decay.", DefaultValueFactory = _ => defaults.WeightDecay };
        var warmup = new Option<double>("--warmup") { Description = "Share of the steps spent warming up the learning rate.", DefaultValueFactory = _ => defaults.WarmupFraction };
        var stride = new Option<double>("--window-stride") { Description = "Seconds between the windows taken from one row.", DefaultValueFactory = _ => defaults.WindowStrideSeconds };
        var batching = new Option<string>("--batching")
        {
            Description = "How clips are grouped into steps: random, or near-miss (captions sharing the most words together).",
            DefaultValueFactory = _ => "random",
        };
        batching.AcceptOnlyFromAmong("random", "near-miss");
        var augment = new Option<FileInfo?>("--augment")
        {
            Description = "Add backwards and mirrored copies of the training clips, relabelled as this file says " +
                          "({\"time_reversed\": {phrase: phrase}, \"mirrored\": {...}}; `videosearch scenes` writes one).",
        };
        var freeze = new Option<string[]>("--freeze")
        {
            Description = "Keep parameters fixed by state-dict prefix, e.g. text_model, vision_model.embeddings (repeat or separate with commas).",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = SettingOverrides.Allow(new Command("train", "Fine-tune the model on captioned video spans and write a Hugging Face model folder.")
        {
            data, validation, model, scratch, output, resume, epochs, lr, batch, seed, decay, warmup, stride, batching, augment, freeze,
        });
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(async () =>
        {
            var options = new TrainingOptions
            {
                Epochs = parse.GetValue(epochs), LearningRate = parse.GetValue(lr), BatchSize = parse.GetValue(batch),
                Seed = parse.GetValue(seed), WeightDecay = parse.GetValue(decay), WarmupFraction = parse.GetValue(warmup),
                WindowStrideSeconds = parse.GetValue(stride), Batching = parse.GetValue(batching) == "near-miss" ? TrainingBatching.NearMiss : TrainingBatching.Random,
                Freeze = (parse.GetValue(freeze) ?? []).SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
            };
            TextWriter error = parse.InvocationConfiguration.Error;
            if (options.Problems() is { Count: > 0 } problems)
            {
                foreach (string problem in problems) error.WriteLine($"error: {problem}");
                return ExitCodes.Usage;
            }
            string outFolder = parse.GetValue(output)!.FullName;
            bool resuming = parse.GetValue(resume);
            if (!resuming && Directory.Exists(outFolder) && Directory.EnumerateFileSystemEntries(outFolder).Any())
            {
                error.WriteLine($"error: {outFolder} is not empty; pass --resume to continue the run saved there, or choose another folder.");
                return ExitCodes.Usage;
            }
            var train = TrainingRowsFile.Read(parse.GetValue(data)!.FullName);
            var validationRows = parse.GetValue(validation) is { } file ? TrainingRowsFile.Read(file.FullName) : [];

            var builder = CliHost.CreateBuilder(SettingOverrides.Of(parse), LogFormat.Plain, LogLevel.Warning);
            builder.Services.AddVideoSearchModels();
            using IHost host = builder.Build();
            await host.StartAsync(cancellationToken);
            string modelFolder = await StartingFolderAsync(parse.GetValue(model)!, parse.GetValue(scratch), host, cancellationToken);
            TorchRuntime.EnsureLoaded();
            var run = new FineTuningRun(host.Services.GetRequiredService<MediaProbe>(), host.Services.GetRequiredService<FrameExtractor>());
            var request = new FineTuningRequest(modelFolder, parse.GetValue(scratch), train, validationRows, outFolder, options, resuming,
                parse.GetValue(augment) is { } augmentations ? CaptionAugmentations.Load(augmentations.FullName) : null);
            var console = new TrainingConsole(error);
            try
            {
                TrainerState state = await run.RunAsync(request, console, cancellationToken);
                parse.InvocationConfiguration.Output.WriteLine(
                    $"trained {state.EpochsDone} epochs ({state.Steps} steps); model written to {outFolder}");
                return ExitCodes.Ok;
            }
            catch (OperationCanceledException)
            {
                error.WriteLine(console.LastSavedEpoch is { } epoch
                    ? $"stopped; {outFolder} holds epoch {epoch}. Run the same command with --resume to continue."
                    : "stopped before the first epoch was saved.");
                throw;
            }
        }));
        return command;
    }

    /// <summary>
    /// The folder the run starts from. From scratch, a local folder needs only its config, tokenizer and preprocessor
    /// files (its weights, if any, are not read); otherwise the model is resolved like everywhere else (a folder or a hub id).
    /// </summary>
    private static async Task<string> StartingFolderAsync(string model, bool fromScratch, IHost host, CancellationToken cancellationToken)
    {
        if (fromScratch && Directory.Exists(model))
        {
            // The tokenizer and preprocessor files are checked where they are read.
            ModelFilesMissingException.ThrowIfMissing(Path.GetFullPath(model), ["config.json"]);
            return Path.GetFullPath(model);
        }
        ResolvedModel resolved = await host.Services.GetRequiredService<ModelLocator>()
            .ResolveAsync(model, ConsoleDownloadProgress.ForStandardError(), cancellationToken);
        return resolved.Folder;
    }

    /// <summary>Progress lines on standard error; remembers the last saved epoch for the stop message.</summary>
    private sealed class TrainingConsole(TextWriter error) : IProgress<TrainingProgress>
    {
        public int? LastSavedEpoch { get; private set; }

        public void Report(TrainingProgress p)
        {
            var inv = CultureInfo.InvariantCulture;
            switch (p.Phase)
            {
                case TrainingPhase.Decoding:
                    error.WriteLine($"decoding videos {p.Done}/{p.Total}");
                    break;
                case TrainingPhase.Training:
                    error.WriteLine(string.Create(inv,
                        $"epoch {p.Epoch}  step {p.Done}/{p.Total}  loss {p.Loss:0.0000}  lr {p.LearningRate:0.00e0}  {p.ClipsPerSecond:0.0} clips/s"));
                    break;
                case TrainingPhase.EpochSaved:
                    LastSavedEpoch = p.Epoch;
                    string validation = p.ValidationLoss is { } loss
                        ? string.Create(inv, $", validation loss {loss:0.0000}, top-1 {p.ValidationAccuracy:0.000}") : "";
                    error.WriteLine(string.Create(inv, $"epoch {p.Epoch}/{p.Total} saved: train loss {p.Loss:0.0000}{validation}"));
                    break;
            }
        }
    }
}
