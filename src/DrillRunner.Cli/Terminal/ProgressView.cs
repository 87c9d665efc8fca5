using System.Globalization;
using DrillRunner.Engine;
using DrillRunner.Timeline;
using DrillRunner.Units;
using Spectre.Console;

namespace DrillRunner.Cli.Terminal;

/// <summary>
/// Live progress: phase, elapsed time, probe success rate and active faults on a status line (interactive) or a
/// line every few seconds (CI, pipes), with every timeline event printed as it happens.
/// </summary>
internal sealed class ProgressView : IProgress<RunProgress>, IProgress<TimelineEvent>
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private readonly TimeProvider _time;
    private readonly bool _interactive = AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
    private StatusContext? _status;
    private DateTimeOffset _lastPlain = DateTimeOffset.MinValue;

    public ProgressView(TimeProvider time)
    {
        _time = time;
    }

    public async Task<T> ShowAsync<T>(Func<Task<T>> work)
    {
        if (!_interactive)
        {
            return await work();
        }

        return await AnsiConsole.Status().Spinner(Spinner.Known.Dots).StartAsync("starting", async context =>
        {
            _status = context;
            return await work();
        });
    }

    public void Report(RunProgress value)
    {
        var rate = value.ProbeSuccessRate is { } r ? new Percentage(r).ToString() : "-";
        var faults = value.ActiveFaults.Count == 0 ? "none" : string.Join("; ", value.ActiveFaults);
        var line = $"{value.Phase.ToString().ToLowerInvariant(),-9} {DurationParser.Format(value.Elapsed),8}  probes ok {rate,7}  active faults: {faults}";
        if (_status is not null)
        {
            _status.Status(Markup.Escape(line));
            return;
        }

        var now = _time.GetUtcNow();
        if (now - _lastPlain >= PlainInterval)
        {
            _lastPlain = now;
            Console.WriteLine($"  .. {line}");
        }
    }

    public void Report(TimelineEvent value)
    {
        if (value.Kind == EventKinds.Phase)
        {
            return;
        }

        var colour = value.Kind switch
        {
            EventKinds.FaultInjected => "yellow",
            EventKinds.FaultReverted => "green",
            EventKinds.Error or EventKinds.Abort => "red",
            _ => "grey",
        };
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[{colour}]{value.At:HH:mm:ss} {value.Kind,-15}[/] {value.Message}");
    }
}
