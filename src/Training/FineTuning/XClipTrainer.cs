using TorchSharp;
using TorchSharp.Modules;
using VideoSearch.Core.Model;
using static TorchSharp.torch;

namespace VideoSearch.Training.FineTuning;

/// <summary>
/// Optimises an <see cref="XClipModel"/> with Hugging Face's contrastive loss (<c>return_loss=True</c>): AdamW over
/// the parameters not frozen, gradients clipped to a global norm, and the learning rate of the schedule at each step.
/// One dispose scope per step, so memory stays flat over any number of steps.
/// </summary>
public sealed class XClipTrainer : IDisposable
{
    private readonly XClipModel _model;
    private readonly TrainingBatchBuilder _batches;
    private readonly LearningRateSchedule _schedule;
    private readonly Parameter[] _trainable;
    private readonly double _maxGradientNorm;

    /// <summary>Trains <paramref name="model"/> (which it does not own) with <paramref name="options"/> over <paramref name="totalSteps"/> steps.</summary>
    /// <exception cref="TrainingDataException">A freeze prefix matches no parameter, or every parameter is frozen.</exception>
    public XClipTrainer(XClipModel model, TrainingBatchBuilder batches, TrainingOptions options, int totalSteps)
    {
        _model = model;
        _batches = batches;
        _schedule = LearningRateSchedule.For(options, totalSteps);
        _maxGradientNorm = options.MaxGradientNorm;
        var named = model.named_parameters().ToArray();
        foreach (string prefix in options.Freeze)
            if (!named.Any(p => IsUnder(p.name, prefix)))
                throw new TrainingDataException($"--freeze {prefix} matches no parameter (they start with {string.Join(", ", named.Select(p => p.name.Split('.')[0]).Distinct())}).");
        foreach (var (name, parameter) in named) parameter.requires_grad = !options.Freeze.Any(prefix => IsUnder(name, prefix));
        _trainable = named.Where(p => p.parameter.requires_grad).Select(p => p.parameter).ToArray();
        if (_trainable.Length == 0) throw new TrainingDataException("--freeze leaves no parameter to train.");
        Optimizer = torch.optim.AdamW(_trainable, lr: options.LearningRate, weight_decay: options.WeightDecay);
    }

    /// <summary>The AdamW optimiser (its state is saved with a checkpoint).</summary>
    public OptimizerHelper Optimizer { get; }

    /// <summary>Parameters being trained, and all parameters.</summary>
    public (long Trainable, long Total) ParameterCounts =>
        (_trainable.Sum(p => p.numel()), _model.parameters().Sum(p => p.numel()));

    /// <summary>One optimiser step on the samples at <paramref name="batch"/>; returns the loss before the step.</summary>
    public double Step(IReadOnlyList<TrainingSample> samples, IReadOnlyList<int> batch, int step)
    {
        using var scope = NewDisposeScope();
        _model.train();
        foreach (var group in Optimizer.ParamGroups) group.LearningRate = _schedule.At(step);
        Optimizer.zero_grad();
        var (ids, mask, pixels) = _batches.Build(samples, batch);
        using var output = _model.Forward(ids, mask, pixels, new XClipForwardOptions { ReturnLoss = true });
        Tensor loss = output.Loss!;
        loss.backward();
        nn.utils.clip_grad_norm_(_trainable, _maxGradientNorm);
        Optimizer.step();
        return loss.item<float>();
    }

    /// <summary>The learning rate at <paramref name="step"/>.</summary>
    public double LearningRateAt(int step) => _schedule.At(step);

    /// <summary>Mean loss over <paramref name="batches"/> in eval mode, and the share of captions whose own clip
    /// scores highest in their batch (in-batch text-to-video top-1).</summary>
    public (double Loss, double Accuracy) Evaluate(IReadOnlyList<TrainingSample> samples, IReadOnlyList<int[]> batches)
    {
        _model.eval();
        using var noGrad = torch.no_grad();
        double loss = 0, correct = 0, count = 0;
        foreach (int[] batch in batches)
        {
            using var scope = NewDisposeScope();
            var (ids, mask, pixels) = _batches.Build(samples, batch);
            using var output = _model.Forward(ids, mask, pixels, new XClipForwardOptions { ReturnLoss = true });
            loss += output.Loss!.item<float>() * batch.Length;
            var best = output.LogitsPerText.argmax(1); // (texts, videos) -> (texts)
            correct += best.eq(torch.arange(batch.Length)).sum().item<long>();
            count += batch.Length;
        }
        return count == 0 ? (double.NaN, double.NaN) : (loss / count, correct / count);
    }

    private static bool IsUnder(string name, string prefix) =>
        name == prefix || name.StartsWith(prefix.TrimEnd('.') + ".", StringComparison.Ordinal);

    /// <summary>Disposes the optimiser; the model stays with its owner.</summary>
    public void Dispose() => Optimizer.Dispose();
}
