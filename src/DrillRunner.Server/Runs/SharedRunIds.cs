using System.Globalization;
using DrillRunner.Engine;
using DrillRunner.Hosting;

namespace DrillRunner.Runs;

/// <summary>
/// Run ids for the server. One runner's 16 random bits per second are plenty; runners sharing a journal get 32 more,
/// so two runners accepting triggers in the same second never pick the same id.
/// </summary>
internal static class SharedRunIds
{
    public static string New(Runner runner) =>
        runner.IsShared
            ? RunIds.New(runner.Time) + Random.Shared.Next().ToString("x8", CultureInfo.InvariantCulture)
            : RunIds.New(runner.Time);
}
