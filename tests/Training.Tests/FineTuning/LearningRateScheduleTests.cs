using VideoSearch.Training.FineTuning;

namespace VideoSearch.Training.Tests.FineTuning;

public sealed class LearningRateScheduleTests
{
    [Fact]
    public void At_RisesLinearly_PeaksAfterWarmup_AndDecaysToZero()
    {
        var schedule = new LearningRateSchedule(1e-3, TotalSteps: 100, WarmupSteps: 10);
        Assert.Equal(1e-4, schedule.At(0), 12);
        Assert.Equal(1e-3, schedule.At(9), 12);
        Assert.Equal(1e-3, schedule.At(10), 12);
        Assert.Equal(0.5e-3, schedule.At(55), 12);
        Assert.Equal(0, schedule.At(100), 12);
        for (int step = 11; step < 100; step++) Assert.True(schedule.At(step) < schedule.At(step - 1));
    }

    [Fact]
    public void For_RoundsTheWarmupShareToSteps()
    {
        var schedule = LearningRateSchedule.For(new TrainingOptions { LearningRate = 2e-3, WarmupFraction = 0.05 }, 300);
        Assert.Equal(15, schedule.WarmupSteps);
        Assert.Equal(2e-3, schedule.Peak);
    }
}
