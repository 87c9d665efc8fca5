using System.Diagnostics;
using DrillRunner.Server.Tests.Harness;

namespace DrillRunner.Server.Tests.RealProcesses;

/// <summary><c>drill run NAME --server URL</c> as a real process against a real server.</summary>
[Collection(HangfireHostsCollection.Name)]
public sealed class RemoteRunTests : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() =>
        _server = await ServerHarness.StartAsync(new Dictionary<string, string> { ["quick"] = TestDrills.Kill("quick") });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_remote_run_follows_the_run_saves_the_report_and_exits_0_on_pass()
    {
        var reports = Path.Combine(_server.Folder.Path, "cli-reports");
        var (code, output) = await DrillAsync(ServerHarness.OperatorKey, "run", "quick", "--server", _server.Address.ToString(), "--report-dir", reports);
        if (code != 0 && System.Text.RegularExpressions.Regex.Match(output, @"as run (\S+)", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)) is { Success: true } m)
        {
            await _server.WaitAsync(m.Groups[1].Value, seconds: 1);
        }

        Assert.True(code == 0, output);
        Assert.Contains("PASS", output, StringComparison.Ordinal);
        var report = Assert.Single(Directory.GetFiles(reports, "report.md", SearchOption.AllDirectories));
        Assert.Contains("quick", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remote_run_with_a_viewer_key_is_refused_with_exit_code_2()
    {
        var (code, output) = await DrillAsync(ServerHarness.ViewerKey, "run", "quick", "--server", _server.Address.ToString());

        Assert.Equal(2, code);
        Assert.Contains("403", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> DrillAsync(string apiKey, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "drill.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DRILLRUNNER_API_KEY"] = apiKey;
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90), TimeProvider.System);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return (-1, "timed out: " + await stdout + await stderr);
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
