using System.CommandLine;
using System.Globalization;
using DrillRunner.Cli.Terminal;
using DrillRunner.Hosting;
using DrillRunner.Loading;
using DrillRunner.Traffic;
using DrillRunner.Traffic.Drill;
using DrillRunner.Units;
using Spectre.Console;

namespace DrillRunner.Cli.Commands;

/// <summary>
/// <c>drill load &lt;url|drill&gt;</c>: a standalone open-model load test with the drill engine's generator, or a
/// capacity search. A bare URL may only be loopback unless <c>--allow</c> names its host; a drill file brings its
/// environment's allowlist and its <c>traffic</c> step's url and mix.
/// </summary>
internal static class LoadCommand
{
    private const int ShownSeconds = 15;

    public static Command Create()
    {
        var target = new Argument<string>("target") { Description = "http(s) URL, or a drill file with a traffic step" };
        var rate = new Option<string?>("--rate") { Description = "Constant arrival rate, e.g. 200/s (default: the drill's rate, else 50/s)" };
        var ramp = new Option<string?>("--ramp") { Description = "Linear ramp FROM:TO:OVER, e.g. 50/s:500/s:30s" };
        var duration = new Option<string>("--duration") { Description = "Length of the run (with --ramp: the ramp's)", DefaultValueFactory = _ => "30s" };
        var users = new Option<int?>("--users") { Description = "Synthetic users (X-User-Id u1..uN)" };
        var connections = new Option<int?>("--connections") { Description = "Keep-alive connections" };
        var allow = new Option<string[]>("--allow") { Description = "Extra host a URL target may be (default: loopback only)", AllowMultipleArgumentsPerToken = false };
        var find = new Option<bool>("--find-capacity") { Description = "Step the rate up 25% every 10s until p99 or errors break; report the highest rate that held" };
        var p99 = new Option<string>("--p99") { Description = "p99 bound for --find-capacity", DefaultValueFactory = _ => "500ms" };
        var maxErrors = new Option<string>("--max-errors") { Description = "Error bound for --find-capacity", DefaultValueFactory = _ => "1%" };
        var stepLength = new Option<string>("--step") { Description = "Length of each --find-capacity step", DefaultValueFactory = _ => "10s" };
        var command = new Command("load", "Load-test a URL or a drill's traffic target (open model, bounded), or find its capacity")
        {
            target, rate, ramp, duration, users, connections, allow, find, p99, maxErrors, stepLength,
        };
        command.SetAction((parse, _) => ErrorPrinter.GuardAsync(async () =>
        {
            var (plan, drillRate) = BasePlan(parse.GetValue(target)!, parse.GetValue(allow) ?? []);
            var length = ParseDuration(parse.GetValue(duration)!, "--duration");
            var profile = Profile(parse.GetValue(rate), parse.GetValue(ramp), drillRate, length);
            plan = LoadPlans.With(plan, profile, profile.Duration, parse.GetValue(users), parse.GetValue(connections));
            using var abort = new AbortSignal(m => AnsiConsole.MarkupLineInterpolated($"[yellow]{m}[/]"));
            await LoadGenerator.WarmUpAsync(abort.Token);
            if (!parse.GetValue(find))
            {
                return await RunOnceAsync(plan, abort.Token);
            }

            var settings = new CapacitySettings(profile.Segments[0].StartRate, ParseDuration(parse.GetValue(p99)!, "--p99"), ParsePercentage(parse.GetValue(maxErrors)!).Fraction)
            {
                StepLength = ParseDuration(parse.GetValue(stepLength)!, "--step"),
            };
            return await FindCapacityAsync(plan, settings, abort.Token);
        }));
        return command;
    }

    private static (LoadPlan Plan, double? Rate) BasePlan(string target, string[] allow)
    {
        if (File.Exists(target))
        {
            return LoadPlans.ForDrill(new DrillLoader(Runner.CreateCatalog()).Load(target));
        }

        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new DrillInputException($"'{target}' is neither a drill file nor an absolute http(s) URL");
        }

        var plan = LoadPlans.ForUrl(uri, allow);
        if (!plan.AllowedHosts.Any(h => string.Equals(h, uri.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)))
        {
            throw new DrillInputException($"host '{uri.Host}' is not loopback; pass --allow {uri.Host} if you own it (staging only)");
        }

        return (plan, null);
    }

    private static ArrivalProfile Profile(string? rate, string? ramp, double? drillRate, TimeSpan length)
    {
        if (rate is not null && ramp is not null)
        {
            throw new DrillInputException("give --rate or --ramp, not both");
        }

        if (ramp is null)
        {
            return ArrivalProfile.Constant(rate is null ? drillRate ?? 50 : ParseRate(rate, "--rate"), length);
        }

        var parts = ramp.Split(':');
        return parts.Length == 3
            ? ArrivalProfile.Ramp(ParseRate(parts[0], "--ramp"), ParseRate(parts[1], "--ramp"), ParseDuration(parts[2], "--ramp"))
            : throw new DrillInputException($"--ramp '{ramp}': write FROM:TO:OVER, e.g. 50/s:500/s:30s");
    }

    private static async Task<int> RunOnceAsync(LoadPlan plan, CancellationToken cancellationToken)
    {
        AnsiConsole.MarkupLineInterpolated($"load {plan.Target}: {plan.Profile!.PlannedRequests} requests planned over {DurationParser.Format(plan.Profile.Duration)}, {plan.Users} users, {plan.Connections} connections (Ctrl+C stops)");
        AnsiConsole.MarkupLineInterpolated($"generator: {GeneratorSettings()}");
        var result = await WithViewAsync(view => LoadGenerator.RunAsync(plan, view, TimeProvider.System, cancellationToken));
        var t = result.Total;
        AnsiConsole.MarkupLineInterpolated($"[bold]planned {result.PlannedRate:0.#}/s, achieved {result.AchievedRate:0.#}/s[/] ({t.Sent} of {t.Planned} sent, {t.Dropped} dropped, {t.Late} late), stopped by {result.StoppedBy}");
        AnsiConsole.MarkupLineInterpolated($"ok {t.Ok}, failed {t.Failed.Total} (4xx {t.Failed.Status4xx}, 5xx {t.Failed.Status5xx}, timeout {t.Failed.Timeout}, connect {t.Failed.ConnectError}, transport {t.Failed.Transport})");
        AnsiConsole.MarkupLineInterpolated($"latency p50 {Ms(t.Latency.P50)} p95 {Ms(t.Latency.P95)} p99 {Ms(t.Latency.P99)} max {Ms(t.Latency.Max)}; users affected {result.UsersAffected} of {result.UsersActive}");
        if (t.Planned > 0 && t.Sent < t.Planned * 0.99)
        {
            AnsiConsole.MarkupLine("[yellow]warning[/] the generator fell short of its plan: latency figures understate the load asked for");
        }

        return ExitCodes.Pass;
    }

    private static async Task<int> FindCapacityAsync(LoadPlan plan, CapacitySettings settings, CancellationToken cancellationToken)
    {
        AnsiConsole.MarkupLineInterpolated($"capacity of {plan.Target}: from {settings.StartRate:0.#}/s, +{(settings.Growth - 1) * 100:0}% every {DurationParser.Format(settings.StepLength)}, until p99 > {Ms(settings.P99)} or errors > {settings.MaxErrors * 100:0.##}% (at most {settings.MaxSteps} steps, {DurationParser.Format(settings.MaxTotal)})");
        var steps = new SyncProgress<CapacityStep>(s => AnsiConsole.MarkupLineInterpolated(
            $"step {s.Rate:0.#}/s: achieved {s.AchievedRate:0.#}/s, p99 {Ms(s.P99)}, errors {s.ErrorShare * 100:0.##}% -> {(s.Broke is null ? "held" : "BROKE: " + s.Broke)}"));
        var result = await CapacitySearch.RunAsync(plan, settings, steps, perSecond: null, TimeProvider.System, cancellationToken);
        AnsiConsole.MarkupLine(result.HighestHeldRate is { } held
            ? $"[bold]highest rate that held: {held.ToString("0.#", CultureInfo.InvariantCulture)}/s[/]"
            : "[red]even the first step broke[/]: lower the starting --rate");
        return ExitCodes.Pass;
    }

    /// <summary>A live table of the last seconds on a terminal; one plain line per second when redirected.</summary>
    private static async Task<LoadResult> WithViewAsync(Func<IProgress<TrafficSecond>, Task<LoadResult>> run)
    {
        if (Console.IsOutputRedirected)
        {
            return await run(new SyncProgress<TrafficSecond>(s => Console.WriteLine(Line(s))));
        }

        var table = new Table().AddColumns("s", "planned", "sent", "ok", "failed", "p50", "p95", "p99", "max");
        var gate = new Lock();
        return await AnsiConsole.Live(table).StartAsync(async live => await run(new SyncProgress<TrafficSecond>(s =>
        {
            lock (gate)
            {
                var c = s.Counts;
                table.AddRow(s.Second.ToString(CultureInfo.InvariantCulture), N(c.Planned), N(c.Sent), N(c.Ok), c.Failed.Total > 0 ? $"[red]{c.Failed.Total}[/]" : "0",
                    Ms(c.Latency.P50), Ms(c.Latency.P95), Ms(c.Latency.P99), Ms(c.Latency.Max));
                while (table.Rows.Count > ShownSeconds)
                {
                    table.Rows.RemoveAt(0);
                }

                live.Refresh();
            }
        })));
    }

    private static string Line(TrafficSecond s)
    {
        var c = s.Counts;
        return $"{s.Second,4}s planned {c.Planned} sent {c.Sent} ok {c.Ok} failed {c.Failed.Total} (5xx {c.Failed.Status5xx}, timeout {c.Failed.Timeout}, connect {c.Failed.ConnectError}) p50 {Ms(c.Latency.P50)} p95 {Ms(c.Latency.P95)} p99 {Ms(c.Latency.P99)}";
    }

    private static string GeneratorSettings() => GeneratorProcess.IsChild
        ? $"own process (pid {Environment.ProcessId}), inline socket completions, no PGO re-compilation, {Environment.ProcessorCount} core(s)"
        : $"in-process (untuned runtime), {Environment.ProcessorCount} core(s)";

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Ms(TimeSpan value) => $"{value.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture)}ms";

    private static double ParseRate(string text, string option) =>
        Rate.TryParse(text, out var value, out var error) ? value.PerSecond : throw new DrillInputException($"{option}: {error}");

    private static TimeSpan ParseDuration(string text, string option) =>
        DurationParser.TryParse(text, out var value, out var error) ? value : throw new DrillInputException($"{option}: {error}");

    private static Percentage ParsePercentage(string text) =>
        Percentage.TryParse(text, out var value, out var error) ? value : throw new DrillInputException($"--max-errors: {error}");

    /// <summary>Reports on the caller's thread: <see cref="Progress{T}"/> would post to a thread-pool queue and reorder lines.</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
