using DrillRunner.Audit;
using DrillRunner.Cli.Terminal;
using DrillRunner.Hosting;

namespace DrillRunner.Cli.Commands;

/// <summary>
/// <c>drill recover --give-up RUN --reason ...</c>: a human ends the retries of a failed restore. Recorded in the run
/// (who, why, what is left as it is) and in the audit log of the state folder.
/// </summary>
internal static class GiveUp
{
    public static async Task<int> RunAsync(Runner runner, string runId, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            Console.Error.WriteLine("error: --give-up needs --reason: say why the restore is given up (it is audited)");
            return ExitCodes.InvalidInput;
        }

        var who = $"cli:{Environment.UserName}";
        IReadOnlyList<Journal.UndoEntry> left;
        try
        {
            left = await runner.GiveUpAsync(runId, who, reason, CancellationToken.None);
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.InvalidInput;
        }

        await LocalAudit.WriteAsync(runner.Options.StateDirectory, who, "give-up", runId, reason.Trim(), runner.Time);
        Console.WriteLine($"run {runId}: restore given up by {who} ({reason.Trim()}); {left.Count} change(s) left as they are:");
        foreach (var entry in left)
        {
            Console.WriteLine($"  {entry.Step}: {entry.Record.Kind} {entry.Record.Target}{(entry.Detail is null ? "" : " — " + entry.Detail)}");
        }

        return ExitCodes.Pass;
    }
}
