using DrillRunner.Engine;
using DrillRunner.Model;
using DrillRunner.Testing.Fakes;
using DrillRunner.Timeline;

namespace DrillRunner.Traffic.Tests.Drill;

/// <summary>A step context on the real clock over a fake driver, allowing only 127.0.0.1.</summary>
internal static class DrillContexts
{
    public static StepContext Create()
    {
        var environment = new EnvironmentSpec { Name = "test", Allowlist = ["127.0.0.1"] };
        return new StepContext
        {
            RunId = "run-1",
            Environment = environment,
            Driver = new FakeDriver(environment),
            Time = TimeProvider.System,
            Timeline = new RunTimeline(),
        };
    }

    /// <summary>Waits, on the real clock, until the condition holds or the limit passes.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan limit)
    {
        var until = TimeProvider.System.GetTimestamp() + (long)(limit.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (!condition())
        {
            if (TimeProvider.System.GetTimestamp() > until)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }

        return true;
    }
}
