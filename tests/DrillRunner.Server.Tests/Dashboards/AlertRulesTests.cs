using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using DrillRunner.Metrics;

namespace DrillRunner.Server.Tests.Dashboards;

public sealed partial class AlertRulesTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "dashboards", "prometheus");

    [GeneratedRegex(@"drillrunner_[a-z_]+", RegexOptions.CultureInvariant)]
    private static partial Regex MetricName();

    [Fact]
    public void Alert_rules_use_only_the_runner_metric_names()
    {
        var known = typeof(MetricNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToHashSet(StringComparer.Ordinal);
        var used = MetricName().Matches(File.ReadAllText(Path.Combine(Folder, "alerts.yml"))).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(known));
        Assert.Contains(MetricNames.RestoreFailuresTotal, used);
        Assert.Contains(MetricNames.OldestActiveFaultSeconds, used);
        Assert.Contains(MetricNames.RunnerUp, used);
    }

    [PromtoolFact]
    public async Task Promtool_accepts_the_rules_and_their_unit_tests_pass()
    {
        Assert.NotNull(Promtool.Path);
        var (checkCode, checkOutput) = await RunAsync("check", "rules", "alerts.yml");
        Assert.True(checkCode == 0, checkOutput);
        Assert.Contains("4 rules found", checkOutput, StringComparison.Ordinal);

        var (testCode, testOutput) = await RunAsync("test", "rules", "alerts.test.yml");
        Assert.True(testCode == 0, testOutput);
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Promtool.Path!) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60), TimeProvider.System);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await error);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Directory.Packages.props")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("repository root (Directory.Packages.props) not found above " + AppContext.BaseDirectory);
    }
}
