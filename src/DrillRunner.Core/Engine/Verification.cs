using DrillRunner.Probes;
using DrillRunner.Timeline;

namespace DrillRunner.Engine;

/// <summary>
/// A verification round: every probe that must read back what it wrote does so now, and its summary is journaled.
/// A probe that fails to verify is an error event: its writes stay unverified, which scores as unknown, never as 0.
/// </summary>
internal static class Verification
{
    public static bool IsNeeded(RunState state) => state.Drill.Probes.OfType<IVerifyingProbe>().Any();

    public static async Task RunAsync(RunState state, string round)
    {
        foreach (var probe in state.Drill.Probes.OfType<IVerifyingProbe>())
        {
            try
            {
                await state.LogAsync(EventKinds.Verify, await probe.VerifyAsync(state.Context, round, CancellationToken.None));
            }
#pragma warning disable CA1031 // A failed read-back is recorded and scored as unknown; the run still ends and reports.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                await state.LogAsync(EventKinds.Error, $"probe '{probe.Name}' could not verify its writes ({round}): {ex.Message}");
            }
        }
    }
}
