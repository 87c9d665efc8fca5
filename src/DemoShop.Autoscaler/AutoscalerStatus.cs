using System.Globalization;
using System.Text;

namespace DemoShop.Autoscaler;

/// <summary>What the autoscaler last saw and did, for <c>/metrics</c> and <c>/status</c>.</summary>
internal sealed class AutoscalerStatus
{
    private readonly Lock _gate = new();
    private readonly List<string> _events = [];
    private long _scaleOuts;
    private long _scaleIns;
    private long _errors;

    public double InFlight { get; private set; }

    public int Current { get; private set; }

    public int Desired { get; private set; }

    public string? LastError { get; private set; }

    public void Observed(double inFlight, int current)
    {
        InFlight = inFlight;
        Current = current;
        Desired = current;
    }

    public void Scaled(DateTimeOffset at, int from, int to, double inFlight)
    {
        Desired = to;
        Interlocked.Increment(ref to > from ? ref _scaleOuts : ref _scaleIns);
        lock (_gate)
        {
            _events.Add(string.Create(CultureInfo.InvariantCulture, $"{at:O} scaled {from} -> {to} (in-flight {inFlight:0.#})"));
            if (_events.Count > 50)
            {
                _events.RemoveAt(0);
            }
        }
    }

    public void Failed(string error)
    {
        Interlocked.Increment(ref _errors);
        LastError = error;
    }

    public IReadOnlyList<string> Events()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }

    public string Metrics() => new StringBuilder()
        .AppendLine("# TYPE autoscaler_in_flight gauge").AppendLine(Line("autoscaler_in_flight", InFlight))
        .AppendLine("# TYPE autoscaler_replicas gauge").AppendLine(Line("autoscaler_replicas", Current))
        .AppendLine("# TYPE autoscaler_desired_replicas gauge").AppendLine(Line("autoscaler_desired_replicas", Desired))
        .AppendLine("# TYPE autoscaler_scale_events_total counter")
        .AppendLine(Line("autoscaler_scale_events_total{direction=\"out\"}", Interlocked.Read(ref _scaleOuts)))
        .AppendLine(Line("autoscaler_scale_events_total{direction=\"in\"}", Interlocked.Read(ref _scaleIns)))
        .AppendLine("# TYPE autoscaler_errors_total counter").AppendLine(Line("autoscaler_errors_total", Interlocked.Read(ref _errors)))
        .ToString();

    private static string Line(string name, double value) => $"{name} {value.ToString(CultureInfo.InvariantCulture)}";
}
