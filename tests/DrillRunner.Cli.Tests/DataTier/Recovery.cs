using Xunit.Abstractions;

namespace DrillRunner.Cli.Tests.DataTier;

/// <summary>`drill recover` after a killed runner, until nothing is left to it.</summary>
internal static class Recovery
{
    // The watchdog may be restoring already (it holds the lock): recover until nothing is left to it, so the
    // environment is free for the next test too.
    public static async Task<(int Code, string Output)> UntilDoneAsync(string workspace, TimeSpan limit, ITestOutputHelper output)
    {
        var deadline = TimeProvider.System.GetUtcNow().Add(limit);
        while (true)
        {
            var (code, text) = await DrillProcess.RunAsync(workspace, limit, "recover");
            output.WriteLine(text);
            if (code != 0 || !text.Contains("left alone", StringComparison.Ordinal) || TimeProvider.System.GetUtcNow() > deadline)
            {
                return (code, text);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System);
        }
    }
}
