using System.Globalization;

namespace DrillRunner.FaultLatency;

internal static class Report
{
    public static void Print(Dictionary<string, List<double>> samples, int iterations)
    {
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine($"| fault | n | driver p50 | driver p95 | CLI p50 | CLI p95 | driver/CLI p50 | driver/CLI p95 |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var fault in new[] { "kill", "restart" })
        {
            var driver = samples[$"{fault}/driver"];
            var cli = samples[$"{fault}/cli"];
            var (d50, d95, c50, c95) = (Percentile(driver, 50), Percentile(driver, 95), Percentile(cli, 50), Percentile(cli, 95));
            Console.WriteLine(string.Format(
                culture,
                "| {0} | {1} | {2:0} ms | {3:0} ms | {4:0} ms | {5:0} ms | {6:0.00} | {7:0.00} |",
                fault, iterations, d50, d95, c50, c95, d50 / c50, d95 / c95));
        }
    }

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
