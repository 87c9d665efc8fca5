using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DrillRunner.Cli.Tests;

/// <summary><c>drill load</c> as a user runs it: a real server on 127.0.0.1, the real command, its own generator process.</summary>
public sealed partial class LoadCommandTests : IAsyncLifetime, IDisposable
{
    private readonly DemoWorkspace _workspace = new();
    private WebApplication _server = null!;
    private int _requests;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        _server = builder.Build();
        _server.Run(context =>
        {
            Interlocked.Increment(ref _requests);
            return context.Response.WriteAsync("ok");
        });
        await _server.StartAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    private string Url => _server.Urls.Single() + "/products";

    [Fact]
    public async Task Load_runs_its_plan_in_a_tuned_generator_process_and_reports_planned_and_achieved_rate()
    {
        using var drill = DrillProcess.Start(_workspace.Path, "load", Url, "--rate", "200/s", "--duration", "2s");

        var code = await drill.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(code == 0, drill.Output);
        var generator = GeneratorPid().Match(drill.Output);
        Assert.True(generator.Success, drill.Output);
        Assert.NotEqual(drill.Id, int.Parse(generator.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Contains("planned 200/s, achieved 200/s (400 of 400 sent, 0 dropped", drill.Output, StringComparison.Ordinal);
        Assert.Equal(400, Volatile.Read(ref _requests));
    }

    [Fact]
    public async Task Sigterm_to_the_command_stops_the_generator_process_early()
    {
        using var drill = DrillProcess.Start(_workspace.Path, "load", Url, "--rate", "50/s", "--duration", "5m");
        await drill.WaitForOutputAsync("generator: own process", TimeSpan.FromMinutes(1));
        await drill.WaitForOutputAsync("1s planned", TimeSpan.FromSeconds(30));
        var generator = int.Parse(GeneratorPid().Match(drill.Output).Groups[1].Value, CultureInfo.InvariantCulture);

        using (var kill = Process.Start("kill", ["-TERM", drill.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var code = await drill.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(code == 0, drill.Output);
        Assert.Contains("stopped by Cancelled", drill.Output, StringComparison.Ordinal);
        Assert.False(Processes.IsAlive(generator), $"generator process {generator} still running");
        Assert.InRange(Volatile.Read(ref _requests), 50, 50 * 60);
    }

    [GeneratedRegex(@"generator: own process \(pid (\d+)\)")]
    private static partial Regex GeneratorPid();
}
