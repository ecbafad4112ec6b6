using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoSearch.Training.FineTuning;

/// <summary>
/// <c>trainer_state.json</c> in a trained folder: what produced it (the options and a fingerprint of the rows), how far
/// it got, and each epoch's figures. <c>--resume</c> continues only a run whose recipe matches, so a resumed run
/// ends where an uninterrupted one would.
/// </summary>
public sealed record TrainerState
{
    /// <summary>The file's name inside the folder.</summary>
    public const string FileName = "trainer_state.json";

    /// <summary>Epochs finished and saved.</summary>
    public int EpochsDone { get; init; }

    /// <summary>Optimiser steps taken.</summary>
    public int Steps { get; init; }

    /// <summary>Steps the whole run takes (its learning-rate schedule spans them).</summary>
    public int TotalSteps { get; init; }

    /// <summary>The options of the run.</summary>
    public required TrainingOptions Options { get; init; }

    /// <summary>Whether the run started from random weights.</summary>
    public bool FromScratch { get; init; }

    /// <summary>The model the run started from.</summary>
    public required string BaseModel { get; init; }

    /// <summary>Fingerprint of the training and validation rows (paths relative to their files, spans, captions).</summary>
    public required string DataFingerprint { get; init; }

    /// <summary>Per epoch: training loss (mean over its steps), validation loss and validation top-1.</summary>
    public List<EpochFigures> History { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The state as written to <see cref="FileName"/>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads the state of a trained folder.</summary>
    /// <exception cref="TrainingDataException">The folder holds no state, or an unreadable one.</exception>
    public static TrainerState Load(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new TrainingDataException($"{folder} holds no {FileName}: it was not written by `videosearch train`, so it cannot be resumed.");
        try
        {
            return JsonSerializer.Deserialize<TrainerState>(File.ReadAllText(path), Json)
                ?? throw new TrainingDataException($"{path} is empty.");
        }
        catch (JsonException e) { throw new TrainingDataException($"{path} is not a trainer state: {e.Message}", e); }
    }
}

/// <summary>The figures of one epoch.</summary>
public sealed record EpochFigures(int Epoch, double TrainLoss, double? ValidationLoss, double? ValidationAccuracy, double Seconds);
