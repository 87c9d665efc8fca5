using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DrillRunner.Metrics;

namespace DrillRunner.Server.Tests.Dashboards;

public sealed partial class GrafanaDashboardTests
{
    [GeneratedRegex(@"drillrunner_[a-z0-9_]+", RegexOptions.CultureInvariant)]
    private static partial Regex MetricName();

    [Fact]
    public void Every_metric_the_dashboard_queries_is_one_the_server_exports()
    {
        var dashboard = Load();
        var exported = typeof(MetricNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);

        var used = Expressions(dashboard).SelectMany(e => MetricName().Matches(e).Select(m => m.Value))
            // Counters are queried as-is here; strip the suffixes Prometheus adds to histograms, should one appear.
            .Select(name => Regex.Replace(name, "_(bucket|sum|count)$", "", RegexOptions.CultureInvariant))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(exported));
        foreach (var name in new[] { MetricNames.RunsTotal, MetricNames.LastScore, MetricNames.LastRtoSeconds, MetricNames.RtoTargetSeconds, MetricNames.ActiveFaults, MetricNames.RestoreFailuresTotal, MetricNames.RunnerUp })
        {
            Assert.Contains(name, used);
        }
    }

    [Fact]
    public void The_dashboard_is_importable_with_a_prometheus_datasource_input_and_the_promised_panels()
    {
        var dashboard = Load();

        Assert.InRange((int)dashboard["schemaVersion"]!, 36, 41);
        var input = Assert.Single(dashboard["__inputs"]!.AsArray());
        Assert.Equal("DS_PROMETHEUS", (string?)input!["name"]);
        Assert.Equal("prometheus", (string?)input["pluginId"]);
        var panels = dashboard["panels"]!.AsArray().Select(p => p!).ToList();
        var titles = panels.Select(p => (string?)p["title"]).ToList();
        foreach (var title in new[] { "Verdicts over time", "Last score per drill", "RTO vs target", "Active faults", "Restore failures", "Runner up" })
        {
            Assert.Contains(title, titles);
        }

        Assert.Equal(panels.Count, panels.Select(p => (int)p["id"]!).Distinct().Count());
        Assert.All(panels.SelectMany(p => p["targets"]!.AsArray()), t => Assert.Equal("${DS_PROMETHEUS}", (string?)t!["datasource"]!["uid"]));
    }

    private static IEnumerable<string> Expressions(JsonNode dashboard) =>
        dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]!.AsArray()).Select(t => (string?)t!["expr"] ?? "");

    private static JsonNode Load()
    {
        // The test runs from artifacts/bin/...; the dashboard lives in the repository, found by walking up.
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "dashboards", "grafana", "drillrunner.json");
            if (File.Exists(path))
            {
                return JsonNode.Parse(File.ReadAllText(path))!;
            }
        }

        throw new FileNotFoundException("dashboards/grafana/drillrunner.json not found above " + AppContext.BaseDirectory);
    }
}
