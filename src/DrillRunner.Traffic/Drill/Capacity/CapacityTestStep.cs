using System.Globalization;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Steps;
using DrillRunner.Timeline;
using DrillRunner.Units;

namespace DrillRunner.Traffic.Drill.Capacity;

/// <summary>
/// Runs a knee search against the step's url and records what it found in the timeline. Not a fault: it changes
/// nothing that needs undoing, and its load is bounded in count and time and stops by itself.
/// </summary>
internal sealed class CapacityTestStep(CapacityOptions options) : IStep
{
    public bool IsFault => false;

    public IEnumerable<Uri> Targets => Uri.TryCreate(options.Url, UriKind.Absolute, out var url) ? [url] : [];

    public string Describe() =>
        $"capacity search {options.From}..{options.To} on {options.Url} (p99 <= {DurationParser.Format(options.P99)}, errors <= {options.MaxErrors}, within {options.Precision})";

    public Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken)
    {
        TrafficPlans.Target(context, options, options.Url);
        return Task.FromResult<UndoRecord?>(null);
    }

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        var source = options.Name ?? options.Kind;
        var plan = new LoadPlan
        {
            Target = TrafficPlans.Target(context, options, options.Url),
            AllowedHosts = context.Environment.Allowlist,
            Mix = TrafficPlans.Mix(options.Mix),
            Users = options.Users,
            Timeout = options.Timeout,
            Connections = options.Connections,
            Insecure = options.Insecure,
            Seed = TrafficStep.StableSeed(context.RunId, source),
        };
        var started = context.Time.GetUtcNow();
        var progress = new Progress(context, source);
        var result = await KneeSearch.RunAsync(plan, options.Settings(), progress, context.Time, cancellationToken);
        var finding = new CapacityFinding(
            source, result.Held, result.Broke, options.ExpectedPeak?.PerSecond, options.Precision.Fraction, started, context.Time.GetUtcNow(),
            [.. result.Probes.Select(p => new CapacityProbe(p.Step.Rate, p.Step.AchievedRate, p.Step.P99.TotalMilliseconds, p.Step.ErrorShare, p.Step.Broke, p.Phase))])
        {
            Converged = result.Converged,
        };
        context.Timeline.Add(finding);
        return Summary(finding);
    }

    internal static string Summary(CapacityFinding f)
    {
        var took = $"{f.Probes.Count.ToString(CultureInfo.InvariantCulture)} probes in {DurationParser.Format(f.EndedAt - f.StartedAt)}";
        var knee = f.KneePerSecond is { } k
            ? f.BrokePerSecond is { } b ? $"knee {Rate(k)} (held; {Rate(b)} broke; within {new Percentage((b - k) / k)})" : $"held up to the upper bound {Rate(k)}"
            : $"broke already at the lower bound {Rate(f.BrokePerSecond ?? 0)}";
        var headroom = f.Headroom is { } h ? $"; expected peak {Rate(f.ExpectedPeakPerSecond!.Value)}: headroom {h.ToString("0.0#", CultureInfo.InvariantCulture)}x" : "";
        return $"capacity: {knee}{headroom} ({took})";
    }

    private static string Rate(double perSecond) => new Units.Rate(perSecond).ToString();

    private sealed class Progress(StepContext context, string source) : IProgress<KneeProbe>
    {
        public void Report(KneeProbe value)
        {
            var s = value.Step;
            var text = value.Phase == KneeSearch.WarmUp
                ? $"capacity warm-up {Rate(s.Rate)} (not judged): achieved {Rate(s.AchievedRate)}, p99 {s.P99.TotalMilliseconds:0}ms, errors {new Percentage(s.ErrorShare)}"
                : $"capacity probe ({value.Phase}) {Rate(s.Rate)}: achieved {Rate(s.AchievedRate)}, p99 {s.P99.TotalMilliseconds:0}ms, errors {new Percentage(s.ErrorShare)}{(s.Broke is { } b ? $": broke ({b})" : ": held")}";
            context.Timeline.Add(new TimelineEvent(context.Time.GetUtcNow(), EventKinds.Note, text, source));
        }
    }
}
