using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DrillRunner.Cli.Tests;

/// <summary>
/// The case with real processes: a node-loss drill on the local driver, and `drill recover` from another
/// process while it runs. Recovery must leave the live run alone (its environment lock is held), so the run keeps its
/// faults for their whole duration and its verdict rests on what really happened.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed partial class ParallelRecoverTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly DemoWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Recover_during_a_live_run_leaves_its_faults_in_place_and_the_run_restores_them_itself()
    {
        // drills/node-loss.yaml with longer faults, so `drill recover` surely lands while both are in place.
        var nodeLoss = await File.ReadAllTextAsync(Path.Combine(_workspace.Path, "drills", "node-loss.yaml"));
        _workspace.Write("drills/long-node-loss.yaml", nodeLoss
            .Replace("name: node-loss", "name: long-node-loss", StringComparison.Ordinal)
            .Replace("at: 5s", "at: 2s", StringComparison.Ordinal)
            .Replace("duration: 15s ", "duration: 40s ", StringComparison.Ordinal)
            .Replace("at: 10s", "at: 4s", StringComparison.Ordinal)
            .Replace("duration: 8s", "duration: 36s", StringComparison.Ordinal));
        var up = await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "up", "demo-shop", "--driver", "local");
        Assert.True(up.ExitCode == 0, up.Output);
        try
        {
            using var run = DrillProcess.Start(_workspace.Path, "run", "drills/long-node-loss.yaml", "--driver", "local");
            await UntilAsync(() => FaultInjected().Count(run.Output) >= 2, run, "both faults injected");

            var recover = await DrillProcess.RunAsync(_workspace.Path, Limit, "recover");
            var recovered = TimeProvider.System.GetUtcNow();

            var (killed, paused) = FaultedInstances();
            Assert.True(recover.ExitCode == 0, recover.Output);
            Assert.Contains("left alone", recover.Output, StringComparison.Ordinal);
            Assert.Contains($"on pid {run.Id.ToString(CultureInfo.InvariantCulture)}", recover.Output, StringComparison.Ordinal);
            Assert.Contains("nothing to recover", recover.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("restoring what it changed", recover.Output, StringComparison.Ordinal);
            Assert.False(run.Output.Contains("fault-reverted", StringComparison.Ordinal), "a fault was reverted before its end:\n" + run.Output);
            Assert.Equal("stopped", killed);
            Assert.Equal('T', paused);

            var code = await run.WaitAsync(Limit);
            Assert.True(code is 0 or 1, $"exit {code}\n{run.Output}");
            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(ReportJson(run.Output)));
            var root = report.RootElement;
            Assert.Equal("completed", root.GetProperty("status").GetString());
            var changes = root.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("step").GetString()!);
            Assert.Equal(2, changes.Count);
            var injectPhase = root.GetProperty("timeline").GetProperty("events").EnumerateArray()
                .First(e => e.GetProperty("message").GetString() == "phase inject").GetProperty("at").GetDateTimeOffset();
            AssertLasted(changes["lose-an-app-server"], injectPhase + TimeSpan.FromSeconds(2 + 40), recovered);
            AssertLasted(changes["hang-an-app-server"], injectPhase + TimeSpan.FromSeconds(4 + 36), recovered);
        }
        finally
        {
            var down = await DrillProcess.RunAsync(_workspace.Path, Limit, "env", "down", "demo-shop", "--driver", "local");
            Assert.True(down.ExitCode == 0, down.Output);
        }
    }

    [GeneratedRegex("fault-injected", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FaultInjected();

    // A fault ends at its step's offset plus its duration on the run's clock (from the inject phase).
    private static void AssertLasted(JsonElement change, DateTimeOffset plannedEnd, DateTimeOffset recovered)
    {
        var step = change.GetProperty("step").GetString();
        Assert.Equal("reverted", change.GetProperty("status").GetString());
        var reverted = change.GetProperty("revertedAt").GetDateTimeOffset();
        Assert.True(reverted > recovered, $"{step} was reverted at {reverted:O}, before `drill recover` returned at {recovered:O}");
        Assert.True(reverted >= plannedEnd, $"{step} was reverted at {reverted:O}, before its planned end {plannedEnd:O}");
    }

    /// <summary>The supervisor's phase of the one stopped app server, and the /proc state of the one frozen (SIGSTOP) one.</summary>
    private (string? Killed, char? Paused) FaultedInstances()
    {
        var state = Path.Combine(_workspace.StateDirectory, "local", "demo-shop", "state.json");
        using var json = JsonDocument.Parse(File.ReadAllText(state));
        string? killed = null;
        char? paused = null;
        foreach (var instance in json.RootElement.GetProperty("instances").EnumerateArray().Where(i => i.GetProperty("launch").GetProperty("service").GetString() == "app"))
        {
            var phase = instance.GetProperty("phase").GetString();
            if (phase != "running")
            {
                killed = phase;
                continue;
            }

            var pid = instance.GetProperty("pid").GetInt32().ToString(CultureInfo.InvariantCulture);
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var processState = stat[(stat.LastIndexOf(')') + 2)..][0];
            if (processState is 'T' or 't')
            {
                paused = processState;
            }
        }

        return (killed, paused);
    }

    private static string ReportJson(string output)
    {
        var line = output.Split('\n').First(l => l.StartsWith("report:", StringComparison.Ordinal) && l.Contains("report.md", StringComparison.Ordinal));
        return Path.Combine(Path.GetDirectoryName(line["report:".Length..].Trim())!, "report.json");
    }

    private static async Task UntilAsync(Func<bool> condition, DrillProcess run, string what)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(start) > Limit)
            {
                throw new TimeoutException($"{what}: not within {Limit}; output:\n{run.Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }
    }
}
