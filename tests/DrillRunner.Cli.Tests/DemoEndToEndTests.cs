using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace DrillRunner.Cli.Tests;

/// <summary>The README's main job and Ctrl+C, as a user runs them: the real CLI, real DemoShop processes.</summary>
[Collection(DemoCollection.Name)]
public sealed class DemoEndToEndTests : IDisposable
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);
    private readonly DemoWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Demo_runs_the_node_loss_drill_restores_everything_and_leaves_no_process()
    {
        var (code, output) = await DrillProcess.RunAsync(_workspace.Path, RunLimit, "demo", "--driver", "local");

        Assert.True(code == 0, $"exit {code}\n{output}");
        Assert.Contains("PASS", output, StringComparison.Ordinal);
        var report = ReportFolder(output);
        var markdown = await File.ReadAllTextAsync(Path.Combine(report, "report.md"));
        Assert.Contains("| recover (gate) | <= 10s |", markdown, StringComparison.Ordinal);
        Assert.Contains("| availability | >= 99% |", markdown, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(report, "report.json")));
        Assert.Equal("completed", json.RootElement.GetProperty("status").GetString());
        var changes = json.RootElement.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal("reverted", c.GetProperty("status").GetString()));
        var pids = Processes.PrintedPids(output);
        Assert.True(pids.Count >= 5, output);
        Assert.DoesNotContain(pids, Processes.IsAlive);
    }

    [Fact]
    public async Task Ctrl_c_stops_injection_within_a_second_and_restores()
    {
        _workspace.Write("drills/long-kill.yaml", """
            name: long-kill
            environment: demo-shop
            preflight: { window: 1s }
            probes:
              - { name: health, kind: http, url: "${endpoints.shop}/health", interval: 250ms }
            steps:
              - { name: kill-app, kind: kill, at: 1s, service: app, count: 1, duration: 5m }
              - { name: stop-app, kind: stop, at: 4m, service: app, count: 1 }
            objectives:
              - { kind: recover, target: 30s }
            recovery: { deadline: 20s }
            """);
        var up = await DrillProcess.RunAsync(_workspace.Path, RunLimit, "env", "up", "demo-shop", "--driver", "local");
        Assert.True(up.ExitCode == 0, up.Output);
        try
        {
            using var run = DrillProcess.Start(_workspace.Path, "run", "drills/long-kill.yaml", "--driver", "local");
            await run.WaitForOutputAsync("fault-injected", RunLimit);

            // `drill run` loads the composition root only: no ASP.NET Core, no Hangfire mapped into the process.
            var mapped = await File.ReadAllTextAsync($"/proc/{run.Id.ToString(CultureInfo.InvariantCulture)}/maps");
            Assert.Contains("DrillRunner.Hosting.dll", mapped, StringComparison.Ordinal);
            Assert.DoesNotContain("Microsoft.AspNetCore", mapped, StringComparison.Ordinal);
            Assert.DoesNotContain("Hangfire", mapped, StringComparison.Ordinal);
            using (var signal = Process.Start("kill", ["-INT", run.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await signal.WaitForExitAsync();
            }

            var code = await run.WaitAsync(RunLimit);

            Assert.Contains("aborting", run.Output, StringComparison.Ordinal);
            Assert.True(code is 0 or 1, $"exit {code}\n{run.Output}");
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(ReportFolder(run.Output), "report.json")));
            Assert.Equal("aborted", json.RootElement.GetProperty("status").GetString());
            var events = json.RootElement.GetProperty("timeline").GetProperty("events").EnumerateArray().ToList();
            var abort = events.First(e => e.GetProperty("kind").GetString() == "abort").GetProperty("at").GetDateTimeOffset();
            var restore = events.First(e => e.GetProperty("message").GetString() == "phase restore").GetProperty("at").GetDateTimeOffset();
            Assert.True(restore - abort < TimeSpan.FromSeconds(1), $"restore began {restore - abort} after the abort");
            Assert.Equal("reverted", Assert.Single(json.RootElement.GetProperty("changes").EnumerateArray()).GetProperty("status").GetString());
            Assert.DoesNotContain(events, e => e.GetProperty("step").ValueKind == JsonValueKind.String && e.GetProperty("step").GetString() == "stop-app");

            var status = await DrillProcess.RunAsync(_workspace.Path, RunLimit, "env", "status", "demo-shop", "--driver", "local");
            Assert.Equal(4, status.Output.Split('\n').Count(l => l.Contains("Running", StringComparison.Ordinal) && l.Contains("Healthy", StringComparison.Ordinal)));
        }
        finally
        {
            var down = await DrillProcess.RunAsync(_workspace.Path, RunLimit, "env", "down", "demo-shop", "--driver", "local");
            Assert.True(down.ExitCode == 0, down.Output);
        }
    }

    private string ReportFolder(string output)
    {
        var line = output.Split('\n').First(l => l.StartsWith("report:", StringComparison.Ordinal) && l.Contains("report.md", StringComparison.Ordinal));
        var file = line["report:".Length..].Trim();
        Assert.True(File.Exists(file), file);
        Assert.StartsWith(_workspace.Path, file, StringComparison.Ordinal);
        return Path.GetDirectoryName(file)!;
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection
{
    public const string Name = "demo processes";
}
